"""A page's path segments read in one piece from PDFium's array of points, checked against
PDFium's own calls, and the rulings they give."""

from __future__ import annotations

import struct

import pypdfium2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yusuan.readers import pdfobjects
from yusuan.readers.pdfium import library
from yusuan.readers.pdfium.document import Document
from yusuan.readers.pdfobjects import (
    Frame,
    _PathReader,
    calls,
    handle,
    read_objects,
    straight_edges,
)


def _draw_paths(canvas) -> None:
    canvas.rect(60, 700, 200, 40)  # a rectangle: move, three lines, a closing line
    canvas.rect(60, 600, 200, 0.4, stroke=0, fill=1)  # a thin filled bar: its ends are no rulings
    canvas.line(60, 500, 400, 500)
    path = canvas.beginPath()  # an open path with a curve and a second subpath
    path.moveTo(100, 300)
    path.lineTo(200, 300)
    path.curveTo(220, 320, 240, 280, 260, 300)
    path.moveTo(300, 250)
    path.lineTo(300, 150)
    path.lineTo(350, 150)
    path.close()
    canvas.drawPath(path)


@pytest.fixture
def paths_pdf(pdf_canvas):
    canvas, path = pdf_canvas("paths.pdf")
    _draw_paths(canvas)
    canvas.showPage()
    _draw_paths(canvas)
    canvas.save()
    document = Document(str(path))
    yield document
    document.close()


def _path_objects(page) -> list:
    pdfium = calls()
    raw = handle(page.raw)
    objects = [pdfium.FPDFPage_GetObject(raw, i) for i in range(pdfium.FPDFPage_CountObjects(raw))]
    return [obj for obj in objects
            if pdfium.FPDFPageObj_GetType(obj) == library.FPDF_PAGEOBJ_PATH]


def _edges(document) -> list[tuple]:
    out = []
    for page in document:
        frame = Frame(tuple(page.get_mediabox()), 0)
        out.append(sorted((e.x0, e.top, e.x1, e.bottom, e.horizontal)
                          for e in read_objects(page, frame).edges))
    return out


def test_segments_read_in_one_piece_equal_those_read_one_call_each(paths_pdf) -> None:
    reader = _PathReader(calls())
    page = paths_pdf[0]  # held: its objects live as long as the page
    objects = _path_objects(page)
    assert len(objects) == 4
    for obj in objects:
        count = calls().FPDFPath_CountSegments(obj)
        assert reader.points(obj) == reader._points_by_call(obj, count)
    assert pdfobjects._checked_layout == [True]


@pytest.mark.parametrize("helper", ["C helper", "ctypes"])
def test_rulings_are_the_straight_segments_a_point_long_or_longer(paths_pdf, helper, monkeypatch
                                                                  ) -> None:
    if helper == "ctypes":
        monkeypatch.setattr(pdfobjects, "compiled", lambda: None)
    elif pdfobjects.compiled() is None:
        pytest.skip("the C helper _bulkobjects was not built")
    first, second = _edges(paths_pdf)
    assert first == second
    top = 841.89  # A4's height: y from the top of the page
    horizontal = sorted((round(x0, 1), round(y, 1), round(x1, 1)) for x0, y, x1, _, h in first if h)
    assert horizontal == [(60, round(top - y, 1), x1) for y, x1 in (
        (740, 260), (700, 260), (600.4, 260), (600, 260), (500, 400))] + [
        (100, round(top - 300, 1), 200), (300, round(top - 150, 1), 350)]
    vertical = sorted((round(x0, 1), round(y0, 1), round(y1, 1)) for x0, y0, _, y1, h in first
                      if not h)  # the bar's ends, 0.4 pt long, are left out
    assert vertical == [(60, round(top - 740, 1), round(top - 700, 1)),
                        (260, round(top - 740, 1), round(top - 700, 1)),
                        (300, round(top - 250, 1), round(top - 150, 1))]


def test_a_layout_that_does_not_match_is_read_one_call_each(paths_pdf, monkeypatch) -> None:
    monkeypatch.setattr(pdfobjects, "compiled", lambda: None)  # the ctypes calls' reading
    expected = _edges(paths_pdf)
    monkeypatch.setattr(pdfobjects, "_checked_layout", [])
    monkeypatch.setattr(pdfobjects, "_POINT", struct.Struct("=ffBxBx"))  # the close flag moved
    assert _edges(paths_pdf) == expected
    assert pdfobjects._checked_layout == [False]


def _segments_then_straight(points, matrix):
    """The rulings as the reader first worked them out: every segment drawn (a closing one
    after the point that closes), then the straight ones of a point or longer."""
    segments = []
    start = current = None
    a, b, c, d, e, f = matrix
    for px, py, kind, closes in points:
        here = (a * px + c * py + e, b * px + d * py + f)
        if kind == LINETO and current is not None:
            segments.append((*current, *here))
        if kind == MOVETO or start is None:
            start = here
        current = here
        if closes:
            segments.append((*current, *start))
            current = start
    return straight_edges(segments, pdfobjects.SHORTEST)


LINETO, MOVETO, BEZIERTO = (pypdfium2.raw.FPDF_SEGMENT_LINETO, pypdfium2.raw.FPDF_SEGMENT_MOVETO,
                            pypdfium2.raw.FPDF_SEGMENT_BEZIERTO)
_coordinate = st.sampled_from([0.0, 0.3, 0.95, 1.0, 1.05, 10.0, 10.05, 200.0, -3.0])
_points = st.lists(st.tuples(_coordinate, _coordinate, st.sampled_from([LINETO, MOVETO, BEZIERTO]),
                             st.sampled_from([0, 1])), max_size=12)
_matrices = st.sampled_from([(1.0, 0.0, 0.0, 1.0, 0.0, 0.0), (1.0, 0.0, 0.0, -1.0, -5.0, 842.0),
                             (0.0, 1.0, 1.0, 0.0, 3.0, -2.0), (2.0, 0.0, 0.0, 0.5, 1.0, 1.0),
                             (0.99, 0.1, -0.1, 0.99, 0.0, 0.0)])


@settings(deadline=None)  # a busy machine must not fail it
@given(_points, _matrices)
def test_the_paths_rulings_are_those_of_its_segments_in_drawing_order(points, matrix) -> None:
    assert (pdfobjects._path_edges(LINETO, MOVETO, points, matrix)
            == _segments_then_straight(points, matrix))
