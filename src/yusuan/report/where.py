"""Where a cited line stands, as a reader finds it: the file (for a disclosure read from several
files), the page and the line within the page (for PDFs, as `yusuan text` prints them)."""

from __future__ import annotations

from pathlib import Path

from yusuan.model import Document


def where_label(document: Document, number: int) -> str:
    """"p3 L12", "L714", or "报表.pdf p3 L12" for a line of a disclosure read --together."""
    source = document.source
    part = source.part_of(number)
    page, line = source.page_and_line(number)
    if page is not None:
        shown = f"p{page - (part.page_offset if part else 0)} L{line}"
    else:
        shown = f"L{number - part.first_line + 1 if part else number}"
    return f"{Path(part.path).name} {shown}" if part else shown
