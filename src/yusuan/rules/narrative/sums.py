"""NARRATIVE.PARTS: a narrative total equals the parts the narrative lists after it
("公用经费 68.04 万元，主要用于办公费 10.51 万元、印刷费…", "总支出…其中：社会保障和就业支出…").
NARRATIVE.PROCUREMENT_PART: the 中小企业 and 小微企业 contract amounts of a 政府采购 statement are
parts of its whole ("政府采购支出总额 1967.42 万元…授予中小企业合同金额 1820.69 万元…其中：授予
小微企业合同金额 1015.5 万元"), never larger than it."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Fact, Finding, Location
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import paragraphs
from yusuan.rules.engine.tolerance import Interval, Printed, Verdict, compare_sum, default_decimals
from yusuan.rules.narrative.common import fact_location, finding_args, fmt, in_unit, narrative_facts
from yusuan.rules.narrative.internal.omitted import omitted_class
from yusuan.rules.narrative.internal.totals import totals_after_parts

CLASS_PARTS = ("functional_class",)
ECONOMIC_PARTS = ("economic_item",)
PROCUREMENT_PARTS = ("procurement_goods", "procurement_works", "procurement_services")
INCOME_PARTS = ("general_budget_income", "gov_fund_income", "soe_capital_income",
                "special_account_income", "operating_income", "business_income",
                "superior_subsidy_income", "subordinate_income", "other_income", "carryover_in")
# what a 财政拨款收入 is made of
FISCAL_PARTS = ("general_budget_income", "gov_fund_income", "soe_capital_income")
PARENTS: dict[str, tuple[str, ...]] = {
    "personnel_funds": ECONOMIC_PARTS, "public_funds": ECONOMIC_PARTS,
    "agency_operating_costs": ECONOMIC_PARTS, "total_expenditure": CLASS_PARTS,
    "fiscal_expenditure": CLASS_PARTS, "general_budget_expenditure": CLASS_PARTS,
    "procurement_total": PROCUREMENT_PARTS, "total_income": INCOME_PARTS,
}
# facts that may stand between a total and its parts without ending the list
PASSING = frozenset({"amount", "functional_item", "basic_expenditure", "project_expenditure",
                     "procurement_sme", "procurement_small_micro"})
_NOT_EXHAUSTIVE = ("主要", "包括", "等")


def kind_of(fact: Fact) -> str:
    """'functional_class' for a 类 figure ('卫生健康支出 1234.56'), else the fact's concept."""
    extra = fact.extra
    if fact.concept == "functional_item" and extra.get("class_code") and not extra.get("kuan") \
            and not extra.get("items"):
        return "functional_class"
    return fact.concept


def listed_parts(facts: list[Fact], index: int) -> list[Fact]:
    """The parts listed after facts[index], in the same section, until another total; a
    part said twice over ('（三）上年结转结余 4,950.85 万元' and '10.上年结转结余 4,950.85 万元')
    counts once, and a 财政拨款收入 stands for the 拨款 it is made of."""
    parent = facts[index]
    wanted = PARENTS[parent.concept]
    if parent.concept == "total_income":
        wanted = (*wanted, "fiscal_income")
    parts: list[Fact] = []
    for fact in facts[index + 1:]:
        kind = kind_of(fact)
        if fact.extra.get("section") != parent.extra.get("section") or fact.concept in PARENTS:
            break
        if kind in wanted and fact.value is not None:
            if not (parts and _same_part(parts[-1], fact)):
                parts.append(fact)
        elif kind not in PASSING:
            break
    if any(p.concept == "fiscal_income" for p in parts):
        parts = [p for p in parts if p.concept not in FISCAL_PARTS]
    return parts


def _uncounted(facts: list[Fact], index: int, parts: list[Fact]) -> list[Fact]:
    """The figures among the parts that are not counted as parts: an amount the rules cannot
    name, a 项 listed beside the 类 ('1.人大事务行政运行（项）支出 10528.33 万元')."""
    wanted = PARENTS[facts[index].concept]
    end = max(i for i, f in enumerate(facts) if any(f is p for p in parts))
    return [f for f in facts[index + 1:end] if f.value and f.unit == facts[index].unit
            and kind_of(f) not in wanted and f.concept != "fiscal_income"]


def _gap_is_uncounted(parent: Fact, parts: list[Fact], uncounted: list[Fact]) -> bool:
    """One uncounted figure, or all of them, make up what the parts miss: the list holds a part
    the rules could not name, no gap."""
    unit = parent.unit
    printed = [_printed(p, unit) for p in parts]
    choices = [[f] for f in uncounted] + ([uncounted] if len(uncounted) > 1 else [])
    return any(compare_sum(_printed(parent, unit), printed + [_printed(f, unit) for f in choice]
                           ).verdict is not Verdict.MISMATCH for choice in choices)


def _same_part(before: Fact, fact: Fact) -> bool:
    return before.concept == fact.concept and before.value == fact.value \
        and before.extra.get("class_code") == fact.extra.get("class_code") \
        and before.extra.get("name") == fact.extra.get("name")


@rule("NARRATIVE.PARTS", category="arithmetic", severity="warning",
      title_zh="说明所列分项之和等于总数", title_en="Parts the narrative lists add up to its total")
def parts_add_up(doc: Document) -> Iterator[Finding]:
    """A narrative total equals the parts listed after it; a 主要/包括/等 list may fall short,
    but a 包括 list of 类 short by exactly a 类 the tables print is told with that 类; a
    rounding-level gap or an omitted 上年结转结余 is info. A 收入 breakdown by （一）（二）（三）
    counts 本年财政拨款收入 for the 拨款 under it, and a part said twice once. Parts whose
    budgets make a budget exactly ('预算3,087万元，实际支出…。其中：…') make its spending too.

    Passes: 公用经费 30.00万元，用于办公费 20.00万元、差旅费 10.00万元。
    Fails:  公用经费 30.00万元，用于办公费 20.00万元、差旅费 5.00万元。
    """
    facts = [f for f in narrative_facts(doc) if f.unit not in (None, "%", "人", "个")]
    for index, parent in enumerate(facts):
        if parent.concept not in PARENTS or parent.value is None:
            continue
        parts = listed_parts(facts, index)
        if len(parts) >= 2 and not _gap_is_uncounted(parent, parts, _uncounted(facts, index, parts)):
            finding = _compare(doc, parent, parts)
            if finding is not None:
                yield finding
    yield from _spent_parts(doc)
    yield from totals_after_parts(doc)


def _printed(fact: Fact, unit: str | None) -> Printed:
    value = in_unit(fact.value or 0.0, fact.unit, unit)
    decimals = fact.decimals if fact.decimals is not None else default_decimals(fact.unit)
    shift = {"元": 0, "万元": 4, "亿元": 8}
    return Printed(value, max(decimals + shift.get(unit or "万元", 4)
                              - shift.get(fact.unit or "万元", 4), 0))


def _compare(doc: Document, parent: Fact, parts: list[Fact]) -> Finding | None:
    unit = parent.unit
    printed = [_printed(p, unit) for p in parts]
    result = compare_sum(_printed(parent, unit), printed)
    if result.verdict is Verdict.EQUAL:
        return None
    short = result.difference > 0
    missing = omitted_class(doc, parent, parts, printed) \
        if short and result.verdict is Verdict.MISMATCH else None
    if result.verdict is Verdict.MISMATCH and short and missing is None and any(
            word in parent.text[-80:] + parts[0].text for word in _NOT_EXHAUSTIVE):
        return None  # "主要用于…": the list need not be complete
    zeros = [p for p in parts if p.value == 0]
    names = "、".join(f"{p.extra.get('label') or p.concept} {fmt(p.value or 0)}" for p in parts
                     if len(zeros) < 3 or p.value) + (f"（另有 {len(zeros)} 项为 0）" if len(zeros) >= 3 else "")
    what = parent.extra.get("label") or parent.concept
    text = (f"{what} {fmt(parent.value or 0)}{unit or ''}，所列分项 {names} 合计 "
            f"{fmt(result.computed)}，相差 {fmt(result.difference)}")
    lines: list[int] = []
    locations = [fact_location(parent)]
    for part in parts:
        if part.line not in lines and part.line != parent.line:
            lines.append(part.line)
            locations.append(fact_location(part))
    whole = _part_as_whole(parent, parts) if result.verdict is Verdict.MISMATCH else None
    if whole is not None:
        others = "、".join(f"{p.extra.get('label') or p.concept} {fmt(p.value or 0)}"
                           for p in parts if p is not whole and p.value)
        text += (f"：{whole.extra.get('label') or whole.concept} {fmt(whole.value or 0)} "
                 f"已与总数相等，却另列有 {others}")
    if missing is not None:
        text += (f"，正是{missing.table.title}列出而此处未列的 {missing.name} "
                 f"{fmt(missing.value)}{unit or ''}")
        locations.append(Location(missing.row.line_of(missing.key), table=missing.table.kind,
                                  code=missing.row.code, column=missing.key,
                                  page=missing.row.page))
    rounding = result.verdict is Verdict.ROUNDING
    omitted = _omitted_carryover(doc, parent, parts, result.difference)
    if omitted:
        text += f"，正是未列出的上年结转结余 {fmt(omitted)}"
        line = int(doc.headline["carryover_in"].get("line", 0))
        if line:
            locations.append(Location(line, name="carryover_in"))
    return make_finding(
        "NARRATIVE.PARTS", locations,
        {"reported": parent.value, "computed": round(result.computed, 4),
         "difference": result.difference},
        severity="info" if rounding or omitted else None,
        category="rounding" if rounding else None,
        **finding_args(text, f"{what} {parent.value} but its listed parts add to "
                             f"{result.computed:g}"
                             + (f", leaving out the carry-over {fmt(omitted)}" if omitted else "")
                             + (f", leaving out {missing.name} {fmt(missing.value)} that the "
                                f"tables print" if missing else "")))


def _part_as_whole(parent: Fact, parts: list[Fact]) -> Fact | None:
    """A listed part printed as large as the whole while other parts are not zero (the total
    written again for one of its parts)."""
    same = [p for p in parts if p.value == parent.value and p.unit == parent.unit]
    others = [p for p in parts if p not in same and p.value]
    return same[0] if len(same) == 1 and others else None


def _omitted_carryover(doc: Document, parent: Fact, parts: list[Fact],
                       difference: float) -> float | None:
    """Income parts that add to 本年收入 and leave out the 上年结转 the tables print (the gap)."""
    if parent.concept != "total_income" or any(p.concept == "carryover_in" for p in parts):
        return None
    entry = doc.headline.get("carryover_in")
    value = float(entry.get("value", 0.0)) if entry else 0.0
    return value if value and abs(in_unit(difference, parent.unit, doc.unit) - value) < 0.01 \
        else None


# each part → the wholes it belongs to, nearest first
WHOLES = {"procurement_sme": ("procurement_total",),
          "procurement_small_micro": ("procurement_sme", "procurement_total")}
NAMES = {"procurement_total": "政府采购总额", "procurement_sme": "授予中小企业合同金额",
         "procurement_small_micro": "授予小微企业合同金额"}
NAMES_EN = {"procurement_total": "procurement total", "procurement_sme": "SME contract amount",
            "procurement_small_micro": "small and micro business contract amount"}
MONEY_UNITS = ("元", "万元", "亿元")


@rule("NARRATIVE.PROCUREMENT_PART", category="arithmetic", severity="warning",
      title_zh="中小企业、小微企业合同金额不超过政府采购总额",
      title_en="SME and small-business contract amounts within the procurement total")
def procurement_parts(doc: Document) -> Iterator[Finding]:
    """The 中小企业 amount is part of the 政府采购 total stated before it, the 小微企业 amount
    part of the 中小企业 one (else of the total): neither is larger than its whole; shares of
    each kind of purchase awarded to them allow no less than the 中小企业 amount.

    Passes: 政府采购支出总额 260.00万元…授予中小企业合同金额 130.00万元，其中：授予小微企业合同金额 80.00万元。
    Fails:  政府采购支出总额 260.00万元…授予中小企业合同金额 330.00万元。
    """
    facts = [f for f in narrative_facts(doc) if f.value is not None and f.unit in MONEY_UNITS]
    for index, part in enumerate(facts):
        if part.concept not in WHOLES:
            continue
        whole = _whole(facts[:index], part)
        if whole is not None and _larger(part, whole):
            yield _finding(part, whole)
    yield from _sme_by_kind(doc, facts)


def _whole(before: list[Fact], part: Fact) -> Fact | None:
    """The nearest earlier figure of the same section that the part belongs to; the search
    stops at another section or at a total of its own (a new statement)."""
    for wanted in WHOLES[part.concept]:
        for fact in reversed(before):
            if fact.extra.get("section") != part.extra.get("section"):
                break
            if fact.concept == wanted:
                return fact
    return None


def _interval_in(fact: Fact, unit: str | None) -> Interval:
    shift = {"元": 0, "万元": 4, "亿元": 8}
    decimals = (fact.decimals or 0) + shift.get(unit or "万元", 4) - shift.get(fact.unit or "万元", 4)
    return Interval.printed(in_unit(fact.value or 0.0, fact.unit, unit), max(decimals, 0))


def _larger(part: Fact, whole: Fact) -> bool:
    """The part exceeds its whole beyond what rounding of either may explain."""
    return _interval_in(part, whole.unit).low > _interval_in(whole, whole.unit).high + 1e-9


def _finding(part: Fact, whole: Fact) -> Finding:
    text = (f"{NAMES[part.concept]} {fmt(part.value or 0)}{part.unit}，大于它所属的"
            f"{NAMES[whole.concept]} {fmt(whole.value or 0)}{whole.unit}：部分不能大于整体")
    text_en = (f"the {NAMES_EN[part.concept]} {fmt(part.value or 0)} is larger than the "
               f"{NAMES_EN[whole.concept]} {fmt(whole.value or 0)} it is part of")
    return make_finding("NARRATIVE.PROCUREMENT_PART", [fact_location(whole), fact_location(part)],
                        {"reported": part.value, "computed": whole.value},
                        **finding_args(text, text_en))


KIND_PARTS = {"货物": "procurement_goods", "工程": "procurement_works", "服务": "procurement_services"}
# '货物采购授予中小企业合同金额占货物支出金额的9.16%'
_KIND_SHARE = regexes.compile(r"(货物|工程|服务)(?:类)?采购授予中小企业合同金额占\1(?:类)?(?:采购)?支出(?:金额)?的?"
                         r"\s*(\d+(?:\.\d+)?)\s*%")


def kind_shares(doc: Document) -> Iterator[tuple[str, float, int, int]]:
    """(kind, share, decimals, line) of each '货物采购授予中小企业合同金额占货物支出金额的 x%'."""
    for paragraph in paragraphs(doc):
        matches = list(_KIND_SHARE.finditer("".join(paragraph.text.split())))
        at = _non_blank(paragraph.text) if matches else []
        for match in matches:
            value = match.group(2)
            decimals = len(value.split(".")[1]) if "." in value else 0
            yield match.group(1), float(value), decimals, paragraph.line_at(at[match.start(2)])


def _sme_by_kind(doc: Document, facts: list[Fact]) -> Iterator[Finding]:
    """The 中小企业 amount is no more than what the shares of each kind stated for it allow: a
    kind's share × the kind's amount, a kind without a share at most its whole amount."""
    shares = list(kind_shares(doc))
    sme = next((f for f in facts if f.concept == "procurement_sme"), None)
    if not shares or sme is None:
        return
    section = [f for f in facts if f.extra.get("section") == sme.extra.get("section")]
    amounts = {kind: next((f for f in section if f.concept == concept), None)
               for kind, concept in KIND_PARTS.items()}
    if any(fact is None for fact in amounts.values()):
        return
    stated = {kind: (share, decimals, line) for kind, share, decimals, line in shares}
    most = Interval(0.0, 0.0)
    for kind, fact in amounts.items():
        whole = _interval_in(fact, sme.unit)
        if kind in stated:
            share, decimals, _ = stated[kind]
            printed = Interval.printed(share, decimals)
            most = most + Interval(whole.low * printed.low / 100, whole.high * printed.high / 100)
        else:
            most = most + whole
    if _interval_in(sme, sme.unit).low <= most.high + 1e-9:
        return
    said = "、".join(f"{kind}{fmt(share)}%" for kind, (share, _, _) in stated.items())
    text = (f"按所写各类采购授予中小企业的比例（{said}），中小企业合同金额至多 {fmt(round(most.high, 2))}"
            f"{sme.unit}，写作 {fmt(sme.value or 0)}{sme.unit}")
    text_en = (f"the shares stated for each kind ({said}) allow at most {most.high:.2f} for SMEs, "
               f"but the narrative gives {fmt(sme.value or 0)}")
    locations = [fact_location(sme)] + [Location(line) for _, _, line in stated.values()] \
        + [fact_location(f) for f in amounts.values() if f is not None]
    yield make_finding("NARRATIVE.PROCUREMENT_PART", locations,
                       {"reported": sme.value, "computed": round(most.high, 2)},
                       **finding_args(text, text_en))


# '困难企业特困救助、职工帮扶资金预算3,087万元，实际支出2,614.42万元'
_SPENT = regexes.compile(r"预算(?:到位)?(?:数为|为)?([\d,]+(?:\.\d+)?)万元[，,]实际支出([\d,]+(?:\.\d+)?)万元")
_QIZHONG_AFTER = regexes.compile(r"^[^。；;]*[。；;]?\s*其中[：:，,]")


def _spent_pairs(doc: Document) -> list[tuple[Printed, Printed, int, int, str]]:
    """(budget, spent, line, end, the text after it) of each '预算…万元，实际支出…万元' in the
    narrative, in order."""
    pairs = []
    for paragraph in paragraphs(doc):
        compact = "".join(paragraph.text.split())
        matches = list(_SPENT.finditer(compact))
        at = _non_blank(paragraph.text) if matches else []
        for match in matches:
            budget, spent = (_figure(match.group(k)) for k in (1, 2))
            pairs.append((budget, spent, paragraph.line_at(at[match.start(2)]), match.end(),
                          compact[match.end():match.end() + 40]))
    return pairs


def _non_blank(text: str) -> list[int]:
    """Where each character of the text without its blanks stands in the text."""
    return [i for i, ch in enumerate(text) if not ch.isspace()]


def _figure(text: str) -> Printed:
    plain = text.replace(",", "")
    return Printed(float(plain), len(plain.split(".")[1]) if "." in plain else 0)


def _spent_parts(doc: Document) -> Iterator[Finding]:
    """A budget and its spending ('预算3,087万元，实际支出2,614.42万元…其中：') followed by
    parts stated the same way whose budgets add up to it exactly: their spending adds up to
    its spending too."""
    pairs = _spent_pairs(doc)
    for index, (budget, spent, line, _, after) in enumerate(pairs):
        if not _QIZHONG_AFTER.match(after):
            continue
        parts = _parts_to(budget, pairs[index + 1:])
        if len(parts) < 2:
            continue
        # '600万元' beside '54.54万元' drops its zeros: every figure to the finest decimals
        places = max(f.decimals for f in [spent, *(p[1] for p in parts)])
        result = compare_sum(Printed(spent.value, places),
                             [Printed(p[1].value, places) for p in parts])
        if result.verdict is Verdict.EQUAL:
            continue
        text = (f"预算 {fmt(budget.value)} 万元、实际支出 {fmt(spent.value)} 万元，其下各项预算相加正好为 "
                f"{fmt(budget.value)} 万元，实际支出相加却为 {fmt(result.computed)} 万元")
        text_en = (f"the parts' budgets add up to the budget {fmt(budget.value)}, but their spending "
                   f"adds up to {result.computed:g}, not {fmt(spent.value)}")
        rounding = result.verdict is Verdict.ROUNDING
        yield make_finding("NARRATIVE.PARTS", [Location(line)] + [Location(p[2]) for p in parts],
                           {"reported": spent.value, "computed": round(result.computed, 4)},
                           severity="info" if rounding else None,
                           category="rounding" if rounding else None,
                           **finding_args(text, text_en))


def _parts_to(budget: Printed, following: list[tuple[Printed, Printed, int, int, str]]
              ) -> list[tuple[Printed, Printed, int, int, str]]:
    """The pairs after a whole whose budgets reach its budget exactly; none when they pass it."""
    parts = []
    for pair in following:
        parts.append(pair)
        verdict = compare_sum(budget, [p[0] for p in parts]).verdict
        if verdict is Verdict.EQUAL:
            return parts
        if sum(p[0].value for p in parts) > budget.value:
            return []
    return []
