"""PROJECT.ITEM_AMOUNT: one project states one numbered expense with one amount."""

from __future__ import annotations

from yusuan.pipeline import document_from_text
from yusuan.rules import run_rules

HEAD = ("某市某局 2026 年部门预算\n项目支出绩效目标表\n"
        "单位名称\t项目名称\t年度资金总额（万元）\t年度绩效目标\t一级指标\t二级指标\t三级指标\t指标解释\t"
        "指标值\t权重\n")
CENTRE = ("某局\t接待中心运行费\t116.00\t1、分两次支付物业管理费。2、缴纳电费27万元。3、电梯维护保养。\t"
          "产出指标\t数量指标\t检查次数\t每月检查一次。\t>=12次\t40\n"
          "\t\t\t\t成本指标\t经济成本指标\t运行维护成本\t1、分两次支付物业管理费。2、缴纳电费27万元。"
          "3、电梯维护保养。\t<=116万元\t20\n")
# another project pays its own power bill: not the same expense
OFFICE = "\t驻京经费\t30.00\t1、缴纳电费5万元。\t产出指标\t数量指标\t人数\t人数\t<=18人\t40\n"


def _said(text: str) -> list[str]:
    return [f.message for f in run_rules(document_from_text(text, name="t.txt"),
                                         only=["PROJECT.ITEM_AMOUNT"])]


def test_one_amount_for_one_expense_passes() -> None:
    assert _said(HEAD + CENTRE + OFFICE) == []


def test_two_amounts_for_one_expense_are_found() -> None:
    changed = CENTRE[::-1].replace("72", "02", 1)[::-1]  # the second 27万元 becomes 20万元
    assert _said(HEAD + changed + OFFICE) == [
        "项目“接待中心运行费”的绩效目标表中“缴纳电费”一处写 27万元，一处写 20万元"]


def test_a_name_column_headed_with_a_blank_inside_is_read() -> None:
    changed = CENTRE[::-1].replace("72", "02", 1)[::-1]
    assert _said(HEAD.replace("\t项目名称\t", "\t项目 名称\t") + changed + OFFICE) == [
        "项目“接待中心运行费”的绩效目标表中“缴纳电费”一处写 27万元，一处写 20万元"]
    assert _said(HEAD.replace("\t项目名称\t", "\t项目\t") + changed + OFFICE) == []
