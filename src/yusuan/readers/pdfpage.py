"""One PDF page → blocks in reading order: text lines and ruled tables as rows of cell text.

The page comes as characters with boxes and ruling edges (`pdfobjects`). Ruled tables are
found from the edges (`pdftables`); each cell's characters give its text. The characters
outside the tables are rebuilt into lines (`pdfwords`): words on one baseline make a line, a
gap of more than 1.5 em between two words becomes two or more spaces (so an unruled table
keeps its columns apart for the aligned-columns layout), and the spaces letter-spacing puts
between single Han characters are removed.
"""

from __future__ import annotations

from collections.abc import Sequence

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass, field
from yusuan.readers.grid import cell_text, is_blank_row
from yusuan.readers.pdfchars import Char
from yusuan.readers.pdfobjects import Edge
from yusuan.readers.pdftables import Box, Table, _bulktables, cell_chars, find_tables
from yusuan.readers.pdfwords import line_texts, plain_text

BAD_SHARE = 0.3


@dataclass(slots=True)
class TextBlock:
    """Text of a page outside its ruled tables, at its height on the page."""

    top: float
    text: str


@dataclass(slots=True)
class GridBlock:
    """A ruled table of a page, as rows of cell texts, at its height on the page."""

    top: float
    rows: list[list[str]] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def trimmed(self) -> GridBlock:
        """The block without the leading columns that are empty in every row (a stray ruling at
        the page's edge makes one)."""
        lead = 0
        while self.rows and all(lead < len(row) and not row[lead].strip() for row in self.rows):
            lead += 1
        return GridBlock(self.top, [row[lead:] for row in self.rows]) if lead else self


Block = TextBlock | GridBlock


def page_state(texts: Sequence[str], images: int) -> str:
    """'ok' for a text page, 'scan' for an image-only page, 'garbage' for unusable text, 'empty'.

    `texts` are the page's characters; unusable ones are font codes without Unicode ("(cid:N)",
    U+FFFD), control characters and private-use code points.
    """
    if not texts:
        return "scan" if images else "empty"
    joined = "".join(texts)
    bad = len(_BAD.findall(joined))
    if "(cid:" in joined:
        bad += sum(1 for text in texts if text.startswith("(cid:") and not _BAD.search(text))
    if bad > BAD_SHARE * len(texts):
        return "garbage"
    return "ok"


_BAD = regexes.compile("[\x00-\x1f\ue000-\uf8ff\ufffd]")


def page_blocks(chars: Sequence[Char], edges: Sequence[Edge]) -> list[Block]:
    """The page's text lines and ruled tables, ordered top to bottom."""
    tables = [table for table in find_tables(edges) if len(table.columns) >= 2]
    blocks: list[Block] = []
    for table in tables:
        rows = table_rows(table, chars)
        if rows:
            blocks.append(GridBlock(top=table.bbox[1], rows=rows))
    boxes = [table.bbox for table in tables]
    outside = _outside(chars, boxes)
    blocks.extend(text_lines(outside))
    blocks.sort(key=lambda block: block.top)
    return blocks


def table_rows(table: Table, chars: Sequence[Char]) -> list[list[str]]:
    """The table's rows of cell text, blank rows left out."""
    found = cell_chars(table, chars)
    rows = []
    for row in table.rows():
        cells = [cell_text(plain_text(found.get(cell, ()))) if cell else "" for cell in row]
        if not is_blank_row(cells):
            rows.append(cells)
    return rows



def _outside(chars: Sequence[Char], boxes: list[Box], compiled: bool = True) -> list[Char]:
    """The characters whose middle lies in none of the boxes (in C with `pdftables`' helper
    unless `compiled` is false)."""
    if compiled and _bulktables is not None:
        found = _bulktables.outside(chars, boxes)
        if found is not None:
            return found  # type: ignore[no-any-return]
    out = list(chars)
    for x0, top, x1, bottom in boxes:
        x0, x1, top, bottom = 2 * x0, 2 * x1, 2 * top, 2 * bottom
        out = [char for char in out if not (x0 <= char.x0 + char.x1 <= x1
                                            and top <= char.top + char.bottom <= bottom)]
    return out


def text_lines(chars: Sequence[Char]) -> list[TextBlock]:
    return [TextBlock(top, text) for top, text in line_texts(chars)]


