"""Header rows → one header path per column position.

Aligned rows (tab, one-cell-per-line, pipe, HTML) keep cell positions. Two shapes of merged
header are resolved: a spanning label printed once with blanks to its right (spread over the
blank positions that have a label below), and a compressed upper row with fewer cells than
the row below (one-cell-per-line exports): its labels are spread over the groups of the row
below, each group starting at a 小计/合计.
"""

from __future__ import annotations

from yusuan import regexes
from yusuan.model import Row
from yusuan.recognise.columns import IGNORED_LABELS
from yusuan.recognise.segments import is_column_number_row

GROUP_STARTS = ("小计", "合计")


def header_grid(header_rows: list[Row], width: int) -> list[list[str]]:
    rows = [[cell.text for cell in row.cells] for row in header_rows if not is_column_number_row(row)]
    rows = [cells for cells in rows if any(cells)]
    grid: list[list[str]] = []
    for index, cells in enumerate(rows):
        below = rows[index + 1] if index + 1 < len(rows) else None
        if below is not None and len(cells) < len(below) and len(cells) < width:
            cells = spread_compressed(cells, below)
        grid.append(pad(cells, width))
    return grid


def pad(cells: list[str], width: int) -> list[str]:
    return (cells + [""] * width)[:width]


def spread_compressed(upper: list[str], lower: list[str]) -> list[str]:
    """Place the labels of a compressed upper row over the groups of the row below; a group
    ends at a blank, at a 小计/合计, or where one of its labels comes round again."""
    result = [""] * len(lower)
    position = 0
    for label in upper:
        if position >= len(lower):
            break
        result[position] = label
        if not lower[position]:
            position += 1
            continue
        seen = {lower[position]}
        position += 1
        while (position < len(lower) and lower[position] and lower[position] not in GROUP_STARTS
               and lower[position] not in seen):
            seen.add(lower[position])
            position += 1
    return result


def fill_spans(grid: list[list[str]]) -> list[list[str]]:
    """Spread a spanning label over the blank positions to its right that have a label below."""
    filled = [row[:] for row in grid]
    for level in range(len(filled) - 1):
        row = filled[level]
        below = filled[level + 1:]
        owner = ""
        for position, text in enumerate(row):
            has_below = any(lower[position] for lower in below)
            if text:
                owner = text if has_below else ""
            elif owner and has_below:
                row[position] = owner
            else:
                owner = ""
    return filled


def column_paths(header_rows: list[Row], width: int) -> list[list[str]]:
    """One header path (top to bottom, repeats removed) per column position."""
    grid = fill_spans(header_grid(header_rows, width))
    paths: list[list[str]] = []
    for position in range(width):
        path: list[str] = []
        for row in grid:
            text = row[position]
            if text and text not in IGNORED_LABELS and (not path or path[-1] != text):
                path.append(text)
        paths.append(path)
    return relative_years(paths)


_YEAR_LABEL = regexes.compile(r"^((?:19|20)\d\d)年度?(预算数?|决算数?|执行数?|)$")


def relative_years(paths: list[list[str]]) -> list[list[str]]:
    """Columns headed by two consecutive years and the same word (2024年预算数 | 2025年预算数,
    or the years alone over groups of columns): the earlier is 上年…, the later 本年… (the
    table's own year)."""
    found = {(i, j): match for i, path in enumerate(paths) for j, label in enumerate(path)
             if (match := _YEAR_LABEL.match("".join(label.split())))}
    years = sorted({int(m.group(1)) for m in found.values()})
    if len(years) != 2 or years[1] - years[0] != 1 or len({m.group(2) for m in found.values()}) != 1:
        return paths
    out = [path[:] for path in paths]
    for (i, j), match in found.items():
        out[i][j] = ("上年" if int(match.group(1)) == years[0] else "本年") + match.group(2)
    return out
