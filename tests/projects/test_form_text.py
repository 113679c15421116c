"""The form text helpers give what their plain definitions give (they take shortcuts)."""

from __future__ import annotations

import random
import re

from yusuan.layout.cells import clean_cell
from yusuan.model import Line
from yusuan.recognise.projects.labels import LABELS, Joined, label_pattern
from yusuan.recognise.projects.text import Cell, clean, compact, line_cells, unscramble

BLANKS = [" ", "\t", "\u3000", "\xa0", "\u2003", "\x1c", "\n", "\r"]


def _texts(count: int, seed: int, pieces: list[str]) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def test_clean_cell_strips_and_joins_like_its_patterns() -> None:
    spaces = re.compile(r"\s+")
    han_gap = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff（）“”、])\s+(?=[\u3400-\u9fff\uf900-\ufaff（）“”、])")
    for text in _texts(2000, 1, [*BLANKS, "收", "入", "a", "1", "（", "、", ".", "—"]):
        assert clean_cell(text) == han_gap.sub("", spaces.sub(" ", text.strip())), repr(text)


def test_clean_and_unscramble_like_their_patterns() -> None:
    tag, space = re.compile(r"<[^>]+>"), re.compile(r"[\s\u3000\xa0]+")
    split = re.compile(r"(?<![\d.])(\d+\.\d|20\d)([^\d\s.,][^\d]*?)\s+(\d)(?=\s|$)")
    for text in _texts(2000, 2, [*BLANKS, "<b>", "</b>", "<", ">", "9.0", "项目", "20", "1", "."]):
        assert clean(text) == space.sub(" ", tag.sub(" ", text)).strip(), repr(text)
        expected = split.sub(lambda m: f"{m.group(2)} {m.group(1)}{m.group(3)}", text)
        assert unscramble(text) == expected, repr(text)


def test_compact_and_line_cells_like_their_patterns() -> None:
    tag, space = re.compile(r"<[^>]+>"), re.compile(r"[\s\u3000\xa0]+")
    separator = re.compile(r"^[-—\s|]+$")
    pieces = [*BLANKS, "\t", "\t", "|", "-", "—", "<b>", "</b>", "9.0", "项目", "（", "）", "1", "."]
    for text in _texts(3000, 4, pieces):
        assert compact(text) == space.sub("", tag.sub("", text)).replace("（", "(").replace(
            "）", ")"), repr(text)
        stripped = text.strip()
        pipe = stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3
        parts = [space.sub(" ", tag.sub(" ", piece)).strip()
                 for piece in (stripped[1:-1].split("|") if pipe else text.split("\t"))]
        expected = [Cell(unscramble(part), 3) for part in parts
                    if part and not separator.match(part)]
        assert line_cells(Line(3, text)) == expected, repr(text)


def test_line_cells_are_a_new_list_each_time() -> None:
    line = Line(7, "项目名称\t培训经费")
    cells = line_cells(line)
    cells.append(Cell("x", 7))
    assert line_cells(line) == [Cell("项目名称", 7), Cell("培训经费", 7)]


def _earliest(joined: Joined, labels: tuple[str, ...], start: int) -> re.Match[str] | None:
    found = [m for m in (label_pattern(lb).search(joined.text, start) for lb in labels) if m]
    return min(found, key=lambda m: m.start()) if found else None


def test_labels_are_found_where_each_label_alone_finds_them() -> None:
    pieces = ["项目", "名称", "|", " ", "资金", "来源", "项目当年", "预算", "支出明细", "测算",
              "年度绩效", "指标", "目标表", "当年", "x"]
    every = tuple(label for labels in LABELS.values() for label in labels)
    for text in _texts(500, 3, pieces):
        joined = Joined.of([Cell(text, 1)])
        for start in range(0, len(text) + 1, 3):
            for field, labels in LABELS.items():
                want, got = _earliest(joined, labels, start), joined.find(field, start)
                assert (want and (want.start(), want.end())) == (got and (got.start(), got.end()))
            want = _earliest(joined, every, start)
            assert joined.next_label(start) == (want.start() if want else len(text))


def test_tab_rows_share_one_string_for_cells_of_the_same_text() -> None:
    from yusuan.layout.tabbed import lines_to_rows

    rows = lines_to_rows([Line(1, "2080501\t行政单位离退休\t1,000.00\t"),
                          Line(2, "2080502\t事业单位离退休\t1,000.00\t")])
    assert [c.text for c in rows[1].cells] == ["2080502", "事业单位离退休", "1,000.00", ""]
    assert rows[0].cells[2].text is rows[1].cells[2].text


def test_the_empty_cells_of_a_tab_row_are_one_cell_equal_to_each() -> None:
    from yusuan.layout.tabbed import lines_to_rows
    from yusuan.model import Cell as RowCell

    row, other = lines_to_rows([Line(4, "\t合计\t\t 1.00\t", 2), Line(5, "\t\t小计", 2)])
    assert row.cells == (RowCell("", 4, 2), RowCell("合计", 4, 2), RowCell("", 4, 2),
                         RowCell("1.00", 4, 2, 1), RowCell("", 4, 2))
    assert row.cells[0] is row.cells[2] is row.cells[4]
    assert other.cells == (RowCell("", 5, 2), RowCell("", 5, 2), RowCell("小计", 5, 2))
    assert other.cells[0] is other.cells[1] is not row.cells[0]


def test_a_name_line_is_found_with_its_label_spread_by_blanks_and_tags() -> None:
    from yusuan.recognise.projects.spans import is_name_line

    for text in ("项目名称\t培训经费", "项 目 名 称\t培训经费", "项目<br>名\u3000称：培训经费"):
        assert is_name_line([Line(1, text)], 0), text
    assert is_name_line([Line(1, "项目名称"), Line(2, "培训经费")], 0)
    for text in ("项目\t培训经费", "名称\t培训经费", "项目名称\t项目总预算"):
        assert not is_name_line([Line(1, text)], 0), text


def test_the_header_of_a_table_listing_many_projects_opens_no_form() -> None:
    """北京's 项目支出绩效目标表 lists every project under one header (项目名称 | 项目总额 | …):
    that header is not a form for a project named 项目总额."""
    from yusuan.recognise.projects.spans import is_name_line

    header = "项目名称\t项目总额\t其中：\t\t绩效目标\t一级指标\t二级指标\t三级指标"
    assert not is_name_line([Line(1, header)], 0)
    assert is_name_line([Line(1, "项目名称\t重大义务植树活动保障经费\t项目总额\t600.00")], 0)


def test_joined_cells_start_where_each_cell_stands_in_the_joined_text() -> None:
    import random

    rng = random.Random(18)
    for count in range(6):
        cells = [Cell("项目名称"[: rng.randint(0, 4)], line) for line in range(1, count + 1)]
        joined = Joined.of(cells)
        assert joined.text == "|".join(cell.text for cell in cells)
        assert len(joined.starts) == count and joined.lines == [cell.line for cell in cells]
        for cell, start in zip(cells, joined.starts, strict=True):
            assert joined.text[start:start + len(cell.text)] == cell.text
            assert start == 0 or joined.text[start - 1] == "|"


def test_a_forms_joined_text_from_its_lines_texts_is_the_one_of_its_cells() -> None:
    from yusuan.recognise.projects.text import line_texts, span_texts

    pieces = [*BLANKS, "\t", "\t", "\t", "|", "-", "—", "<b>", "9.0", "项目", "名称", "1", "."]
    texts = _texts(600, 5, pieces)
    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    for first, last in ((1, 600), (0, 3), (17, 17), (250, 420), (590, 700), (9, 8)):
        cells = [cell for line in lines[max(first - 1, 0):last] for cell in line_cells(line)]
        want, got = Joined.of(cells), Joined.of_texts(*span_texts(lines, first, last))
        assert (got.text, got.starts, got.lines) == (want.text, want.starts, want.lines)
    for line in lines:
        assert line_texts(line.text) == tuple(cell.text for cell in line_cells(line))


def test_tidy_takes_away_the_headers_and_levels_a_name_opens_with() -> None:
    from yusuan.recognise.projects.indicators import HEADER, LEVEL_PREFIX, MAX_NAME, tidy
    from yusuan.recognise.projects.model import Indicator

    def plain(name: str) -> tuple[str, str, str]:
        level1 = level2 = "old"
        for header in HEADER:
            name = name.replace(header, "") if name.startswith(header) else name
        match = LEVEL_PREFIX.match(name)
        if match and match.end() and match.end() < len(name):
            level1 = f"{match.group(1)}指标" if match.group(1) else level1
            level2 = match.group(2) or level2
            name = name[match.end():]
        return ("" if len(name) > MAX_NAME or "总目标" in name else name), level1, level2

    words = ["目标名称", "一级指标", "二级指标", "三级指标", "指标名称", "产出指标", "数量指标", "指标", "标",
             "满意度", "培训", "人次", "总目标", "一级", "三级", "指标值"]
    for name in _texts(3000, 6, words):
        got = tidy(Indicator(name, ["1"], 1, "old", "old"))
        assert (got.name, got.level1, got.level2) == plain(name), name


def test_a_money_cell_read_again_keeps_the_line_and_unit_it_is_read_with() -> None:
    from yusuan.recognise.projects.text import Amount, parse_money

    assert parse_money("1,200.50万元", 4) == Amount(1200.5, 2, 4)
    assert parse_money("1,200.50万元", 9) == Amount(1200.5, 2, 9)
    assert parse_money("1,200.50万元", 9, "元") == Amount(12005000.0, 0, 9)
    assert parse_money(" 35000元 ", 2) == Amount(3.5, 4, 2)
    assert parse_money("35000元", 3, "元") == Amount(35000.0, 0, 3)
    assert parse_money("约35000元", 3) is None and parse_money("", 3) is None
