"""Grouped lists add up: in a 项目支出表 a group line (人员经费, 公用经费, 项目支出) equals the sum
of the coded items listed under it; and basic-spending 项 carry no project money."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.model import Document, Finding, Location, Table, TableRow
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import (
    FUNCTIONAL_TABLES,
    amount,
    amounts,
    is_functional,
    row_label,
    sum_finding,
    value_columns,
)
from yusuan.rules.engine.messages import register_messages

register_messages({
    "GROUP.TOTAL": {
        "zh": "{what}（{column}）{reported} ≠ 其下各项之和 {computed}，差 {difference}",
        "en": "{what} ({column}) {reported} ≠ sum of the items under it {computed}, "
              "difference {difference}",
    },
    "UNIT.ROLLUP": {
        "zh": "{what}（{column}）{reported} ≠ 所属单位之和 {computed}，差 {difference}",
        "en": "{what} ({column}) {reported} ≠ sum of its units {computed}, "
              "difference {difference}",
    },
    "CLASS.RUNNING": {
        "zh": "{code} {name} 是反映基本支出的科目，却列有项目支出 {amount}",
        "en": "{code} {name} is a basic-spending item but carries project spending {amount}",
    },
})

PROJECT_CODE_LENGTH = 10  # project codes are long (42011425056T000000101); unit codes short
RUNNING_NAMES = ("行政运行", "事业运行")


def is_item(row: TableRow) -> bool:
    return bool(row.code) and len(row.code or "") >= PROJECT_CODE_LENGTH


def is_group(row: TableRow) -> bool:
    return not row.is_total and bool(row.values) and not is_item(row) and \
        (row.code is None or not row.code.isdigit())


def groups(table: Table) -> Iterator[tuple[TableRow, list[TableRow]]]:
    """Each group line with the item lines that follow it (up to the next other line)."""
    rows = table.rows
    for index, row in enumerate(rows):
        if not is_group(row):
            continue
        items: list[TableRow] = []
        for later in rows[index + 1:]:
            if not is_item(later):
                break
            items.append(later)
        if items:
            yield row, items


@rule("GROUP.TOTAL", category="arithmetic", title_zh="分组小计等于其下各项之和",
      title_en="Group lines add up", tables=("project_expenditure",),
      rationale="A 项目支出表 that lists 人员经费, 公用经费 and 项目支出 as group lines with the "
                "coded items under them: each group line equals the sum of its items.")
def group_lines_add_up(doc: Document) -> Iterator[Finding]:
    """A group line equals the sum of the coded items under it.

    Passes: 公用经费 54.04; items 39.69, 0.02, 14.33.
    Fails:  公用经费 54.04; items 39.69, 0.03, 14.33 (rounding → info), or 40.69 (error).
    """
    for table in doc.tables_of("project_expenditure"):
        for group, items in groups(table):
            for key in value_columns(table):
                total = amount(doc, table, group, key)
                parts = amounts(doc, table, items, key)
                if total is None or not parts:
                    continue
                found = sum_finding("GROUP.TOTAL", total, parts, row_label(group), column=key)
                if found:
                    yield found


def running_rows(doc: Document) -> dict[str, list[tuple[Table, TableRow]]]:
    found: dict[str, list[tuple[Table, TableRow]]] = {}
    for kind in FUNCTIONAL_TABLES:
        for table in doc.tables_of(kind):
            for row in table.rows:
                name = "".join(row.name.split())
                if is_functional(row.code) and len(row.code or "") == 7 and \
                        name in RUNNING_NAMES and row.values.get("project"):
                    found.setdefault(row.code or "", []).append((table, row))
    return found


@rule("CLASS.RUNNING", category="classification", severity="info",
      title_zh="运行类科目不应列项目支出", title_en="Running-cost items carry no projects",
      tables=FUNCTIONAL_TABLES,
      rationale="行政运行 and 事业运行 reflect the 基本支出 of administrative and public-service "
                "units; project spending booked there is worth a look (one finding per code).")
def running_items_have_no_projects(doc: Document) -> Iterator[Finding]:
    """行政运行 / 事业运行 carry no project spending.

    Passes: 2101501 行政运行 basic 5.00, project blank.
    Fails:  2101501 行政运行 basic 5.00, project 0.94.
    """
    for code, places in running_rows(doc).items():
        row = places[0][1]
        locations = [Location(r.line_of("project"), table=t.kind, code=code, column="project")
                     for t, r in places]
        yield make_finding("CLASS.RUNNING", locations, code=code, name=row.name,
                           amount=row.values["project"])


def unit_children(rows: list[TableRow], parent: TableRow) -> list[TableRow]:
    """The budget units directly under `parent` (083 → 083001, 083002, …)."""
    code = parent.unit_code or ""
    below = [r for r in rows if r.unit_code and r.unit_code != code
             and r.unit_code.startswith(code)]
    if not below:
        return []
    level = min(len(r.unit_code or "") for r in below)
    return [r for r in below if len(r.unit_code or "") == level]


@rule("UNIT.ROLLUP", category="arithmetic", title_zh="部门合计等于所属单位之和",
      title_en="A department's line adds up its units",
      rationale="In a table listed by budget unit, the department line (083) equals the sum of "
                "its units (083001, 083002, …) in every column.")
def units_add_up(doc: Document) -> Iterator[Finding]:
    """A department line equals the sum of its units' lines.

    Passes: 083 10.00; 083001 4.00, 083002 6.00.
    Fails:  083 10.00; 083001 4.00, 083002 7.00.
    """
    for table in doc.tables:
        units = [r for r in table.rows if r.unit_code]
        for parent in units:
            children = unit_children(units, parent)
            if not children:
                continue
            for key in value_columns(table):
                total = amount(doc, table, parent, key)
                parts = amounts(doc, table, children, key)
                if total is None or not parts:
                    continue
                found = sum_finding("UNIT.ROLLUP", total, parts, row_label(parent),
                                    column=key, message_id="UNIT.ROLLUP")
                if found:
                    yield found
