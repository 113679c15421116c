"""Identities of the two-sided summary tables (收支总表, 财政拨款收支总表)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.model import Document, Finding, Location, Table, TableRow
from yusuan.recognise.columns import CARRYOVER_IN, CARRYOVER_OUT
from yusuan.recognise.narrative.concepts import FUNCTIONAL_CLASSES
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import SUMMARY_TABLES, Amount, amount, compact_name, sum_finding
from yusuan.rules.engine.messages import register_messages

register_messages({
    key: {"zh": "{what}：" + zh + " {reported} ≠ {computed}，差 {difference}",
          "en": "{what}: " + en + " {reported} ≠ {computed}, difference {difference}"}
    for key, zh, en in (
        ("SUMMARY.INCOME_TOTAL", "收入总计 ≠ 本年收入合计 + 上年结转", "grand total ≠ income + carry-over"),
        ("SUMMARY.EXPENDITURE_TOTAL", "支出总计 ≠ 本年支出合计 + 年终结转结余",
         "grand total ≠ spending + carry-forward"),
        ("SUMMARY.BALANCE", "收入总计 ≠ 支出总计", "income grand total ≠ spending grand total"),
        ("SUMMARY.INCOME_ITEMS", "本年收入合计 ≠ 各项收入之和", "income total ≠ sum of items"),
        ("SUMMARY.EXPENDITURE_ITEMS", "{total_name} ≠ 各项支出之和", "{total_name} ≠ sum of items"),
    )
})

PATTERNS = {
    "income_grand": r"^收入总计$",
    "income_current": r"^本年收入(合计|小计)?$",
    "carryover_in": CARRYOVER_IN,
    "business_fund": r"用事业基金弥补|^使用非财政拨款结余$",
    "balance_in": r"^上年实户资金余额$",  # 西安: the balance of the units' own accounts brought in
    "expenditure_grand": r"^支出总计$",
    "expenditure_current": r"^本年支出(合计|小计)?$",
    "carryover_out": CARRYOVER_OUT,
    "surplus_allocation": r"^结余分配$",
    "balance_out": r"^未安排支出的实户资金$",  # … and what of it is left unspent
}
_COMPILED = tuple((key, regexes.compile(pattern)) for key, pattern in PATTERNS.items())
VALUE_KEYS = ("budget", "actual", "total")


@dataclass(slots=True)
class Side:
    """One side of a summary table: its named totals and its item rows."""

    named: dict[str, TableRow]
    items: list[TableRow]


def value_key(row: TableRow) -> str | None:
    return next((k for k in VALUE_KEYS if k in row.values), None)


def side_amount(doc: Document, table: Table, row: TableRow | None) -> Amount | None:
    if row is None:
        return None
    key = value_key(row)
    return amount(doc, table, row, key) if key else None


# a 决算 prints each side's grand total as a bare 总计
BARE_GRAND = {"income": "income_grand", "expenditure": "expenditure_grand"}


def name_of(row: TableRow) -> str | None:
    name = compact_name(row.name)
    if name == "总计" and row.side in BARE_GRAND:
        return BARE_GRAND[row.side]
    return _named(name)


@lru_cache(maxsize=4096)
def _named(name: str) -> str | None:
    """Which of PATTERNS a compacted row name is (the same names come back in every table
    and rule)."""
    return next((key for key, pattern in _COMPILED if pattern.search(name)), None)


def read_side(table: Table, side: str) -> Side:
    """Named totals, and the items of 本年收入/支出: rows before the carry-over lines."""
    rows = [r for r in table.rows if r.side == side]
    named: dict[str, TableRow] = {}
    candidates: list[TableRow] = []
    for row in rows:
        name = name_of(row)
        if name:
            named.setdefault(name, row)
        elif not any(k.startswith("carryover") or k.endswith("grand") for k in named):
            candidates.append(row)
    return Side(named, top_level_items(candidates))


def top_level_items(rows: list[TableRow]) -> list[TableRow]:
    """The rows of the highest numbered level; below it when that level is one heading that
    restates the whole ('一、部门预算' over '1、一般公共服务支出', '2、…')."""
    levels = sorted({int(r.extra.get("level", 0)) for r in rows} - {0})
    if not levels:
        return rows
    items = [r for r in rows if r.extra.get("level") == levels[0]]
    below = [r for r in rows if len(levels) > 1 and r.extra.get("level") == levels[1]]
    return below if len(items) == 1 and len(below) >= 2 else items


def class_rows_only(rows: list[TableRow]) -> list[TableRow]:
    """A side that lists the 类 with their 款 and 项 below them, unnumbered (Zhejiang): the 类
    rows are its items; summing every level would count the money three times."""
    classes = [r for r in rows if compact_name(r.name) in FUNCTIONAL_CLASSES]
    if len(classes) >= 2 and len(classes) < len(rows) and rows[0] is classes[0]:
        return classes
    return rows


def _grand_without_carryover(side: Side) -> TableRow | None:
    """支出总计 where the side prints no 本年支出合计 and no 结转下年 line (湖州 表04): nothing
    stands between the items and the grand total."""
    if any(key.startswith("carryover") for key in side.named):
        return None
    return side.named.get("expenditure_grand")


def summary_tables(doc: Document) -> Iterator[Table]:
    for kind in SUMMARY_TABLES:
        yield from doc.tables_of(kind)


def identity(doc: Document, table: Table, rule_id: str, total: TableRow | None,
             parts: list[TableRow | None], need_all: int = 1, **args: str) -> Finding | None:
    """`total` = Σ `parts` on a summary table; skips when the total or the first part is absent."""
    total_amount = side_amount(doc, table, total)
    part_amounts = [side_amount(doc, table, p) for p in parts]
    if total_amount is None or any(a is None for a in part_amounts[:need_all]):
        return None
    present = [a for a in part_amounts if a is not None]
    if not present:
        return None
    return sum_finding(rule_id, total_amount, present, table.title, **args)


@rule("SUMMARY.INCOME_TOTAL", category="arithmetic", title_zh="收入总计等于本年收入加上年结转",
      title_en="Income grand total = income + carry-over", tables=SUMMARY_TABLES)
def income_grand_total(doc: Document) -> Iterator[Finding]:
    """收入总计 = 本年收入合计 + 上年结转 (+ 用事业基金弥补收支差额, + 上年实户资金余额, + the
    lines printed below the 本年收入合计: 上级补助收入 …).

    Passes: 本年收入合计 10.00, 上年结转 2.00, 收入总计 12.00.
    Fails:  本年收入合计 10.00, 上年结转 2.00, 收入总计 13.00.
    """
    for table in summary_tables(doc):
        named = read_side(table, "income").named
        found = identity(doc, table, "SUMMARY.INCOME_TOTAL", named.get("income_grand"),
                         [named.get("income_current"), named.get("carryover_in"),
                          named.get("business_fund"), named.get("balance_in"),
                          *below_subtotal(table, named.get("income_current"), named.get("income_grand"))])
        if found:
            yield found


def below_subtotal(table: Table, subtotal: TableRow | None, grand: TableRow | None) -> list[TableRow]:
    """Lines of one side printed right below its closing 本年收入合计, before the next named line
    (山东: 上级补助收入, 附属单位上缴收入 below the 本年收入合计, then 上年结转): parts of the
    grand total. An opening 一、本年收入 heads its items instead: none."""
    if subtotal is None or grand is None or not regexes.search(r"(合计|小计)$", compact_name(subtotal.name)):
        return []
    rows = [r for r in table.rows if r.side == subtotal.side]
    if subtotal not in rows or grand not in rows or rows.index(subtotal) == 0:
        return []
    out: list[TableRow] = []
    for row in rows[rows.index(subtotal) + 1:rows.index(grand)]:
        if name_of(row) is not None:
            break
        if value_key(row) is not None:
            out.append(row)
    return out


@rule("SUMMARY.EXPENDITURE_TOTAL", category="arithmetic",
      title_zh="支出总计等于本年支出加年终结转结余",
      title_en="Spending grand total = spending + carry-forward", tables=SUMMARY_TABLES)
def expenditure_grand_total(doc: Document) -> Iterator[Finding]:
    """支出总计 = 本年支出合计 + 年终结转结余 (+ 结余分配, + 未安排支出的实户资金).

    Passes: 本年支出合计 12.00, 年终结转结余 blank, 支出总计 12.00.
    Fails:  本年支出合计 12.00, 支出总计 11.00.
    """
    for table in summary_tables(doc):
        named = read_side(table, "expenditure").named
        found = identity(doc, table, "SUMMARY.EXPENDITURE_TOTAL",
                         named.get("expenditure_grand"),
                         [named.get("expenditure_current"), named.get("carryover_out"),
                          named.get("surplus_allocation"), named.get("balance_out")])
        if found:
            yield found


@rule("SUMMARY.BALANCE", category="arithmetic", title_zh="收入总计等于支出总计",
      title_en="Income grand total = spending grand total", tables=SUMMARY_TABLES)
def grand_totals_balance(doc: Document) -> Iterator[Finding]:
    """收入总计 = 支出总计.

    Passes: 收入总计 12.00, 支出总计 12.00.  Fails: 收入总计 12.00, 支出总计 12.50.
    """
    for table in summary_tables(doc):
        income = read_side(table, "income").named.get("income_grand")
        spending = read_side(table, "expenditure").named.get("expenditure_grand")
        found = identity(doc, table, "SUMMARY.BALANCE", income, [spending])
        if found:
            yield found


@rule("SUMMARY.INCOME_ITEMS", category="arithmetic", title_zh="各项收入之和等于本年收入合计",
      title_en="Income items add up", tables=SUMMARY_TABLES)
def income_items(doc: Document) -> Iterator[Finding]:
    """Σ top-level income items = 本年收入合计.

    Passes: 一、一般公共预算拨款收入 8.00, 五、事业收入 2.00, 本年收入合计 10.00.
    Fails:  the same items with 本年收入合计 11.00.
    """
    for table in summary_tables(doc):
        side = read_side(table, "income")
        found = identity(doc, table, "SUMMARY.INCOME_ITEMS",
                         side.named.get("income_current"), list(side.items), need_all=0)
        if found:
            yield found


@rule("SUMMARY.EXPENDITURE_ITEMS", category="arithmetic",
      title_zh="各类支出之和等于本年支出合计", title_en="Spending items add up",
      tables=SUMMARY_TABLES)
def expenditure_items(doc: Document) -> Iterator[Finding]:
    """Σ expenditure 类 items = 本年支出合计 (支出总计 when the side prints neither it nor a
    结转下年 line); each numbered panel of spending by type (部门经济, 政府经济 大类) as well.

    Passes: 社会保障和就业支出 2.00, 卫生健康支出 10.00, 本年支出合计 12.00.
    Fails:  the same with 本年支出合计 13.00.
    """
    for table in summary_tables(doc):
        yield from _expenditure_items(doc, table)
        yield from _by_type_items(doc, table)


def _by_type_items(doc: Document, table: Table) -> Iterator[Finding]:
    """A panel of spending by type (西安: 部门经济 and 政府经济 大类 beside the 功能 大类) adds up
    to its own 本年支出合计 too, when its items are numbered (so that its levels are known)."""
    panels = sorted({r.side for r in table.rows if r.side and r.side.startswith("expenditure_by_type")})
    for panel in panels:
        side = read_side(table, panel)
        total = side.named.get("expenditure_current")
        if not any(r.extra.get("level") for r in side.items):
            continue
        found = identity(doc, table, "SUMMARY.EXPENDITURE_ITEMS", total, list(side.items),
                         need_all=0, total_name=compact_name(total.name) if total else "")
        if found:
            yield found


register_messages({
    "SUMMARY.BLANK_GRAND": {
        "zh": "{what}：{blank}未填金额，而{other} {other_value}，{items}有数",
        "en": "{what}: {blank_en} is printed with no amount, while {other_en} is "
              "{other_value} and {items_en} hold figures",
    },
})

_GRAND_SIDES = (("income", "收入总计", "income grand total", "各项收入", "income items"),
                ("expenditure", "支出总计", "spending grand total", "各项支出",
                 "spending items"))


@rule("SUMMARY.BLANK_GRAND", category="missing_content", severity="warning",
      title_zh="收支总表的总计已填金额", title_en="The summary table's grand totals are filled in",
      tables=SUMMARY_TABLES,
      rationale="A 收入总计 (or 支出总计) row printed with no amount beside a filled grand total "
                "of the other side and items with figures above it: the table's key figure "
                "was left out.")
def blank_grand_total(doc: Document) -> Iterator[Finding]:
    """Passes: 收入总计 12.00, 支出总计 12.00. Fails: 收入总计 printed blank, 支出总计 12.00,
    一、财政拨款收入 12.00."""
    for table in summary_tables(doc):
        sides = {side: read_side(table, side) for side in ("income", "expenditure")}
        for index, (side, word, word_en, items, items_en) in enumerate(_GRAND_SIDES):
            grand = sides[side].named.get(f"{side}_grand")
            other_side, other_word, other_en = _GRAND_SIDES[1 - index][:3]
            other = side_amount(doc, table, sides[other_side].named.get(f"{other_side}_grand"))
            filled = [a for row in sides[side].items if (a := side_amount(doc, table, row))
                      and a.value]
            if grand is None or grand.values or other is None or not other.value or not filled:
                continue
            where = [Location(grand.line, table=table.kind, page=grand.page, name=word),
                     other.location, *(a.location for a in filled[:2])]
            yield make_finding("SUMMARY.BLANK_GRAND", where, {"blank": word},
                               what=table.title, blank=word, blank_en=word_en, other=other_word,
                               other_en=other_en, other_value=f"{other.value:,.{other.decimals}f}",
                               items=items, items_en=items_en)


def _expenditure_items(doc: Document, table: Table) -> Iterator[Finding]:
    side = read_side(table, "expenditure")
    total = side.named.get("expenditure_current") or _grand_without_carryover(side)
    named = {"total_name": compact_name(total.name) if total else ""}
    found = identity(doc, table, "SUMMARY.EXPENDITURE_ITEMS", total, list(side.items),
                     need_all=0, **named)
    classes = class_rows_only(side.items)
    if found and classes != side.items:
        # 类 listed with their 款 and 项 below them: the 类 are the items, and a sum
        # of every level would name a figure the table does not mean
        by_class = identity(doc, table, "SUMMARY.EXPENDITURE_ITEMS", total, list(classes),
                            need_all=0, **named)
        found = by_class
    if found:
        yield found
