"""A generated disclosure (tests/docbuilder.py, tests/finalbuilder.py, rendered as TAB text)
written out as the Excel workbook, Word document or HTML page a department publishes:

- .xlsx (openpyxl): one sheet per table, its title merged across the grid and its 单位 line in
  the last column above the grid, notes ("注：…") below it; the running text between tables on
  sheets of its own, one paragraph a row. Amounts are real numbers with a number format that
  prints them as the text does (0.00 / #,##0.00 for 万元, 0 / #,##0 for 元, 0.00% for rates);
  codes, years and dates are numbers too where they are all digits, as exports hold them.
- .docx (python-docx): each line a paragraph, each run of TAB lines a real Word table.
- .html (lxml): each line a <p>, each run of TAB lines a <table> with a <thead>.

In all three a group header over the columns below it ("基本支出" over 小计/人员经费/公用经费,
"收 入" over 项目/预算数) is one merged cell (colspan / gridSpan / a merged range), as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pdfrender import header_rows

_DECIMAL = re.compile(r"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_PERCENT = re.compile(r"^-?\d+(\.\d+)?%$")
MAX_HEAD = 3  # the title, 部门/填报日期 and 单位 lines just above a table
MAX_TITLE = 40
SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


@dataclass
class Part:
    """A table with the lines above (title, 单位) and below (注) it, or a run of text lines."""

    head: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def is_table(self) -> bool:
        return bool(self.rows)


def parts(text: str) -> list[Part]:
    """The text as parts: each table with its head and notes, the text between in text parts."""
    items: list[str | list[list[str]]] = []
    for line in text.splitlines():
        if "\t" in line:
            if items and isinstance(items[-1], list):
                items[-1].append(line.split("\t"))
            else:
                items.append([line.split("\t")])
        elif line.strip():
            items.append(line.strip())
    out: list[Part] = []
    pending: list[str] = []
    for item in items:
        if isinstance(item, str):
            if out and out[-1].is_table and not pending and item.startswith("注"):
                out[-1].notes.append(item)
            else:
                pending.append(item)
            continue
        head: list[str] = []
        while pending and len(head) < MAX_HEAD and len(pending[-1]) <= MAX_TITLE:
            head.insert(0, pending.pop())
        if pending:
            out.append(Part(head=pending))
        width = max(len(row) for row in item)
        out.append(Part(head=head, rows=[row + [""] * (width - len(row)) for row in item]))
        pending = []
    if pending:
        out.append(Part(head=pending))
    return out


def spans(rows: list[list[str]]) -> dict[tuple[int, int], int]:
    """(row, column) -> columns merged: a header cell followed by blank cells that head columns
    in the header row below (a group header)."""
    out: dict[tuple[int, int], int] = {}
    header = header_rows(rows)
    for r in range(header - 1):
        row, below = rows[r], rows[r + 1]
        for c, text in enumerate(row):
            if not text:
                continue
            end = c + 1
            while end < len(row) and not row[end] and below[end]:
                end += 1
            if end - c > 1:
                out[(r, c)] = end - c
    return out


def is_unit_line(line: str) -> bool:
    return "单位：" in line and "单位名称" not in line


# ---------------------------------------------------------------- Excel


def cell_value(text: str) -> tuple[object, str | None]:
    """A cell as Excel holds it: (value, number format) — amounts and rates as numbers."""
    if _PERCENT.match(text):
        places = len(text[:-1].partition(".")[2])
        return float(text[:-1]) / 100, "0" + ("." + "0" * places if places else "") + "%"
    if _DECIMAL.match(text) and len(text.replace(",", "").split(".")[0].lstrip("-")) <= 15:
        plain = text.replace(",", "")
        if plain.lstrip("-").startswith("0") and plain.lstrip("-")[:2] not in ("0", "0."):
            return text, None  # a leading zero (a code) stays text
        places = len(plain.partition(".")[2])
        base = "#,##0" if "," in text else "0"
        number: object = float(plain) if places else int(plain)
        return number, base + ("." + "0" * places if places else "")
    return text, None


def _sheet_name(title: str, used: set[str]) -> str:
    base = SHEET_NAME.sub("", title).strip()[:28] or "Sheet"
    name, index = base, 2
    while name in used:
        name = f"{base[:26]}({index})"
        index += 1
    used.add(name)
    return name


def text_to_xlsx(text: str, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for part in parts(text):
        if not part.is_table:
            sheet = book.create_sheet(_sheet_name(part.head[0], used))
            for line in part.head:
                sheet.append([line])
            sheet.column_dimensions["A"].width = 120
            continue
        title = next((line for line in part.head if line.startswith("表")), part.head[0]
                     if part.head else "表")
        sheet = book.create_sheet(_sheet_name(title, used))
        width = len(part.rows[0])
        last = get_column_letter(width)
        for line in part.head:
            if is_unit_line(line) and width > 1:
                sheet.append([None] * (width - 1) + [line])
                sheet.cell(sheet.max_row, width).alignment = Alignment(horizontal="right")
            else:
                sheet.append([line])
                if line == title and width > 1:
                    sheet.merge_cells(f"A{sheet.max_row}:{last}{sheet.max_row}")
                    sheet.cell(sheet.max_row, 1).font = Font(bold=True, size=14)
                    sheet.cell(sheet.max_row, 1).alignment = Alignment(horizontal="center")
        top = sheet.max_row + 1 if part.head else 1
        merged = spans(part.rows)
        for r, row in enumerate(part.rows):
            for c, raw in enumerate(row):
                if not raw:
                    continue
                value, number_format = cell_value(raw)
                cell = sheet.cell(top + r, c + 1, value)
                if number_format:
                    cell.number_format = number_format
        for (r, c), span in merged.items():
            sheet.merge_cells(start_row=top + r, start_column=c + 1, end_row=top + r,
                              end_column=c + span)
        for line in part.notes:
            sheet.append([line])
        for c in range(width):
            sheet.column_dimensions[get_column_letter(c + 1)].width = 14 if c else 20
    book.save(path)


# ---------------------------------------------------------------- Word


def text_to_docx(text: str, path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    for part in parts(text):
        for line in part.head:
            paragraph = document.add_paragraph(line)
            if part.is_table and line.startswith("表"):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.runs[0].bold = True
            elif part.is_table and is_unit_line(line):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if not part.is_table:
            continue
        rows = part.rows
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for values, row in zip(rows, table.rows, strict=True):
            for value, cell in zip(values, row.cells, strict=True):
                if value:
                    cell.text = value
                    for run in cell.paragraphs[0].runs:
                        run.font.size = Pt(8)
        for (r, c), span in spans(rows).items():
            cells = table.rows[r].cells
            cells[c].merge(cells[c + span - 1])
        for line in part.notes:
            document.add_paragraph(line)
    document.save(str(path))


# ---------------------------------------------------------------- HTML


def text_to_html(text: str, path: Path) -> None:
    from lxml import etree
    from lxml.html import builder as E

    body = E.DIV(E.CLASS("content"))
    for part in parts(text):
        for line in part.head:
            if part.is_table and line.startswith("表"):
                body.append(E.H3(line, style="text-align:center"))
            elif part.is_table and is_unit_line(line):
                body.append(E.P(line, style="text-align:right"))
            else:
                body.append(E.P(line))
        if not part.is_table:
            continue
        rows = part.rows
        merged = spans(rows)
        header = header_rows(rows)
        table = E.TABLE(border="1", cellspacing="0")
        group = E.THEAD() if header else E.TBODY()
        table.append(group)
        for r, row in enumerate(rows):
            if r == header and header:
                group = E.TBODY()
                table.append(group)
            tr = E.TR()
            skip = 0
            for c, value in enumerate(row):
                if skip:
                    skip -= 1
                    continue
                cell = (E.TH if r < header else E.TD)(value)
                if (r, c) in merged:
                    cell.set("colspan", str(merged[(r, c)]))
                    skip = merged[(r, c)] - 1
                if _DECIMAL.match(value) or _PERCENT.match(value):
                    cell.set("align", "right")
                tr.append(cell)
            group.append(tr)
        body.append(table)
        for line in part.notes:
            body.append(E.P(line))
    page = E.HTML(E.HEAD(E.META(charset="utf-8"), E.TITLE("部门预决算公开")), E.BODY(body))
    path.write_bytes(b"<!DOCTYPE html>\n" + etree.tostring(page, encoding="utf-8", method="html"))
