"""The glossary (名词解释): each term's definition, and the functional items it explains."""

from __future__ import annotations

import re

from yusuan.model import Fact
from yusuan.recognise.narrative.concepts import functional_item
from yusuan.recognise.narrative.paragraphs import Paragraph
from yusuan.recognise.narrative.text import HEADING

_GLOSSARY = "名词解释"
_ITEMS_INTRO = re.compile(r"功能分类科目")
_CHINESE_MARKER = re.compile(r"^\s*[（(]?[一二三四五六七八九十]+[)）、]")


def is_glossary(paragraph: Paragraph) -> bool:
    return _GLOSSARY in paragraph.context


def glossary_facts(paragraphs: list[Paragraph]) -> list[Fact]:
    """Facts for the glossary paragraphs: 'glossary_term' and 'glossary_item' (value None)."""
    facts: list[Fact] = []
    in_items = False
    for paragraph in paragraphs:
        if not is_glossary(paragraph):
            in_items = False
            continue
        text = paragraph.text
        if _CHINESE_MARKER.match(text):
            in_items = bool(_ITEMS_INTRO.search(text))
        item = functional_item(re.split(r"[：:]|，?反映", text)[0])
        if item or (in_items and not _CHINESE_MARKER.match(text)):
            facts.append(_item_fact(paragraph, item))
        elif "：" in text or ":" in text:
            term, _, definition = re.split(r"([：:])", text, maxsplit=1)
            facts.append(Fact("glossary_term", None, None, paragraph.first_line, "narrative",
                              text, None, paragraph.page,
                              {"term": _strip_marker(term), "definition": definition}))
    return facts


def _item_fact(paragraph: Paragraph, item: dict[str, object] | None) -> Fact:
    text = paragraph.text
    head = re.split(r"[：:]|，反映", text)[0]
    extra: dict[str, object] = dict(item or {"name": _strip_marker(head)})
    extra["label"] = _strip_marker(head)
    return Fact("glossary_item", None, None, paragraph.first_line, "narrative", text, None,
                paragraph.page, extra)


def _strip_marker(text: str) -> str:
    match = HEADING.match(text)
    return (text[match.end():] if match else text).strip()
