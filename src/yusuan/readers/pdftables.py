"""Ruling edges → table cells → rows of cell text: pdfplumber's "lines" strategy, indexed.

Edges shorter than 1 pt are dropped; edges within `SNAP` of each other across their length
snap to their mean position, collinear edges with gaps up to `JOIN` join, and edges shorter
than 3 pt are dropped again. Each crossing of a horizontal and a vertical edge (within
`CROSS`) is a corner; a cell is the smallest rectangle of corners whose four sides run along
edges; cells sharing a corner form a table. A table's rows are its cells grouped by top, its
columns the distinct left sides of its cells, so a merged cell stands in its first slot and
the slots it covers are None (an empty cell).

`find_tables` and `cell_chars` run in C (`_bulktables`, built at install where a compiler is
present) with the same results; the Python code here is what they do, and runs where the
helper is not built or the input is odd (a NaN, an infinity, a negative zero, a coordinate
that is not a float).
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from operator import itemgetter

from yusuan.kept.dataclass_code import dataclass
from yusuan.readers.pdfchars import Char
from yusuan.readers.pdfobjects import SHORTEST, Edge

try:  # the cells and their characters in C, where the install could compile it
    from yusuan.readers import _bulktables
except ImportError:
    _bulktables = None

SNAP = 3.0
JOIN = 3.0
CROSS = 3.0
MIN_PREFILTER = SHORTEST  # the page's reader leaves out shorter ones already
MIN_LENGTH = 3.0

_FIRST = itemgetter(0)
_X0, _TOP, _X1, _BOTTOM = itemgetter(0), itemgetter(1), itemgetter(2), itemgetter(3)
_TOP_X0 = itemgetter(1, 0)

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(slots=True)
class Table:
    """A ruled table found on a page: its cells' boxes."""

    cells: list[Box]

    @property
    def bbox(self) -> Box:
        cells = self.cells
        return (min(map(_X0, cells)), min(map(_TOP, cells)), max(map(_X1, cells)),
                max(map(_BOTTOM, cells)))

    @property
    def columns(self) -> list[float]:
        return sorted(set(map(_X0, self.cells)))

    def rows(self) -> list[list[Box | None]]:
        columns = self.columns
        rows = []
        for _, group in itertools.groupby(sorted(self.cells, key=_TOP_X0), key=_TOP):
            by_x = {cell[0]: cell for cell in group}
            rows.append([by_x.get(x) for x in columns])
        return rows


def find_tables(edges: Sequence[Edge], compiled: bool = True) -> list[Table]:
    """The ruled tables the edges draw, top to bottom (tables of one cell left out); found in
    C unless `compiled` is false or the helper is not built."""
    if compiled and _bulktables is not None:
        found = _bulktables.tables(edges, MIN_PREFILTER, SNAP, JOIN, CROSS, MIN_LENGTH)
        if found is not None:
            return [Table(cells) for cells in found]
    merged = merge_edges([e for e in edges if _length(e) >= MIN_PREFILTER])
    merged = [edge for edge in merged if _length(edge) >= MIN_LENGTH]
    corners = intersections(merged)
    return cells_to_tables(corners_to_cells(corners))


def _length(edge: Edge) -> float:
    return edge.x1 - edge.x0 if edge.horizontal else edge.bottom - edge.top


def merge_edges(edges: Sequence[Edge]) -> list[Edge]:
    """Snap edges to shared positions, then join collinear edges that touch or nearly do."""
    out: list[Edge] = []
    for horizontal in (False, True):
        spans = [((e.top, e.x0, e.x1) if horizontal else (e.x0, e.top, e.bottom))
                 for e in edges if e.horizontal == horizontal]
        for position, line in _snap(spans):
            for start, end in _join(line):
                out.append(Edge(start, position, end, position, True) if horizontal
                           else Edge(position, start, position, end, False))
    return out


def _snap(spans: list[tuple[float, float, float]]) -> list[tuple[float, list[tuple[float, float]]]]:
    """(position, extents) of each cluster of positions chained within SNAP, at their mean."""
    clusters: list[list[tuple[float, float, float]]] = []
    last = 0.0
    for span in sorted(spans):
        if not clusters or span[0] > last + SNAP:
            clusters.append([])
        clusters[-1].append(span)
        last = span[0]
    return [(sum(span[0] for span in cluster) / len(cluster),
             [(start, end) for _, start, end in cluster]) for cluster in clusters]


def _join(extents: list[tuple[float, float]]) -> list[tuple[float, float]]:
    joined: list[list[float]] = []
    for start, end in sorted(extents):
        if joined and start <= joined[-1][1] + JOIN:
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end])
    return [(start, end) for start, end in joined]


Corners = dict[Point, tuple[set[int], set[int]]]  # point -> (vertical edge ids, horizontal ids)


def intersections(edges: Sequence[Edge]) -> Corners:
    """Where a vertical edge crosses a horizontal one (within CROSS), with the ids (places in
    `edges`) of the edges crossing there."""
    spans = sorted(((edge.top, edge.x0 - CROSS, edge.x1 + CROSS, index)
                    for index, edge in enumerate(edges) if edge.horizontal), key=_FIRST)
    tops = [span[0] for span in spans]
    corners: Corners = {}
    for v_id, vertical in enumerate(edges):
        if vertical.horizontal:
            continue
        x = vertical.x0
        low = bisect.bisect_left(tops, vertical.top - CROSS)
        high = bisect.bisect_right(tops, vertical.bottom + CROSS)
        for top, left, right, h_id in spans[low:high]:
            if left <= x <= right:
                ids = corners.setdefault((x, top), (set(), set()))
                ids[0].add(v_id)
                ids[1].add(h_id)
    return corners


def corners_to_cells(corners: Corners) -> list[Box]:
    """For each corner, the smallest cell it is the top-left corner of."""
    columns: dict[float, list[Point]] = defaultdict(list)
    rows: dict[float, list[Point]] = defaultdict(list)
    for point in sorted(corners):  # by x, then y: each column top down, each row left to right
        columns[point[0]].append(point)
        rows[point[1]].append(point)
    in_row = {point: index for points in rows.values() for index, point in enumerate(points)}
    cells = []
    for column in columns.values():  # left to right
        for index, point in enumerate(column):
            cell = _smallest_cell(point, corners, itertools.islice(column, index + 1, None),
                                  rows[point[1]][in_row[point] + 1:])
            if cell:
                cells.append(cell)
    return cells


def _smallest_cell(point: Point, corners: Corners, lower: Iterable[Point], further: list[Point]
                   ) -> Box | None:
    """`lower`: the corners below the point in its column, top down; `further`: those right of
    it in its row, left to right."""
    vertical, horizontal = corners[point]
    rights: list[Point] | None = None
    for down in lower:
        if vertical.isdisjoint(corners[down][0]):
            continue
        if rights is None:
            rights = [p for p in further if not horizontal.isdisjoint(corners[p][1])]
            if not rights:  # no corner along its horizontal edges: the point starts no cell
                return None
        for across in rights:
            corner = (across[0], down[1])
            ids = corners.get(corner)
            if (ids and not ids[0].isdisjoint(corners[across][0])
                    and not ids[1].isdisjoint(corners[down][1])):
                return (point[0], point[1], corner[0], corner[1])
    return None


def cells_to_tables(cells: list[Box]) -> list[Table]:
    """Cells sharing a corner make one table; tables of two or more cells, top to bottom."""
    parent = list(range(len(cells)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    owner: dict[Point, int] = {}
    for index, (x0, top, x1, bottom) in enumerate(cells):
        root = index  # the cell's table so far
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            other = find(owner.setdefault(corner, index))
            if other != root:
                parent[root] = other
                root = other
    groups: dict[int, list[Box]] = defaultdict(list)
    for index, cell in enumerate(cells):
        groups[find(index)].append(cell)
    tables = [Table(group) for group in groups.values() if len(group) > 1]
    return sorted(tables, key=lambda table: min((c[1], c[0]) for c in table.cells))


def cell_chars(table: Table, chars: Sequence[Char], compiled: bool = True
               ) -> dict[Box, list[Char]]:
    """Each cell's characters: those whose middle lies in it (left/top sides inclusive), in the
    order given; a cell without any has an empty list. In C unless `compiled` is false or the
    helper is not built."""
    if compiled and _bulktables is not None:
        found = _bulktables.cell_chars(table.cells, chars)
        if found is not None:
            return found  # type: ignore[no-any-return]
    xs = sorted({x for cell in table.cells for x in (cell[0], cell[2])})
    ys = sorted({y for cell in table.cells for y in (cell[1], cell[3])})
    found: dict[Box, list[Char]] = {cell: [] for cell in table.cells}
    slots = _slots(found, xs, ys)
    left, right, top, bottom = xs[0], xs[-1], ys[0], ys[-1]
    find = bisect.bisect_right
    for char in chars:
        y = (char.top + char.bottom) / 2
        if top <= y < bottom:
            x = (char.x0 + char.x1) / 2
            if left <= x < right:  # outside, no slot holds it
                slot = slots[find(xs, x) - 1][find(ys, y) - 1]
                if slot is not None:
                    slot.append(char)
    return found


def _slots(found: dict[Box, list[Char]], xs: list[float], ys: list[float]
           ) -> list[list[list[Char] | None]]:
    """[column][row] of the grid `xs` × `ys`: the character list of the cell covering the slot."""
    column = {x: index for index, x in enumerate(xs)}
    row = {y: index for index, y in enumerate(ys)}
    slots: list[list[list[Char] | None]] = [[None] * len(ys) for _ in xs]
    for cell, held in found.items():
        for i in range(column[cell[0]], column[cell[2]]):
            in_column = slots[i]
            for j in range(row[cell[1]], row[cell[3]]):
                in_column[j] = held
    return slots
