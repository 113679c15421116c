"""The narrative against its own figures: the comparison grids it prints between its
paragraphs (NARRATIVE.COMPARED), a 合计 after the parts it adds (NARRATIVE.PARTS), a count of
行政单位 against the 机构设置 that tags each unit (NARRATIVE.UNITS)."""

from __future__ import annotations

from tests.narrative.test_rules import doc, rules
from yusuan.model import Line
from yusuan.recognise.narrative.compared import WHOLE, compared_rows

SIDE = ("3.支出按经济科目分类的明细情况\n"
        "①工资福利支出（301）4182.68 万元，较上年减少 {wages} 万元，原因是绩效标准降低。\n"
        "②商品和服务支出（302）1768.13 万元，较上年增加 654.22 万元，原因是人员增加。\n"
        "经济分类科目\t2024 年\t2023 年\t2024 比 2023\t主要原因\n"
        "合计\t5950.81\t5630.05\t320.76\t\n"
        "(1)工资福利支出（301）\t4182.68\t4516.14\t-333.46\t绩效标准降低。\n"
        "人员增加，日常公用经费正常增加。\n"
        "(2)商品和服务支出（302）      1768.13   1113.91   654.22\n"
        "（四）政府性基金预算支出情况\n")


def test_a_change_that_agrees_with_the_grid_passes() -> None:
    assert rules(doc(SIDE.format(wages="333.46")), "NARRATIVE.COMPARED") == []


def test_a_change_two_cents_off_the_grid_is_found() -> None:
    found = rules(doc(SIDE.format(wages="333.48")), "NARRATIVE.COMPARED")
    assert len(found) == 1
    assert "4516.16" in found[0] and "4516.14" in found[0] and "-333.46" in found[0]


def test_a_grid_row_that_does_not_add_up_accuses_nothing() -> None:
    text = SIDE.format(wages="333.48").replace("-333.46\t绩效", "-333.50\t绩效")
    assert rules(doc(text), "NARRATIVE.COMPARED") == []


def test_the_row_set_apart_by_spaces_is_read() -> None:
    lines = [Line(i + 1, text) for i, text in enumerate(SIDE.format(wages="1").splitlines())]
    rows = {row.name: row for row in compared_rows(lines)}
    assert rows["(2)商品和服务支出（302）"].figures[WHOLE].earlier == (1113.91, 2)
    assert rows["(1)工资福利支出（301）"].figures[WHOLE].difference == (-333.46, 2)


BLOCK = ("2.支出按功能科目分类的明细情况\n"
         "功能科目\t年度\t合计\t基本支出\t\t项目支出\t\t主要原因\n"
         "\t\t\t人员经费\t公用经费\t业务经费\t专项资金\t\n"
         "机构运行\t2024\t327.45\t169.17\t20.28\t138\t0\t人员减少，人员经费较2023年度减少 "
         "{people} 万元；日常公用经费减少 2.40 万元；专项业务费减少 37.45 万元。\n"
         "\t2023\t443.16\t245.03\t22.68\t175.45\t0\t\n"
         "\t2024 比 2023\t-115.71\t-75.86\t-2.4\t-37.45\t0\t\n"
         "（四）政府性基金预算支出情况\n")


def test_a_column_change_the_reason_gives_right_passes() -> None:
    assert rules(doc(BLOCK.format(people="75.86")), "NARRATIVE.COMPARED") == []


def test_a_column_change_the_reason_gives_wrong_is_found() -> None:
    found = rules(doc(BLOCK.format(people="117.71")), "NARRATIVE.COMPARED")
    assert len(found) == 1 and "人员经费" in found[0] and "-75.86" in found[0]


def test_a_column_two_units_share_is_not_judged() -> None:
    text = BLOCK.format(people="50.00").replace(
        "日常公用经费减少", "创新院人员经费减少 25.86 万元；日常公用经费减少")
    assert rules(doc(text), "NARRATIVE.COMPARED") == []


TOTAL = ("二、收支预算总体情况\n预算收支增加主要原因说明：一是补足刚性支出缺口{about} 万元；"
         "支付历史合同结算尾款 4,980.53 万元；新增经费 2,461.86 万元，合计履职类项目预算增加 "
         "111,912.44 万元；二是污水处理服务费增加 178,309.00 万元。\n")


def test_parts_that_make_their_total_pass() -> None:
    assert rules(doc(TOTAL.format(about="104,470.05")), "NARRATIVE.PARTS") == []


def test_parts_that_miss_their_total_are_found() -> None:
    found = rules(doc(TOTAL.format(about="约 105,041.04")), "NARRATIVE.PARTS")
    assert len(found) == 1 and "112483.43" in found[0] and "不是估数" in found[0]


def test_a_rounded_estimate_leaves_the_total_unjudged() -> None:
    assert rules(doc(TOTAL.format(about="约 105,000")), "NARRATIVE.PARTS") == []


def test_a_change_among_the_parts_leaves_the_total_unjudged() -> None:
    text = TOTAL.format(about="105,041.04").replace("尾款 4,980.53", "尾款比上年减少 4,980.53")
    assert rules(doc(text), "NARRATIVE.PARTS") == []


UNITS = ("（二）机构设置情况\n从预算单位构成看，某市某局部门预算包括：某市某局本级预算（行政单位）、"
         "某市某局交通支队（行政单位）、某市某局巡警支队（行政单位）、某市考试服务中心（事业单位）预算。\n"
         "（十）其他重要事项的情况说明\n1.机关运行经费\n2024 年，本部门某市某局本级、某市某局交通支队"
         "等 {count} 家行政单位的机关运行经费财政拨款预算 46.12 万元，比上年预算数增加 4.16 万元。\n")


def test_as_many_administrative_units_as_listed_pass() -> None:
    assert rules(doc(UNITS.format(count=3)), "NARRATIVE.UNITS") == []


def test_more_administrative_units_than_listed_are_found() -> None:
    found = rules(doc(UNITS.format(count=4)), "NARRATIVE.UNITS")
    assert len(found) == 1 and "4 家行政单位" in found[0] and "只列 3 家" in found[0]


def test_a_count_that_takes_in_other_units_is_not_judged() -> None:
    text = UNITS.format(count=4).replace("家行政单位", "家行政单位（含参照公务员法管理的事业单位）")
    assert rules(doc(text), "NARRATIVE.UNITS") == []
