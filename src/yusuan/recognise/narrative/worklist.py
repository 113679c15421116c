"""Work sections of the narrative and the summary table that restates them.

A 工作完成情况 part lists numbered sections ("一、坚持…，确保…。"), each with its points
("一是…。二是…。"); a 重要事项 table then repeats them one row a section: ordinal, title,
content. Both are kept as facts so that a rule can hold each row to the section it restates.
"""

from __future__ import annotations

from yusuan import regexes
from yusuan.model import Fact, Row
from yusuan.recognise.narrative.paragraphs import Paragraph
from yusuan.recognise.narrative.text import TOP_HEADING

_SECTION = regexes.compile(r"^\s*([一二三四五六七八九十]+)、\s*([^。]{4,40})。?\s*$")
# The ordinal must not follow a Han character; the pattern starts at the ordinal itself (not at
# the spaces or asterisks before it), so a long run of spaces is not rescanned from each space.
_POINT = regexes.compile(r"(?<![\u4e00-\u9fff])[一二三四五六七八九十]是[*\s]*([^。；;]{2,60})")
_ORDINAL = regexes.compile(r"^\d{1,2}$")
MIN_POINTS = 2
MIN_CONTENT_CHARS = 8


def work_sections(paragraphs: list[Paragraph]) -> list[Fact]:
    """Sections headed "一、…" whose text lists at least two "一是…" points."""
    sections: list[Fact] = []
    current: Fact | None = None
    for paragraph in paragraphs:
        heading = _SECTION.match(paragraph.text)
        if heading:
            current = Fact("work_section", None, None, paragraph.first_line, "narrative",
                           heading.group(2).strip(), page=paragraph.page,
                           extra={"marker": heading.group(1), "points": [], "point_lines": []})
            sections.append(current)
        elif TOP_HEADING.match(paragraph.text):
            current = None
        elif current is not None:
            _add_points(current, paragraph)
    return [s for s in sections if len(s.extra["points"]) >= MIN_POINTS]


def _add_points(section: Fact, paragraph: Paragraph) -> None:
    for point in _POINT.finditer(paragraph.text):
        section.extra["points"].append(point.group(1).strip())
        section.extra["point_lines"].append(paragraph.line_at(point.start(1)))


def summary_rows(rows: list[Row]) -> list[Fact]:
    """Table rows "ordinal | title | content…" with a worded title, in any table layout."""
    facts = []
    for row in rows:
        cells = [cell for cell in row.cells if cell.text.strip()]
        if len(cells) < 3 or not _ORDINAL.match(cells[0].text.strip()) \
                or not _worded(cells[1].text) \
                or not _worded(" ".join(c.text for c in cells[2:]), MIN_CONTENT_CHARS):
            continue
        title = cells[1]
        facts.append(Fact("work_item", None, None, title.line, "narrative", title.text.strip(),
                          page=title.page, extra={"ordinal": int(cells[0].text),
                                                  "content": " ".join(c.text for c in cells[2:])}))
    return facts


def _worded(text: str, least: int = 4) -> bool:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text) >= least
