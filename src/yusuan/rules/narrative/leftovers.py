"""NARRATIVE.LEFTOVER: what the writer of the template left for the department to fill in, or
to choose, and the department left as it was."""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan.model import Document, Finding, Location
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import blank_form, lines_in_tables
from yusuan.rules.engine.messages import register_messages

register_messages({
    "NARRATIVE.LEFTOVER": {
        "zh": "{what}：{examples}",
        "en": "{what_en}: {examples}",
    },
})

_DIRECTIONS = r"增加|减少|增长|下降|持平|上升|降低"
# (what is left, in Chinese and English, the pattern that shows it)
LEFTOVERS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("模板占位符未填写", "template placeholder left unfilled",
     re.compile(r"(?:(?<=[\u4e00-\u9fff“（(，,：:])|^)(?:[Xx×]{2,}|x,xxx)"
                r"(?=[\u4e00-\u9fff”）)，,。；;：:]|$|\s*万?元)")),
    ("增减方向未选定", "the direction of a change left open",
     re.compile(rf"(?:{_DIRECTIONS})[（(](?:{_DIRECTIONS})[)）]")),
    ("原因未填写", "the reason left empty",
     re.compile(r"(?:主要)?原因(?:是|为)[:：]?\s*[。；;]")),
    ("编辑提示未删除", "an editing note left in the text",
     re.compile(r"[（(](?:增加内容|新增内容|待补充|待填写|此处[^）)]{0,20}|若无[^）)]{0,30})[)）]")),
    ("句号重复", "a doubled full stop", re.compile(r"。\s*。")),
)
MAX_CITED = 6


@rule("NARRATIVE.LEFTOVER", category="missing_content", severity="warning",
      title_zh="模板遗留未改", title_en="Template leftovers in the text")
def template_leftovers(doc: Document) -> Iterator[Finding]:
    """Placeholders (XX局, XX万元), choices left open (增加（减少）), empty reasons
    (主要原因是。), editing notes ((增加内容)) and doubled full stops, once per kind at every
    line that holds one; a blank template (tables without a figure) is not judged.

    Passes: 2026年本局“三公”经费预算12.30万元，比上年减少1.20万元，主要原因是压减公务接待。
    Fails:  2026年XX局“三公”经费预算XX万元，比上年增加（减少）1.20万元，主要原因是。。
    """
    if blank_form(doc.tables):
        return
    in_tables = lines_in_tables(doc)
    text_lines = [line for line in doc.source.lines if line.number not in in_tables]
    for what, what_en, pattern in LEFTOVERS:
        hits = [(line.number, match.group(0)) for line in text_lines
                for match in pattern.finditer(line.text)]
        if not hits:
            continue
        examples = "、".join(dict.fromkeys(f"“{text.strip()}”" for _, text in hits[:MAX_CITED]))
        lines = list(dict.fromkeys(number for number, _ in hits))
        yield make_finding("NARRATIVE.LEFTOVER", [Location(n) for n in lines],
                           {"count": len(hits)}, what=what, what_en=what_en, examples=examples)
