"""Words and lines in C (`readers/_bulkwords.c`) against the Python code they stand in for:
a page's lines, the characters outside its tables and each table cell's text the same, compared
by repr, on real PDFs of several producers and on made-up characters of every odd kind (ties,
signed zeros, halves, NaN, infinities, huge figures, spaces, empty and multi-character texts,
one character, stacked vertical text, objects that are not Chars). Skipped only where the
helper is not built (no C compiler at install)."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from corpus.corpusfiles import require_corpus_file
from test_pdf_bulk_chars import PRODUCERS
from test_pdf_bulk_tables import reader_pages

from yusuan.readers import pdfpage, pdfwords
from yusuan.readers.pdf import read
from yusuan.readers.pdfchars import _CHAR_SLOTS, Char
from yusuan.readers.pdftables import Table, cell_chars, find_tables

built = pytest.mark.skipif(pdfwords._bulkwords is None, reason="_bulkwords is not built")


def outcome(work, *args) -> str:
    """What a call gives, by repr, or the exception it raises."""
    try:
        return repr(work(*args))
    except Exception as error:  # noqa: BLE001 - the two paths must fail alike too
        return f"raised {type(error).__name__}: {error}"


def assert_alike(chars, boxes=()) -> None:
    """Both paths give the same lines, cell text and characters outside `boxes`."""
    for work in (pdfwords.line_texts, pdfwords.plain_text):
        assert outcome(work, chars) == outcome(work, chars, False), (work.__name__, chars)
    boxes = list(boxes)
    assert (outcome(pdfpage._outside, chars, boxes)
            == outcome(pdfpage._outside, chars, boxes, False)), (chars, boxes)


def _pages(path: Path) -> Iterator[tuple[list[Char], list[Table]]]:
    """Each page's characters and ruled tables, as the reader gets them."""
    for chars, edges in reader_pages(path):
        yield chars, [table for table in find_tables(edges) if len(table.columns) >= 2]


@built
@pytest.mark.parametrize("name", PRODUCERS)
def test_real_pages_give_the_same_lines_and_cells_both_ways(name: str) -> None:
    cells = 0
    for chars, tables in _pages(require_corpus_file(name)):
        assert_alike(chars, [table.bbox for table in tables])
        for table in tables:
            for found in cell_chars(table, chars).values():
                cells += 1
                assert (pdfwords.plain_text(found)
                        == pdfwords.plain_text(found, compiled=False)), (name, found)
        for start in range(0, len(chars), 37):  # runs of the page's characters as made cells
            part = chars[start:start + 23]
            assert pdfwords.plain_text(part) == pdfwords.plain_text(part, compiled=False)
    assert cells or name == PRODUCERS[1]


@built
def test_the_chosen_pages_are_answered_in_c() -> None:
    """The real pages go through the C code, not its way back to Python."""
    chars, _ = next(page for page in _pages(require_corpus_file(PRODUCERS[0])) if page[1])
    helper = pdfwords._bulkwords
    assert helper.line_texts(chars, Char, _CHAR_SLOTS) is not None
    assert helper.plain_text(chars[:30], Char, _CHAR_SLOTS) is not None


@built
@pytest.mark.parametrize("name", [PRODUCERS[0], PRODUCERS[3]])
def test_a_document_read_with_the_helper_is_the_one_read_without(name: str, monkeypatch
                                                                ) -> None:
    path = require_corpus_file(name)
    compiled = read(path)
    monkeypatch.setattr(pdfwords, "_bulkwords", None)
    assert repr(read(path)) == repr(compiled)


class _MadeOnAsking(Sequence[Char]):
    """Characters made anew each time one is asked for (a view over arrays): nothing else holds
    them, so the helper must not keep their texts past their owner."""

    def __init__(self, count: int) -> None:
        self.count = count

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        if not 0 <= index < self.count:
            raise IndexError(index)
        text = "".join(chr(0x4E00 + index + k) for k in range(3)) + str(index) * 5
        return Char(text, 10.0 * index, 10.0 * index + 8, 100.0, 110.0, 10.0, False)


@built
@pytest.mark.parametrize("count", [3, 60])
def test_characters_not_in_a_list_are_read_as_the_python_code_reads_them(count: int) -> None:
    chars = _MadeOnAsking(count)
    assert pdfwords.plain_text(chars) == pdfwords.plain_text(chars, compiled=False)
    assert pdfwords.line_texts(chars) == pdfwords.line_texts(chars, compiled=False)
    listed = list(chars)
    nan = [*listed, Char("表", math.nan, 40.0, 100.0, 110.0, 10.0, False)]
    assert pdfwords.line_texts(iter(nan)) == pdfwords.line_texts(nan, compiled=False)
    assert pdfwords._bulkwords.line_texts(iter(listed), Char, _CHAR_SLOTS) is None


# made-up characters: figures that tie, halves that round to even, signed zeros, NaN, the
# infinities, huge figures, ints; texts that are spaces, empty, several characters, newlines
_FIGURES = [0.0, -0.0, 0.5, 1.5, 2.5, 3.0, 3.5, 10.0, 10.0, 12.0, 13.0, 20.25, 100.0, 101.0,
            -7.5, 1e15, -1e15, 1e300, -1e300, 5e-324, math.nan, math.inf, -math.inf]
_TEXTS = ["收", "入", "合", "计", "a", "1", ".", " ", "\u3000", "\t", "\n", "", "ab", "收\n",
          "豈", "\U00020000", "（", "、"]


def _made_char(rng: random.Random, odd: bool) -> Char:
    def figure() -> float:
        if odd and rng.random() < 0.2:
            return rng.choice(_FIGURES)
        return rng.choice([rng.randrange(0, 60) * 2.5, rng.uniform(-5, 300)])

    x0 = figure()
    top = figure()
    size = rng.choice([10.0, 12.0, 0.0, 0.5, 9.75]) if not odd else figure()
    return Char(rng.choice(_TEXTS), x0, x0 + rng.choice([0.0, 5.0, 10.0, 12.5]), top,
                top + rng.choice([0.0, 10.0, 12.0, -3.0]), size, rng.random() < 0.15)


@built
@pytest.mark.parametrize("odd", [False, True], ids=["finite", "odd"])
def test_made_up_characters_give_the_same_both_ways(odd: bool) -> None:
    rng = random.Random(18 + odd)
    answered = 0
    for _ in range(600):
        chars = [_made_char(rng, odd) for _ in range(rng.choice([0, 1, 2, 3, 8, 30, 90]))]
        boxes = [tuple(float(rng.randrange(0, 300)) for _ in range(4))
                 for _ in range(rng.randrange(3))]
        assert_alike(chars, boxes)
        answered += pdfwords._bulkwords.line_texts(chars, Char, _CHAR_SLOTS) is not None
    assert answered > (100 if odd else 590)  # the C code answers, not only its way back


def _line(text: str, x: float, top: float, step: float = 10.0, size: float = 10.0) -> list[Char]:
    return [Char(ch, x + i * step, x + i * step + size, top, top + size, size)
            for i, ch in enumerate(text)]


@built
@pytest.mark.parametrize("chars", [
    [],
    _line("0", 10.0, 100.0),
    _line(" ", 10.0, 100.0),
    _line("收 入 总 计", 10.0, 100.0, step=18.0),  # letter-spacing between single Han
    _line("收入", 10.0, 100.0) + _line("933.79", 300.0, 100.5, step=5.0),  # a column gap
    _line("社会", 10.0, 100.0) + _line("保障", 10.0, 112.0),  # a wrapped cell
    _line("竖排文字", 50.0, 100.0, step=0.0),  # stacked: the same x for every character
    [Char(ch, 50.0, 60.0, 100.0 + 12 * i, 110.0 + 12 * i, 10.0) for i, ch in enumerate("竖排")],
    _line("ab", 10.0, 100.0) + _line("cd", 10.0, 100.0),  # the same boxes twice
    [Char("x", 1.0, 2.0, 3.0, 4.0, 5.0)] * 3,  # the same Char three times
    # two words from the same x, the second's top lowered by its next character: by top
    [Char("e", 10.0, 12.0, 100.2, 110.0, 10.0), Char("c", 10.0, 12.0, 100.5, 110.0, 10.0, True),
     Char("d", 12.0, 14.0, 98.0, 108.0, 10.0)],
    # signed zeros: the first of equal tops is the word's and the line's
    [Char("a", 10.0, 15.0, 0.0, 10.0, 10.0), Char("b", 15.0, 20.0, -0.0, 10.0, 10.0),
     Char("c", 60.0, 65.0, -0.0, 10.0, 10.0), Char("d", 65.0, 70.0, 0.0, 10.0, 10.0)],
    _line("收入", 10.0, 100.0) + _line("合计", 1e12, 100.0),  # a gap past MAX_GAP_SPACES
    _line("收入", 10.0, 100.0) + _line("合计", 1e308, 100.0, step=1e307),  # a gap past a float
    _line("收入", 10.0, math.inf) + _line("合计", 10.0, 100.0),  # round(inf) raises
    _line("收入", math.nan, 100.0) + _line("合计", 10.0, 100.0),
    [Char("收", 10, 20, 100, 110, 10)] * 2,  # ints
    [Char("收", 10.0, 20.0, 100.0, 110.0, 10.0, 1)] * 2,  # spaced not a bool
    _line("收", 10.0, 100.0) + [pdfwords.Word("入", 20.0, 30.0, 100.0, 110.0, 10.0)],
    (Char("收", 10.0, 20.0, 100.0, 110.0, 10.0), Char("入", 20.0, 30.0, 100.0, 110.0, 10.0)),
], ids=lambda chars: f"{len(chars)}-chars")
def test_odd_pages_give_the_same_both_ways(chars) -> None:
    assert_alike(chars, [(0.0, 0.0, 100.0, 200.0), (5.0, 50.0, 40.0, 300.0)])


@built
def test_odd_boxes_give_the_same_both_ways() -> None:
    chars = _line("收入合计", 10.0, 100.0)
    for boxes in ([(0, 0, 100, 200)], [(math.nan, 0.0, 100.0, 200.0)], [(0.0, 0.0, 1e308, 1e308)],
                  [(0.0, 0.0, 100.0)], [[0.0, 0.0, 100.0, 200.0]]):
        assert (outcome(pdfpage._outside, chars, boxes)
                == outcome(pdfpage._outside, chars, boxes, False)), boxes


@built
def test_bad_arguments_raise() -> None:
    helper = pdfwords._bulkwords
    with pytest.raises(TypeError):
        helper.line_texts([], Char, _CHAR_SLOTS[:-1])
    with pytest.raises(TypeError):
        helper.plain_text([], Char, ("text",) * 7)
    assert helper.plain_text(5, Char, _CHAR_SLOTS) is None  # not a list: the Python code's
    with pytest.raises(TypeError):
        pdfwords.plain_text(5)  # type: ignore[arg-type]
