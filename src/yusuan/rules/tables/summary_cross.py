"""Summary tables agree with the detail tables that print the same income items and 类."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location, Table
from yusuan.rules.engine import rule
from yusuan.rules.engine.common import SUMMARY_TABLES, Amount, amount, compact_name, equal_finding
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.tables.summary import name_of, read_side, side_amount

register_messages({
    "SUMMARY.AGREES": {
        "zh": "{what}：{table_a}为 {reported}，{table_b}为 {computed}，差 {difference}",
        "en": "{what}: {reported} in {table_a}, {computed} in {table_b}, "
              "difference {difference}",
    },
})

INCOME_ITEM_KEYS = (
    (r"一般公共预算", "general_budget"), (r"政府性基金", "gov_fund"),
    (r"国有资本经营", "soe_capital"), (r"财政专户", "special_account"),
    (r"^事业收入", "business"), (r"经营收入", "operating"), (r"上级补助", "superior_subsidy"),
    (r"附属单位上缴", "subordinate"), (r"^其他收入", "other"),
    (r"^(上年|年初)(财政拨款)?结转", "carryover"),
)
# the detail tables whose 类 lines make up a summary table's 类 lines
DETAIL_OF = {"summary": ("expenditure",),
             "fiscal_summary": ("general_budget_expenditure", "gov_fund", "soe_capital")}


def _label(table: Table) -> str:
    return f"{table.number or ''}{table.title}"


def income_key(name: str) -> str | None:
    name = compact_name(name)
    return next((key for pattern, key in INCOME_ITEM_KEYS if regexes.search(pattern, name)), None)


def _detail_total(doc: Document, tables: list[Table], name: str) -> Amount | None:
    """The 类 line called `name` in the detail tables (summed over them), or None (also when a
    table prints it once per unit)."""
    found: list[Amount] = []
    for table in tables:
        rows = [r for r in table.rows if r.code and len(r.code) == 3 and compact_name(r.name) == name]
        if len(rows) > 1:
            return None  # the 类 line once per unit (a table by 预算单位): no one line is the whole
        row = rows[0] if rows else None
        value = amount(doc, table, row, _whole_column(table)) if row else None
        if value is not None:
            found.append(value)
    if not found:
        return None
    first = found[0]
    return Amount(sum(a.value for a in found), max(a.decimals for a in found), first.location)


def _whole_column(table: Table) -> str:
    """The column that holds a line's whole amount: 合计 / 总计, else 决算数, else 预算数."""
    return next((key for key in ("total", "actual", "budget") if table.column(key)), "total")


@rule("SUMMARY.AGREES", category="cross_table", title_zh="总表与明细表一致",
      title_en="Summary tables agree with the detail tables", tables=SUMMARY_TABLES,
      rationale="Each income item of the 收支总表 equals the 收入总表's 合计 in its column; each "
                "支出 类 equals the 类 line of the 支出总表 (财政拨款收支总表: of the "
                "一般公共预算, 政府性基金 and 国有资本经营 tables); the 收支总表's 财政拨款结转 "
                "equals the 财政拨款收支总表's 上年结转.")
def summary_agrees_with_details(doc: Document) -> Iterator[Finding]:
    """Summary lines equal the detail tables' lines of the same name.

    Passes: 收支总表 卫生健康支出 10.00; 支出总表 210 卫生健康支出 total 10.00.
    Fails:  the same with 支出总表 10.50.
    """
    for kind in SUMMARY_TABLES:
        for table in doc.tables_of(kind):
            if kind == "summary":
                yield from _income_items(doc, table)
                yield from _fiscal_carryover(doc, table)
            yield from _expenditure_classes(doc, table, kind)


# the 收支总表's line for the 财政拨款 part of the carry-over ("其中：财政拨款资金结转")
FISCAL_CARRYOVER = regexes.compile(r"^(其中[:：])?财政拨款(资金)?(结转|结余|结转结余|结转和结余)$")


def _fiscal_carryover(doc: Document, table: Table) -> Iterator[Finding]:
    """The 收支总表's 财政拨款结转 against the 财政拨款收支总表's 上年结转 (its 收入总计 less its
    本年收入合计 when the 上年结转 line is left blank)."""
    fiscal = doc.table("fiscal_summary")
    line = next((row for row in table.rows if row.side in ("income", None)
                 and FISCAL_CARRYOVER.match(compact_name(row.name))), None)
    left = side_amount(doc, table, line)
    right = _fiscal_carried(doc, fiscal) if fiscal is not None else None
    if left is None or right is None or fiscal is None:
        return
    found = equal_finding("SUMMARY.AGREES", left, right, compact_name(line.name) if line else "",
                          table_a=_label(table), table_b=f"{_label(fiscal)}上年结转", same_ledger=True)
    if found:
        yield found


def _fiscal_carried(doc: Document, fiscal: Table) -> Amount | None:
    """The 财政拨款收支总表's 上年结转: the line's figure, or 收入总计 − 本年收入合计."""
    named = read_side(fiscal, "income").named
    printed = side_amount(doc, fiscal, named.get("carryover_in"))
    if printed is not None:
        return printed
    grand = side_amount(doc, fiscal, named.get("income_grand"))
    current = side_amount(doc, fiscal, named.get("income_current"))
    carry_line = named.get("carryover_in")
    if grand is None or current is None or carry_line is None:
        return None
    return Amount(round(grand.value - current.value, 6), max(grand.decimals, current.decimals),
                  Location(carry_line.line, table=fiscal.kind, name=carry_line.name,
                           page=carry_line.page))


def _income_items(doc: Document, table: Table) -> Iterator[Finding]:
    income = doc.table("income")
    total_row = income.total_row() if income else None
    if income is None or total_row is None:
        return
    for row in read_side(table, "income").items + list(read_side(table, "income").named.values()):
        key = income_key(row.name)
        left = side_amount(doc, table, row)
        right = amount(doc, income, total_row, key) if key else None
        if left is None or right is None:
            continue
        found = equal_finding("SUMMARY.AGREES", left, right, row.name,
                              table_a=_label(table), table_b=_label(income), same_ledger=True)
        if found:
            yield found


def _expenditure_classes(doc: Document, table: Table, kind: str) -> Iterator[Finding]:
    details = [t for k in DETAIL_OF[kind] for t in doc.tables_of(k)[:1]]
    if not details or (kind == "fiscal_summary" and appropriations_alone(doc, table, details)):
        return
    for row in read_side(table, "expenditure").items:
        if name_of(row):
            continue
        left = side_amount(doc, table, row)
        right = _detail_total(doc, details, compact_name(row.name))
        if left is None or right is None:
            continue
        # the 收支总表's 类 is the 支出总表's line; the 财政拨款 one may add several funds' lines
        found = equal_finding("SUMMARY.AGREES", left, right, row.name, table_a=_label(table),
                              table_b=_label(details[0]), same_ledger=kind == "summary")
        if found:
            yield found


def appropriations_alone(doc: Document, table: Table, details: list[Table]) -> bool:
    """The summary spends a carry-over too (上年结转 beside 本年收入) while the detail tables'
    类 lines add up to 本年收入 alone: they print the year's appropriations (中央部门
    一般公共预算支出表 of 年初预算数), a smaller scope than the summary's lines."""
    named = read_side(table, "income").named
    carry = side_amount(doc, table, named.get("carryover_in"))
    current = side_amount(doc, table, named.get("income_current"))
    if carry is None or not carry.value or current is None:
        return False
    classes = [amount(doc, t, r, _whole_column(t)) for t in details for r in t.rows
               if r.code and len(r.code) == 3]
    found = [a.value for a in classes if a is not None]
    return bool(found) and abs(sum(found) - current.value) < 0.015
