"""What yusuan accuses each real corpus document of, against the reviewed list.

tests/fixtures/corpus_review/*.json hold every warning and error yusuan reported on the corpus
when they were reviewed, each judged on the rendered page by a reader ("verdict": true / false,
"why"). The test pins the number of serious findings per document to that list, so that a change
that adds or removes an accusation is seen and reviewed; the false ones are the work still to do
(summary in tests/fixtures/corpus_review/README.md).
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from yusuan.model import Document
from yusuan.rules import run_rules

from .corpusfiles import CORPUS, FIXTURES, corpus_document

REVIEW = FIXTURES.parent / "corpus_review"


def reviewed() -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for path in sorted(REVIEW.glob("*.json")):
        found.update(json.loads(path.read_text(encoding="utf-8")))
    return found


REVIEWED = reviewed()
DOCUMENTS = sorted({str(p.relative_to(FIXTURES))[:-len(".json")] for p in FIXTURES.glob("*/*.json")}
                   | set(REVIEWED))


def serious(name: str) -> list:
    doc = corpus_document(name)
    assert isinstance(doc, Document), f"refused: {doc}"
    return [f for f in run_rules(doc) if f.severity in ("error", "warning")]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_serious_findings_are_the_reviewed_ones(name: str) -> None:
    if not (CORPUS / name).exists():
        pytest.skip(f"{name} is not in ../shared/corpus")
    listed = REVIEWED.get(name, [])
    got = serious(name)
    assert Counter(f.rule for f in got) == Counter(x["rule"] for x in listed)


def test_every_reviewed_finding_has_a_verdict() -> None:
    for name, findings in REVIEWED.items():
        for finding in findings:
            assert finding.get("verdict") in ("true", "false"), (name, finding["message"])
            assert finding.get("why"), (name, finding["message"])
