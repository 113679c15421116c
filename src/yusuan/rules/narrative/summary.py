"""The 重要事项 summary table against the work sections it restates: each row's title is the
heading of the section whose points its content repeats."""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher

from yusuan import regexes
from yusuan.model import Document, Fact, Finding, Location
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.narrative.common import finding_args, narrative_facts

register_messages({"NARRATIVE.SUMMARY_TITLE": {"zh": "{text}", "en": "{text_en}"}})

SAME_TITLE = 0.75  # a title this close to a heading is that heading (wording may drift)
OTHER_TITLE = 0.5  # a title this far from the heading names something else
MIN_AGREEING = 2  # rows whose title and content agree before the table's pattern is trusted
_PUNCTUATION = regexes.compile(r"[\s，,。.、；;：:“”\"'‘’*（）()《》]")


def _plain(text: str) -> str:
    return _PUNCTUATION.sub("", text)


def _likeness(a: str, b: str) -> float:
    return SequenceMatcher(None, _plain(a), _plain(b)).ratio()


def restated_section(row: Fact, sections: list[Fact]) -> Fact | None:
    """The section most of whose points the row's content repeats (at least two of them)."""
    content = _plain(str(row.extra.get("content") or ""))
    best, best_hits = None, 0
    for section in sections:
        points = section.extra["points"]
        hits = sum(1 for point in points if _plain(point) and _plain(point) in content)
        if hits >= 2 and hits * 2 >= len(points) and hits > best_hits:
            best, best_hits = section, hits
    return best


@rule("NARRATIVE.SUMMARY_TITLE", category="naming", severity="warning",
      title_zh="重要事项表的标题与所概括的章节一致",
      title_en="A summary-table row is titled like the section it restates")
def summary_titles(doc: Document) -> Iterator[Finding]:
    """A 重要事项 row whose content repeats a work section's points carries that section's
    heading as its title, as the table's other rows do.

    Passes: “一、强化基金监管，守住安全底线。一是开展飞行检查。二是推进智能监控。”; the row
            “1 强化基金监管，守住安全底线 一是开展飞行检查。二是推进智能监控。”.
    Fails:  the same row titled “做好防汛救灾医保保障工作” (a title left over from another year).
    """
    sections = list(narrative_facts(doc, "work_section"))
    pairs = [(row, section) for row in narrative_facts(doc, "work_item")
             if (section := restated_section(row, sections)) is not None]
    agreeing = sum(1 for row, section in pairs if _likeness(row.text, section.text) >= SAME_TITLE)
    if agreeing < MIN_AGREEING:
        return
    for row, section in pairs:
        if _likeness(row.text, section.text) < OTHER_TITLE:
            yield _finding(row, section, agreeing)


def _finding(row: Fact, section: Fact, agreeing: int) -> Finding:
    points = "；".join(section.extra["points"][:3])
    text = (f"重要事项第 {row.extra.get('ordinal')} 项标题为“{row.text}”，但其内容（{points}）是"
            f"“{section.extra['marker']}、{section.text}”一节的内容；表中另有 {agreeing} 项的"
            f"标题与其所概括的章节标题一致，此标题疑为其他年度遗留或误填")
    text_en = (f"summary row {row.extra.get('ordinal')} is titled \"{row.text}\" but restates the "
               f"section \"{section.text}\"; {agreeing} other rows carry their section's heading")
    locations = [Location(row.line, page=row.page, name="work_item"),
                 Location(section.line, page=section.page, name="work_section"),
                 Location(section.extra["point_lines"][0], page=section.page, name="work_point")]
    return make_finding("NARRATIVE.SUMMARY_TITLE", locations,
                        {"title": row.text, "section": section.text}, **finding_args(text, text_en))
