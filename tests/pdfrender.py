"""A generated disclosure (tests/docbuilder.py, tests/finalbuilder.py, rendered as TAB text)
written out as a real PDF with reportlab, the way departments publish them: the running text
as wrapped paragraphs, each run of TAB lines as a ruled grid (its title and 单位 line are the
paragraphs just above it), long tables split over pages with their header rows repeated, and
a page number at the foot of every page."""

from __future__ import annotations

import re
from pathlib import Path

_AMOUNT = re.compile(r"^-?[\d,]+(\.\d+)?%?$")
MAX_HEADER_ROWS = 3

Block = tuple[str, str | list[list[str]]]  # ("text", line) or ("table", rows)


def blocks(text: str) -> list[Block]:
    """The TAB text as blocks: each non-blank line of text, each run of TAB lines a table."""
    out: list[Block] = []
    for line in text.splitlines():
        if "\t" in line:
            row = line.split("\t")
            last = out[-1] if out else None
            if last and last[0] == "table" and isinstance(last[1], list):
                last[1].append(row)
            else:
                out.append(("table", [row]))
        elif line.strip():
            out.append(("text", line))
        else:
            out.append(("blank", ""))
    return [block for block in out if block[0] != "blank"]


def header_rows(rows: list[list[str]]) -> int:
    """The leading rows without an amount, repeated on each page the table runs on to."""
    count = 0
    for row in rows[:MAX_HEADER_ROWS]:
        if any(_AMOUNT.match(cell) for cell in row):
            break
        count += 1
    return count if count < len(rows) else 0


def text_to_pdf(text: str, path: Path, font: str, *, keep_titles: bool = True) -> None:
    """`keep_titles=False` lets a table's title and 单位 line stay at the foot of a page while
    the table starts on the next one, as in many published PDFs."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=15, wordWrap="CJK",
                          spaceAfter=3)
    cell = ParagraphStyle("cell", fontName=font, fontSize=7, leading=9, wordWrap="CJK")
    document = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=40, rightMargin=40,
                                 topMargin=45, bottomMargin=50)
    width = A4[0] - 80

    def footer(canvas: object, doc: object) -> None:
        canvas.setFont(font, 9)  # type: ignore[attr-defined]
        canvas.drawCentredString(A4[0] / 2, 25, f"- {doc.page} -")  # type: ignore[attr-defined]

    keep = ParagraphStyle("title", parent=body, keepWithNext=True)
    story: list[object] = []
    parts = blocks(text)
    for index, (kind, content) in enumerate(parts):
        if kind == "text":
            assert isinstance(content, str)
            story.append(Paragraph(_escape(content), keep if keep_titles and _titles(parts, index) else body))
            continue
        assert isinstance(content, list)
        columns = max(len(row) for row in content)
        rows = [row + [""] * (columns - len(row)) for row in content]
        widths = _widths(rows, width)
        cells = [[Paragraph(_escape(text), cell) if _too_wide(text, w) else text
                  for text, w in zip(row, widths, strict=True)] for row in rows]
        table = Table(cells, colWidths=widths, repeatRows=header_rows(rows))
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, 7),
                                   ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("TOPPADDING", (0, 0), (-1, -1), 2),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        table.spaceBefore, table.spaceAfter = 2, 6
        story.append(table)
    document.build(story, onFirstPage=footer, onLaterPages=footer)


def _titles(parts: list[Block], index: int) -> bool:
    """A short line among the (at most three) just above a table: its title, 部门 or 单位
    line, kept on the page the table starts on."""
    for kind, content in parts[index + 1:index + 4]:
        if kind == "table":
            return True
        if len(content) > 40:
            return False
    return False


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _chars(text: str) -> float:
    """Width in ems at 7 pt: Han characters one em, the rest about half."""
    return sum(1.0 if ord(ch) > 0x2000 else 0.55 for ch in text)


def _too_wide(text: str, width: float) -> bool:
    return _chars(text) * 7 + 6 > width


def _widths(rows: list[list[str]], width: float) -> list[float]:
    """Columns as wide as their longest cell (at most 16 ems wanted), fitted to the page; a
    column is never narrower than its widest amount, so amounts are never wrapped."""
    columns = range(len(rows[0]))
    floor = [max([_chars(row[i]) for row in rows if _AMOUNT.match(row[i])] + [2.0]) * 7 + 8
             for i in columns]
    wanted = [max(min(max(_chars(row[i]) for row in rows), 16.0) * 7 + 8, floor[i])
              for i in columns]
    spare = sum(w - f for w, f in zip(wanted, floor, strict=True))
    share = (width - sum(floor)) / spare if spare else 1.0
    return [f + (w - f) * share for w, f in zip(wanted, floor, strict=True)]
