"""Space-aligned columns (`pdftotext -layout`, fixed-width exports): cells by character position.

Consecutive lines with two or more cells (runs of two or more spaces between them) form a
block. The block's columns are the merged character spans of the cells of its lines that hold
amounts; every cell then goes to the column it overlaps most, so blank cells stay blank and
a header label centred over its column lands in it.
"""

from __future__ import annotations

from collections.abc import Iterable

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.layout.cells import clean_cell
from yusuan.model import Cell, Line, Row
from yusuan.recognise.numbers import is_amount

_CELL = regexes.compile(r"\S+(?: \S+)*")


@dataclass(frozen=True, slots=True)
class Span:
    """A cell of an aligned line: its character positions and text."""

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
    """Merged character spans of the cells of the block's amount lines (all lines if none)."""
    spans = [line_spans(line.text) for line in block]
    amount_lines = [s for s in spans if any(is_amount(span.text) for span in s)]
    return _merge(span for line in (amount_lines or spans) for span in line)


def owners(spans: list[Span], columns: list[tuple[int, int]]) -> list[int | None]:
    """The first column each header span heads: a header cell reaches from its start to the
    next cell's start, and heads the columns whose last character falls there (amounts are
    right-aligned, labels left-aligned or centred); None for a cell over no column."""
    out: list[int | None] = []
    for index, span in enumerate(spans):
        stop = spans[index + 1].start if index + 1 < len(spans) else None
        owned = [c for c, (_, end) in enumerate(columns)
                 if span.start <= end - 1 and (stop is None or end - 1 < stop)]
        out.append(owned[0] if owned else None)
    return out


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
    spans = [line_spans(line.text) for line in block]
    headers = [i for i, line in enumerate(spans) if not any(is_amount(s.text) for s in line)]
    if len(headers) < len(block):
        # a header cell over no amount column heads a column no data row fills
        blank = [span for i in headers for span, owner in zip(spans[i], owners(spans[i], columns),
                                                               strict=True) if owner is None]
        columns = sorted(columns + _merge(blank))
    rows: list[Row] = []
    for index, line in enumerate(block):
        texts = [""] * len(columns)
        heads = owners(spans[index], columns) if index in headers and len(headers) < len(block) \
            else [None] * len(spans[index])
        for span, owner in zip(spans[index], heads, strict=True):
            column = owner if owner is not None else best_column(span, columns)
            texts[column] = f"{texts[column]} {span.text}".strip()
        cells = tuple(Cell(clean_cell(text), line.number, line.page) for text in texts)
        rows.append(Row(cells=cells, aligned=True, lines=(line.number,)))
    return rows
