"""Hard-wrapped PDF text: a blank line between physical lines, tables flattened onto lines.

Physical lines are joined into logical rows: an amount broken over a line break ("0.0" then
"0 0.00 …" is 0.00 then 0.00), a code continued by a digit-only line ("08300" then "1"), a
name continued by a line of text ("083 武汉市黄陂区医" then "疗保障局") and the amounts of a
coded row printed on the lines after its label. Each logical row is split into cells (codes,
names, amounts), each keeping the line it was printed on; rows are unaligned (only the
printed cells, left to right).
"""

from __future__ import annotations

from collections import Counter

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass, field
from yusuan.layout.cells import clean_cell
from yusuan.model import Cell, Line, Row
from yusuan.model.document import TOTAL_NAMES
from yusuan.recognise.numbers import is_nil, parse_amount
from yusuan.recognise.titles import classify_title, is_number_only

_AMOUNT = regexes.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$")
_CODE = regexes.compile(r"^\[?(?=[0-9A-Z]*\d)[0-9A-Z]{2,}\]?$")
_DIGITS = regexes.compile(r"^\d{1,4}$")
_FRAGMENT = regexes.compile(r"^[-−]?[\d,]*\.?\d*$")
_CONTINUATION = regexes.compile(r"^[.,]?\d[\d,]*(?:\.\d*)?$")
_NUMBERING = regexes.compile(r"^(?:[一二三四五六七八九十廿]+、|[（(][一二三四五六七八九十廿\d]+[）)])")
_NOTE = regexes.compile(r"^(备注|注|说明)\s*[:：\d]|^本表|^第[一二三四五六七八九十\d]+部分")
_PROSE = 30


@dataclass(slots=True)
class Pending:
    """A logical row being built from physical lines."""

    cells: list[Cell] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    has_amount: bool = False

    def extend(self, cells: list[Cell], line: int) -> None:
        self.cells += cells
        self.lines.append(line)
        self.has_amount = self.has_amount or any(is_amount_text(cell.text) for cell in cells)

    @property
    def coded(self) -> bool:
        return bool(self.cells) and is_code(self.cells[0].text)

    def row(self) -> Row:
        return Row(cells=tuple(self.cells), aligned=False, lines=tuple(self.lines))


def is_amount_text(text: str) -> bool:
    """A printed amount with decimals or separators, or a dash for nothing."""
    return bool(_AMOUNT.match(text)) or is_nil(text)


def is_code(text: str) -> bool:
    return bool(_CODE.match(text)) and not is_amount_text(text)


def is_single_char(token: str) -> bool:
    return len(token) == 1 and not token.isdigit()


def line_cells(line: Line) -> list[Cell]:
    """Split one physical line into cells; a title, a table number or prose stays one cell."""
    text = line.text.strip()
    if not text:
        return []
    cells = token_cells(text.split(), line)
    if len(cells) == 1 or any(is_amount_text(cell.text) for cell in cells):
        return cells
    compact = text.replace(" ", "")
    if (any(len(cell.text) > _PROSE for cell in cells) or _NOTE.match(text) or is_number_only(compact)
            or classify_title(compact)):
        return [Cell(clean_cell(text), line.number, line.page)]
    return cells


def token_cells(tokens: list[str], line: Line) -> list[Cell]:
    """Tokens → cells: runs of single characters ("收 入 总 计") and "标签：" + value join."""
    texts: list[str] = []
    previous = ""
    for token in tokens:
        glue = texts and not is_amount_text(token) and not is_amount_text(texts[-1]) and (
            (is_single_char(previous) and is_single_char(token))
            or texts[-1].endswith(("：", ":")))
        if glue:
            texts[-1] += token
        else:
            texts.append(token)
        previous = token
    return [Cell(text, line.number, line.page) for text in texts]


def typical_decimals(cells: list[Cell]) -> int:
    counts = Counter(len(c.text.split(".", 1)[1]) for c in cells if "." in c.text and is_amount_text(c.text))
    return counts.most_common(1)[0][0] if counts else 2


def joins_amount(pending: Pending, cells: list[Cell]) -> bool:
    """The line goes on with the amount the previous line broke off ("0.0" + "0")."""
    if not pending.cells or not cells or not all(is_amount_text(c.text) or _DIGITS.match(c.text)
                                                 for c in cells):
        return False
    head, tail = pending.cells[-1].text, cells[0].text
    if not pending.has_amount or not _FRAGMENT.match(head) or not _CONTINUATION.match(tail) or not any(
            ch.isdigit() for ch in head):
        return False
    joined = parse_amount(head + tail)
    if joined is None:
        return False
    whole = parse_amount(head)
    if whole is None or head.endswith((".", ",")) or tail.startswith((".", ",")):
        return True
    decimals = typical_decimals(pending.cells)
    return "." in head and whole[1] < decimals and joined[1] == decimals


def stands_alone(cells: list[Cell]) -> bool:
    """A line that starts something of its own: a title, table number, note, part heading or
    numbered item."""
    text = cells[0].text
    compact = text.replace(" ", "")
    return bool(is_number_only(compact) or classify_title(compact) or _NOTE.match(text)
                or _NUMBERING.match(text) or is_code(text))


def continues_code(pending: Pending, cells: list[Cell]) -> bool:
    return (len(pending.cells) == 1 and pending.coded and len(cells) == 1
            and bool(_DIGITS.match(cells[0].text)))


def continues_label(pending: Pending, cells: list[Cell]) -> bool:
    """Text after a coded row that has no amounts yet: its name, or the rest of its name."""
    if not pending.coded or pending.has_amount or stands_alone(cells):
        return False
    return not is_amount_text(cells[0].text)


def takes_amounts(pending: Pending, cells: list[Cell]) -> bool:
    """A line of amounts only (the last maybe broken off), after a label (coded or a total) that
    has none yet."""
    if pending.has_amount or not pending.cells or not all(is_amount_text(c.text) for c in cells[:-1]):
        return False
    last = cells[-1].text
    if not (is_amount_text(last) or _FRAGMENT.match(last) and any(ch.isdigit() for ch in last)):
        return False
    return pending.coded or pending.cells[-1].text in TOTAL_NAMES


def add_line(pending: Pending, cells: list[Cell], line: Line) -> bool:
    """Add the cells of a physical line to the logical row; False when the line starts a new row."""
    if joins_amount(pending, cells):
        last = pending.cells[-1]
        pending.cells[-1] = Cell(last.text + cells[0].text, last.line, last.page)
        cells = cells[1:]
    elif continues_code(pending, cells):
        last = pending.cells[-1]
        pending.cells[-1] = Cell(last.text + cells[0].text, last.line, last.page)
        cells = []
    elif continues_label(pending, cells):
        last = pending.cells[-1]
        if len(pending.cells) > 1 and not is_code(last.text):
            pending.cells[-1] = Cell(last.text + cells[0].text, last.line, last.page)
            cells = cells[1:]
    elif not takes_amounts(pending, cells):
        return False
    pending.extend(cells, line.number)
    return True


def lines_to_rows(lines: list[Line]) -> list[Row]:
    rows: list[Row] = []
    pending = Pending()
    for line in lines:
        cells = line_cells(line)
        if not cells:
            continue
        if pending.cells and add_line(pending, cells, line):
            continue
        if pending.cells:
            rows.append(pending.row())
        pending = Pending()
        pending.extend(cells, line.number)
    if pending.cells:
        rows.append(pending.row())
    return rows
