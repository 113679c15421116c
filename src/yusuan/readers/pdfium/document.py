"""A PDF document, its pages and text pages over PDFium's functions (`library`), as the
reader uses them from pypdfium2's helper classes and with their semantics: the same file
opening and errors (pypdfium2 5's PdfDocument, _open_pdf), the same boxes and their fallbacks
(PdfPage._get_box), rotation, size, and a greyscale rendering of identical pixels
(PdfPage.render(scale, grayscale=True) without forms). Handles are closed explicitly, a text
page before its page and a page before its document, as the reader does; closing twice does
nothing.
"""

from __future__ import annotations

import codecs
import ctypes
import math
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from yusuan.readers.pdfium import library
from yusuan.readers.pdfium.library import FPDF_ANNOT, FPDF_GRAYSCALE, FPDFBitmap_Gray

_VOID, _INT, _FLOAT = ctypes.c_void_p, ctypes.c_int, ctypes.c_float
_FLOAT_REF = ctypes.POINTER(ctypes.c_float)
_SIGNATURES = {  # name: (result, arguments), as in PDFium's headers (fpdfview.h, fpdf_text.h)
    "FPDF_LoadDocument": (_VOID, (ctypes.c_char_p, ctypes.c_char_p)),
    "FPDF_GetPageCount": (_INT, (_VOID,)),
    "FPDF_GetLastError": (ctypes.c_ulong, ()),
    "FPDF_CloseDocument": (None, (_VOID,)),
    "FPDF_LoadPage": (_VOID, (_VOID, _INT)),
    "FPDF_ClosePage": (None, (_VOID,)),
    "FPDF_GetPageWidthF": (_FLOAT, (_VOID,)),
    "FPDF_GetPageHeightF": (_FLOAT, (_VOID,)),
    "FPDFPage_GetRotation": (_INT, (_VOID,)),
    "FPDFPage_GetMediaBox": (_INT, (_VOID, *(_FLOAT_REF,) * 4)),
    "FPDFPage_GetCropBox": (_INT, (_VOID, *(_FLOAT_REF,) * 4)),
    "FPDFText_LoadPage": (_VOID, (_VOID,)),
    "FPDFText_ClosePage": (None, (_VOID,)),
    "FPDFText_CountChars": (_INT, (_VOID,)),
    "FPDFText_GetTextIndexFromCharIndex": (_INT, (_VOID, _INT)),
    "FPDFText_GetText": (_INT, (_VOID, _INT, _INT, ctypes.POINTER(ctypes.c_ushort))),
    "FPDFBitmap_CreateEx": (_VOID, (_INT, _INT, _INT, _VOID, _INT)),
    "FPDFBitmap_FillRect": (_INT, (_VOID, _INT, _INT, _INT, _INT, ctypes.c_ulong)),
    "FPDFBitmap_Destroy": (None, (_VOID,)),
    "FPDF_RenderPageBitmap": (None, (_VOID, _VOID, *(_INT,) * 6)),
}
# pypdfium2's names for PDFium's load errors (internal/consts.py ErrorToStr); the reader
# tells an encrypted file by them ('password', 'security').
_LOAD_ERRORS = {0: "Success", 1: "Unknown error", 2: "File access error", 3: "Data format error",
                4: "Incorrect password error", 5: "Unsupported security scheme error",
                6: "Page not found or content error"}
_DEGREES = {0: 0, 1: 90, 2: 180, 3: 270}  # FPDFPage_GetRotation's values
_WHITE = 0xFFFFFFFF  # the fill colour render() gives PDFium: opaque white, as ARGB
_NAME_ERRORS = "strict" if sys.platform.startswith("win32") else "surrogateescape"


class PdfiumError(RuntimeError):
    """PDFium failed (pypdfium2's PdfiumError, with the same messages)."""


@lru_cache(maxsize=1)
def _calls() -> SimpleNamespace:
    return library.bind_all(_SIGNATURES)


class Document:
    """An open PDF file (pypdfium2's PdfDocument(str(path))): `len()` pages, `[index]` one."""

    def __init__(self, path: str) -> None:
        resolved = Path(path).expanduser().resolve()
        if not resolved.is_file():
            raise FileNotFoundError(resolved)
        pdfium = _calls()
        raw = pdfium.FPDF_LoadDocument((str(resolved) + "\x00").encode("utf-8", _NAME_ERRORS), None)
        if pdfium.FPDF_GetPageCount(raw) < 1:
            code = pdfium.FPDF_GetLastError()
            if raw:
                pdfium.FPDF_CloseDocument(raw)
            reason = _LOAD_ERRORS.get(code, f"Unhandled constant {code}")
            raise PdfiumError(f"Failed to load document (PDFium: {reason}).")
        self.raw: ctypes.c_void_p | None = ctypes.c_void_p(raw)

    def __len__(self) -> int:
        return int(_calls().FPDF_GetPageCount(self.raw))

    def __iter__(self) -> Iterator[Page]:
        return map(self.__getitem__, range(len(self)))

    def __getitem__(self, index: int) -> Page:
        raw = _calls().FPDF_LoadPage(self.raw, index)
        if not raw:
            raise PdfiumError("Failed to load page.")
        return Page(ctypes.c_void_p(raw))

    def close(self) -> None:
        if self.raw is not None:
            _calls().FPDF_CloseDocument(self.raw)
            self.raw = None


class GreyImage:
    """A page rendered in 8-bit grey, rows `stride` bytes apart, top row first (a plain
    class: one a page at most, and a dataclass would cost a PDF check's start more)."""

    __slots__ = ("height", "pixels", "stride", "width")

    def __init__(self, pixels: bytes, stride: int, width: int, height: int) -> None:
        self.pixels, self.stride, self.width, self.height = pixels, stride, width, height


class Page:
    """One page of a Document (pypdfium2's PdfPage, without a form environment)."""

    def __init__(self, raw: ctypes.c_void_p) -> None:
        self.raw: ctypes.c_void_p | None = raw

    def get_textpage(self) -> TextPage:
        raw = _calls().FPDFText_LoadPage(self.raw)
        if not raw:
            raise PdfiumError("Failed to load text page.")
        return TextPage(ctypes.c_void_p(raw))

    def get_size(self) -> tuple[float, float]:
        pdfium = _calls()
        return pdfium.FPDF_GetPageWidthF(self.raw), pdfium.FPDF_GetPageHeightF(self.raw)

    def get_rotation(self) -> int:
        """The page's clockwise rotation in degrees."""
        raw = _calls().FPDFPage_GetRotation(self.raw)
        if raw == -1:
            raise PdfiumError("Failed to get page rotation.")
        return _DEGREES[raw]

    def get_mediabox(self) -> tuple[float, float, float, float]:
        """(left, bottom, right, top); US Letter (0, 0, 612, 792) where the page names none
        (PDFium does not look for one its parents inherit)."""
        return self._box(_calls().FPDFPage_GetMediaBox) or (0, 0, 612, 792)

    def get_cropbox(self) -> tuple[float, float, float, float]:
        """The crop box, or the media box where the page names none."""
        return self._box(_calls().FPDFPage_GetCropBox) or self.get_mediabox()

    def _box(self, read: Any) -> tuple[float, float, float, float] | None:
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        if not read(self.raw, left, bottom, right, top):
            return None
        return left.value, bottom.value, right.value, top.value

    def render_grey(self, scale: float = 1) -> GreyImage:
        """The page drawn as pypdfium2's render(scale, grayscale=True) draws it: an 8-bit grey
        bitmap of the page's size times `scale` rounded up, filled white, rendered with
        annotations in greyscale."""
        page_width, page_height = self.get_size()
        width, height = math.ceil(page_width * scale), math.ceil(page_height * scale)
        if width < 1 or height < 1:
            raise ValueError("Crop exceeds page dimensions")
        pdfium = _calls()
        buffer = (ctypes.c_ubyte * (width * height))()
        bitmap = pdfium.FPDFBitmap_CreateEx(width, height, FPDFBitmap_Gray, buffer, width)
        try:
            if not pdfium.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, _WHITE):
                raise PdfiumError("Failed to fill bitmap rectangle.")
            pdfium.FPDF_RenderPageBitmap(bitmap, self.raw, 0, 0, width, height, 0,
                                         FPDF_GRAYSCALE | FPDF_ANNOT)
            return GreyImage(bytes(buffer), width, width, height)
        finally:
            pdfium.FPDFBitmap_Destroy(bitmap)

    def close(self) -> None:
        if self.raw is not None:
            _calls().FPDF_ClosePage(self.raw)
            self.raw = None


class TextPage:
    """A page's text (pypdfium2's PdfTextPage)."""

    def __init__(self, raw: ctypes.c_void_p) -> None:
        self.raw: ctypes.c_void_p | None = raw

    def count_chars(self) -> int:
        count = int(_calls().FPDFText_CountChars(self.raw))
        if count == -1:
            raise PdfiumError("Failed to get character count.")
        return count

    def get_text_range(self) -> str:
        """All the page's text (pypdfium2's get_text_range(): PDFium's text of the characters
        from the first to the last that have one, UTF-16 decoded, undecodable units dropped)."""
        count = self.count_chars()
        found = self._active_range(0, count - 1)
        if found is None:
            return ""
        text_start, text_end, left_passive, right_passive = found
        buffer = (ctypes.c_ushort * (text_end + 2 - text_start))()
        written = _calls().FPDFText_GetText(self.raw, left_passive,
                                            count - left_passive - right_passive, buffer)
        if written > len(buffer):
            raise PdfiumError(f"Buffer too small: {len(buffer)} vs {written}")
        return codecs.decode(memoryview(buffer)[:written - 1], "utf-16-le", "ignore")

    def _active_range(self, start: int, end: int) -> tuple[int, int, int, int] | None:
        """The text indexes of the first and last characters in start..end that have one, and
        how many were skipped at either end."""
        index_of = _calls().FPDFText_GetTextIndexFromCharIndex
        first, last = start, end
        while first <= last and index_of(self.raw, first) == -1:
            first += 1
        while first <= last and index_of(self.raw, last) == -1:
            last -= 1
        if first > last:
            return None
        return index_of(self.raw, first), index_of(self.raw, last), first - start, end - last

    def close(self) -> None:
        if self.raw is not None:
            _calls().FPDFText_ClosePage(self.raw)
            self.raw = None
