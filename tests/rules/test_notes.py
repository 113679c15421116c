"""NOTE.CONTENT: "本表无数据" under a table with money, and "本部门没有…政府性基金…" or "无“三公”
经费" said beside a table of that money."""

from __future__ import annotations

from docbuilder import culture_bureau, render

from yusuan.pipeline import document_from_text
from yusuan.rules import run_rules

HEAD = "科目编码\t科目名称\t本年政府性基金预算支出\t\t\n\t\t合计\t基本支出\t项目支出\n\n"
NOTE = "注：本部门2025年没有使用政府性基金"
MONEY = "\t合计\t12.00\t\t12.00\n2296002\t用于社会福利的彩票公益金支出\t12.00\t\t12.00\n\n"


def _found(text: str) -> list:
    return run_rules(document_from_text(text), only=["NOTE.CONTENT"])


def test_an_empty_table_with_its_note_passes() -> None:
    text = render(culture_bureau())
    assert HEAD + NOTE in text
    assert _found(text) == []


def test_a_note_of_no_data_under_a_table_with_money_is_found_with_the_narrative_saying_so() -> None:
    text = render(culture_bureau()).replace(HEAD + NOTE, HEAD + MONEY + NOTE, 1)
    found = _found(text)
    assert len(found) == 1
    assert found[0].message.startswith("文中等处写“故本表无数据”")
    assert "故本表无数据" in found[0].message and "政府性基金预算支出表“合计”印有 12.00" in found[0].message
    lines = text.splitlines()
    cited = [lines[loc.line - 1] for loc in found[0].locations]
    assert "故本表无数据" in cited[0]
    assert cited[1] == "本部门2025年没有使用政府性基金预算拨款安排的支出。"
    assert cited[2].startswith("\t合计\t12.00")


def test_a_note_above_the_figures_is_not_taken_for_theirs() -> None:
    note = NOTE + "预算拨款安排的支出，故本表无数据。"
    text = render(culture_bureau()).replace(HEAD + note, HEAD + "注：本表无数据。\n" + MONEY, 1)
    text = text.replace("本部门2025年没有使用政府性基金预算拨款安排的支出。", "本部门安排政府性基金支出。")
    assert _found(text) == []


def test_no_sangong_said_beside_a_sangong_table_with_money() -> None:
    text = render(culture_bureau())
    said = "本部门2025年无“三公”经费。"
    assert _found(text + "\n" + said) != []
    assert _found(text + "\n本部门“三公”经费中无因公出国（境）费。") == []


SOE_NOTE = "注：本部门2025年没有使用国有资本经营预算拨款安排的支出，故本表无数据。"


def test_each_empty_fund_table_with_a_note_of_its_own_fund_passes() -> None:
    text = render(culture_bureau())
    assert SOE_NOTE in text
    assert run_rules(document_from_text(text), only=["NOTE.SUBJECT"]) == []


def test_a_note_copied_from_the_other_fund_table_is_found() -> None:
    text = render(culture_bureau()).replace(SOE_NOTE, SOE_NOTE.replace("国有资本经营", "政府性基金"))
    found = run_rules(document_from_text(text), only=["NOTE.SUBJECT"])
    assert [f.message for f in found] == [(
        "国有资本经营预算支出表的注写“注：本部门2025年没有使用政府性基金预算拨款安排的支出，故本表无数据。”，"
        "说的是政府性基金，不是国有资本经营")]


# NOTE.AGREES: a table's explanation that says its figure is a named row of another table
THIS = "本表反映部门年度一般公共预算支出预算安排情况。"
AGREES = THIS + "支出安排数与《财政拨款收支总表》的“一般公共预算拨款”支出数一致。"


def _said(sentence: str) -> str:
    text = render(culture_bureau())
    heading = "三、支出预算安排情况"
    assert heading in text
    return text.replace(heading, f"{heading}\n\n{sentence}\n", 1)


def _agrees(text: str) -> list:
    return run_rules(document_from_text(text), only=["NOTE.AGREES"])


def test_a_table_said_to_agree_with_a_row_that_prints_its_figure_passes() -> None:
    assert _agrees(_said(AGREES)) == []


def test_a_table_said_to_agree_with_a_row_that_prints_another_figure() -> None:
    text = _said(THIS + "支出安排数与《一般公共预算基本支出表》的“工资福利支出”支出数一致。")
    found = _agrees(text)
    assert len(found) == 1 and found[0].severity == "warning"
    assert "一般公共预算支出表合计 557，" in found[0].message
    assert "“工资福利支出”为 408.9，" in found[0].message
    lines = text.splitlines()
    cited = [lines[loc.line - 1] for loc in found[0].locations]
    assert "《一般公共预算基本支出表》" in cited[0]
    assert cited[1].startswith("\t合计\t557.00") and "工资福利支出\t408.90" in cited[2]


def test_a_row_or_table_the_document_does_not_print_is_not_compared() -> None:
    assert _agrees(_said(THIS + "支出安排数与《一般公共预算基本支出表》的“某某支出”一致。")) == []
    assert _agrees(_said(THIS + "支出安排数与《某某表》的“工资福利支出”一致。")) == []
