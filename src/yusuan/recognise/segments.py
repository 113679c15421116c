"""Rows → table segments: title lines, number, unit, header rows, data rows, notes.

A table starts at a title row (or a number-only row such as "附表 4-2" followed by a title);
further title / number rows before its first header or data row belong to the same table; a
repeated number row ("表二") or title of the same kind after data starts a continuation page,
whose repeated header rows are skipped. A table ends at the next title or at running text.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass, field
from yusuan.model import Cell, Row
from yusuan.readers.normalise import PAGE_NUMBER
from yusuan.recognise.numbers import is_amount
from yusuan.recognise.titles import Title, classify_title, is_number_only, printed_number
from yusuan.repeats import once_per_text

_UNIT = regexes.compile(r"(?:金额)?单位\s*[:：]?\s*(万元|元|亿元|千元)(?=\s|$|[)），,；;。])")
_BUDGET_UNIT = regexes.compile(r"^(部门/单位|部门（单位）|部门\(单位\)|部门名称|单位名称|部门|编制单位)\s*[:：]|^\[\d+\]")
_NOTE = regexes.compile(r"^(备注|注|说明)\s*[:：\d]|^\d+\s*栏|^\d+行=|^本表|^-{3,}")
_CODE = regexes.compile(r"^\[?\d{3,}(?!\d)\]?(?!\s*年)")  # a code, not a year ('2024年预算数')


@dataclass(slots=True)
class Segment:
    """The rows of one table before interpretation."""

    title: Title
    title_rows: list[Row] = field(default_factory=list)
    number: str | None = None
    unit: str | None = None
    unit_line: int | None = None
    budget_unit: str | None = None
    budget_unit_line: int | None = None
    header_rows: list[Row] = field(default_factory=list)
    data_rows: list[Row] = field(default_factory=list)
    note_rows: list[Row] = field(default_factory=list)
    in_repeat_header: bool = False

    @property
    def started(self) -> bool:
        return bool(self.header_rows or self.data_rows)

    @property
    def first_line(self) -> int:
        return self.title_rows[0].line

    @property
    def last_line(self) -> int:
        rows = self.title_rows + self.header_rows + self.data_rows + self.note_rows
        return max(max(row.lines or (row.line,)) for row in rows)


def single_text(row: Row) -> str | None:
    """The text of a row with exactly one filled cell, else None."""
    return _only_text(row.filled)


def _only_text(filled: tuple[Cell, ...]) -> str | None:
    """`single_text` of a row's filled cells."""
    return filled[0].text if len(filled) == 1 else None


def _texts(filled: tuple[Cell, ...]) -> tuple[str, ...]:
    return tuple([cell.text for cell in filled])  # a list is made faster


def _title_of(texts: tuple[str, ...]) -> Title | None:
    """The title a row opens, of its filled cells' texts (a table number may stand apart)."""
    if len(texts) == 2 and is_number_only(texts[0]):
        title = classify_title(texts[1])
        if title and not title.number:
            return Title(title.kind, title.text, printed_number(texts[0]))
        return title
    return classify_title(texts[0]) if len(texts) == 1 else None  # single_text


def is_data_row(row: Row) -> bool:
    """A row with an amount, a classification code or a total label in a table body."""
    return _is_data(_texts(row.filled))


def _is_data(texts: tuple[str, ...]) -> bool:
    """`is_data_row` of a row's filled cells' texts."""
    if not texts or _column_numbers(texts):
        return False
    if any(is_amount(text) for text in texts):
        return True
    return bool(_CODE.match(texts[0]))


COLUMN_NUMBER_LABELS = frozenset({"栏次", "行次", "类", "款", "项", "*", "**", "***"})


def is_column_number_row(row: Row) -> bool:
    """A 栏次 row: 1 2 3 … n, maybe after 栏次 / 类 款 项 labels; a header, not data."""
    return _column_numbers([cell.text for cell in row.filled])


def _column_numbers(texts: Sequence[str]) -> bool:
    """`is_column_number_row` of a row's filled cells' texts."""
    if not texts or not (texts[0] in COLUMN_NUMBER_LABELS or texts[0].isdecimal()):
        return False  # most rows: every cell must be a label or a number
    labels = [text for text in texts if text in COLUMN_NUMBER_LABELS]
    numbers = [int(text) for text in texts if text.isdecimal()]  # not ① or ²
    if len(labels) + len(numbers) != len(texts) or (len(numbers) < 2 and not labels):
        return False
    if not numbers:
        return True
    rising = all(b >= a for a, b in itertools.pairwise(numbers))
    return rising and numbers[0] <= 2 and numbers[-1] - numbers[0] <= len(numbers)


def is_running_text(row: Row, text: str | None) -> bool:
    """A row of running text; `text` is its only filled cell's (`single_text`)."""
    if text is None or len(row.cells) > 1:
        return False
    return len(text) > 40 or bool(regexes.match(r"^(第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+、)", text))


WRAPPED_TAIL = 4  # the most characters of a title's last word wrapped onto a line of its own
WRAPPED_NUMBERED_TAIL = 8  # … after a numbered title that has not said 表 yet ('支出预算表')


def join_wrapped_titles(rows: list[Row]) -> Iterator[tuple[Row, tuple[Cell, ...]]]:
    """A title the page wraps before its last word ('…培训费支出预算' / '表'), or a numbered title
    wrapped before its last words ('公开 09 表：…会议费、培训费' / '支出预算表'): one row. Each
    row comes with its filled cells, worked out once (segmenting reads them again and again;
    made one row at a time, they are never all held at once)."""
    held: Row | None = None  # the row before, not yet given: the next may end its title
    held_filled: tuple[Cell, ...] = ()
    head = None  # single_text(held)
    for row in rows:
        filled = row.filled
        tail = _only_text(filled)
        if (held is not None and head and tail
                and (tail.endswith("表") and classify_title(head + tail)
                     and (len(tail) <= WRAPPED_TAIL and not _title_of(_texts(held_filled))
                          or _numbered_title_unfinished(head, tail))
                     or _bracket_unclosed(head, tail))):
            first = held.cells[0]
            held = Row((Cell(head + tail, first.line, first.page, first.indent),),
                       held.aligned, tuple(dict.fromkeys(held.lines + row.lines)))
            held_filled = held.cells
            head += tail
            continue
        if held is not None:
            yield held, held_filled
        held, held_filled, head = row, filled, tail
    if held is not None:
        yield held, held_filled


WRAPPED_BRACKET_TAIL = 16  # the most characters of a title's bracket wrapped onto a line


def _bracket_unclosed(head: str, tail: str) -> bool:
    """A title wrapped inside its closing bracket ('…明细表（按支出功能分类科' / '目-不含上年结
    转）'): the tail closes the bracket the title left open."""
    return (tail.endswith("）") and "（" not in tail
            and len(tail.replace(" ", "")) <= WRAPPED_BRACKET_TAIL
            and head.count("（") > head.count("）") and classify_title(head) is not None)


def _numbered_title_unfinished(head: str, tail: str) -> bool:
    """A title with its number whose words, the number left out, have not yet said 表, followed
    by a short unnumbered line ending in 表."""
    number = printed_number(head)
    if not number or printed_number(tail) or len(tail.replace(" ", "")) > WRAPPED_NUMBERED_TAIL:
        return False
    words = head.replace(" ", "").replace(number, "", 1)
    return "表" not in words


# What segmenting asks of a row that its filled cells' texts alone decide, worked out once per
# distinct row (a long document prints the same rows again and again) and only as far as the
# row is asked (most rows of a PDF are text outside any table, asked only for their head).
RowHead = tuple[Title | None, bool]  # the row's title; else whether it is a table number alone
RowBody = tuple[bool, bool, bool, bool]  # unit cells alone, a border, a page foot, a data row


def _row_head(texts: tuple[str, ...]) -> RowHead:
    title = _title_of(texts)
    return title, title is None and len(texts) == 1 and is_number_only(texts[0])  # "附表 4-2"


def _row_body(texts: tuple[str, ...]) -> RowBody:
    """As `absorb` asks: `meta_row`, `is_rule_line`, `page_foot_in_cells`, `is_data_row`."""
    if _is_meta(texts):
        return True, False, False, False
    if is_rule_line(texts):
        return False, True, False, False
    if page_foot_in_cells(texts):
        return False, False, True, False
    return False, False, False, _is_data(texts)


def rows_to_segments(rows: list[Row]) -> list[Segment]:
    segments: list[Segment] = []
    current: Segment | None = None
    pending_number: str | None = None
    head_of, body_of = once_per_text(_row_head), once_per_text(_row_body)
    for row, filled in join_wrapped_titles(rows):
        texts = _texts(filled)
        title, number_only = head_of(texts)
        text = _only_text(filled)
        if title:
            if current and not current.started and (current.title.kind == title.kind or not current.title_rows):
                merge_title(current, row, title)
                continue
            if current and current.started and continues(current, title, pending_number):
                current.title_rows.append(row)
                current.in_repeat_header = True
                continue
            close(current, segments)
            current = Segment(title=title, title_rows=[row], number=title.number or pending_number)
            pending_number = None
            continue
        if number_only:
            number = printed_number(text)
            if current and current.started and number == current.number:
                current.in_repeat_header = True
            elif current and not current.started:
                current.number = number
            else:
                pending_number = number
            continue
        if current is None:
            continue
        if not absorb(current, row, text, filled, body_of(texts)):
            close(current, segments)
            current = None
    close(current, segments)
    return segments


def merge_title(segment: Segment, row: Row, title: Title) -> None:
    segment.title_rows.append(row)
    if len(title.text) >= len(segment.title.text) or segment.title.kind != title.kind:
        segment.title = Title(title.kind, title.text, segment.title.number or title.number)
    segment.number = segment.number or title.number


def continues(segment: Segment, title: Title, pending_number: str | None = None) -> bool:
    """A title of the same kind and number after data: the table goes on over a page break (a
    number printed on its own line above the title counts as the title's)."""
    if title.kind != segment.title.kind or title.kind in ("project_performance",):
        return False
    if title.kind == "other" and title.text != segment.title.text:
        return False  # two different tables kept under their titles (财政拨款支出表, …基本支出表)
    number = title.number or pending_number
    return number is None or number == segment.number


def _is_meta(texts: tuple[str, ...]) -> bool:
    """A row (its filled cells' texts) made only of unit / budget-unit cells (one-cell-per-line
    exports put them in one block)."""
    return len(texts) >= 2 and all(_UNIT.search(text) or _BUDGET_UNIT.match(text) for text in texts)


def meta_row(segment: Segment, filled: tuple[Cell, ...]) -> None:
    """Absorb a row (its filled cells) of unit / budget-unit cells (`_is_meta`); after data it
    marks a repeated page header."""
    for cell in filled:
        unit = _UNIT.search(cell.text)
        if unit:
            segment.unit = segment.unit or unit.group(1)
            segment.unit_line = segment.unit_line or cell.line
        elif segment.budget_unit is None:
            segment.budget_unit, segment.budget_unit_line = cell.text, cell.line
    if segment.data_rows:
        segment.in_repeat_header = True


RULE_CHARACTERS = frozenset("-—=_ ")


def is_rule_line(texts: tuple[str, ...]) -> bool:
    """A row (its filled cells' texts) of dashes drawn as a table border."""
    return all(set(text) <= RULE_CHARACTERS for text in texts)


def absorb(segment: Segment, row: Row, text: str | None, filled: tuple[Cell, ...],
           body: RowBody) -> bool:
    """Add a row (`filled` its filled cells, `text` its only one's text, `body` what its
    texts decide: `_row_body`) to the segment; False when the row ends the table."""
    meta, rule, page_foot, data = body
    if meta:
        meta_row(segment, filled)
        return True
    if rule:
        return True
    if page_foot:
        segment.in_repeat_header = bool(segment.data_rows)
        return True
    if text is not None:
        unit = _UNIT.search(text)
        if unit:
            segment.unit = segment.unit or unit.group(1)
            segment.unit_line = segment.unit_line or row.line
            segment.in_repeat_header = segment.in_repeat_header or bool(segment.data_rows)
            before = text[: unit.start()].strip()
            if before and _BUDGET_UNIT.match(before) and segment.budget_unit is None:
                segment.budget_unit, segment.budget_unit_line = before, row.line
            return True
        if _BUDGET_UNIT.match(text):
            if segment.budget_unit is None:
                segment.budget_unit, segment.budget_unit_line = text, row.line
            segment.in_repeat_header = bool(segment.data_rows)
            return True
        if _NOTE.match(text):
            segment.note_rows.append(row)
            return True
        if not segment.started and PAGE_NUMBER.match(text):
            return True  # the title at the foot of a page, the table on the next one
        if segment.data_rows and PAGE_NUMBER.match(text) and regexes.search(r"[-—–第页]", text):
            segment.in_repeat_header = True  # a page foot: the table may go on, headers repeated
            return True
        if is_unaligned_item(segment, row, text):
            segment.data_rows.append(row)
            return True
        if is_running_text(row, text) and (segment.data_rows or segment.header_rows):
            return False
    if segment.note_rows and segment.data_rows and not data and not segment.in_repeat_header:
        return False
    in_body = segment.data_rows and not segment.in_repeat_header and len(row.cells) > 1
    if data or in_body:
        segment.in_repeat_header = False
        segment.data_rows.append(row)
    elif segment.in_repeat_header:
        segment.title_rows.append(row)
    elif segment.data_rows and text is not None:
        segment.note_rows.append(row)
    else:
        segment.header_rows.append(row)
    return True


def page_foot_in_cells(texts: tuple[str, ...]) -> bool:
    """A page number between dashes laid out as cells of its own ("-" | "1" | "-"): a row's
    filled cells' texts."""
    if not 2 <= len(texts) <= 3 or texts[0][:1] not in "-—–":  # opens with a dash
        return False
    joined = " ".join(texts)
    return bool(PAGE_NUMBER.match(joined)) and bool(regexes.match(r"^[-—–].*[-—–]$", joined))


def is_unaligned_item(segment: Segment, row: Row, text: str) -> bool:
    """In wrapped text, an item of one side of a summary table with a blank value ("（八）节能环保
    支出", "二、年终结转结余") is a row of one cell: a data row, not a note or a heading."""
    return (not row.aligned and segment.title.kind in ("summary", "fiscal_summary")
            and bool(segment.data_rows) and not segment.in_repeat_header and len(text) <= 30)


def close(segment: Segment | None, segments: list[Segment]) -> None:
    """Keep a segment that has data or a table-shaped header; a title followed only by lines of
    text is an entry in a list of tables, not a table."""
    if segment is None:
        return
    header_shaped = any(len(row.cells) > 1 or not row.aligned for row in segment.header_rows)
    if segment.data_rows or header_shaped:
        segments.append(segment)
