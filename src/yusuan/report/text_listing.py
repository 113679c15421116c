"""`yusuan text`: the reader's lines numbered as the reports cite them — a PDF's by page and line
("p3 L12" under "── 第 3 页 ──"), a workbook's by line with its sheet and the address of the
line's first cell, any other file's by line; several files read as one, each under its name."""

from __future__ import annotations

from pathlib import Path

from yusuan.model import Line, Source

PAGE = {"zh": "── 第 {page} 页 ──", "en": "── page {page} ──"}
SHEET = {"zh": "── 工作表 {name} ──", "en": "── sheet {name} ──"}
FILE = {"zh": "══ 文件 {name} ══", "en": "══ file {name} ══"}


def source_listing(source: Source, lang: str = "zh") -> str:
    """The listing of a source; a disclosure read from several files lists each file under its
    name, its pages and lines counted from its own start (as the reports cite them)."""
    if not source.parts:
        return lines_listing(source.lines, lang)
    out = []
    for part in source.parts:
        lines = [Line(line.number - part.first_line + 1, line.text,
                      None if line.page is None else line.page - part.page_offset, line.origin)
                 for line in source.lines[part.first_line - 1:part.last_line]]
        out.append(FILE[lang].format(name=Path(part.path).name) + "\n" + lines_listing(lines, lang))
    return "".join(out)


def lines_listing(lines: list[Line], lang: str = "zh") -> str:
    if any(line.origin is not None and line.origin.sheet is not None for line in lines):
        return workbook_listing(lines, lang)
    if any(line.page is not None for line in lines):
        return paged_listing(lines, lang)
    return "".join(f"{line.number:>6}  {line.text}\n" for line in lines)


def paged_listing(lines: list[Line], lang: str = "zh") -> str:
    out, page, number = [], None, 0
    for line in lines:
        if line.page != page:
            page, number = line.page, 0
            out.append(PAGE[lang].format(page=page) + "\n")
        number += 1
        out.append(f"{f'p{page} L{number}':<11} {line.text}\n")
    return "".join(out)


def workbook_listing(lines: list[Line], lang: str = "zh") -> str:
    """Each sheet under its name; each line with its number (as `check` cites it) and the cell
    its line starts at (A5; a title's own cell)."""
    from yusuan.readers.spreadsheet import column_letters

    out, sheet = [], None
    for line in lines:
        origin = line.origin
        address = ""
        if origin is not None and origin.sheet is not None and origin.row is not None:
            if origin.sheet != sheet:
                sheet = origin.sheet
                out.append(SHEET[lang].format(name=sheet) + "\n")
            address = f"{column_letters(origin.column or 0)}{origin.row}"
        out.append(f"{line.number:>6}  {address:<7} {line.text}\n")
    return "".join(out)
