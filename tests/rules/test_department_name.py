"""NAME.DEPARTMENT: one name for the department on the cover, in titles and above the tables."""

from __future__ import annotations

import pytest

from yusuan.pipeline import document_from_text
from yusuan.recognise.meta import department_titles
from yusuan.rules import run_rules
from yusuan.rules.tables.department import mentions

DOC = ("某市某区规划和自然资源局2025年部门预算\n\n"
       "表1 部门收支总表\n部门：{first}\t单位：万元\n项目\t预算数\t项目\t预算数\n"
       "一般公共预算拨款收入\t10.00\t一般公共服务支出\t10.00\n\n"
       "表2 部门收入总表\n部门：{second}\t单位：万元\n")


def found(first: str, second: str) -> list:
    text = DOC.format(first=first, second=second)
    return run_rules(document_from_text(text), only=["NAME.DEPARTMENT"])


def test_one_name_throughout_passes() -> None:
    assert found("某市某区规划和自然资源局", "某市某区规划和自然资源局") == []


def test_a_unit_of_the_department_is_not_judged() -> None:
    assert found("某市某区规划和自然资源局", "某市某区不动产登记中心") == []


@pytest.mark.parametrize("variant, how", [
    ("某市规划和自然资源局", "漏了“某区”"),
    ("某市某区规划与自然资源局", "“和”写作“与”"),
])
def test_a_dropped_district_or_a_changed_joining_word_is_found(variant: str, how: str) -> None:
    findings = found("某市某区规划和自然资源局", variant)
    assert len(findings) == 1
    assert how in findings[0].message and f"有处写“{variant}”" in findings[0].message
    assert [loc.line for loc in findings[0].locations] == [9, 1]


def test_a_title_with_blanks_between_its_words_names_the_department() -> None:
    text = DOC.replace("2025年部门预算", "2025年部门 预 算").format(
        first="某市规划和自然资源局", second="某市规划和自然资源局")
    assert mentions(document_from_text(text)) == {"某市某区规划和自然资源局": [1],
                                                  "某市规划和自然资源局": [4, 9]}


def test_a_note_naming_the_department_without_its_last_word_is_found() -> None:
    text = DOC.format(first="某市某区规划和自然资源局", second="某市某区规划和自然资源局") + \
        "注：某市某区规划和自然资源没有政府性基金预算拨款安排的支出，故本表无数据。\n"
    findings = run_rules(document_from_text(text), only=["NAME.DEPARTMENT"])
    assert [f.message for f in findings] == [
        "部门名称不一致：有处写“某市某区规划和自然资源”，漏了末尾的“局”，文件其他处为“某市某区规划和自然资源局”"]
    assert findings[0].locations[0].line == 10


def test_a_title_printed_with_spaces_names_the_department_and_other_lines_do_not() -> None:
    titles = department_titles("北京市某某局 2026 年部门预 算")
    assert [match.group(1) for match in titles] == ["北京市某某局"]
    assert department_titles("北京市某某局2026年工作要点") == []
