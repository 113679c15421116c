"""The document's key figures as its tables state them (contract: `headline`)."""

from __future__ import annotations

import re
from typing import Any

from yusuan.model import Table, TableRow
from yusuan.recognise.columns import CARRYOVER_IN, CARRYOVER_OUT
from yusuan.recognise.narrative.text import HEADING

# (headline key, table kinds to look in, side, name pattern, column keys to try)
SUMMARY_ITEMS: tuple[tuple[str, str, str], ...] = (
    ("total_income", "income", r"^本年收入合计$|^本年收入$"),
    ("income_grand_total", "income", r"^收入总计$|^总计$|^收入合计$"),
    ("carryover_in", "income", CARRYOVER_IN),
    ("general_budget_income", "income", r"^一般公共预算(财政)?(拨款)?(收入|资金)?$"),
    ("gov_fund_income", "income", r"^政府性基金(预算)?(财政)?(拨款)?(收入|资金)?$"),
    ("other_income", "income", r"^其他收入(资金)?$"),
    ("total_expenditure", "expenditure", r"^本年支出合计$|^本年支出$"),
    ("expenditure_grand_total", "expenditure", r"^支出总计$|^总计$|^支出合计$"),
    ("carryover_out", "expenditure", CARRYOVER_OUT),
)
AMOUNT_KEYS = ("budget", "actual", "total")


def first_amount(row: TableRow) -> tuple[str, float] | None:
    for key in AMOUNT_KEYS:
        if key in row.values:
            return key, row.values[key]
    return None


def _item_name(name: str) -> str:
    """A summary line's name without its spaces, list number and trailing 、 ('九、其他收入')."""
    return HEADING.sub("", name.replace(" ", "")).rstrip("、")


def summary_headline(table: Table) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for key, side, pattern in SUMMARY_ITEMS:
        for row in table.rows:
            if row.side != side or not re.search(pattern, _item_name(row.name)):
                continue
            amount = first_amount(row)
            if amount:
                found[key] = {"value": amount[1], "line": row.line_of(amount[0])}
                break
    return found


def total_row_headline(table: Table, keys: dict[str, str]) -> dict[str, dict[str, Any]]:
    total = next((row for row in table.rows if row.name.replace(" ", "") in ("合计", "总计")),
                 None) or _nameless_total(table)
    found: dict[str, dict[str, Any]] = {}
    if total is None:
        return found
    for column, headline_key in keys.items():
        if column in total.values:
            found[headline_key] = {"value": total.values[column], "line": total.line_of(column)}
    return found


def _nameless_total(table: Table) -> TableRow | None:
    """A first row with neither code nor name above the coded rows, each of its figures at
    least the coded rows' (its 合计 cell merged away in print): the total row."""
    rows = [r for r in table.rows if r.values]
    if len(rows) < 2 or rows[0].code or rows[0].name.strip() or not rows[1].code:
        return None
    first = rows[0]
    coded = [r for r in rows[1:] if r.code]
    if all(first.values.get(k, 0.0) + 0.005 >= r.values.get(k, 0.0)
           for r in coded for k in first.values):
        return first
    return None


# what a 财政拨款收支总表 tells of the whole department when a 收支总表 is printed: only the
# appropriations themselves (its 本年收入 is the 财政拨款 part, not the department's)
FISCAL_KEYS = frozenset({"general_budget_income", "gov_fund_income"})


def tables_headline(tables: list[Table]) -> dict[str, dict[str, Any]]:
    headline: dict[str, dict[str, Any]] = {}
    summaries = [t for t in tables if t.kind == "summary"]
    for table in summaries + [t for t in tables if t.kind == "fiscal_summary"]:
        for key, value in summary_headline(table).items():
            if table.kind == "summary" or not summaries or key in FISCAL_KEYS:
                headline.setdefault(key, value)
    for kind, keys in (  # 人员经费 and 公用经费 as the 基本支出表 prints them, before any other
        ("expenditure", {"basic": "basic_expenditure", "project": "project_expenditure"}),
        ("basic_expenditure", {"personnel": "personnel_funds", "public": "public_funds"}),
        ("general_budget_expenditure", {"basic": "basic_expenditure", "project": "project_expenditure",
                                        "personnel": "personnel_funds", "public": "public_funds"}),
    ):
        for table in tables:
            if table.kind == kind:
                for key, value in total_row_headline(table, keys).items():
                    headline.setdefault(key, value)
    for table in (t for t in tables if t.kind == "basic_expenditure"):
        for row in table.rows:
            for key, pattern in (("personnel_funds", r"^人员经费(合计)?$"), ("public_funds", r"^公用经费(合计)?$")):
                amount = first_amount(row)
                if amount and re.match(pattern, row.name.replace(" ", "")):
                    headline.setdefault(key, {"value": amount[1], "line": row.line_of(amount[0])})
    sangong = next((t for t in tables if t.kind == "sangong" and t.rows), None)
    if sangong and "sangong_total" not in headline:
        headline.update(sangong_headline(sangong))
    for table in (t for t in tables if t.kind == "procurement"):
        headline.setdefault("procurement_total", procurement_headline(table))
        if not headline["procurement_total"]:
            del headline["procurement_total"]
    return headline


_PROCUREMENT_KINDS = re.compile(r"^[A-Ca-c]?[-、.．\s]*(货物|工程|服务)[A-Ca-c]?$")


def procurement_headline(table: Table) -> dict[str, Any]:
    """The 政府采购 total: the 合计 row's amount, when its 货物 / 工程 / 服务 rows add up to it
    (a 合计 row read into the wrong column is no total)."""
    total = next((r for r in table.rows if r.name.replace(" ", "") in ("合计", "总计")), None)
    amount = first_amount(total) if total else None
    if total is None or amount is None:
        return {}
    key, value = amount
    parts = [r.values.get(key) for r in table.rows
             if _PROCUREMENT_KINDS.match(r.name.replace(" ", ""))]
    if not parts or any(p is None for p in parts) or abs(sum(parts) - value) > 0.005 * (len(parts) + 1):
        return {}
    return {"value": value, "line": total.line_of(key)}


SANGONG_SUBTOTAL = re.compile(r"^[“\"]?三公[”\"]?经费(合计|小计)?$")
_YEAR_ROW = re.compile(r"^(\d{4})\s*年")
_WHOLE_LEAVES = ("小计", "合计", "总计")


def sangong_headline(table: Table) -> dict[str, dict[str, Any]]:
    """The 三公 total: the 三公 total column (its 小计 where the table adds 会议费 and 培训费, else
    合计, 预算数 or 决算数, else the 总计 group's funds added up) of the total row (a row
    "“三公”经费" or 合计, else this year's of the years listed, else the only or first row)."""
    row = _sangong_row(table)
    if row is None:
        return {}
    keys = _sangong_total_keys(table)
    present = [key for key in keys if key in row.values]
    if present:
        value = round(sum(row.values[key] for key in present), 6)
        return {"sangong_total": {"value": value, "line": row.line_of(present[0])}}
    amount = first_amount(row)
    return {"sangong_total": {"value": amount[1], "line": row.line_of(amount[0])}} if amount else {}


def _sangong_row(table: Table) -> TableRow | None:
    rows = [r for r in table.rows if r.values]
    named = [r for r in rows if SANGONG_SUBTOTAL.match(r.name.replace(" ", ""))]
    named += [r for r in rows if r.name.replace(" ", "") in ("合计", "总计")]
    if named:
        return named[0]
    dated = [(int(m.group(1)), r) for r in rows if (m := _YEAR_ROW.match(r.name.strip()))]
    if dated:
        return max(dated, key=lambda pair: pair[0])[1]  # the latest year listed is this year's
    return rows[0] if rows else None


def _sangong_total_keys(table: Table) -> list[str]:
    """The column(s) holding the 三公 total: one key, or the funds of a 总计 group."""
    current = [c for c in table.columns if not c.key.startswith(("prior_year", "change"))]
    by_key = {c.key: c.header for c in current}
    for column in current:  # "“三公”经费 / 小计" beside 会议费 and 培训费
        path = [h.replace(" ", "") for h in column.header]
        if len(path) >= 2 and "三公" in path[-2] and path[-1] in _WHOLE_LEAVES:
            return [column.key]
    for key in ("total", "subtotal", "budget", "actual"):
        if key in by_key:
            return [key]
    return [c.key for c in current if c.header
            and c.header[0].replace(" ", "") in ("总计", "合计") and len(c.header) == 2]


HEADLINE_CONCEPTS = (
    "total_income", "income_grand_total", "carryover_in", "total_expenditure", "basic_expenditure",
    "project_expenditure", "personnel_funds", "public_funds", "sangong_total",
    "agency_operating_costs", "procurement_total", "general_budget_income",
)


def add_narrative_headline(headline: dict[str, dict[str, Any]], facts: list[Any], unit: str | None) -> None:
    """Key figures no table gives, taken from the narrative (the first statement of each, in the
    document's unit only, so that a figure in another unit is not mistaken for one in 万元)."""
    for fact in facts:
        if fact.concept not in HEADLINE_CONCEPTS or fact.concept in headline or fact.value is None:
            continue
        if unit and fact.unit and fact.unit != unit:
            continue
        if fact.extra.get("part_of") or fact.extra.get("scope") not in (None, "department"):
            continue
        headline[fact.concept] = {"value": fact.value, "line": fact.line, "source": "narrative"}
