"""The compiled character loop and the ctypes loop agree where PDFium fails or answers oddly.

Real PDFs rarely make PDFium return a failure, so here PDFium's text functions are stood in
for by Python callbacks (ctypes function pointers, which both loops call like PDFium's own):
counts of -1 and 0, a text call that writes too little or hands back surrogate halves, code
points past U+10FFFF and the U+FFFE marker, generated and unmapped flags of -1, box and origin
calls that fail, and NaN, infinite and signed-zero boxes and sizes. Each random page is read
both ways and the results (or the exception's type) compared by repr. Skipped where the
helper is not built (tests/readers/test_pdf_bulk_chars.py says when that is a failure).
"""

from __future__ import annotations

import ctypes
import math
import random
from types import SimpleNamespace

import pytest

from yusuan.readers import pdfchars

pytestmark = pytest.mark.skipif(pdfchars._bulkchars is None, reason="_bulkchars is not built")

FLOATS = (math.nan, math.inf, -math.inf, -0.0, 0.0, 1e38, -1e38, 12.0, 12.0, 12.0, 9.0, 1e-45)
CODES = (0x20, 0x0A, 0x41, 0xFFFE, 0xD800, 0x110000, 0xFFFFFFFF, 0x4E00, 0x02)
ORDER = ("FPDFText_CountChars", "FPDFText_GetText", "FPDFText_GetUnicode",
         "FPDFText_IsGenerated", "FPDFText_HasUnicodeMapError", "FPDFText_GetLooseCharBox",
         "FPDFText_GetFontSize", "FPDFText_GetCharOrigin", "FPDFText_GetTextObject")
UPRIGHT = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)  # most characters stand upright, as on real pages
PAGE = ctypes.c_void_p(0x1234)
C = ctypes


class FakeTextPage:
    """PDFium's text functions for one made-up page of `count` characters, as callbacks."""

    def __init__(self, rng: random.Random) -> None:
        count = rng.choice((0, 1, 2, 5, 30))
        self.codes = [rng.choice(CODES) for _ in range(count)]
        self.generated = [rng.choice((0, 1, -1)) for _ in range(count)]
        self.unmapped = [rng.choice((0, 1, -1, 2)) for _ in range(count)]
        self.boxes = [tuple(rng.choice(FLOATS) for _ in range(4)) if rng.random() < 0.8
                      else None for _ in range(count)]
        self.sizes = [rng.choice(FLOATS) for _ in range(count)]
        self.origins = [rng.choice(FLOATS) if rng.random() < 0.7 else None for _ in range(count)]
        self.matrices = [UPRIGHT if rng.random() < 0.6 else
                         tuple(rng.choice((1.0, 0.0, -1.0, 0.5, math.nan, 1e-4)) for _ in range(6))
                         for _ in range(count)]
        self.owners = [rng.choice((0, 0x1000, 0x2000)) for _ in range(count)]
        self.text_mode = rng.choice(("whole", "short", "surrogate"))
        self.count = count if rng.random() < 0.9 else rng.choice((-1, 0))
        self.calls = SimpleNamespace(**self._callbacks())

    @property
    def addresses(self) -> tuple[int, ...]:
        return tuple(C.cast(getattr(self.calls, name), C.c_void_p).value for name in ORDER)

    def _callbacks(self) -> dict[str, object]:
        vp = C.c_void_p
        kinds = {
            "FPDFText_CountChars": (C.CFUNCTYPE(C.c_int, vp), lambda page: self.count),
            "FPDFText_GetText": (C.CFUNCTYPE(C.c_int, vp, C.c_int, C.c_int, vp), self._text),
            "FPDFText_GetUnicode": (C.CFUNCTYPE(C.c_uint, vp, C.c_int),
                                    lambda page, i: self.codes[i] if 0 <= i < len(self.codes)
                                    else 0),
            "FPDFText_IsGenerated": (C.CFUNCTYPE(C.c_int, vp, C.c_int),
                                     lambda page, i: self.generated[i]),
            "FPDFText_HasUnicodeMapError": (C.CFUNCTYPE(C.c_int, vp, C.c_int),
                                            lambda page, i: self.unmapped[i]),
            "FPDFText_GetLooseCharBox": (C.CFUNCTYPE(C.c_int, vp, C.c_int, vp), self._box),
            "FPDFText_GetFontSize": (C.CFUNCTYPE(C.c_double, vp, C.c_int),
                                     lambda page, i: self.sizes[i]),
            "FPDFText_GetCharOrigin": (C.CFUNCTYPE(C.c_int, vp, C.c_int, vp, vp), self._origin),
            "FPDFText_GetTextObject": (C.CFUNCTYPE(vp, vp, C.c_int),
                                       lambda page, i: self.owners[i]),
            "FPDFText_GetMatrix": (C.CFUNCTYPE(C.c_int, vp, C.c_int, vp), self._matrix),
        }
        return {name: kind(function) for name, (kind, function) in kinds.items()}

    def _text(self, page: int, start: int, count: int, buffer: int) -> int:
        units = C.cast(buffer, C.POINTER(C.c_uint16))
        written = min(count, len(self.codes))
        for i in range(written):
            units[i] = 0xD801 if self.text_mode == "surrogate" else self.codes[i] & 0xFFFF
        units[written] = 0
        return written if self.text_mode == "short" else written + 1

    def _box(self, page: int, index: int, rect: int) -> int:
        box = self.boxes[index]
        if box is None:
            return 0
        floats = C.cast(rect, C.POINTER(C.c_float))
        for k, value in enumerate(box):
            floats[k] = value
        return 1

    def _origin(self, page: int, index: int, x: int, y: int) -> int:
        if self.origins[index] is None:
            return 0
        C.cast(x, C.POINTER(C.c_double))[0] = 1.0
        C.cast(y, C.POINTER(C.c_double))[0] = self.origins[index]
        return 1

    def _matrix(self, page: int, index: int, matrix: int) -> int:
        floats = C.cast(matrix, C.POINTER(C.c_float))
        for k, value in enumerate(self.matrices[index]):
            floats[k] = value
        return 1


def _through_ctypes(fake: FakeTextPage) -> object:
    """The ctypes loop's characters and owners, or the type of what it raised."""
    try:
        return pdfchars._chars_one_call_each(fake.calls, PAGE,
                                             pdfchars.EmCache(fake.calls, PAGE), True)
    except Exception as error:  # noqa: BLE001 — both loops must fail alike, whatever the error
        return ("raised", type(error).__name__)


def _compiled(fake: FakeTextPage) -> object:
    """The compiled loop's characters and owners, or the type of what it raised."""
    try:
        return pdfchars._bulkchars.page_chars(fake.addresses, PAGE.value, True,
                                              pdfchars.EmCache(fake.calls, PAGE).em)
    except Exception as error:  # noqa: BLE001 — both loops must fail alike, whatever the error
        return ("raised", type(error).__name__)


@pytest.mark.parametrize("seed", range(0, 400, 50))
def test_odd_pages_read_alike_through_the_helper_and_ctypes(seed: int) -> None:
    rng = random.Random(seed)
    for trial in range(50):
        fake = FakeTextPage(rng)
        assert repr(_compiled(fake)) == repr(_through_ctypes(fake)), (seed, trial)


def test_the_fake_pages_reach_the_failures_they_stand_for() -> None:
    """The made-up pages do make PDFium's calls fail and give odd figures (else the
    comparison above would prove little)."""
    rng = random.Random(0)
    pages = [FakeTextPage(rng) for _ in range(200)]
    assert any(page.count < 0 for page in pages)
    assert any(page.text_mode == "short" for page in pages)
    assert any(None in page.boxes for page in pages)
    assert any(math.isnan(size) for page in pages for size in page.sizes)
    read = [_through_ctypes(page) for page in pages]
    assert any(isinstance(found, tuple) and found[0] and found[0] != "raised" for found in read)
