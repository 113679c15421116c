"""The same figure printed in several tables carries the same value; a total the books hold once
(本年支出合计 of the 收支总表 and the 支出总表's 合计) is printed the same, a cent apart too."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from yusuan.model import Document, Finding, Table, TableRow
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import (
    Amount,
    amount,
    coded_rows,
    compact_name,
    equal_finding,
    row_label,
    sum_finding,
    table_unit,
    value_columns,
)
from yusuan.rules.engine.confidence import PROVEN
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.engine.sources import is_single_source
from yusuan.rules.engine.tolerance import Verdict, compare_sum
from yusuan.rules.tables.summary import read_side, side_amount

register_messages({
    "CROSS.CODE": {
        "zh": "{what}（{column}）在{table_a}为 {reported}，在{table_b}为 {computed}，差 {difference}",
        "en": "{what} ({column}) is {reported} in {table_a} and {computed} in {table_b}, "
              "difference {difference}",
    },
    "CROSS.BASIC": {
        "zh": "{what}：{column} 在{table_a}为 {reported}，在{table_b}为 {computed}，差 {difference}",
        "en": "{what}: {column} is {reported} in {table_a} and {computed} in {table_b}, "
              "difference {difference}",
    },
})

# table kinds whose functional rows must agree with one another
SAME_FUNDS = (("general_budget_expenditure", "general_budget_expenditure"),
              ("expenditure", "expenditure"), ("other", "general_budget_expenditure"))


def _label(table: Table) -> str:
    return f"{table.number or ''}{table.title}"


def _compare_rows(doc: Document, a: Table, b: Table, keys: list[tuple[str, str]]
                  ) -> Iterator[Finding]:
    rows_b = {r.code: r for r in coded_rows(b)}
    if len(rows_b) != len(list(coded_rows(b))):
        return  # a code printed twice (per unit): not comparable line by line
    printed_in_a = Counter(r.code for r in coded_rows(a))
    for row in coded_rows(a):
        other = rows_b.get(row.code)
        if printed_in_a[row.code] > 1:
            continue  # a 项 split into lines (per economic class or unit): not one figure
        if other is None:
            continue
        for key, key_b in keys:
            left, right = amount(doc, a, row, key), amount(doc, b, other, key_b)
            if left is None or right is None:
                continue
            found = equal_finding("CROSS.CODE", left, right, row_label(row), column=key,
                                  table_a=_label(a), table_b=_label(b), same_ledger=True)
            if found:
                yield found


def _pairs(doc: Document) -> Iterator[tuple[Table, Table]]:
    """Pairs of tables that print the same functional lines of the same funds."""
    gbe = doc.tables_of("general_budget_expenditure")
    for i, table in enumerate(gbe):
        for later in gbe[i + 1:]:
            yield table, later
    others = [t for t in doc.tables_of("other") if any(coded_rows(t))]
    for table in others:
        for main in gbe[:1]:
            yield main, table
    if is_single_source(doc):
        for table in doc.tables_of("expenditure"):
            for main in gbe[:1]:
                yield table, main


@rule("CROSS.CODE", category="cross_table", title_zh="同一科目在各表数值一致",
      title_en="A code carries the same value in every table",
      tables=("general_budget_expenditure",),
      rationale="支出总表 and 一般公共预算支出表 print the same lines when all income is 一般公共预算; "
                "two printings of the 一般公共预算支出表 must agree.")
def same_code_same_value(doc: Document) -> Iterator[Finding]:
    """The same functional code and column has the same value in every table printing it.

    Passes: 2080505 total 6.00 in both 支出总表 and 一般公共预算支出表 (single source).
    Fails:  2080505 total 6.00 in one, 6.50 in the other.
    """
    for a, b in _pairs(doc):
        yield from _compare_rows(doc, a, b, _shared_keys(a, b))


def _shared_keys(a: Table, b: Table) -> list[tuple[str, str]]:
    """The columns both tables print; a 决算 table that prints the 年初预算数 beside the
    决算数 has its 合计 under 决算数 ("actual"), the other table's "total"."""
    keys_a, keys_b = value_columns(a), value_columns(b)
    pairs = [(k, k) for k in keys_a if k in keys_b]
    totals = {k: "total" if "total" in keys else "actual" if "actual" in keys else None
              for k, keys in (("a", keys_a), ("b", keys_b))}
    if totals["a"] and totals["b"] and totals["a"] != totals["b"]:
        pairs.append((totals["a"], totals["b"]))
    return pairs


def _total_amount(doc: Document, table: Table, key: str) -> Amount | None:
    row: TableRow | None = table.total_row()
    return amount(doc, table, row, key) if row else None


@rule("CROSS.BASIC", category="cross_table", title_zh="基本支出在功能与经济分类表一致",
      title_en="Basic expenditure agrees between functional and economic tables",
      tables=("basic_expenditure",),
      rationale="一般公共预算支出表's 基本支出 (人员经费, 公用经费) equals the 合计 of the "
                "一般公共预算基本支出表.")
def basic_totals_agree(doc: Document) -> Iterator[Finding]:
    """基本支出 合计 (and its 人员经费 / 公用经费) agree between the two tables.

    Passes: 一般公共预算支出表 合计 basic 9.00; 基本支出表 合计 total 9.00.
    Fails:  9.00 against 9.50.
    """
    pairs = (("basic", "total"), ("personnel", "personnel"), ("public", "public"))
    for functional in doc.tables_of("general_budget_expenditure")[:1]:
        for economic in doc.tables_of("basic_expenditure"):
            panels = panel_totals(doc, economic)
            for f_key, e_key in pairs:
                left = _total_amount(doc, functional, f_key)
                printed = _total_amount(doc, economic, e_key)
                right = [printed] if printed else panels.get(e_key)
                if left is None or not right:
                    continue
                names = {"column": f_key, "table_a": _label(functional),
                         "table_b": _label(economic)}
                found = equal_finding("CROSS.BASIC", left, printed, "合计", same_ledger=True,
                                      **names) if printed else \
                    sum_finding("CROSS.BASIC", left, right, "合计", **names)
                if found:
                    yield found


PANEL_TOTALS = {"人员经费合计": "personnel", "公用经费合计": "public"}


def panel_totals(doc: Document, table: Table) -> dict[str, list[Amount]]:
    """Totals of a basic table printed as 人员经费 | 公用经费 panels with a 合计 line each;
    their sum stands for the table's 合计 ("total")."""
    found: dict[str, list[Amount]] = {}
    for row in table.rows:
        key = PANEL_TOTALS.get("".join(row.name.split()))
        value_key = next((k for k in ("total", "actual", "budget") if k in row.values), None)
        if key is None or value_key is None:
            continue
        printed = amount(doc, table, row, value_key)
        if printed is not None:
            found[key] = [printed]
    if len(found) == len(PANEL_TOTALS):
        found["total"] = [a for parts in list(found.values()) for a in parts]
    return found


register_messages({
    "CROSS.TOTAL": {
        "zh": "{what}：{table_a}为 {reported}，{table_b}为 {computed}，差 {difference}",
        "en": "{what}: {reported} in {table_a}, {computed} in {table_b}, difference {difference}",
    },
})

OTHER_FUNDS = ("gov_fund", "soe_capital")
WHOLE_KEYS = ("total", "actual", "budget")



def _spending(doc: Document, table: Table) -> Amount | None:
    """A summary table's 本年支出合计 as printed."""
    row = read_side(table, "expenditure").named.get("expenditure_current")
    return side_amount(doc, table, row)


def _table_total(doc: Document, table: Table) -> Amount | None:
    """A detail table's 合计 line, its whole-amount column."""
    row = table.total_row()
    key = next((k for k in WHOLE_KEYS if row is not None and k in row.values), None)
    return amount(doc, table, row, key) if row is not None and key else None


CARRIED_IN = ("carryover", "balance_in")


def _spends_carryover(detail: Table) -> bool:
    """The detail table's 合计 spends money brought in from last year (上年结转, 上年实户资金余额
    columns with figures): it is not the summary's 本年支出合计, which may carry that money on."""
    row = detail.total_row()
    return row is not None and any(row.values.get(key) for key in CARRIED_IN)


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
        if left is None or right is None or _spends_carryover(detail):
            continue
        found = equal_finding("CROSS.TOTAL", left, right, what, table_a=_label(summary),
                              table_b=_label(detail), same_ledger=True)
        if found:
            yield found


register_messages({
    "CROSS.PROJECTS": {
        "zh": "项目支出在{table_a}合计为 {reported}，在{table_b}为 {computed}，差 {difference}",
        "en": "Project spending totals {reported} in {table_a} and {computed} in {table_b}, "
              "difference {difference}",
    },
})

# a 项目支出表 with one of these columns lists the projects of every fund, not 财政拨款 alone
ALL_FUNDS = ("unit_funds", "special_account", "business", "operating", "other")


def _projects_total(table: Table) -> TableRow | None:
    """The 合计 line, or a first line with figures and neither name nor code (the 合计 word
    left out)."""
    first = table.rows[0] if table.rows else None
    if first is not None and not first.code and not first.name.strip() and first.values:
        return first
    return table.total_row()


@rule("CROSS.PROJECTS", category="cross_table", severity="warning",
      title_zh="项目支出表合计等于支出总表的项目支出",
      title_en="The project table totals the 支出总表's project spending",
      tables=("project_expenditure", "expenditure"),
      rationale="A 项目支出表 that lists the projects of every fund (单位资金, 财政专户 … "
                "columns beside 一般公共预算) totals what the 支出总表 prints as 项目支出.")
def projects_total_agrees(doc: Document) -> Iterator[Finding]:
    """Passes: 项目支出表 合计 171,262.41; 支出总表 项目支出 171,262.41.
    Fails: 项目支出表 合计 171,462.41 (a project counting the 经营支出 the 支出总表 keeps apart)."""
    spending = doc.tables_of("expenditure")[:1]
    for table in doc.tables_of("project_expenditure")[:1]:
        if not spending or not any(table.column(key) for key in ALL_FUNDS):
            continue
        detail = spending[0]
        if table_unit(doc, table) != table_unit(doc, detail):
            continue
        own, other = _projects_total(table), detail.total_row()
        left = amount(doc, table, own, "total") if own else None
        right = amount(doc, detail, other, "project") if other else None
        if left is None or right is None:
            continue
        found = equal_finding("CROSS.PROJECTS", left, right, "项目支出", table_a=_label(table),
                              table_b=_label(detail), same_ledger=True)
        if found:
            yield found


register_messages({
    "CROSS.FISCAL_CAP": {
        "zh": "{table_a}合计的财政拨款（{columns}）共 {reported}，超过{table_b}的收入总计 "
              "{computed}，多 {difference}",
        "en": "{table_a}: its 合计's fiscal funds ({columns}) total {reported}, above "
              "{table_b}'s grand total of income {computed} by {difference}",
    },
})

FISCAL_COLUMNS = (("general_budget", "一般公共预算"), ("gov_fund", "政府性基金预算"),
                  ("soe_capital", "国有资本经营预算"))


def _fiscal_whole(table: Table) -> str | None:
    """The key of the table's 财政拨款 合计 column (财政拨款 over 合计, 一般公共预算 …)."""
    return next((c.key for c in table.columns
                 if [compact_name(h) for h in c.header] == ["财政拨款", "合计"]), None)


def _fiscal_columns_proven(table: Table, whole: str | None) -> bool:
    """Every line's 财政拨款 合计 is its 一般公共预算 + 政府性基金 + 国有资本经营 (the columns
    read where they stand)."""
    if whole is None:
        return False
    lines = [r for r in table.rows if r.values.get(whole) is not None]
    return len(lines) >= 2 and all(
        abs(r.values[whole] - sum(r.values.get(k) or 0.0 for k, _ in FISCAL_COLUMNS)) < 0.005
        for r in lines)


@rule("CROSS.FISCAL_CAP", category="cross_table", severity="warning",
      title_zh="各表财政拨款不超过财政拨款收支总表的收入总计",
      title_en="No table's fiscal funds exceed the fiscal summary's grand total",
      tables=("fiscal_summary",),
      rationale="The 财政拨款收支总表's 收入总计 (this year's 财政拨款 and the carry-over) is all "
                "the fiscal money there is: no other table's 合计 line can spend more of "
                "一般公共预算, 政府性基金 and 国有资本经营 together. The first table above it is "
                "named.")
def fiscal_cap(doc: Document) -> Iterator[Finding]:
    """Passes: 项目支出表 合计 一般公共预算 736.81 + 政府性基金 6,816.00; 收入总计 7,552.81.
    Fails: 一般公共预算 736.92 (the 0.11 of carry-over put in) with the same 收入总计."""
    fiscal = doc.tables_of("fiscal_summary")[:1]
    grand_row = read_side(fiscal[0], "income").named.get("income_grand") if fiscal else None
    grand = side_amount(doc, fiscal[0], grand_row) if grand_row else None
    if grand is None:
        return
    for table in doc.tables:
        if table.kind in ("summary", "fiscal_summary") or \
                table_unit(doc, table) != table_unit(doc, fiscal[0]):
            continue
        total = table.total_row()
        parts = [a for k, _ in FISCAL_COLUMNS
                 if total and (a := amount(doc, table, total, k)) is not None]
        split = sum(1 for k, _ in FISCAL_COLUMNS if table.column(k))
        if not parts or split < 2:
            continue
        proven = _fiscal_columns_proven(table, _fiscal_whole(table))
        if table.doubts and not proven:
            continue  # a table read in doubt is judged only on columns its lines prove
        spent = sum(a.value for a in parts)
        decimals = max(a.decimals for a in [grand, *parts])
        if compare_sum(grand.printed, [a.printed for a in parts]).verdict is not \
                Verdict.MISMATCH or spent <= grand.value:
            continue
        places = f".{decimals}f"
        yield make_finding(
            "CROSS.FISCAL_CAP", [*(a.location for a in parts), grand.location],
            {"reported": spent, "computed": grand.value, **({PROVEN: True} if proven else {})},
            table_a=_label(table), table_b=_label(fiscal[0]),
            columns="、".join(n for k, n in FISCAL_COLUMNS
                             if amount(doc, table, total, k) is not None),
            reported=format(spent, places), computed=format(grand.value, places),
            difference=format(spent - grand.value, places))
        return  # one table is proof enough: the others would only repeat it
