"""`yusuan db export`: the corpus as CSV (every figure), XLSX (a sheet per corpus table) or a
Fiscal Data Package (datapackage.json and budget.csv: 功能分类 and 经济分类 as classification
dimensions, 预算数 as the approved phase, 决算数 as the executed one, amounts in 元)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from yusuan.errors import InputError
from yusuan.store.connect import Database
from yusuan.store.query import as_csv
from yusuan.store.schema import TABLES, column_names

FIGURES_SQL = """
SELECT d.department, d.year, d.kind, d.file_name, v.table_kind, v.code, v.name, v.column_key,
       v.column_header, v.value, v.unit, v.value_yuan, v.page, v.page_line, v.line, v.sha256
FROM table_values v JOIN documents d ON d.sha256 = v.sha256
ORDER BY d.department, d.year, d.kind, d.sha256, v.table_no, v.row_no, v.column_key
"""

# (table kind, column key) → the phase its figures are, by the document's kind (预算 / 决算)
FUNCTIONAL_SOURCES = {
    ("expenditure", "total"): ("全部资金", {"预算": "approved", "决算": "executed"}),
    ("general_budget_expenditure", "budget"): ("一般公共预算", {"决算": "approved"}),
    ("general_budget_expenditure", "actual"): ("一般公共预算", {"决算": "executed"}),
}
ECONOMIC_SOURCES = {
    ("basic_expenditure", "total"): ("一般公共预算基本支出", {"预算": "approved", "决算": "executed"}),
    ("basic_expenditure", "actual"): ("一般公共预算基本支出", {"决算": "executed"}),
}
FUNCTIONAL_LEVELS = {3: "类", 5: "款", 7: "项"}
ECONOMIC_LEVELS = {3: "类", 5: "款"}
FDP_FIELDS = ["department", "year", "document_kind", "fund", "functional_code",
              "functional_name", "functional_level", "economic_code", "economic_name",
              "economic_level", "approved", "executed", "file_name", "page", "line", "sha256"]


def figures_csv(database: Database, bom: bool = False) -> str:
    names, rows = database.query(FIGURES_SQL)
    return as_csv(names, rows, bom=bom)


def write_xlsx(database: Database, path: str) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for table in TABLES:
        sheet = book.create_sheet(table)
        columns = column_names(table)
        sheet.append(columns)
        _, rows = database.query(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1, 2")
        for row in rows:
            sheet.append(list(row))
    book.save(path)


def _phase_of(kind: str | None) -> str | None:
    if not kind:
        return None
    return "决算" if kind.endswith("决算") else "预算" if kind.endswith("预算") else None


def fdp_rows(database: Database) -> list[dict[str, Any]]:
    """One record per classified line and fund, with its approved and executed amounts in 元."""
    names, rows = database.query(FIGURES_SQL)
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for values in rows:
        row = dict(zip(names, values))
        code, key = row["code"], (row["table_kind"], row["column_key"])
        economic = key in ECONOMIC_SOURCES
        sources = ECONOMIC_SOURCES if economic else FUNCTIONAL_SOURCES
        levels = ECONOMIC_LEVELS if economic else FUNCTIONAL_LEVELS
        if key not in sources or not code or len(code) not in levels or row["value_yuan"] is None:
            continue
        fund, phases = sources[key]
        phase = phases.get(_phase_of(row["kind"]) or "")
        if phase is None:
            continue
        prefix = "economic" if economic else "functional"
        ident = (row["sha256"], fund, prefix, code)
        record = merged.setdefault(ident, {
            "department": row["department"], "year": row["year"], "document_kind": row["kind"],
            "fund": fund, f"{prefix}_code": code, f"{prefix}_name": row["name"],
            f"{prefix}_level": levels[len(code)], "file_name": row["file_name"],
            "page": row["page"], "line": row["line"], "sha256": row["sha256"]})
        record[phase] = row["value_yuan"]
    return [{name: record.get(name) for name in FDP_FIELDS} for record in merged.values()]


def datapackage() -> dict[str, Any]:
    """The Fiscal Data Package descriptor of budget.csv."""
    fields = [{"name": name, "type": _field_type(name)} for name in FDP_FIELDS]

    def classification(prefix: str, kind: str) -> dict[str, Any]:
        return {"dimensionType": "classification", "classificationType": kind,
                "primaryKey": [f"{prefix}_code"],
                "attributes": {"code": {"source": f"{prefix}_code"},
                               "label": {"source": f"{prefix}_name", "labelfor": "code"},
                               "level": {"source": f"{prefix}_level"}}}

    return {
        "name": "yusuan-corpus", "title": "预算决算公开文件中的支出（yusuan 提取）",
        "profile": "fiscal-data-package",
        "resources": [{"name": "budget", "path": "budget.csv", "format": "csv",
                       "mediatype": "text/csv", "encoding": "utf-8",
                       "schema": {"fields": fields}}],
        "model": {
            "measures": {
                "approved": {"source": "approved", "currency": "CNY", "direction": "expenditure",
                             "phase": "approved", "title": "预算数（元）"},
                "executed": {"source": "executed", "currency": "CNY", "direction": "expenditure",
                             "phase": "executed", "title": "决算数（元）"},
            },
            "dimensions": {
                "functional-classification": classification("functional", "functional"),
                "economic-classification": classification("economic", "economic"),
                "administrative-classification": {
                    "dimensionType": "classification", "classificationType": "administrative",
                    "primaryKey": ["department"],
                    "attributes": {"name": {"source": "department"}}},
                "date": {"dimensionType": "datetime", "primaryKey": ["year"],
                         "attributes": {"year": {"source": "year"}}},
                "fund": {"dimensionType": "fact", "primaryKey": ["fund"],
                         "attributes": {"fund": {"source": "fund"}}},
                "source": {"dimensionType": "fact", "primaryKey": ["sha256", "page", "line"],
                           "attributes": {"sha256": {"source": "sha256"},
                                          "file": {"source": "file_name"},
                                          "page": {"source": "page"},
                                          "line": {"source": "line"}}},
            },
        },
    }


def _field_type(name: str) -> str:
    if name in ("approved", "executed"):
        return "number"
    return "integer" if name in ("year", "page", "line") else "string"


def write_fdp(database: Database, folder: str) -> None:
    """datapackage.json and budget.csv in `folder` (created; files in it are replaced)."""
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise InputError(f"{folder} 已存在且不是文件夹。", f"{folder} exists and is not a folder.")
    target.mkdir(parents=True, exist_ok=True)
    rows = fdp_rows(database)
    table = as_csv(FDP_FIELDS, [tuple(r[name] for name in FDP_FIELDS) for r in rows])
    (target / "budget.csv").write_text(table, encoding="utf-8")
    (target / "datapackage.json").write_text(
        json.dumps(datapackage(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
