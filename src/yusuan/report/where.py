"""Where a cited figure stands, as a reader finds it — one location model every report uses.

A `Where` names the file (for a disclosure read from several files), the page and the line
within the page (a PDF, as `yusuan text` prints them) or the line of the file, and where the
reader knows it the workbook cell (`Sheet!D388`), the Word paragraph or table cell, and whether
the figure was read by OCR (with the engine's confidence). `box` is left for the rectangle on
the page, in PDF points, when a report computes one.

`where_of(document, location)` builds it from a finding's location; `Where.fields()` is what
the check JSON adds to a location; `where_from_json(location)` reads it back; `LineIndex` turns
a JSON location into the line of the whole document a bundle's `lines` hold.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.model import Document, Location, Table, TableRow

LABELS = {
    "zh": {"paragraph": "第{n}段", "word_cell": "表{table} 第{row}行第{cell}格",
           "word_row": "表{table} 第{row}行", "ocr": "OCR 识别", "confidence": "置信度",
           "page": "页 {page}", "line": "行 {line}"},
    "en": {"paragraph": "paragraph {n}", "word_cell": "table {table} row {row} cell {cell}",
           "word_row": "table {table} row {row}", "ocr": "read by OCR", "confidence": "confidence",
           "page": "page {page}", "line": "line {line}"},
}
_PLAIN_SHEET = regexes.compile(r"^[^\W\d]\w*$")
_NUMBER_TEXT = regexes.compile(r"^-?[\d,]+(\.\d+)?%?$")


@dataclass(frozen=True, slots=True)
class Where:
    """Where a cited line is: page, sheet cell, Word paragraph or table."""

    line: int  # as cited: within the page (PDF), within its file (several files), else of the file
    page: int | None = None
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None  # the workbook cell, "D388"
    paragraph: int | None = None  # Word: the body's paragraph
    word_table: int | None = None  # Word: the table, its row, and the cell (grid column)
    word_row: int | None = None
    word_cell: int | None = None
    read_by: str | None = None  # "ocr" when the line was read from a page image
    confidence: float | None = None  # the OCR engine's, 0-1
    figure: str | None = None  # the cited value as the line prints it ("2,000.00"), when known
    box: tuple[float, float, float, float] | None = None  # on the page (x0, y0, x1, y1), points

    def fields(self) -> dict[str, Any]:
        """What the check JSON adds to a location (page, line and file it already gives)."""
        out: dict[str, Any] = {}
        if self.sheet is not None:
            out["sheet"], out["cell"] = self.sheet, self.cell
        if self.paragraph is not None:
            out["paragraph"] = self.paragraph
        if self.word_table is not None:
            out["word_table"] = {"table": self.word_table, "row": self.word_row,
                                 **({"cell": self.word_cell} if self.word_cell else {})}
        if self.read_by:
            out["read_by"] = self.read_by
        if self.confidence is not None:
            out["ocr_confidence"] = self.confidence
        if self.figure is not None:
            out["figure"] = self.figure
        if self.box is not None:
            out["box"] = list(self.box)
        return out

    def label(self, lang: str = "zh") -> str:
        """"p3 L12", "收支总表!D8 L40", "第12段 L40", "L714", with the file's name first when
        the disclosure was read from several files (as `yusuan text` numbers lines)."""
        shown = f"p{self.page} L{self.line}" if self.page is not None else f"L{self.line}"
        return self._placed(shown, lang)

    def caption(self, lang: str = "zh") -> str:
        """The label in words, for a page a reader reads: "页 3 · 行 12", "page 3 · line 12"."""
        words = LABELS[lang]
        shown = words["line"].format(line=self.line)
        if self.page is not None:
            shown = words["page"].format(page=self.page) + " · " + shown
        return self._placed(shown, lang)

    def _placed(self, shown: str, lang: str) -> str:
        words = LABELS[lang]
        if self.sheet is not None:
            shown = f"{sheet_reference(self.sheet)}!{self.cell} {shown}"
        elif self.word_table is not None:
            key = "word_cell" if self.word_cell else "word_row"
            shown = words[key].format(table=self.word_table, row=self.word_row,
                                      cell=self.word_cell) + f" {shown}"
        elif self.paragraph is not None:
            shown = words["paragraph"].format(n=self.paragraph) + f" {shown}"
        return f"{Path(self.file).name} {shown}" if self.file else shown

    def provenance(self, lang: str = "zh") -> str:
        """"OCR 识别，置信度 0.93" for a line read by OCR; "" otherwise."""
        if self.read_by != "ocr":
            return ""
        words = LABELS[lang]
        if self.confidence is None:
            return words["ocr"]
        return f"{words['ocr']}{'，' if lang == 'zh' else ', '}{words['confidence']} {self.confidence:.2f}"


def sheet_reference(name: str) -> str:
    """A sheet's name as a cell reference writes it: quoted when it holds a space or a sign
    ('收支 总表'!D8), a quote doubled."""
    return name if _PLAIN_SHEET.match(name) else "'" + name.replace("'", "''") + "'"


def where_of(document: Document, location: Location) -> Where:
    """The location model of one finding location (its `line` a line of the whole document)."""
    source = document.source
    number = location.line
    part = source.part_of(number)
    page, line = source.page_and_line(number)
    if part is not None:
        page = None if page is None else page - part.page_offset
        line = line if page is not None else number - part.first_line + 1
    origin = source.lines[number - 1].origin if 1 <= number <= len(source.lines) else None
    where = Where(line=line, page=page, file=part.path if part else None,
                  figure=cited_figure(document, location))
    if origin is None:
        return where
    field = cited_field(document, location)
    extra: dict[str, Any] = {"read_by": origin.read_by, "confidence": origin.confidence,
                             "figure": where.figure}
    if origin.sheet is not None and origin.row is not None:
        from yusuan.readers.spreadsheet import column_letters

        extra.update(sheet=origin.sheet, cell=f"{column_letters((origin.column or 0) + field)}{origin.row}")
    elif origin.table is not None:
        cell = field + 1 if "\t" in source.line_text(number) else None
        extra.update(word_table=origin.table, word_row=origin.row, word_cell=cell)
    elif origin.paragraph is not None:
        extra.update(paragraph=origin.paragraph)
    return Where(line=where.line, page=where.page, file=where.file, **extra)


def where_label(document: Document, number: int) -> str:
    """"p3 L12", "L714", or "报表.pdf p3 L12" for a line of a disclosure read --together."""
    return where_of(document, Location(line=number)).label()


def cited_value(document: Document, location: Location) -> tuple[Table, float] | None:
    """The table and the value a location's column holds on its line, if it cites one."""
    found = cited_row(document, location) if location.column else None
    if found is None or location.column is None:
        return None
    table, row = found
    value = row.values.get(location.column)
    if value is None or row.line_of(location.column) != location.line:
        return None
    return table, value


def cited_figure(document: Document, location: Location) -> str | None:
    """The cited value as its line prints it: its TAB field, or the word of a running line."""
    cited = cited_value(document, location)
    if cited is None or location.column is None:
        return None
    text = document.source.line_text(location.line)
    fields = text.split("\t")
    index = value_field(document, cited[0], location.column, fields, cited[1])
    if index is not None and len(fields) > 1:
        return fields[index].strip()
    return next((word for word in text.split() if number_of(word) == cited[1]), None)


def cited_field(document: Document, location: Location) -> int:
    """The TAB field of the cited line that holds what the location cites: the value of its
    column, else its code, else the first field with text."""
    fields = document.source.line_text(location.line).split("\t")
    cited = cited_value(document, location)
    if cited is not None and location.column:
        index = value_field(document, cited[0], location.column, fields, cited[1])
        if index is not None:
            return index
    found = cited_row(document, location)
    wanted = location.code or (found[1].code if found else None)
    if wanted and wanted in (field.strip() for field in fields):
        return [field.strip() for field in fields].index(wanted)
    return next((i for i, field in enumerate(fields) if field.strip()), 0)


def cited_row(document: Document, location: Location) -> tuple[Table, TableRow] | None:
    """The table row a location points at (its line, its table kind and code), if any."""
    for table in document.tables:
        if location.table and table.kind != location.table:
            continue
        if not table.lines[0] <= location.line <= table.lines[1]:
            continue
        for row in table.rows:
            if location.line not in (row.line, *row.value_lines.values()):
                continue
            if location.code and row.code and row.code != location.code:
                continue
            return table, row
    return None


def value_field(document: Document, table: Table, key: str, fields: list[str],
                value: float) -> int | None:
    """The field printing `value`; of several, the one under the column's header."""
    hits = [i for i, field in enumerate(fields) if number_of(field) == value]
    if len(hits) > 1:
        under = header_field(document, table, key)
        if under in hits:
            return under
    return hits[0] if hits else None


def header_field(document: Document, table: Table, key: str) -> int | None:
    column = table.column(key)
    if column is None or not column.header or table.header_lines is None:
        return None
    wanted = column.header[-1].replace(" ", "")
    for number in range(table.header_lines[0], table.header_lines[1] + 1):
        fields = [field.replace(" ", "") for field in document.source.line_text(number).split("\t")]
        if wanted in fields:
            return fields.index(wanted)
    return None


def number_of(text: str) -> float | None:
    """A field's number as printed ("1,234.50" → 1234.5, "12%" → 12.0), None for text."""
    text = text.replace(" ", "")  # a PDF's glyph gap inside a number: "170,390.3 1"
    if not _NUMBER_TEXT.match(text):
        return None
    try:
        return float(text.replace(",", "").rstrip("%"))
    except ValueError:
        return None


def where_from_json(location: dict[str, Any]) -> Where:
    """A check JSON location read back as the model."""
    word = location.get("word_table") or {}
    box = location.get("box")
    return Where(line=location.get("line", 0), page=location.get("page"), file=location.get("file"),
                 sheet=location.get("sheet"), cell=location.get("cell"),
                 paragraph=location.get("paragraph"), word_table=word.get("table"),
                 word_row=word.get("row"), word_cell=word.get("cell"),
                 read_by=location.get("read_by"), confidence=location.get("ocr_confidence"),
                 figure=location.get("figure"), box=tuple(box) if box else None)


class LineIndex:
    """Turns a check JSON location (page and line within it, or line of its file) into the line
    of the whole document, as a report bundle's `lines` number them."""

    def __init__(self, bundle: dict[str, Any]) -> None:
        self.page_start: dict[int, int] = {}
        for number, page, _text in bundle["lines"]:
            if page is not None:
                self.page_start.setdefault(page, number)
        self.parts = {part["path"]: part for part in bundle.get("parts", [])}

    def document_line(self, location: dict[str, Any]) -> int:
        line = location.get("line", 0)
        part = self.parts.get(location.get("file") or "")
        page = location.get("page")
        if page is not None:
            first = self.page_start.get(page + (part["page_offset"] if part else 0))
            return first + line - 1 if first is not None and line > 0 else 0
        return part["first_line"] + line - 1 if part and line > 0 else line
