"""One cell per line with a leading TAB; a line holding only a TAB is an empty cell; rows are
separated by blank lines (the 004 kind of export). Lines without a leading TAB are text rows."""

from __future__ import annotations

from yusuan.layout.cells import clean_cell, indent_of
from yusuan.model import Cell, Line, Row


def lines_to_rows(lines: list[Line]) -> list[Row]:
    rows: list[Row] = []
    block: list[Line] = []
    for line in lines:
        if line.text.startswith("\t"):
            block.append(line)
            continue
        if block:
            rows.append(block_to_row(block))
            block = []
        if line.text.strip():
            rows.append(Row(cells=(Cell(clean_cell(line.text), line.number, line.page),),
                            aligned=True, lines=(line.number,)))
    if block:
        rows.append(block_to_row(block))
    return rows


def block_to_row(block: list[Line]) -> Row:
    """A run of TAB-led lines: each line one cell (further TABs inside it only indent)."""
    cells: list[Cell] = []
    for line in block:
        raw = line.text[1:].replace("\t", " ")
        cells.append(Cell(clean_cell(raw), line.number, line.page, indent_of(raw)))
    return Row(cells=tuple(cells), aligned=True, lines=tuple(line.number for line in block))
