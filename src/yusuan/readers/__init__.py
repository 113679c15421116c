"""Readers: one module per file format, each `read(path) -> Source` (lines with line/page numbers).

Formats with cell grids (spreadsheets, Word and HTML tables, ruled PDF tables) write each table
row as one line of TAB-separated cells, so the tab layout reads them like any pasted table.
The format is recognised from the file's first bytes, the suffix only breaks ties.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from yusuan.errors import InputError
from yusuan.model import Source
from yusuan.readers.guards import Oversize, check_before_reading, check_lines
from yusuan.readers.guards.paths import checked_file

MAX_BYTES = 200 * 1024 * 1024

# format name -> module under yusuan.readers that defines read(path) -> Source
READER_MODULES = {
    "text": "text",
    "pdf": "pdf",
    "xlsx": "spreadsheet",
    "xls": "spreadsheet",
    "docx": "docx",
    "html": "html",
}
FORMAT_NAMES_ZH = {"text": "文本", "pdf": "PDF", "xlsx": "Excel 工作簿", "xls": "Excel 工作簿",
                   "docx": "Word 文档", "html": "HTML 网页"}
FORMAT_NAMES = {"text": "text", "pdf": "a PDF", "xlsx": "an Excel workbook",
                "xls": "an Excel workbook", "docx": "a Word document", "html": "an HTML page"}

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def sniff_format(path: Path, head: bytes) -> str:
    """Name the format from the file's first bytes (and its suffix where bytes cannot tell)."""
    suffix = path.suffix.lower().lstrip(".")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(path, suffix)
    if head.startswith(OLE_MAGIC[:4]):
        return _ole_format(path)
    lowered = head[:2048].lower()
    if suffix in ("html", "htm", "shtml", "xhtml") or any(
            mark in lowered for mark in (b"<html", b"<table", b"<!doctype html")):
        return "html"
    return "text"


def _zip_format(path: Path, suffix: str) -> str:
    """A ZIP is Word or Excel by what it holds (the suffix only where the archive cannot be read)."""
    import zipfile  # only a ZIP file needs it

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        if suffix in ("xlsx", "xlsm", "docx"):
            raise InputError(f"{path.name} 已损坏：无法打开其 ZIP 容器。",
                             f"{path.name} is damaged: its ZIP container cannot be opened.") from None
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names or any(name.startswith("xl/") for name in names):
        return "xlsx"
    return "zip"


def _ole_format(path: Path) -> str:
    """An OLE compound file is an old Excel workbook, unless it is encrypted or a Word .doc."""
    with path.open("rb") as handle:
        data = handle.read(8 * 1024 * 1024)
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        raise InputError(f"{path.name} 设有密码保护；请另存一份不加密的副本后重试。",
                         f"{path.name} is password-protected; save an unprotected copy and try again.")
    if _utf16("WordDocument") in data:
        raise InputError(f"{path.name} 是旧版 Word .doc 文件；请另存为 .docx 后重试。",
                         f"{path.name} is an old Word .doc file; save it as .docx and try again.")
    return "xls"


def read_source(path_text: str) -> Source:
    """Read any supported file into a Source, or raise InputError with one readable sentence."""
    path = checked_file(path_text, MAX_BYTES)
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        raise InputError(f"{path_text} 打不开（没有读取权限或读取出错）。") from None
    fmt = sniff_format(path, head)
    if fmt == "zip":
        raise InputError(f"{path_text} 是一个 ZIP 压缩包，但既不是 .xlsx 也不是 .docx。",
                         f"{path_text} is a ZIP archive that is neither .xlsx nor .docx.")
    module = importlib.import_module(f"yusuan.readers.{READER_MODULES[fmt]}")
    try:
        check_before_reading(path, fmt)
        source = module.read(path)
        check_lines(len(source.lines))
        return source
    except Oversize as error:
        raise InputError(f"{path_text} {error}") from None
    except (InputError, KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except MemoryError:
        raise InputError(f"{path_text} 读取时内存不足，不像是一份正常的公开文件。",
                         f"{path_text} ran out of memory while being read; it does not look like "
                         "an ordinary disclosure.") from None
    except BaseException:  # noqa: BLE001 - a library's failure (or a Rust panic) is the file's
        raise InputError(f"{path_text} 无法作为{FORMAT_NAMES_ZH[fmt]}读取：文件已损坏或格式不对。",
                         f"{path_text} could not be read as {FORMAT_NAMES[fmt]}: it is damaged "
                         "or not of that format.") from None
