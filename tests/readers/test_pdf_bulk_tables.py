"""The C helper `_bulktables` finds ruled tables, their cells' characters and the characters
outside them as the Python code does: both ways on real PDFs of different producers (WPS,
Word, Excel, iText, Acrobat) and on made-up edges and characters (no lines, one line,
degenerate, duplicate and odd coordinates, cells inside cells, random grids), compared by
repr. Skipped where the helper was not built (no C compiler)."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from corpus.corpusfiles import require_corpus_file
from hypothesis import given, settings
from hypothesis import strategies as st

from yusuan.pipeline import read_document
from yusuan.readers import pdfpage, pdftables
from yusuan.readers.pdfchars import Char, read_text, visible
from yusuan.readers.pdfium.document import Document
from yusuan.readers.pdfobjects import Edge, page_tree, read_objects
from yusuan.readers.pdftables import Table, cell_chars, find_tables

PRODUCERS = [
    "guangdong/2026年深圳市政府办公厅部门预算.pdf",  # WPS 文字
    "beijing/财政局_2026年部门预算.pdf",  # WPS 表格
    "guangdong/2026年佛山市交通运输局部门预算.pdf",  # Word 2010
    "jiangsu/2026年苏州市交通运输局部门预算.pdf",  # Aspose.Words
    "jiangsu/江苏省政协办公厅2018度部门预算公开表.pdf",  # Excel 2010
    "shanghai/2026年上海市公安局_部门预算.pdf",  # Acrobat PDFMaker, Excel
    "jiangsu/江苏省委办公厅2017年预算公开表格.pdf",  # Adobe Acrobat Pro
    "guangdong/2026年深圳市财政局部门预算.pdf",  # iText 5.5.13, a form XObject per page
    "shaanxi/科技创新局_2026年部门预算.pdf",  # iTextSharp, clipped cells
    "shandong/2026年烟台市财政局部门预算.pdf",  # iText, pages with /Rotate
]
PAGES = 25  # the first pages of each file

needs_helper = pytest.mark.skipif(pdftables._bulktables is None,
                                  reason="the C helper _bulktables was not built")


def _both(edges: list[Edge], chars: list[Char]) -> tuple[str, str]:
    """repr of everything the helper replaces, with it and without it."""
    def reading(compiled: bool) -> tuple:
        tables = find_tables(edges, compiled=compiled)
        cells = [cell_chars(table, chars, compiled=compiled) for table in tables]
        boxes = [table.bbox for table in tables]
        return tables, cells, pdfpage._outside(chars, boxes, compiled=compiled)
    return repr(reading(True)), repr(reading(False))


def reader_pages(path: Path, most: int | None = None) -> Iterator[tuple[list[Char], list[Edge]]]:
    """The visible characters and the rulings of each page (the first `most`), as the reader
    gets them."""
    document = Document(str(path))
    try:
        for index in range(len(document) if most is None else min(len(document), most)):
            page = document[index]
            textpage = page.get_textpage()
            tree = page_tree(page)
            chars, frame = read_text(page, textpage, tree.clipped_text)
            yield visible(chars, page, frame), read_objects(page, frame, tree).edges
            textpage.close()
            page.close()
    finally:
        document.close()


@needs_helper
@pytest.mark.parametrize("name", PRODUCERS)
def test_the_helper_reads_real_tables_as_the_python_code_does(name: str) -> None:
    tables = 0
    for chars, edges in reader_pages(require_corpus_file(name), PAGES):
        compiled, python = _both(edges, chars)
        assert compiled == python
        tables += len(find_tables(edges))
    assert tables  # the file has ruled tables


@needs_helper
def test_a_document_read_with_the_helper_is_the_one_read_without() -> None:
    path = require_corpus_file("shanghai/2026年上海市公安局_部门预算.pdf")
    compiled = read_document(str(path))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdftables, "_bulktables", None)
        patch.setattr(pdfpage, "_bulktables", None)
        assert read_document(str(path)) == compiled


def h(y: float, x0: float, x1: float) -> Edge:
    return Edge(x0, y, x1, y, True)


def v(x: float, top: float, bottom: float) -> Edge:
    return Edge(x, top, x, bottom, False)


def grid(xs: list[float], ys: list[float]) -> list[Edge]:
    return ([h(y, xs[0], xs[-1]) for y in ys] + [v(x, ys[0], ys[-1]) for x in xs])


def char(text: str, x: float, top: float, size: float = 8.0) -> Char:
    return Char(text, x, x + size, top, top + size, size)


ODD_PAGES = {
    "no lines": [],
    "one line": [h(10.0, 0.0, 100.0)],
    "one corner": [h(10.0, 0.0, 100.0), v(50.0, 0.0, 60.0)],
    "one cell": grid([0.0, 100.0], [0.0, 50.0]),
    "two cells": grid([0.0, 50.0, 100.0], [0.0, 50.0]),
    "short and zero-length edges": [h(10.0, 5.0, 5.0), v(3.0, 1.0, 1.5), h(20.0, 0.0, 2.9),
                                    *grid([0.0, 40.0, 80.0], [0.0, 20.0, 40.0])],
    "reversed edges": [Edge(100.0, 0.0, 0.0, 0.0, True), Edge(0.0, 50.0, 0.0, 0.0, False),
                       *grid([0.0, 50.0, 100.0], [0.0, 25.0, 50.0])],
    "duplicate edges": grid([0.0, 50.0, 100.0], [0.0, 50.0]) * 3,
    "edges snapped and joined": [h(0.0, 0.0, 48.0), h(1.5, 50.0, 100.0), h(50.0, 0.0, 100.0),
                                 h(51.0, 30.0, 60.0), v(0.0, 0.0, 30.0), v(2.0, 32.0, 50.0),
                                 v(50.0, 0.0, 50.0), v(100.0, 0.0, 51.0), v(101.0, 0.0, 20.0)],
    "gapped edges crossing twice": [h(10.0, 0.0, 40.0), h(10.0, 45.0, 100.0), v(42.0, 0.0, 60.0),
                                    v(0.0, 0.0, 60.0), v(100.0, 0.0, 60.0), h(60.0, 0.0, 100.0),
                                    v(42.5, 62.0, 90.0), h(90.0, 0.0, 100.0)],
    "gaps of exactly JOIN": [h(0.0, 0.0, 47.0), h(0.0, 50.0, 100.0), h(40.0, 0.0, 100.0),
                             v(0.0, 0.0, 17.0), v(0.0, 20.0, 40.0), v(100.0, 0.0, 40.0),
                             v(50.0, 0.0, 40.0)],
    "positions exactly SNAP apart": [h(0.0, 0.0, 100.0), h(3.0, 0.0, 100.0), h(6.0, 0.0, 100.0),
                                     h(30.0, 0.0, 100.0), v(0.0, 0.0, 30.0), v(3.0, 0.0, 30.0),
                                     v(100.0, 0.0, 30.0)],
    "crossings exactly CROSS away": [h(0.0, 3.0, 97.0), h(30.0, 3.0, 97.0), h(60.0, 3.1, 96.9),
                                     v(0.0, 3.0, 57.0), v(100.0, 3.0, 57.0), v(50.0, -2.9, 63.0)],
    "edges exactly MIN_LENGTH and SHORTEST long": [h(0.0, 0.0, 3.0), h(10.0, 0.0, 1.0),
                                                   h(20.0, 0.0, 1.5), h(20.0, 2.0, 3.0),
                                                   v(0.0, 0.0, 20.0), v(3.0, 0.0, 20.0),
                                                   v(1.0, 0.0, 10.0)],
    "cells inside cells": [*grid([0.0, 200.0], [0.0, 100.0]), *grid([20.0, 60.0, 100.0], [20.0, 40.0, 60.0]),
                           *grid([120.0, 150.0, 180.0], [70.0, 80.0, 90.0])],
    "merged cells": [h(0.0, 0.0, 300.0), h(20.0, 0.0, 300.0), h(40.0, 100.0, 300.0),
                     h(60.0, 0.0, 300.0), v(0.0, 0.0, 60.0), v(100.0, 0.0, 60.0),
                     v(200.0, 20.0, 60.0), v(300.0, 0.0, 60.0)],
    "two tables": grid([0.0, 50.0, 100.0], [0.0, 20.0]) + grid([0.0, 50.0, 100.0], [300.0, 320.0]),
    "negative and huge coordinates": grid([-1e300, -50.0, 0.5, 1e300], [-7.25, 3.0, 1e308]),
    "a negative zero": grid([-0.0, 50.0, 100.0], [0.0, 20.0]),
    "a NaN": grid([0.0, math.nan, 100.0], [0.0, 20.0]),
    "infinities": grid([-math.inf, 50.0, math.inf], [0.0, 20.0]),
    "an overflowing mean": [h(1.7e308, 0.0, 100.0), h(1.7e308, 0.0, 50.0), *grid([0.0, 50.0], [0.0, 9.0])],
    "whole numbers": grid([0, 50, 100], [0, 20, 40]),
    "a horizontal flag of 1": [Edge(0.0, 0.0, 100.0, 0.0, 1), *grid([0.0, 50.0, 100.0], [0.0, 20.0])],
}

ODD_CHARS = [char("a", 1.0, 1.0), char("b", 46.0, 16.0), char("c", 50.0, 0.0),
             char("d", -4.0, -4.0), char("e", 96.0, 36.0), char("f", 25.0, 25.0),
             Char("g", math.nan, 10.0, 5.0, 9.0, 8.0), Char("h", 10.0, 12.0, math.inf, 9.0, 8.0),
             Char("i", -0.0, 0.0, -0.0, 0.0, 8.0), char("j", 150.0, 75.0), char("k", 30.0, 45.0)]


@needs_helper
@pytest.mark.parametrize("name", sorted(ODD_PAGES))
def test_odd_pages_read_the_same_both_ways(name: str) -> None:
    compiled, python = _both(ODD_PAGES[name], ODD_CHARS)
    assert compiled == python


@needs_helper
@pytest.mark.parametrize("name", ["a NaN", "infinities", "a negative zero", "whole numbers",
                                  "a horizontal flag of 1", "an overflowing mean"])
def test_odd_coordinates_are_left_to_the_python_code(name: str) -> None:
    assert pdftables._bulktables.tables(ODD_PAGES[name], 1.0, 3.0, 3.0, 3.0, 3.0) is None


@needs_helper
def test_odd_cells_and_characters_are_left_to_the_python_code() -> None:
    bulk = pdftables._bulktables
    assert bulk.cell_chars([(0, 0.0, 1.0, 1.0)], []) is None
    assert bulk.cell_chars([(0.0, math.nan, 1.0, 1.0)], []) is None
    assert bulk.cell_chars([], []) is None
    assert bulk.cell_chars([(0.0, 0.0, 1.0, 1.0)], [Char("a", 0, 1, 0, 1, 1)]) is None
    assert bulk.outside([Char("a", 0, 1, 0, 1, 1)], [(0.0, 0.0, 1.0, 1.0)]) is None
    assert bulk.outside([], [(0.0, 0.0, 1.0, math.inf)]) is None
    assert bulk.cell_chars(((0.0, 0.0, 1.0, 1.0),), []) is None
    assert bulk.outside([], ((0.0, 0.0, 1.0, 1.0),)) is None


@needs_helper
def test_cells_in_a_tuple_read_the_same_both_ways() -> None:
    table = Table(((0.0, 0.0, 50.0, 20.0), (50.0, 0.0, 100.0, 20.0)))  # type: ignore[arg-type]
    assert repr(cell_chars(table, ODD_CHARS)) == repr(cell_chars(table, ODD_CHARS, compiled=False))


@needs_helper
def test_duplicate_and_overlapping_cells_fill_their_slots_as_the_python_code_does() -> None:
    table = Table([(0.0, 0.0, 50.0, 20.0), (0.0, 0.0, 100.0, 40.0), (0.0, 0.0, 50.0, 20.0),
                   (50.0, 20.0, 100.0, 40.0), (-0.0, 20.0, 50.0, 40.0)])
    assert repr(cell_chars(table, ODD_CHARS)) == repr(cell_chars(table, ODD_CHARS, compiled=False))


@needs_helper
def test_characters_without_boxes_raise_as_in_the_python_code() -> None:
    table = Table([(0.0, 0.0, 50.0, 20.0), (50.0, 0.0, 100.0, 20.0)])
    for compiled in (True, False):
        with pytest.raises(AttributeError):
            cell_chars(table, [object()], compiled=compiled)
        with pytest.raises(AttributeError):
            pdfpage._outside([object()], [table.bbox], compiled=compiled)
        with pytest.raises(AttributeError):
            find_tables([object()], compiled=compiled)


@needs_helper
def test_characters_and_edges_given_as_iterators_are_read_once_by_the_python_code() -> None:
    """The helper leaves anything but a list or tuple to the Python code unread: an iterator
    it had used up would have left the Python code nothing (no table, no character)."""
    edges = grid([0.0, 50.0, 100.0], [0.0, 20.0, 40.0]) + [Edge(0.0, 5.0, 1.0, 5.0, 1)]
    tables = find_tables(edges)
    assert len(find_tables(iter(edges))) == len(tables) == 1
    chars = ODD_CHARS + [Char("x", 1, 2, 3, 4, 5.0, False)]
    assert (repr(cell_chars(tables[0], iter(chars)))
            == repr(cell_chars(tables[0], chars, compiled=False)))
    boxes = [(500.0, 500.0, 600.0, 600.0)]
    assert pdfpage._outside(iter(chars), boxes) == pdfpage._outside(chars, boxes, compiled=False)


@needs_helper
def test_cells_changed_while_the_characters_are_gathered_are_not_read_past_their_end() -> None:
    cells = [(float(i), 0.0, float(i + 1), 1.0) for i in range(1000)]

    def emptying():  # a page's characters whose reading changes the table
        cells.clear()
        yield from ()

    assert pdftables._bulktables.cell_chars(cells, emptying()) is None
    assert len(cells) == 1000  # not read: the Python code's to read


@needs_helper
def test_a_class_borrowing_chars_slots_raises_as_in_python() -> None:
    """Char's slot descriptors on another class are refused by Python; the helper must not
    read that class's memory as Char's."""
    class Borrower(bytes):
        x0, top, x1, bottom = (Char.__dict__[name] for name in ("x0", "top", "x1", "bottom"))

    borrower = Borrower(b"A" * 200)
    with pytest.raises(TypeError):
        pdfpage._outside([borrower], [(0.0, 0.0, 1.0, 1.0)], compiled=False)
    with pytest.raises(TypeError):
        pdftables._bulktables.outside([borrower], [(0.0, 0.0, 1.0, 1.0)])


def _on(value: float, step: float) -> float:
    return round(value / step) * step if step else value


def _jittered(positions: list[float], rng: random.Random, jitter: float) -> list[float]:
    return [p + rng.choice([-jitter, 0.0, jitter, rng.uniform(-jitter, jitter)])
            for p in positions]


@needs_helper
@settings(max_examples=300, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), columns=st.integers(1, 7), rows=st.integers(1, 7),
       jitter=st.sampled_from([0.0, 0.4, 1.6, 3.5]), gaps=st.integers(0, 6))
def test_random_grids_read_the_same_both_ways(seed: int, columns: int, rows: int, jitter: float,
                                              gaps: int) -> None:
    rng = random.Random(seed)
    step = rng.choice([0.0, 0.5, 1.5, 3.0])  # positions on a raster: gaps exactly SNAP, JOIN
    xs = sorted(_on(rng.uniform(0, 500), step) for _ in range(columns + 1))
    ys = sorted(_on(rng.uniform(0, 700), step) for _ in range(rows + 1))
    jitter = _on(jitter, step) if step else jitter
    edges = []
    for y in ys:
        left, right = _jittered([xs[0], xs[-1]], rng, jitter)
        edges.append(h(rng.choice([y, *_jittered([y], rng, jitter)]), left, right))
    for x in xs:
        top, bottom = _jittered([ys[0], ys[-1]], rng, jitter)
        edges.append(v(rng.choice([x, *_jittered([x], rng, jitter)]), top, bottom))
    for _ in range(min(gaps, len(edges) - 1)):  # cut an edge in two, or drop it
        index = rng.randrange(len(edges))
        e = edges.pop(index)
        if rng.random() < 0.7:
            if e.horizontal:
                cut = rng.uniform(e.x0, e.x1)
                edges += [h(e.top, e.x0, cut - rng.choice([3.0, rng.uniform(0, 5)])),
                          h(e.top, cut, e.x1)]
            else:
                cut = rng.uniform(e.top, e.bottom)
                edges += [v(e.x0, e.top, cut - rng.choice([3.0, rng.uniform(0, 5)])),
                          v(e.x0, cut, e.bottom)]
    rng.shuffle(edges)
    chars = [char(str(i % 10), rng.choice([rng.uniform(-10, 510), *xs]),
                  rng.choice([rng.uniform(-10, 710), *ys]), rng.choice([4.0, 8.0, 0.0]))
             for i in range(60)]
    compiled, python = _both(edges, chars)
    assert compiled == python


class _ShiftedChar(Char):
    """A Char whose x0 is a property (the helper must not read the slot under it)."""

    __slots__ = ()

    @property  # type: ignore[override]
    def x0(self) -> float:
        return 7.5

    @x0.setter
    def x0(self, value: float) -> None:
        pass


@needs_helper
def test_boxes_not_kept_in_slots_read_the_same_both_ways() -> None:
    edges = [SimpleNamespace(x0=e.x0, top=e.top, x1=e.x1, bottom=e.bottom, horizontal=e.horizontal)
             for e in grid([0.0, 50.0, 100.0], [0.0, 20.0, 40.0])]
    chars = [SimpleNamespace(text="a", x0=c.x0, x1=c.x1, top=c.top, bottom=c.bottom)
             for c in ODD_CHARS]
    chars += [_ShiftedChar("b", 90.0, 10.0, 5.0, 13.0, 8.0), _ShiftedChar("c", 0.0, 1.0, 5.0, 13.0, 8.0)]
    compiled, python = _both(edges, chars)  # type: ignore[arg-type]
    assert compiled == python
    assert "'b'" in compiled and "'c'" in compiled
