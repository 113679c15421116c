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


def sniff_format(path: Path, head: bytes) -> str:
    """Name the format from the file's first bytes (and its suffix where bytes cannot tell)."""
    suffix = path.suffix.lower().lstrip(".")
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if suffix in ("xlsx", "xlsm", "docx"):
            return "docx" if suffix == "docx" else "xlsx"
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    lowered = head[:2048].lower()
    if suffix in ("html", "htm") or b"<html" in lowered or b"<table" in lowered:
        return "html"
    return "text"


def read_source(path_text: str) -> Source:
    """Read any supported file into a Source, or raise InputError with one readable sentence."""
    path = Path(path_text)
    if not path.exists():
        raise InputError(f"{path_text}: no such file.")
    if path.is_dir():
        raise InputError(f"{path_text} is a directory, not a document.")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path_text} is empty.")
    if size > MAX_BYTES:
        raise InputError(f"{path_text} is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    with path.open("rb") as handle:
        head = handle.read(4096)
    fmt = sniff_format(path, head)
    if fmt == "zip":
        raise InputError(f"{path_text} is a ZIP archive that is neither .xlsx nor .docx.")
    module = importlib.import_module(f"yusuan.readers.{READER_MODULES[fmt]}")
    return module.read(path)
