"""run_rules on the five seeds against the hand-audited defect lists (tests/fixtures/defects).

A defect counts as found when a finding of the right kind cites one of its lines. The floor
below is what the rules found when this test was written; it may only go up.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from yusuan.model import Finding

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path("/work/shared/seeds")
DEFECTS = ROOT / "tests" / "fixtures" / "defects"
TABLE_CATEGORIES = {"arithmetic", "cross_table", "naming", "missing_content", "rounding"}
FLOOR = {"000": 1, "001": 7, "002": 4, "003": 4, "004": 14}


def found_by(defect: dict, findings: list[Finding]) -> bool:
    lines = set(defect["lines"])
    rounding = defect["category"] == "rounding"
    for finding in findings:
        if (finding.severity == "info") != rounding:
            continue
        if lines & {loc.line for loc in finding.locations}:
            return True
    return False


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.mark.parametrize("seed", seed_paths(), ids=lambda p: p.stem[:3])
def test_seed_defects_found(seed: Path) -> None:
    pipeline = pytest.importorskip("yusuan.pipeline")
    from yusuan.rules import run_rules

    fixture = DEFECTS / f"{seed.stem}.json"
    if not fixture.exists():
        pytest.skip("no audited defect list")
    findings = run_rules(pipeline.read_document(str(seed)))
    defects = [d for d in json.loads(fixture.read_text()) if d.get("area") == "table"
               or d["category"] in TABLE_CATEGORIES and d.get("area") != "narrative"]
    found = [d["id"] for d in defects if found_by(d, findings)]
    print(f"{seed.stem}: {len(found)}/{len(defects)} table defects found: {found}")
    assert len(found) >= FLOOR.get(seed.stem[:3], 0)
