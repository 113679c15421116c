"""A page's ruling edges and image count from PDFium, and the frame that places them.

Coordinates are turned into the page as its text reads (see `pdfchars`), in points, `x`
growing rightwards and `top` downwards, as pdfplumber measures them. Path objects, also those
inside form XObjects, give their straight horizontal and vertical segments as edges; curves
are skipped.

PDFium is called through `calls()`: its functions bound once without pypdfium2's argument
checks (a handle passed as a plain address), since a page's characters and path segments
cost one call each. pypdfium2 is imported on first use, so reading other formats never loads
it.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

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


PAPER = 250  # a colour whose red, green and blue all reach this is the paper's white
_HANDLE = ctypes.c_void_p
_SIGNATURES: dict[str, tuple[Any, ...]] = {
    # name: (result, argument types); None leaves the arguments unchecked (a c_void_p handle
    # and ints or byref() are passed as they are, the fastest way ctypes calls)
    "FPDFText_CountChars": (ctypes.c_int, None),
    "FPDFText_GetText": (ctypes.c_int, None),
    "FPDFText_GetUnicode": (ctypes.c_uint, None),
    "FPDFText_IsGenerated": (ctypes.c_int, None),
    "FPDFText_HasUnicodeMapError": (ctypes.c_int, None),
    "FPDFText_GetLooseCharBox": (ctypes.c_int, None),
    "FPDFText_GetFontSize": (ctypes.c_double, None),
    "FPDFText_GetMatrix": (ctypes.c_int, None),
    "FPDFText_GetCharOrigin": (ctypes.c_int, None),
    "FPDFPage_CountObjects": (ctypes.c_int, (_HANDLE,)),
    "FPDFPage_GetObject": (_HANDLE, (_HANDLE, ctypes.c_int)),
    "FPDFFormObj_CountObjects": (ctypes.c_int, (_HANDLE,)),
    "FPDFFormObj_GetObject": (_HANDLE, (_HANDLE, ctypes.c_ulong)),
    "FPDFPageObj_GetType": (ctypes.c_int, (_HANDLE,)),
    "FPDFPageObj_GetMatrix": (ctypes.c_int, (_HANDLE, ctypes.c_void_p)),
    "FPDFPath_CountSegments": (ctypes.c_int, (_HANDLE,)),
    "FPDFPath_GetPathSegment": (_HANDLE, (_HANDLE, ctypes.c_int)),
    "FPDFPathSegment_GetPoint": (ctypes.c_int, (_HANDLE, ctypes.c_void_p, ctypes.c_void_p)),
    "FPDFPathSegment_GetType": (ctypes.c_int, (_HANDLE,)),
    "FPDFPathSegment_GetClose": (ctypes.c_int, (_HANDLE,)),
    "FPDFPageObj_GetClipPath": (_HANDLE, (_HANDLE,)),
    "FPDFPath_GetDrawMode": (ctypes.c_int, (_HANDLE, ctypes.c_void_p, ctypes.c_void_p)),
    "FPDFPageObj_GetFillColor": (ctypes.c_int, (_HANDLE, *(ctypes.c_void_p,) * 4)),
    "FPDFPageObj_GetStrokeColor": (ctypes.c_int, (_HANDLE, *(ctypes.c_void_p,) * 4)),
    "FPDFClipPath_CountPaths": (ctypes.c_int, (_HANDLE,)),
    "FPDFClipPath_CountPathSegments": (ctypes.c_int, (_HANDLE, ctypes.c_int)),
    "FPDFClipPath_GetPathSegment": (_HANDLE, (_HANDLE, ctypes.c_int, ctypes.c_int)),
}


@lru_cache(maxsize=1)
def calls() -> SimpleNamespace:
    """PDFium's functions this reader calls per character, object or segment, bound once."""
    import pypdfium2.raw as pdfium_c

    bound: dict[str, Any] = {}
    for name, (result, arguments) in _SIGNATURES.items():
        address = ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value
        function = ctypes.CFUNCTYPE(result, *(arguments or ()))(address)
        if arguments is None:
            function.argtypes = None
        bound[name] = function
    bound["constants"] = pdfium_c
    return SimpleNamespace(**bound)


def handle(pointer: Any) -> ctypes.c_void_p:
    """A pypdfium2 handle (page, text page) as the plain address `calls()` takes."""
    return ctypes.cast(pointer, ctypes.c_void_p)


def read_objects(page: Any, frame: Frame) -> PageObjects:
    """Ruling edges and the number of images of a page (form XObjects included)."""
    pdfium = calls()
    found = PageObjects(edges=[], images=0)
    page_handle = handle(page.raw)
    objects = [pdfium.FPDFPage_GetObject(page_handle, index)
               for index in range(pdfium.FPDFPage_CountObjects(page_handle))]
    _walk(pdfium, objects, frame.matrix, found, 0)
    return found


def _walk(pdfium: SimpleNamespace, objects: list[Any], parent: Matrix, found: PageObjects,
          depth: int) -> None:
    """Collect edges and images; `parent` maps the objects' space to the displayed page."""
    kinds = pdfium.constants
    for obj in objects:
        kind = pdfium.FPDFPageObj_GetType(obj)
        if kind == kinds.FPDF_PAGEOBJ_PATH and _drawn(pdfium, obj):
            found.edges.extend(_path_edges(pdfium, obj, _compose(parent, _matrix(pdfium, obj))))
        elif kind == kinds.FPDF_PAGEOBJ_IMAGE:
            found.images += 1
        elif kind == kinds.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            inner = [pdfium.FPDFFormObj_GetObject(obj, index)
                     for index in range(pdfium.FPDFFormObj_CountObjects(obj))]
            _walk(pdfium, inner, _compose(parent, _matrix(pdfium, obj)), found, depth + 1)


def _drawn(pdfium: SimpleNamespace, obj: Any) -> bool:
    """Whether a path leaves a mark: stroked or filled in a colour other than the paper's
    white. A white box an office program lays under a block of cells (江苏人大: around the
    title between two tables) draws no ruling, and its sides must not join the tables."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return True
    return ((stroke.value and _inked(pdfium.FPDFPageObj_GetStrokeColor, obj))
            or (fill.value != 0 and _inked(pdfium.FPDFPageObj_GetFillColor, obj)))


def _inked(get_color: Any, obj: Any) -> bool:
    rgba = (ctypes.c_uint * 4)()
    size = ctypes.sizeof(ctypes.c_uint)
    if not get_color(obj, *(ctypes.byref(rgba, i * size) for i in range(4))):
        return True
    red, green, blue, alpha = rgba
    return alpha > 0 and min(red, green, blue) < PAPER


def _matrix(pdfium: SimpleNamespace, obj: Any) -> Matrix:
    matrix = (ctypes.c_float * 6)()
    if not pdfium.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
        return IDENTITY
    return tuple(matrix)  # type: ignore[return-value]


def _compose(outer: Matrix, inner: Matrix) -> Matrix:
    """The matrix applying `inner` first, then `outer` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (a * oa + b * oc, a * ob + b * od, c * oa + d * oc, c * ob + d * od,
            e * oa + f * oc + oe, e * ob + f * od + of)


def _path_points(pdfium: SimpleNamespace, obj: Any, matrix: Matrix
                 ) -> list[tuple[int, float, float, bool]]:
    """(segment type, x, y, closes) of each segment, on the displayed page."""
    a, b, c, d, e, f = matrix
    point = (ctypes.c_float * 2)()
    x, y = ctypes.byref(point), ctypes.byref(point, ctypes.sizeof(ctypes.c_float))
    get_segment, get_point = pdfium.FPDFPath_GetPathSegment, pdfium.FPDFPathSegment_GetPoint
    get_type, get_close = pdfium.FPDFPathSegment_GetType, pdfium.FPDFPathSegment_GetClose
    points = []
    for index in range(pdfium.FPDFPath_CountSegments(obj)):
        segment = get_segment(obj, index)
        if not get_point(segment, x, y):
            continue
        px, py = point
        points.append((get_type(segment), a * px + c * py + e, b * px + d * py + f,
                       bool(get_close(segment))))
    return points


def _path_edges(pdfium: SimpleNamespace, obj: Any, matrix: Matrix) -> list[Edge]:
    edges: list[Edge] = []
    start = current = None
    lineto, moveto = pdfium.constants.FPDF_SEGMENT_LINETO, pdfium.constants.FPDF_SEGMENT_MOVETO
    for kind, x, y, closes in _path_points(pdfium, obj, matrix):
        if kind == lineto and current is not None:
            add_segment(edges, current, (x, y))
        if kind == moveto or start is None:
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
