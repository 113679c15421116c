"""What PDFium gives of one page: characters with their boxes, ruling edges, image count.

Coordinates are turned into the page as displayed (the page's /Rotate applied), in points,
`x` growing rightwards and `top` downwards, as pdfplumber measures them. A character PDFium
cannot map to Unicode (the font has no ToUnicode entry for it) reads as U+FFFD, so the page
check sends such pages to OCR. Path objects, also those inside form XObjects, give their
straight horizontal and vertical segments as edges; curves are skipped.
"""

from __future__ import annotations

import ctypes
import math
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
        left, bottom, right, top = box
        self.rotation = rotation % 360
        self.matrix: Matrix = {
            90: (0.0, 1.0, 1.0, 0.0, -bottom, -left),
            180: (-1.0, 0.0, 0.0, 1.0, right, -bottom),
            270: (0.0, -1.0, -1.0, 0.0, top, right),
        }.get(self.rotation, (1.0, 0.0, 0.0, -1.0, -left, top))

    def box(self, left: float, bottom: float, right: float, top: float
            ) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) on the displayed page of a user-space rectangle."""
        a, b, c, d, e, f = self.matrix
        ax, ay = a * left + c * bottom + e, b * left + d * bottom + f
        bx, by = a * right + c * top + e, b * right + d * top + f
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def page_frame(page: Any) -> Frame:
    return Frame(tuple(page.get_mediabox()), page.get_rotation())


def read_chars(textpage: Any, frame: Frame) -> list[Char]:
    """The page's characters in content order, PDFium's generated spaces and breaks left out.

    A character's box runs across its advance width and, as pdfminer measures it, from the
    font's descent up one em (the font size times the text's scale), so `size` is the em.
    """
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    unicode, unmapped = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_HasUnicodeMapError
    loose, font_size = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetFontSize
    upright_page = frame.rotation == 0
    shift_x, shift_y = -frame.matrix[4], frame.matrix[5]
    ems = EmCache(raw)
    chars: list[Char] = []
    for index in range(pdfium_c.FPDFText_CountChars(raw)):
        code = unicode(raw, index)
        if code in _BREAKS and pdfium_c.FPDFText_IsGenerated(raw, index):
            continue
        if unmapped(raw, index) == 1 or code > 0x10FFFF:
            code = 0xFFFD
        loose(raw, index, rect)
        size, upright = ems.get(index, font_size(raw, index), rect.top - rect.bottom)
        top = rect.bottom + size if upright else rect.top
        if upright_page:
            chars.append(Char(chr(code), rect.left - shift_x, rect.right - shift_x,
                              shift_y - top, shift_y - rect.bottom, top - rect.bottom))
        else:
            x0, y0, x1, y1 = frame.box(rect.left, rect.bottom, rect.right, top)
            chars.append(Char(chr(code), x0, x1, y0, y1, top - rect.bottom))
    return chars


_BREAKS = frozenset((0x20, 0x0D, 0x0A))


class EmCache:
    """A character's em (font size × the text's scale) and whether it stands upright.

    The character matrix is read once per (font size, loose box height): characters of one
    run share both, and a different scale changes the box height.
    """

    def __init__(self, textpage: Any) -> None:
        self.textpage = textpage
        self.matrix = pdfium_c.FS_MATRIX()
        self.known: dict[tuple[float, float], tuple[float, bool]] = {}

    def get(self, index: int, font_size: float, height: float) -> tuple[float, bool]:
        key = (font_size, round(height, 2))
        found = self.known.get(key)
        if found is None:
            matrix = self.matrix
            pdfium_c.FPDFText_GetMatrix(self.textpage, index, matrix)
            scale = math.hypot(matrix.c, matrix.d)
            upright = abs(matrix.b) < 1e-3 * scale and abs(matrix.c) < 1e-3 * scale
            size = font_size * scale
            found = self.known[key] = (size, True) if upright and size > 0 else (height, False)
        return found


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
            _add_edge(edges, current, (x, y))
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or start is None:
            start = (x, y)
        current = (x, y)
        if closes and start is not None:
            _add_edge(edges, current, start)
            current = start
    return edges


def _add_edge(edges: list[Edge], a: tuple[float, float], b: tuple[float, float]) -> None:
    (ax, ay), (bx, by) = a, b
    x0, x1 = (ax, bx) if ax <= bx else (bx, ax)
    top, bottom = (ay, by) if ay <= by else (by, ay)
    if bottom - top < STRAIGHT and x1 > x0:
        middle = (top + bottom) / 2
        edges.append(Edge(x0, middle, x1, middle, True))
    elif x1 - x0 < STRAIGHT and bottom > top:
        middle = (x0 + x1) / 2
        edges.append(Edge(middle, top, middle, bottom, False))
