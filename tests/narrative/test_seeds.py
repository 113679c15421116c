"""The narrative findings on the five seeds, checked by hand, and the audited defects found."""

from __future__ import annotations

import json

import pytest
from seedfiles import FIXTURES, SEED_NAMES, require_seeds, seed_document

from yusuan.model import Finding
from yusuan.rules.engine import run_rules

# (rule, lines the finding must cite): narrative line first, then the table / other lines.
REPORTED = {
    "000": [("NARRATIVE.LEFTOVER", [273]),  # "比 2022 年预算增加(减少) 0元": the choice left open
            ("NARRATIVE.PARTS", [211, 213, 223]), ("NARRATIVE.UNITS", [81, 257, 306, 83]),
            ("NARRATIVE.YEAR", [1177, 1181]), ("NARRATIVE.PARTS", [201, 205, 209]),
            ("NARRATIVE.UNIT", [273, 274]), ("NARRATIVE.DEFINITION", [308, 740, 3967]),
            ("NARRATIVE.DEFINITION", [3857, 3861])],
    "001": [("NARRATIVE.GLOSSARY", [649, 206]), ("NARRATIVE.GLOSSARY", [673, 222]),
            ("NARRATIVE.RATE", [659]), ("NARRATIVE.RATE", [671]),
            ("NARRATIVE.PRIOR_YEAR", [615, 639, 344, 347, 351]),
            ("NARRATIVE.UNITS", [68, 70, 71, 124]), ("NARRATIVE.RATE", [615]),
            # '增加 9.57 万元，增长 100%' for 9.57 (and 319.92, 152.98): a rate from nothing
            ("NARRATIVE.RATE", [655]), ("NARRATIVE.RATE", [665]), ("NARRATIVE.RATE", [669, 667])],
    "002": [("NARRATIVE.LEFTOVER", [406, 432, 442]),  # 增加（减少）, 增长（下降） left open
            ("NARRATIVE.GLOSSARY", [482, 158]), ("NARRATIVE.YEAR", [406, 432, 442]),
            ("NARRATIVE.PRIOR_YEAR", [406, 442, 504, 506]),
            ("NARRATIVE.DEFINITION", [456, 490, 71])],
    "003": [("NARRATIVE.TABLE", [465, 280]), ("NARRATIVE.TABLE", [471, 283]),
            ("NARRATIVE.GLOSSARY", [622, 283]), ("NARRATIVE.EXECUTION", [475]),
            ("NARRATIVE.TABLE", [479, 280]),
            ("NARRATIVE.ITEMS", [473, 288, 289]), ("NARRATIVE.ITEM_UNKNOWN", [469]),
            ("NARRATIVE.COVERAGE", [525, 280]), ("NARRATIVE.COVERAGE", [529, 280]),
            ("NARRATIVE.YEAR", [549]), ("NARRATIVE.USES", [459, 411]),
            ("NARRATIVE.SUMMARY_TITLE", [590, 551, 553]), ("NARRATIVE.YEAR", [533]),
            ("NARRATIVE.DEFINITION", [600, 602, 604, 634])],
    "004": [("NARRATIVE.RATE", [4214, 4215, 4217]), ("NARRATIVE.GLOSSARY", [4264, 662]),
            ("NARRATIVE.GLOSSARY", [4269, 782, 774]), ("NARRATIVE.GLOSSARY", [4265, 4266, 4267]),
            ("NARRATIVE.UNIT_MISSING", [4221, 4223]), ("NARRATIVE.PARTS", [4243]),
            ("NARRATIVE.PARTS", [4208, 4212]), ("NARRATIVE.PARTS", [4215, 4217]),
            ("NARRATIVE.PARTS", [4207, 159]), ("NARRATIVE.STAFFING", [10, 4239]),
            ("NARRATIVE.DEFINITION", [4243, 761, 4279]),
            ("NARRATIVE.LEFTOVER", [4223])],  # "减少11.1%。，其中": doubled punctuation
}
# Correct statements (NOT_DEFECTS.md) that no narrative rule may cite first: (rule, line).
CORRECT = {
    "000": [("NARRATIVE.RATE", 197), ("NARRATIVE.RATE", 201), ("NARRATIVE.RATE", 225),
            ("NARRATIVE.RATE", 271), ("NARRATIVE.PARTS", 225),
            ("NARRATIVE.PRIOR_YEAR", 197), ("NARRATIVE.PRIOR_YEAR", 201)],
    "001": [("NARRATIVE.RATE", 651), ("NARRATIVE.RATE", 653), ("NARRATIVE.RATE", 661),
            ("NARRATIVE.RATE", 663), ("NARRATIVE.RATE", 673), ("NARRATIVE.RATE", 675),
            ("NARRATIVE.RATE", 728), ("NARRATIVE.GLOSSARY", 754), ("NARRATIVE.GLOSSARY", 776),
            ("NARRATIVE.PARTS", 732)],
    "002": [("NARRATIVE.SHARE", 450), ("NARRATIVE.PARTS", 460), ("NARRATIVE.GLOSSARY", 480)],
    "003": [("NARRATIVE.EXECUTION", 465), ("NARRATIVE.EXECUTION", 473),
            ("NARRATIVE.SHARE", 457), ("NARRATIVE.RATE", 511),
            ("NARRATIVE.ITEMS", 475), ("NARRATIVE.COVERAGE", 465)],
    "004": [("NARRATIVE.RATE", 4207), ("NARRATIVE.RATE", 4219), ("NARRATIVE.RATE", 4221),
            ("NARRATIVE.PARTS", 4219), ("NARRATIVE.GLOSSARY", 4271),
            ("NARRATIVE.COVERAGE", 4253), ("NARRATIVE.PARTS", 4210),
            ("NARRATIVE.PRIOR_YEAR", 4207)],
}
# One finding per cause (hand-checked): (rule, how many findings of it the seed may have).
ONCE = {"000": [("NARRATIVE.YEAR", 1), ("NARRATIVE.UNITS", 1)], "002": [("NARRATIVE.YEAR", 1)],
        "003": [("NARRATIVE.YEAR", 2)]}
# Audited narrative defects found (first cited line within the defect's lines, or any line of a
# finding that folds several of them), floor per seed.
FLOOR = {"000": 6, "001": 7, "002": 6, "003": 16, "004": 11}


def _seed(stem: str) -> str:
    return next(name for name in SEED_NAMES if name.startswith(stem))


def _narrative(stem: str) -> list[Finding]:
    return [f for f in run_rules(seed_document(_seed(stem))) if f.rule.startswith("NARRATIVE.")]


@pytest.mark.parametrize("stem", sorted(REPORTED))
def test_reported(stem: str) -> None:
    require_seeds()
    cited = [(f.rule, [loc.line for loc in f.locations]) for f in _narrative(stem)]
    for rule_id, lines in REPORTED[stem]:
        assert any(r == rule_id and lines[0] == got[0] and set(lines) <= set(got)
                   for r, got in cited), (rule_id, lines)


def _listed(finding: Finding, stem: str) -> bool:
    cited = [loc.line for loc in finding.locations]
    return any(rule_id == finding.rule and lines[0] == cited[0] and set(lines) <= set(cited)
               for rule_id, lines in REPORTED[stem])


@pytest.mark.parametrize("stem", sorted(REPORTED))
def test_every_warning_was_checked_by_hand(stem: str) -> None:
    """REPORTED is the whole list: a new warning or error on a seed must be checked and added."""
    require_seeds()
    unchecked = [f.message for f in _narrative(stem) if f.severity != "info" and not _listed(f, stem)]
    assert unchecked == []


@pytest.mark.parametrize("stem", sorted(CORRECT))
def test_correct_not_reported(stem: str) -> None:
    require_seeds()
    first = {(f.rule, f.locations[0].line) for f in _narrative(stem)}
    assert not first & set(CORRECT[stem])


@pytest.mark.parametrize("stem", sorted(REPORTED))
def test_table_comparisons_cite_the_table(stem: str) -> None:
    require_seeds()
    for finding in _narrative(stem):
        if finding.rule in ("NARRATIVE.TABLE", "NARRATIVE.GLOSSARY") and len(finding.locations) > 1:
            assert any(loc.table for loc in finding.locations[1:]), finding.message


@pytest.mark.parametrize("stem", sorted(FLOOR))
def test_audited_defects_found(stem: str) -> None:
    require_seeds()
    name = _seed(stem)
    audited = [d for d in json.loads((FIXTURES / "defects" / f"{name[:-4]}.json").read_text())
               if d["area"] == "narrative"]
    firsts = [loc.line for f in _narrative(stem) if f.locations
              for loc in (f.locations if f.folded else f.locations[:1])]
    found = [d["id"] for d in audited if any(line in d["lines"] for line in firsts)]
    assert len(found) >= FLOOR[stem], found


def test_forms_do_not_feed_narrative_facts() -> None:
    require_seeds()
    doc = seed_document(_seed("000"))
    forms = [t.lines for t in doc.tables if t.kind in ("dept_performance", "project_performance")]
    start = min(lines[0] for lines in forms)
    amounts = [f for f in doc.facts if f.source == "narrative" and f.concept == "amount"]
    assert amounts and all(f.line < start for f in amounts)


@pytest.mark.parametrize("stem", sorted(ONCE))
def test_each_cause_once(stem: str) -> None:
    require_seeds()
    findings = _narrative(stem)
    for rule_id, most in ONCE[stem]:
        assert len([f for f in findings if f.rule == rule_id and f.severity != "info"]) <= most
    for finding in (f for f in findings if f.rule in ("NARRATIVE.YEAR", "NARRATIVE.UNITS")):
        lines = [(loc.line, loc.column, loc.table) for loc in finding.locations]
        assert len(lines) == len(set(lines)), finding.message
