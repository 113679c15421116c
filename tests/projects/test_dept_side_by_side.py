"""A 部门整体预算绩效目标申报表 whose 预算整体情况 block prints two label | amount blocks side by
side (广州: 基本支出 | 12,634.14 | 财政拨款 | 98,880.78), published alone: each label keeps its own
amount, and the form states the document's 基本支出 and 项目支出."""

from __future__ import annotations

from yusuan.pipeline import document_from_text

LINES = [
    "部门整体预算绩效目标申报表",
    "部门名称\t某某局\t\t\t",
    "预算整体情况\t部门预算支出\t预算金额（万元）\t收入来源\t预算金额（万元）",
    "\t基本支出\t12,634.14\t财政拨款\t98,880.78",
    "\t项目支出\t86,246.64\t其他资金\t0.00",
    "总体绩效目标\t推进数字政府建设。\t\t\t",
]
FORM = "\n".join(LINES)


def test_side_by_side_labels_keep_their_own_amounts() -> None:
    doc = document_from_text(FORM)
    [form] = doc.forms
    assert {label: amounts["current"].value for label, amounts in form.funding.items()} == {
        "基本支出": 12634.14, "财政拨款": 98880.78, "项目支出": 86246.64, "其他资金": 0.0}


def test_the_form_alone_states_basic_and_project_expenditure() -> None:
    doc = document_from_text(FORM)
    assert doc.headline["basic_expenditure"]["value"] == 12634.14
    assert doc.headline["project_expenditure"]["value"] == 86246.64
    assert doc.headline["project_expenditure"]["source"] == "form"
    assert doc.unit == "万元"  # its headings: 预算金额（万元）
