"""What a check works out once and asks again (the narrative's paragraphs): asked twice, the
same answer, worked out once; asked of changed input, worked out anew. Speed itself is measured in benchmarks/, not here."""

from __future__ import annotations

import pytest

import yusuan.recognise.narrative.paragraphs as paragraphs_module
from yusuan.model import Cell, Line, Row, Source
from yusuan.pipeline import document_from_text
from yusuan.rules.engine import run_rules

NARRATIVE = ("一、收入支出预算总体情况\n"
             "1.一般公共预算财政拨款收入 10.00 万元，今年安排一般公共预算财政拨款收入。\n"
             "2.政府性基金预算财政拨款收入 0 万元，今年无上级补助收入。\n"
             "3.上级补助收入 0 万元，今年无上级补助收入。\n"
             "二、机关运行经费\n本部门机关运行经费 3.00 万元，主要用于办公费。\n")


def test_a_rows_filled_cells_follow_its_cells() -> None:
    row = Row((Cell("合计", 1), Cell("", 1), Cell("12.30", 1)))
    assert [cell.text for cell in row.filled] == ["合计", "12.30"]
    row.cells = (Cell("", 2), Cell("小计", 2))
    assert [cell.text for cell in row.filled] == ["小计"]


def test_rows_with_the_same_cells_are_equal_whatever_was_asked_of_them() -> None:
    cells = (Cell("合计", 1), Cell("", 1))
    asked = Row(cells)
    assert asked.filled
    assert asked == Row(cells)
    assert "_filled" not in repr(asked)


def _counted_builds(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    built: list[bool] = []
    original = paragraphs_module.iter_paragraphs

    def counted(source: Source, *, keep_tables: bool = False):  # type: ignore[no-untyped-def]
        if not keep_tables:
            built.append(True)
        return original(source, keep_tables=keep_tables)

    monkeypatch.setattr(paragraphs_module, "iter_paragraphs", counted)
    return built


TABLE = "\n表1 收支总表\n单位：万元\n项目\t预算数\n合计\t10.00\n"


def test_the_rules_read_the_paragraphs_the_facts_were_read_from(
        monkeypatch: pytest.MonkeyPatch) -> None:
    doc = document_from_text(NARRATIVE + TABLE)
    built = _counted_builds(monkeypatch)
    run_rules(doc)
    assert built == []


def test_the_rules_build_the_paragraphs_once_of_lines_changed_since(
        monkeypatch: pytest.MonkeyPatch) -> None:
    doc = document_from_text(NARRATIVE.replace("今年无上级补助收入。\n3", "今年没有这项收入。\n3")
                             + TABLE)
    assert not run_rules(doc, only=["NARRATIVE.COPIED_REASON"])
    changed = document_from_text(NARRATIVE + TABLE).source.lines
    doc.source.lines[:] = changed  # the copied reason now printed
    built = _counted_builds(monkeypatch)
    found = run_rules(doc, only=["NARRATIVE.COPIED_REASON", "NARRATIVE.COUNT_PART"])
    assert [f.rule for f in found] == ["NARRATIVE.COPIED_REASON"]
    assert len(built) == 1


def test_the_shared_paragraphs_still_find_a_copied_reason() -> None:
    doc = document_from_text(NARRATIVE + TABLE)
    found = run_rules(doc, only=["NARRATIVE.COPIED_REASON", "NARRATIVE.COUNT_PART"])
    assert [f.rule for f in found] == ["NARRATIVE.COPIED_REASON"]


def test_the_joined_text_is_the_paragraphs_joined_on_random_lines() -> None:
    import random

    from yusuan.recognise.narrative.paragraphs import build_paragraphs, joined_text

    pieces = ["一、收入", "（一）支出情况", "收入预算", "10.00", "万元，", "比上年增加", "1.00万元。",
              "2", "3 4", "表1\t10.00\t20", "\t\t", "", "说明：", "5.上级补助收入 0 万元，",
              "－12－", "56", "%", "2030年预算。", "１２", "ＡＢ"]
    rng = random.Random(18)
    for _ in range(300):
        texts = [rng.choice(pieces) for _ in range(rng.randint(1, 14))]
        paged = rng.random() < 0.5  # a PDF's: a page's number on its own line is left out
        lines = [Line(number, text, number // 4 + 1 if paged else None)
                 for number, text in enumerate(texts, start=1)]
        source = Source("t.pdf" if paged else "t.txt", "pdf" if paged else "text", "", lines)
        joined, lines = joined_text(source)
        paragraphs = build_paragraphs(source, keep_tables=True)
        assert joined == "".join(p.text for p in paragraphs)
        assert list(lines) == [line for p in paragraphs for line in p.lines]


def test_a_cell_is_made_as_a_frozen_dataclass_makes_it() -> None:
    import dataclasses

    cell = Cell("合计", 3, indent=2)
    assert (cell.text, cell.line, cell.page, cell.indent) == ("合计", 3, None, 2)
    assert cell == Cell("合计", 3, None, 2) and hash(cell) == hash(Cell("合计", 3, None, 2))
    assert dataclasses.replace(cell, text="小计") == Cell("小计", 3, None, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        cell.text = "小计"  # type: ignore[misc]


def test_segmenting_asks_each_row_for_its_filled_cells_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from yusuan.layout import source_to_rows
    from yusuan.recognise.segments import rows_to_segments

    doc = document_from_text(NARRATIVE + TABLE + "表2 支出总表\n单位：万元\n项目\t预算数\n"
                             "合计\t10.00\n－ 1 －\n注：本表无数据。\n")
    rows = source_to_rows(doc.source)
    expected = [(s.title.kind, len(s.data_rows), len(s.note_rows)) for s in rows_to_segments(rows)]
    asked: list[int] = []
    filled = Row.filled

    def counted(row: Row) -> tuple[Cell, ...]:
        asked.append(id(row))
        return filled.fget(row)  # type: ignore[attr-defined]

    monkeypatch.setattr(Row, "filled", property(counted))
    segments = rows_to_segments(rows)
    assert [(s.title.kind, len(s.data_rows), len(s.note_rows)) for s in segments] == expected
    assert len(asked) == len(set(asked)) == len(rows)


def test_a_forms_cell_is_made_as_a_frozen_dataclass_makes_it() -> None:
    import dataclasses

    from yusuan.recognise.projects.text import Cell as FormCell

    cell = FormCell("项目名称", 7)
    assert (cell.text, cell.line) == ("项目名称", 7) and repr(cell) == "Cell(text='项目名称', line=7)"
    assert cell == FormCell("项目名称", 7) and hash(cell) == hash(FormCell("项目名称", 7))
    assert cell != FormCell("项目名称", 8) and dataclasses.replace(cell, line=8) == FormCell("项目名称", 8)
    with pytest.raises(dataclasses.FrozenInstanceError):
        cell.line = 8  # type: ignore[misc]


@pytest.mark.parametrize(("texts", "foot"), [
    (("-", "1", "-"), True), (("—", "12", "—"), True), (("–", "3 –"), True),
    (("1", "-"), False), (("合计", "10.00"), False), (("-", "1", "-", "2"), False),
])
def test_a_page_foot_laid_out_as_cells_is_told_by_its_dashes(texts: tuple[str, ...],
                                                              foot: bool) -> None:
    from yusuan.recognise.segments import page_foot_in_cells

    assert page_foot_in_cells(texts) is foot


def _random_sources(seed: int, count: int):  # type: ignore[no-untyped-def]
    """Made-up sources of narrative, heading, figure, table and page-number lines."""
    import random

    pieces = ["一、收入", "（一）支出情况", "收入预算", "10.00", "万元，", "比上年增加", "1.00万元。",
              "2", "3 4", "表1\t10.00\t20", "\t\t", "", "说明：", "5.上级补助收入 0 万元，",
              "－12－", "56", "%", "2030年预算。", "１２", "ＡＢ", "12\t34", "表2 支出表 56",
              "1、", "3.", "5万元", "二、基本支出\t7", "（二）情况\t8", "- 9", "合计 10 20",
              "1、基本支出", "3.5万元", "1\t2\t3"]
    rng = random.Random(seed)
    for _ in range(count):
        texts = [rng.choice(pieces) for _ in range(rng.randint(1, 16))]
        paged = rng.random() < 0.5  # a PDF's: a page's number on its own line is left out
        lines = [Line(number, text, number // 4 + 1 if paged else None)
                 for number, text in enumerate(texts, start=1)]
        yield Source("t.pdf" if paged else "t.txt", "pdf" if paged else "text", "", lines)


def test_the_text_joined_of_the_paragraphs_is_the_text_joined_of_the_lines() -> None:
    from yusuan.recognise.narrative.paragraphs import (
        build_paragraphs,
        joined_from_paragraphs,
        joined_text,
        paragraphs_and_tables,
    )

    for source in _random_sources(18, 2000):
        paragraphs, tables = paragraphs_and_tables(source)
        assert repr(paragraphs) == repr(build_paragraphs(source))
        built = joined_from_paragraphs(source, paragraphs, tables)
        assert built is not None
        text, lines = built
        walked, walked_lines = joined_text(source)
        assert text == walked
        assert (lines.starts, lines.numbers, len(lines)) == (
            walked_lines.starts, walked_lines.numbers, len(walked_lines))


def test_lines_not_numbered_in_order_are_joined_by_walking_them() -> None:
    from yusuan.recognise.narrative.paragraphs import joined_from_paragraphs, paragraphs_and_tables

    source = Source("t.txt", "text", "", [Line(2, "收入预算"), Line(1, "10.00万元。")])
    assert joined_from_paragraphs(source, *paragraphs_and_tables(source)) is None


def test_the_year_rule_joins_the_text_the_paragraphs_were_read_from(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from yusuan.rules.engine import common

    doc = document_from_text("某局2030年部门预算\n" + NARRATIVE + "比2027年预算增加1.00万元。\n"
                             + TABLE)
    walked: list[bool] = []
    original = paragraphs_module.joined_text

    def counted(source: Source):  # type: ignore[no-untyped-def]
        walked.append(True)
        return original(source)

    monkeypatch.setattr(common, "joined_text", counted)
    found = run_rules(doc, only=["NARRATIVE.YEAR"])
    assert walked == []
    doc.source.lines.append(Line(len(doc.source.lines) + 1, "2029年部门预算"))
    assert len(run_rules(doc, only=["NARRATIVE.YEAR"])) == len(found) + 1
    assert walked == [True]


def test_the_lines_in_tables_and_the_withheld_statement_are_worked_out_once_a_check(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from yusuan.rules import engine
    from yusuan.rules.engine.common import lines_in_tables
    from yusuan.rules.tables import hierarchy

    doc = document_from_text(NARRATIVE + TABLE)
    searched: list[str] = []

    class Counted:
        def search(self, text: str):  # type: ignore[no-untyped-def]
            searched.append(text)

    monkeypatch.setattr(hierarchy, "WITHHELD", Counted())
    assert lines_in_tables(doc) is not lines_in_tables(doc)  # outside a check: anew
    monkeypatch.setattr(engine._RULE_RUN, "check", {}, raising=False)
    spanned = lines_in_tables(doc)
    assert spanned == set(range(doc.tables[0].lines[0], doc.tables[0].lines[1] + 1))
    assert lines_in_tables(doc) is spanned
    assert not hierarchy.states_withheld(doc) and not hierarchy.states_withheld(doc)
    assert len(searched) == 1
    monkeypatch.setattr(engine._RULE_RUN, "check", {})  # the next check
    assert lines_in_tables(doc) is not spanned
    hierarchy.states_withheld(doc)
    assert len(searched) == 2


def test_the_scrambled_pages_are_read_once_a_check(monkeypatch: pytest.MonkeyPatch) -> None:
    from yusuan.rules.engine import confidence

    original = confidence.scrambled_pages
    asked: list[Source] = []

    def counted(source: Source) -> dict[int, str]:
        asked.append(source)
        return original(source)

    monkeypatch.setattr(confidence, "scrambled_pages", counted)
    lines = [Line(n, "年初预算数      万元", 1) for n in range(1, 5)]
    doc = document_from_text(NARRATIVE + TABLE)
    doc.source.lines[:0] = lines
    found = run_rules(doc)
    assert [f.rule for f in found].count("TEXT.UNSURE") == 1
    assert asked == [doc.source]
