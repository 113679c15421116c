"""CROSS.TOTAL: a total the books hold once, printed in two tables, is printed the same: the
收支总表's 本年支出合计 and the 支出总表's 合计; the 财政拨款收支总表's 本年支出合计 and the
一般公共预算支出表's 合计 (when no other fund's table carries money). A gap of one cent is no
rounding here: both tables print the one figure, not a sum of rounded parts."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.model import Document, Finding, Table
from yusuan.rules.engine import rule
from yusuan.rules.engine.common import Amount, amount, equal_finding, table_unit
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.tables.summary import read_side, side_amount

register_messages({
    "CROSS.TOTAL": {
        "zh": "{what}：{table_a}为 {reported}，{table_b}为 {computed}，差 {difference}",
        "en": "{what}: {reported} in {table_a}, {computed} in {table_b}, difference {difference}",
    },
})

OTHER_FUNDS = ("gov_fund", "soe_capital")
WHOLE_KEYS = ("total", "actual", "budget")


def _label(table: Table) -> str:
    return f"{table.number or ''}{table.title}"


def _spending(doc: Document, table: Table) -> Amount | None:
    """A summary table's 本年支出合计 as printed."""
    row = read_side(table, "expenditure").named.get("expenditure_current")
    return side_amount(doc, table, row)


def _table_total(doc: Document, table: Table) -> Amount | None:
    """A detail table's 合计 line, its whole-amount column."""
    row = table.total_row()
    key = next((k for k in WHOLE_KEYS if row is not None and k in row.values), None)
    return amount(doc, table, row, key) if row is not None and key else None


def _carries_money(doc: Document, kind: str) -> bool:
    return any(value for table in doc.tables_of(kind) for row in table.rows
               for value in row.values.values())


def pairs(doc: Document) -> Iterator[tuple[str, Table, Table]]:
    """(what, summary table, detail table) printing the same total."""
    for summary in doc.tables_of("summary")[:1]:
        for detail in doc.tables_of("expenditure")[:1]:
            yield "本年支出合计", summary, detail
    if any(_carries_money(doc, kind) for kind in OTHER_FUNDS):
        return  # the 财政拨款 total adds the funds' totals: a sum of rounded parts
    for summary in doc.tables_of("fiscal_summary")[:1]:
        for detail in doc.tables_of("general_budget_expenditure")[:1]:
            yield "本年支出合计", summary, detail


@rule("CROSS.TOTAL", category="cross_table", title_zh="同一总数在各表一致",
      title_en="One total, the same in every table", tables=("summary", "fiscal_summary"),
      rationale="收支总表's 本年支出合计 is the 支出总表's 合计; 财政拨款收支总表's 本年支出合计 "
                "is the 一般公共预算支出表's 合计 when no other fund carries money. Tables "
                "printed from one ledger print the same figure: even a cent apart is a warning.")
def totals_agree(doc: Document) -> Iterator[Finding]:
    """The same total printed by a summary table and its detail table is the same figure.

    Passes: 收支总表 本年支出合计 418.36; 支出总表 合计 418.36.
    Fails:  收支总表 本年支出合计 418.36; 支出总表 合计 418.37 (warning: not rounding).
    """
    for what, summary, detail in pairs(doc):
        if table_unit(doc, summary) != table_unit(doc, detail):
            continue
        left, right = _spending(doc, summary), _table_total(doc, detail)
        if left is None or right is None:
            continue
        found = equal_finding("CROSS.TOTAL", left, right, what, table_a=_label(summary),
                              table_b=_label(detail), same_ledger=True)
        if found:
            yield found
