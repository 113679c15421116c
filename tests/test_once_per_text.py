"""What a pass works out once per distinct line (yusuan/repeats.py) is what it works out of
every line anew: the reading and the check of made-up documents that repeat their lines (the
performance forms, random lines) are the same with the passes' `once_per_text` and with each
line worked out again, with the default number of texts kept and with one. The cheap tests
that skip a line are checked against the long way on made-up strings. Speed itself is measured
in benchmarks/, not here."""

from __future__ import annotations

import dataclasses
import random
import re

import pytest
from docbuilder import culture_bureau, render

import yusuan.recognise.narrative.paragraphs as paragraphs_module
import yusuan.recognise.segments as segments_module
import yusuan.repeats as repeats_module
import yusuan.rules.document.row_names as row_names_module
import yusuan.rules.document.twice as twice_module
import yusuan.rules.document.years as years_module
import yusuan.rules.tables.completeness as completeness_module
import yusuan.rules.tables.department as department_module
from yusuan.model import Line
from yusuan.pipeline import document_from_text
from yusuan.rules.engine import run_rules

MEMOISING = (paragraphs_module, segments_module, row_names_module, twice_module,
             completeness_module, department_module, years_module)

# lines of tables, forms, titles, units, page feet and sentences, many of them alike
PIECES = ("表1 收支总表", "单位：万元", "项目\t预算数", "合计\t10.00", "一、基本支出\t7.00",
          "表12-1 项目支出绩效目标表", "项目名称\t公共文化场馆运行维护经费\t项目编码\t420125",
          "\t\t\t", "", "－ 1 －", "-\t2\t-", "注：本表无数据。", "------", "部门：某局\t单位：万元",
          "长期绩效目标\t持续保障文化旅游行业管理统计调查和综合协调等业务工作提升公共服务水平",
          "\t满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t计划标准",
          "公共文化场馆运行维护经费\t12.50", "公共文化场馆运行和维护经费\t12.50",
          "2026A 年，本局主要任务是……持续向好发展。？", "公务车运行费 1.00 万元。",
          "公务接待费费 0.5 万元。", "一、收入支出预算总体情况", "本部门机关运行经费 3.00 万元。",
          "详见《政府性基金预算支出表》。", "表2 政府性基金预算支出表", "附表 4-2",
          "2024年预算0.18万元；2025年预算0.18万元。", "1\t2\t3", "栏次\t1\t2",
          "部门：某市某区文化和旅游局（本级）\t单位：万元", "某市文化和旅游局2025年部门预算",
          "注：某市某区文化和旅游局2025年没有政府性基金预算。",
          "年度绩效目标\t2025年完成开展活动场次12场以上。", "年度绩效目标\t2024年计划开展活动。",
          "项目完成时间\t2024年12月31日")


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        lines = [rng.choice(PIECES) for _ in range(rng.randint(3, 40))]
        if rng.random() < 0.5:  # a block printed again: the same run of lines twice
            start = rng.randrange(len(lines))
            lines += lines[start:start + rng.randint(5, 8)]
        texts.append("2025年某局部门预算\n" + "\n".join(lines) + "\n")
    return texts


def _forms_text() -> str:
    return render(dataclasses.replace(culture_bureau(), forms=True, dept_form=True))


def _read_and_checked(text: str) -> str:
    doc = document_from_text(text)
    return repr((doc, run_rules(doc)))


def _each_line_anew(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in MEMOISING:
        monkeypatch.setattr(module, "once_per_text", lambda work: work)


@pytest.mark.parametrize("kept", [repeats_module.KEPT, 1])
def test_documents_read_and_checked_with_each_distinct_line_once_as_line_by_line(
        monkeypatch: pytest.MonkeyPatch, kept: int) -> None:
    texts = [_forms_text(), *_random_texts(18, 60)]
    monkeypatch.setattr(repeats_module, "KEPT", kept)
    once = [_read_and_checked(text) for text in texts]
    _each_line_anew(monkeypatch)
    assert [_read_and_checked(text) for text in texts] == once


def test_the_forms_document_repeats_lines_the_passes_meet_again() -> None:
    texts = _forms_text().split("\n")
    assert len(set(texts)) < 0.6 * len(texts)  # the test above compares what it means to


def test_once_per_text_works_each_distinct_argument_out_once_while_kept(
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def work(text: str) -> int:
        asked.append(text)
        return len(text)

    kept = repeats_module.once_per_text(work)
    assert [kept(t) for t in ("a", "bb", "a", "bb", "ccc")] == [1, 2, 1, 2, 3]
    assert asked == ["a", "bb", "ccc"]
    monkeypatch.setattr(repeats_module, "KEPT", 1)
    asked.clear()
    one = repeats_module.once_per_text(work)
    assert [one(t) for t in ("a", "a", "bb", "a")] == [1, 1, 2, 1]
    assert asked == ["a", "bb", "a"]  # one kept: "a" was let go for "bb"


def test_a_line_without_che_or_two_fei_holds_no_sangong_slip() -> None:
    from yusuan.rules.document.sangong_names import may_hold_slip

    rng = random.Random(18)
    alphabet = "公务车用费接待 \t\u3000x"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        compact = "".join(text.split())
        if "公务车" in compact or "费费" in compact:
            assert may_hold_slip(text), text
    assert may_hold_slip("公务 车运行费") and may_hold_slip("接待费 费")
    assert not may_hold_slip("公务用费") and not may_hold_slip("")


def test_only_lines_with_biao_name_a_table() -> None:
    from yusuan.recognise.titles import announced_titles, classify_title

    rng = random.Random(18)
    words = ("预算", "决算", "收支总", "收入总", "支出", "一般公共", "基本", "三公经费", "财政拨款",
             "政府性基金", "项目", "绩效目标", "部门", "2026年", "01", "附", "（", "）", "\t", " ",
             "、", "一", "单位：万元", "合计")
    made = [("".join(rng.choice(words) for _ in range(rng.randint(1, 8)))) for _ in range(20000)]
    for text in {*PIECES, *(p.replace("表", "") for p in PIECES), *made}:
        assert "表" not in text or text in PIECES
        if "表" not in text:
            assert announced_titles(text) == [], text
            assert all(classify_title(cell.strip()) is None for cell in text.split("\t")), text


def test_a_line_is_made_as_a_frozen_dataclass_makes_it() -> None:
    line = Line(3, "合计", page=2)
    assert (line.number, line.text, line.page, line.origin) == (3, "合计", 2, None)
    assert line == Line(number=3, text="合计", page=2, origin=None)
    assert hash(line) == hash(Line(3, "合计", 2))
    assert dataclasses.replace(line, text="小计") == Line(3, "小计", 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        line.text = "小计"  # type: ignore[misc]


def test_the_own_year_is_found_where_the_pattern_finds_it_anywhere() -> None:
    from yusuan.rules.narrative.text import _OWN_YEAR, own_year_names

    rng = random.Random(18)

    def blanks() -> str:
        return "".join(rng.choice(" \t\u3000\n") for _ in range(rng.choice([0, 0, 1, 2, 8, 9, 12])))

    def mention() -> str:
        return (rng.choice(["", "比", "与", "较", "x", "1", "年"]) + blanks()
                + rng.choice(["2025", "1999", "２０２５", "20２5", "1825", "202"]) + blanks()
                + rng.choice(["年", "年度", "度", ""]) + blanks() + "部门"
                + rng.choice(["预算", "决算", "预", ""]) + rng.choice(["", "表", "公开", "公", "。"]))

    found = 0
    for _ in range(20000):
        text = "".join(mention() if rng.random() < 0.6 else rng.choice(["部门预算", "文字", " ", "2025年"])
                       for _ in range(rng.randint(1, 6)))
        expected = [(m.span(), m.groups()) for m in _OWN_YEAR.finditer(text)]
        assert [(m.span(), m.groups()) for m in own_year_names(text)] == expected, text
        found += len(expected)
    assert found > 2000  # the made-up texts name years in many ways, found and not


def test_a_dated_event_is_searched_for_only_in_a_text_holding_one_of_its_words() -> None:
    from yusuan.rules.narrative.text import DATED_EVENTS

    rng = random.Random(18)
    pieces = ("迎接", "喜迎", "党的", "二十大", "二十", "大", "庆祝", "建党", "建", "党", " ", "100",
              "一百", "周年", "百年", "十四五", "十四", "五", "开好局", "开局", "之年", "开", "局",
              "十九届", "十九", "届", "五中", "、", "六中", "全会", "十九大", "和", "历次", "x")
    found = 0
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for pattern, _, _, words in DATED_EVENTS:
            if re.search(pattern, text):
                found += 1
                assert any(word in text for word in words), (pattern, text)
    assert found > 500


def test_a_line_naming_the_department_opens_with_the_characters_looked_for() -> None:
    from yusuan.recognise.meta import _DEPARTMENT_LINE, DEPARTMENT_LINE_OPENS
    from yusuan.rules.tables.department import NAMING_OPENS, _names_in

    rng = random.Random(18)
    pieces = ("部门", "部门/单位", "部门（单位）", "部门名称", "单位名称", "编制单位", "单位", "：", ":",
              " ", "某市文化和旅游局", "金额单位：万元", "[056]", "某局本级", "，", "x", "名称", "注",
              "说明", "备注", "1", "2025年", "没有", "预算", "决算", "部门预算", "（本级）", "\t")
    found = named = 0
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        if _DEPARTMENT_LINE.match(text.strip()):
            found += 1
            assert text.strip()[:1] in DEPARTMENT_LINE_OPENS, text
        if _names_in(text):
            named += 1
            assert "算" in text or text.lstrip()[:1] in NAMING_OPENS, text
    assert found > 100 and named > 100


def test_a_narrative_heading_holds_shuoming() -> None:
    from yusuan.rules.tables.completeness import NARRATIVE_HEADING

    rng = random.Random(18)
    pieces = ("情况", "预算", "决算", "编制", "总体", "说明", "说", "明", "：", ":", " ", "表", "x")
    found = 0
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        if NARRATIVE_HEADING.search(text):
            found += 1
            assert "说明" in text, text
    assert found > 500


def test_a_stray_character_is_looked_for_only_in_a_line_holding_its_marks() -> None:
    from yusuan.rules.document.stray import STRAY

    rng = random.Random(18)
    pieces = ("2026", "202", "19", "20", "1", "A", "a", "z", "·", "•", "・", " ", "年", "。", "？", "?",
              ".", "．", "x", "本局")
    found = 0
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        for _, _, held, marks, pattern in STRAY:
            if pattern.search(text):
                found += 1
                assert held in text and (marks is None or marks.search(text)), text
    assert found > 300
