"""NARRATIVE.LEFTOVER: what the writer of the template left for the department to fill in, or
to choose, and the department left as it was."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from yusuan import regexes
from yusuan.model import Document, Finding, Location
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import blank_form, lines_in_tables, paragraphs
from yusuan.rules.engine.messages import register_messages

register_messages({
    "NARRATIVE.LEFTOVER": {
        "zh": "{what}：{examples}",
        "en": "{what_en}: {examples}",
    },
})

_DIRECTIONS = r"增加|减少|增长|下降|持平|上升|降低"
REASON = regexes.compile(r"(?:主要)?原因(?:是|为)[:：]?\s*[。；;]")
# (what is left, in Chinese and English, the pattern that shows it)
LEFTOVERS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("模板占位符未填写", "template placeholder left unfilled",
     regexes.compile(r"(?:(?<=[\u4e00-\u9fff“（(，,：:])|^)(?:[Xx×]{2,}|x,xxx)"
                r"(?=[\u4e00-\u9fff”）)，,。；;：:]|$|\s*万?元)")),
    ("增减方向未选定", "the direction of a change left open",
     regexes.compile(rf"(?:{_DIRECTIONS})[（(](?:{_DIRECTIONS})[)）]")),
    ("原因未填写", "the reason left empty",
     REASON),
    ("编辑提示未删除", "an editing note left in the text",
     regexes.compile(r"[（(](?:增加内容|新增内容|待补充|待填写|此处[^）)]{0,20}|若无[^）)]{0,30})[)）]")),
    ("填写说明未删除", "a filling-in instruction left in the text",
     regexes.compile(r"(?:[（(]|^)[^（(）)]{0,60}(?:填写|填列|填报)[^（(）)]{0,10}[)）]")),
    ("标点重复", "doubled punctuation",
     regexes.compile(r"[，,]\s*[。，,]|。\s*[。，,]|、\s*、|；\s*；")),
    ("文字重复", "words printed twice in a row",
     regexes.compile(r"([\u4e00-\u9fff]{5,}[：:，,])\1|的的(?!确)")),
)
# what a line must hold for each pattern above to find anything in it (the patterns are tried
# on the lines that hold one of these; None: on every line)
NEEDED: tuple[tuple[str, ...] | None, ...] = (
    ("X", "x", "×"), ("（", "("), ("原因",), ("（", "("), ("填写", "填列", "填报"), None, None)
# a reason announced at the end of a line whose next line starts something else
OPEN_REASON = regexes.compile(r"(?:主要)?原因(?:是|为)[:：]?\s*$")
NEXT_PART = regexes.compile(r"^\s*(?:其中|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])")
MAX_CITED = 6


@rule("NARRATIVE.LEFTOVER", category="missing_content", severity="warning",
      title_zh="模板遗留未改", title_en="Template leftovers in the text")
def template_leftovers(doc: Document) -> Iterator[Finding]:
    """Placeholders (XX局, XX万元), choices left open (增加（减少）), empty reasons
    (主要原因是。, or 主要原因是 at a line's end with 其中：1. below), editing notes ((增加内容)),
    filling-in instructions (（按“…06表”中实际发生经济分类支出事项填写）), doubled punctuation
    (，。), and a clause printed twice in a row (…部门预算包括：…部门预算包括：; not a name:
    a project may be named after its unit twice) or 的的, once per kind
    at every line that holds one; a blank template (tables without a figure, text
    without a figure of its own: 单价100万元以上 is a threshold) is not judged.

    Passes: 2026年本局“三公”经费预算12.30万元，比上年减少1.20万元，主要原因是压减公务接待。
    Fails:  2026年XX局“三公”经费预算XX万元，比上年增加（减少）1.20万元，主要原因是。。
    """
    if blank_form(doc.tables) and not any(fact.value and fact.concept != "amount"
                                          for fact in doc.facts):
        return
    in_tables = lines_in_tables(doc)
    text_lines = [line for line in doc.source.lines if line.number not in in_tables]
    for (what, what_en, pattern), needed in zip(LEFTOVERS, NEEDED, strict=True):
        hits = [(line.number, match.group(0)) for line in text_lines
                if needed is None or any(part in line.text for part in needed)
                for match in pattern.finditer(line.text)]
        if pattern is REASON:
            hits += [(line.number, line.text.strip()[-6:]) for line, after
                     in pairwise(text_lines) if "原因" in line.text
                     and OPEN_REASON.search(line.text) and NEXT_PART.match(after.text)]
        if not hits:
            continue
        examples = "、".join(dict.fromkeys(f"“{text.strip()}”" for _, text in hits[:MAX_CITED]))
        lines = list(dict.fromkeys(number for number, _ in hits))
        yield make_finding("NARRATIVE.LEFTOVER", [Location(n) for n in lines],
                           {"count": len(hits)}, what=what, what_en=what_en, examples=examples)


register_messages({
    "NARRATIVE.COPIED_REASON": {
        "zh": "“{name}”一项的说明照抄了“{other}”一项：“{reason}”",
        "en": "The item {name} is explained with the words of the item {other}: {reason}",
    },
})

# a numbered item of a list: "2.政府性基金预算财政拨款收入 0 万元，<its explanation>"
LIST_ITEM = regexes.compile(r"^\s*(?P<number>\d{1,2})\s*[.．、]\s*(?P<name>[\u4e00-\u9fff（）()]{2,20}?)\s*"
                       r"-?[\d,]+(?:\.\d+)?\s*(?:万元|元|亿元)\s*[，,]\s*(?P<reason>.+)$")
MIN_REASON = 8


@rule("NARRATIVE.COPIED_REASON", category="missing_content", severity="warning",
      title_zh="分项说明未照抄他项", title_en="No item explained with another item's words")
def copied_reasons(doc: Document) -> Iterator[Finding]:
    """In a numbered list of amounts (1.一般公共预算财政拨款收入 … 7.其他收入 …), an item whose
    explanation is word for word another item's, naming that item and not itself, kept the
    words of the item it was copied from.

    Passes: 2.政府性基金预算财政拨款收入 0 万元，今年无政府性基金预算财政拨款收入。3.上级补助收入 0 万元，今年无上级补助收入。
    Fails:  2.政府性基金预算财政拨款收入 0 万元，今年无上级补助收入。3.上级补助收入 0 万元，今年无上级补助收入。
    """
    for items in _numbered_lists(doc):
        for name, reason, line in items:
            source = next((other for other in items if other[1] == reason and other[0] != name
                           and other[0] in reason and name not in reason
                           and other[0] not in name), None)
            if source is None or len(reason) < MIN_REASON:
                continue
            yield make_finding("NARRATIVE.COPIED_REASON", [Location(line), Location(source[2])],
                               {}, name=name, other=source[0], reason=reason.rstrip("。"))


def _numbered_lists(doc: Document) -> Iterator[list[tuple[str, str, int]]]:
    """Runs of numbered paragraphs 1, 2, 3 …: (name, explanation without blanks, line)."""
    run: list[tuple[str, str, int]] = []
    last = 0
    for paragraph in paragraphs(doc):  # built once for the rules of a check
        match = LIST_ITEM.match(paragraph.text)
        number = int(match.group("number")) if match else 0
        if match is None or number != last + 1:
            if len(run) > 1:
                yield run
            run = []
        if match is not None and (number == 1 or number == last + 1):
            run.append((match.group("name"), "".join(match.group("reason").split()),
                        paragraph.first_line))
            last = number
        else:
            last = 0
    if len(run) > 1:
        yield run
