"""The rule engine: the catalog as data, registration by decorator, and `run_rules`; beside it the
shared pieces every rule package may import (messages, tolerance, folding of causes, helpers).

A rule is a small function `(doc) -> Iterable[Finding]` registered with `@rule(...)`. Every
module of the `yusuan.rules` packages is imported on first use (those of `yusuan.rules.across`,
the rules across two documents, only when those are asked for), so a new module of rules needs
no change here. Messages are templates in `engine/messages.py`, keyed by rule id.
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from yusuan.collector import fewer_collections
from yusuan.kept.dataclass_code import dataclass, field
from yusuan.model import Document, Finding, Location
from yusuan.rules.engine.messages import render

Made = TypeVar("Made")

SEVERITIES = ("error", "warning", "info")
DOCUMENT_KINDS = ("部门预算", "单位预算", "部门决算", "单位决算")
BUDGET_KINDS = ("部门预算", "单位预算")
FINAL_KINDS = ("部门决算", "单位决算")

RuleFunc = Callable[[Document], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One row of the catalog. Empty `applies_to` / `tables` mean "every document"."""

    id: str
    title_zh: str
    title_en: str
    severity: str
    category: str
    applies_to: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()
    rationale: str = ""
    late: bool = False  # runs after the others, once the tables' readings are judged
    pair: bool = False  # compares two documents: `(earlier, later) -> findings`, run_pair_rules
    words: bool = False  # reads the words of the page, not the figures of a table: a table in
    # doubt for its columns or rows withholds none of its findings

    def applies(self, doc: Document) -> bool:
        if self.applies_to and doc.kind and doc.kind not in self.applies_to:
            return False
        return not self.tables or any(doc.tables_of(kind) for kind in self.tables)


PAIRS_PACKAGE = "yusuan.rules.across"  # the rules across two documents, and only those
_ONE, _PAIRS = "one document", "two documents"  # the groups of rule modules
_ONE_DOCUMENT, _EVERY_GROUP = frozenset({_ONE}), frozenset({_ONE, _PAIRS})


@dataclass(slots=True)
class _Registry:
    """The rules known: their specifications and functions by id, and the groups of rule
    modules imported."""

    specs: dict[str, RuleSpec] = field(default_factory=dict)
    funcs: dict[str, RuleFunc] = field(default_factory=dict)
    loaded: frozenset[str] = frozenset()


_REGISTRY = _Registry()
_LOADING = threading.RLock()


def rule(
    rule_id: str,
    *,
    category: str,
    title_zh: str,
    title_en: str,
    severity: str = "error",
    applies_to: Iterable[str] = (),
    tables: Iterable[str] = (),
    rationale: str = "",
    late: bool = False,
    pair: bool = False,
    words: bool = False,
) -> Callable[[Any], Any]:
    """Register a rule function under `rule_id` with its catalog row (`pair`: a rule across two
    documents, called with the earlier and the later one)."""
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r} for {rule_id}")
    spec = RuleSpec(rule_id, title_zh, title_en, severity, category,
                    tuple(applies_to), tuple(tables), rationale, late, pair, words)

    def register(func: Any) -> Any:
        _REGISTRY.specs[rule_id] = spec
        _REGISTRY.funcs[rule_id] = func
        return func

    return register


def _load_rule_modules(pairs: bool = True) -> None:
    """Import the rule modules once, those of the rules across two documents (PAIRS_PACKAGE)
    only when `pairs`; a second thread waits until they are registered (a registry marked
    loaded before its modules are imported gave a concurrent run no rules)."""
    wanted = _EVERY_GROUP if pairs else _ONE_DOCUMENT
    if wanted <= _REGISTRY.loaded:
        return
    with _LOADING:
        missing = wanted - _REGISTRY.loaded
        for name in rule_module_names():
            if _group_of(name) in missing:
                importlib.import_module(name)
        _REGISTRY.loaded = _REGISTRY.loaded | missing


def _group_of(module: str) -> str:
    return _PAIRS if module == PAIRS_PACKAGE or module.startswith(f"{PAIRS_PACKAGE}.") \
        else _ONE


def rule_module_names() -> list[str]:
    """Every module of the yusuan.rules packages (a name starting with "_" left out), from a
    listing of their folders: pkgutil's walk of them took a hundredth of a check's start-up."""
    import yusuan.rules as package

    names: list[str] = []
    for folder in package.__path__:
        names.extend(_modules_in(folder, package.__name__))
    return names


def _modules_in(folder: str, package: str) -> Iterator[str]:
    """The modules and packages in `folder` (and theirs), `package`'s, by name."""
    for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
        stem, suffix = os.path.splitext(entry.name)
        if stem.startswith("_") or not stem.isidentifier():
            continue
        if suffix == ".py" and entry.is_file():
            yield f"{package}.{stem}"
        elif not suffix and entry.is_dir() and os.path.isfile(os.path.join(entry.path, "__init__.py")):
            yield f"{package}.{stem}"
            yield from _modules_in(entry.path, f"{package}.{stem}")


def catalog() -> list[RuleSpec]:
    """Every registered rule, sorted by id."""
    _load_rule_modules()
    return sorted(_REGISTRY.specs.values(), key=lambda spec: spec.id)


def spec_of(rule_id: str) -> RuleSpec:
    spec = _REGISTRY.specs.get(rule_id)  # a finding's rule is loaded: the others need not be
    if spec is None:
        _load_rule_modules()
        spec = _REGISTRY.specs[rule_id]
    return spec


def make_finding(
    rule_id: str,
    locations: list[Location],
    values: dict[str, Any] | None = None,
    *,
    severity: str | None = None,
    category: str | None = None,
    message_id: str | None = None,
    **args: Any,
) -> Finding:
    """A finding of `rule_id`, its message rendered in Chinese from the shared catalog.

    The template id and arguments are kept on the finding (`message_id`, `args`) so that a
    report can render the same finding in English.
    """
    spec = _REGISTRY.specs.get(rule_id)
    msg_id = message_id or rule_id
    return Finding(
        rule=rule_id,
        severity=severity or (spec.severity if spec else "error"),
        category=category or (spec.category if spec else "arithmetic"),
        message=render(msg_id, "zh", **args),
        locations=locations,
        values=dict(values or {}),
        message_id=msg_id,
        args=args,
    )


@fewer_collections
def run_rules(doc: Document, only: Iterable[str] | None = None) -> list[Finding]:
    """Run every applicable rule (or those in `only`); judge each table's reading by what
    the rules found in it, withhold what a doubtful table would accuse; fold shared causes, sort."""
    _load_rule_modules(pairs=False)
    _RULE_RUN.check = {}
    try:
        return _run_rules(doc, only)
    finally:
        _RULE_RUN.check = None


def _run_rules(doc: Document, only: Iterable[str] | None) -> list[Finding]:
    from yusuan.rules.engine.confidence import doubt_misread_tables, withhold_doubtful
    from yusuan.rules.engine.fold import fold_shared_causes
    from yusuan.rules.engine.printed import name_printed_columns

    wanted = set(only) if only is not None else None
    specs = [(rule_id, spec) for rule_id, spec in sorted(_REGISTRY.specs.items())
             if (wanted is None or rule_id in wanted) and not spec.pair and spec.applies(doc)]
    findings: list[Finding] = []
    for rule_id, spec in specs:
        if not spec.late:
            findings.extend(_run_one(rule_id, doc))
    doubt_misread_tables(doc, findings)
    for rule_id, spec in specs:
        if spec.late:
            findings.extend(_run_one(rule_id, doc))
    findings = withhold_doubtful(doc, findings)
    name_printed_columns(doc, findings)
    return sort_findings(fold_shared_causes(findings, doc))


def _run_one(rule_id: str, doc: Document) -> list[Finding]:
    _RULE_RUN.memo = {}
    try:
        return list(_REGISTRY.funcs[rule_id](doc))
    except MemoryError:  # out of memory is the document's limit, not one rule's flaw
        raise
    except Exception:  # noqa: BLE001 - logged: a broken rule must not hide the others' findings
        _log_failure(rule_id)
        return []
    finally:
        _RULE_RUN.memo = None


_RULE_RUN = threading.local()


def _log_failure(rule_id: str) -> None:
    """Log the exception being handled: a rule failed (logging is imported only then)."""
    import logging

    logging.getLogger(__name__).exception("rule %s failed", rule_id)


def rule_memo() -> dict[Any, Any] | None:
    """A dictionary that lives while one rule runs on one document (in this thread), for
    helpers that work out the same thing of an unchanging table again and again; None outside
    a rule's run. Its keys must hold the objects they stand for (an id alone may be reused)."""
    return getattr(_RULE_RUN, "memo", None)


def check_memo() -> dict[Any, Any] | None:
    """A dictionary that lives while the rules run on one document (in this thread), for what
    several rules work out of the same unchanging document (its paragraphs); None outside a
    check. Its keys must hold the objects they stand for."""
    return getattr(_RULE_RUN, "check", None)


def remembered(memo: dict[Any, Any] | None, key: tuple[Any, ...], owners: tuple[Any, ...],
               make: Callable[[], Made]) -> Made:
    """`make()` worked out once while `memo` lives (`rule_memo()` or `check_memo()`; every
    time outside a run): kept under `key` beside the `owners` it is made of, which the ids in
    `key` stand for and so may not be reused while it is kept."""
    if memo is None:
        return make()
    kept = memo.get(key)
    if kept is None:
        kept = memo[key] = (owners, make())
    return kept[1]  # type: ignore[no-any-return]


def run_pair_rules(first: Document, second: Document,
                   only: Iterable[str] | None = None) -> list[Finding]:
    """The rules across two documents (of one department), given the earlier one first: by
    year, and a year's 预算 before its 决算."""
    _load_rule_modules()
    earlier, later = sorted((first, second), key=document_order)
    wanted = set(only) if only is not None else None
    findings: list[Finding] = []
    for rule_id, spec in sorted(_REGISTRY.specs.items()):
        if spec.pair and (wanted is None or rule_id in wanted):
            try:
                findings.extend(_REGISTRY.funcs[rule_id](earlier, later))
            except MemoryError:
                raise
            except Exception:  # noqa: BLE001 - logged: a broken rule must not hide the others' findings
                _log_failure(rule_id)
    return sort_findings(findings)


def document_order(doc: Document) -> tuple[int, int]:
    return (doc.year or 0, 1 if doc.kind in FINAL_KINDS else 0)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    order = {name: i for i, name in enumerate(SEVERITIES)}

    def key(f: Finding) -> tuple[int, int, str]:
        first = f.locations[0].line if f.locations else 0
        return (order.get(f.severity, 9), first, f.rule)

    return sorted(findings, key=key)
