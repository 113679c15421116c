"""Born-digital PDF with PDFium: ruled tables as TAB lines, other text as lines, page by page.

Pages are read one at a time and closed, so memory stays bounded however long the file is.
PDFium gives each page's characters with their boxes and its path objects; the ruled tables
and the lines of text are rebuilt from those (`pdfpage`). A table that runs on over a page
break reads as one table: on the continuation page the "续表" line, a repeated title or unit
line, the page number and the repeated header rows are dropped, and a row the break split in
two is joined. A page without a usable text layer (a scan, or text whose font codes have no
Unicode) goes to OCR when the `ocr` extra is installed; otherwise the Source notes which pages
were not read.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from yusuan import regexes
from yusuan.errors import InputError
from yusuan.model import Origin, Source
from yusuan.progress import Progress
from yusuan.readers import ocr
from yusuan.readers.grid import make_source
from yusuan.readers.guards import MAX_PDF_PAGES, Oversize
from yusuan.readers.guards.ocrpages import OcrBudget, ocr_dpi
from yusuan.readers.normalise import CONTINUED, PAGE_NUMBER
from yusuan.readers.pdfchars import read_text, visible
from yusuan.readers.pdfium import library
from yusuan.readers.pdfium.document import Document, Page, TextPage
from yusuan.readers.pdfobjects import page_tree, read_objects
from yusuan.readers.pdfpage import GridBlock, TextBlock, page_blocks, page_state

MAX_HEADER_ROWS = 6
_ITEM_START = regexes.compile(r"^([一二三四五六七八九十廿]+、|（[一二三四五六七八九十]+）|\d|第)")
_NUMBER = regexes.compile(r"^-?[\d,]+(\.\d+)?%?$")
_AMOUNT = regexes.compile(r"^-?[\d,]*\d\.\d+%?$|^-?\d{1,3}(,\d{3})+$")


# PDFium is not thread-safe: one document at a time per process (the web app may use threads).
_PDFIUM = threading.Lock()


@contextmanager
def pypdfium2_document(path: str | Path) -> Iterator[Any]:
    """`path` opened with pypdfium2 (the report's page images and highlights), under the
    reader's lock: pypdfium2's import initialises PDFium, never beside the reader doing so."""
    with _PDFIUM:
        import pypdfium2

        document = pypdfium2.PdfDocument(str(path))
        try:
            yield document
        finally:
            document.close()


def read(path: Path) -> Source:
    with _PDFIUM:
        assembler, count, unread = _read_pages(path)
        _give_back_freed_memory()
    return _source(path, _with_origins(assembler), count, unread)


# PDFium keeps every object it has parsed until the document is closed: reopening it every so
# many pages keeps a long file's memory flat.
REOPEN_PAGES = 200


def _read_pages(path: Path) -> tuple[Assembler, int, list[int]]:
    document = _open(path)
    assembler = Assembler()
    unread: list[int] = []
    progress = Progress(path.name, len(document))
    try:
        count = len(document)
        if count > MAX_PDF_PAGES:
            raise Oversize(f"有 {count} 页，超过了 {MAX_PDF_PAGES} 页的上限，不读取。")
        budget = OcrBudget(document)
        for index in range(count):
            progress.step(index + 1)
            if index and index % REOPEN_PAGES == 0:  # PDFium's caches grow with the pages read
                document.close()
                document = _open(path)
                budget.document = document
            page = document[index]
            try:
                textpage = page.get_textpage()
                try:
                    _read_page(path, page, textpage, index + 1, assembler, unread, budget)
                finally:
                    textpage.close()
            finally:
                page.close()
    except (InputError, Oversize, MemoryError):
        raise  # MemoryError (OCR in a process with a memory limit) is no damage of the file
    except Exception as error:  # noqa: BLE001 - PDFium raises on a damaged page
        raise _pdf_error(path, error) from None
    finally:
        progress.close()
        document.close()
    assembler.finish()
    return assembler, count, unread


def _open(path: Path) -> Document:
    _load_pdfium()
    try:
        return Document(str(path))
    except Exception as error:  # noqa: BLE001 - PDFium reports a bad file as PdfiumError
        raise _pdf_error(path, error) from None


def _load_pdfium() -> None:
    """PDFium loaded before a file is opened: a library missing from the installation is said
    as such, never taken for a damaged file."""
    try:
        library.load()
    except (ImportError, OSError, AttributeError) as error:
        raise InputError(f"无法加载 PDF 引擎 PDFium（{error}）：请重新安装 yusuan（pip install --force-reinstall pypdfium2）。",
                         f"PDFium, the PDF engine, cannot be loaded ({error}): reinstall yusuan "
                         "(pip install --force-reinstall pypdfium2).") from None


def _pdf_error(path: Path, error: Exception) -> InputError:
    text = f"{type(error).__name__} {error!r}".lower()
    if "password" in text or "encrypt" in text or "security" in text:
        return InputError(f"{path.name} 是加密的 PDF；请另存一份不加密的副本后重试。",
                          f"{path.name} is an encrypted PDF; save an unprotected copy and try again.")
    return InputError(f"{path.name} 不是可读的 PDF：文件已损坏。",
                      f"{path.name} is not a readable PDF: the file is damaged.")


def _read_page(path: Path, page: Page, textpage: TextPage, number: int, assembler: Assembler,
               unread: list[int], budget: OcrBudget) -> None:
    tree = page_tree(page)
    chars, frame = read_text(page, textpage, tree.clipped_text)
    chars = visible(chars, page, frame)
    objects = read_objects(page, frame, tree)
    state = page_state([char.text for char in chars], objects.images)
    if state == "ok":
        assembler.add_page(number, page_blocks(chars, objects.edges))
    elif state in ("scan", "garbage"):
        if ocr.available():
            budget.admit(number - 1)
            dpi = ocr_dpi(number, *page.get_size(), ocr.RENDER_DPI)
            assembler.add_read_lines(number, _ocr_lines(path, number, dpi))
        else:
            unread.append(number)


def _ocr_lines(path: Path, number: int, dpi: float) -> list[tuple[str, float]]:
    """Page `number` read by OCR; the engine failing (out of memory in a limited process) is
    said as such, not taken for a damaged file."""
    try:
        return ocr.pdf_page_readings(path, number - 1, dpi)
    except Exception:  # noqa: BLE001 - onnxruntime wraps an allocation failure in its own error
        raise InputError(f"{path.name} 第 {number} 页的 OCR 识别失败（内存不足或识别引擎出错），"
                         "无法读取。") from None


def _source(path: Path, out: list[tuple[str, int | None, Origin | None]], pages: int,
            unread: list[int]) -> Source:
    notes = []
    if unread:
        where = _ranges(unread)
        if not any(text.strip() for text, *_ in out):
            raise InputError(f"{path.name} 第 {where} 页没有文字层（扫描件，或字体编码无法读取）；"
                             f"请用 `pip install yusuan[ocr]` 安装文字识别。",
                             f"{path.name} has no text layer (a scan, or unreadable font codes) "
                             f"on page(s) {where}; install OCR with `pip install yusuan[ocr]`.")
        notes.append(f"第 {where} 页没有可用的文字层，未读取；用 `pip install yusuan[ocr]` "
                     "安装文字识别后可读取这些页。")
    if not any(text.strip() for text, *_ in out):
        raise InputError(f"{path.name} 是没有文字的 PDF。", f"{path.name} is a PDF with no text.")
    return make_source(path, "pdf", out, pages=pages, notes=notes)


def _with_origins(assembler: Assembler) -> list[tuple[str, int | None, Origin | None]]:
    """The assembled lines, those read by OCR with that origin and the engine's confidence."""
    return [(text, page, assembler.read_by.get(index)) for index, (text, page) in enumerate(assembler.out)]


def _ranges(numbers: list[int]) -> str:
    spans: list[list[int]] = []
    for number in numbers:
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def _decimals(cells: list[str]) -> int | None:
    """The decimals most of a row's amounts are printed with (two of them at least)."""
    found = Counter(len(cell.rpartition(".")[2]) for cell in cells
                    if _AMOUNT.match(cell) and "." in cell).most_common(2)
    if not found or found[0][1] < 2 or (len(found) > 1 and found[1][1] == found[0][1]):
        return None
    return found[0][0]


def _cut_figure(head: str, tail: str, places: int | None) -> bool:
    """'12,437.3' above the break and '6' below it: a figure short of the decimals the row's
    other amounts have, completed by digits alone."""
    if places is None or not tail.isdigit() or not regexes.fullmatch(r"-?[\d,]*\d\.\d*", head):
        return False
    return len(head.rpartition(".")[2]) + len(tail) == places


class Assembler:
    """Collects (text, page) lines page by page, joining tables continued over a page break."""

    def __init__(self) -> None:
        self.out: list[tuple[str, int | None]] = []
        self.grid: GridBlock | None = None  # the table the last page ended in, still open
        self.header: list[list[str]] = []
        self.before: list[str] = []  # title / unit lines just above the open table
        self.held: list[tuple[str, int]] = []  # page numbers etc. after the open table
        self.last_row = -1  # index in out of the open table's last row
        self.edges: set[str] = set()  # first and last text lines of the last page
        self.read_by: dict[int, Origin] = {}  # index in out of a line read by OCR → its origin

    def add_read_lines(self, page: int, readings: list[tuple[str, float]]) -> None:
        """Lines read by OCR, each with the engine's confidence."""
        self._close()
        for line, confidence in readings:
            self.read_by[len(self.out)] = Origin(read_by="ocr", confidence=round(confidence, 3))
            self.out.append((line, page))

    def add_page(self, page: int, blocks: list[TextBlock | GridBlock]) -> None:
        texts = [block.text.strip() for block in blocks if isinstance(block, TextBlock)]
        first = self._continuation_start(blocks)
        for index, block in enumerate(blocks):
            if index < first:
                continue
            if isinstance(block, GridBlock):
                continued = index == first and first >= 0 and self.grid is not None
                self._add_grid(self._aligned(block, continued), page, continued)
            else:
                self._add_text(block.text, page)
        self.edges = {texts[0], texts[-1]} if texts else set()

    def finish(self) -> None:
        self._close()

    def _continuation_start(self, blocks: list[TextBlock | GridBlock]) -> int:
        """Index of the grid that continues the open table, or -1 when the page starts afresh."""
        if self.grid is None:
            return -1
        for index, block in enumerate(blocks):
            if isinstance(block, GridBlock):
                return index if self.grid.width in (block.width, block.trimmed().width) else -1
            if not self._skippable(block.text.strip()):
                return -1
        return -1

    def _aligned(self, block: GridBlock, continued: bool) -> GridBlock:
        """A new table without empty leading columns; a continuation as wide as the open table,
        with them or without (the same table may carry a stray edge ruling on one page only)."""
        if continued and self.grid is not None and block.width == self.grid.width:
            return block
        return block.trimmed()

    def _skippable(self, text: str) -> bool:
        return (not text or bool(PAGE_NUMBER.match(text)) or bool(CONTINUED.search(text))
                or text in self.before or text in self.edges)

    def _add_text(self, text: str, page: int) -> None:
        if self.grid is not None and (PAGE_NUMBER.match(text.strip()) or text.strip() in self.edges):
            self.held.append((text, page))
            return
        self._close()
        self.out.append((text, page))

    def _add_grid(self, block: GridBlock, page: int, continued: bool) -> None:
        rows = block.rows
        if continued:
            self.held = []
            rows = self._drop_header(rows)
            if rows and self._split_row(rows[0]):
                self._join_last(rows.pop(0))
        else:
            self._close()
            self.header = rows[:MAX_HEADER_ROWS]
            self.before = [text.strip() for text, _ in self.out[-3:]]
        self.out.extend(("\t".join(row), page) for row in rows)
        self.grid = block
        if rows or not continued:
            self.last_row = len(self.out) - 1

    def _drop_header(self, rows: list[list[str]]) -> list[list[str]]:
        index = 0
        while index < len(rows) and index < len(self.header) and rows[index] == self.header[index]:
            index += 1
        return rows[index:]

    def _split_row(self, row: list[str]) -> bool:
        """Whether a continuation's first row is the tail of the row the page break split:
        its cells continue the last row's (a wrapped name, a figure whose last digits went over
        the break: '12,437.3' | '6'), never a row of its own. A name in the first column
        continues only beside such digits."""
        if self.last_row < 0:
            return False
        last = self.out[self.last_row][0].split("\t")
        if len(last) != len(row):
            return False
        places = _decimals(last)
        completes = False
        for mine, theirs in zip(last, row, strict=True):
            if mine and theirs and _cut_figure(mine, theirs, places):
                completes = True
            elif mine and theirs and (_NUMBER.match(mine) or _NUMBER.match(theirs)
                                      or _ITEM_START.match(theirs)):
                return False
        last_numbers = any(_AMOUNT.match(cell) for cell in last)
        if row[0] and not (last[0] and completes):
            return False
        row_numbers = any(_AMOUNT.match(cell) for cell in row)
        return not (last_numbers and row_numbers)

    def _join_last(self, row: list[str]) -> None:
        text, first_page = self.out[self.last_row]
        joined = [a + b for a, b in zip(text.split("\t"), row, strict=True)]
        self.out[self.last_row] = ("\t".join(joined), first_page)

    def _close(self) -> None:
        """The open table has ended: write what was held back after it."""
        self.out.extend(self.held)
        self.held = []
        self.grid = None


def _give_back_freed_memory() -> None:
    """Hand the C heap's free memory back to the system once PDFium is closed: glibc keeps what
    PDFium freed (a few MB for a long file), and the recognition's objects come on top of it."""
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass
