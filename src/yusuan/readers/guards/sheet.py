"""The used range of each sheet of an .xlsx, measured before calamine reads it.

calamine holds a sheet as one rectangle from its first to its last cell, so a single cell at
XFD1048576 beside A1 asks for 17 billion cells (512 GB) and aborts the process. The sheet XML
is scanned as a stream here (constant memory) and a range past the bound refused.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from yusuan import regexes
from yusuan.readers.guards import MAX_SHEET_CELLS, Oversize

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REF = regexes.compile(r"([A-Za-z]{1,3})(\d{1,7})$")


def check_sheets(path: Path) -> None:
    """Refuse a workbook with a sheet whose used range is larger than MAX_SHEET_CELLS."""
    try:
        with zipfile.ZipFile(path) as archive:
            for name in sheet_parts(archive):
                with archive.open(name) as handle:
                    rows, columns = used_range(handle)
                check_sheet_range(rows, columns)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, etree.XMLSyntaxError):
        return  # a damaged package is the reader's to report


def check_sheet_range(rows: int, columns: int) -> None:
    if rows * columns > MAX_SHEET_CELLS:
        raise Oversize(f"有一张工作表的已用区域达 {rows} 行 × {columns} 列，超过 "
                       f"{MAX_SHEET_CELLS:,} 个单元格的上限，不读取，以免耗尽内存。")


def sheet_parts(archive: zipfile.ZipFile) -> list[str]:
    """The worksheet parts of the package (by their folder, as every writer names them)."""
    return [name for name in archive.namelist()
            if posixpath.dirname(name).lower().endswith("worksheets") and name.endswith(".xml")]


def used_range(handle) -> tuple[int, int]:
    """(rows, columns) from the first to the last cell that holds anything; (0, 0) for none."""
    top = left = 1 << 30
    bottom = right = -1
    row = column = 0
    for event, node in etree.iterparse(handle, events=("start", "end"),
                                       tag=(f"{MAIN}row", f"{MAIN}c")):
        if node.tag == f"{MAIN}row":
            if event == "start":
                row = _number(node.get("r"), row + 1)
                column = 0
            else:
                node.clear()
                while node.getprevious() is not None:
                    del node.getparent()[0]
            continue
        if event == "start":
            continue
        row, column = _position(node.get("r"), row, column + 1)
        if len(node):
            top, bottom = min(top, row), max(bottom, row)
            left, right = min(left, column), max(right, column)
        node.clear()
    if bottom < 0:
        return 0, 0
    return bottom - top + 1, right - left + 1


def _position(ref: str | None, row: int, column: int) -> tuple[int, int]:
    match = _REF.match(ref or "")
    if not match:
        return row, column
    index = 0
    for letter in match.group(1).upper():
        index = index * 26 + ord(letter) - 64
    return int(match.group(2)), index


def _number(text: str | None, default: int) -> int:
    try:
        return int(text) if text else default
    except ValueError:
        return default
