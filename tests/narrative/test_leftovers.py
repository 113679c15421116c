"""NARRATIVE.LEFTOVER: what a template left to fill in or to choose, left as it was."""

from __future__ import annotations

from yusuan.model import Document, Fact, Source, Table, TableRow
from yusuan.readers.text import text_to_lines
from yusuan.rules.engine import run_rules

CLEAN = ("七、“三公”经费情况\n2026年本局“三公”经费预算12.30万元，比上年减少1.20万元，"
         "主要原因是，按照过紧日子要求压减公务接待。\n")


def found(text: str, figures: bool = True) -> list[str]:
    source = Source("t.txt", "text", "", text_to_lines(text))
    rows = [TableRow("合计", 40, values={"total": 12.3} if figures else {})]
    doc = Document(source, department="某局", year=2026, kind="部门预算", unit="万元",
                   tables=[Table("sangong", "“三公”经费支出表", (40, 40), rows=rows)])
    doc.facts = [Fact("sangong_total", 12.3, "万元", 2)] if "12.30万元" in text else []
    return [f.message for f in run_rules(doc, only=["NARRATIVE.LEFTOVER"])]


def test_a_filled_in_text_has_no_leftovers() -> None:
    assert found(CLEAN) == []


def test_each_kind_of_leftover_is_found_once() -> None:
    cases = [
        ("模板占位符未填写", CLEAN.replace("本局", "XX局")),
        ("增减方向未选定", CLEAN.replace("减少1.20", "增加（减少）1.20")),
        ("原因未填写", CLEAN.replace("主要原因是，按照过紧日子要求压减公务接待。", "主要原因是。")),
        ("编辑提示未删除", CLEAN.replace("七、“三公”经费情况", "七、“三公”经费情况（增加内容）")),
        ("标点重复", CLEAN.replace("公务接待。", "公务接待，。")),
        ("填写说明未删除", CLEAN.replace(
            "公务接待。", "公务接待（按“部门预算公开06表”中实际发生经济分类支出事项填写）。")),
        ("填写说明未删除", CLEAN.replace(  # the bracket opened on the line above
            "公务接待。", "公务接待（按“部门预算公开06\n表”中实际发生经济分类支出事项填写）。")),
        ("文字重复", CLEAN.replace("2026年本局", "本局预算包括：本局预算包括：2026年本局")),
        ("文字重复", CLEAN.replace("压减公务接待", "压减的的公务接待")),
        ("原因未填写", CLEAN.replace("主要原因是，按照过紧日子要求压减公务接待。",
                                "主要原因是\n其中：1.因公出国（境）费0万元。")),
    ]
    for what, text in cases:
        messages = found(text)
        assert len(messages) == 1 and messages[0].startswith(what), (what, messages)
    twice = CLEAN.replace("本局", "XX局") + CLEAN.replace("本局", "XX局")
    assert len(found(twice)) == 1
    assert found(CLEAN.replace("主要原因是，", "的确主要原因是，")) == []
    assert found(CLEAN.replace("主要原因是，", "主要原因是\n")) == []  # the reason on the next line


def test_a_blank_template_is_not_judged() -> None:
    template = CLEAN.replace("本局", "XX局").replace("12.30", "XX").replace("1.20", "XX")
    assert found(template, figures=False) == []
    # a narrative with its figures beside tables without any is a disclosure, judged
    assert len(found(CLEAN.replace("本局", "XX局"), figures=False)) == 1


INCOMES = ("（一）年度收入总体情况\n本年收入 1668.14 万元。具体情况如下：\n"
           "1.一般公共预算财政拨款收入 1668.14 万元，今年新成立，不存在上年一般公共预算财政拨款收入。\n"
           "2.政府性基金预算财政拨款收入 0 万元，今年新成立，不存在上年政府性基金预算财政拨款收入数。\n"
           "3.上级补助收入 0 万元，今年新成立，不存在上年上级补助收入数。\n")


def copied(text: str) -> list[str]:
    source = Source("t.txt", "text", "", text_to_lines(text))
    doc = Document(source, department="某局", year=2026, kind="部门决算", unit="万元")
    return [f.message for f in run_rules(doc, only=["NARRATIVE.COPIED_REASON"])]


def test_items_explained_in_their_own_words_pass() -> None:
    assert copied(INCOMES) == []


def test_an_item_explained_with_the_next_items_words_is_found() -> None:
    text = INCOMES.replace("不存在上年政府性基金预算财政拨款收入数", "不存在上年上级补助收入数")
    assert copied(text) == [("“政府性基金预算财政拨款收入”一项的说明照抄了“上级补助收入”一项："
                            "“今年新成立，不存在上年上级补助收入数”")]


def test_the_same_words_naming_no_item_pass() -> None:
    text = INCOMES.replace("今年新成立，不存在上年政府性基金预算财政拨款收入数", "与上年持平").replace(
        "今年新成立，不存在上年上级补助收入数", "与上年持平")
    assert copied(text) == []


def test_a_leftover_pattern_finds_nothing_in_a_line_without_what_it_needs() -> None:
    """Each pattern is tried only on the lines that hold one of its needed parts: on made-up
    lines of the characters the patterns look for, it finds nothing where none is held."""
    import random

    from yusuan.rules.narrative.leftovers import LEFTOVERS, NEEDED

    alphabet = ["X", "x", "×", ",", "xxx", "（", "）", "(", ")", "增加", "减少", "原因", "是", "为",
                "。", "；", ";", "：", "填写", "填列", "填报", "填", "写", "此处", "若无", "万元", "的",
                "，", "、", "收入预算", "项目支出", " ", "待补充", "增加内容"]
    rng = random.Random(18)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        for (_, _, pattern), needed in zip(LEFTOVERS, NEEDED, strict=True):
            if needed is not None and not any(part in text for part in needed):
                assert pattern.search(text) is None, (text, pattern.pattern)
