"""Wrapped narrative lines → paragraphs, keeping each character's source line."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from itertools import islice
from operator import lt
from typing import overload

from yusuan.kept.dataclass_code import dataclass, field
from yusuan.model import Line, Source
from yusuan.readers.normalise import PAGE_NUMBER
from yusuan.recognise.narrative.text import (
    HEADING,
    TOP_HEADING,
    clean,
    is_heading_only,
    is_table_line,
)

_ENDS = "。！？!?"


@dataclass(slots=True)
class Paragraph:
    """Joined text; `lines[i]` is the source line of `text[i]` (4-byte integers: a list would
    take 8 bytes a character); the headings above it."""

    text: str
    lines: array[int]
    heading: str = ""
    top: str = ""
    page: int | None = None

    def line_at(self, index: int) -> int:
        if not self.lines:
            return 0
        return self.lines[min(max(index, 0), len(self.lines) - 1)]

    @property
    def first_line(self) -> int:
        return self.lines[0] if self.lines else 0

    @property
    def context(self) -> str:
        return f"{self.top} {self.heading}"


class TableRuns:
    """The table lines a walk for paragraphs left out, as runs of consecutive lines: where each
    run begins and ends (indexes into the source's lines, the end not included) and how many
    paragraphs were made before it — what `joined_text` needs beside the paragraphs to join
    the whole text without walking the lines again (a run a page, not a number a line)."""

    __slots__ = ("befores", "ends", "firsts")

    def __init__(self) -> None:
        self.firsts: array[int] = array("i")
        self.ends: array[int] = array("i")
        self.befores: array[int] = array("i")

    def add(self, index: int, before: int) -> None:
        if self.ends and self.ends[-1] == index and self.befores[-1] == before:
            self.ends[-1] = index + 1
        else:
            self.firsts.append(index)
            self.ends.append(index + 1)
            self.befores.append(before)


@dataclass(slots=True)
class _Builder:
    """The paragraphs made so far and the one being put together."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)  # the paragraph's texts so far, non-empty
    lines: array[int] = field(default_factory=lambda: array("i"))
    heading: str = ""
    top: str = ""
    page: int | None = None
    made: int = 0  # paragraphs made so far
    tables: TableRuns = field(default_factory=TableRuns)

    def left_out(self, index: int) -> None:
        """The line at `index` is a table's, left out of the paragraphs."""
        self.tables.add(index, self.made)

    def add(self, text: str, line: int) -> None:
        if not text:
            return
        if self.pieces and self.pieces[-1][-1].isdigit() and text[:1].isdigit():
            self.pieces.append(" ")
            self.lines.append(line)
        self.pieces.append(text)
        self.lines.extend(array("i", (line,)) * len(text))

    def flush(self) -> None:
        if self.pieces:
            self.paragraphs.append(Paragraph("".join(self.pieces), self.lines, self.heading,
                                             self.top, self.page))
            self.made += 1
        self.pieces, self.lines = [], array("i")


def build_paragraphs(source: Source, *, keep_tables: bool = False) -> list[Paragraph]:
    """Join the narrative's wrapped lines into paragraphs; table lines end a paragraph."""
    return list(iter_paragraphs(source, keep_tables=keep_tables))


def paragraphs_and_tables(source: Source) -> tuple[list[Paragraph], TableRuns]:
    """`build_paragraphs` and the table lines it left out (for `joined_from_paragraphs`)."""
    builder = _Builder()
    return list(_walk(source, False, builder)), builder.tables


def iter_paragraphs(source: Source, *, keep_tables: bool = False) -> Iterator[Paragraph]:
    """`build_paragraphs` one paragraph at a time (a long file's paragraphs need not all be
    held at once)."""
    return _walk(source, keep_tables, _Builder())


def _walk(source: Source, keep_tables: bool, builder: _Builder | _Joiner) -> Iterator[Paragraph]:
    """The lines given to `builder` as paragraph pieces and breaks; the paragraphs it has made
    yielded as they come."""
    texts = _CleanTexts(source.lines)
    text_at = texts.at
    for index, line in enumerate(source.lines):
        if builder.paragraphs:
            yield from builder.paragraphs
            builder.paragraphs = []
        text = text_at(index)
        if not text or line.page is not None and _page_number(line.page, texts, index):
            continue
        # a TAB line is a table's (is_table_line), never a lone figure before its unit
        if "\t" in text or is_table_line(text) and not _figure_before_unit(texts, index):
            builder.flush()
            if not keep_tables:
                builder.left_out(index)
                continue
            text = " ".join(text.split())
        builder.page = line.page
        heading_only = False
        if HEADING.match(text):
            builder.flush()
            heading_only = is_heading_only(text)
            if heading_only:
                _set_heading(builder, text)
        builder.add(text, line.number)
        if heading_only or text[-1] in _ENDS:
            builder.flush()
    builder.flush()
    yield from builder.paragraphs


class _CleanTexts:
    """Each line's text cleaned and stripped, worked out when asked for (a list of them all
    would hold a second copy of a long file's text) and kept for the next few lines' asking
    (a line is asked for as itself and as one of the two after a lone figure)."""

    KEPT = 4

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        self.recent: dict[int, str] = {}

    @overload
    def __getitem__(self, key: int) -> str: ...

    @overload
    def __getitem__(self, key: slice) -> list[str]: ...

    def __getitem__(self, key: int | slice) -> str | list[str]:
        if isinstance(key, slice):
            return [self.at(i) for i in range(*key.indices(len(self.lines)))]
        return self.at(key)

    def at(self, key: int) -> str:
        """The text of the line at `key` (an index, not a slice: what the walk asks)."""
        recent = self.recent
        if key in recent:
            return recent[key]
        text = recent[key] = clean(self.lines[key].text).strip()
        if len(recent) > self.KEPT:
            recent.pop(key - self.KEPT, None)
        return text


class CharLines(Sequence[int]):
    """The source line of each character of a joined text, kept as runs (where each line's
    characters begin, and its number) rather than four bytes a character."""

    __slots__ = ("length", "numbers", "starts")

    def __init__(self) -> None:
        self.starts: array[int] = array("i")
        self.numbers: array[int] = array("i")
        self.length = 0

    def add(self, paragraph: Paragraph) -> None:
        """The characters of the next paragraph (its lines rise or stay, as the source's)."""
        lines = paragraph.lines
        for number in dict.fromkeys(lines):
            self.starts.append(self.length + bisect_left(lines, number))
            self.numbers.append(number)
        self.length += len(lines)

    def extend(self, count: int, number: int) -> None:
        """`count` more characters of the line `number` (a run of its own unless the last
        characters are that line's)."""
        if not self.numbers or self.numbers[-1] != number:
            self.starts.append(self.length)
            self.numbers.append(number)
        self.length += count

    def __len__(self) -> int:
        return self.length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.length))]
        if index < 0:
            index += self.length
        if not 0 <= index < self.length:
            raise IndexError("character index out of range")
        return self.numbers[bisect_right(self.starts, index) - 1]


def joined_text(source: Source) -> tuple[str, CharLines]:
    """The whole text as one string, tables included (`keep_tables`), with each character's
    line."""
    joiner = _Joiner()
    for _ in _walk(source, True, joiner):
        pass
    return "".join(joiner.pieces), joiner.lines


def joined_from_paragraphs(source: Source, paragraphs: Sequence[Paragraph],
                           tables: TableRuns) -> tuple[str, CharLines] | None:
    """`joined_text` of the source the paragraphs and the table runs were built of (by
    `paragraphs_and_tables`), joined without walking the narrative's lines again; None when
    the source's line numbers do not rise (each piece's line is then not a run of its own)."""
    lines = source.lines
    numbers = [line.number for line in lines]
    if not all(map(lt, numbers, islice(numbers, 1, None))):
        return None
    pieces: list[str] = []
    runs = CharLines()
    firsts, ends, befores = tables.firsts, tables.ends, tables.befores
    run = 0
    for made in range(len(paragraphs) + 1):
        digit_end = False  # the last piece a table line's ending with a digit, left open
        while run < len(befores) and befores[run] <= made:
            for index in range(firsts[run], ends[run]):
                text = " ".join(clean(lines[index].text).strip().split())
                pieces.append(text)
                runs.extend(len(text), numbers[index])  # a line of its own: the lines rise
                # a table line is given to the joiner as a piece after a break: a heading
                # alone or a sentence's end breaks after it as well
                digit_end = text[-1].isdigit() and not (HEADING.match(text)
                                                         and is_heading_only(text))
            run += 1
        if made == len(paragraphs):
            break
        paragraph = paragraphs[made]
        text, at = paragraph.text, paragraph.lines
        blank = digit_end and text[:1].isdigit() and not HEADING.match(
            text[:bisect_right(at, at[0])])  # its first line's text breaks before it
        first = len(runs.starts)
        runs.length += blank
        runs.add(paragraph)
        if blank:  # as `_Joiner.add`: the blank on the new piece's line, beginning its run
            runs.starts[first] -= 1
            pieces.append(" ")
        pieces.append(text)
    return "".join(pieces), runs


class _Joiner:
    """A builder of one text for `joined_text`: the pieces and breaks `_Builder` makes
    paragraphs of, joined as those paragraphs' texts would be, each character's line kept as
    runs (no paragraph, no four bytes a character). A plain class: a dataclass costs its
    import a few milliseconds."""

    __slots__ = ("digit_end", "heading", "lines", "page", "paragraphs", "pieces", "top")

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.lines = CharLines()
        self.digit_end = False  # the open paragraph's text so far ends with a digit
        self.paragraphs: list[Paragraph] = []  # stays empty
        self.heading = self.top = ""
        self.page: int | None = None

    def add(self, text: str, line: int) -> None:
        if not text:
            return
        if self.digit_end and text[:1].isdigit():
            text = " " + text  # as `_Builder.add`: the blank stands on the new piece's line
        self.pieces.append(text)
        self.lines.extend(len(text), line)
        self.digit_end = text[-1].isdigit()

    def flush(self) -> None:
        self.digit_end = False

    def left_out(self, index: int) -> None:
        """Never asked: the joiner keeps the tables."""


def _page_number(page: int | None, texts: _CleanTexts, index: int) -> bool:
    """A page's number on its own line in a paged source (PDF): skipped, so the paragraphs on
    either side stay apart and one running over the page break stays whole."""
    return (page is not None and bool(PAGE_NUMBER.match(texts[index]))
            and not _figure_before_unit(texts, index))


def _figure_before_unit(texts: _CleanTexts, index: int) -> bool:
    """A lone figure whose unit opens the next line ('456.70' / '万元，…') is wrapped text."""
    text = texts[index]
    if "\t" in text or len(text.split()) != 1:
        return False
    following = next((t for t in texts[index + 1:index + 3] if t), "")
    return following.startswith(("万元", "元", "亿元", "%"))


def _set_heading(builder: _Builder | _Joiner, text: str) -> None:
    builder.heading = text
    if TOP_HEADING.match(text):
        builder.top = text
