"""A 合计 written after the parts it adds ("…缺口约 105,041.04 万元；…尾款 4,980.53 万元；…新增经费
2,461.86 万元，合计履职类项目预算增加 111,912.44 万元"): the figures of the clauses before it,
back to the start of the statement, add up to it. NARRATIVE.PARTS reports it."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.model import Document, Finding, Location
from yusuan.recognise.narrative.mentions import Mention, find_mentions
from yusuan.recognise.narrative.paragraphs import Paragraph
from yusuan.rules.engine import make_finding
from yusuan.rules.engine.common import paragraphs
from yusuan.rules.engine.tolerance import Printed, Verdict, compare_sum
from yusuan.rules.narrative.common import finding_args, fmt

_TOTAL = regexes.compile(r"^[，,]?\s*(?:合计|共计|总计)")
# where a statement starts: a sentence's end, a colon, an ordinal ("一是", "（二）")
_START = regexes.compile(r"[。：:]|[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]+[)）]")
# words that make the figures before a 合计 something other than its parts
_NOT_PARTS = regexes.compile(r"其中|比上年|较上年|同比|上年|[比较与]\s*\d{4}\s*年|减少|下降|降低|节约|占")
# an approximate figure: 约/近/超/逾 before it
_ABOUT_BEFORE = regexes.compile(r"(?:约|近|超|逾|大约|接近)\s*$")
CENTS = 2  # a figure printed to the cent is no estimate, whatever word stands before it


@dataclass(frozen=True, slots=True)
class _Total:
    """A 合计 in a paragraph and the figures before it that should add up to it."""

    paragraph: Paragraph
    total: Mention
    parts: list[Mention]


def totals_after_parts(doc: Document) -> Iterator[Finding]:
    """A 合计 that the figures listed before it do not make."""
    for paragraph in paragraphs(doc):
        if not any(word in paragraph.text for word in ("合计", "共计", "总计")):
            continue
        for stated in _stated_totals(paragraph):
            finding = _compare(stated)
            if finding is not None:
                yield finding


def _stated_totals(paragraph: Paragraph) -> Iterator[_Total]:
    text = paragraph.text
    mentions = [m for m in find_mentions(paragraph) if not m.is_percent]
    for index, mention in enumerate(mentions):
        if index < 2 or not _TOTAL.match(mention.label) or mention.unit is None:
            continue
        start = max((m.end() for m in _START.finditer(text, 0, mention.start)), default=0)
        parts = [m for m in mentions[:index] if m.start >= start]
        span = text[start:mention.start]
        if len(parts) < 2 or _NOT_PARTS.search(span) or any(
                m.unit != mention.unit or _TOTAL.match(m.label) for m in parts):
            continue
        if any(_estimate(text, m) for m in [*parts, mention]):
            continue
        yield _Total(paragraph, mention, parts)


def _estimate(text: str, mention: Mention) -> bool:
    """A figure the text gives as an estimate ('约10亿元'), unless printed to the cent: an
    estimate is rounded, and a figure to the cent is not."""
    return bool(_ABOUT_BEFORE.search(text[:mention.start])) and mention.decimals < CENTS


def _compare(stated: _Total) -> Finding | None:
    total = Printed(stated.total.value, stated.total.decimals)
    parts = [Printed(m.value, m.decimals) for m in stated.parts]
    result = compare_sum(total, parts)
    if result.verdict is Verdict.EQUAL:
        return None
    unit = stated.total.unit or ""
    names = "、".join(f"{fmt(m.value)}" for m in stated.parts)
    label = stated.total.label.lstrip("，, ")
    text = (f"所列 {names}{unit} 相加为 {fmt(result.computed)}{unit}，句中却写“{label}"
            f"{fmt(stated.total.value)}{unit}”，相差 {fmt(result.difference)}")
    text_en = (f"the figures listed ({names}) add up to {fmt(result.computed)}, but the sentence "
               f"gives {fmt(stated.total.value)} as their total")
    about = [m for m in stated.parts if _ABOUT_BEFORE.search(stated.paragraph.text[:m.start])]
    if about:
        text += f"（“约”{fmt(about[0].value)}印到分位，不是估数）"
        text_en += f" (the 约 {fmt(about[0].value)} is printed to the cent: no estimate)"
    lines: list[int] = []
    for mention in [*stated.parts, stated.total]:
        if mention.line not in lines:
            lines.append(mention.line)
    rounding = result.verdict is Verdict.ROUNDING
    return make_finding("NARRATIVE.PARTS", [Location(line, page=stated.paragraph.page)
                                            for line in lines],
                        {"reported": stated.total.value, "computed": round(result.computed, 4),
                         "difference": result.difference},
                        severity="info" if rounding else None,
                        category="rounding" if rounding else None,
                        **finding_args(text, text_en))
