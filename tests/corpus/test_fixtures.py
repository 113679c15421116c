"""The real corpus read against fixtures transcribed by hand from the rendered pages and
checked by a second reader (tests/fixtures/corpus/<province>/<file>.json).

Each document gives several checks: its kind, year and unit; each standard table found with its
unit; each headline figure the tables print; each 类 row of its main expenditure table. A check
the reader does not pass yet is listed in known_gaps.json and runs as a strict xfail: the list is
the reading work still to do, and it must shrink — a gap that closes fails until it is removed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from yusuan.model import Document, Table

from .corpusfiles import corpus_document, fixture, fixture_names, require_corpus_file

KNOWN_GAPS: dict[str, list[str]] = json.loads(
    (Path(__file__).parent / "known_gaps.json").read_text(encoding="utf-8"))
DOCUMENT_KINDS = {"部门预算", "单位预算", "部门决算", "单位决算"}
STANDARD_KINDS = {"summary", "income", "expenditure", "fiscal_summary", "general_budget_expenditure",
                  "basic_expenditure", "sangong", "gov_fund", "soe_capital", "project_expenditure"}
AMOUNT_KEYS = ("total", "budget", "actual", "amount")


def close(a: float, b: float) -> bool:
    return abs(a - b) < 0.0051


def document_checks(name: str, fx: dict[str, Any]) -> list[str]:
    checks = ["read"]
    if fx["document"]["kind"] in DOCUMENT_KINDS:
        checks += ["kind", "year"]
    if fx["document"].get("unit") in ("元", "万元") and fx.get("has_tables"):
        checks.append("unit")
    for table in fx.get("tables") or []:
        if table["kind"] in STANDARD_KINDS:
            checks.append(f"table:{table['kind']}")
    for key, entry in (fx.get("headline") or {}).items():
        if entry.get("from") != "narrative" and isinstance(entry.get("value"), (int, float)):
            checks.append(f"headline:{key}")
    main = fx.get("main_expenditure") or {}
    for row in main.get("rows") or []:
        if row.get("code") and isinstance(row.get("total"), (int, float)) and "unit" not in row:
            checks.append(f"main:{row['code']}")
    return list(dict.fromkeys(checks))


CASES = [(name, check) for name in fixture_names() for check in document_checks(name, fixture(name))]


def first_amount(values: dict[str, float]) -> float | None:
    return next((values[k] for k in AMOUNT_KEYS if k in values), None)


def tables_of(doc: Document, kind: str) -> list[Table]:
    return [t for t in doc.tables if t.kind == kind]


def passes(doc: Document, fx: dict[str, Any], check: str) -> bool:
    what, _, arg = check.partition(":")
    if what == "kind":
        return doc.kind == fx["document"]["kind"]
    if what == "year":
        return doc.year == fx["document"]["year"]
    if what == "unit":
        return doc.unit == fx["document"]["unit"]
    if what == "table":
        units = {t["unit"] for t in fx["tables"] if t["kind"] == arg}
        return any((t.unit or doc.unit) in units or None in units for t in tables_of(doc, arg))
    if what == "headline":
        got = doc.headline.get(arg)
        return got is not None and close(float(got["value"]), float(fx["headline"][arg]["value"]))
    if what == "main":
        main = fx["main_expenditure"]
        expected = next(r["total"] for r in main["rows"] if r.get("code") == arg)
        for table in tables_of(doc, main["kind"]):
            for row in table.rows:
                if row.code == arg and (value := first_amount(row.values)) is not None:
                    return close(value, float(expected))
        return False
    return True


@pytest.mark.parametrize(("name", "check"), CASES, ids=[f"{n}::{c}" for n, c in CASES])
def test_reading_matches_the_hand_made_fixture(name: str, check: str, request) -> None:
    require_corpus_file(name)
    if check in KNOWN_GAPS.get(name, []):
        request.applymarker(pytest.mark.xfail(strict=True, reason="known reading gap"))
    doc = corpus_document(name)
    assert isinstance(doc, Document), f"refused: {doc}"
    assert passes(doc, fixture(name), check), check
