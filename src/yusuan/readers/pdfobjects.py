"""A page's ruling edges and image count from PDFium, and the frame that places them.

Coordinates are turned into the page as its text reads (see `pdfchars`), in points, `x`
growing rightwards and `top` downwards, as pdfplumber measures them. Path objects, also those
inside form XObjects, give their straight horizontal and vertical segments as edges; curves
are skipped. The page's objects and their types are asked once (`page_tree`), which also
tells the character reader whether any text object has a clip.

PDFium is called through `calls()`: its functions bound once (`pdfium.library`, without
pypdfium2) with their arguments unchecked where that is faster (a handle passed as a plain
address), since a page's characters and objects cost a call or more each (a path's segments
are read in one piece: `_PathReader.points`). PDFium is loaded on first use, so reading other
formats never loads it. Where the optional C helper `_bulkobjects` was built (`compiled()`),
it makes the per-object and per-segment calls of `page_tree` and `read_objects` in C loops,
with the same results.
"""

from __future__ import annotations

import ctypes
import struct
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from yusuan.kept.dataclass_code import dataclass
from yusuan.readers.pdfium import library

MAX_FORM_DEPTH = 8
STRAIGHT = 0.1  # a segment whose ends differ by less than this across it is horizontal/vertical
SHORTEST = 1.0  # a straight segment shorter than this is no ruling (a thin filled bar's end)

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
    """A page's ruling edges (from its paths) and how many images it draws."""

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
    "FPDFText_GetTextObject": (_HANDLE, None),
    "FPDFText_GetCharOrigin": (ctypes.c_int, None),
    "FPDFPage_CountObjects": (ctypes.c_int, (_HANDLE,)),
    "FPDFPage_GetObject": (_HANDLE, None),  # (the page as `handle` gives it, an index)
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
    """PDFium's functions this reader calls per character, object or segment, bound once (the
    object and segment kinds are `library`'s constants)."""
    return library.bind_all(_SIGNATURES)


_COMPILED_KINDS = ("FPDF_PAGEOBJ_TEXT", "FPDF_PAGEOBJ_PATH", "FPDF_PAGEOBJ_IMAGE",
                   "FPDF_PAGEOBJ_FORM", "FPDF_SEGMENT_LINETO", "FPDF_SEGMENT_MOVETO")


@lru_cache(maxsize=1)
def compiled() -> Any:
    """The C helper `_bulkobjects` bound to PDFium's functions, or None where it was not built
    (the ctypes calls below give the same)."""
    try:
        from yusuan.readers import _bulkobjects  # type: ignore[attr-defined]
    except ImportError:
        return None
    _bulkobjects.bind({name: library.address(name) for name in _SIGNATURES},
                      {name: getattr(library, name) for name in _COMPILED_KINDS})
    return _bulkobjects


def handle(pointer: Any) -> ctypes.c_void_p:
    """A page's or text page's handle (`pdfium.document`'s or pypdfium2's) as the plain address
    `calls()` takes."""
    return ctypes.cast(pointer, ctypes.c_void_p)


Node = tuple[Any, int, "list[Node] | None"]  # an object, its type, a form's inner objects


@dataclass(slots=True)
class PageTree:
    """A page's objects with their types asked once (a form's inner objects with it, to
    MAX_FORM_DEPTH), and whether a text object has a clip: only then can a cell's clip hide
    some of its characters (`pdfchars.hide_cell_overflow`). PDFium drops the clip of an object
    that lies wholly inside its one rectangle, so most pages' text has none."""

    nodes: list[Node]
    clipped_text: bool  # a text object has a clip, or a form lies too deep to be looked into


def page_tree(page: Any) -> PageTree:
    """The page's objects, or with the C helper only whether its text is clipped (the helper
    walks the objects again in `read_objects`)."""
    bulk = compiled()
    if bulk is not None:
        return PageTree([], bulk.clipped_text(handle(page.raw).value, MAX_FORM_DEPTH))
    pdfium = calls()
    page_handle = handle(page.raw)
    objects = [pdfium.FPDFPage_GetObject(page_handle, index)
               for index in range(pdfium.FPDFPage_CountObjects(page_handle))]
    tree = PageTree([], False)
    tree.nodes = _nodes(pdfium, objects, 0, tree)
    return tree


def _nodes(pdfium: SimpleNamespace, objects: list[Any], depth: int, tree: PageTree
           ) -> list[Node]:
    text, form = library.FPDF_PAGEOBJ_TEXT, library.FPDF_PAGEOBJ_FORM
    get_type, clip_of = pdfium.FPDFPageObj_GetType, pdfium.FPDFPageObj_GetClipPath
    count_paths = pdfium.FPDFClipPath_CountPaths
    nodes: list[Node] = []
    for obj in objects:
        kind = get_type(obj)
        inner = None
        if kind == form:
            if depth < MAX_FORM_DEPTH:
                inner = _nodes(pdfium, [pdfium.FPDFFormObj_GetObject(obj, index)
                                        for index in range(pdfium.FPDFFormObj_CountObjects(obj))],
                               depth + 1, tree)
            else:
                tree.clipped_text = True  # its text is not looked at
        elif kind == text and not tree.clipped_text and count_paths(clip_of(obj)) > 0:
            tree.clipped_text = True
        nodes.append((obj, kind, inner))
    return nodes


def read_objects(page: Any, frame: Frame, tree: PageTree | None = None) -> PageObjects:
    """Ruling edges and the number of images of a page (form XObjects included); `tree` the
    page's objects when they were already asked for."""
    bulk = compiled()
    if bulk is not None:
        edges, images = bulk.read_objects(handle(page.raw).value, frame.matrix, Edge,
                                          MAX_FORM_DEPTH, STRAIGHT, SHORTEST, PAPER)
        return PageObjects(edges, images)
    found = PageObjects(edges=[], images=0)
    nodes = (tree or page_tree(page)).nodes
    _walk(_PathReader(calls()), nodes, frame.matrix, found)
    return found


def _walk(reader: _PathReader, nodes: list[Node], parent: Matrix, found: PageObjects) -> None:
    """Collect edges and images; `parent` maps the objects' space to the displayed page."""
    path, image = library.FPDF_PAGEOBJ_PATH, library.FPDF_PAGEOBJ_IMAGE
    form = library.FPDF_PAGEOBJ_FORM
    lineto, moveto = library.FPDF_SEGMENT_LINETO, library.FPDF_SEGMENT_MOVETO
    placed = reader.placed
    for obj, kind, inner in nodes:
        if kind == path:
            edges = _path_edges(lineto, moveto, reader.points(obj), placed(parent, obj))
            if edges and reader.drawn(obj):
                found.edges.extend(edges)
        elif kind == image:
            found.images += 1
        elif kind == form and inner is not None:
            _walk(reader, inner, placed(parent, obj), found)


# A path's segments, read in one piece. FPDFPath_GetPathSegment hands out the address of the
# segment's point in the path's array of points (PDFium's CFX_Path::Point: x and y as floats,
# the segment type and the close flag as bytes, 12 bytes in all), so the segments of a path
# lie one after another from its first segment's address. The array is read whole when the
# last segment stands where that layout puts it, and the layout is checked against PDFium's
# own calls on the first path of every page read; where either check fails, the path is read
# segment by segment through the calls.
_POINT = struct.Struct("=ffBBxx")
_SIX_FLOATS = struct.Struct("=6f")  # a matrix PDFium wrote (a slice would read each)
_FOUR_UINTS = struct.Struct("=4I")  # a colour
_checked_layout: list[bool] = []  # [True] once a page's first path read alike both ways


class _PathReader:
    """Reads paths' segments, matrices and colours, with the buffers PDFium writes into
    made once per page."""

    def __init__(self, pdfium: SimpleNamespace) -> None:
        self.pdfium = pdfium
        self.point = (ctypes.c_float * 2)()
        self.xy = (ctypes.byref(self.point),
                   ctypes.byref(self.point, ctypes.sizeof(ctypes.c_float)))
        self.matrix_buffer = (ctypes.c_float * 6)()
        self.matrix_ref = ctypes.byref(self.matrix_buffer)
        self.modes = (ctypes.c_int(), ctypes.c_int())
        self.modes_ref = (ctypes.byref(self.modes[0]), ctypes.byref(self.modes[1]))
        self.rgba = (ctypes.c_uint * 4)()
        size = ctypes.sizeof(ctypes.c_uint)
        self.rgba_ref = tuple(ctypes.byref(self.rgba, i * size) for i in range(4))
        self.page_checked = False  # the layout has been checked on this page
        self.composed: dict[tuple[Matrix, Matrix], Matrix] = {}

    def matrix(self, obj: Any) -> Matrix:
        if not self.pdfium.FPDFPageObj_GetMatrix(obj, self.matrix_ref):
            return IDENTITY
        return _SIX_FLOATS.unpack_from(self.matrix_buffer)  # type: ignore[return-value]

    def placed(self, parent: Matrix, obj: Any) -> Matrix:
        """The matrix mapping the object's space to the displayed page (`parent` then its
        own), worked out once per pair: a page's objects share a few matrices. (Two pairs
        that differ only in a zero's sign are one key, so a coordinate may come out as 0.0
        where the compiled helper gives -0.0; every comparison reads them as equal.)"""
        key = (parent, self.matrix(obj))
        found = self.composed.get(key)
        if found is None:
            found = self.composed[key] = _compose(parent, key[1])
        return found

    def drawn(self, obj: Any) -> bool:
        """Whether a path leaves a mark: stroked or filled in a colour other than the paper's
        white. A white box an office program lays under a block of cells (江苏人大: around
        the title between two tables) draws no ruling, and its sides must not join the
        tables."""
        pdfium = self.pdfium
        if not pdfium.FPDFPath_GetDrawMode(obj, *self.modes_ref):
            return True
        fill, stroke = self.modes
        return bool((stroke.value and self._inked(pdfium.FPDFPageObj_GetStrokeColor, obj))
                    or (fill.value != 0 and self._inked(pdfium.FPDFPageObj_GetFillColor, obj)))

    def _inked(self, get_color: Any, obj: Any) -> bool:
        if not get_color(obj, *self.rgba_ref):
            return True
        red, green, blue, alpha = _FOUR_UINTS.unpack_from(self.rgba)
        return alpha > 0 and min(red, green, blue) < PAPER

    def points(self, obj: Any) -> list[tuple[float, float, int, int]]:
        """(x, y, segment type, closes: 0 or 1) of each segment, in the path's own space."""
        pdfium = self.pdfium
        count = pdfium.FPDFPath_CountSegments(obj)
        if count <= 0:
            return []
        first = pdfium.FPDFPath_GetPathSegment(obj, 0)
        in_one_piece = (first and (count == 1 or pdfium.FPDFPath_GetPathSegment(obj, count - 1)
                                   == first + (count - 1) * _POINT.size))
        if not in_one_piece or _checked_layout == [False]:
            return self._points_by_call(obj, count)
        array = ctypes.string_at(first, count * _POINT.size)
        points = list(_POINT.iter_unpack(array))
        if not self.page_checked and count > 1:
            self.page_checked = True
            if points != self._points_by_call(obj, count):
                _checked_layout[:] = [False]
                return self._points_by_call(obj, count)
            _checked_layout[:] = [True]
        return points

    def _points_by_call(self, obj: Any, count: int) -> list[tuple[float, float, int, int]]:
        pdfium = self.pdfium
        x, y = self.xy
        get_segment, get_point = pdfium.FPDFPath_GetPathSegment, pdfium.FPDFPathSegment_GetPoint
        get_type, get_close = pdfium.FPDFPathSegment_GetType, pdfium.FPDFPathSegment_GetClose
        points = []
        for index in range(count):
            segment = get_segment(obj, index)
            if get_point(segment, x, y):
                px, py = self.point
                points.append((px, py, get_type(segment), get_close(segment)))
        return points


def _compose(outer: Matrix, inner: Matrix) -> Matrix:
    """The matrix applying `inner` first, then `outer` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (a * oa + b * oc, a * ob + b * od, c * oa + d * oc, c * ob + d * od,
            e * oa + f * oc + oe, e * ob + f * od + of)


def _path_edges(lineto: int, moveto: int, points: list[tuple[float, float, int, int]],
                matrix: Matrix) -> list[Edge]:
    """The path's straight segments of SHORTEST points or more, on the displayed page, in the
    order the path draws them (a closing segment after the point that closes)."""
    edges: list[Edge] = []
    a, b, c, d, e, f = matrix
    first = True
    start_x = start_y = x = y = 0.0
    low, high = -SHORTEST, SHORTEST  # a segment less than SHORTEST both across and down is none
    for px, py, kind, closes in points:
        here_x, here_y = a * px + c * py + e, b * px + d * py + f
        if (kind == lineto and not first
                and not (low < here_x - x < high and low < here_y - y < high)):
            _add_straight(edges, x, y, here_x, here_y, SHORTEST)
        if kind == moveto or first:
            start_x, start_y = here_x, here_y
            first = False
        x, y = here_x, here_y
        if closes:
            if not (low < start_x - x < high and low < start_y - y < high):
                _add_straight(edges, x, y, start_x, start_y, SHORTEST)
            x, y = start_x, start_y
    return edges


def straight_edges(segments: list[tuple[float, float, float, float]], shortest: float
                   ) -> list[Edge]:
    """The horizontal and vertical ones of the segments (ax, ay, bx, by), `shortest` long or
    longer."""
    edges: list[Edge] = []
    for ax, ay, bx, by in segments:
        _add_straight(edges, ax, ay, bx, by, shortest)
    return edges


def _add_straight(edges: list[Edge], ax: float, ay: float, bx: float, by: float,
                  shortest: float) -> None:
    """The segment (ax, ay)-(bx, by) added to `edges` when it is horizontal or vertical and
    `shortest` long or longer."""
    x0, x1 = (ax, bx) if ax <= bx else (bx, ax)
    top, bottom = (ay, by) if ay <= by else (by, ay)
    if bottom - top < STRAIGHT and x1 > x0 and x1 - x0 >= shortest:
        middle = (top + bottom) / 2
        edges.append(Edge(x0, middle, x1, middle, True))
    elif x1 - x0 < STRAIGHT and bottom > top and bottom - top >= shortest:
        middle = (x0 + x1) / 2
        edges.append(Edge(middle, top, middle, bottom, False))
