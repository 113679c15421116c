"""Excel workbooks (.xlsx, .xlsm, .xls) with python-calamine: every sheet row becomes one line.

A row with cells becomes a TAB line over its table's used width (blank cells stay blank; a
merged cell's text stands in its first cell, as Excel stores it). A row whose only content is
one text (a title, "单位：万元") becomes a plain line, unless it stands inside a grid in a later
column (a 支出 item with no amount); a blank row becomes a blank line, so several tables on one
sheet stay apart. Numbers are written as printed: in .xlsx as the cell's number
format prints them (decimals, thousands separator, percent); otherwise floats lose binary noise
(1234.5600000001 → 1234.56) and a column's numbers share the most decimals any of them shows
within one table (the rows between blank rows): 9 beside 0.21 prints "9.00".
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from python_calamine import CalamineWorkbook

from yusuan import regexes
from yusuan.errors import InputError
from yusuan.model import Origin, Source
from yusuan.readers.grid import cell_text, make_source
from yusuan.readers.guards.panics import panic_reports_held
from yusuan.readers.guards.sheet import check_sheet_range
from yusuan.readers.xlsxformats import NumberFormat, sheet_formats

MAX_DECIMALS = 6
# A panic in calamine (Rust) arrives as pyo3's PanicException, which is no Exception: every
# BaseException but these is the file's failure.
NOT_FAILURES = (KeyboardInterrupt, SystemExit, GeneratorExit)
_NUMBER = regexes.compile(r"^-?[\d,]+(\.\d+)?%?$")


def read(path: Path) -> Source:
    texts = [(text, None, Origin(sheet=sheet, row=row, column=column) if row else None)
             for sheet, row, column, text in workbook_rows(path)]
    if not any(text.strip() for text, *_ in texts):
        raise InputError(f"{path.name} 是所有单元格都为空的工作簿。",
                         f"{path.name} is a workbook with no cell that holds anything.")
    with path.open("rb") as handle:
        fmt = "xls" if handle.read(4) == b"\xd0\xcf\x11\xe0" else "xlsx"
    return make_source(path, fmt, texts, pages=_sheet_count(path))


def workbook_lines(path: Path) -> list[tuple[str, str | None, str]]:
    """(sheet name, address of the row's first cell, text) of every line the workbook gives,
    sheets one after another with a blank line (no address) between them."""
    return [(name, f"{column_letters(left)}{row}" if row else None, text)
            for name, row, left, text, _offset in _workbook_cells(path)]


def workbook_rows(path: Path) -> list[tuple[str, int | None, int, str]]:
    """(sheet name, 1-based sheet row, 0-based column of the line's first TAB field, text) of
    every line the workbook gives; the blank line between sheets has no row. A one-text line's
    column is the cell that holds its text."""
    return [(name, row, left + offset, text) for name, row, left, text, offset in _workbook_cells(path)]


def _workbook_cells(path: Path) -> list[tuple[str, int | None, int, str, int]]:
    workbook = _open(path)
    out: list[tuple[str, int | None, int, str, int]] = []
    try:
        for name in workbook.sheet_names:
            rows, (top, left) = _sheet_rows(workbook, name, path)
            if not rows:
                continue
            if out:
                out.append((name, None, left, "", 0))
            out.extend((name, top + 1 + index, left, line, offset)
                       for index, (line, offset) in enumerate(sheet_cells(rows)))
    finally:
        workbook.close()
    return out


def _sheet_count(path: Path) -> int:
    workbook = _open(path)
    try:
        return len(workbook.sheet_names)
    finally:
        workbook.close()


def column_letters(index: int) -> str:
    """A 0-based column index as Excel names it: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _open(path: Path) -> CalamineWorkbook:
    try:
        with panic_reports_held():
            return CalamineWorkbook.from_path(str(path))
    except NOT_FAILURES:
        raise
    except BaseException as error:  # noqa: BLE001 - calamine raises many types, and panics
        locked = "password" in str(error).lower()
        reason = "它设有密码保护" if locked else "文件已损坏"
        raise InputError(f"{path.name} 无法作为 Excel 工作簿读取：{reason}。",
                         f"{path.name} could not be read as an Excel workbook: "
                         f"{'it is password-protected' if locked else 'it is damaged'}.") from None


def _sheet_rows(workbook: CalamineWorkbook, name: str,
                path: Path) -> tuple[list[list[object]], tuple[int, int]]:
    try:
        with panic_reports_held():
            sheet = workbook.get_sheet_by_name(name)
    except NOT_FAILURES:
        raise
    except BaseException:  # noqa: BLE001 - calamine raises many types, and panics
        raise InputError(f"{path.name} 的工作表“{name}”无法读取（文件已损坏）。",
                         f"{path.name}: sheet {name!r} could not be read (the file is damaged).") from None
    check_sheet_range(sheet.height, sheet.width)  # an .xls is not scanned before calamine
    try:
        with panic_reports_held():
            cells = sheet.to_python(skip_empty_area=True)
        rows: list[list[object]] = [list(row) for row in cells]
        start = sheet.start or (0, 0)
    except NOT_FAILURES:
        raise
    except BaseException:  # noqa: BLE001 - calamine raises many types, and panics
        raise InputError(f"{path.name} 的工作表“{name}”无法读取（文件已损坏）。",
                         f"{path.name}: sheet {name!r} could not be read (the file is damaged).") from None
    if zipfile.is_zipfile(path):
        apply_formats(rows, start, sheet_formats(path, name))
    return rows, start


def apply_formats(rows: list[list[object]], start: tuple[int, int],
                  formats: dict[tuple[int, int], NumberFormat]) -> None:
    """Write each number whose cell has a number format as that format prints it."""
    if not formats:
        return
    top, left = start
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                number_format = formats.get((top + r, left + c))
                if number_format is not None:
                    row[c] = number_format.render(float(value))


def sheet_lines(rows: list[list[object]]) -> list[str]:
    """The lines of one sheet: plain text for one-text rows, TAB lines for the rest.

    Rows between blank rows form one table: its TAB lines run to the table's own last used
    column, and its columns print their numbers alike.
    """
    return [line for line, _offset in sheet_cells(rows)]


def sheet_cells(rows: list[list[object]]) -> list[tuple[str, int]]:
    """`sheet_lines` with, for each line, the column (from the sheet's first used one) its
    first TAB field, or its only text, stands in."""
    lines: list[tuple[str, int]] = []
    index = 0
    while index < len(rows):
        block = _block(rows, index)
        if not block:
            lines.append(("", 0))
            index += 1
            continue
        lines.extend(block_cells(block))
        index += len(block)
    while lines and not lines[-1][0]:
        lines.pop()
    return lines


def block_cells(block: list[list[object]]) -> list[tuple[str, int]]:
    """A table's lines, each with the column of its first field. A row with one text is a
    plain line (a title, the 单位 line, a note), unless it lies inside the grid (between rows
    of several cells) in a column after the first: then it is a row of the grid (a 支出 item
    with no amount on the right of a two-sided table) and keeps its column."""
    width = max(_used_width(row) for row in block)
    decimals = _column_decimals(block, width)
    table = [[format_value(value, decimals[col]) for col, value in enumerate(row[:width])]
             for row in block]
    grid = [index for index, cells in enumerate(table) if sum(1 for cell in cells if cell) > 1]
    lines = []
    for index, cells in enumerate(table):
        cells += [""] * (width - len(cells))
        filled = [col for col, cell in enumerate(cells) if cell]
        inside = bool(grid and filled) and grid[0] < index < grid[-1] and filled[0] > 0
        if len(filled) == 1 and not _NUMBER.match(cells[filled[0]]) and not inside:
            lines.append((cells[filled[0]], filled[0]))
        else:
            lines.append(("\t".join(cells), 0))
    return lines


def _block(rows: list[list[object]], start: int) -> list[list[object]]:
    """The rows from `start` to the next blank row: one table, whose columns print alike."""
    end = start
    while end < len(rows) and _used_width(rows[end]):
        end += 1
    return rows[start:end]


def _used_width(row: list[object]) -> int:
    width = len(row)
    while width and (row[width - 1] is None or str(row[width - 1]).strip() == ""):
        width -= 1
    return width


def _column_decimals(rows: list[list[object]], width: int) -> list[int]:
    """For each column, the most decimals any of its float cells shows (numbers printed alike)."""
    decimals = [0] * width
    for row in rows:
        for col, value in enumerate(row[:width]):
            if isinstance(value, float) and not value.is_integer():
                decimals[col] = max(decimals[col], _decimals_of(value))
    return decimals


def _decimals_of(value: float) -> int:
    text = repr(round(value, MAX_DECIMALS))
    if "e" in text or "." not in text:
        return 0
    return len(text.split(".")[1].rstrip("0"))


def format_value(value: object, decimals: int = 0) -> str:
    """One cell as the sheet prints it: text cleaned, numbers without binary noise."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return f"{value:.{decimals}f}" if decimals else str(value)
    if isinstance(value, float):
        places = max(decimals, _decimals_of(value))
        return f"{round(value, places):.{places}f}"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return cell_text(value)
