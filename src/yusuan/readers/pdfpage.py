"""One PDF page (pdfplumber) → blocks in reading order: text lines and ruled tables as cell rows.

Text outside the tables is rebuilt from words: words on one baseline make a line, a gap of
more than 1.5 em between two words becomes two or more spaces (so an unruled table keeps its
columns apart for the aligned-columns layout), and the spaces letter-spacing puts between
single Han characters are removed.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from yusuan.readers.grid import cell_text, is_blank_row, unspace_letters

BAD_SHARE = 0.3
WIDE_GAP_EM = 1.5
TIGHT_GAP_EM = 0.15


@dataclass(slots=True)
class TextBlock:
    top: float
    text: str


@dataclass(slots=True)
class GridBlock:
    top: float
    rows: list[list[str]] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


Block = TextBlock | GridBlock


def page_state(page: Any) -> str:
    """'ok' for a text page, 'scan' for an image-only page, 'garbage' for unusable text, 'empty'."""
    chars = page.chars
    if not chars:
        return "scan" if page.images else "empty"
    bad = sum(1 for char in chars if _is_bad(char["text"]))
    if bad > BAD_SHARE * len(chars):
        return "garbage"
    return "ok"


def _is_bad(text: str) -> bool:
    if text.startswith("(cid:"):
        return True
    return any(ord(ch) < 32 or 0xE000 <= ord(ch) <= 0xF8FF or ch == "\ufffd" for ch in text)


def page_blocks(page: Any) -> list[Block]:
    """The page's text lines and ruled tables, ordered top to bottom."""
    tables = [table for table in page.find_tables() if _is_grid(table)]
    blocks: list[Block] = []
    for table in tables:
        rows = [[cell_text(cell) for cell in row] for row in table.extract()]
        rows = [row for row in rows if not is_blank_row(row)]
        if rows:
            blocks.append(GridBlock(top=table.bbox[1], rows=rows))
    boxes = [table.bbox for table in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    blocks.extend(text_lines(outside))
    blocks.sort(key=lambda block: block.top)
    return blocks


def _is_grid(table: Any) -> bool:
    """A ruled table with at least two columns (a one-column box is a framed paragraph)."""
    rows = table.rows
    return bool(rows) and max(len(row.cells) for row in rows) >= 2


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def text_lines(page: Any) -> list[TextBlock]:
    words = page.extract_words(x_tolerance=3, y_tolerance=3, keep_blank_chars=False,
                               use_text_flow=False, extra_attrs=["size"])
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda item: (round(item["top"]), item["x0"])):
        if lines and _same_line(lines[-1], word):
            lines[-1].append(word)
        else:
            lines.append([word])
    blocks = []
    for line in lines:
        line.sort(key=lambda item: item["x0"])
        text = join_words(line)
        if text.strip():
            blocks.append(TextBlock(top=min(word["top"] for word in line), text=text))
    return blocks


def _same_line(line: list[dict[str, Any]], word: dict[str, Any]) -> bool:
    last = line[-1]
    height = min(last["bottom"] - last["top"], word["bottom"] - word["top"]) or 1.0
    middle = (word["top"] + word["bottom"]) / 2
    return last["top"] - 0.2 * height <= middle <= last["bottom"] + 0.2 * height


def join_words(words: list[dict[str, Any]]) -> str:
    """Join a line's words: tight gaps nothing, word gaps one space, column gaps 2+ spaces."""
    parts = [words[0]["text"]]
    for previous, word in itertools.pairwise(words):
        em = max(float(word.get("size") or 0), float(previous.get("size") or 0), 1.0)
        gap = word["x0"] - previous["x1"]
        if gap < TIGHT_GAP_EM * em:
            parts.append("")
        elif gap < WIDE_GAP_EM * em:
            parts.append(" ")
        else:
            parts.append(" " * max(2, round(gap / em)))
        parts.append(word["text"])
    return unspace_letters("".join(parts))


PAGE_NUMBER = re.compile(r"^[-—–\s]*(第\s*)?\d{1,4}\s*(页)?\s*([/共]\s*\d{1,4}\s*页?)?[-—–\s]*$")
CONTINUED = re.compile(r"^\s*(续表|（续）|\(续\)|续\s*$)|[（(]续[)）]\s*$")
