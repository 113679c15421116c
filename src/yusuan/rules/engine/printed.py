"""What the document prints for the model's keys: a table kind's title, a column key's header.

Rules compare columns by stable keys (`total`, `col_3`, `subtotal`) and tables by kind
(`income`); a message shows what the reader sees on the page instead. Keys with a fixed
Chinese word (合计, 基本支出, …) keep it; the others take the column's printed header.
"""

from __future__ import annotations

from yusuan.model import Document, Finding, Location, Table
from yusuan.rules.engine.messages import LABELS, render

COLUMN_ARGS = ("column", "part_column", "other_column")
# the standard name of each table kind, for a table the document does not print
KIND_NAMES = {
    "summary": "收支总表", "income": "收入总表", "expenditure": "支出总表",
    "fiscal_summary": "财政拨款收支总表", "general_budget_expenditure": "一般公共预算支出表",
    "basic_expenditure": "一般公共预算基本支出表", "sangong": "“三公”经费支出表",
    "gov_fund": "政府性基金预算支出表", "soe_capital": "国有资本经营预算支出表",
    "project_expenditure": "项目支出表", "procurement": "政府采购预算表",
    "project_performance": "项目绩效目标表", "dept_performance": "部门整体绩效目标表",
    "other": "其他表格",
}


def table_title(doc: Document | None, kind: str | None) -> str:
    """The printed title of the first table of `kind` (the kind itself when none is printed)."""
    if not kind:
        return ""
    table = _first_table(doc, kind)
    return table.title if table and table.title else KIND_NAMES.get(kind, kind)


def column_header(doc: Document | None, key: str, kind: str | None = None) -> str:
    """The header a column is printed under: the table of `kind` first, then any table."""
    if key in LABELS["zh"] or doc is None:
        return key
    tables = [t for t in doc.tables if t.kind == kind] + [t for t in doc.tables if t.kind != kind]
    for table in tables:
        column = table.column(key)
        if column is not None and any(part.strip() for part in column.header):
            return _header_text(column.header)
    return unprinted_column(key)


def unprinted_column(key: str) -> str:
    """A column key no header names, in words: col_5 → 第5列, prior_year_basic → 上年数基本支出."""
    zh = LABELS["zh"]
    if key.startswith("col_") and key[4:].isdigit():
        return f"第{key[4:]}列"
    if key.startswith("prior_year_"):
        return zh["prior_year"] + zh.get(key[len("prior_year_"):], "")
    return {"subtotal": "小计", "amount": "金额"}.get(key, zh.get(key, key))


def _header_text(path: list[str]) -> str:
    """The lowest level of a header path, with its parent when alone it is a bare 小计/合计."""
    parts = [p.strip().replace(" ", "") for p in path if p and p.strip()]
    last = parts[-1]
    if last in ("小计", "合计", "计") and len(parts) > 1:
        return parts[-2] + last
    return last


def _first_table(doc: Document | None, kind: str) -> Table | None:
    if doc is None:
        return None
    return next((t for t in doc.tables if t.kind == kind), None)


def _kind_of(finding: Finding, key: str) -> str | None:
    located = next((loc for loc in finding.locations if loc.column == key and loc.table), None)
    first = located or next((loc for loc in finding.locations if loc.table), None)
    return first.table if first else None


def _printed(doc: Document, finding: Finding, value: object) -> object:
    if isinstance(value, str):
        return column_header(doc, value, _kind_of(finding, value))
    if isinstance(value, list):
        return [column_header(doc, str(v), _kind_of(finding, str(v))) for v in value]
    return value


def name_printed_columns(doc: Document, findings: list[Finding]) -> None:
    """Show every column key a message names by its printed header (re-rendering the message)."""
    for finding in findings:
        if not finding.message_id or not any(k in finding.args for k in COLUMN_ARGS):
            continue
        args = {k: (_printed(doc, finding, v) if k in COLUMN_ARGS else v)
                for k, v in finding.args.items()}
        if args != finding.args:
            finding.args = args
            finding.message = render(finding.message_id, "zh", **args)


def describe_location(doc: Document | None, loc: Location) -> str:
    """A cited figure as the page shows it: table title, row, column header and line."""
    label = loc.code or loc.name or ""
    table = f"{table_title(doc, loc.table)} " if loc.table else ""
    column = f"{column_header(doc, loc.column, loc.table)}，" if loc.column else ""
    if loc.column and loc.column in LABELS["zh"]:
        column = f"{LABELS['zh'][loc.column]}，"
    return f"{table}{label}（{column}第{loc.line}行）".strip()
