"""TEXT.REPEATED: an item of a list printed twice — 三是主要用于… run on at the end of 二是 and
printed again as its own 三是 — in one cell or one line of text."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages

register_messages({
    "TEXT.REPEATED": {"zh": "同一条目印了两次：“{passage}…”",
                      "en": "One item of a list is printed twice: {passage}…"},
})

# the label of a list item: 一是, （一）, (1), 1. / 1、, 目标1：
ITEM = regexes.compile(r"[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]{1,3}[)）]"
                  r"|(?<![\d.])\d{1,2}[.、．](?!\d)|目标\d{1,2}[：:]")
SAME = 40  # characters after the label that must be the same in both printings
# a cell holds an item twice only with two labels (of two characters at the least) and SAME
# characters after the second: a shorter one (a table's figure or name) is not searched
SHORTEST = 2 * 2 + SAME


def repeated_items(text: str) -> list[str]:
    """The items of `text` (one cell) whose label and first SAME characters appear twice."""
    starts: dict[str, list[int]] = defaultdict(list)
    for match in ITEM.finditer(text):
        starts[match.group(0)].append(match.start())
    found = []
    for label, at in starts.items():
        seen: set[str] = set()
        for start in at:
            passage = text[start:start + len(label) + SAME]
            if len(passage) < len(label) + SAME:
                continue
            if passage in seen:
                found.append(passage)
                break
            seen.add(passage)
    return found


@rule("TEXT.REPEATED", category="missing_content", severity="warning", words=True,
      title_zh="条目未重复印出", title_en="No item of a list printed twice",
      rationale="一是…二是…三是…。三是… : the same item copied twice into one description.")
def items_printed_once(doc: Document) -> Iterator[Finding]:
    """In one cell (or one line of text), no list item — the same label (三是, （三）, 3.,
    目标3：) followed by the same forty characters — is printed twice.

    Passes: 一是开展测绘监管……；二是统筹地质灾害防治……；三是主要用于耕地保护……。
    Fails:  一是……；二是……。三是主要用于耕地保护……。三是主要用于耕地保护……。
    """
    for line in doc.source.lines:
        if len(line.text) < SHORTEST:  # no cell of it is long enough
            continue
        for cell in line.text.split("\t"):
            if len(cell) < SHORTEST:
                continue
            for passage in repeated_items("".join(cell.split())):
                yield make_finding("TEXT.REPEATED", [Location(line.number)],
                                   {"passage": passage}, passage=passage)
