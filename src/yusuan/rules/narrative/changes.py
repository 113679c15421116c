"""Changes, rates, shares and execution rates the narrative states, checked by intervals; in a
决算, the 三公 rates and shares stated without their base against the 三公 table's 预算数 and
决算数 groups ("因公出国（境）费支出决算为 4.69 万元，完成预算的 15.63%", "…占 10.15%")."""

from __future__ import annotations

import math
from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Fact, Finding, Location, Table, TableRow
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.tolerance import Interval, interval_sum
from yusuan.rules.narrative.common import (
    fact_location,
    finding_args,
    fmt,
    in_unit,
    narrative_facts,
)
from yusuan.rules.narrative.internal.restated import changes_restated
from yusuan.rules.narrative.tables import SANGONG, _first_row, actual_reported_wrong
from yusuan.rules.tables.sangong import YEAR_ROLES, group_keys, prior_and_current

UP_WORDS = ("增加", "增长", "上升", "提高", "增")
DOWN_WORDS = ("减少", "下降", "降低", "减", "节约")
TOTALS = ("total_income", "total_expenditure", "income_grand_total", "general_budget_expenditure",
          "fiscal_expenditure", "fiscal_income", "fiscal_grand_total")


@rule("NARRATIVE.RATE", category="percentage", severity="warning",
      title_zh="增减率 = 增减额 / 上年数", title_en="Stated rate = change / prior-year figure")
def rate_matches_change(doc: Document) -> Iterator[Finding]:
    """The stated rate of change equals change / prior-year figure (current − change), within
    the rounding of the printed figures; a rate that only rounding allows is info. An increase
    as large as this year's figure leaves no prior year to have a rate of: '增长100%' for an
    item new this year included (it is 新增, a rate from nothing cannot be computed).

    Passes: 部门预算总收入 120.00 万元，比上年增加 20.00 万元，增长 20%。
    Fails:  部门预算总收入 120.00 万元，比上年增加 20.00 万元，增长 25%。
    """
    seen: dict[tuple[float, float, float], Finding] = {}
    for fact in narrative_facts(doc):
        if fact.value is None or "change" not in fact.extra or "rate" not in fact.extra:
            continue
        finding = _rate_finding(fact)
        if finding is None:
            continue
        key = (fact.value, fact.extra["change"], fact.extra["rate"])
        if key in seen:  # the same figures restated: one finding, every line cited
            first = seen[key]
            first.locations.extend(loc for loc in finding.locations if loc not in first.locations)
            continue
        seen[key] = finding
    yield from seen.values()


def cut_rate(stated: float, decimals: int | None) -> Interval:
    """The rates a rate printed with two or more decimals stands for when it was cut instead of
    rounded (36.58% for 36.586%): a 0.01-point gap, info. A rate rounded the wrong way, or cut at
    one decimal (4.4% for 4.48%, a tenth of a point), is not rounding."""
    places = decimals if decimals is not None else 2
    if places < 2:
        return Interval(stated, stated)
    return Interval(stated, stated + 10.0 ** -places)


def last_digit_slip(stated: float, decimals: int | None) -> Interval:
    """The rates a rate printed with two or more decimals stands for when its last digit slipped
    by one (66.69% for 66.681%): a hundredth of a point, rounding-level, info. A rate printed
    with one decimal that is a tenth off (4.4% for 4.48%, 210.8% for 210.70%) is not."""
    places = decimals if decimals is not None else 2
    if places < 2:
        return Interval(stated, stated)
    slack = 1.5 * 10.0 ** -places
    return Interval(stated - slack, stated + slack)


def rounded_twice(stated: float, decimals: int | None) -> Interval:
    """The rates that round to `stated` when rounded first to one more place, then to its own
    (61.845% → 61.85% → 61.9%): a rate taken from a figure printed with one more decimal."""
    unit = 10.0 ** -(decimals if decimals is not None else 2)
    return Interval(stated - 0.55 * unit, stated + 0.45 * unit)


def within_rounding(rate: Interval, stated: float, decimals: int | None) -> str | None:
    """How a computed rate is the stated one: "rounding" (the printed figures allow it, it was
    cut instead of rounded, or rounded in two steps), "slip" (its last digit slipped by one),
    else None."""
    if any(rate.meets(allowed) for allowed in (Interval.printed(stated, decimals),
                                                cut_rate(stated, decimals),
                                                rounded_twice(stated, decimals))):
        return "rounding"
    return "slip" if rate.meets(last_digit_slip(stated, decimals)) else None


def is_baseline(fact: Fact) -> bool:
    """The figure is the year compared with ("比 2025 年预算数 X 万元减少 Y"), not this year's."""
    label = "".join(str(fact.extra.get("label") or "").split())
    return bool(regexes.match(r"^(比|较|与)(上年|\d{4}年)", label))


def _rate_finding(fact: Fact) -> Finding | None:
    extra = fact.extra
    change_value = in_unit(abs(extra["change"]), extra.get("change_unit"), fact.unit)
    current = Interval.printed(fact.value or 0.0, fact.decimals)
    change = Interval.printed(change_value, extra.get("change_decimals"))
    signed = change if extra["change"] >= 0 else -change
    baseline = is_baseline(fact)  # "比2025年预算数 X 万元增加 Y": X is last year's
    prior = current if baseline else current - signed
    rate = change.ratio(prior)
    if rate is None:
        return None if baseline else _rate_from_nothing(fact, prior, change)
    prior_value = (fact.value or 0.0) if baseline else (fact.value or 0.0) - extra["change"]
    computed = abs(extra["change"]) / prior_value * 100 if prior_value else 0.0
    how = within_rounding(rate, abs(extra["rate"]), extra.get("rate_decimals"))
    if how:
        return _rounded_rate("NARRATIVE.RATE", fact, how, abs(extra["rate"]), computed,
                             extra.get("rate_decimals"), extra.get("rate_line"))
    text = (f"{extra.get('label') or fact.concept} {fmt(fact.value or 0)}：增减 {fmt(extra['change'])}，"
            f"上年数 {fmt(prior_value)}，增减率应为 {computed:.2f}%，"
            f"写作 {fmt(abs(extra['rate']))}%")
    locations = [fact_location(fact, extra.get("rate_line")), fact_location(fact)]
    return make_finding("NARRATIVE.RATE", locations,
                        {"reported": abs(extra["rate"]), "computed": round(computed, 2)},
                        **finding_args(text, f"stated rate {extra['rate']}% but change / prior "
                                             f"= {computed:.2f}%"))


def _rate_from_nothing(fact: Fact, prior: Interval, change: Interval) -> Finding | None:
    """An increase as large as this year's figure ('1668.14万元，比年初预算数增加1668.14万元，
    增长0%'; '13万元，比上年增加13万元，增长100%'): last year's figure is nothing, or too little
    for the stated rate — a rate from it is at least change / prior, so no rate follows, and
    '增长100%' for an item new this year is no rate either (it is written 新增, or left out).
    A rate that a small prior the printed places allow does give is not reported."""
    extra = fact.extra
    stated = abs(extra["rate"])
    if extra["change"] <= 0 or prior.high < -1e-9:
        return None
    if prior.high > 1e-9 and stated >= change.low / prior.high * 100:
        return None  # a small prior the printed figures allow gives a rate this large
    said = "".join(str(extra.get("change_text") or f"增加{fmt(extra['change'])}").split())
    text = (f"{extra.get('label') or fact.concept} {fmt(fact.value or 0)}，{said}：比较的基数为 "
            f"{fmt((fact.value or 0) - extra['change'])}，增长率无从计算，写作 {fmt(stated)}%")
    text_en = (f"{fmt(fact.value or 0)} after an increase of {fmt(extra['change'])}: last year's "
               f"figure is nothing, so no rate follows, but the narrative says {fmt(stated)}%")
    if abs(stated - 100) < 1e-9:  # '增长100%' for an item new this year
        text += "；上年没有的项目应写作“新增”，或不写增长率"
        text_en += "; an item new this year is written as new (新增), or given no rate"
    locations = [fact_location(fact, extra.get("rate_line")), fact_location(fact)]
    return make_finding("NARRATIVE.RATE", locations, {"reported": stated},
                        **finding_args(text, text_en))


@rule("NARRATIVE.CHANGE", category="year_over_year", severity="warning",
      title_zh="增减额 = 本年数 − 同句所写上年数",
      title_en="Stated change = this year's figure − the earlier figure stated beside it")
def change_matches_stated_prior(doc: Document) -> Iterator[Finding]:
    """A sentence that states this year's figure, last year's and the change between them:
    the change is their difference, in the direction its word says (within rounding). One
    item (code and amount) stated twice has one change, and so has one total of one money
    (the department's, 一般公共预算, 财政拨款) with one this-year amount the tables print as
    that total: 财政拨款 is 一般公共预算 when the tables hold no other fund's money.

    Passes: “三公”经费预算数为7.61万元，2025年预算数为9.23万元，和2025年相比预算减少1.62万元。
    Fails:  “三公”经费预算数为7.61万元，2025年预算数为9.23万元，和2025年相比预算增加1.62万元。
    """
    for fact in narrative_facts(doc):
        extra = fact.extra
        if fact.value is None or "prior" not in extra or not extra.get("change") \
                or extra.get("direction", "") not in (*UP_WORDS, *DOWN_WORDS):
            continue
        prior = in_unit(extra["prior"], extra.get("prior_unit"), fact.unit)
        change = in_unit(extra["change"], extra.get("change_unit"), fact.unit)
        difference = (Interval.printed(fact.value, fact.decimals)
                      - Interval.printed(prior, extra.get("prior_decimals")))
        if difference.meets(Interval.printed(change, extra.get("change_decimals"))):
            continue
        year = extra.get("prior_year")
        text = (f"{extra.get('label') or fact.concept} {fmt(fact.value)}，{year}年为 {fmt(prior)}，"
                f"相差 {fmt(round(fact.value - prior, 2))}，写作{extra['direction']} "
                f"{fmt(abs(extra['change']))}")
        text_en = (f"{fmt(fact.value)} this year against {fmt(prior)} in {year} is a change of "
                   f"{fmt(round(fact.value - prior, 2))}, written as {fmt(extra['change'])}")
        locations = [fact_location(fact, extra.get("change_line")), fact_location(fact),
                     fact_location(fact, extra.get("prior_line"))]
        yield make_finding("NARRATIVE.CHANGE", locations,
                           {"reported": extra["change"], "computed": round(fact.value - prior, 2)},
                           **finding_args(text, text_en))
    yield from changes_restated(doc)


@rule("NARRATIVE.DIRECTION", category="year_over_year", severity="warning",
      title_zh="增长与减少方向一致", title_en="增长 and 减少 agree with each other")
def directions_agree(doc: Document) -> Iterator[Finding]:
    """The change and the rate of the same figure point the same way (增加 with 增长), and the
    reason that follows a change at once is for a change its way.

    Passes: 部门预算总收入 120.00 万元，比上年增加 20.00 万元，增长 20%。
    Fails:  部门预算总收入 120.00 万元，比上年增加 20.00 万元，下降 20%。
    """
    for fact in narrative_facts(doc):
        change, rate = fact.extra.get("change"), fact.extra.get("rate")
        if change is None or rate is None or change == 0 or rate == 0:
            continue
        if (change > 0) != (rate > 0):
            text = (f"{fact.extra.get('label') or fact.concept}：增减额写作"
                    f"“{fact.extra.get('direction')}”，增减率写作“{fact.extra.get('rate_direction')}”")
            yield make_finding("NARRATIVE.DIRECTION", [fact_location(fact)],
                               {"change": change, "rate": rate},
                               **finding_args(text, "change and rate point different ways"))
    yield from _reason_against_change(doc)


# '…较上年增加9.49万元，减少的主要原因是…': the reason names the other direction
_REASON = regexes.compile(r"^(?:[（(][\d.\s%]*[)）])?[，,]?\s*(?:主要)?(增加|减少|增长|下降|降低|上升)的?(?:主要)?原因")


def _reason_against_change(doc: Document) -> Iterator[Finding]:
    """A change followed at once by the reason for a change the other way."""
    for fact in narrative_facts(doc):
        change, said = fact.extra.get("change"), "".join(str(fact.extra.get("change_text", "")).split())
        text = "".join(fact.text.split())
        at = text.find(said) if change and said else -1
        reason = _REASON.match(text[at + len(said):]) if at >= 0 else None
        if reason is None or (reason.group(1) in UP_WORDS) == (change > 0):
            continue
        label = fact.extra.get("label") or fact.concept
        text_zh = (f"{label}：写作“{fact.extra.get('direction')} {fmt(abs(change))}”，"
                   f"随后说明“{reason.group(1)}的原因”，增减方向前后相反")
        yield make_finding("NARRATIVE.DIRECTION", [fact_location(fact, fact.extra.get("change_line"))],
                           {"change": change, "reason": reason.group(1)},
                           **finding_args(text_zh, f"{label}: a change of {fmt(change)} explained "
                                                   f"as the reason for a {reason.group(1)}"))


@rule("NARRATIVE.SHARE", category="percentage", severity="warning",
      title_zh="占比 = 金额 / 总额", title_en="Stated share = amount / total")
def shares_match(doc: Document) -> Iterator[Finding]:
    """A stated share equals amount / the total stated before it in the same section (an
    asset's, the asset total before it), and the shares of parts that make up that total add up
    to 100%; the three 三公 items' shares of the 三公 are of their sum.

    Passes: 部门预算支出 240.00 万元。其中：基本支出 180.00 万元，占 75%；项目支出 60.00 万元，占 25%。
    Fails:  部门预算支出 240.00 万元。其中：基本支出 180.00 万元，占 70%；项目支出 60.00 万元，占 25%。
    """
    facts = list(narrative_facts(doc))
    groups: dict[int, list[Fact]] = {}
    for index, fact in enumerate(facts):
        if fact.value is None or "share" not in fact.extra:
            continue
        total = _denominator(facts, index)
        if total is None or total is fact:
            continue
        groups.setdefault(id(total), [total]).append(fact)
    for total, *parts in groups.values():
        whole_of_parts = _parts_sum(parts)
        for part in parts:
            finding = _share_finding(part, total)
            if finding is not None and finding.severity != "info" and whole_of_parts is not None \
                    and _share_finding(part, whole_of_parts) is None:
                continue  # a share of what the parts add up to (本年支出 without 结转结余)
            if finding is not None:
                yield finding
        finding = _sum_finding(total, parts)
        if finding is not None:
            yield finding
    yield from _sangong_item_shares(facts)


def _sangong_item(fact: Fact) -> str | None:
    """Which of the three 三公 items a figure is, by its words; None for a part of one."""
    label = str(fact.extra.get("label", ""))
    if "出国" in label:
        return "outbound"
    if "接待" in label:
        return "reception"
    if "车" in label and ("购置" in label) == ("运行" in label):
        return "vehicle"
    return None


def _sangong_item_shares(facts: list[Fact]) -> Iterator[Finding]:
    """'因公出国（境）费 222.5万元，占“三公”经费的8.75%；公务用车购置及运行费 183.6万元，占…；
    公务接待费 427.5万元，占…': the three items are the whole of the 三公, so each share is of
    their sum."""
    sections: dict[object, dict[str, Fact]] = {}
    for fact in facts:
        item = _sangong_item(fact)
        if fact.value is None or item is None or "share" not in fact.extra \
                or "三公" not in str(fact.extra.get("share_of", "")):
            continue
        sections.setdefault(fact.extra.get("section"), {}).setdefault(item, fact)
    for items in sections.values():
        parts = list(items.values())
        if len(parts) != 3:
            continue
        whole = _parts_sum(parts)
        assert whole is not None
        whole.extra["label"] = "三项“三公”经费之和"
        for part in parts:
            finding = _share_finding(part, whole)
            if finding is not None:
                yield finding


def _parts_sum(parts: list[Fact]) -> Fact | None:
    """The parts' sum as a figure (基本支出 + 项目支出), when two or more parts state shares."""
    if len(parts) < 2:
        return None
    decimals = max((p.decimals or 0) for p in parts)
    return Fact("parts_sum", round(sum(p.value or 0.0 for p in parts), decimals), parts[0].unit,
                parts[0].line, "narrative", "", decimals, parts[0].page, {})


def _denominator(facts: list[Fact], index: int) -> Fact | None:
    fact = facts[index]
    share_of = fact.extra.get("share_of", "")
    if any(word in share_of for word in ("项目", "基本", "预算金额")):
        return None
    own_kind = fact.concept == "asset_amount" and "资产" in share_of
    for other in reversed(facts[:index]):
        if other.extra.get("section") != fact.extra.get("section"):
            return None
        if "share" in other.extra and other.extra.get("share_of") == share_of:
            continue  # a part of the same base stated before it ('占本年收入…' twice)
        if own_kind:  # '固定资产总量为4295.98万元，…设备335.24万元，占固定资产总额的7.90%'
            total = other.concept == fact.concept and "share" not in other.extra \
                and regexes.search(r"总|合计|共", str(other.extra.get("label", "")))
            return other if total and (other.value or 0) >= (fact.value or 0) else None
        if other.concept in TOTALS and other.value and other.value >= (fact.value or 0):
            return other
    return None


def _share_finding(fact: Fact, total: Fact) -> Finding | None:
    part = Interval.printed(fact.value or 0.0, fact.decimals)
    whole = Interval.printed(total.value or 0.0, total.decimals)
    ratio = part.ratio(whole)
    if ratio is None:
        return None
    computed = (fact.value or 0.0) / (total.value or 1.0) * 100
    how = within_rounding(ratio, fact.extra["share"], fact.extra.get("share_decimals"))
    if how:
        return _rounded_rate("NARRATIVE.SHARE", fact, how, fact.extra["share"], computed,
                             fact.extra.get("share_decimals"), fact.extra.get("share_line"))
    whole = f"{total.extra['label']} " if total.concept == "parts_sum" and total.extra.get("label") else ""
    text = (f"{fact.extra.get('label') or fact.concept} {fmt(fact.value or 0)} 占 {whole}"
            f"{fmt(total.value or 0)} 应为 {computed:.2f}%，写作 {fmt(fact.extra['share'])}%")
    locations = [fact_location(fact, fact.extra.get("share_line")), fact_location(total)]
    return make_finding("NARRATIVE.SHARE", locations,
                        {"reported": fact.extra["share"], "computed": round(computed, 2)},
                        **finding_args(text, f"share stated {fact.extra['share']}%, "
                                             f"computed {computed:.2f}%"))


def _sum_finding(total: Fact, parts: list[Fact]) -> Finding | None:
    if len(parts) < 2:
        return None
    values = sum(p.value or 0.0 for p in parts)
    covered = Interval.printed(values, 2).meets(Interval.printed(total.value or 0.0, 2), 0.02)
    if not covered:
        return None
    shares = interval_sum([Interval.printed(p.extra["share"], p.extra.get("share_decimals"))
                           for p in parts])
    if shares.meets(Interval(100.0, 100.0)):
        return None
    stated = sum(p.extra["share"] for p in parts)
    text = f"{'、'.join(p.extra.get('label', p.concept) for p in parts)} 的占比相加为 {fmt(stated)}%，不是 100%"
    locations = [fact_location(p, p.extra.get("share_line")) for p in parts]
    return make_finding("NARRATIVE.SHARE", locations, {"reported": stated, "computed": 100.0},
                        **finding_args(text, f"shares add up to {stated}%, not 100%"))


@rule("NARRATIVE.EXECUTION", category="percentage", severity="warning",
      title_zh="完成年初预算的比例 = 决算 / 预算", title_en="Execution rate = actual / budget")
def execution_rates(doc: Document) -> Iterator[Finding]:
    """完成年初预算的 x% equals 决算 / 年初预算 (within rounding; a 决算 that disagrees with
    the tables is left to NARRATIVE.TABLE).

    Passes: 年初预算为 110.00 万元，支出决算为 132.00 万元，完成年初预算的 120%。
    Fails:  年初预算为 110.00 万元，支出决算为 132.00 万元，完成年初预算的 110%。
    """
    for fact in narrative_facts(doc):
        extra = fact.extra
        if "execution_rate" not in extra or "budget" not in extra or "actual" not in extra:
            continue
        budget = Interval.printed(extra["budget"], extra.get("budget_decimals"))
        actual = Interval.printed(extra["actual"], extra.get("actual_decimals"))
        ratio = actual.ratio(budget)
        if ratio is None or actual_reported_wrong(doc, fact):
            continue
        computed = extra["actual"] / extra["budget"] * 100
        how = within_rounding(ratio, extra["execution_rate"], extra.get("execution_decimals"))
        if how:
            finding = _rounded_rate("NARRATIVE.EXECUTION", fact, how, extra["execution_rate"],
                                    computed, extra.get("execution_decimals"),
                                    extra.get("execution_line"))
            if finding is not None:
                yield finding
            continue
        text = (f"{extra.get('label') or fact.concept}：决算 {fmt(extra['actual'])} / 年初预算 "
                f"{fmt(extra['budget'])} = {computed:.2f}%，写作完成 {fmt(extra['execution_rate'])}%")
        locations = [fact_location(fact, extra.get("execution_line")),
                     fact_location(fact, extra.get("budget_line"))]
        yield make_finding("NARRATIVE.EXECUTION", locations,
                           {"reported": extra["execution_rate"], "computed": round(computed, 2)},
                           **finding_args(text, f"execution {extra['execution_rate']}% but "
                                                f"actual / budget = {computed:.2f}%"))


def _rounded_rate(rule_id: str, fact: Fact, how: str, stated: float, computed: float,
                  decimals: int | None, line: int | None) -> Finding | None:
    """A rate the printed amounts allow but that the amounts as printed round otherwise
    (12.18 / 12.17 = 100.082% written 100.08%), or whose last digit slipped by one (66.69% for
    66.681%): rounding-level, reported as info."""
    places = decimals if decimals is not None else 2
    if abs(computed - stated) <= 0.5 * 10.0 ** (-places) + 1e-9:
        return None
    shown = f"{computed:.{places}f}"
    said = "末位相差一个单位，属舍入层面的差异" if how == "slip" else "差异在舍入范围内"
    text = (f"{fact.extra.get('label') or fact.concept}：按所印金额计算为 {computed:.3f}%（约 {shown}%），"
            f"写作 {fmt(stated)}%，{said}")
    return make_finding(rule_id, [fact_location(fact, line), fact_location(fact)],
                        {"reported": stated, "computed": round(computed, 3)},
                        severity="info", category="rounding",
                        **finding_args(text, f"rate {stated}% vs {computed:.3f}% from the printed "
                                             "amounts; within rounding"))


ITEM_NAMES = {"total": "“三公”经费", "outbound": "因公出国（境）费", "vehicle": "公务用车购置及运行费",
              "vehicle_purchase": "公务用车购置费", "vehicle_operation": "公务用车运行费",
              "reception": "公务接待费", "meeting": "会议费", "training": "培训费"}
Cell = tuple[Table, TableRow, str]


@rule("NARRATIVE.SANGONG", category="narrative_vs_table", severity="warning",
      title_zh="三公、会议费和培训费说明的增减、完成率和占比与三公表一致",
      title_en="三公, meeting and training changes, rates and shares agree with the 三公 table")
def sangong_rates(doc: Document) -> Iterator[Finding]:
    """In a 决算 whose 三公 table prints 预算数 and 决算数 side by side, a 完成预算 rate stated
    without its 预算 is 决算 / the table's 预算数 of the item, and a bare share (占 x%) is of
    the table's 决算数 合计. A 决算 figure that disagrees with the table is NARRATIVE.TABLE's.
    Where the table prints 上年, 本年 and their 增减 (三公, 会议费, 培训费), the change each
    item's sentence states is 本年 − 上年 (less than a last place off: two rounded figures),
    and its rate 增减 / 上年 of the table's exact figures (within the printed rate's rounding,
    or the rate of the figures rounded as the narrative prints them).

    Passes: 预算数 公务接待费 1.80, 决算数 1.50; “公务接待费支出决算为1.50万元，完成预算的83.33%”.
    Fails:  预算数 公务接待费 1.80, 决算数 1.50; “公务接待费支出决算为1.50万元，完成预算的93.33%”.
    Passes: 会议费 上年 40000 元, 本年 52345 元; “会议费预算 5.23 万元，比上年增加 1.23 万元，增幅 30.86%”.
    Fails:  the same table; “会议费预算 5.23 万元，比上年增加 1.23 万元，增幅 30.84%”.
    """
    yield from sangong_years(doc)
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
    """'完成预算的 x%' against 决算 ÷ the 三公 table's 预算数."""
    return _of_table(doc, fact, item, budget, "execution", "{what}：决算 {value} ÷ 三公表预算数 "
                     "{whole} = {computed}%，写作完成预算的 {stated}%",
                     "{item}: spent {value} / the table's budget {whole} = {computed}%, but the "
                     "narrative says {stated}%")


def _share(doc: Document, fact: Fact, item: str, total: Cell) -> Finding | None:
    """'占 x%' against the figure ÷ the 三公 table's 决算数 合计."""
    return _of_table(doc, fact, item, total, "share", "{what} {value} 占三公表决算数合计 {whole} "
                     "的 {computed}%，写作占 {stated}%",
                     "{item}: {value} is {computed}% of the table's total spent {whole}, but the "
                     "narrative says {stated}%")


def _of_table(doc: Document, fact: Fact, item: str, cell: Cell, key: str, zh: str,
              en: str) -> Finding | None:
    """The fact's rate (`key`: "execution" for execution_rate, or "share") against the fact's
    figure ÷ the table cell: info when rounding explains the gap, else a finding."""
    extra = fact.extra
    ratio = _printed(doc, fact, cell[0]).ratio(_value(cell))
    if ratio is None:
        return None
    stated = extra["execution_rate" if key == "execution" else "share"]
    decimals, line = extra.get(f"{key}_decimals"), extra.get(f"{key}_line")
    whole = cell[1].values[cell[2]]
    computed = in_unit(fact.value or 0.0, fact.unit, cell[0].unit or doc.unit) / whole * 100
    how = within_rounding(ratio, stated, decimals)
    if how:
        return _rounded_rate("NARRATIVE.SANGONG", fact, how, stated, computed, decimals, line)
    shown = {"what": ITEM_NAMES[item], "item": item, "whole": fmt(whole), "stated": fmt(stated),
             "value": f"{fmt(fact.value or 0)}{fact.unit or ''}", "computed": f"{computed:.2f}"}
    text = zh.format(**shown)
    text_en = en.format(**{**shown, "value": fmt(fact.value or 0)})
    return make_finding("NARRATIVE.SANGONG", [fact_location(fact, line), _location(cell)],
                        {"reported": stated, "computed": round(computed, 2)},
                        **finding_args(text, text_en))


def sangong_years(doc: Document) -> Iterator[Finding]:
    """Each item's stated change and rate against a 三公 table of 上年, 本年 and 增减 blocks:
    one finding per item naming what disagrees."""
    table = doc.table("sangong")
    years = prior_and_current(table) if table is not None else None
    if table is None or years is None:
        return
    prior, current, change = years
    for fact in narrative_facts(doc, *SANGONG):
        role = YEAR_ROLES[SANGONG[fact.concept]]
        now = _cell(doc, current.get(role))
        before, moved = _cell(doc, prior.get(role)), _cell(doc, change.get(role))
        if fact.value is None or now is None or before is None or moved is None \
                or not _same_item(doc, fact, now):
            continue
        finding = _year_finding(doc, fact, (before, now, moved))
        if finding is not None:
            yield finding


def _same_item(doc: Document, fact: Fact, cell: Cell) -> bool:
    """This year's figure of the item, within a last place of the table's (NARRATIVE.TABLE
    tells a figure that is off): the change and rate are of the same money; a figure of other
    money (all funds, a unit's) is not."""
    value = in_unit(fact.value or 0.0, fact.unit, cell[0].unit or doc.unit)
    place = in_unit(10.0 ** -(fact.decimals or 0), fact.unit, cell[0].unit or doc.unit)
    return abs(value - cell[1].values[cell[2]]) <= place + 1e-6 and not _other_year(doc, fact)


def _other_year(doc: Document, fact: Fact) -> bool:
    """The sentence compares with another year than the table's 上年."""
    base = fact.extra.get("base_year")
    return bool(base and doc.year and base != doc.year - 1)


def _year_finding(doc: Document, fact: Fact, cells: tuple[Cell, Cell, Cell]) -> Finding | None:
    before, now, moved = cells
    unit = now[0].unit or doc.unit or "万元"
    prior_value, current_value = before[1].values[before[2]], now[1].values[now[2]]
    exact = current_value - prior_value
    wrong: list[str] = []
    lines: list[int | None] = []
    said_change = _change_off(fact, exact, unit)
    if said_change:
        wrong.append(said_change)
        lines.append(fact.extra.get("change_line"))
    said_rate = _rate_off(fact, exact, prior_value, unit)
    if isinstance(said_rate, str):
        wrong.append(said_rate)
        lines.append(fact.extra.get("rate_line"))
    if not wrong:
        return said_rate  # None, or the info of a rate only rounding explains
    item = ITEM_NAMES[SANGONG[fact.concept]]
    rate = f"，增减率 {abs(exact) / prior_value * 100:.2f}%" if prior_value > 0 else ""
    text = (f"{item}：{now[0].title or '三公经费表'}本年 {fmt(current_value)}、上年 "
            f"{fmt(prior_value)}（{unit}），增减 {fmt(exact)}{rate}；情况说明写" + "，".join(wrong))
    text_en = (f"{SANGONG[fact.concept]}: the table gives this year {fmt(current_value)}, last "
               f"year {fmt(prior_value)} ({exact:+g}); the narrative says " + ", ".join(wrong))
    locations = [fact_location(fact, line) for line in lines]
    locations += [_location(cell) for cell in (now, before, moved)]
    return make_finding("NARRATIVE.SANGONG", locations,
                        {"reported": fact.extra.get("change"), "computed": exact},
                        **finding_args(text, text_en))


def _change_off(fact: Fact, exact: float, unit: str) -> str | None:
    """The stated change, when it is a last place or more from 本年 − 上年 (two figures each
    rounded are less than a place off together); a 持平 read from another figure's words is not
    compared."""
    extra = fact.extra
    if "change" not in extra or extra.get("direction") == "持平":
        return None
    stated = in_unit(extra["change"], extra.get("change_unit") or fact.unit, unit)
    place = in_unit(10.0 ** -(extra.get("change_decimals") or 0),
                    extra.get("change_unit") or fact.unit, unit)
    if abs(stated - exact) < place - 1e-6:
        return None
    word = extra.get("direction") or ("增加" if extra["change"] >= 0 else "减少")
    places = extra.get("change_decimals") or 0
    return f"{word} {abs(extra['change']):.{places}f}{extra.get('change_unit') or fact.unit or ''}"


def _rate_off(fact: Fact, exact: float, prior: float, unit: str) -> str | Finding | None:
    """The stated rate against |本年 − 上年| / 上年 of the table: words for a rate no rounding
    explains, an info finding for one only rounding does, None when it is the rate."""
    extra = fact.extra
    if "rate" not in extra or prior <= 0:
        return None
    stated, decimals = abs(extra["rate"]), extra.get("rate_decimals")
    computed = abs(exact) / prior * 100
    how = within_rounding(Interval(computed, computed), stated, decimals)
    shown = _as_printed(fact, exact, prior, unit)
    if not how and shown is not None and Interval.printed(stated, decimals).meets(
            Interval(shown, shown)):
        how = "rounding"  # the rate of the figures as the narrative prints them
    if how:
        return _rounded_rate("NARRATIVE.SANGONG", fact, how, stated, computed, decimals,
                             extra.get("rate_line"))
    word = extra.get("rate_direction") or ""
    return f"{word} {stated:.{decimals or 0}f}%"


def _as_printed(fact: Fact, exact: float, prior: float, unit: str) -> float | None:
    """|change| / 上年 with both rounded to the places the narrative prints its figures in."""
    places = fact.decimals or 0
    said = fact.unit or unit

    def rounded(value: float) -> float:  # half up, as printed figures are
        return math.floor(in_unit(value, unit, said) * 10 ** places + 0.5 + 1e-9) / 10 ** places

    before, change = rounded(prior), rounded(abs(exact))
    return change / before * 100 if before > 0 else None
