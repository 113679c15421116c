"""NARRATIVE.PROCUREMENT_PART: the 中小企业 and 小微企业 contract amounts of a 政府采购 statement
are parts of its whole ("政府采购支出总额 1967.42 万元…授予中小企业合同金额 1820.69 万元…其中：
授予小微企业合同金额 1015.5 万元"), never larger than it."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.model import Document, Fact, Finding
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.engine.tolerance import Interval
from yusuan.rules.narrative.common import fact_location, finding_args, fmt, in_unit, narrative_facts

register_messages({"NARRATIVE.PROCUREMENT_PART": {"zh": "{text}", "en": "{text_en}"}})

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
    part of the 中小企业 one (else of the total): neither is larger than its whole.

    Passes: 政府采购支出总额 100.00万元…授予中小企业合同金额 80.00万元，其中：授予小微企业合同金额 50.00万元。
    Fails:  政府采购支出总额 100.00万元…授予中小企业合同金额 120.00万元。
    """
    facts = [f for f in narrative_facts(doc) if f.value is not None and f.unit in MONEY_UNITS]
    for index, part in enumerate(facts):
        if part.concept not in WHOLES:
            continue
        whole = _whole(facts[:index], part)
        if whole is not None and _larger(part, whole):
            yield _finding(part, whole)


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


def _printed(fact: Fact, unit: str | None) -> Interval:
    shift = {"元": 0, "万元": 4, "亿元": 8}
    decimals = (fact.decimals or 0) + shift.get(unit or "万元", 4) - shift.get(fact.unit or "万元", 4)
    return Interval.printed(in_unit(fact.value or 0.0, fact.unit, unit), max(decimals, 0))


def _larger(part: Fact, whole: Fact) -> bool:
    """The part exceeds its whole beyond what rounding of either may explain."""
    return _printed(part, whole.unit).low > _printed(whole, whole.unit).high + 1e-9


def _finding(part: Fact, whole: Fact) -> Finding:
    text = (f"{NAMES[part.concept]} {fmt(part.value or 0)}{part.unit}，大于它所属的"
            f"{NAMES[whole.concept]} {fmt(whole.value or 0)}{whole.unit}：部分不能大于整体")
    text_en = (f"the {NAMES_EN[part.concept]} {fmt(part.value or 0)} is larger than the "
               f"{NAMES_EN[whole.concept]} {fmt(whole.value or 0)} it is part of")
    return make_finding("NARRATIVE.PROCUREMENT_PART", [fact_location(whole), fact_location(part)],
                        {"reported": part.value, "computed": whole.value},
                        **finding_args(text, text_en))
