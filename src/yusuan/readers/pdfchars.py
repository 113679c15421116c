"""A page's characters from PDFium, with their boxes on the page as its text reads.

Each character's box runs across its advance width and, as pdfminer measures it, from the
font's descent up one em (the font size times the text's scale), so `size` is the em. The
page is turned so that most of its characters stand upright: a landscape table drawn rotated
on a portrait page reads left to right whether or not the page's /Rotate shows it so. Text
set at a slant of more than 10° off every axis (a diagonal watermark) is left out. A
character PDFium cannot map to Unicode (no ToUnicode entry for its code) reads as U+FFFD, so
the page check sends such pages to OCR.
"""

from __future__ import annotations

import ctypes
import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

from yusuan.readers.pdfobjects import Frame, calls, handle

UPRIGHT_SLACK = 1e-3
SKEW_DEGREES = 10.0
SKEWED = -1  # the direction of text set at a slant (a diagonal watermark): left out
_BREAKS = frozenset((0x20, 0x0D, 0x0A))
_TEXT_MARK = 0xFFFE

# code point, left, bottom, right, top (user space), em, direction (0/90/180/270, SKEWED),
# spaced
RawChar = tuple[int, float, float, float, float, float, int, bool]


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    spaced: bool = False  # PDFium saw a word gap before it (a space the PDF leaves out)


def read_text(page: Any, textpage: Any) -> tuple[list[Char], Frame]:
    """The page's characters in content order (PDFium's generated spaces and breaks left out),
    and the frame that turns the page so its text reads left to right."""
    raw = [char for char in raw_chars(textpage) if char[6] != SKEWED]
    frame = Frame(tuple(page.get_mediabox()), dominant_direction(raw))
    return place(raw, frame), frame


def dominant_direction(chars: list[RawChar]) -> int:
    counts = Counter(char[6] for char in chars if not chr(char[0]).isspace())
    return counts.most_common(1)[0][0] if counts else 0


def place(chars: list[RawChar], frame: Frame) -> list[Char]:
    """Characters on the turned page (x rightwards, top downwards)."""
    if frame.rotation == 0:
        shift_x, shift_y = -frame.matrix[4], frame.matrix[5]
        return [Char(chr(code), left - shift_x, right - shift_x, shift_y - top, shift_y - bottom,
                     size, spaced) for code, left, bottom, right, top, size, _, spaced in chars]
    out = []
    for code, left, bottom, right, top, size, _, spaced in chars:
        x0, y0, x1, y1 = frame.box(left, bottom, right, top)
        out.append(Char(chr(code), x0, x1, y0, y1, size, spaced))
    return out


def raw_chars(textpage: Any) -> list[RawChar]:
    """The text page's characters: code points in one call, then one loose box and font size
    per character (PDFium has no call for all boxes at once)."""
    pdfium = calls()
    page = handle(textpage.raw)
    box = (ctypes.c_float * 4)()  # left, top, right, bottom
    where = ctypes.byref(box)
    generated, unmapped = pdfium.FPDFText_IsGenerated, pdfium.FPDFText_HasUnicodeMapError
    loose, font_size = pdfium.FPDFText_GetLooseCharBox, pdfium.FPDFText_GetFontSize
    ems = EmCache(pdfium, page)
    known = ems.known
    chars: list[RawChar] = []
    spaced = False
    for index, code in enumerate(page_codes(pdfium, page)):
        if code in _BREAKS and generated(page, index):
            spaced = spaced or code == 0x20
            continue
        if unmapped(page, index) == 1 or code > 0x10FFFF:
            code = 0xFFFD
        loose(page, index, where)
        left, top, right, bottom = box
        size = font_size(page, index)
        key = (size, round(top - bottom, 2))
        found = known.get(key)
        if found is None:
            found = known[key] = ems.measure(index, size, top - bottom)
        size, direction, upright = found
        chars.append((code, left, bottom, right, bottom + size if upright else top, size,
                      direction, spaced))
        spaced = False
    return chars


def page_codes(pdfium: Any, page: ctypes.c_void_p) -> list[int]:
    """Each character's code point: the page's text in one call when it has one UTF-16 unit
    per character (checked at both ends), else one call per character. The text writes
    U+FFFE where the character's own code is a control code (0x02, a hyphen marker): those
    few are asked one by one."""
    count = pdfium.FPDFText_CountChars(page)
    if count <= 0:
        return []
    buffer = (ctypes.c_uint16 * (count + 1))()
    written = pdfium.FPDFText_GetText(page, 0, count, ctypes.byref(buffer))
    codes = buffer[:count]
    unicode = pdfium.FPDFText_GetUnicode
    if (written != count + 1 or any(0xD800 <= code <= 0xDFFF for code in codes)
            or codes[0] != unicode(page, 0) or codes[-1] != unicode(page, count - 1)):
        return [unicode(page, index) for index in range(count)]
    if _TEXT_MARK in codes:
        codes = [unicode(page, index) if code == _TEXT_MARK else code
                 for index, code in enumerate(codes)]
    return codes


class EmCache:
    """A character's em (font size × the text's scale), its direction, whether it is upright.

    The character matrix is read once per (font size, loose box height): characters of one
    run share both, and a different scale or direction changes the box height.
    """

    def __init__(self, pdfium: Any, textpage: ctypes.c_void_p) -> None:
        self.pdfium = pdfium
        self.textpage = textpage
        self.matrix = (ctypes.c_float * 6)()
        self.known: dict[tuple[float, float], tuple[float, int, bool]] = {}

    def measure(self, index: int, font_size: float, height: float) -> tuple[float, int, bool]:
        self.pdfium.FPDFText_GetMatrix(self.textpage, index, ctypes.byref(self.matrix))
        a, b, c, d, _, _ = self.matrix
        scale = math.hypot(c, d)
        size = font_size * scale
        angle = math.degrees(math.atan2(b, a))
        direction = round(angle / 90) % 4 * 90
        if abs((angle - direction + 180) % 360 - 180) > SKEW_DEGREES:
            direction = SKEWED
        upright = (abs(b) < UPRIGHT_SLACK * scale and abs(c) < UPRIGHT_SLACK * scale
                   and a > 0 and d > 0)
        return (size if size > 0 else height), direction, upright and size > 0
