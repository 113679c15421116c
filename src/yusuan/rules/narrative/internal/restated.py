"""One change stated twice with two figures: the same item (科目 code and amount: '住房公积金
（2210201）192.99万元，较上年增加15.96万元' and, a page on, '…192.99万元，较上年增加15.95万元'), or
the same total of the same money with the same this-year amount ('一般公共预算收入 21,940.96 万元，
与上年相比增加 3,959.28 万元' and, in a later section, '财政拨款收、支总预算 21,940.96 万元…各增加
3,958.98 万元'). NARRATIVE.CHANGE reports it."""

from __future__ import annotations

import math
from collections.abc import Iterator

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.model import Document, Fact, Finding
from yusuan.rules.engine import make_finding
from yusuan.rules.engine.common import compact_name
from yusuan.rules.narrative.common import fact_location, finding_args, fmt, in_unit, narrative_facts
from yusuan.rules.narrative.tables import other_subject

_CODE = regexes.compile(r"[（(]\s*(\d{3}|\d{5}|\d{7})\s*[)）]")


def changes_restated(doc: Document) -> Iterator[Finding]:
    yield from _items_restated(doc)
    yield from _totals_restated(doc)


def _items_restated(doc: Document) -> Iterator[Finding]:
    """The same item (科目 code and amount) stated twice against the same year with two changes
    that no rounding makes one."""
    first: dict[tuple, Fact] = {}
    for fact in narrative_facts(doc):
        extra = fact.extra
        code = _CODE.search(str(extra.get("label", "")))
        if fact.value is None or not extra.get("change") or code is None:
            continue
        key = (code.group(1), fact.value, fact.unit, extra.get("base"), extra.get("base_year"))
        earlier = first.setdefault(key, fact)
        if earlier is fact or same_change(earlier, fact):
            continue
        label = regexes.sub(r"^[\W\d①-⑳]+", "", str(extra.get("label")))
        text = (f"{label} {fmt(fact.value)}：一处写作比上年{earlier.extra['direction']} "
                f"{abs(earlier.extra['change']):g}，另一处写作{extra['direction']} "
                f"{abs(extra['change']):g}")
        text_en = (f"{code.group(1)} {fmt(fact.value)}: a change of {fmt(earlier.extra['change'])} "
                   f"in one place and {fmt(extra['change'])} in another")
        yield make_finding("NARRATIVE.CHANGE",
                           [fact_location(earlier, earlier.extra.get("change_line")),
                            fact_location(fact, extra.get("change_line"))],
                           {"reported": extra["change"], "computed": earlier.extra["change"]},
                           **finding_args(text, text_en))


def same_change(one: Fact, other: Fact) -> bool:
    """Two printed changes are one when the finer, rounded to the coarser's decimals, is it."""
    places = min(one.extra.get("change_decimals") or 0, other.extra.get("change_decimals") or 0)

    def shown(fact: Fact) -> float:
        return round(in_unit(fact.extra["change"], fact.extra.get("change_unit"), fact.unit)
                     + 1e-9 * (1 if fact.extra["change"] > 0 else -1), places)

    def cut(fact: Fact) -> float:
        value = in_unit(fact.extra["change"], fact.extra.get("change_unit"), fact.unit)
        return math.trunc(value * 10 ** places + 1e-6 * (1 if value > 0 else -1)) / 10 ** places
    # 16.627 printed again as 16.62 was cut, not rounded: no second figure
    return abs(shown(one) - shown(other)) < 1e-9 or abs(cut(one) - cut(other)) < 1e-9


# ---------------------------------------------------------------- totals of one money

FUND_NAMES = {"department": "部门", "general_budget": "一般公共预算", "fiscal": "财政拨款"}
SIDE_NAMES = {"income": "收入", "expenditure": "支出", "both": "收支"}
# narrative concepts that name a whole total: (money, side)
_TOTAL_CONCEPTS = {
    "total_income": ("department", "income"), "total_expenditure": ("department", "expenditure"),
    "income_grand_total": ("department", "both"),
    "general_budget_income": ("general_budget", "income"),
    "general_budget_expenditure": ("general_budget", "expenditure"),
    "fiscal_income": ("fiscal", "income"), "fiscal_expenditure": ("fiscal", "expenditure"),
    "fiscal_grand_total": ("fiscal", "both"),
}
_OTHER = {"general_budget": "fiscal", "fiscal": "general_budget"}
# what is left of a label naming a whole 财政拨款 / 一般公共预算 total once its money is named
_WHOLE = regexes.compile(r"(?:本年|当年|年度|全年)?(?:预算)?(?P<side>收入|支出|收、?支)"
                    r"(?:预算|总预算|总计|合计|总额)?(?:数)?")
# a comparison with this year's own budget (a 决算's '比年初预算'), not with last year
_AGAINST_BUDGET = regexes.compile(r"(?:比|较|与)\s*(?:本年|当年)?(?:年初|调整后?的?|全年)?预算")


@dataclass(frozen=True, slots=True)
class _Total:
    """A stated total of a fund on one side (收入 or 支出), as the label names it."""

    fact: Fact
    fund: str
    side: str
    named: str  # the fund as the label names it


def _totals_restated(doc: Document) -> Iterator[Finding]:
    """The same total of the same money (the department's, 一般公共预算, 财政拨款 — one money
    when the tables hold no 政府性基金 or 国有资本经营 money), income or spending, with the
    same this-year amount, stated with two changes against last year that no rounding makes
    one. A total is a figure the tables print as that money's total."""
    printed = _printed_totals(doc)
    one_money = _fiscal_is_general(doc, printed)
    no_carryover = _no_carryover(doc)
    groups: dict[tuple, list[_Total]] = {}
    for fact in narrative_facts(doc):
        total = _total(fact, printed, one_money)
        if total is None:
            continue
        base = fact.extra.get("base_year") or "上年"
        key = (total.fund, round(in_unit(fact.value or 0.0, fact.unit, "万元"), 6), base)
        groups.setdefault(key, []).append(total)
    for totals in groups.values():
        finding = _two_changes(totals, one_money, no_carryover)
        if finding is not None:
            yield finding


def _total(fact: Fact, printed: dict[str, list[float]], one_money: bool) -> _Total | None:
    """The fact as a whole total of one money with a change against last year, else None."""
    extra = fact.extra
    if fact.value is None or not extra.get("change") or extra.get("part_of") \
            or other_subject(fact) or _AGAINST_BUDGET.search("".join(fact.text.split())):
        return None
    kind = _kind(fact)
    if kind is None:
        return None
    fund, side = kind
    if not _is_printed_total(fact, printed[fund] + (printed[_OTHER[fund]] if one_money
                                                     and fund in _OTHER else [])):
        return None
    named = fund
    if one_money and fund == "fiscal":
        fund = "general_budget"
    return _Total(fact, fund, side, named)


def _kind(fact: Fact) -> tuple[str, str] | None:
    """(money, side) of a figure naming a whole total: by its concept, or, for a bare amount,
    by its label ('省检察院 2018 年一般公共预算财政拨款支出预算')."""
    if fact.concept in _TOTAL_CONCEPTS:
        return _TOTAL_CONCEPTS[fact.concept]
    if fact.concept != "amount":
        return None
    label = regexes.sub(r"^.*\d{4}\s*年度?", "", compact_name(str(fact.extra.get("label") or "")))
    fund = "general_budget" if "一般公共预算" in label else "fiscal" if "财政拨款" in label else None
    rest = regexes.sub(r"一般公共预算|财政拨款", "", label)
    whole = _WHOLE.fullmatch(rest)
    if fund is None or whole is None:
        return None
    side = whole.group("side")
    return fund, "income" if side == "收入" else "expenditure" if side == "支出" else "both"


def _is_printed_total(fact: Fact, totals: list[float]) -> bool:
    """The fact's amount (万元 here) is one the tables print as its money's total."""
    value = in_unit(fact.value or 0.0, fact.unit, "万元")
    slack = 0.5 * 10.0 ** -(fact.decimals or 0) * in_unit(1.0, fact.unit, "万元") + 0.005
    return any(abs(value - total) <= slack for total in totals)


def _printed_totals(doc: Document) -> dict[str, list[float]]:
    """The totals (万元) the tables print of each money: the department's 收入/支出 总计, the
    一般公共预算 income and 支出合计, the 财政拨款收支总表's 合计."""
    unit = doc.unit or "万元"
    totals: dict[str, list[float]] = {"department": [], "general_budget": [], "fiscal": []}
    for key, fund in (("total_income", "department"), ("income_grand_total", "department"),
                      ("total_expenditure", "department"),
                      ("expenditure_grand_total", "department"),
                      ("general_budget_income", "general_budget")):
        if key in doc.headline and doc.headline[key].get("value"):
            totals[fund].append(in_unit(doc.headline[key]["value"], unit, "万元"))
    for table in doc.tables_of("general_budget_expenditure"):
        row = table.total_row()
        for key in ("total", "actual", "budget"):
            if row is not None and row.values.get(key):
                totals["general_budget"].append(in_unit(row.values[key], table.unit or unit, "万元"))
                break
    for table in doc.tables_of("fiscal_summary"):
        for row in table.rows:
            value = next(iter(row.values.values()), None)
            name = compact_name(row.name)
            if not value:
                continue
            if row.is_total or regexes.fullmatch(r"(?:本年)?(?:收入|支出)(?:合计|总计)", name):
                totals["fiscal"].append(in_unit(value, table.unit or unit, "万元"))
            elif row.side in ("income", None) and regexes.fullmatch(r"一般公共预算(?:财政)?(?:拨款)?(?:收入)?", name):
                totals["general_budget"].append(in_unit(value, table.unit or unit, "万元"))
    return totals


def _fiscal_is_general(doc: Document, printed: dict[str, list[float]]) -> bool:
    """财政拨款 and 一般公共预算 are one money: the tables print the 财政拨款 total as the
    一般公共预算 figure (no 政府性基金 or 国有资本经营 money this year) and the narrative
    states no change of those funds (none last year either)."""
    same = any(abs(f - g) < 0.005 for f in printed["fiscal"] for g in printed["general_budget"])
    other = any(fact.extra.get("scope") in ("gov_fund", "soe_capital")
                and (fact.value or fact.extra.get("change")) for fact in narrative_facts(doc))
    return same and not other


_CARRIED = regexes.compile(r"结转|结余")


def _no_carryover(doc: Document) -> bool:
    """The tables print a 上年结转 / 结转下年 line and leave it empty, and the narrative names no
    carried money: the 收、支总计 is this year's income, and its spending."""
    if any((doc.headline.get(key) or {}).get("value") for key in ("carryover_in", "carryover_out")):
        return False
    if any(f.concept == "carryover_in" and f.value for f in narrative_facts(doc)):
        return False
    printed = False
    for kind in ("summary", "fiscal_summary", "income"):
        for table in doc.tables_of(kind):
            if any(row.values.get("carryover") for row in table.rows):
                return False
            for row in table.rows:
                if _CARRIED.search(row.name):
                    if any(row.values.values()):
                        return False
                    printed = True
    return printed


def _compatible(one: _Total, other: _Total, no_carryover: bool) -> bool:
    """Two statements of one money's total are of the same figure when both are of its income,
    or both of its spending, or one is of its 收、支总计 and nothing was carried over (this year
    at least: the 总计 holds carried money, the 本年收入 does not)."""
    return one.side == other.side or ("both" in (one.side, other.side) and no_carryover)


def _two_changes(totals: list[_Total], one_money: bool, no_carryover: bool) -> Finding | None:
    """The first statement, and every later one of the same figure with another change."""
    for index, first in enumerate(totals):
        others = [t for t in totals[index + 1:]
                  if _compatible(first, t, no_carryover) and not same_change(first.fact, t.fact)]
        if others:
            later = [t for t in totals[index + 1:] if t not in others
                     and any(_compatible(o, t, no_carryover) and same_change(o.fact, t.fact)
                             for o in others)]
            return _finding(first, others + later, one_money)
    return None


def _said(total: _Total) -> str:
    extra = total.fact.extra
    label = regexes.sub(r"^.*\d{4}年度?", "", compact_name(str(extra.get("label") or "")))
    label = label or FUND_NAMES[total.named]
    return f"{label}（{total.fact.page or '?'}页）{extra['direction']} {abs(extra['change']):g}"


def _finding(first: _Total, others: list[_Total], one_money: bool) -> Finding:
    fact = first.fact
    money = FUND_NAMES[first.fund]
    if one_money and {first.named, *(t.named for t in others)} >= {"general_budget", "fiscal"}:
        money = "财政拨款（本年没有政府性基金、国有资本经营预算资金，即一般公共预算）"
    text = (f"{money}本年同为 {fmt(fact.value or 0)}，比上年的增减一处写作{_said(first)}，"
            f"另一处写作{'、'.join(_said(t) for t in others[:3])}")
    text_en = (f"the same {first.fund} total {fmt(fact.value or 0)} changes by "
               f"{fmt(fact.extra['change'])} in one place and by "
               f"{', '.join(fmt(t.fact.extra['change']) for t in others[:3])} elsewhere")
    locations = [fact_location(fact, fact.extra.get("change_line"))]
    locations += [fact_location(t.fact, t.fact.extra.get("change_line")) for t in others]
    return make_finding("NARRATIVE.CHANGE", locations,
                        {"reported": others[0].fact.extra["change"],
                         "computed": fact.extra["change"]},
                        **finding_args(text, text_en))
