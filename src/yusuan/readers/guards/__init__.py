"""Guards: what a reader checks before it hands a file to a library, so a small hostile file
cannot make the process allocate or inflate without bound.

Every bound is a constant here; a file past one is refused with `Oversize`, whose message is
the rest of one Chinese sentence after the file's name (`read_source` puts the name first).
The bounds lie far above any real disclosure (the 61 files of the corpus pass with a wide margin)
and far below what would take the process past about 1 GB.
"""

from __future__ import annotations

from pathlib import Path

MIB = 1024 * 1024

# ZIP packages (.xlsx, .docx): one part, all parts together, inflated; parts in the package.
MAX_PART_BYTES = 64 * MIB
MAX_PACKAGE_BYTES = 256 * MIB
MAX_PARTS = 10_000
# A part inflating to more than this many times its compressed size is a bomb, not a document.
MAX_RATIO = 1000
# A sheet's used range (rows × columns between its first and last cell); the columns of a
# Word or HTML table and the cells all its tables expand to (spans and padding included). The
# largest grid of the corpus has 500 cells; each cell costs a few hundred bytes downstream.
MAX_SHEET_CELLS = 1_000_000
MAX_TABLE_COLUMNS = 1_000
MAX_DOCUMENT_CELLS = 1_000_000
# PDF: one compressed stream (Flate, LZW, RunLength) and all of them together, decoded.
MAX_PDF_STREAM_BYTES = 64 * MIB
MAX_PDF_INFLATED_BYTES = 512 * MIB
# PDF pages and the lines of any document: the longest disclosure of the corpus has 187 pages
# and about 4,000 lines; the later stages take a minute for 100,000 lines.
MAX_PDF_PAGES = 1_000
MAX_LINES = 100_000


class Oversize(Exception):
    """A file past a bound; the message continues a sentence that starts with the file's name."""


def size_text(size: int) -> str:
    """A byte count as a reader says it: 256 MB, 1.5 GB."""
    if size >= 1024 * MIB:
        return f"{size / (1024 * MIB):.1f} GB"
    return f"{size // MIB} MB"


def check_columns(columns: int) -> None:
    """Refuse a Word or HTML table row that spans more than MAX_TABLE_COLUMNS grid columns."""
    if columns > MAX_TABLE_COLUMNS:
        raise Oversize(f"中有一个表格超过 {MAX_TABLE_COLUMNS} 列，超过了上限，不读取。")


class GridBudget:
    """The cells the tables of one document expand to, counted as they are laid out."""

    def __init__(self) -> None:
        self.cells = 0

    def spend(self, cells: int) -> None:
        self.cells += cells
        if self.cells > MAX_DOCUMENT_CELLS:
            raise Oversize(f"中的表格展开后超过 {MAX_DOCUMENT_CELLS:,} 个单元格，超过了上限，不读取。")


def check_lines(count: int) -> None:
    """Refuse a document read into more lines than MAX_LINES (before anything is recognised)."""
    if count > MAX_LINES:
        raise Oversize(f"读出 {count:,} 行，超过了 {MAX_LINES:,} 行的上限，不像是一份公开文件，不再分析。")


def check_before_reading(path: Path, fmt: str) -> None:
    """Measure what the library would inflate or allocate for a file of format `fmt`."""
    if fmt in ("xlsx", "docx"):
        from yusuan.readers.guards.package import check_package

        check_package(path)
    if fmt == "xlsx":
        from yusuan.readers.guards.sheet import check_sheets

        check_sheets(path)
    if fmt == "pdf":
        from yusuan.readers.guards.pdfstreams import check_streams

        check_streams(path)
