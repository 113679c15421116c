"""The real defects the hand-made fixtures list, against what yusuan reports.

Each fixture (tests/fixtures/corpus/<province>/<file>.json) lists under "defects" what a reader
found wrong on the pages of the document and a second reader checked, with the pages that show
it. A certain defect is found when a warning or an error cites a line on one of its pages. The
ones yusuan misses still are strict xfails, listed in tests/corpus/missed_defects.json
(`python -m tests.corpus.missed_defects` rewrites it and prints the share found): a defect found
by a change makes its xfail fail until the list is rewritten.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from yusuan.model import Document
from yusuan.rules import run_rules

from .corpusfiles import CORPUS, FIXTURES, corpus_document

MISSED = json.loads((Path(__file__).parent / "missed_defects.json").read_text(encoding="utf-8"))


def certain_defects() -> list[tuple[str, int, dict]]:
    cases = []
    for path in sorted(FIXTURES.glob("*/*.json")):
        name = str(path.relative_to(FIXTURES))[:-len(".json")]
        defects = json.loads(path.read_text(encoding="utf-8")).get("defects") or []
        cases += [(name, index, defect) for index, defect in enumerate(defects)
                  if defect.get("certain") and defect.get("pages")]
    return cases


CASES = certain_defects()


def found(name: str, defect: dict) -> bool:
    doc = corpus_document(name)
    if not isinstance(doc, Document):
        return False
    pages = set(defect["pages"])
    return any(loc.page in pages or doc.source.page_and_line(loc.line)[0] in pages
               for finding in run_rules(doc) if finding.severity in ("error", "warning")
               for loc in finding.locations)


@pytest.mark.parametrize(("name", "index", "defect"), CASES,
                         ids=[f"{name}::{index}" for name, index, _ in CASES])
def test_a_listed_defect_is_found_on_its_pages(name: str, index: int, defect: dict,
                                               request: pytest.FixtureRequest) -> None:
    if not (CORPUS / name).exists():
        pytest.skip(f"{name} is not in ../shared/corpus")
    if index in MISSED.get(name, []):
        request.applymarker(pytest.mark.xfail(strict=True, reason="a listed defect not found yet"))
    assert found(name, defect), defect["what"]
