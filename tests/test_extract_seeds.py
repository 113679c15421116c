"""Extraction of the five seeds against rows transcribed by hand (tests/fixtures/expected)."""

from __future__ import annotations

import json

import pytest
from seedfiles import FIXTURES, require_seed, seed_document

from yusuan.model import Table, TableRow

EXPECTED = {path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted((FIXTURES / "expected").glob("*.json"))}
CASES = [(stem, kind) for stem, expected in EXPECTED.items() for kind in expected["tables"]]
SIDE_ORDER = {"income": 0, "expenditure": 1}


def compact(text: str) -> str:
    return "".join(text.split())


def actual_row(row: TableRow) -> dict:
    out = {"code": row.code, "name": compact(row.name), "line": row.line, "values": row.values}
    if row.side:
        out["side"] = row.side
    return out


def expected_row(row: dict) -> dict:
    out = {"code": row.get("code"), "name": compact(row["name"]), "line": row["line"],
           "values": row["values"]}
    side = row.get("side") or row.get("panel")
    if side:
        out["side"] = side
    return out


def order(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (SIDE_ORDER.get(r.get("side", ""), 2), r.get("side", ""), r["line"]))


def table_of(stem: str, kind: str) -> Table:
    document = seed_document(f"{stem}.txt")
    tables = document.tables_of(kind)
    assert tables, f"no {kind} table recognised in {stem}"
    return tables[0]


@pytest.mark.parametrize(("stem", "kind"), CASES)
def test_table_rows_match_hand_checked_fixture(stem: str, kind: str) -> None:
    require_seed(stem)
    expected = EXPECTED[stem]["tables"][kind]
    table = table_of(stem, kind)
    got = order([actual_row(row) for row in table.rows])
    want = order([expected_row(row) for row in expected["rows"]])
    assert got == want


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_document_metadata(stem: str) -> None:
    require_seed(stem)
    document = seed_document(f"{stem}.txt")
    want = EXPECTED[stem]["document"]
    assert (document.department, document.year, document.kind, document.unit) == (
        want["department"], want["year"], want["kind"], want["unit"])


@pytest.mark.parametrize(("stem", "kind"), CASES)
def test_table_number_and_unit(stem: str, kind: str) -> None:
    require_seed(stem)
    expected = EXPECTED[stem]["tables"][kind]
    table = table_of(stem, kind)
    assert (table.number, table.unit) == (expected["number"], expected["unit"])


def test_project_table_rows_of_seed_004_read_by_hand() -> None:
    """004 表10 (one cell per line): compressed two-level header, units, group rows, projects."""
    name = "004_e2d4bd9db9ce1fd8.txt"
    require_seed(name)
    table = seed_document(name).table("project_expenditure")
    assert table is not None
    rows = {row.line: row for row in table.rows}
    assert (rows[1093].name, rows[1093].values) == ("合计", {"total": 7515.18, "general_budget": 7460.18,
                                                            "unit_funds": 55.0})
    assert (rows[1119].unit_code, rows[1119].unit_name) == ("056002", "武汉市蔡甸区医疗保障服务中心")
    assert (rows[1132].code, rows[1132].name, rows[1132].values) == (None, "人员经费",
                                                                    {"total": 633.25, "general_budget": 633.25})
    project = rows[1145]
    assert (project.code, project.name, project.unit_name, project.values) == (
        "42011422056R000000268", "基本工资", "武汉市蔡甸区医疗保障服务中心",
        {"total": 129.65, "general_budget": 129.65})
