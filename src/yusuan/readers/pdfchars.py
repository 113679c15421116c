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

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

from yusuan.readers.pdfobjects import Frame

UPRIGHT_SLACK = 1e-3
SKEW_DEGREES = 10.0
SKEWED = -1  # the direction of text set at a slant (a diagonal watermark): left out
_BREAKS = frozenset((0x20, 0x0D, 0x0A))

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
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    unicode, unmapped = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_HasUnicodeMapError
    loose, font_size = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetFontSize
    ems = EmCache(raw)
    chars: list[RawChar] = []
    spaced = False
    for index in range(pdfium_c.FPDFText_CountChars(raw)):
        code = unicode(raw, index)
        if code in _BREAKS and pdfium_c.FPDFText_IsGenerated(raw, index):
            spaced = spaced or code == 0x20
            continue
        if unmapped(raw, index) == 1 or code > 0x10FFFF:
            code = 0xFFFD
        loose(raw, index, rect)
        size, direction, upright = ems.get(index, font_size(raw, index), rect.top - rect.bottom)
        top = rect.bottom + size if upright else rect.top
        chars.append((code, rect.left, rect.bottom, rect.right, top, size, direction, spaced))
        spaced = False
    return chars


class EmCache:
    """A character's em (font size × the text's scale), its direction, whether it is upright.

    The character matrix is read once per (font size, loose box height): characters of one
    run share both, and a different scale or direction changes the box height.
    """

    def __init__(self, textpage: Any) -> None:
        self.textpage = textpage
        self.matrix = pdfium_c.FS_MATRIX()
        self.known: dict[tuple[float, float], tuple[float, int, bool]] = {}

    def get(self, index: int, font_size: float, height: float) -> tuple[float, int, bool]:
        key = (font_size, round(height, 2))
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = self._measure(index, font_size, height)
        return found

    def _measure(self, index: int, font_size: float, height: float) -> tuple[float, int, bool]:
        matrix = self.matrix
        pdfium_c.FPDFText_GetMatrix(self.textpage, index, matrix)
        scale = math.hypot(matrix.c, matrix.d)
        size = font_size * scale
        angle = math.degrees(math.atan2(matrix.b, matrix.a))
        direction = round(angle / 90) % 4 * 90
        if abs((angle - direction + 180) % 360 - 180) > SKEW_DEGREES:
            direction = SKEWED
        upright = (abs(matrix.b) < UPRIGHT_SLACK * scale and abs(matrix.c) < UPRIGHT_SLACK * scale
                   and matrix.a > 0 and matrix.d > 0)
        return (size if size > 0 else height), direction, upright and size > 0
