"""Tab-separated rows: one table row per line, cells split on TAB (seeds of the 001-003 kind,
spreadsheets and other grids written as TAB lines by the readers)."""

from __future__ import annotations

from yusuan.layout.cells import clean_cell, indent_of
from yusuan.model import Cell, Line, Row


def line_to_row(line: Line, texts: dict[str, str] | None = None) -> Row:
    """The line's cells; with `texts` (each raw cell met so far → its text), a cell text seen
    before is that same string and a raw cell seen before is not cleaned again. The empty
    cells of a line (half the cells of a form's rows) are one Cell, as they are equal."""
    known = texts if texts is not None else {}
    number, page = line.number, line.page
    cells = []
    empty = None
    for part in line.text.split("\t"):
        if not part:
            if empty is None:
                empty = Cell("", number, page)
            cells.append(empty)
            continue
        text = known.get(part)
        if text is None:
            text = clean_cell(part)
            text = known.setdefault(text, text)  # a clean text is its own raw cell
            known[part] = text
        cells.append(Cell(text, number, page, indent_of(part) if part[:1] == " " else 0))
    return Row(cells=tuple(cells), aligned=True, lines=(number,))


def lines_to_rows(lines: list[Line]) -> list[Row]:
    """Every non-blank line becomes a row; a line without TAB is a one-cell row of text. Cells
    of the same text share one string (a long table repeats its figures and blanks: a quarter
    less memory for a 2,000-page PDF's rows), cleaned once."""
    texts: dict[str, str] = {}
    return [line_to_row(line, texts) for line in lines if line.text.strip()]
