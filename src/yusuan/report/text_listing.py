"""`yusuan text`: the reader's lines numbered as the reports cite them — a PDF's by page and line
("p3 L12" under "── 第 3 页 ──"), a workbook's by line with its sheet and the address of the row's
first cell, any other file's by line."""

from __future__ import annotations

from pathlib import Path

from yusuan.model import Source

SPREADSHEETS = ("xlsx", "xls")


PAGE = {"zh": "── 第 {page} 页 ──", "en": "── page {page} ──"}
SHEET = {"zh": "── 工作表 {name} ──", "en": "── sheet {name} ──"}


def source_listing(source: Source, lang: str = "zh") -> str:
    if source.format in SPREADSHEETS and not source.parts:
        return workbook_listing(source, lang)
    if any(line.page is not None for line in source.lines):
        return paged_listing(source, lang)
    return "".join(f"{line.number:>6}  {line.text}\n" for line in source.lines)


def paged_listing(source: Source, lang: str = "zh") -> str:
    out, page, number = [], None, 0
    for line in source.lines:
        if line.page != page:
            page, number = line.page, 0
            out.append(PAGE[lang].format(page=page) + "\n")
        number += 1
        out.append(f"{f'p{page} L{number}':<11} {line.text}\n")
    return "".join(out)


def workbook_listing(source: Source, lang: str = "zh") -> str:
    """Each sheet under its name; each line with its number (as `check` cites it) and the cell
    its row starts at (A5)."""
    from yusuan.readers.spreadsheet import workbook_lines

    out, sheet, number = [], None, 0
    for name, address, text in workbook_lines(Path(source.path)):
        if address is not None and name != sheet:
            sheet = name
            out.append(SHEET[lang].format(name=name) + "\n")
        for part in text.split("\n"):
            number += 1
            shown = source.lines[number - 1].text if number <= len(source.lines) else part
            out.append(f"{number:>6}  {address or '':<7} {shown}\n")
    return "".join(out)
