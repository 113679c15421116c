"""Characters → words → lines, as pdfplumber's word extractor does it, on plain objects.

Characters whose tops lie within `Y_TOLERANCE` of each other (chained) share a line; on it,
left to right, a space, a gap of more than `X_TOLERANCE` or a step backwards starts a new
word, and so does a space PDFium saw in the text's positioning where the PDF has no space
character. Words are then grouped into text lines by their vertical middles, and a line's
words are joined with nothing, one space or a column gap of two or more spaces by the gap
between them in ems, so an unruled table keeps its columns apart.

A page's lines (`line_texts`) and a cell's text (`plain_text`) are made in C (`_bulkwords`,
built at install where a compiler is present) unless it is not built: the same steps, the same
figures, the same texts. Input the C code does not take (a figure that is NaN, infinite or not
a float, an object that is not a Char) goes to the Python code below.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from operator import attrgetter, itemgetter
from typing import TypeVar

from yusuan.kept.dataclass_code import dataclass
from yusuan.readers.grid import unspace_letters
from yusuan.readers.pdfchars import _CHAR_SLOTS, Char

try:  # words and lines in C, where the install could compile it
    from yusuan.readers import _bulkwords
except ImportError:
    _bulkwords = None

X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
WIDE_GAP_EM = 1.5
TIGHT_GAP_EM = 0.15
LINE_SLACK = 0.2  # a word belongs to a line when its middle is within the line ± 0.2 height


@dataclass(slots=True)
class Word:
    """Characters of a page joined into one word, with its box and size."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


Boxed = TypeVar("Boxed", Char, Word)


def cluster_tops(items: Sequence[Boxed], tolerance: float = Y_TOLERANCE) -> list[list[Boxed]]:
    """Characters or words grouped by top: sorted tops within `tolerance` chain into a group."""
    groups: list[list[Boxed]] = []
    group: list[Boxed] = []
    last = 0.0
    for item in sorted(items, key=_TOP):
        top = item.top
        if not group or top > last + tolerance:
            group = []
            groups.append(group)
        group.append(item)
        last = top
    return groups


def chars_to_words(chars: Sequence[Char]) -> list[Word]:
    return [Word("".join(map(_TEXT, run)), min(map(_X0, run)), max(map(_X1, run)),
                 min(map(_TOP, run)), max(map(_BOTTOM, run)), run[0].size)
            for group in cluster_tops(chars) for run in _runs(group)]


def _runs(group: list[Char]) -> list[list[Char]]:
    """A line's characters, left to right, in words: a space, a gap PDFium saw, a gap of
    more than X_TOLERANCE, a step backwards or a step of more than Y_TOLERANCE up or down
    ends a word."""
    runs: list[list[Char]] = []
    current: list[Char] = []
    previous = None
    for char in sorted(group, key=_X0):
        if char.text.isspace():
            if current:
                runs.append(current)
                current = []
            continue
        if current and (char.spaced or char.x0 < previous.x0  # type: ignore[union-attr]
                        or char.x0 > previous.x1 + X_TOLERANCE  # type: ignore[union-attr]
                        or abs(char.top - previous.top) > Y_TOLERANCE):  # type: ignore[union-attr]
            runs.append(current)
            current = []
        current.append(char)
        previous = char
    if current:
        runs.append(current)
    return runs


def words_to_lines(words: Sequence[Word]) -> list[list[Word]]:
    """Words grouped into lines (top to bottom), each line's words left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda item: (round(item.top), item.x0)):
        if lines and _same_line(lines[-1][-1], word):
            lines[-1].append(word)
        else:
            lines.append([word])
    for line in lines:
        line.sort(key=lambda item: item.x0)
    return lines


def _same_line(last: Word, word: Word) -> bool:
    height = min(last.bottom - last.top, word.bottom - word.top) or 1.0
    middle = (word.top + word.bottom) / 2
    return last.top - LINE_SLACK * height <= middle <= last.bottom + LINE_SLACK * height


def join_words(words: Sequence[Word]) -> str:
    """Join a line's words: tight gaps nothing, word gaps one space, column gaps 2+ spaces."""
    parts = [words[0].text]
    for previous, word in itertools.pairwise(words):
        em = max(word.size, previous.size, 1.0)
        gap = word.x0 - previous.x1
        if gap < TIGHT_GAP_EM * em:
            parts.append("")
        elif gap < WIDE_GAP_EM * em:
            parts.append(" ")
        else:
            parts.append(" " * max(2, round(gap / em)))
        parts.append(word.text)
    return unspace_letters("".join(parts))


def line_texts(chars: Sequence[Char], compiled: bool = True) -> list[tuple[float, str]]:
    """The characters' lines of text, top to bottom, as (top, joined text); blank lines left
    out. Made in C unless `compiled` is false or it is not built."""
    if compiled and _bulkwords is not None and _CHAR_SLOTS is not None:
        found = _bulkwords.line_texts(chars, Char, _CHAR_SLOTS)
        if found is not None:
            return found
    lines = []
    for line in words_to_lines(chars_to_words(chars)):
        text = join_words(line)
        if text.strip():
            lines.append((min(word.top for word in line), text))
    return lines


def plain_text(chars: Sequence[Char], compiled: bool = True) -> str:
    """The text of a table cell's characters: words by single spaces, lines by newlines; made
    in C unless `compiled` is false or it is not built."""
    if compiled and _bulkwords is not None and _CHAR_SLOTS is not None:
        found = _bulkwords.plain_text(chars, Char, _CHAR_SLOTS)
        if found is not None:
            return found
    return _plain_text(chars)


def _plain_text(chars: Sequence[Char]) -> str:
    """`plain_text` in Python. The words are `chars_to_words`' and the lines `cluster_tops`',
    kept as (top, x0, text) rather than Word objects: a page has hundreds of cells."""
    if len(chars) < 2:  # an empty cell, or a single character (a "0", a "-")
        return "" if not chars or chars[0].text.isspace() else chars[0].text
    tops = list(map(_TOP, chars))
    low = min(tops)
    if max(tops) <= low + Y_TOLERANCE:  # one line, as most cells are
        return _line_text(_runs(chars if max(tops) == low else sorted(chars, key=_TOP)))
    words = [(min(map(_TOP, run)), run[0].x0, "".join(map(_TEXT, run)))
             for group in cluster_tops(chars) for run in _runs(group)]
    if len(words) == 1:
        return words[0][2]
    lines: list[list[tuple[float, float, str]]] = []
    last = 0.0
    for word in sorted(words, key=_FIRST):
        if not lines or word[0] > last + Y_TOLERANCE:
            lines.append([])
        lines[-1].append(word)
        last = word[0]
    return "\n".join(" ".join(word[2] for word in sorted(line, key=_SECOND)) for line in lines)


def _line_text(runs: list[list[Char]]) -> str:
    """The words of one line's runs, by single spaces: `plain_text` when the characters' tops
    lie within Y_TOLERANCE of the lowest (so `cluster_tops` would make them one group)."""
    if len(runs) < 2:
        return "".join(map(_TEXT, runs[0])) if runs else ""
    words = sorted(((min(map(_TOP, run)), run[0].x0, run) for run in runs), key=_FIRST)
    return " ".join("".join(map(_TEXT, word[2])) for word in sorted(words, key=_SECOND))


_X0 = attrgetter("x0")
_X1 = attrgetter("x1")
_TOP = attrgetter("top")
_BOTTOM = attrgetter("bottom")
_TEXT = attrgetter("text")
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
