"""Text helpers for forms and project lists: cells of a line, amounts, names, dates."""

from __future__ import annotations

from functools import lru_cache

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.layout.pipe import is_pipe_row
from yusuan.model import Line
from yusuan.recognise.numbers import parse_amount as parse_number

_TAG = regexes.compile(r"<[^>]+>")
_MONEY = regexes.compile(r"^([-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(万元|元|万)?$")
# a one-decimal figure glued to a label with its last digit after it: "9.0项目总预算 0"
_SPLIT_FIGURE = regexes.compile(r"(?<![\d.])(\d+\.\d|20\d)([^\d\s.,][^\d]*?)\s+(\d)(?=\s|$)")
_BLANK_DIGIT = regexes.compile(r"\s\d")
_DATE = regexes.compile(r"(20\d\d)\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})")
_SEPARATOR = regexes.compile(r"^[-—\s|]+$")


@dataclass(frozen=True, slots=True, init=False)
class Cell:
    """A run of text of one source line (a tab cell, or the whole line)."""

    text: str
    line: int

    def __init__(self, text: str, line: int) -> None:
        # what a frozen dataclass's __init__ does, through the slots' own setters (as the
        # layout's Cell): every cell of every form is made one
        _set_text(self, text)
        _set_line(self, line)


_set_text, _set_line = Cell.text.__set__, Cell.line.__set__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Amount:
    """A printed figure with its decimals and the line it stands on."""

    value: float
    decimals: int
    line: int


@lru_cache(maxsize=1 << 13)  # a form's cells are cleaned by its span, details and indicators
def clean(text: str) -> str:
    """Text without HTML tags, with runs of blanks (full-width too) as one space."""
    if "<" in text:
        text = _TAG.sub(" ", text)
    return " ".join(text.split())  # str.split's blanks are the \s of re


@lru_cache(maxsize=1 << 13)  # names and labels are compared again and again
def compact(text: str) -> str:
    """Text without any blanks, with ASCII brackets: for comparing names."""
    out = "".join((_TAG.sub("", text) if "<" in text else text).split())
    return out.replace("（", "(").replace("）", ")").replace("〔", "[").replace("〕", "]")


def unscramble(text: str) -> str:
    """Repair a figure split around a label by PDF extraction ("9.0项目总预算 0" → "项目总预算 9.00")."""
    if not _BLANK_DIGIT.search(text):
        return text  # the pattern's blank before a digit is not there
    return _SPLIT_FIGURE.sub(lambda m: f"{m.group(2)} {m.group(1)}{m.group(3)}", text)


def line_cells(line: Line) -> list[Cell]:
    """The non-blank cells of a line: tab-separated pieces (or the cells of a markdown pipe
    row), tags and separators dropped."""
    return list(_line_cells(line.text, line.number))


def cells_of(line: Line) -> tuple[Cell, ...]:
    """`line_cells` as a tuple (shared: not to be changed), for readers that only walk it."""
    return _line_cells(line.text, line.number)


@lru_cache(maxsize=1 << 12)
def _line_cells(raw: str, number: int) -> tuple[Cell, ...]:
    """`line_cells` of the line numbered `number` that reads `raw`, kept for the lines read
    again (a form's detail lines by `read_details`' passes; a line's text and number hash
    faster than the line)."""
    return tuple([Cell(text, number) for text in line_texts(raw)])


@lru_cache(maxsize=1 << 14)  # a form's lines are read by its span and its indicators
def line_texts(raw: str) -> tuple[str, ...]:
    """The texts of `line_cells` of a line that reads `raw`."""
    if "|" in raw and is_pipe_row(raw):
        pieces = raw.strip()[1:-1].split("|")
    else:
        pieces = raw.split("\t")
    # an empty piece (half a form's row's cells) is no cell
    return tuple([text for text in map(_piece_text, filter(None, pieces)) if text])


@lru_cache(maxsize=1 << 14)  # forms repeat their cells (levels, units, standards, values)
def _piece_text(piece: str) -> str:
    """The text of the cell a line's piece makes: cleaned and unscrambled; "" for none (a
    piece of blanks or tags, a separator)."""
    part = clean(piece)  # no blank at either end, no two in a row: a separator opens with
    if not part or part[0] in "-—|" and _SEPARATOR.match(part):  # one of its marks
        return ""
    return unscramble(part) if " " in part else part


def span_texts(lines: list[Line], first: int, last: int) -> tuple[list[str], list[int]]:
    """The texts of every cell of the lines numbered first..last (inclusive), and the number
    of the line each stands on (the cells' texts and lines, no cell made)."""
    texts: list[str] = []
    numbers: list[int] = []
    for line in lines[max(first - 1, 0):last]:
        found = line_texts(line.text)
        if found:
            texts += found
            numbers += [line.number] * len(found)
    return texts, numbers


def parse_money(text: str, line: int, unit: str = "万元") -> Amount | None:
    """A cell that is only an amount, optionally with 万元 / 元 ("57.24万元"), in `unit`."""
    found = _money(text, unit)
    return None if found is None else Amount(found[0], found[1], line)


@lru_cache(maxsize=1 << 12)  # a form's detail cells are asked again for each line
def _money(text: str, unit: str) -> tuple[float, int] | None:
    """(value, decimals) in `unit` of a cell that is only an amount, else None."""
    match = _MONEY.match(text.strip())
    if not match:
        return None
    parsed = parse_number(match.group(1))
    if parsed is None:
        return None
    return in_money(parsed[0], parsed[1], match.group(2), unit)


def in_money(value: float, decimals: int, printed: str | None, unit: str) -> tuple[float, int]:
    """A figure printed with the unit word `printed` (元, 万元, 万 or none), in `unit`."""
    if printed == "元" and unit == "万元":
        return round(value / 10000, 6), decimals + 4
    if printed in ("万元", "万") and unit == "元":
        return round(value * 10000, 2), max(decimals - 4, 0)
    return value, decimals


def find_date(text: str) -> str | None:
    """An ISO date found in text ("2031年1月8日", "2031.11.05")."""
    match = _DATE.search(text)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"
