"""run_rules on the five seeds against the hand-audited defect lists (tests/fixtures/defects).

A defect counts as found when a finding of the same level (info for an info defect, warning or
error otherwise) cites one of its lines. Two recalls are kept, each with a floor that may only
go up: the table-level defects (area "table", owned by the table rules) and every defect of a
table-like category (including project forms, owned by the project rules).

HAND_CHECKED lists findings of the table rules that were checked by hand against the seed
(rule, severity, a line it must cite). NOT_ABOVE_INFO lists lines that tests/fixtures/defects/
NOT_DEFECTS.md names as correct: no table-rule finding above info may cite them.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from yusuan.model import Finding

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path("/work/shared/seeds")
DEFECTS = ROOT / "tests" / "fixtures" / "defects"
TABLE_CATEGORIES = {"arithmetic", "cross_table", "naming", "missing_content", "rounding"}
TABLE_FLOOR = {"000": 15, "001": 8, "002": 7, "003": 6, "004": 15}
FLOOR = {"000": 17, "001": 8, "002": 8, "003": 6, "004": 20}
OTHER_OWNERS = ("NARRATIVE.", "PROJECT.")  # rules outside the table rules

HAND_CHECKED: dict[str, list[tuple[str, str, int]]] = {
    "000": [("MISSING.TABLE", "info", 296),       # no 国有资本经营 table, section 七 speaks of it
            ("UNIT.ROLLUP", "info", 534),         # 487.80 + 476.01 + 1157.86 vs 2121.66
            ("TOTAL.ROLLUP", "info", 605),        # 21015 1694.20 vs Σ项 1694.19
            ("ROW.BASIC", "info", 732),           # 152.36 + 15.84 vs 168.19
            ("ROW.BASIC", "info", 738),           # 232.63 + 25.34 vs 257.96
            ("TOTAL.ECONOMIC", "info", 771),      # 301 1509.37 vs Σ 1509.38
            ("TOTAL.ECONOMIC", "info", 793)],     # 302 68.04 vs Σ 68.03
    "001": [("TOTAL.ROLLUP", "info", 141), ("TOTAL.ROLLUP", "info", 209),   # 21011
            ("TOTAL.ROLLUP", "info", 151), ("TOTAL.ROLLUP", "info", 220),   # 22102
            ("TOTAL.ROLLUP", "info", 214),        # 21015 人员经费 293.07 vs 293.08
            ("ROW.BASIC", "info", 215),           # 140.10 + 94.52 vs 234.61
            ("FUNC_ECON.PAIRS", "info", 255)],    # 30110 17.14 vs 7.56 + 9.57
    "002": [("CODE.OFFICIAL", "warning", 112),    # 210 医疗健康支出
            ("CODE.OFFICIAL", "warning", 117),    # 215 资源勘探电力信息等支出
            ("CODE.OFFICIAL", "warning", 133),    # 234 债务发行费用支出
            ("CODE.OFFICIAL", "warning", 376),    # 21012 …医疗保险的补助
            ("CODE.OFFICIAL", "info", 309),       # 224 灾难防治…, printed so everywhere
            ("LABEL.VARIANT", "info", 281),       # 行政事业性收入安排的拨款
            ("LABEL.VARIANT", "info", 336)],      # 国有（资源）资产…
    "003": [("FUNC_ECON.PAIRS", "error", 323),    # 30110/30111 vs 2101101/2101103
            ("FUNC_ECON.PAIRS", "error", 326),    # 30113 23.15 vs 2210201 18.06
            ("CLASS.RUNNING", "info", 291),       # 项目支出 0.94 on 2101501 行政运行
            ("ROW.TOTAL", "info", 280),           # 合计 442.85 vs 442.86
            ("CROSS.BASIC", "info", 343)],        # 235.26 + 7.87 vs 243.12
    "004": [("SUMMARY.INCOME_ITEMS", "error", 154),   # 7475.18 vs Σ 7460.18
            ("ROW.INCOME", "error", 226),             # 7515.1 vs 7475.18 + 40
            ("SANGONG.TOTAL", "error", 1009),         # 3.2 vs 3.2 + 3.2
            ("SANGONG.COLUMN", "warning", 1014),      # 3.2 under 公务接待费, 30231 3.20
            ("CROSS.UNIT", "warning", 17),            # 056002 named two ways (L245)
            ("CROSS.UNIT", "warning", 470),           # [056001] in one header
            ("SUMMARY.EXPENDITURE_ITEMS", "info", 156),
            ("TOTAL.ROLLUP", "info", 305), ("TOTAL.ROLLUP", "info", 662),  # 20805
            ("ROW.BASIC", "info", 655),               # 115.16 + 0.03 vs 115.18
            ("TOTAL.ECONOMIC", "info", 889),          # 302 54.04 vs 54.05
            ("GROUP.TOTAL", "info", 1330)],           # 项目支出表 公用经费 54.04 vs 54.05
}

NOT_ABOVE_INFO: dict[str, list[int]] = {
    "000": [609, 734, 623, 746,             # 2101502 / 2130502 一般行政管理事务
            716,                            # 2080502 公用经费 0.21
            833, 858, 3851],                # explained empty tables
    "001": [256, 272, 144, 213,             # 30111 + 30307 = 2101103
            206, 270,                       # 2080501 公用 0.10 = 30299
            330, 299, 312,                  # 79.01; empty 表8/表9 with their notes
            405, 465, 537],                 # project codes with their year
    "002": [126, 308, 208, 127, 309, 424,   # 302/303 basic + project vs basic only
            282, 195, 237,                  # 116.38 = 302 106.38 + 310 10.00
            265, 266, 436],                 # empty 表五, explained
    "003": [473, 356, 377, 384, 393, 402,   # 108.42%; explained empty tables
            343, 651, 652],                 # 公用经费 7.87; 年初预算 basis
    "004": [156, 159, 164, 166, 222,   # 7515.18 spent with the 40 carried over
            1093, 4228, 4249, 4251],        # 项目支出表 whole budget; empty tables; assets
}


def found_by(defect: dict, findings: list[Finding]) -> bool:
    lines = set(defect["lines"])
    info = defect["severity"] == "info"
    for finding in findings:
        if (finding.severity == "info") != info:
            continue
        if lines & {loc.line for loc in finding.locations}:
            return True
    return False


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@cache
def findings_of(seed: Path) -> list[Finding]:
    pipeline = pytest.importorskip("yusuan.pipeline")
    from yusuan.rules import run_rules

    return run_rules(pipeline.read_document(str(seed)))


def defects_of(seed: Path) -> list[dict]:
    fixture = DEFECTS / f"{seed.stem}.json"
    if not fixture.exists():
        pytest.skip("no audited defect list")
    return json.loads(fixture.read_text())


@pytest.mark.parametrize("seed", seed_paths(), ids=lambda p: p.stem[:3])
def test_table_defects_found(seed: Path) -> None:
    defects = [d for d in defects_of(seed) if d.get("area") == "table"]
    found = [d["id"] for d in defects if found_by(d, findings_of(seed))]
    missed = [d["id"] for d in defects if d["id"] not in found]
    print(f"{seed.stem}: {len(found)}/{len(defects)} table-area defects found; missed {missed}")
    assert len(found) >= TABLE_FLOOR.get(seed.stem[:3], 0)


@pytest.mark.parametrize("seed", seed_paths(), ids=lambda p: p.stem[:3])
def test_seed_defects_found(seed: Path) -> None:
    defects = [d for d in defects_of(seed) if d.get("area") == "table"
               or d["category"] in TABLE_CATEGORIES and d.get("area") != "narrative"]
    found = [d["id"] for d in defects if found_by(d, findings_of(seed))]
    print(f"{seed.stem}: {len(found)}/{len(defects)} table-like defects found: {found}")
    assert len(found) >= FLOOR.get(seed.stem[:3], 0)


def _table_rule(finding: Finding) -> bool:
    return not finding.rule.startswith(OTHER_OWNERS)


@pytest.mark.parametrize("seed", seed_paths(), ids=lambda p: p.stem[:3])
def test_hand_checked_findings(seed: Path) -> None:
    findings = findings_of(seed)
    missing = [(rule, severity, line) for rule, severity, line in HAND_CHECKED.get(
        seed.stem[:3], []) if not any(
            f.rule == rule and f.severity == severity and line in {loc.line for loc in
                                                                   f.locations}
            for f in findings)]
    assert missing == []


@pytest.mark.parametrize("seed", seed_paths(), ids=lambda p: p.stem[:3])
def test_nothing_from_not_defects_above_info(seed: Path) -> None:
    lines = set(NOT_ABOVE_INFO.get(seed.stem[:3], []))
    wrong = [(f.rule, f.severity, f.message) for f in findings_of(seed)
             if _table_rule(f) and f.severity != "info"
             and lines & {loc.line for loc in f.locations}]
    assert wrong == []
