"""Whole 部门决算 disclosures of our own, consistent to the 元 (tests/finalbuilder.py): two
departments, 万元 and 元, two table orders, three layouts, the 一般公共预算 table split into
基本/项目 or printing the 年初预算数 beside the 决算数. The rules must accuse them of nothing
(info at most); one defect put in must be found by the rule made for it, and only the rules
that defect concerns may speak."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

import pytest
from accusations import accusations, assert_found_by, said
from docbuilder import Budget, Misprint, culture_bureau, odd_yuan, scaled, with_own_income
from finalbuilder import (
    Final,
    culture_final,
    labour_final,
    render_final,
    selfeval_projects,
    with_gov_fund,
)

from yusuan.model import Document
from yusuan.pipeline import document_from_text
from yusuan.rules import run_rules

KINDS = {"summary", "income", "expenditure", "fiscal_summary", "general_budget_expenditure",
         "basic_expenditure", "sangong", "gov_fund", "soe_capital"}
FINALS: dict[str, Callable[..., Final]] = {"culture_wan": culture_final, "labour_yuan": labour_final}


def read(final: Final, layout: str = "tabbed", order: str = "standard") -> Document:
    return document_from_text(render_final(final, layout, order),
                              name=f"{final.budget.department}.txt")


def assert_read(document: Document, final: Final) -> None:
    """The tables are found and read to the figures the accounts hold."""
    b = final.budget
    assert {t.kind for t in document.tables} >= KINDS
    assert (document.year, document.unit, document.kind) == (b.year, b.money, "部门决算")
    scale = 10_000 if b.money == "万元" else 1
    general = document.table("general_budget_expenditure")
    assert general is not None
    assert [r.code for r in general.rows if r.code] == b.codes(general=True)
    total = general.total_row()
    assert total is not None
    spent = total.values.get("total", total.values.get("actual"))
    assert spent is not None and abs(spent * scale - b.general) <= scale / 200, total.values
    if final.general_columns == "execution":
        assert abs(total.values["budget"] * scale - final.initial_total) <= scale / 200
    basic = document.table("basic_expenditure")
    assert basic is not None
    sangong = document.table("sangong")
    assert sangong is not None and len([r for r in sangong.rows if r.values]) == 1
    facts = {f.concept for f in document.facts}
    assert {"sangong_total", "agency_operating_costs", "functional_item",
            "performance_coverage", "glossary_item"} <= facts
    executions = [f for f in document.facts if "execution_rate" in f.extra]
    # the whole 一般公共预算, every 项, the 三公 total and its two budgeted items, every
    # project's 绩效自评
    projects = len(selfeval_projects(final)) if final.selfeval else 0
    assert len(executions) == 1 + len(final.initial) + 3 + projects, \
        [f.extra.get("label") for f in executions]


def _once(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# ---------------------------------------------------------------- clean documents


@pytest.mark.parametrize("columns", ["split", "execution"])
@pytest.mark.parametrize("order", ["standard", "fiscal_first"])
@pytest.mark.parametrize("layout", ["tabbed", "pipe", "cell_per_line"])
@pytest.mark.parametrize("name", sorted(FINALS))
def test_consistent_final_accounts_are_accused_of_nothing(name: str, layout: str, order: str,
                                                          columns: str) -> None:
    final = FINALS[name](general_columns=columns)
    document = read(final, layout, order)
    assert_read(document, final)
    assert said(accusations(document)) == []


@pytest.mark.parametrize("name", sorted(FINALS))
def test_tables_without_line_numbers_are_accused_of_nothing(name: str) -> None:
    final = FINALS[name](numbered=False)
    document = read(final, "tabbed")
    assert_read(document, final)
    assert said(accusations(document)) == []


def _with(final: Final, change: Callable[[Budget], Budget]) -> Final:
    return dataclasses.replace(final, budget=change(final.budget))


VARIANTS: dict[str, tuple[Callable[[], Final], str]] = {
    # amounts to the 元 printed in 万元: every cell rounded on its own
    "rounded_cells": (lambda: _with(culture_final(), odd_yuan), "tabbed"),
    "rounded_cells_execution": (lambda: _with(culture_final(general_columns="execution"),
                                              odd_yuan), "cell_per_line"),
    # the 文化馆's 事业收入: 收入合计 ≠ 财政拨款
    "own_income": (lambda: _with(culture_final(), with_own_income), "tabbed"),
    "own_income_pipe": (lambda: _with(culture_final(general_columns="execution"),
                                      with_own_income), "pipe"),
    # bigger departments with thousands separators
    "thousands_wan": (lambda: _with(culture_final(), lambda b: scaled(
        dataclasses.replace(b, thousands=True), 37)), "tabbed"),
    "thousands_yuan": (lambda: _with(labour_final(), lambda b: scaled(
        dataclasses.replace(b, thousands=True), 11)), "pipe"),
    # a 县 department whose totals fell
    "county_decrease": (lambda: _with(culture_final(), lambda b: dataclasses.replace(
        b, department="某市某县文化和旅游局", short="某县文化和旅游局", level="县",
        prior_total=5_912_400, prior_agency=452_500)), "cell_per_line"),
    # tables in 元, the narrative in 万元
    "yuan_tables_wan_narrative": (lambda: _with(labour_final(), lambda b: dataclasses.replace(
        b, narrative_money="万元")), "tabbed"),
    # fixed-width text
    "aligned_wan": (culture_final, "aligned"),
    "aligned_yuan_execution": (lambda: labour_final(general_columns="execution"), "aligned"),
    # 财政拨款结转和结余 at both ends of the year: 收入 ≠ 支出, 总计 = 收入 + 年初 = 支出 + 年末
    "carried_wan": (lambda: culture_final(carried=(85_000, 126_000), carry_code="2070109"),
                    "tabbed"),
    "carried_wan_pipe": (lambda: culture_final(carried=(85_000, 126_000),
                                               carry_code="2070109"), "pipe"),
    # 彩票公益金 (政府性基金预算财政拨款) paying one project: one more 类, the 政府性基金 table filled
    "gov_fund": (lambda: with_gov_fund(culture_final()), "tabbed"),
    "gov_fund_carried_pipe": (lambda: with_gov_fund(culture_final(
        carried=(85_000, 126_000), carry_code="2070109", general_columns="execution")), "pipe"),
    "gov_fund_cells": (lambda: with_gov_fund(culture_final()), "cell_per_line"),
    # the 部门整体 自评表 lists its tasks with 总额 | 财政拨款 | 其他资金 (西安)
    "dept_tasks": (lambda: _with(culture_final(dept_tasks=True), with_own_income), "tabbed"),
    "dept_tasks_pipe": (lambda: labour_final(dept_tasks=True), "pipe"),
    "carried_yuan_falling": (lambda: labour_final(carried=(210_000, 152_340),
                                                  carry_code="2080106",
                                                  general_columns="execution"), "cell_per_line"),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_a_consistent_final_variant_is_accused_of_nothing(name: str) -> None:
    make, layout = VARIANTS[name]
    final = make()
    document = read(final, layout)
    assert_read(document, final)
    assert said(accusations(document)) == []


# ---------------------------------------------------------------- one defect each


def _culture(**changes: object) -> str:
    return render_final(culture_final(**changes))


def _labour(**changes: object) -> str:
    return render_final(labour_final(**changes))


ITEM = "年初预算为248.00万元，支出决算为257.49万元，完成年初预算的103.83%"
SANGONG_CELLS = "1.80\t5.10\t0.00\t3.60"

SME_KINDS = ("授予小微企业合同金额15.00万元。货物采购授予中小企业合同金额占货物支出金额的0%，"
             "服务采购授予中小企业合同金额占服务支出金额的{}%。")
SELF_EVAL = "本部门在2024年度部门决算中反映5个项目的绩效自评结果。"


ONE_PROJECT = "组织对本部门2024年度主管的全域旅游宣传推介经费1个项目进行自评，涉及预算金额{}万元。"


def test_one_projects_budget_stated_as_its_form_prints_it_is_quiet() -> None:
    text = _once(_culture(), SELF_EVAL, SELF_EVAL + ONE_PROJECT.format("15.00"))
    assert not accusations(document_from_text(text, name="culture.txt"))


def test_sme_shares_by_kind_and_one_self_evaluation_count_are_quiet() -> None:
    text = _once(_once(_culture(), "授予小微企业合同金额15.00万元。", SME_KINDS.format("100")),
                 SELF_EVAL, SELF_EVAL + SELF_EVAL)
    assert not accusations(document_from_text(text, name="culture.txt"))


DEFECTS: dict[str, tuple[Callable[[], str], set[str], set[str]]] = {
    # the document as printed: a label typed in another order, a stray question mark
    "table_label_form": (lambda: _once(re.sub(r"(?m)^表(\d+) ", r"公开\1表 ", _culture()),
                                       "公开7表 ", "公开表7 "), {"TABLE.LABEL_FORM"}, set()),
    "stray_question_mark": (lambda: _once(_culture(), "指导群众文化活动。", "指导群众文化活动。？"),
                            {"TEXT.STRAY"}, set()),
    "row_number_out_of_sequence": (lambda: _once(_culture(), "二、外交支出\t29\t", "二、外交支出\t39\t"),
                                   {"TABLE.ROW_NUMBER"}, set()),
    # name: (text with one defect, rules that must fire, other rules allowed to fire)
    # the 部门整体 自评表's 金额合计 counts 10.00 of 其他资金 as 财政拨款 (西安卫健委)
    "dept_tasks_fiscal_spent": (lambda: _once(render_final(_with(
        culture_final(dept_tasks=True), with_own_income)), "571.90\t557.00\t14.90",
        "571.90\t567.00\t4.90"), {"PROJECT.SELF_SPENT"}, set()),
    # the reason owns up to a wrong 科目 that the tables still carry (西安卫健委)
    "wrong_code_admitted": (lambda: _once(
        _culture(), "支出决算为18.00万元，完成年初预算的90.00%。决算数小于年初预算数的主要原因是厉行节约，压减一般性支出。",
        "支出决算为18.00万元，完成年初预算的90.00%。决算数小于年初预算数的主要原因是该功能科目使用错误，"
        "实际应使用文化旅游体育与传媒支出（类）文化和旅游（款）群众文化（项）。"),
        {"NARRATIVE.WRONG_CODE_KEPT"}, set()),
    "execution_rate": (lambda: _once(_culture(), ITEM, ITEM.replace("103.83%", "108.83%")),
                       {"NARRATIVE.EXECUTION"}, set()),
    "execution_rate_whole": (lambda: _once(
        _culture(), "完成年初预算的102.34%", "完成年初预算的112.34%"), {"NARRATIVE.EXECUTION"}, set()),
    # the 决算 figure is wrong and the rate was computed from it: one finding, NARRATIVE.TABLE
    "actual_not_table": (lambda: _once(_culture(), ITEM, "年初预算为248.00万元，支出决算为"
                                                         "275.49万元，完成年初预算的111.08%"),
                         {"NARRATIVE.TABLE"}, set()),
    "actual_not_table_yuan": (lambda: _once(_labour(), "支出决算为4022879元", "支出决算为4022979元"),
                              {"NARRATIVE.TABLE"}, set()),
    # the narrative's 年初预算 (and the rate it gives) against the table's 年初预算数
    "budget_not_table": (lambda: _once(_culture(general_columns="execution"), ITEM,
                                       "年初预算为250.00万元，支出决算为257.49万元，完成年初预算的"
                                       "103.00%"), {"NARRATIVE.TABLE"}, set()),
    "shares_not_100": (lambda: _once(_culture(), "占83.80%", "占85.80%"), {"NARRATIVE.SHARE"},
                       set()),
    "basic_share": (lambda: _once(_culture(), "占本年支出83.73%", "占本年支出85.73%"),
                    {"NARRATIVE.SHARE"}, set()),
    "growth_rate": (lambda: _once(_culture(), "增长4.85%", "增长5.85%"), {"NARRATIVE.RATE"},
                    set()),
    # '增长100%' for a figure that was nothing the year before: no rate follows
    "rate_of_100_from_nothing": (lambda: _once(_culture(), "增加1.61万元，增长4.00%",
                                               "增加41.86万元，增长100%"), {"NARRATIVE.RATE"},
                                 set()),
    # the 决算数 group's 合计 is wrong; the narrative agrees with the items: one finding
    "sangong_actual_total": (lambda: _once(_culture(), SANGONG_CELLS, "1.80\t5.30\t0.00\t3.60"),
                             {"SANGONG.TOTAL"}, set()),
    "sangong_execution": (lambda: _once(_culture(), "完成预算的87.93%", "完成预算的97.93%"),
                          {"NARRATIVE.EXECUTION"}, set()),
    "class_not_sum_of_kuan": (lambda: _culture(misprints=[
        Misprint("general", "207", "小计", "468.79")]), {"CROSS.CODE"}, set()),
    "city_glossary_in_district": (lambda: _once(_culture(), "指区级财政", "指市级财政"),
                                  {"NARRATIVE.DEFINITION"}, set()),
    "earlier_asset_date": (lambda: _once(_culture(), "截至2024年12月31日", "截至2023年12月31日"),
                           {"NARRATIVE.YEAR"}, set()),
    "earlier_base_year": (lambda: _once(_culture(), "与2023年度相比，收、支总计",
                                        "与2022年度相比，收、支总计"), {"NARRATIVE.YEAR"}, set()),
    "sangong_budget_not_table": (lambda: _once(
        _culture(), "公务接待费支出预算为1.80万元，支出决算为1.50万元，完成预算的83.33%",
        "公务接待费支出预算为2.00万元，支出决算为1.50万元，完成预算的75.00%"), {"NARRATIVE.TABLE"},
        set()),
    # the 年初预算数 beside the 决算数: the 决算 合计 is the column under 决算数
    "whole_actual_execution_columns": (lambda: _once(
        _culture(general_columns="execution"), "支出决算为557.00万元，完成年初预算的102.34%",
        "支出决算为575.00万元，完成年初预算的105.65%"), {"NARRATIVE.TABLE"}, set()),
    "kuan_not_sum_execution_columns": (lambda: _culture(general_columns="execution", misprints=[
        Misprint("general", "20701", "合计", "468.79")]), {"CROSS.CODE"}, set()),
    "own_income_share": (lambda: _once(render_final(_with(culture_final(), with_own_income)),
                                       "占本年收入2.61%", "占本年收入3.61%"), {"NARRATIVE.SHARE"}, set()),
    "basic_narrative_yuan": (lambda: _once(_labour(), "公用经费604317元", "公用经费640317元"),
                             {"NARRATIVE.TABLE"}, set()),
    # 绩效自评: the 部门整体 form's 执行数 is not the year's spending (rate and score computed from it)
    "dept_selfeval_spent": (lambda: _once(_culture(), DEPT_FUNDS,
                                          "544.25\t562.00\t552.00\t10\t98.22%\t9.82"),
                            {"PROJECT.SELF_SPENT"}, set()),
    # a project form's 执行数 is not the 决算 the narrative gives (rate computed from it)
    "project_selfeval_spent": (lambda: _once(_culture(), PROJECT_FUNDS,
                                             "18.00\t18.00\t16.00\t10\t88.89%\t8.89"),
                               {"PROJECT.SELF_SPENT"}, set()),
    "project_selfeval_rate": (lambda: _once(_culture(), "32.00\t30.00\t10\t93.75%",
                                            "32.00\t30.00\t10\t95.75%"), {"PROJECT.SELF_RATE"},
                              set()),
    "project_narrative_rate": (lambda: _once(_culture(), "执行数为30.00万元，完成预算的93.75%",
                                             "执行数为30.00万元，完成预算的95.75%"),
                               {"NARRATIVE.EXECUTION"}, set()),
    "narrative_indicator_not_on_form": (lambda: _once(
        _culture(), "一是开展活动场次≥12场。二是服务对象满意度≥90%。\n\n2. 文化市场",
        "一是开展活动场次≥12场。二是群众投诉办结率≥90%。\n\n2. 文化市场"),
        {"PROJECT.NARRATIVE_INDICATOR"}, set()),
    "summary_row_title": (lambda: _once(_culture(), "2\t加强非遗保护传承，赓续历史文脉。",
                                        "2\t做好疫情防控常态化工作。"),
                          {"NARRATIVE.SUMMARY_TITLE"}, set()),
    # 结转和结余 that do not add up to the 总计
    "carried_end": (lambda: _once(_carried(), "年末结转和结余\t52\t12.60", "年末结转和结余\t52\t14.60"),
                    {"SUMMARY.EXPENDITURE_TOTAL"}, set()),
    "carried_fiscal_begin": (lambda: _once(_carried(), "年初财政拨款结转和结余\t24\t8.50",
                                           "年初财政拨款结转和结余\t24\t6.50"),
                             {"SUMMARY.INCOME_TOTAL"}, set()),
    "carried_fiscal_end": (lambda: _once(_carried(), "年末财政拨款结转和结余\t52\t12.60\t12.60",
                                         "年末财政拨款结转和结余\t52\t14.60\t14.60"),
                           {"SUMMARY.EXPENDITURE_TOTAL"}, set()),
    # the 总计 printed as if nothing were carried (the narrative gives the right one)
    "carried_left_out": (lambda: _once(_carried(), "总计\t27\t569.60\t总计\t54\t569.60",
                                       "总计\t27\t561.10\t总计\t54\t561.10"),
                         {"SUMMARY.EXPENDITURE_TOTAL", "NARRATIVE.TABLE"}, set()),
    # a 三公 rate and share stated without the figure they are of: the table's 预算数, 决算数 合计
    "sangong_rate_without_budget": (lambda: _once(_culture(), RECEPTION, RECEPTION_BARE.format(
        "完成预算的93.33%")), {"NARRATIVE.SANGONG"}, set()),
    "sangong_share_of_table_total": (lambda: _once(_culture(), RECEPTION, RECEPTION_BARE.format(
        "占39.41%")), {"NARRATIVE.SANGONG"}, set()),
    # the 人员经费 list names 伙食补助费, a row the 基本支出表 prints without money
    "personnel_item_without_money": (lambda: _once(_once(
        _culture(), "30103\t奖金\t24.73\t30206\t电费\t5.20\n",
        "30103\t奖金\t24.73\t30206\t电费\t5.20\n30106\t伙食补助费\t\t\t\t\n"),
        "主要包括：基本工资、津贴补贴、奖金、", "主要包括：基本工资、津贴补贴、奖金、伙食补助费、"),
        {"NARRATIVE.PERSONNEL_ITEMS"}, set()),
    # one code on two rows of the 基本支出表, the second with the next code's name
    "code_twice_in_a_table": (lambda: _once(_culture(), "30207\t邮电费", "30206\t邮电费"),
                              {"CODE.OFFICIAL"}, set()),
    # a slip in the 人员经费 list: 资金 where 30103 奖金 stands
    "econ_name_slip": (lambda: _once(_culture(), "津贴补贴、奖金、绩效工资", "津贴补贴、资金、绩效工资"),
                       {"NARRATIVE.ECON_NAME"}, set()),
    # the 中小企业 contract amount larger than the 政府采购 total it is part of
    "procurement_sme_above_total": (lambda: _once(
        _culture(), "授予中小企业合同金额30.00万元", "授予中小企业合同金额40.00万元"),
        {"NARRATIVE.PROCUREMENT_PART"}, set()),
    "gov_fund_item_not_sum": (lambda: _once(
        render_final(with_gov_fund(culture_final())),
        "2296003\t用于体育事业的彩票公益金支出\t\t26.00\t26.00\t\t26.00",
        "2296003\t用于体育事业的彩票公益金支出\t\t26.00\t24.00\t\t24.00"), {"TOTAL.ROLLUP"}, set()),
    # the narrative against its own numbers
    "sme_by_kind": (lambda: _once(_culture(), "授予小微企业合同金额15.00万元。", SME_KINDS.format("50")),
                    {"NARRATIVE.PROCUREMENT_PART"}, set()),
    "self_eval_count": (lambda: _once(_culture(), SELF_EVAL, SELF_EVAL + SELF_EVAL.replace("5个", "6个")),
                        {"NARRATIVE.SELF_EVAL_COUNT"}, set()),
    # one project's budget the narrative states: its 执行数 given as the 涉及预算金额 (西安卫健委)
    "stated_budget_is_the_spending": (lambda: _once(_culture(), SELF_EVAL, SELF_EVAL + ONE_PROJECT.format(
        "12.00")), {"PROJECT.STATED_BUDGET"}, set()),
    "count_above_its_whole": (lambda: _once(_culture(), "共有车辆2辆，其中：一般公务用车1辆",
                                            "共有车辆2辆，其中：一般公务用车3辆"),
                              {"NARRATIVE.COUNT_PART"}, set()),
    # the narrative against the grids and lists it prints itself
    "change_off_its_own_grid": (lambda: _once(_own(), "较上年增加1.23万元", "较上年增加1.25万元"),
                                {"NARRATIVE.COMPARED"}, set()),
    "column_change_off_its_block": (lambda: _once(_own(), "人员经费较2023年度增加6.66万元",
                                                  "人员经费较2023年度增加8.66万元"),
                                    {"NARRATIVE.COMPARED"}, set()),
    "total_after_its_parts": (lambda: _once(_own(), "合计基本支出466.35万元", "合计基本支出468.35万元"),
                              {"NARRATIVE.PARTS"}, {"NARRATIVE.TABLE"}),
    "more_admin_units_than_listed": (lambda: _once(_own(), "等1家行政单位", "等2家行政单位"),
                                     {"NARRATIVE.UNITS"}, set()),
}


def _own() -> str:
    """The 决算 whose narrative prints a tagged unit list, a 合计 after its parts and two grids."""
    return render_final(culture_final(budget=culture_bureau(year=2024, own_figures=True)))


def test_the_narratives_own_grids_and_lists_are_quiet_when_right() -> None:
    assert said(accusations(document_from_text(_own()))) == []


RECEPTION = "公务接待费支出预算为1.80万元，支出决算为1.50万元，完成预算的83.33%"
RECEPTION_BARE = "公务接待费支出决算为1.50万元，{}"


def test_a_personnel_row_without_money_that_the_list_does_not_name_is_accused_of_nothing() -> None:
    assert_found_by(_once(_culture(), "30103\t奖金\t24.73\t30206\t电费\t5.20\n",
                          "30103\t奖金\t24.73\t30206\t电费\t5.20\n30106\t伙食补助费\t\t\t\t\n"),
                    set(), set())


@pytest.mark.parametrize("said_of", ["完成预算的83.33%", "占29.41%"])
def test_a_sangong_rate_or_share_the_table_gives_is_accused_of_nothing(said_of: str) -> None:
    assert_found_by(_once(_culture(), RECEPTION, RECEPTION_BARE.format(said_of)), set(), set())


def _carried() -> str:
    return render_final(culture_final(carried=(85_000, 126_000), carry_code="2070109"))


DEPT_FUNDS = "544.25\t562.00\t557.00\t10\t99.11%\t9.91"
PROJECT_FUNDS = "18.00\t18.00\t18.00\t10\t100.00%\t10"


@pytest.mark.parametrize("name", sorted(DEFECTS))
def test_one_defect_in_final_accounts_is_found_by_its_rule(name: str) -> None:
    make, expected, allowed = DEFECTS[name]
    assert_found_by(make(), expected, allowed)


def test_one_line_for_several_items_of_a_kuan_is_accused_of_nothing() -> None:
    """'行政单位医疗、事业单位医疗、公务员医疗补助（项）。年初预算为…' for the three 项 together."""
    text = render_final(culture_final())
    for line in [x for x in text.split("\n") if "行政事业单位医疗（款）" in x and "年初预算为" in x]:
        text = text.replace(line + "\n\n", "", 1)
    text = _once(text, "11. 住房保障支出", (
        "8. 卫生健康支出（类）行政事业单位医疗（款）行政单位医疗、事业单位医疗、公务员医疗补助（项）。"
        "年初预算为21.75万元，支出决算为22.31万元，完成年初预算的102.57%。决算数大于年初预算数的"
        "主要原因是年中追加人员经费。\n\n9. 住房保障支出"))
    assert said(accusations(document_from_text(text))) == []
    wrong = text.replace("完成年初预算的102.57%", "完成年初预算的112.57%")
    assert {f.rule for f in accusations(document_from_text(wrong))} == {"NARRATIVE.EXECUTION"}


def test_a_purpose_naming_a_kuan_the_tables_lack_is_noted() -> None:
    """'卫生健康（类）支出…主要用于行政事业单位医疗、医疗救助' while no table carries 21013
    医疗救助: NARRATIVE.USES, an info, and nothing at warning or error."""
    text = _once(_culture(), "主要用于行政事业单位医疗。", "主要用于行政事业单位医疗、医疗救助。")
    document = document_from_text(text)
    assert said(accusations(document)) == []
    uses = [f for f in run_rules(document) if f.rule == "NARRATIVE.USES"]
    assert [(f.severity, f.values["code"]) for f in uses] == [("info", "21013")]


@pytest.mark.parametrize("layout", ["pipe", "cell_per_line"])
def test_a_wrong_self_evaluation_rate_is_found_in_other_layouts(layout: str) -> None:
    text = render_final(culture_final(), layout)
    rate = {"pipe": "32.00 | 30.00 | 10 | 93.75%", "cell_per_line": "\t30.00\n\t10\n\t93.75%"}
    text = _once(text, rate[layout], rate[layout].replace("93.75%", "95.75%"))
    assert "PROJECT.SELF_RATE" in {f.rule for f in accusations(document_from_text(text))}


def test_a_wrong_gov_fund_spending_in_the_narrative_is_found() -> None:
    text = _once(render_final(with_gov_fund(culture_final())), "收入26.00万元，支出26.00万元",
                 "收入26.00万元，支出28.00万元")
    assert "NARRATIVE.TABLE" in {f.rule for f in accusations(document_from_text(text))}


@pytest.mark.parametrize(("old", "slipped", "wrong", "rule_id"), [
    ("增长4.85%", "增长4.86%", "增长4.88%", "NARRATIVE.RATE"),
    ("完成年初预算的103.83%", "完成年初预算的103.84%", "完成年初预算的103.86%", "NARRATIVE.EXECUTION"),
    ("占本年支出83.73%", "占本年支出83.74%", "占本年支出83.76%", "NARRATIVE.SHARE"),
])
def test_a_rate_whose_last_digit_slipped_by_one_is_info(old: str, slipped: str, wrong: str,
                                                         rule_id: str) -> None:
    """66.69% written for 66.681%: one unit in the last of two decimals is rounding-level (info);
    three units are not."""
    text = _culture()
    found = run_rules(document_from_text(_once(text, old, slipped)))
    assert [f.severity for f in found if f.rule == rule_id] == ["info"]
    assert rule_id in {f.rule for f in accusations(document_from_text(_once(text, old, wrong)))}


def test_a_slip_and_a_rate_within_rounding_are_told_apart() -> None:
    """The words say which: a rate the printed amounts allow is 在舍入范围内; one only a slip of
    its last digit explains is 末位相差一个单位."""
    def said_of(rate: str) -> list[str]:
        text = _once(_culture(), "增长4.85%", rate)
        return [f.message for f in run_rules(document_from_text(text)) if f.rule == "NARRATIVE.RATE"]

    assert all("末位相差一个单位" in m for m in said_of("增长4.86%"))
    assert said_of("增长4.86%")
