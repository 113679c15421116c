"""Report each cause once: narratives of our own with one cause stated several times."""

from __future__ import annotations

import pytest

from tests.narrative.test_rules import doc
from yusuan.model import Finding
from yusuan.rules.engine import run_rules


def _found(text: str, rule_id: str) -> list[Finding]:
    return run_rules(doc(text), only=[rule_id])


BASES = ("一、收支预算总体情况\n2024 年部门收支总预算 100.00 万元，比 2023 年预算增加 1.00 万元。\n"
         "二、一般公共预算支出情况\n2024 年一般公共预算支出 90.00 万元，比 2023 年预算增加 2.00 万元。")


def test_one_wrong_base_year_is_one_finding() -> None:
    assert _found(BASES, "NARRATIVE.YEAR") == []
    found = _found(BASES.replace("比 2023 年", "比 2022 年"), "NARRATIVE.YEAR")
    assert len(found) == 1
    assert [loc.line for loc in found[0].locations] == [2, 4]
    assert "2022" in found[0].message and len(found[0].folded) == 2


def test_two_wrong_base_years_are_two_findings() -> None:
    text = BASES.replace("比 2023 年", "比 2022 年", 1).replace("比 2023 年", "比 2021 年")
    assert len(_found(text, "NARRATIVE.YEAR")) == 2


PASSAGE = "一、工作回顾\n深入贯彻党的十九届五中、六中全会精神，\n为“十四五”开好局。\n"


def test_dated_phrases_of_one_passage_are_one_finding() -> None:
    good = PASSAGE.replace("十九届五中、六中全会", "二十大").replace("“十四五”开好局", "高质量发展")
    assert _found(good, "NARRATIVE.YEAR") == []
    found = _found(PASSAGE, "NARRATIVE.YEAR")
    assert len(found) == 1 and [loc.line for loc in found[0].locations] == [2, 3]


def test_dated_phrases_far_apart_are_two_findings() -> None:
    text = PASSAGE.replace("，\n", "，\n" + "其他工作。\n" * 8)
    assert len(_found(text, "NARRATIVE.YEAR")) == 2


PLAN = "根据《某市2024年医保工作实施方案》开展工作。\n其他工作。\n按照《某市2024年医保工作实施方案》执行。"


def test_the_same_past_plan_quoted_twice_is_one_finding() -> None:
    assert _found(PLAN, "NARRATIVE.YEAR") == []
    found = _found(PLAN.replace("2024年医保", "2023年医保"), "NARRATIVE.YEAR")
    assert len(found) == 1 and [loc.line for loc in found[0].locations] == [1, 3]


def test_two_past_plans_are_two_findings() -> None:
    text = PLAN.replace("2024年医保", "2023年医保", 1).replace("2024年医保", "2022年医保")
    assert len(_found(text, "NARRATIVE.YEAR")) == 2


UNITS = ("（二）部门预算单位构成\n本部门由机关本级组成，其中：行政单位1个、事业单位 0个。\n"
         "（三）机关运行经费\n机关及下属 2 家事业单位的机关运行经费 1.00万元。")


def test_a_self_contradicting_count_that_disagrees_is_one_finding() -> None:
    assert len(_found(UNITS, "NARRATIVE.UNITS")) == 1
    text = UNITS.replace("事业单位 0个。", "事业单位 0个(含参照公务员法管理事业单位 1个)。")
    found = _found(text, "NARRATIVE.UNITS")
    assert len(found) == 1 and "所含多于总数" in found[0].message and found[0].folded


def test_a_self_contradicting_count_alone_is_reported() -> None:
    text = "（二）部门预算单位构成\n本部门包括行政单位1个、事业单位 0个(含参照公务员法管理事业单位 1个)。"
    found = _found(text, "NARRATIVE.UNITS")
    assert len(found) == 1 and "所含多于总数" in found[0].message


def test_the_same_unitless_change_is_quoted_once() -> None:
    text = ("七、“三公”经费情况\n“三公”经费 1.00 万元，与2023年预算减少0.4。\n"
            "其中公务接待费 1.00 万元，与2023年预算减少0.4。")
    found = _found(text, "NARRATIVE.UNIT_MISSING")
    assert len(found) == 1 and found[0].message.count("减少0.4") == 1
    assert len(found[0].locations) == 2


def test_the_joined_text_keeps_each_characters_line_as_one_run_a_line() -> None:
    from yusuan.pipeline import document_from_text
    from yusuan.rules.engine.common import joined

    text, lines = joined(document_from_text("某局2030年部门预算\n2030年收入预算10.00万元。\n"))
    assert len(lines) == len(text) and len(lines.starts) == 2  # type: ignore[attr-defined]
    assert lines[text.index("收入")] == 2 and lines[0] == 1 and lines[-1] == 2
    assert lines[text.index("收入") - 1] == 2 and lines[text.index("2030年收入") - 1] == 1
    with pytest.raises(IndexError):
        lines[len(text)]  # a character past the end has no line


def test_the_runs_give_every_characters_line_as_the_paragraphs_do() -> None:
    from yusuan.pipeline import document_from_text
    from yusuan.recognise.narrative.paragraphs import build_paragraphs, joined_text

    source = document_from_text("某局2030年部门预算\n一、收入\n收入预算\n10.00万元，\n比上年增加\n"
                                "1.00万元。\n表1\t10.00\t20\n说明\n").source
    text, lines = joined_text(source)
    paragraphs = build_paragraphs(source, keep_tables=True)
    assert text == "".join(p.text for p in paragraphs)
    assert list(lines) == [line for p in paragraphs for line in p.lines]
