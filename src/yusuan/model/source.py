"""What a reader produces (lines) and what a layout produces (rows of cells)."""

from __future__ import annotations

from yusuan.kept.dataclass_code import dataclass, field


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a line stands in its file beyond page and line, as far as the reader knows it.

    A workbook row: `sheet`, its 1-based `row` and the 0-based `column` of the line's first TAB
    field (of its only text, for a one-text row). A Word paragraph: its 1-based `paragraph` in
    the body; a Word table row: the 1-based `table` and `row` (TAB field i is grid column i+1).
    A line read by OCR: `read_by` "ocr" and the engine's `confidence` (0-1, its least sure box).
    """

    sheet: str | None = None
    row: int | None = None
    column: int | None = None
    paragraph: int | None = None
    table: int | None = None
    read_by: str | None = None
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the input as the reader produced it; `number` is 1-based, blank lines count."""

    number: int
    text: str
    page: int | None = None
    origin: Origin | None = None


@dataclass(frozen=True, slots=True, init=False)
class Cell:
    """One table cell (or one run of text) with the line it starts on."""

    text: str
    line: int
    page: int | None = None
    indent: int = 0

    def __init__(self, text: str, line: int, page: int | None = None, indent: int = 0) -> None:
        # what the generated __init__ of a frozen class does (object.__setattr__ a field),
        # through each slot's own setter: half the cost, and a layout makes a cell a TAB field
        _set_text(self, text)
        _set_line(self, line)
        _set_page(self, page)
        _set_indent(self, indent)


_set_text, _set_line = Cell.text.__set__, Cell.line.__set__  # type: ignore[attr-defined]
_set_page, _set_indent = Cell.page.__set__, Cell.indent.__set__  # type: ignore[attr-defined]


@dataclass(slots=True)
class Row:
    """A row of cells in document order.

    `aligned` is True when the cells stand in their columns, blanks included (tab-separated,
    one-cell-per-line, pipe, HTML, spreadsheet); False when only the non-blank cells are known,
    left to right (hard-wrapped PDF text), so values must be assigned to columns by count.
    `lines` lists every source line the row's text came from.
    """

    cells: tuple[Cell, ...]
    aligned: bool = True
    lines: tuple[int, ...] = ()

    @property
    def line(self) -> int:
        return self.cells[0].line if self.cells else (self.lines[0] if self.lines else 0)

    @property
    def texts(self) -> list[str]:
        return [cell.text for cell in self.cells]

    @property
    def filled(self) -> tuple[Cell, ...]:
        """The cells with text, in order."""
        # worked out each time it is asked: kept on every row, it would cost a 2,000-page PDF
        # 8 MiB of its 100 (benchmarks/RESULTS.md, stop 16)
        return tuple([cell for cell in self.cells if cell.text])  # a list is made faster


@dataclass(frozen=True, slots=True)
class SourcePart:
    """One file of a disclosure published as several (情况说明 and 报表): where its lines and
    pages stand in the combined source."""

    path: str
    format: str
    sha256: str
    first_line: int
    last_line: int
    page_offset: int = 0  # pages of the files before this one
    pages: int | None = None


@dataclass(slots=True)
class Source:
    """A read input: its lines, and for formats that have them, its raw cell grids as rows."""

    path: str
    format: str
    sha256: str
    lines: list[Line]
    rows: list[Row] | None = None
    layout: str | None = None
    pages: int | None = None
    notes: list[str] = field(default_factory=list)
    parts: list[SourcePart] = field(default_factory=list)  # several files read as one

    def part_of(self, number: int) -> SourcePart | None:
        """The file a line of a combined source came from (None for a single file)."""
        return next((p for p in self.parts if p.first_line <= number <= p.last_line), None)

    def line_text(self, number: int) -> str:
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1].text
        return ""

    def page_and_line(self, number: int) -> tuple[int | None, int]:
        """(page, line within that page) of a document line; (None, number) without pages."""
        if not 1 <= number <= len(self.lines) or self.lines[number - 1].page is None:
            return None, number
        page = self.lines[number - 1].page
        first = number
        while first > 1 and self.lines[first - 2].page == page:
            first -= 1
        return page, number - first + 1
