"""Hard-wrapped PDF text (a blank line between physical lines, tables flattened onto lines)."""

from __future__ import annotations

from yusuan.layout.cells import clean_cell
from yusuan.model import Cell, Line, Row


def lines_to_rows(lines: list[Line]) -> list[Row]:
    """Placeholder: every non-blank line is one unaligned row of space-separated tokens."""
    rows: list[Row] = []
    for line in lines:
        if line.text.strip():
            cells = tuple(Cell(clean_cell(part), line.number, line.page) for part in line.text.split())
            rows.append(Row(cells=cells, aligned=False, lines=(line.number,)))
    return rows
