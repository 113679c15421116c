"""The document's key figures as its tables state them (contract: `headline`)."""

from __future__ import annotations

from typing import Any

from yusuan import regexes
from yusuan.model import Table, TableRow
from yusuan.recognise.columns import CARRYOVER_IN, CARRYOVER_OUT
from yusuan.recognise.narrative.text import HEADING

# (headline key, table kinds to look in, side, name pattern, column keys to try)
SUMMARY_ITEMS: tuple[tuple[str, str, str], ...] = (
    ("total_income", "income", r"^本年收入合计$|^本年收入$|^当年收入(小计)?$"),
    ("income_grand_total", "income", r"^收入总计$|^总计$|^收入合计$"),
    ("carryover_in", "income", CARRYOVER_IN),
    ("general_budget_income", "income", r"^一般公共预算(财政)?(拨款)?(收入|资金)?$"),
    ("gov_fund_income", "income", r"^政府性基金(预算)?(财政)?(拨款)?(收入|资金)?$"),
    ("other_income", "income", r"^其他收入(资金)?$|^其他资金$"),
    ("total_expenditure", "expenditure", r"^本年支出合计$|^本年支出$|^当年支出(小计)?$"),
    ("expenditure_grand_total", "expenditure", r"^支出总计$|^总计$|^支出合计$"),
    ("carryover_out", "expenditure", CARRYOVER_OUT),
)
AMOUNT_KEYS = ("budget", "actual", "total")
# a 收支总表's spending by type (部门预算支出经济分类 按大类: 1、人员经费和公用经费支出, 2、专项业务
# 经费支出), read when no table's total row gives 基本支出 / 项目支出; a name its cell cuts short
# ('人员经费和公用经费支') still counts
BY_TYPE_ITEMS: tuple[tuple[str, str], ...] = (
    ("basic_expenditure", r"^基本支出(合计)?$|^人员经费和公用经费(支出?)?$"),
    ("project_expenditure", r"^项目支出(合计)?$|^专项业务经费(支出?)?$"),
)
EXPENDITURE_SIDES = ("expenditure", "expenditure_by_type")  # and expenditure_by_type_2, …


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
            if row.side != side or not regexes.search(pattern, _item_name(row.name)):
                continue
            amount = first_amount(row)
            if amount:
                found[key] = {"value": amount[1], "line": row.line_of(amount[0])}
                break
    return found


def by_type_headline(table: Table) -> dict[str, dict[str, Any]]:
    """基本支出 and 项目支出 as a 收支总表's spending side lists them (the first of each)."""
    found: dict[str, dict[str, Any]] = {}
    for key, pattern in BY_TYPE_ITEMS:
        for row in table.rows:
            amount = first_amount(row)
            if (row.side or "").startswith(EXPENDITURE_SIDES) and amount \
                    and regexes.search(pattern, _item_name(row.name)):
                found[key] = {"value": amount[1], "line": row.line_of(amount[0])}
                break
    return found


_INCOME_TOTALS = regexes.compile(r"^(本年)?收入合计$|^收入总计$|^总计$|^合计$")


def carryover_column_headline(table: Table) -> dict[str, dict[str, Any]]:
    """The 上年结转 of a summary that prints it as a column beside 本年预算 (长春: 本年预算 |
    编制预算 | 上年结转) rather than as a line: the income total's figure in that column."""
    for row in table.rows:
        if row.side == "income" and "carryover" in row.values and _INCOME_TOTALS.match(_item_name(row.name)):
            return {"carryover_in": {"value": row.values["carryover"], "line": row.line_of("carryover")}}
    return {}


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
    least the coded rows' (its 合计 cell merged away in print): the total row. So is such a
    row above the budget units' rows when they add up to it (the department's own line), and a
    table of that one row alone, under a 合计 column."""
    rows = [r for r in table.rows if r.values]
    if len(rows) == 1 and not rows[0].code and not rows[0].name.strip() and "total" in rows[0].values:
        return rows[0]
    if len(rows) < 2 or rows[0].code or rows[0].name.strip():
        return None
    first = rows[0]
    if not rows[1].code:
        return first if _units_add_up(first, rows[1:]) else None
    coded = [r for r in rows[1:] if r.code]
    if all(first.values.get(k, 0.0) + 0.005 >= r.values.get(k, 0.0)
           for r in coded for k in first.values):
        return first
    return None


def _units_add_up(first: TableRow, rows: list[TableRow]) -> bool:
    """The rows naming a budget unit and nothing else (no code, no item name) add up to the
    first row in every column they fill, within a rounding per unit."""
    units = [r for r in rows if r.unit_name and not r.code and not r.name.strip()]
    keys = [k for k in first.values if any(k in u.values for u in units)]
    slack = 0.005 * (len(units) + 1)
    return len(units) >= 2 and bool(keys) and all(
        abs(sum(u.values.get(k, 0.0) for u in units) - first.values[k]) <= slack for k in keys)


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
    for table in summaries:
        for key, value in carryover_column_headline(table).items():
            headline.setdefault(key, value)
    for kind, keys in (  # 人员经费 and 公用经费 as the 基本支出表 prints them, before any other
        ("expenditure", {"basic": "basic_expenditure", "project": "project_expenditure"}),
        ("basic_expenditure", {"personnel": "personnel_funds", "public": "public_funds"}),
        ("general_budget_expenditure", {"basic": "basic_expenditure", "project": "project_expenditure",
                                        "personnel": "personnel_funds", "public": "public_funds"}),
        ("project_performance", {"total": "project_expenditure"}),  # its projects listed in one table
    ):
        for table in tables:
            if table.kind == kind:
                for key, value in total_row_headline(table, keys).items():
                    headline.setdefault(key, value)
    for table in summaries:
        for key, value in by_type_headline(table).items():
            headline.setdefault(key, value)
    for table in (t for t in tables if t.kind == "basic_expenditure"):
        for row in table.rows:
            for key, pattern in (("personnel_funds", r"^人员经费(合计)?$"), ("public_funds", r"^公用经费(合计)?$")):
                amount = first_amount(row)
                if amount and regexes.match(pattern, row.name.replace(" ", "")):
                    headline.setdefault(key, {"value": amount[1], "line": row.line_of(amount[0])})
    for table in (t for t in tables if t.kind == "other" and AGENCY_COSTS_TITLE.search(t.title)):
        if value := agency_costs_headline(table):
            headline.setdefault("agency_operating_costs", value)
    sangong = next((t for t in tables if t.kind == "sangong" and t.rows), None)
    if sangong and "sangong_total" not in headline:
        headline.update(sangong_headline(sangong))
    for table in (t for t in tables if t.kind == "procurement"):
        headline.setdefault("procurement_total", procurement_headline(table))
        if not headline["procurement_total"]:
            del headline["procurement_total"]
    return headline


# a table of the 机关运行经费 alone (not the 三公 table that adds them as a column)
AGENCY_COSTS_TITLE = regexes.compile(r"机关运行经费")


def agency_costs_headline(table: Table) -> dict[str, Any]:
    """The 机关运行经费: the 合计 row's amount, its total column's or its only one."""
    total = next((row for row in table.rows if row.name.replace(" ", "") in ("合计", "总计")), None)
    if total is None:
        return {}
    key = next((k for k in ("total", "budget", "actual") if k in total.values), None)
    if key is None and len(total.values) == 1:
        key = next(iter(total.values))
    return {"value": total.values[key], "line": total.line_of(key)} if key else {}


_PROCUREMENT_KINDS = regexes.compile(r"^[A-Ca-c]?[-、.．\s]*(货物|工程|服务)[A-Ca-c]?$")


def procurement_headline(table: Table) -> dict[str, Any]:
    """The 政府采购 total: the 合计 row's amount, when its 货物 / 工程 / 服务 rows add up to it, or,
    in a table of purchases without those rows, the purchases do (a 合计 row read into the
    wrong column is no total)."""
    total = next((r for r in table.rows if r.name.replace(" ", "") in ("合计", "总计")), None)
    amount = first_amount(total) if total else None
    if total is None or amount is None:
        return {}
    key, value = amount
    parts = [r.values.get(key) for r in table.rows
             if _PROCUREMENT_KINDS.match(r.name.replace(" ", ""))]
    if not parts:
        parts = [r.values[key] for r in table.rows if r is not total and key in r.values]
    if not parts or any(p is None for p in parts) or abs(sum(parts) - value) > 0.005 * (len(parts) + 1):
        return {}
    return {"value": value, "line": total.line_of(key)}


SANGONG_SUBTOTAL = regexes.compile(r"^[“\"]?三公[”\"]?经费(合计|小计)?$")
_YEAR_ROW = regexes.compile(r"^(\d{4})\s*年")
_WHOLE_LEAVES = ("小计", "合计", "总计")


def sangong_headline(table: Table) -> dict[str, dict[str, Any]]:
    """The 三公 total: the 三公 total column (its 小计 where the table adds 会议费 and 培训费, else
    合计, 预算数 or 决算数, else the 总计 group's funds added up) of the total row (a row
    "“三公”经费" or 合计, else this year's of the years listed, else the only or first row).

    A 决算 table printing the 预算数 beside the 决算数 (as two groups of columns, or as two
    rows) gives its 决算数 as the total and its 预算数 as `sangong_budget`."""
    final = _final_and_budget(table)
    if final is not None:
        (actual_row, actual_key), (budget_row, budget_key) = final
        return {"sangong_total": _figure(actual_row, [actual_key]),
                "sangong_budget": _figure(budget_row, [budget_key])}
    row = _sangong_row(table)
    if row is None:
        return {}
    keys = _sangong_total_keys(table)
    present = [key for key in keys if key in row.values]
    if present:
        return {"sangong_total": _figure(row, present)}
    amount = first_amount(row)
    return {"sangong_total": {"value": amount[1], "line": row.line_of(amount[0])}} if amount else {}


def _figure(row: TableRow, keys: list[str]) -> dict[str, Any]:
    return {"value": round(sum(row.values[key] for key in keys), 6), "line": row.line_of(keys[0])}


_BUDGET_ROW = regexes.compile(r"^(年初|全年)?预算数?$")
_FINAL_ROW = regexes.compile(r"^决算数?$")


def _final_and_budget(table: Table) -> tuple[tuple[TableRow, str], tuple[TableRow, str]] | None:
    """(row, column) of the 决算数 total and of the 预算数 total in a 决算 table printing both,
    else None."""
    if "决算" not in table.title:
        return None
    rows = [r for r in table.rows if r.values]
    budget_rows = [r for r in rows if _BUDGET_ROW.match(r.name.replace(" ", ""))]
    final_rows = [r for r in rows if _FINAL_ROW.match(r.name.replace(" ", ""))]
    keys = _sangong_total_keys(table)
    if len(keys) == 1 and len(budget_rows) == 1 and len(final_rows) == 1:
        key = keys[0]
        if key in budget_rows[0].values and key in final_rows[0].values:
            return (final_rows[0], key), (budget_rows[0], key)
    row = _sangong_row(table)
    if keys == ["budget"] and row is not None and "budget" in row.values and "actual" in row.values:
        return (row, "actual"), (row, "budget")
    return None


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


# a 部门整体绩效目标表's 资金 block: its labels → the headline keys they state
FORM_FUNDING = {"基本支出": "basic_expenditure", "项目支出": "project_expenditure"}


def add_form_headline(headline: dict[str, dict[str, Any]], forms: list[Any]) -> None:
    """基本支出 and 项目支出 as a 部门整体绩效目标表 states them, in a document whose tables give
    neither (the form published alone)."""
    for form in forms:
        funding = getattr(form, "funding", None) or {}
        for label, key in FORM_FUNDING.items():
            amount = funding.get(label, {}).get("current")
            if amount is not None and key not in headline:
                headline[key] = {"value": amount.value, "line": amount.line, "source": "form"}
