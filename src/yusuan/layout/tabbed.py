"""Tab-separated rows: one table row per line, cells split on TAB (seeds of the 001-003 kind,
spreadsheets and other grids written as TAB lines by the readers)."""

from __future__ import annotations

from yusuan.layout.cells import clean_cell, indent_of
from yusuan.model import Cell, Line, Row


def line_to_row(line: Line) -> Row:
    cells = tuple(Cell(clean_cell(part), line.number, line.page, indent_of(part)) for part in line.text.split("\t"))
    return Row(cells=cells, aligned=True, lines=(line.number,))


def lines_to_rows(lines: list[Line]) -> list[Row]:
    """Every non-blank line becomes a row; a line without TAB is a one-cell row of text."""
    rows = [line_to_row(line) for line in lines if line.text.strip()]
    return [trim_row(row) for row in rows]


def trim_row(row: Row) -> Row:
    """Drop a leading empty cell that only marks indentation when the row is a single text."""
    if len(row.filled) == 1 and len(row.cells) <= 2 and not row.cells[-1].text:
        return Row(cells=(row.filled[0],), aligned=True, lines=row.lines)
    return row
