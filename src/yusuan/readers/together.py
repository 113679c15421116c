"""A disclosure published as several files (the 情况说明 and the 报表 apart): their sources and
rows joined into one, each line and page renumbered after the files before it, each file kept as
a part so that a finding can name the file and its own page."""

from __future__ import annotations

import dataclasses
import hashlib

from yusuan.model import Line, Row, Source, SourcePart


def join_sources(sources: list[Source], rows: list[list[Row]]) -> tuple[Source, list[Row]]:
    """One source and one list of rows from several, in the order given."""
    lines: list[Line] = []
    joined_rows: list[Row] = []
    parts: list[SourcePart] = []
    page_offset = 0
    for source, source_rows in zip(sources, rows, strict=True):
        line_offset = len(lines)
        lines += [Line(line.number + line_offset, line.text, _page(line.page, page_offset), line.origin)
                  for line in source.lines]
        joined_rows += [_shifted(row, line_offset, page_offset) for row in source_rows]
        parts.append(SourcePart(source.path, source.format, source.sha256, line_offset + 1,
                                len(lines), page_offset, source.pages))
        page_offset += source.pages or 0
    paged = all(source.pages for source in sources)
    digest = hashlib.sha256("".join(source.sha256 for source in sources).encode()).hexdigest()
    layouts = {source.layout for source in sources}
    joined = Source(path=" + ".join(source.path for source in sources),
                    format="+".join(dict.fromkeys(source.format for source in sources)),
                    sha256=digest, lines=lines, pages=page_offset if paged else None,
                    layout=layouts.pop() if len(layouts) == 1 else "mixed",
                    notes=[note for source in sources for note in source.notes], parts=parts)
    return joined, joined_rows


def _page(page: int | None, offset: int) -> int | None:
    return None if page is None else page + offset


def _shifted(row: Row, line_offset: int, page_offset: int) -> Row:
    cells = tuple(dataclasses.replace(cell, line=cell.line + line_offset,
                                      page=_page(cell.page, page_offset)) for cell in row.cells)
    return Row(cells, row.aligned, tuple(n + line_offset for n in row.lines))


