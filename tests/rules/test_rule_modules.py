"""Which rule modules a run imports: every one of yusuan.rules, found by listing the folders as
pkgutil would walk them; those of the rules across two documents only when two are compared."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import yusuan.rules as package
from yusuan.rules.engine import _REGISTRY, PAIRS_PACKAGE, catalog, rule_module_names


def test_the_modules_listed_are_those_pkgutil_walks() -> None:
    walked = [info.name for info in pkgutil.walk_packages(package.__path__, "yusuan.rules.")
              if not info.name.rpartition(".")[2].startswith("_")]
    assert rule_module_names() == walked
    assert PAIRS_PACKAGE in walked


def test_the_rules_across_two_documents_are_the_pair_package_and_only_it() -> None:
    catalog()
    modules = {spec.id: _REGISTRY.funcs[spec.id].__module__ for spec in catalog()}
    in_package = {rule_id for rule_id, module in modules.items()
                  if module.startswith(f"{PAIRS_PACKAGE}.")}
    assert in_package == {spec.id for spec in catalog() if spec.pair}
    assert in_package  # the package is not empty


ONE_THEN_TWO = """
import json, sys
from yusuan.model import Document, Source
from yusuan.rules.engine import _REGISTRY, run_pair_rules, run_rules
from yusuan.report.i18n import rule_title
doc = Document(Source("t.txt", "text", "", []))
run_rules(doc)
rule_title(next(iter(_REGISTRY.specs)), "zh")  # a report names its findings' rules
one = sorted(name for name in sys.modules if name.startswith("yusuan.rules.across"))
pairs_then = sum(spec.pair for spec in _REGISTRY.specs.values())
run_pair_rules(doc, doc)
print(json.dumps([one, pairs_then, sum(spec.pair for spec in _REGISTRY.specs.values())]))
"""


def test_a_check_of_one_document_imports_no_rule_across_two_and_a_comparison_does() -> None:
    done = subprocess.run([sys.executable, "-c", ONE_THEN_TWO], capture_output=True, text=True,
                          check=True, timeout=120)
    one, pairs_then, pairs_after = json.loads(done.stdout)
    assert one == [] and pairs_then == 0
    assert pairs_after == sum(spec.pair for spec in catalog()) > 0


RACE = """
import json, threading
from yusuan.rules.engine import _REGISTRY, _load_rule_modules, catalog
barrier = threading.Barrier(4)
counts = []
def one_document():
    barrier.wait()
    _load_rule_modules(pairs=False)
    counts.append(sum(not spec.pair for spec in list(_REGISTRY.specs.values())))
def every_rule():
    barrier.wait()
    counts.append(len(catalog()))
threads = [threading.Thread(target=one_document), threading.Thread(target=every_rule),
           threading.Thread(target=one_document), threading.Thread(target=every_rule)]
for t in threads: t.start()
for t in threads: t.join()
print(json.dumps([counts, sum(not spec.pair for spec in _REGISTRY.specs.values()),
                  len(_REGISTRY.specs)]))
"""


def test_a_check_and_a_catalog_at_once_each_see_every_rule_they_need() -> None:
    for _ in range(3):
        done = subprocess.run([sys.executable, "-c", RACE], capture_output=True, text=True,
                              check=True, timeout=120)
        counts, single, every = json.loads(done.stdout)
        assert sorted(counts) == sorted([single, single, every, every]), counts
        assert every > single > 50
