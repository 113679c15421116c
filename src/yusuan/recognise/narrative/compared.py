"""Comparison grids the 情况说明 prints between its paragraphs, in two shapes:

side by side — '经济分类科目 | 2022 年 | 2021 年 | 2022 比 2021 | 主要原因', one row an item;
in blocks — '功能科目 | 年度 | 合计 | 人员经费 | 公用经费 … | 主要原因', three rows an item: its
figures of the later year (with the reason), of the earlier year, and the difference.

Each item becomes a ComparedRow: its name, the later and earlier figure of every column, the
difference the grid prints, and the reason written beside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass, field
from yusuan.model import Line
from yusuan.recognise.numbers import is_nil, parse_amount

WHOLE = "合计"
Figure = tuple[float, int]  # a printed figure: value, decimals

_YEAR = regexes.compile(r"^(\d{4})年?度?(?:预算数?|决算数?|执行数)?$")
_DIFFERENCE = regexes.compile(r"^(?:\d{4}年?度?比\d{4}年?度?|增减(?:额|数)?|差额|比上年增减)$")
_REASON = regexes.compile(r"原因|说明")
_HAN = regexes.compile(r"[\u4e00-\u9fff]")
_BLANK: Figure = (0.0, 2)  # an empty cell of a grid whose other cells carry figures: nothing
MAX_GAP = 3  # lines that are no row of the grid (a wrapped reason) before the grid has ended


@dataclass(frozen=True, slots=True)
class Compared:
    """One column of one item: the later and the earlier year's figure, and the difference."""

    later: Figure
    earlier: Figure
    difference: Figure | None


@dataclass(slots=True)
class ComparedRow:
    """One item of a comparison grid: its figures of both years and the reason given."""

    name: str
    years: tuple[int, int]
    lines: tuple[int, ...]
    page: int | None
    figures: dict[str, Compared] = field(default_factory=dict)
    reason: str = ""
    reason_line: int = 0


def cells_of(text: str) -> list[str]:
    """A grid line's cells: TAB-separated, else runs of two or more spaces apart."""
    if "\t" in text:
        return [cell.strip() for cell in text.split("\t")]
    return [cell.strip() for cell in regexes.split(r"\s{2,}", text.strip())]


def _compact(text: str) -> str:
    return "".join(text.split())


def _figure(text: str) -> Figure | None:
    if not text.strip() or is_nil(text):
        return _BLANK
    return parse_amount(text.strip())


def compared_rows(lines: Sequence[Line]) -> list[ComparedRow]:
    """Every item of every comparison grid among `lines` (the lines outside the tables)."""
    rows: list[ComparedRow] = []
    index = 0
    while index < len(lines):
        cells = [_compact(c) for c in cells_of(lines[index].text)]
        side = _side_header(cells)
        block = _block_header(cells)
        if side is not None:
            found, index = _side_rows(lines, index + 1, side)
            rows.extend(found)
        elif block is not None:
            found, index = _block_rows(lines, index + 1, cells, block)
            rows.extend(found)
        else:
            index += 1
    return rows


def _side_header(cells: list[str]) -> tuple[int, int, int | None, tuple[int, int]] | None:
    """(later column, earlier column, difference column or None, the two years)."""
    years = [(i, int(m.group(1))) for i, c in enumerate(cells) if (m := _YEAR.match(c))]
    if len(years) != 2 or years[0][1] <= years[1][1] or years[0][0] == 0:
        return None
    difference = next((i for i, c in enumerate(cells) if _DIFFERENCE.match(c)), None)
    return years[0][0], years[1][0], difference, (years[0][1], years[1][1])


def _side_rows(lines: Sequence[Line], start: int,
               header: tuple[int, int, int | None, tuple[int, int]]
               ) -> tuple[list[ComparedRow], int]:
    later, earlier, difference, years = header
    columns = [c for c in (later, earlier, difference) if c is not None]
    rows: list[ComparedRow] = []
    gap, index = 0, start
    while index < len(lines) and gap < MAX_GAP:
        line = lines[index]
        cells = cells_of(line.text)
        if _side_header([_compact(c) for c in cells]) or _block_header([_compact(c) for c in cells]):
            break
        figures = _side_figures(cells, columns, "\t" in line.text)
        if figures is None or not _HAN.search(cells[0]):
            gap += 1
            index += 1
            continue
        gap = 0
        by_column = dict(zip(columns, figures, strict=True))
        compared = Compared(by_column[later], by_column[earlier],
                            by_column.get(difference) if difference is not None else None)
        reason = next((c for c in cells[max(columns) + 1:] if _HAN.search(c)), "") \
            if "\t" in line.text else ""
        rows.append(ComparedRow(cells[0], years, (line.number,), line.page, {WHOLE: compared},
                                reason, line.number))
        index += 1
    return rows, index


def _side_figures(cells: list[str], columns: list[int], aligned: bool) -> list[Figure] | None:
    """The figures under `columns`; a line set apart by spaces must hold exactly that many."""
    if aligned:
        if len(cells) <= max(columns):
            return None
        figures = [_figure(cells[c]) for c in columns]
        if any(f is None for f in figures) or all(not cells[c].strip() for c in columns):
            return None
        return [f for f in figures if f is not None]
    numbers = [parse_amount(c) for c in cells[1:]]
    if len(numbers) != len(columns) or any(n is None for n in numbers):
        return None
    return [n for n in numbers if n is not None]


def _block_header(cells: list[str]) -> int | None:
    """The column of 年度 in a header whose columns after it are worded (合计, 人员经费 …)."""
    if "年度" not in cells:
        return None
    at = cells.index("年度")
    named = [c for c in cells[at + 1:] if c]
    return at if at > 0 and len(named) >= 2 and all(_HAN.search(c) for c in named) else None


def _block_rows(lines: Sequence[Line], start: int, header: list[str], at: int
                ) -> tuple[list[ComparedRow], int]:
    names, index = _column_names(lines, start, header, at)
    rows: list[ComparedRow] = []
    gap = 0
    while index + 2 < len(lines) and gap < MAX_GAP:
        trio = [cells_of(lines[index + k].text) for k in range(3)]
        row = _block_item(trio, [lines[index + k] for k in range(3)], names, at)
        if row is None:
            if _side_header([_compact(c) for c in trio[0]]) or \
                    _block_header([_compact(c) for c in trio[0]]) is not None:
                break
            gap += 1
            index += 1
            continue
        gap = 0
        if row.name:
            rows.append(row)
        index += 3
    return rows, index


def _column_names(lines: Sequence[Line], start: int, header: list[str], at: int
                  ) -> tuple[dict[int, str], int]:
    """Column → name: the header's words, a second header line's words standing in for the
    first's where it prints them (基本支出 → 人员经费 | 公用经费)."""
    names = {i: c for i, c in enumerate(header) if i > at and c and not _REASON.search(c)}
    if start < len(lines) and "\t" in lines[start].text:
        second = [_compact(c) for c in cells_of(lines[start].text)]
        if not any(parse_amount(c) for c in second) and any(second[at + 1:]):
            for i, c in enumerate(second):
                if i > at and c:
                    names[i] = c
            return names, start + 1
    return names, start


def _block_item(trio: list[list[str]], lines: list[Line], names: dict[int, str], at: int
                ) -> ComparedRow | None:
    """Three lines: the later year (name, figures, reason), the earlier year, the difference."""
    if any(len(cells) <= at for cells in trio) or not all("\t" in line.text for line in lines):
        return None
    marks = [_compact(cells[at]) for cells in trio]
    if not (regexes.fullmatch(r"\d{4}", marks[0]) and regexes.fullmatch(r"\d{4}", marks[1])
            and int(marks[0]) > int(marks[1]) and _DIFFERENCE.match(marks[2])):
        return None
    figures: dict[str, Compared] = {}
    for column, name in names.items():
        values = [_figure(cells[column]) if column < len(cells) else _BLANK for cells in trio]
        if any(v is None for v in values):
            return None
        later, earlier, difference = (v for v in values if v is not None)
        figures[name] = Compared(later, earlier, difference)
    reason = next((c for c in trio[0][max(names, default=at) + 1:] if _HAN.search(c)), "")
    return ComparedRow(trio[0][0].strip(), (int(marks[0]), int(marks[1])),
                       tuple(line.number for line in lines), lines[0].page, figures, reason,
                       lines[0].number)


def rows_outside(lines: Iterable[Line], taken: AbstractSet[int]) -> list[Line]:
    """The lines that stand in no recognised table."""
    return [line for line in lines if line.number not in taken]
