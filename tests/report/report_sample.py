"""The small document the report tests read, and a bundle with findings written by hand."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from yusuan.model import Document, Finding, Location
from yusuan.pipeline import read_document
from yusuan.report.bundle import report_bundle
from yusuan.rules import run_rules

HERE = Path(__file__).parent
SAMPLE = HERE / "sample_budget.txt"
TABLE = "general_budget_expenditure"


@lru_cache(maxsize=1)
def sample_document() -> Document:
    return read_document(str(SAMPLE))


def hand_findings() -> list[Finding]:
    """One error, one warning, two rounding notes, citing lines of the sample's table."""
    return [
        Finding("TOTAL.ROLLUP", "error", "arithmetic", "20126 档案事务 120.5 ≠ Σ 项 121.5",
                [Location(14, TABLE, "20126", "total"), Location(15, TABLE, "2012601", "total"),
                 Location(16, TABLE, "2012604", "total")],
                {"reported": 120.5, "computed": 121.5, "difference": -1.0}),
        Finding("MISSING.TABLE", "warning", "missing_content", "未公开收支总表（summary）",
                [Location(7)]),
        Finding("ROW.TOTAL", "info", "rounding", "2012604 档案馆：25.5 与 25.49 相差 0.01",
                [Location(16, TABLE, "2012604", "total")],
                {"reported": 25.5, "computed": 25.49, "difference": 0.01}),
        Finding("TOTAL.ROLLUP", "info", "rounding", "20126 档案事务（基本支出）：100.5 与 100.49",
                [Location(14, TABLE, "20126", "basic"), Location(16, TABLE, "2012604", "basic")],
                {"reported": 100.5, "computed": 100.49, "difference": 0.01}),
    ]


def hand_bundle() -> dict[str, Any]:
    return report_bundle(sample_document(), hand_findings(), display_path="sample_budget.txt")


def checked_bundle() -> dict[str, Any]:
    document = sample_document()
    return report_bundle(document, run_rules(document))
