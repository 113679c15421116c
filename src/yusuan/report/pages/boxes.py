"""Where a cited figure stands on its PDF page: the box around its characters.

A location cites a page and a line within it as `yusuan text` numbers them, and the line's
text as the reader gave it. The page is read again with the reader's own pieces (PDFium's
characters and rulings, the ruled tables and the text lines rebuilt from them), this time
keeping each line's characters: the reader's line with the same text is the cited one (the
one nearest the cited line number when several lines read alike), and in it the quoted
figure's characters are found — in the cited TAB cell for a table row, by their text in a
line of prose. Without a figure (a row or table cited as a whole) the box is the line's.

A box is the joint box of PDFium's own char boxes of those characters, in PDF user space
(points, y upwards, as annotations take them): `Box(left, bottom, right, top)`. (The reader's
character boxes run from the font's descent up one em, which for some fonts lies well below
the glyphs; PDFium's char boxes hug them.)
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from yusuan.kept.dataclass_code import dataclass
from yusuan.readers.grid import cell_text, is_blank_row
from yusuan.readers.normalise import normalise_line
from yusuan.readers.pdfchars import (
    _BREAKS,
    Char,
    dominant_direction,
    page_codes,
    place,
    raw_chars,
    shown,
)
from yusuan.readers.pdfobjects import Frame, calls, handle, read_objects
from yusuan.readers.pdftables import cell_chars, find_tables
from yusuan.readers.pdfwords import (
    chars_to_words,
    cluster_tops,
    join_words,
    plain_text,
    words_to_lines,
)


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in PDF user space: points, y growing upwards."""

    left: float
    bottom: float
    right: float
    top: float


@dataclass(frozen=True, slots=True)
class Cited:
    """What one location points at: `page` (1-based), `line` within the page as `yusuan text`
    numbers it, that line's `text` as the reader gave it, the quoted `figure` as printed (None
    for the line as a whole) and, for a table row, the TAB `cell` that holds it."""

    page: int
    line: int
    text: str
    figure: str | None = None
    cell: int | None = None


@dataclass(slots=True)
class PageLine:
    """A line the reader builds on a page, with each TAB cell's characters (one cell for a
    line of prose)."""

    text: str
    cells: list[list[Char]]


def cited_boxes(path: str | Path, cited: Sequence[Cited]) -> list[Box | None]:
    """The box of each cited figure (None where it is not found), reading each cited page once."""
    from yusuan.readers.pdf import pypdfium2_document

    out: list[Box | None] = [None] * len(cited)
    by_page: dict[int, list[int]] = {}
    for index, item in enumerate(cited):
        by_page.setdefault(item.page, []).append(index)
    with pypdfium2_document(path) as document:
        for number, indexes in sorted(by_page.items()):
            if not 1 <= number <= len(document):
                continue
            found = boxes_on_page(document[number - 1], [cited[i] for i in indexes])
            for index, box in zip(indexes, found, strict=True):
                out[index] = box
    return out


def boxes_on_page(page: Any, cited: Sequence[Cited]) -> list[Box | None]:
    """The box of each cited figure on one open pypdfium2 page: the joint box of PDFium's
    char boxes of its characters."""
    textpage = page.get_textpage()
    try:
        chars, frame, indexes = indexed_chars(page, textpage)
        lines = page_lines(chars, read_objects(page, frame).edges)
        out: list[Box | None] = []
        for item in cited:
            found = figure_chars(lines, item)
            out.append(char_box(textpage, [indexes[id(char)] for char in found]) if found else None)
    finally:
        textpage.close()
    return out


def indexed_chars(page: Any, textpage: Any) -> tuple[list[Char], Frame, dict[int, int]]:
    """The page's characters as the reader places them (`pdfchars.read_text`), its frame, and
    each character's index in PDFium's text page (by the character's id)."""
    pdfium, raw_page = calls(), handle(textpage.raw)
    generated = pdfium.FPDFText_IsGenerated
    kept = [index for index, code in enumerate(page_codes(pdfium, raw_page))
            if not (code in _BREAKS and generated(raw_page, index))]  # as raw_chars skips them
    raw = raw_chars(textpage)
    upright = [k for k, char in enumerate(raw) if shown(char)]
    frame = Frame(tuple(page.get_mediabox()), dominant_direction([raw[k] for k in upright]))
    chars = place([raw[k] for k in upright], frame)
    return chars, frame, {id(char): kept[k] for char, k in zip(chars, upright, strict=True)}


def char_box(textpage: Any, indexes: Sequence[int]) -> Box | None:
    """The joint box of PDFium's char boxes of the characters (user space)."""
    boxes = [textpage.get_charbox(index) for index in indexes]
    boxes = [box for box in boxes if box[2] > box[0] or box[3] > box[1]]
    if not boxes:
        return None
    return Box(min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
               max(b[3] for b in boxes))


def page_lines(chars: Sequence[Char], edges: Sequence[Any]) -> list[PageLine]:
    """The page's lines as the reader builds them (`pdfpage.page_blocks`), top to bottom, with
    their characters: each ruled table's rows cell by cell, then the text lines outside them."""
    tables = [table for table in find_tables(edges) if len(table.columns) >= 2]
    placed: list[tuple[float, PageLine]] = []
    for table in tables:
        found = cell_chars(table, chars)
        for row in table.rows():
            cell_lists = [found.get(cell, []) if cell else [] for cell in row]
            texts = [cell_text(plain_text(cell)) for cell in cell_lists]
            if not is_blank_row(texts):
                top = min((cell[1] for cell in row if cell), default=table.bbox[1])
                placed.append((top, PageLine("\t".join(texts), cell_lists)))
    boxes = [table.bbox for table in tables]
    outside = [char for char in chars if not _in_any(char, boxes)]
    for words in words_to_lines(chars_to_words(outside)):
        text = join_words(words)
        if text.strip():
            top, bottom = min(w.top for w in words), max(w.bottom for w in words)
            left, right = min(w.x0 for w in words), max(w.x1 for w in words)
            line_chars = [c for c in outside if top <= (c.top + c.bottom) / 2 <= bottom
                          and left <= (c.x0 + c.x1) / 2 <= right and not c.text.isspace()]
            placed.append((top, PageLine(text, [line_chars])))
    placed.sort(key=lambda item: item[0])
    return [line for _, line in placed]


def _in_any(char: Char, boxes: Sequence[tuple[float, float, float, float]]) -> bool:
    """Whether the character's middle lies in a table's box (the reader leaves those out of
    the text lines even when no cell holds them)."""
    x, y = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def figure_chars(lines: Sequence[PageLine], cited: Cited) -> list[Char]:
    """The characters of the cited figure (of the whole line without one); [] if not found."""
    line = matching_line(lines, cited)
    if line is not None:
        found = _in_line(line, cited)
        if found:
            return found
    if cited.figure:  # the line reads otherwise than the reader's (a row joined over a page
        # break): the figure where it stands alone in a cell or line of the page, nearest
        holders = [(abs(i + 1 - cited.line), i) for i, each in enumerate(lines)
                   if _find_in_cells(each, cited.figure)]
        if holders:
            return _find_in_cells(lines[min(holders)[1]], cited.figure)
    return []


def matching_line(lines: Sequence[PageLine], cited: Cited) -> PageLine | None:
    """The page's line that reads as the cited one, nearest its number when several do."""
    wanted = _plain(cited.text)
    same = [i for i, line in enumerate(lines) if _plain(line.text) == wanted]
    if not same:
        return None
    return lines[min(same, key=lambda i: abs(i + 1 - cited.line))]


def _in_line(line: PageLine, cited: Cited) -> list[Char]:
    if not cited.figure:
        return _all_chars(line)
    if cited.cell is not None and len(line.cells) > 1:
        cell = _same_cell(line, cited)
        if cell is not None:
            return _find(_ordered(cell), cited.figure) or _ordered(cell)
    return _find_in_cells(line, cited.figure)


def _same_cell(line: PageLine, cited: Cited) -> list[Char] | None:
    """The reader's cell that is the cited TAB cell: the cells are counted from the first of
    the same text, so leading empty columns the reader trimmed do not shift them."""
    mine = cited.text.split("\t")
    if cited.cell is None or not 0 <= cited.cell < len(mine):
        return None
    theirs = line.text.split("\t")
    shift = len(theirs) - len(mine)
    index = cited.cell + shift
    if 0 <= index < len(line.cells) and theirs[index].strip() == mine[cited.cell].strip():
        return line.cells[index]
    return None


def _find_in_cells(line: PageLine, figure: str) -> list[Char]:
    """The figure in the first of the line's cells that holds it."""
    for cell in line.cells:
        found = _find(_ordered(cell), figure)
        if found:
            return found
    return []


def _all_chars(line: PageLine) -> list[Char]:
    return [char for cell in line.cells for char in _ordered(cell)]


def _ordered(chars: Sequence[Char]) -> list[Char]:
    """A cell's characters as it reads: line by line, left to right, spaces left out."""
    return [char for group in cluster_tops([c for c in chars if not c.text.isspace()])
            for char in sorted(group, key=lambda c: c.x0)]


def _find(chars: Sequence[Char], figure: str) -> list[Char]:
    """The run of characters that spells `figure` (spaces aside), not inside a longer number."""
    wanted = _plain(figure)
    if not wanted:
        return []
    text = "".join(_as_read(char.text) for char in chars)
    start = text.find(wanted)
    while start >= 0:
        end = start + len(wanted)
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if not (_numeric(wanted) and (_digit(before) or _digit(after))):
            return list(chars[start:end])
        start = text.find(wanted, start + 1)
    return []


def _numeric(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _digit(ch: str) -> bool:
    return bool(ch) and (ch.isdigit() or ch in ".,")


def _plain(text: str) -> str:
    """The text as the reader's lines hold it (full-width ASCII made plain), spaces left out."""
    return "".join(normalise_line(text).split())


def _as_read(char: str) -> str:
    """One character as the reader's lines hold it (１ → 1), still one character."""
    plain = normalise_line(char)
    return plain if len(plain) == 1 else char
