"""What a 类 figure is said to be spent on: "卫生健康（类）支出 …万元。主要用于甲、乙、丙。"

The purposes are kept on the class fact (`extra["uses"]`, `extra["uses_line"]`) so that rules
can hold them against the subjects the tables carry.
"""

from __future__ import annotations

from yusuan import regexes
from yusuan.model import Fact
from yusuan.recognise.narrative.paragraphs import Paragraph

_USES = regexes.compile(r"主要(?:是)?用于[：:]?\s*([^。；;]+)")
_SEPARATORS = regexes.compile(r"[、，,]")
_TRAILING = regexes.compile(r"(?:等(?:方面)?(?:的?支出)?|方面(?:的?支出)?)$")


def attach_uses(paragraph: Paragraph, facts: list[Fact]) -> None:
    """Give each class-level functional fact of `paragraph` the purposes printed after it."""
    text = paragraph.text
    classes = [(text.find(f.text), f) for f in facts
               if f.concept == "functional_item" and f.extra.get("class_code")
               and not f.extra.get("items") and not f.extra.get("kuan") and f.text in text]
    classes.sort(key=lambda pair: pair[0])
    for index, (start, fact) in enumerate(classes):
        end = classes[index + 1][0] if index + 1 < len(classes) else len(text)
        found = _USES.search(text, start + len(fact.text), end)
        if found:
            fact.extra["uses"] = purposes(found.group(1))
            fact.extra["uses_line"] = paragraph.line_at(found.start(1))


def purposes(listed: str) -> list[str]:
    """'甲、乙和丙等' → the listed purposes, without the closing 等."""
    items = [_TRAILING.sub("", part.strip()) for part in _SEPARATORS.split(listed)]
    return [item for item in items if item]
