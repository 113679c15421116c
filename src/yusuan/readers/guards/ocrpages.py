"""How much of a PDF goes to OCR: the number of pages and the size of each page.

OCR takes seconds a page and renders the whole page as an image, so both are bounded before
anything is rendered. At the first page that needs OCR (a scan, or a text layer of unusable
codes) the pages from there on that need it are counted; more than YUSUAN_MAX_OCR_PAGES is
refused. A page too large to render at a readable resolution within MAX_OCR_PIXELS is refused.
"""

from __future__ import annotations

import math
import os
from typing import Any

from yusuan.readers.guards import Oversize
from yusuan.readers.pdfpage import page_state

# More pages needing OCR than this are refused rather than read by OCR for many minutes.
DEFAULT_MAX_OCR_PAGES = 50
# The largest page image OCR is given (an A3 page at 300 dpi is 17 million pixels) and the
# lowest resolution at which small print is still read.
MAX_OCR_PIXELS = 25_000_000
MIN_OCR_DPI = 100
POINTS_PER_CM = 72 / 2.54


def max_ocr_pages() -> int:
    try:
        return int(os.environ.get("YUSUAN_MAX_OCR_PAGES", DEFAULT_MAX_OCR_PAGES))
    except ValueError:
        return DEFAULT_MAX_OCR_PAGES


class OcrBudget:
    """Admits the pages of one document to OCR, within the page limit."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.limit = max_ocr_pages()
        self.admitted = 0
        self.counted = False

    def admit(self, index: int) -> None:
        """Page `index` (0-based) needs OCR: refuse when the document has too many such pages."""
        if not self.counted:
            self.counted = True
            self._refuse_past_limit(self._pages_needing_ocr(index))
        self.admitted += 1
        self._refuse_past_limit(self.admitted)

    def _pages_needing_ocr(self, start: int) -> int:
        found = 0
        for index in range(start, len(self.document)):
            page = self.document[index]
            try:
                found += needs_ocr(page)
            finally:
                page.close()
            if found > self.limit:
                break
        return found

    def _refuse_past_limit(self, count: int) -> None:
        if count > self.limit:
            raise Oversize(f"有超过 {self.limit} 页需要 OCR 识别（扫描页或无法使用的文字层），超过了上限，"
                           "不读取（设置 YUSUAN_MAX_OCR_PAGES 可放宽）。")


def needs_ocr(page: Any) -> bool:
    """A page with no characters (a scan) or with unusable ones (font codes without Unicode)."""
    textpage = page.get_textpage()
    try:
        if textpage.count_chars() == 0:
            return True
        return page_state(list(textpage.get_text_range()), 0) == "garbage"
    finally:
        textpage.close()


def ocr_dpi(number: int, width: float, height: float, dpi: float) -> float:
    """The resolution to render page `number` (width × height points) at for OCR: `dpi`, lowered
    to keep the image within MAX_OCR_PIXELS; a page too large even at MIN_OCR_DPI is refused."""
    area = max(width, 1.0) * max(height, 1.0) / 72 / 72
    fitted = min(dpi, math.sqrt(MAX_OCR_PIXELS / area))
    if fitted < MIN_OCR_DPI:
        raise Oversize(f"第 {number} 页大小为 {width / POINTS_PER_CM:.0f} × "
                       f"{height / POINTS_PER_CM:.0f} 厘米，超过了 OCR 识别的上限，不读取。")
    return fitted
