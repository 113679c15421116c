"""Row identities: 合计 = 基本 + 项目 (+ other spending), 基本 = 人员 + 公用, 收入 = Σ 来源."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Table, TableRow
from yusuan.rules.engine import rule
from yusuan.rules.engine.common import (
    FUNCTIONAL_TABLES,
    amount,
    compact_name,
    row_label,
    sum_finding,
)
from yusuan.rules.engine.confidence import PROVEN
from yusuan.rules.engine.messages import register_messages

register_messages({
    key: {
        "zh": "{what}：{column} {reported} ≠ " + zh + " {computed}，差 {difference}",
        "en": "{what}: {column} {reported} ≠ " + en + " {computed}, difference {difference}",
    }
    for key, zh, en in (
        ("ROW.TOTAL", "基本支出+项目支出", "basic + project"),
        ("ROW.BASIC", "人员经费+公用经费", "personnel + public"),
        ("ROW.INCOME", "各项收入之和", "sum of sources"),
    )
})

SPENDING_PARTS = ("basic", "project", "remit_to_superior", "operating_expenditure",
                  "subsidy_to_subordinate", "reserve")
SOURCE_PARTS = ("general_budget", "gov_fund", "soe_capital", "special_account", "business",
                "operating", "superior_subsidy", "subordinate", "other", "unit_funds")
FISCAL_PARTS = ("general_budget", "gov_fund", "soe_capital")
SPENDING_TABLES = (*FUNCTIONAL_TABLES, "other")


def row_identity(doc: Document, table: Table, row: TableRow, rule_id: str, total_key: str,
                 part_keys: tuple[str, ...]) -> Finding | None:
    """`total_key` = Σ `part_keys` in one row; needs the total and at least one part."""
    total = amount(doc, table, row, total_key)
    parts = [
        a for a in (amount(doc, table, row, k) for k in part_keys) if a is not None]
    if total is None or not parts:
        return None
    # a blank part could only fill a gap where the total exceeds the parts
    blank = (len(parts) < len([k for k in part_keys if table.column(k)])
             and total.value > sum(a.value for a in parts))
    return sum_finding(rule_id, total, parts, row_label(row), column=total_key,
                       severity="warning" if blank else None)


@rule("ROW.TOTAL", category="arithmetic", title_zh="合计等于基本支出加项目支出",
      title_en="Total = basic + project", tables=SPENDING_TABLES,
      rationale="In every spending row the 合计 equals 基本支出 + 项目支出 (+ 上缴上级, 经营支出, "
                "对附属单位补助, 单位预留机动经费 where printed).")
def total_is_basic_plus_project(doc: Document) -> Iterator[Finding]:
    """合计 = 基本支出 + 项目支出 (+ other spending columns).

    Passes: 208 total 10.00, basic 7.00, project 3.00.
    Fails:  208 total 10.00, basic 7.00, project 2.00.
    A blank part makes a mismatch a warning (the value may be missing, not wrong).
    """
    for kind in SPENDING_TABLES:
        for table in doc.tables_of(kind):
            if not table.column("basic") or not table.column("project"):
                continue
            for row in table.rows:
                found = row_identity(doc, table, row, "ROW.TOTAL", "total", SPENDING_PARTS)
                if found:
                    yield found


@rule("ROW.BASIC", category="arithmetic", title_zh="基本支出等于人员经费加公用经费",
      title_en="Basic = personnel + public",
      tables=(*SPENDING_TABLES, "basic_expenditure"),
      rationale="基本支出 = 人员经费 + 公用经费 in every row that prints the three.")
def basic_is_personnel_plus_public(doc: Document) -> Iterator[Finding]:
    """基本支出 = 人员经费 + 公用经费 (in the basic-expenditure table: 合计 = 人员 + 公用).

    Passes: basic 9.00, personnel 8.00, public 1.00.
    Fails:  basic 9.00, personnel 8.00, public 2.00.
    """
    for kind in (*SPENDING_TABLES, "basic_expenditure"):
        total_key = "total" if kind == "basic_expenditure" else "basic"
        for table in doc.tables_of(kind):
            if not table.column("personnel") or not table.column("public"):
                continue
            for row in table.rows:
                found = row_identity(doc, table, row, "ROW.BASIC", total_key,
                                     ("personnel", "public"))
                if found:
                    yield found


def carryover_parts(table: Table) -> tuple[str, ...]:
    """The carry-over subtotal column, or its breakdown when no subtotal is printed."""
    if table.column("carryover"):
        return ("carryover",)
    return tuple(c.key for c in table.columns
                 if c.key.startswith("carryover_") and c.key != "carryover_out")


def source_parts(table: Table) -> tuple[str, ...]:
    """The revenue sources a row adds up: 财政拨款 as one column (Shanghai) unless it is
    broken down into 一般公共预算 / 政府性基金 / 国有资本经营 columns beside it; 财政专户 by
    its breakdown when no subtotal of it is printed."""
    parts = SOURCE_PARTS
    if table.column("fiscal") and not any(table.column(k) for k in FISCAL_PARTS):
        parts = ("fiscal", *parts)
    if not table.column("special_account"):  # 财政专户 broken down (教育收费 | 其他) alone
        parts += tuple(c.key for c in table.columns if c.key.startswith("special_account_"))
    return parts


def income_checks(table: Table) -> list[tuple[str, tuple[str, ...]]]:
    """(total key, part keys) identities of an income-like table."""
    sources = source_parts(table)
    carry = (*carryover_parts(table), "business_fund", "balance_in")
    breakdown = tuple(c.key for c in table.columns if c.key.startswith("carryover_")
                      and c.key != "carryover_out")
    checks: list[tuple[str, tuple[str, ...]]] = []
    if table.column("current_income"):
        checks += [("current_income", sources), ("total", ("current_income", *carry))]
    else:
        checks.append(("total", (*sources, *carry)))
    if table.column("carryover") and breakdown:
        checks.append(("carryover", breakdown))
    return checks


@rule("ROW.INCOME", category="arithmetic", title_zh="收入合计等于各项来源之和",
      title_en="Income total = sum of sources", tables=("income", "project_expenditure"),
      rationale="合计 = Σ 收入来源 (+ 上年结转); 本年收入 = Σ 来源 where printed.")
def income_is_sum_of_sources(doc: Document) -> Iterator[Finding]:
    """合计 = Σ sources + 上年结转; where 本年收入 is printed, 本年收入 = Σ sources.

    Passes: total 10.00, general_budget 8.00, business 1.00, carryover 1.00.
    Fails:  total 10.00, general_budget 8.00, business 1.00 (carryover blank → warning).
    """
    for kind in ("income", "project_expenditure"):
        for table in doc.tables_of(kind):
            checks = income_checks(table)
            for row in table.rows:
                for total_key, part_keys in checks:
                    found = row_identity(doc, table, row, "ROW.INCOME", total_key, part_keys)
                    if found:
                        yield found


register_messages({
    "ROW.NUMBERED": {
        "zh": "{what}：{row}（{column}）{reported} ≠ {items} {computed}，差 {difference}",
        "en": "{what}: {row} ({column}) {reported} ≠ {items_en} {computed}, "
              "difference {difference}",
    },
})

_TOP = regexes.compile(r"^[一二三四五六七八九十]{1,3}$")
_SUB = regexes.compile(r"^\d{1,2}$")


def numbered_groups(table: Table) -> tuple[TableRow | None, list[tuple[TableRow, list[TableRow]]]]:
    """A table numbered 一、二… with items 1、2… under each (the number in a 序号 column, or a
    row of its own on the same line): its 合计 row and each numbered group with its items."""
    total = next((r for r in table.rows if r.values and compact_name(r.name) == "合计"), None)
    groups: list[tuple[TableRow, list[TableRow]]] = []
    mark = None
    for row in table.rows:
        if not row.values:
            mark = (row.line, row.name.strip()) if row.line else None
            continue
        number = row.extra.get("number") or (mark[1] if mark and mark[0] == row.line else "")
        mark = None
        if _TOP.match(number):
            groups.append((row, []))
        elif _SUB.match(number) and groups:
            groups[-1][1].append(row)
    return total, groups


def _numbered_checks(doc: Document, table: Table) -> list[Finding | None]:
    """Every sum of the numbered table, column by column: its finding, or None where it holds."""
    total, groups = numbered_groups(table)
    if total is None or len(groups) < 2:
        return []
    out: list[Finding | None] = []
    pairs = [(total, [g for g, _ in groups], "各大项之和", "sum of the numbered groups")]
    pairs += [(g, items, "所列各项之和", "sum of its items") for g, items in groups if items]
    for whole, parts, words, words_en in pairs:
        for key in whole.values:
            head = amount(doc, table, whole, key)
            found = [a for p in parts if (a := amount(doc, table, p, key)) is not None]
            if head is None or not found:
                continue
            column = next((c.header[-1] for c in table.columns if c.key == key and c.header),
                          key)
            out.append(sum_finding("ROW.NUMBERED", head, found, table.title,
                                   row=row_label(whole), column=column, items=words,
                                   items_en=words_en))
    return out


@rule("ROW.NUMBERED", category="arithmetic",
      title_zh="编号表格的合计与大项等于各项之和",
      title_en="A numbered table's 合计 and groups add up",
      rationale="A table numbered 一、二… with items 1、2… under each: the 合计 is the sum of "
                "the groups and each group the sum of its items, column by column. Judged "
                "only where nearly every other sum of the table holds, which proves its "
                "columns were read where they are printed.")
def numbered_table_adds_up(doc: Document) -> Iterator[Finding]:
    """Passes: 合计 9,000 = 一 6,000 + 二 3,000, each the sum of its 1、2.
    Fails: 合计 预算到位 13,237 with groups 6,000 + 3,750 + 2,877 + 400 = 13,027."""
    for table in doc.tables:
        checks = _numbered_checks(doc, table)
        failing = [f for f in checks if f is not None and f.severity != "info"]
        holding = checks.count(None)
        if not failing or holding < 6 or holding < 3 * len(failing):
            continue
        for found in failing:
            found.values[PROVEN] = True
            yield found
