"""The extracted tables as a workbook (one sheet per table) and as CSV (one line per value).

Each value keeps where it is printed: a sheet row ends with the page and line of its row (and
the values printed on other lines, with theirs); the CSV gives every value its own page and line.
A two-sided 收支总表 stays two-sided: its 收入 rows on the left, its 支出 rows on the right.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path
from typing import Any

from yusuan import regexes
from yusuan.errors import InputError
from yusuan.model import Document, Table, TableRow

SIDES = (("income", "收入"), ("expenditure", "支出"))
_SHEET_FORBIDDEN = regexes.compile(r"[\[\]:*?/\\]")


def column_headers(table: Table, leaf: bool = False) -> dict[str, str]:
    """Each column key → its printed header (levels joined by /, or the lowest level only)."""
    from yusuan.rules.engine.printed import unprinted_column

    out = {}
    for column in table.columns:
        levels = [p for p in column.header if p.strip()]
        out[column.key] = (levels[-1] if leaf else "/".join(levels)) if levels \
            else unprinted_column(column.key)
    return out


def where(document: Document, line: int) -> tuple[str, int | None, int]:
    """(file, page, line) of a document line as the reports cite it."""
    source = document.source
    part = source.part_of(line)
    page, within = source.page_and_line(line)
    if part is None:
        return "", page, within
    if page is not None:
        return Path(part.path).name, page - part.page_offset, within
    return Path(part.path).name, None, line - part.first_line + 1


def _keys(table: Table, rows: list[TableRow]) -> list[str]:
    used = {key for row in rows for key in row.values}
    return [c.key for c in table.columns if c.key in used] or \
        sorted(used, key=lambda k: [c.key for c in table.columns].index(k)
               if table.column(k) else 99)


def _elsewhere(document: Document, row: TableRow, headers: dict[str, str]) -> str:
    """The values of a row printed on a line of their own: "合计 p3 L14"."""
    out = []
    for key, line in row.value_lines.items():
        if line == row.line or key not in row.values:
            continue
        file, page, within = where(document, line)
        shown = f"p{page} L{within}" if page is not None else f"L{within}"
        out.append(f"{headers.get(key, key)} {(file + ' ') if file else ''}{shown}")
    return "；".join(out)


def _block(document: Document, table: Table, rows: list[TableRow],
           with_code: bool, leaf: bool = False) -> tuple[list[str], list[list[Any]]]:
    """The header and rows of a table, or of one side of it (headers without the side's)."""
    headers = column_headers(table, leaf)
    keys = _keys(table, rows)
    units = any(row.unit_name or row.unit_code for row in rows)
    head = (["编码"] if with_code else []) + (["单位编码", "单位名称"] if units else [])
    head += ["名称", *(headers.get(k, k) for k in keys), "页", "行", "另行印出"]
    body = []
    for row in rows:
        _file, page, within = where(document, row.line)
        cells: list[Any] = [row.code or ""] if with_code else []
        if units:
            cells += [row.unit_code or "", row.unit_name or ""]
        cells += [row.name, *(row.values.get(k) for k in keys), page, within,
                  _elsewhere(document, row, headers)]
        body.append(cells)
    return head, body


def table_rows(document: Document, table: Table) -> list[list[Any]]:
    """A table's sheet: title, unit, header, rows; two blocks side by side when two-sided."""
    _file, page, within = where(document, table.lines[0])
    out: list[list[Any]] = [[" ".join(p for p in (table.number, table.title) if p)],
                            [f"单位：{table.unit or document.unit or '未注明'}",
                             f"标题在第 {page} 页第 {within} 行" if page else f"标题在第 {within} 行"]]
    if table.empty:
        return [*out, ["（空表）" + (f"：{table.note}" if table.note else "")]]
    sided = [(label, [r for r in table.rows if r.side == side]) for side, label in SIDES]
    if not all(rows for _label, rows in sided):
        with_code = any(row.code for row in table.rows)
        head, body = _block(document, table, table.rows, with_code)
        return [*out, head, *body]
    blocks = [(label, *_block(document, table, rows, False, leaf=True)) for label, rows in sided]
    width = len(blocks[0][1])
    out.append([blocks[0][0], *[None] * width, blocks[1][0]])
    out.append([*blocks[0][1], None, *blocks[1][1]])
    for index in range(max(len(blocks[0][2]), len(blocks[1][2]))):
        left = blocks[0][2][index] if index < len(blocks[0][2]) else [None] * width
        right = blocks[1][2][index] if index < len(blocks[1][2]) else []
        out.append([*left, None, *right])
    return out


def sheet_name(table: Table, index: int, used: set[str]) -> str:
    """A unique sheet name of at most 31 characters, from the table's number and title."""
    base = _SHEET_FORBIDDEN.sub("_", " ".join(p for p in (table.number, table.title) if p))
    base = (base.strip("' ") or f"表{index}")[:31]
    name, counter = base, 2
    while name.lower() in used:
        suffix = f"~{counter}"
        name, counter = base[:31 - len(suffix)] + suffix, counter + 1
    used.add(name.lower())
    return name


def write_xlsx(document: Document, path: str) -> None:
    """One sheet per table (openpyxl's write-only mode), written whole or not at all."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    used: set[str] = set()
    for index, table in enumerate(document.tables, start=1):
        sheet = workbook.create_sheet(sheet_name(table, index, used))
        for row in table_rows(document, table):
            sheet.append(row)
    if not document.tables:
        workbook.create_sheet("无表格").append(["未识别出表格"])
    save_workbook(workbook, path)


def save_workbook(workbook: Any, path: str) -> None:
    """Save an openpyxl workbook whole or not at all (a temporary file renamed over `path`)."""
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                             suffix=".tmp")
        os.close(handle)
        try:
            workbook.save(temporary)
            os.replace(temporary, target)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except OSError as error:
        raise InputError(f"无法写入 {path}：{error.strerror or error}",
                         f"cannot write {path}: {error.strerror or error}") from None


CSV_HEAD = ["表号", "表名", "收支", "编码", "名称", "单位名称", "栏目", "数值", "文件", "页", "行"]


def values_csv(document: Document, bom: bool = False) -> str:
    """Every value of every table on a line of its own, with its page and line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEAD)
    sides = dict(SIDES)
    for table in document.tables:
        headers = column_headers(table)
        for row in table.rows:
            for key, value in row.values.items():
                file, page, within = where(document, row.line_of(key))
                writer.writerow([table.number or "", table.title, sides.get(row.side or "", ""),
                                 row.code or "", row.name, row.unit_name or "",
                                 headers.get(key, key), _number(value), file,
                                 "" if page is None else page, within])
    return ("\ufeff" if bom else "") + buffer.getvalue()


def _number(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")
