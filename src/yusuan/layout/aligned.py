"""Space-aligned columns (`pdftotext -layout`, fixed-width exports): cells by character position.

Consecutive lines with two or more cells (runs of two or more spaces between them) form a
block. The block's columns are the merged character spans of the cells of its lines that hold
amounts; every cell then goes to the column it overlaps most, so blank cells stay blank and
a header label centred over its column lands in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from yusuan.layout.cells import clean_cell
from yusuan.model import Cell, Line, Row
from yusuan.recognise.numbers import is_amount

_CELL = re.compile(r"\S+(?: \S+)*")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


def line_spans(text: str) -> list[Span]:
    return [Span(match.start(), match.end(), match.group(0)) for match in _CELL.finditer(text)]


def lines_to_rows(lines: list[Line]) -> list[Row]:
    rows: list[Row] = []
    block: list[Line] = []
    for line in lines + [Line(0, "")]:
        if len(line_spans(line.text)) >= 2 or (block and is_right_half(line.text)):
            block.append(line)
            continue
        rows += block_to_rows(block)
        block = []
        if line.text.strip():
            rows.append(Row(cells=(Cell(clean_cell(line.text), line.number, line.page),),
                            aligned=True, lines=(line.number,)))
    return rows


_RIGHT_HALF_MAX = 30


def is_right_half(text: str) -> bool:
    """An indented line of one short label: the right half of a two-sided table's row whose
    left half is blank ('            （十）节能环保支出'), not running text."""
    stripped = text.strip()
    return (text.startswith("  ") and len(line_spans(text)) == 1
            and len(stripped) <= _RIGHT_HALF_MAX and not stripped.endswith(("。", "；", "：")))


def column_spans(block: list[Line]) -> list[tuple[int, int]]:
    """Merged character spans of the cells of the block's amount lines (all lines if none),
    and of the header cells over columns no amount line fills (blank source columns)."""
    spans = [line_spans(line.text) for line in block]
    amount_lines = [s for s in spans if any(is_amount(span.text) for span in s)]
    merged = _merge(span for line in (amount_lines or spans) for span in line)
    if amount_lines:
        others = [span for line in spans if line not in amount_lines for span in line
                  if not any(span.start <= end and start <= span.end for start, end in merged)]
        merged = sorted(merged + _merge(others))
    return merged


def _merge(spans: Iterable[Span]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted((span.start, span.end) for span in spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def best_column(span: Span, columns: list[tuple[int, int]]) -> int:
    def overlap(column: tuple[int, int]) -> int:
        return min(span.end, column[1]) - max(span.start, column[0])

    best = max(range(len(columns)), key=lambda index: overlap(columns[index]))
    if overlap(columns[best]) > 0:
        return best
    return min(range(len(columns)), key=lambda index: abs(columns[index][0] - span.start))


def block_to_rows(block: list[Line]) -> list[Row]:
    if not block:
        return []
    columns = column_spans(block)
    rows: list[Row] = []
    for line in block:
        texts = [""] * len(columns)
        for span in line_spans(line.text):
            index = best_column(span, columns)
            texts[index] = f"{texts[index]} {span.text}".strip()
        cells = tuple(Cell(clean_cell(text), line.number, line.page) for text in texts)
        rows.append(Row(cells=cells, aligned=True, lines=(line.number,)))
    return rows
