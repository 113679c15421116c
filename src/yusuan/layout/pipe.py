"""Markdown pipe tables: `| a | b |` rows; separator rows (`|---|---|`) are dropped."""

from __future__ import annotations

from yusuan import regexes
from yusuan.layout.cells import clean_cell
from yusuan.model import Cell, Line, Row

_SEPARATOR = regexes.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def is_pipe_row(text: str) -> bool:
    stripped = text.strip()
    return stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3


def lines_to_rows(lines: list[Line]) -> list[Row]:
    rows: list[Row] = []
    for line in lines:
        text = line.text.strip()
        if not text or _SEPARATOR.match(text):
            continue
        if is_pipe_row(text):
            parts = text[1:-1].split("|")
        else:
            parts = [text]
        cells = tuple(Cell(clean_cell(part), line.number, line.page) for part in parts)
        rows.append(Row(cells=cells, aligned=True, lines=(line.number,)))
    return rows
