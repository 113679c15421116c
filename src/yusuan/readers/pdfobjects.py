"""What PDFium gives of one page: characters with their boxes, ruling edges, image count.

Coordinates are turned into the page as displayed (the page's /Rotate applied), in points,
`x` growing rightwards and `top` downwards, as pdfplumber measures them. A character PDFium
cannot map to Unicode (the font has no ToUnicode entry for it) reads as U+FFFD, so the page
check sends such pages to OCR. Path objects, also those inside form XObjects, give their
straight horizontal and vertical segments as edges; curves are skipped.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

MAX_FORM_DEPTH = 8
STRAIGHT = 0.5  # a segment whose ends differ by less than this across it is horizontal/vertical

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


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
    """Maps PDF user space to the displayed page (rotation applied, top-down)."""

    def __init__(self, box: tuple[float, float, float, float], rotation: int) -> None:
        self.left, self.bottom, self.right, self.top = box
        self.rotation = rotation % 360

    def point(self, x: float, y: float) -> tuple[float, float]:
        if self.rotation == 90:
            return y - self.bottom, x - self.left
        if self.rotation == 180:
            return self.right - x, y - self.bottom
        if self.rotation == 270:
            return self.top - y, self.right - x
        return x - self.left, self.top - y

    def box(self, left: float, bottom: float, right: float, top: float
            ) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) on the displayed page of a user-space rectangle."""
        ax, ay = self.point(left, bottom)
        bx, by = self.point(right, top)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def page_frame(page: Any) -> Frame:
    return Frame(tuple(page.get_mediabox()), page.get_rotation())


def read_chars(textpage: Any, frame: Frame) -> list[Char]:
    """The page's characters in content order, PDFium's generated spaces and breaks left out."""
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    chars: list[Char] = []
    for index in range(pdfium_c.FPDFText_CountChars(raw)):
        if pdfium_c.FPDFText_IsGenerated(raw, index):
            continue
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if pdfium_c.FPDFText_HasUnicodeMapError(raw, index) == 1 or code > 0x10FFFF:
            code = 0xFFFD
        pdfium_c.FPDFText_GetLooseCharBox(raw, index, rect)
        x0, top, x1, bottom = frame.box(rect.left, rect.bottom, rect.right, rect.top)
        chars.append(Char(chr(code), x0, x1, top, bottom, bottom - top))
    return chars


def read_objects(page: Any, frame: Frame) -> PageObjects:
    """Ruling edges and the number of images of a page (form XObjects included)."""
    found = PageObjects(edges=[], images=0)
    handle = page.raw
    objects = [pdfium_c.FPDFPage_GetObject(handle, index)
               for index in range(pdfium_c.FPDFPage_CountObjects(handle))]
    _walk(objects, IDENTITY, frame, found, 0)
    return found


def _walk(objects: list[Any], parent: Matrix, frame: Frame, found: PageObjects, depth: int) -> None:
    for obj in objects:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            found.edges.extend(_path_edges(obj, _compose(parent, _matrix(obj)), frame))
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            found.images += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            inner = [pdfium_c.FPDFFormObj_GetObject(obj, index)
                     for index in range(pdfium_c.FPDFFormObj_CountObjects(obj))]
            _walk(inner, _compose(parent, _matrix(obj)), frame, found, depth + 1)


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
    """(segment type, x, y, closes) of each segment, in user space."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    points = []
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        px, py = x.value, y.value
        points.append((pdfium_c.FPDFPathSegment_GetType(segment), a * px + c * py + e,
                       b * px + d * py + f, bool(pdfium_c.FPDFPathSegment_GetClose(segment))))
    return points


def _path_edges(obj: Any, matrix: Matrix, frame: Frame) -> list[Edge]:
    edges: list[Edge] = []
    start = current = None
    for kind, x, y, closes in _path_points(obj, matrix):
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and current is not None:
            _add_edge(edges, current, (x, y), frame)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or start is None:
            start = (x, y)
        current = (x, y)
        if closes and start is not None:
            _add_edge(edges, current, start, frame)
            current = start
    return edges


def _add_edge(edges: list[Edge], a: tuple[float, float], b: tuple[float, float],
              frame: Frame) -> None:
    x0, top, x1, bottom = frame.box(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]),
                                    max(a[1], b[1]))
    if bottom - top < STRAIGHT and x1 - x0 > 0:
        middle = (top + bottom) / 2
        edges.append(Edge(x0, middle, x1, middle, True))
    elif x1 - x0 < STRAIGHT and bottom - top > 0:
        middle = (x0 + x1) / 2
        edges.append(Edge(middle, top, middle, bottom, False))
