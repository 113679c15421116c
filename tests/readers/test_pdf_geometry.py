"""The PDF reader's pure steps: characters → words → lines, edges → tables → cell text."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from yusuan.readers.pdfchars import Char
from yusuan.readers.pdfobjects import Edge, Frame, straight_edges
from yusuan.readers.pdfpage import page_blocks
from yusuan.readers.pdftables import cell_chars, find_tables, merge_edges
from yusuan.readers.pdfwords import (
    chars_to_words,
    cluster_tops,
    join_words,
    plain_text,
    words_to_lines,
)


def chars(text: str, x: float, top: float, size: float = 10, step: float | None = None) -> list[Char]:
    step = size if step is None else step
    return [Char(ch, x + i * step, x + i * step + size, top, top + size, size)
            for i, ch in enumerate(text)]


def h(y: float, x0: float, x1: float) -> Edge:
    return Edge(x0, y, x1, y, True)


def v(x: float, top: float, bottom: float) -> Edge:
    return Edge(x, top, x, bottom, False)


def test_words_split_at_spaces_and_gaps_and_lines_join_by_em() -> None:
    line = chars("收入 合计", 10, 100) + chars("933.79", 120, 101, step=5)
    words = chars_to_words(line)
    assert [word.text for word in words] == ["收入", "合计", "933.79"]
    [joined] = words_to_lines(words)
    assert join_words(joined) == "收入 合计" + " " * 6 + "933.79"  # a 60 pt gap is 6 em


def test_lines_are_ordered_top_down_and_letter_spacing_is_removed() -> None:
    page = chars("合计", 10, 130) + chars("收支总表", 10, 100, step=18)
    assert [join_words(line) for line in words_to_lines(chars_to_words(page))] == [
        "收支总表", "合计"]


def test_edges_snap_and_join() -> None:
    merged = merge_edges([h(100, 0, 50), h(101.5, 52, 120), v(0, 100, 140), v(0.5, 140, 160)])
    assert sorted((e.horizontal, e.x0, e.top, e.x1, e.bottom) for e in merged) == [
        (False, 0.25, 100, 0.25, 160), (True, 0, 100.75, 120, 100.75)]


def test_grid_with_a_merged_cell() -> None:
    # two columns; the top row is one merged cell spanning both
    edges = [h(0, 0, 200), h(20, 0, 200), h(40, 0, 200),
             v(0, 0, 40), v(200, 0, 40), v(100, 20, 40)]
    [table] = find_tables(edges)
    assert table.bbox == (0, 0, 200, 40)
    assert table.rows() == [[(0, 0, 200, 20), None], [(0, 20, 100, 40), (100, 20, 200, 40)]]
    page = chars("合计", 5, 5) + chars("1.00", 105, 25, step=5) + chars("项目", 5, 25)
    page += chars("单位：万元", 0, -20)
    blocks = page_blocks(page, edges)
    assert [getattr(block, "rows", None) or block.text for block in blocks] == [
        "单位：万元", [["合计", ""], ["项目", "1.00"]]]


def test_a_framed_paragraph_is_not_a_table() -> None:
    edges = [h(0, 0, 200), h(20, 0, 200), v(0, 0, 20), v(200, 0, 20)]
    blocks = page_blocks(chars("说明", 5, 5), edges)
    assert [block.text for block in blocks] == ["说明"]  # type: ignore[union-attr]


def test_frame_turns_the_page() -> None:
    box = (0.0, 0.0, 600.0, 800.0)
    assert Frame(box, 0).box(10, 20, 30, 40) == (10, 760, 30, 780)
    assert Frame(box, 90).box(10, 20, 30, 40) == (20, 10, 40, 30)
    assert Frame(box, 180).box(10, 20, 30, 40) == (570, 20, 590, 40)
    assert Frame(box, 270).box(10, 20, 30, 40) == (760, 570, 780, 590)


def test_slanted_segments_of_a_chart_are_not_rulings() -> None:
    """A line chart's short, slightly slanted segments must not snap the table's rules away."""
    table = [h(0, 0, 200), h(20, 0, 200), h(40, 0, 200), v(0, 0, 40), v(100, 0, 40), v(200, 0, 40)]
    page = chars("项目", 5, 5) + chars("金额", 105, 5) + chars("合计", 5, 25) + chars("1.00", 105, 25)
    chart = _chart_edges()
    blocks = page_blocks(page, table + chart)
    assert [getattr(block, "rows", None) for block in blocks] == [[["项目", "金额"], ["合计", "1.00"]]]


def _chart_edges() -> list[Edge]:
    points = [(x * 0.3, 300 + (x % 7)) for x in range(800)]
    return straight_edges([(*a, *b) for a, b in itertools.pairwise(points)], 0.0)


def test_a_space_the_pdf_leaves_out_still_parts_words() -> None:
    line = chars("收入", 10, 100) + chars("500.00", 32.6, 100, step=5.5)
    line[2].spaced = True  # PDFium generated a space: the PDF positions the digits a space on
    assert [join_words(words) for words in words_to_lines(chars_to_words(line))] == ["收入 500.00"]
    line[2].spaced = False
    assert [join_words(words) for words in words_to_lines(chars_to_words(line))] == ["收入500.00"]


def test_a_cells_text_from_none_one_or_more_characters() -> None:
    assert plain_text([]) == ""
    assert plain_text(chars(" ", 10, 100)) == ""
    assert plain_text(chars("0", 10, 100)) == "0"
    assert plain_text(chars("社会", 10, 100) + chars("保障", 10, 112)) == "社会\n保障"
    assert plain_text(chars("收入", 10, 100) + chars("合计", 40, 100)) == "收入 合计"


# Characters on a coarse grid, so that boxes often share a left side or a top: the ties the
# sorts must break as the general grouping does.
_grid_chars = st.lists(st.builds(
    lambda text, x, top, width, spaced: Char(text, x, x + width, top, top + 10, 10, spaced),
    st.sampled_from("收入0 .1\u3000"), st.integers(0, 12).map(lambda n: n * 2.0),
    st.integers(0, 8).map(lambda n: n * 1.5), st.sampled_from([1.0, 2.0, 5.0]), st.booleans()),
    max_size=12)


@settings(deadline=None)  # a busy machine must not fail it
@given(_grid_chars)
def test_a_cells_text_is_its_words_in_lines_left_to_right(cell: list[Char]) -> None:
    """plain_text's shortcuts (one line, one word) give what the words and lines give."""
    lines = cluster_tops(chars_to_words(cell))
    expected = "\n".join(" ".join(word.text for word in sorted(line, key=lambda w: w.x0))
                         for line in lines)
    assert plain_text(cell) == expected


@settings(deadline=None)  # a busy machine must not fail it
@given(st.lists(st.integers(1, 4), min_size=2, max_size=4),
       st.lists(st.integers(1, 4), min_size=2, max_size=4),
       st.lists(st.tuples(st.integers(-2, 90), st.integers(-2, 90)), max_size=40))
def test_each_character_goes_to_the_cell_its_middle_lies_in(widths: list[int], heights: list[int],
                                                          middles: list[tuple[int, int]]) -> None:
    xs = list(itertools.accumulate([0] + [w * 10 for w in widths]))
    ys = list(itertools.accumulate([0] + [h * 10 for h in heights]))
    edges = [h(y, xs[0], xs[-1]) for y in ys] + [v(x, ys[0], ys[-1]) for x in xs]
    [table] = find_tables(edges)
    page = [Char("字", x - 1, x + 1, y - 1, y + 1, 2) for x, y in middles]
    found = cell_chars(table, page)
    for cell in table.cells:
        inside = [c for c in page if cell[0] <= (c.x0 + c.x1) / 2 < cell[2]
                  and cell[1] <= (c.top + c.bottom) / 2 < cell[3]]
        assert found.get(cell, []) == inside
