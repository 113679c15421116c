"""Text a page clips away: placed in the file, cut off on the paper.

Word processors that paginate into a clipped area leave the lines before a page break in the
next page's content stream, outside its clip: PDFium reads them, no reader sees them, and a
finding citing them points at nothing. Most pages clip all their text to one area, so the first
text object's clip is asked once; when characters stand outside it, the page is rendered and
a run of such characters with no ink where any of them stands is left out (PDFium's clip
coordinates are not always those the page is drawn in, so the picture decides, not the clip;
and a run, not a character, so that a faint '.' inside a figure is never lost).
"""

from __future__ import annotations

import ctypes
from types import SimpleNamespace
from typing import Any

from yusuan.readers.pdfchars import Char
from yusuan.readers.pdfobjects import Frame, calls, handle

Box = tuple[float, float, float, float]  # x0, top, x1, bottom on the turned page
SLACK = 1.0  # points a character may stand over its clip's edge and still be seen
INK = 200  # a grey darker than this (of 255) is ink


def visible(chars: list[Char], page: Any, frame: Frame) -> list[Char]:
    """`chars` without those the page's clip paths hide."""
    if not chars or frame.rotation or page.get_rotation():
        return chars
    pdfium = calls()
    clip = _first_text_clip(pdfium, handle(page.raw), frame)
    if clip is None or all(_inside(char, clip) for char in chars):
        return chars
    inked = _ink(page)
    kept: list[Char] = []
    run: list[Char] = []
    for char in [*chars, None]:
        if char is not None and not char.text.isspace() and not _inside(char, clip):
            run.append(char)
            continue
        if any(inked(c) for c in run):
            kept += run
        run = []
        if char is not None:
            kept.append(char)
    return kept


def _first_text_clip(pdfium: SimpleNamespace, page: Any, frame: Frame) -> Box | None:
    text = pdfium.constants.FPDF_PAGEOBJ_TEXT
    for index in range(pdfium.FPDFPage_CountObjects(page)):
        obj = pdfium.FPDFPage_GetObject(page, index)
        if pdfium.FPDFPageObj_GetType(obj) == text:
            return _clip_box(pdfium, obj, frame)
    return None


def _clip_box(pdfium: SimpleNamespace, obj: Any, frame: Frame) -> Box | None:
    """The box holding what the object's clip lets through (the paths' boxes intersected);
    None when it has no clip."""
    clip = pdfium.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    point = (ctypes.c_float * 2)()
    x, y = ctypes.byref(point), ctypes.byref(point, ctypes.sizeof(ctypes.c_float))
    box: Box | None = None
    for path in range(pdfium.FPDFClipPath_CountPaths(clip)):
        xs, ys = [], []
        for index in range(pdfium.FPDFClipPath_CountPathSegments(clip, path)):
            segment = pdfium.FPDFClipPath_GetPathSegment(clip, path, index)
            if pdfium.FPDFPathSegment_GetPoint(segment, x, y):
                xs.append(point[0])
                ys.append(point[1])
        if xs:
            area = frame.box(min(xs), min(ys), max(xs), max(ys))
            box = area if box is None else (max(box[0], area[0]), max(box[1], area[1]),
                                            min(box[2], area[2]), min(box[3], area[3]))
    return box


def _inside(char: Char, area: Box) -> bool:
    return (char.x0 >= area[0] - SLACK and char.top >= area[1] - SLACK
            and char.x1 <= area[2] + SLACK and char.bottom <= area[3] + SLACK)


def _ink(page: Any) -> Any:
    """Whether the page, rendered at 72 dpi, shows ink inside a character's box (none off
    the page)."""
    bitmap = page.render(scale=1, grayscale=True)
    pixels, stride, width, height = bytes(bitmap.buffer), bitmap.stride, bitmap.width, bitmap.height

    def inked(char: Char) -> bool:
        x0, x1 = max(int(char.x0), 0), min(int(char.x1) + 1, width)
        top, bottom = max(int(char.top), 0), min(int(char.bottom) + 1, height)
        return x1 > x0 and any(min(pixels[row * stride + x0:row * stride + x1]) < INK
                               for row in range(top, bottom))
    return inked
