"""A page's ruling edges and image count from PDFium, and the frame that places them.

Coordinates are turned into the page as its text reads (see `pdfchars`), in points, `x`
growing rightwards and `top` downwards, as pdfplumber measures them. Path objects, also those
inside form XObjects, give their straight horizontal and vertical segments as edges; curves
are skipped.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

MAX_FORM_DEPTH = 8
STRAIGHT = 0.1  # a segment whose ends differ by less than this across it is horizontal/vertical

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(slots=True)
class Edge:
    """A ruling: horizontal when top == bottom, vertical when x0 == x1."""

    x0: float
    top: float
    x1: float
    bottom: float
    horizontal: bool


@dataclass(slots=True)
class PageObjects:
    edges: list[Edge]
    images: int


class Frame:
    """Maps PDF user space to the page turned by `rotation` degrees clockwise, top-down."""

    def __init__(self, box: tuple[float, float, float, float], rotation: int) -> None:
        left, bottom, right, top = box
        self.rotation = rotation % 360
        self.matrix: Matrix = {
            90: (0.0, 1.0, 1.0, 0.0, -bottom, -left),
            180: (-1.0, 0.0, 0.0, 1.0, right, -bottom),
            270: (0.0, -1.0, -1.0, 0.0, top, right),
        }.get(self.rotation, (1.0, 0.0, 0.0, -1.0, -left, top))

    def box(self, left: float, bottom: float, right: float, top: float
            ) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) on the turned page of a user-space rectangle."""
        a, b, c, d, e, f = self.matrix
        ax, ay = a * left + c * bottom + e, b * left + d * bottom + f
        bx, by = a * right + c * top + e, b * right + d * top + f
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def read_objects(page: Any, frame: Frame) -> PageObjects:
    """Ruling edges and the number of images of a page (form XObjects included)."""
    found = PageObjects(edges=[], images=0)
    handle = page.raw
    objects = [pdfium_c.FPDFPage_GetObject(handle, index)
               for index in range(pdfium_c.FPDFPage_CountObjects(handle))]
    _walk(objects, frame.matrix, found, 0)
    return found


def _walk(objects: list[Any], parent: Matrix, found: PageObjects, depth: int) -> None:
    """Collect edges and images; `parent` maps the objects' space to the displayed page."""
    for obj in objects:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            found.edges.extend(_path_edges(obj, _compose(parent, _matrix(obj))))
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            found.images += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            inner = [pdfium_c.FPDFFormObj_GetObject(obj, index)
                     for index in range(pdfium_c.FPDFFormObj_CountObjects(obj))]
            _walk(inner, _compose(parent, _matrix(obj)), found, depth + 1)


def _matrix(obj: Any) -> Matrix:
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
        return IDENTITY
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _compose(outer: Matrix, inner: Matrix) -> Matrix:
    """The matrix applying `inner` first, then `outer` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (a * oa + b * oc, a * ob + b * od, c * oa + d * oc, c * ob + d * od,
            e * oa + f * oc + oe, e * ob + f * od + of)


def _path_points(obj: Any, matrix: Matrix) -> list[tuple[int, float, float, bool]]:
    """(segment type, x, y, closes) of each segment, on the displayed page."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    get_segment, get_point = pdfium_c.FPDFPath_GetPathSegment, pdfium_c.FPDFPathSegment_GetPoint
    get_type, get_close = pdfium_c.FPDFPathSegment_GetType, pdfium_c.FPDFPathSegment_GetClose
    points = []
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = get_segment(obj, index)
        if not get_point(segment, x, y):
            continue
        px, py = x.value, y.value
        points.append((get_type(segment), a * px + c * py + e, b * px + d * py + f,
                       bool(get_close(segment))))
    return points


def _path_edges(obj: Any, matrix: Matrix) -> list[Edge]:
    edges: list[Edge] = []
    start = current = None
    for kind, x, y, closes in _path_points(obj, matrix):
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and current is not None:
            add_segment(edges, current, (x, y))
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or start is None:
            start = (x, y)
        current = (x, y)
        if closes and start is not None:
            add_segment(edges, current, start)
            current = start
    return edges


def add_segment(edges: list[Edge], a: tuple[float, float], b: tuple[float, float]) -> None:
    """Add the segment a–b to `edges` if it is horizontal or vertical."""
    (ax, ay), (bx, by) = a, b
    x0, x1 = (ax, bx) if ax <= bx else (bx, ax)
    top, bottom = (ay, by) if ay <= by else (by, ay)
    if bottom - top < STRAIGHT and x1 > x0:
        middle = (top + bottom) / 2
        edges.append(Edge(x0, middle, x1, middle, True))
    elif x1 - x0 < STRAIGHT and bottom > top:
        middle = (x0 + x1) / 2
        edges.append(Edge(middle, top, middle, bottom, False))
