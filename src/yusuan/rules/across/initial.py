"""A 决算's 年初预算数 against the 预算 the department published for that year: every 功能分类
row of the 一般公共预算财政拨款支出决算表 and the 三公 预算数."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.model import Document, Finding, Table
from yusuan.rules.across.common import (
    cell,
    differ,
    file_name,
    first_key,
    is_budget,
    is_final,
    same_department,
    same_row,
    show,
)
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import label, register_messages

register_messages({
    "ACROSS.INITIAL_BUDGET": {
        "zh": "{what}：{final} 所列年初预算数 {reported}，而 {budget} 公布的预算数为 {published}",
        "en": "{what}: {final} gives the initial budget as {reported}, but {budget} published "
              "{published}",
    },
})

SANGONG_KEYS = ("outbound", "vehicle", "vehicle_purchase", "vehicle_operation", "reception")


def same_year_pair(earlier: Document, later: Document) -> bool:
    return (is_budget(earlier) and is_final(later) and earlier.year is not None
            and earlier.year == later.year and same_department(earlier, later))


@rule("ACROSS.INITIAL_BUDGET", category="cross_table", severity="warning", pair=True,
      title_zh="决算的年初预算数与同年公布的预算一致",
      title_en="A 决算's initial budget agrees with the budget published for that year",
      rationale="The 年初预算数 a 决算 prints is the budget the department published at the "
                "start of the year: each 功能分类 row of the 一般公共预算 table and the 三公 预算数.")
def initial_budget(earlier: Document, later: Document) -> Iterator[Finding]:
    """Passes: the 2024 决算 prints 年初预算数 248.00 for 2070101 and the 2024 预算 prints 248.00.
    Fails: 248.00 against a published 257.49."""
    if not same_year_pair(earlier, later):
        return
    yield from _general_rows(earlier, later)
    yield from _sangong(earlier, later)


def initial_column(table: Table, key: str) -> bool:
    """The column is the 年初 budget: headed 年初预算数, or plain 预算数 (not 全年/调整预算数,
    the budget as adjusted during the year)."""
    column = table.column(key)
    if column is None:
        return False
    header = "".join(column.header)
    return "年初" in header or not any(word in header for word in ("全年", "调整", "变动"))


def _general_rows(budget: Document, final: Document) -> Iterator[Finding]:
    final_table = final.table("general_budget_expenditure")
    budget_table = budget.table("general_budget_expenditure")
    if final_table is None or budget_table is None or not initial_column(final_table, "budget"):
        return
    for row in final_table.rows:
        other = same_row(budget_table, row)
        key = first_key(other, ("total", "budget")) if other else None
        if other is None or key is None:
            continue
        reported, published = cell(final, final_table, row, "budget"), \
            cell(budget, budget_table, other, key)
        if reported and published and differ(reported, published):
            what = f"{row.code} {row.name}" if row.code else "合计"
            yield _finding(what, reported, published, final, budget)


def _sangong(budget: Document, final: Document) -> Iterator[Finding]:
    final_table, budget_table = final.table("sangong"), budget.table("sangong")
    if final_table is None or budget_table is None or final_table.column("actual") is None:
        return
    if not initial_column(final_table, "budget"):
        return
    if not final_table.rows or not budget_table.rows:
        return
    row, other = final_table.rows[0], budget_table.rows[0]
    total = first_key(other, ("total", "budget"))
    pairs = [("budget", total)] + [(key, key) for key in SANGONG_KEYS]
    for mine, theirs in pairs:
        if theirs is None:
            continue
        reported, published = cell(final, final_table, row, mine), \
            cell(budget, budget_table, other, theirs)
        if reported and published and differ(reported, published):
            what = "“三公”经费" if mine == "budget" else f"“三公”经费中的{label(mine)}"
            yield _finding(what, reported, published, final, budget)


def _finding(what: str, reported, published, final: Document, budget: Document) -> Finding:  # type: ignore[no-untyped-def]
    return make_finding(
        "ACROSS.INITIAL_BUDGET", [reported.location, published.location],
        {"reported_yuan": reported.yuan, "published_yuan": published.yuan,
         "difference_yuan": round(reported.yuan - published.yuan, 2),
         "other_sha256": budget.source.sha256},
        what=what, final=file_name(final), budget=file_name(budget),
        reported=show(reported), published=show(published))
