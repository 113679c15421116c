"""Helpers for the narrative rules: narrative facts, their units, the table figure a fact names."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from yusuan.model import Document, Fact, Location, Table, TableRow
from yusuan.rules.engine.messages import register_messages

UNIT_FACTOR = {"元": 1.0, "万元": 1e4, "亿元": 1e8}

register_messages({
    rule_id: {"zh": "{text}", "en": "{text_en}"}
    for rule_id in ("NARRATIVE.TABLE", "NARRATIVE.RATE", "NARRATIVE.SHARE",
                    "NARRATIVE.EXECUTION", "NARRATIVE.DIRECTION", "NARRATIVE.UNIT",
                    "NARRATIVE.DEFINITION", "NARRATIVE.GLOSSARY", "NARRATIVE.YEAR",
                    "NARRATIVE.STAFFING", "NARRATIVE.UNITS", "NARRATIVE.MISSING",
                    "NARRATIVE.PARTS", "NARRATIVE.UNIT_MISSING", "NARRATIVE.PRIOR_YEAR",
                    "NARRATIVE.ITEMS", "NARRATIVE.ITEM_UNKNOWN", "NARRATIVE.COVERAGE", "NARRATIVE.CHANGE",
                    "NARRATIVE.PROCUREMENT_PART", "NARRATIVE.SANGONG", "NARRATIVE.PERSONNEL_ITEMS",
                    "NARRATIVE.COUNT_PART", "NARRATIVE.SELF_EVAL_COUNT", "NARRATIVE.FUND_CLAIM",
                    "NARRATIVE.COUNT_BREAKDOWN", "NARRATIVE.ECON_NAME")
})


def narrative_facts(doc: Document, *concepts: str) -> Iterator[Fact]:
    for fact in doc.facts:
        if fact.source == "narrative" and (not concepts or fact.concept in concepts):
            yield fact


def fact_location(fact: Fact, line: int | None = None) -> Location:
    return Location(line or fact.line, page=fact.page, name=fact.concept)


def in_unit(value: float, unit: str | None, target: str | None) -> float:
    """`value` printed in `unit`, expressed in `target` (万元 when either is unknown)."""
    source = UNIT_FACTOR.get(unit or "万元", 1e4)
    dest = UNIT_FACTOR.get(target or "万元", 1e4)
    return value * source / dest


def fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value)}"


def table_value(table: Table, row: TableRow) -> tuple[str, float] | None:
    """The row's whole amount: 合计 / 决算数 / 预算数, whichever the table prints."""
    for key in ("total", "actual", "budget"):
        if key in row.values:
            return key, row.values[key]
    return None


def finding_args(text: str, text_en: str) -> dict[str, Any]:
    return {"text": text, "text_en": text_en}
