"""NARRATIVE.SANGONG: the 三公 statement of a 决算 against the 三公 table's 预算数 and 决算数
groups, where the narrative gives a rate or a share without the figure it is of
("因公出国（境）费支出决算为 4.69 万元，完成预算的 15.63%" — the 预算数 is the table's; "…
占 10.15%" — of the table's 决算数 合计)."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.model import Document, Fact, Finding, Location, Table, TableRow
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.engine.tolerance import Interval
from yusuan.rules.narrative.changes import _rounded_rate, within_rounding
from yusuan.rules.narrative.common import fact_location, finding_args, fmt, in_unit, narrative_facts
from yusuan.rules.narrative.tables import SANGONG, _first_row
from yusuan.rules.tables.sangong import group_keys

register_messages({"NARRATIVE.SANGONG": {"zh": "{text}", "en": "{text_en}"}})

ITEM_NAMES = {"total": "“三公”经费", "outbound": "因公出国（境）费", "vehicle": "公务用车购置及运行费",
              "vehicle_purchase": "公务用车购置费", "vehicle_operation": "公务用车运行费",
              "reception": "公务接待费"}
Cell = tuple[Table, TableRow, str]


@rule("NARRATIVE.SANGONG", category="narrative_vs_table", severity="warning",
      title_zh="三公说明的完成率和占比与三公表一致",
      title_en="三公 rates and shares agree with the 三公 table")
def sangong_rates(doc: Document) -> Iterator[Finding]:
    """In a 决算 whose 三公 table prints 预算数 and 决算数 side by side, a 完成预算 rate stated
    without its 预算 is 决算 / the table's 预算数 of the item, and a bare share (占 x%) is of
    the table's 决算数 合计. A 决算 figure that disagrees with the table is NARRATIVE.TABLE's.

    Passes: 预算数 公务接待费 1.80, 决算数 1.50; “公务接待费支出决算为1.50万元，完成预算的83.33%”.
    Fails:  预算数 公务接待费 1.80, 决算数 1.50; “公务接待费支出决算为1.50万元，完成预算的93.33%”.
    """
    table = doc.table("sangong")
    groups = group_keys(table) if table is not None else {}
    if "budget_" not in groups or "actual_" not in groups:
        return
    for fact in narrative_facts(doc, *SANGONG):
        item = SANGONG[fact.concept]
        actual = _cell(doc, groups["actual_"].get(item))
        if fact.value is None or actual is None or not _agrees(doc, fact, actual):
            continue
        extra = fact.extra
        if "execution_rate" in extra and "budget" not in extra:
            budget = _cell(doc, groups["budget_"].get(item))
            finding = _rate(doc, fact, item, budget) if budget else None
            if finding is not None:
                yield finding
        if "share" in extra and not str(extra.get("share_of", "")).strip() and item != "total":
            total = _cell(doc, groups["actual_"].get("total"))
            finding = _share(doc, fact, item, total) if total else None
            if finding is not None:
                yield finding


def _cell(doc: Document, key: str | None) -> Cell | None:
    return _first_row(doc, "sangong", key) if key else None


def _printed(doc: Document, fact: Fact, table: Table) -> Interval:
    """The fact's amount as an interval in the table's unit."""
    unit = table.unit or doc.unit or "万元"
    shift = {"元": 0, "万元": 4, "亿元": 8}
    decimals = (fact.decimals or 0) + shift.get(unit, 4) - shift.get(fact.unit or unit, 4)
    return Interval.printed(in_unit(fact.value or 0.0, fact.unit, unit), max(decimals, 0))


def _value(cell: Cell) -> Interval:
    _, row, key = cell
    return Interval.printed(row.values[key], row.decimals.get(key, 2))


def _agrees(doc: Document, fact: Fact, cell: Cell) -> bool:
    return _printed(doc, fact, cell[0]).meets(_value(cell))


def _location(cell: Cell) -> Location:
    table, row, key = cell
    return Location(row.line_of(key), table=table.kind, column=key, page=row.page)


def _rate(doc: Document, fact: Fact, item: str, budget: Cell) -> Finding | None:
    extra = fact.extra
    ratio = _printed(doc, fact, budget[0]).ratio(_value(budget))
    if ratio is None:
        return None
    stated, decimals = extra["execution_rate"], extra.get("execution_decimals")
    table_budget = budget[1].values[budget[2]]
    computed = in_unit(fact.value or 0.0, fact.unit, budget[0].unit or doc.unit) / table_budget * 100
    how = within_rounding(ratio, stated, decimals)
    if how:
        return _rounded_rate("NARRATIVE.SANGONG", fact, how, stated, computed, decimals,
                             extra.get("execution_line"))
    text = (f"{ITEM_NAMES[item]}：决算 {fmt(fact.value or 0)}{fact.unit or ''} ÷ 三公表预算数 "
            f"{fmt(table_budget)} = {computed:.2f}%，写作完成预算的 {fmt(stated)}%")
    text_en = (f"{item}: spent {fmt(fact.value or 0)} / the table's budget {fmt(table_budget)} = "
               f"{computed:.2f}%, but the narrative says {fmt(stated)}%")
    return make_finding("NARRATIVE.SANGONG",
                        [fact_location(fact, extra.get("execution_line")), _location(budget)],
                        {"reported": stated, "computed": round(computed, 2)},
                        **finding_args(text, text_en))


def _share(doc: Document, fact: Fact, item: str, total: Cell) -> Finding | None:
    extra = fact.extra
    ratio = _printed(doc, fact, total[0]).ratio(_value(total))
    if ratio is None:
        return None
    stated, decimals = extra["share"], extra.get("share_decimals")
    whole = total[1].values[total[2]]
    computed = in_unit(fact.value or 0.0, fact.unit, total[0].unit or doc.unit) / whole * 100
    how = within_rounding(ratio, stated, decimals)
    if how:
        return _rounded_rate("NARRATIVE.SANGONG", fact, how, stated, computed, decimals,
                             extra.get("share_line"))
    text = (f"{ITEM_NAMES[item]} {fmt(fact.value or 0)}{fact.unit or ''} 占三公表决算数合计 "
            f"{fmt(whole)} 的 {computed:.2f}%，写作占 {fmt(stated)}%")
    text_en = (f"{item}: {fmt(fact.value or 0)} is {computed:.2f}% of the table's total spent "
               f"{fmt(whole)}, but the narrative says {fmt(stated)}%")
    return make_finding("NARRATIVE.SANGONG",
                        [fact_location(fact, extra.get("share_line")), _location(total)],
                        {"reported": stated, "computed": round(computed, 2)},
                        **finding_args(text, text_en))
