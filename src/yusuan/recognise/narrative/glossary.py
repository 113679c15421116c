"""The glossary (名词解释): each term's definition, and the functional items it explains."""

from __future__ import annotations

from array import array
from collections import Counter
from dataclasses import replace

from yusuan import regexes
from yusuan.model import Fact, Line, Source
from yusuan.recognise.narrative.concepts import functional_item
from yusuan.recognise.narrative.paragraphs import Paragraph
from yusuan.recognise.narrative.text import HEADING

_GLOSSARY = "名词解释"
_ITEMS_INTRO = regexes.compile(r"功能分类科目")
_CHINESE_MARKER = regexes.compile(r"^\s*[（(]?[一二三四五六七八九十]+[)）、]")
_LEVEL_MARK = regexes.compile(r"[（(]\s*[类款]\s*[)）]")
_PARENT_KEYS = ("class", "class_code", "kuan")
RUNNING_HEAD_PAGES = 3


def is_glossary(paragraph: Paragraph) -> bool:
    return _GLOSSARY in paragraph.context


def glossary_facts(paragraphs: list[Paragraph], source: Source | None = None) -> list[Fact]:
    """Facts for the glossary paragraphs: 'glossary_term' and 'glossary_item' (value None).

    An item written under a 类/款 entry of its own ("四、…（类）…（款）：…" then "行政运行（项）：…")
    carries that entry's 类 and 款."""
    facts: list[Fact] = []
    in_items = False
    parent: dict[str, object] = {}
    heads = running_heads(source) if source is not None else set()
    for paragraph in _glossary_paragraphs(paragraphs, heads):
        text = paragraph.text
        if _CHINESE_MARKER.match(text):
            in_items = bool(_ITEMS_INTRO.search(text))
            parent = {}
        item = functional_item(regexes.split(r"[：:]|，?反映", text)[0])
        if item and set(item) & {"class", "kuan"} and "items" not in item:
            parent = {key: item[key] for key in _PARENT_KEYS if key in item}
            parent["parent_line"] = paragraph.first_line
        elif item and "items" in item and not set(item) & {"class", "kuan"}:
            item = {**item, **parent}
        if item or (in_items and not _CHINESE_MARKER.match(text)):
            facts.append(_item_fact(paragraph, item))
        elif "：" in text or ":" in text:
            term, _, definition = regexes.split(r"([：:])", text, maxsplit=1)
            facts.append(Fact("glossary_term", None, None, paragraph.first_line, "narrative",
                              text, None, paragraph.page,
                              {"term": _strip_marker(term), "definition": definition}))
    return facts


def _glossary_paragraphs(paragraphs: list[Paragraph], heads: set[int]) -> list[Paragraph]:
    """The glossary's paragraphs, an entry whose 类/款 heading wraps onto the next line joined
    to it: "四、一般公共服务（类）政府办公厅（室）及相关机构" + "事务（款）：指…" (the
    wrapped first line reads as a heading, so the entries below it lose 名词解释 from their
    headings; they stay in the glossary while their heading is such an entry)."""
    out: list[Paragraph] = []
    inside = False
    for paragraph in paragraphs:
        inside = is_glossary(paragraph) or (inside and _is_entry_heading(paragraph.top))
        if not inside:
            continue
        before = out[-1] if out else None
        if (before is not None and before.text == paragraph.top and not _has_colon(before.text)
                and not _CHINESE_MARKER.match(paragraph.text)):
            rest = _without_lines(paragraph, heads)
            out[-1] = replace(before, text=before.text + rest.text, lines=before.lines + rest.lines)
            continue
        out.append(paragraph)
    return out


def running_heads(source: Source) -> set[int]:
    """The lines that open a page with the words that open several other pages: a running
    head ("无锡市信访局 2025 年度部门预算公开") the wrapped text runs across."""
    openers: dict[int, Line] = {}
    for line in source.lines:
        if line.page is not None and line.page not in openers and line.text.strip():
            openers[line.page] = line
    counts = Counter("".join(line.text.split()) for line in openers.values())
    return {line.number for line in openers.values()
            if counts["".join(line.text.split())] >= RUNNING_HEAD_PAGES}


def _without_lines(paragraph: Paragraph, drop: set[int]) -> Paragraph:
    """The paragraph without the characters of the lines `drop`."""
    if not drop or not drop.intersection(paragraph.lines):
        return paragraph
    kept = [i for i, number in enumerate(paragraph.lines) if number not in drop]
    return replace(paragraph, text="".join(paragraph.text[i] for i in kept),
                   lines=array("i", (paragraph.lines[i] for i in kept)))


def _is_entry_heading(heading: str) -> bool:
    return bool(_CHINESE_MARKER.match(heading) and _LEVEL_MARK.search(heading))


def _has_colon(text: str) -> bool:
    return "：" in text or ":" in text


def _item_fact(paragraph: Paragraph, item: dict[str, object] | None) -> Fact:
    text = paragraph.text
    head = regexes.split(r"[：:]|，反映", text)[0]
    extra: dict[str, object] = dict(item or {"name": _strip_marker(head)})
    extra["label"] = _strip_marker(head)
    return Fact("glossary_item", None, None, paragraph.first_line, "narrative", text, None,
                paragraph.page, extra)


def _strip_marker(text: str) -> str:
    match = HEADING.match(text)
    return (text[match.end():] if match else text).strip()
