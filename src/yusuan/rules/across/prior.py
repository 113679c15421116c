"""A budget's figures of last year against last year's budget: the 上年预算数 its tables print
beside this year's, and the last-year figure its narrative implies (本年数 − 比上年增加额)."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.model import Document, Fact, Finding, Table, TableRow
from yusuan.rules.across.common import (
    Figure,
    cell,
    differ,
    figure,
    file_name,
    first_key,
    is_budget,
    same_department,
    same_row,
    show,
)
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import compact_name
from yusuan.rules.engine.messages import register_messages

register_messages({
    "ACROSS.PRIOR_YEAR": {
        "zh": "{what}：{later} 所列上年（{year} 年）预算数 {reported}，而 {earlier} 公布的为 {published}",
        "en": "{what}: {later} gives last year's ({year}) budget as {reported}, but {earlier} "
              "published {published}",
    },
    "ACROSS.PRIOR_YEAR.CHANGE": {
        "zh": "{what}：{later} 写“{change}”，由此上年（{year} 年）预算数为 {reported}，而 {earlier} "
              "公布的为 {published}",
        "en": "{what}: {later} says “{change}”, which makes last year's ({year}) budget "
              "{reported}, but {earlier} published {published}",
    },
})

PRIOR = "prior_year"


def consecutive_budgets(earlier: Document, later: Document) -> bool:
    return (is_budget(earlier) and is_budget(later) and earlier.year is not None
            and later.year == earlier.year + 1 and same_department(earlier, later))


@rule("ACROSS.PRIOR_YEAR", category="year_over_year", severity="warning", pair=True,
      title_zh="本年预算所列上年数与上年公布的预算一致",
      title_en="Last year's figures in a budget agree with last year's published budget",
      rationale="The 上年预算数 a budget prints beside this year's, and the last-year figure its "
                "比上年增加/减少 implies, are the figures last year's budget published.")
def prior_year(earlier: Document, later: Document) -> Iterator[Finding]:
    """Passes: the 2025 预算 says 行政运行 257.49，比2024年预算增加7.66 and the 2024 预算 prints
    249.83. Fails: the 2024 预算 prints 240.00; or the 2025 三公 table's 上年预算数 5.50 against a
    published 5.10."""
    if not consecutive_budgets(earlier, later):
        return
    yield from _table_columns(earlier, later)
    yield from _narrative_changes(earlier, later)


def _table_columns(earlier: Document, later: Document) -> Iterator[Finding]:
    for table in later.tables:
        if table.column(PRIOR) is None:
            continue
        before = earlier.table(table.kind)
        if before is None:
            continue
        for row in table.rows:
            other = _row_in(before, row, table)
            if other is None:
                continue
            for key in row.values:
                if not key.startswith(PRIOR):
                    continue
                theirs = _their_key(key, other)
                reported = cell(later, table, row, key)
                published = cell(earlier, before, other, theirs) if theirs else None
                if reported and published and differ(reported, published):
                    what = _what(table, row, key)
                    yield _finding("ACROSS.PRIOR_YEAR", what, reported, published, earlier, later)


def _row_in(before: Table, row: TableRow, table: Table) -> TableRow | None:
    if table.kind == "sangong" and len(table.rows) == 1 and before.rows:
        return before.rows[0]
    return same_row(before, row)


def _their_key(key: str, other: TableRow) -> str | None:
    """`prior_year` stands for last year's total; `prior_year_reception` for its reception."""
    part = key[len(PRIOR):].lstrip("_")
    return (part if part in other.values else None) if part else \
        first_key(other, ("total", "budget"))


def _what(table: Table, row: TableRow, key: str) -> str:
    if table.kind == "sangong":
        return "“三公”经费"
    return f"{table.title} {row.code or row.name or '合计'}"


# narrative concepts whose last-year figure is a table's total row, by table kind and column
TOTALS = {"sangong_total": ("sangong", ("total", "budget")),
          "total_expenditure": ("expenditure", ("total",)),
          "general_budget_expenditure": ("general_budget_expenditure", ("total",))}


def _narrative_changes(earlier: Document, later: Document) -> Iterator[Finding]:
    for fact in later.facts:
        change = fact.extra.get("change")
        if change is None or fact.value is None or not _against_budget(fact, earlier):
            continue
        published = _published(earlier, later, fact)
        decimals = max(fact.decimals or 2, fact.extra.get("change_decimals") or 2)
        reported = figure(later, round(fact.value - change, decimals), fact.unit, decimals,
                          fact.extra.get("change_line") or fact.line)
        if reported is None or published is None:
            continue
        reported = Figure(reported.value, reported.unit, reported.yuan, reported.slack * 2,
                          reported.location)
        if differ(reported, published):
            yield _finding("ACROSS.PRIOR_YEAR.CHANGE", fact.extra.get("label") or fact.concept,
                           reported, published, earlier, later,
                           change=fact.extra.get("change_text") or "")


def _against_budget(fact: Fact, earlier: Document) -> bool:
    """The change is stated against last year's budget (not its 决算 or its actual spending)."""
    text = fact.extra.get("change_text") or fact.text
    if "决算" in text or "执行" in text:
        return False
    return fact.extra.get("base_year") in (None, earlier.year)


def _published(earlier: Document, later: Document, fact: Fact) -> Figure | None:
    if fact.concept == "functional_item":
        code = _item_code(later, fact)
        table = earlier.table("general_budget_expenditure")
        row = table.row_by_code(code) if table is not None and code else None
        return cell(earlier, table, row, "total") if table is not None and row else None
    if fact.concept not in TOTALS or fact.extra.get("part_of"):
        return None
    kind, keys = TOTALS[fact.concept]
    table = earlier.table(kind)
    row = (table.rows[0] if kind == "sangong" and table and table.rows
           else table.total_row() if table else None)
    key = first_key(row, keys) if row else None
    return cell(earlier, table, row, key) if table and row and key else None


def _item_code(doc: Document, fact: Fact) -> str | None:
    """The 项 code the narrative's item names, from this document's 一般公共预算 table."""
    table = doc.table("general_budget_expenditure")
    item, class_code = fact.extra.get("item"), fact.extra.get("class_code") or ""
    if table is None or not item:
        return None
    kuan = fact.extra.get("kuan")
    kuan_codes = {r.code for r in table.rows if r.code and len(r.code) == 5
                  and kuan and compact_name(r.name) == compact_name(kuan)}
    found = [r.code for r in table.rows if r.code and len(r.code) == 7
             and r.code.startswith(class_code) and compact_name(r.name) == compact_name(item)
             and (not kuan_codes or r.code[:5] in kuan_codes)]
    return found[0] if len(found) == 1 else None


def _finding(message_id: str, what: str, reported: Figure, published: Figure,
             earlier: Document, later: Document, **more: str) -> Finding:
    return make_finding(
        "ACROSS.PRIOR_YEAR", [reported.location, published.location],
        {"reported_yuan": reported.yuan, "published_yuan": published.yuan,
         "difference_yuan": round(reported.yuan - published.yuan, 2),
         "other_sha256": earlier.source.sha256},
        message_id=message_id, what=what, later=file_name(later), earlier=file_name(earlier),
        year=earlier.year, reported=show(reported), published=show(published), **more)
