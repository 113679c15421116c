"""Whole disclosures of our own, consistent to the 元 (tests/docbuilder.py): other departments,
万元 and 元, other table orders and layouts, other narrative styles. The rules must accuse them
of nothing (info at most); one defect put in must be found by the rule made for it, and only
the rules that defect concerns may speak."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

import pytest
from accusations import accusations, assert_found_by, said
from docbuilder import (
    Budget,
    Misprint,
    Sangong,
    culture_bureau,
    labour_bureau,
    odd_yuan,
    render,
    scaled,
    urban_bureau,
    with_own_income,
)

from yusuan.model import Document
from yusuan.pipeline import document_from_text
from yusuan.rules import run_rules

KINDS = {"summary", "income", "expenditure", "fiscal_summary", "general_budget_expenditure",
         "basic_expenditure", "sangong", "gov_fund", "soe_capital", "project_expenditure"}
SANGONG_KEYS = ("outbound", "vehicle", "vehicle_purchase", "vehicle_operation", "reception")
BUDGETS: dict[str, Callable[[], Budget]] = {"culture_wan": culture_bureau,
                                            "labour_yuan": labour_bureau,
                                            "urban_gov_fund": urban_bureau}


def read(budget: Budget, layout: str = "tabbed", order: str = "standard") -> Document:
    return document_from_text(render(budget, layout, order), name=f"{budget.department}.txt")


def assert_read(document: Document, budget: Budget) -> None:
    """The tables are found and read to the figures the budget holds."""
    assert {t.kind for t in document.tables} >= KINDS
    assert (document.year, document.unit, document.kind) == (budget.year, budget.money, "部门预算")
    general = document.table("general_budget_expenditure")
    assert general is not None
    assert [r.code for r in general.rows if r.code] == budget.codes(general=True)
    total = general.total_row()
    scale = 10_000 if budget.money == "万元" else 1
    assert total is not None and abs(total.values["total"] * scale - budget.general) <= scale / 200
    basic = document.table("basic_expenditure")
    assert basic is not None and {r.code for r in basic.rows if r.code and len(r.code) == 5} \
        == {e.code for e in budget.economic}
    gov_fund = document.table("gov_fund")
    assert gov_fund is not None and [r.code for r in gov_fund.rows if r.code] == \
        budget.codes(scope="gov")
    sangong = document.table("sangong")
    assert sangong is not None and len([r for r in sangong.rows if r.values]) == 1
    values = sangong.rows[-1].values
    assert all(abs(values[key] * scale - getattr(budget.sangong, key)) <= scale / 200
               for key in SANGONG_KEYS), values
    if budget.forms:
        forms = [f for f in document.forms if getattr(f, "details", None)]
        assert [f.name for f in forms] == [p.name for p in budget.projects]
        assert all(len(f.details) == 2 and len(f.indicators) >= 5 for f in forms)
    facts = {f.concept for f in document.facts}
    assert {"sangong_total", "agency_operating_costs", "functional_item",
            "performance_coverage", "glossary_item"} <= facts


def _once(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# ---------------------------------------------------------------- clean documents


@pytest.mark.parametrize("order", ["standard", "fiscal_first"])
@pytest.mark.parametrize("layout", ["tabbed", "pipe", "cell_per_line"])
@pytest.mark.parametrize("name", sorted(BUDGETS))
def test_a_consistent_document_is_accused_of_nothing(name: str, layout: str, order: str) -> None:
    budget = BUDGETS[name]()
    document = read(budget, layout, order)
    assert_read(document, budget)
    assert said(accusations(document)) == []


MEETINGS = (20_000, 30_000, 25_000, 41_000)  # 会议费, 培训费: last year's, this year's
VARIANTS: dict[str, tuple[Callable[[], Budget], str]] = {
    # the compact narrative style: each total followed by its parts with amounts
    "compact_style_wan": (lambda: culture_bureau(style="B"), "cell_per_line"),
    "compact_style_yuan": (lambda: labour_bureau(style="B"), "pipe"),
    # the 文化馆's 事业收入 pays part of the projects: department ≠ 一般公共预算 figures
    "own_income": (lambda: with_own_income(culture_bureau()), "tabbed"),
    "own_income_compact": (lambda: with_own_income(culture_bureau(style="B")), "cell_per_line"),
    # amounts to the 元 printed in 万元: every cell rounded on its own
    "rounded_cells": (lambda: odd_yuan(culture_bureau()), "tabbed"),
    "rounded_cells_compact": (lambda: odd_yuan(culture_bureau(style="B")), "pipe"),
    # a bigger department: 20,609.00 万元, 1,234,567 元
    "thousands_wan": (lambda: scaled(culture_bureau(thousands=True), 37), "tabbed"),
    "thousands_yuan": (lambda: scaled(labour_bureau(thousands=True), 11), "cell_per_line"),
    # tables in 元, the whole narrative in 万元 (or the other way round)
    "yuan_tables_wan_narrative": (lambda: labour_bureau(narrative_money="万元"), "tabbed"),
    "wan_tables_yuan_narrative": (lambda: culture_bureau(narrative_money="元"), "tabbed"),
    # a 县 department, totals that fell, a 项 new this year and one that ended last year
    "county_decrease": (lambda: culture_bureau(
        department="某市某县文化和旅游局", short="某县文化和旅游局", level="县",
        prior_total=5_912_400, prior_agency=452_500), "pipe"),
    "new_and_ended_items": (lambda: dataclasses.replace(
        culture_bureau(), prior_items={**culture_bureau().prior_items, "2070113": 0},
        dropped_items={"2070199": 80_000},
        names={**culture_bureau().names, "2070199": "其他文化和旅游支出"}), "tabbed"),
    # the 收支总表 lists only the 类 used; the 一般公共预算支出表 prints no 人员/公用 split
    "short_tables": (lambda: culture_bureau(all_classes=False, split_basic=False), "tabbed"),
    # codes in 类 | 款 | 项 columns
    "split_codes_full": (lambda: culture_bureau(split_codes="full"), "tabbed"),
    "split_codes_sparse": (lambda: labour_bureau(split_codes="sparse"), "cell_per_line"),
    "split_codes_sparse_pipe": (lambda: culture_bureau(split_codes="sparse"), "pipe"),
    # the 三公 table prints last year's budget beside this year's
    "sangong_prior_group": (lambda: culture_bureau(
        sangong_groups=("上年预算数", "本年预算数")), "tabbed"),
    "sangong_prior_group_short": (lambda: labour_bureau(
        sangong_groups=("上年预算", "本年预算")), "cell_per_line"),
    "sangong_year_groups": (lambda: culture_bureau(
        sangong_groups=("{prior}年预算数", "{year}年预算数")), "pipe"),
    # the 三公 table with 会议费 and 培训费: 上年, 本年 and 增减 blocks (西安)
    "sangong_meetings": (lambda: culture_bureau(meetings=MEETINGS), "tabbed"),
    "sangong_meetings_cells": (lambda: labour_bureau(meetings=MEETINGS), "cell_per_line"),
    "sangong_meetings_pipe": (lambda: culture_bureau(meetings=MEETINGS), "pipe"),
    # the 部门整体 form's funding block as 福建 prints it: 资金总额, 项目支出, 基本支出, 其他资金
    "dept_form_total": (lambda: culture_bureau(forms=True, dept_form=True,
                                               dept_funding="total"), "tabbed"),
    "dept_form_total_cells": (lambda: labour_bureau(forms=True, dept_form=True,
                                                    dept_funding="total"), "cell_per_line"),
    "dept_form_headed": (lambda: culture_bureau(forms=True, dept_form=True,
                                                dept_funding="headed"), "tabbed"),
    "dept_form_headed_pipe": (lambda: with_own_income(culture_bureau(
        forms=True, dept_form=True, dept_funding="headed")), "pipe"),
    # the 项目支出绩效目标表 as one list (湖南)
    "project_list": (lambda: culture_bureau(project_list=True), "tabbed"),
    "project_list_pipe": (lambda: labour_bureau(project_list=True), "pipe"),
    # a 项目支出情况表 numbered 一、二 and 1、2 (湖南's 绩效自评 report)
    "project_use": (lambda: culture_bureau(project_use=True), "tabbed"),
    "project_use_pipe": (lambda: culture_bureau(project_use=True), "pipe"),
    # a 项目支出绩效目标表 for every project
    "forms_wan": (lambda: culture_bureau(forms=True), "tabbed"),
    "forms_wan_cells": (lambda: with_own_income(culture_bureau(forms=True)), "cell_per_line"),
    "forms_yuan": (lambda: labour_bureau(forms=True), "tabbed"),
    "forms_yuan_cells": (lambda: labour_bureau(forms=True, style="B"), "cell_per_line"),
    "forms_wan_pipe": (lambda: culture_bureau(forms=True), "pipe"),
    "forms_yuan_narrative_wan": (lambda: labour_bureau(forms=True, narrative_money="万元"),
                                 "tabbed"),
    "forms_yuan_narrative_wan_compact": (lambda: labour_bureau(
        forms=True, narrative_money="万元", style="B"), "cell_per_line"),
    # the 部门整体支出绩效目标表 as well
    "dept_form_wan": (lambda: culture_bureau(forms=True, dept_form=True), "tabbed"),
    "dept_form_wan_pipe": (lambda: culture_bureau(forms=True, dept_form=True), "pipe"),
    "dept_form_yuan_cells": (lambda: labour_bureau(forms=True, dept_form=True), "cell_per_line"),
    "dept_form_own_income": (lambda: with_own_income(culture_bureau(
        forms=True, dept_form=True, style="B")), "tabbed"),
    "dept_form_yuan_narrative_wan": (lambda: labour_bureau(
        forms=True, dept_form=True, narrative_money="万元"), "pipe"),
    # the 部门整体 form's 年度主要任务 with their 预算金额 in 万元, one the 基本支出 (西安)
    "dept_form_tasks": (lambda: culture_bureau(forms=True, dept_form=True,
                                               dept_funding="tasks"), "tabbed"),
    "dept_form_tasks_yuan_pipe": (lambda: labour_bureau(forms=True, dept_form=True,
                                                        dept_funding="tasks"), "pipe"),
    # 政府性基金预算拨款 beside 一般公共预算: 财政拨款 is both
    "gov_fund_compact": (lambda: urban_bureau(style="B"), "pipe"),
    "gov_fund_forms": (lambda: urban_bureau(forms=True, dept_form=True), "tabbed"),
    "gov_fund_forms_compact": (lambda: urban_bureau(forms=True, dept_form=True, style="B"),
                               "cell_per_line"),
    "forms_priors_rounded": (lambda: odd_yuan(culture_bureau(forms=True, projects=[
        dataclasses.replace(p, prior=p.amount - 20_000) for p in culture_bureau().projects])),
        "tabbed"),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_a_consistent_variant_is_accused_of_nothing(name: str) -> None:
    build, layout = VARIANTS[name]
    budget = build()
    document = read(budget, layout, "fiscal_first" if "compact" in name else "standard")
    assert_read(document, budget)
    assert said(accusations(document)) == []


@pytest.mark.parametrize("layout", ["tabbed", "cell_per_line"])
def test_table_titles_with_department_and_year_read_the_same(layout: str) -> None:
    budget = culture_bureau()
    text = render(budget, layout)
    for number in range(1, 11):
        text = text.replace(f"表{number} ", f"表{number} {budget.department}{budget.year}年", 1)
    document = document_from_text(text)
    assert_read(document, budget)
    assert said(accusations(document)) == []


def _round_percentages(text: str, places: int) -> str:
    from decimal import ROUND_HALF_UP, Decimal

    def rounded(match: re.Match[str]) -> str:
        value = Decimal(match.group(1)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
        return f"{value}%"
    return re.sub(r"(\d+\.\d\d)%", rounded, text)


WORDINGS: dict[str, Callable[[str], str]] = {
    # the list names the department's own unit as its 机关, or by the department's name
    "own_unit_as_jiguan": lambda t: _once(t, "1. 某区文化和旅游局本级", "1. 某区文化和旅游局机关"),
    "own_unit_as_department": lambda t: _once(t, "1. 某区文化和旅游局本级", "1. 某区文化和旅游局"),
    # a project carried out under a plan for 2024-2026
    "multi_year_plan": lambda t: t.replace(
        "主要用于开展区域旅游形象宣传和节会推介活动",
        "主要用于落实《某区2024年至2026年全域旅游发展行动方案》，开展区域旅游形象宣传和节会推介活动"),
    "compared_with_last_year": lambda t: t.replace("比2024年预算", "比上年").replace(
        "与2024年预算持平", "与上年持平"),
    "percentages_one_decimal": lambda t: _round_percentages(t, 1),
    "percentages_whole": lambda t: _round_percentages(t, 0),
    "year_with_du": lambda t: t.replace("2025年", "2025年度"),
    # 江苏: a table's explanation says its figure is a named row of another table, rightly
    "table_said_to_agree": lambda t: _once(t, "三、支出预算安排情况\n", AGREES_SAID.format(
        "财政拨款收支总表", "一般公共预算拨款")),
    "zeros_with_decimals": lambda t: t.replace("费0万元", "费0.00万元"),
    # the rate named by its amplitude ('增幅 4.85%', '降幅 7.27%')
    "rates_as_amplitudes": lambda t: re.sub(r"，(增长|下降)(\d)", lambda m: "，" + {
        "增长": "增幅", "下降": "降幅"}[m.group(1)] + m.group(2), t),
    # the 财政拨款 total (all of it 一般公共预算) stated with the change the 一般公共预算 has
    "fiscal_total_with_its_change": lambda t: _once(t, FISCAL_TOTAL, FISCAL_TOTAL[:-1] + "，比2024年预算增加25.76万元。"),
    # one line for several 项 of a 款
    "several_items_one_line": lambda t: _once(t, SEVERAL_AT, SEVERAL_AT + SEVERAL.format("22.31")),
}
AGREES_SAID = ("三、支出预算安排情况\n\n本表反映部门年度一般公共预算支出预算安排情况。支出安排数与"
               "《{}》的“{}”支出数一致。\n")
FISCAL_TOTAL = "2025年财政拨款收支总预算557.00万元。"
SEVERAL_AT = "（三）一般公共预算拨款具体使用情况\n"
SEVERAL = ("\n卫生健康支出（类）行政事业单位医疗（款）行政单位医疗、事业单位医疗、公务员医疗补助（项）"
           "2025年预算数合计{}万元。\n")


@pytest.mark.parametrize("name", sorted(WORDINGS))
def test_ordinary_wording_is_accused_of_nothing(name: str) -> None:
    document = document_from_text(WORDINGS[name](render(culture_bureau())))
    assert said(accusations(document)) == []


# ---------------------------------------------------------------- known false accusations


def test_last_years_figure_stated_beside_this_years_is_accused_of_nothing() -> None:
    text = _once(_culture_text(), "2025年预算数257.49万元，比2024年预算增加7.66万元",
                 "2025年预算数257.49万元，2024年预算数249.83万元，比2024年预算增加7.66万元")
    assert said(accusations(document_from_text(text))) == []


def test_sangong_partly_paid_by_projects_is_no_inconsistency() -> None:
    budget = dataclasses.replace(
        culture_bureau(), sangong=Sangong(vehicle_operation=36_000, reception=23_000),
        sangong_in_projects=Sangong(reception=8_000))
    assert said(accusations(read(budget))) == []


def test_a_cumulative_long_term_target_is_no_inconsistency() -> None:
    budget = culture_bureau(forms=True)
    budget.projects = [dataclasses.replace(p, long_target=3 * p.output[1])
                       for p in budget.projects]
    assert said(accusations(read(budget))) == []


@pytest.mark.parametrize("order", ["standard", "fiscal_first"])
@pytest.mark.parametrize("name", sorted(BUDGETS))
def test_space_aligned_columns_are_accused_of_nothing(name: str, order: str) -> None:
    """Fixed-width text: two-sided rows with only their right half printed, and 收入总表
    columns no row fills."""
    budget = BUDGETS[name]()
    document = read(budget, "aligned", order)
    assert_read(document, budget)
    income = document.table("income")
    assert income is not None and all(
        abs(r.values.get("general_budget", 0) + r.values.get("gov_fund", 0) - r.values["total"])
        < 0.001 for r in income.rows)
    assert said(accusations(document)) == []


# ---------------------------------------------------------------- one defect each


def _culture_text(**changes: object) -> str:
    return render(culture_bureau(**changes))


def _without_table(text: str, title: str) -> str:
    """The document with a table of contents naming every table, and one table left out."""
    lines = text.splitlines()
    titles = [line for line in lines if re.match(r"^表\d+ ", line)]
    start = lines.index(title)
    end = next(i for i in range(start + 1, len(lines)) if re.match(r"^表\d+ ", lines[i]))
    return "\n".join(["目录", *titles, *lines[:start], *lines[end:]])


def _with_contents(text: str, *, swap: tuple[int, int] | None = None,
                   empty: int | None = None, retitle: tuple[str, str] = ("", "")) -> str:
    """The document with a 目录 listing its tables with leader dots and pages (two of them
    swapped), then the list of tables with 是否空表 (one table with figures marked empty)."""
    titles = [line for line in text.splitlines() if re.match(r"^表\d+ ", line)]
    listed = [f"{title}……{page}" for page, title in enumerate(titles, start=3)]
    if swap:
        first, second = swap
        listed[first - 1], listed[second - 1] = listed[second - 1], listed[first - 1]
    rows = ["表号\t报表名称\t是否空表\t公开空表理由"]
    for title in titles:
        label, name = title.split(" ", 1)
        name = name.replace(*retitle) if retitle[0] else name
        number = int(label[1:])
        rows.append(f"{label}\t{name}\t是\t本部门无此项支出" if number == empty
                    else f"{label}\t{name}\t否\t")
    return "\n".join(["目录", *listed, "", *rows, "", text])


def _without_line(text: str, word: str) -> str:
    lines = text.splitlines()
    return "\n".join(line for line in lines if word not in line) + "\n"


@pytest.mark.parametrize("layout", ["tabbed", "pipe", "cell_per_line"])
def test_a_basic_table_of_detail_lines_is_accused_of_nothing(layout: str) -> None:
    """北京 06表: 政府经济分类 | 部门经济分类 | 合计 | 人员经费 | 公用经费, one line per 款."""
    document = read(labour_bureau(flat_basic=True) if layout == "cell_per_line"
                    else culture_bureau(flat_basic=True), layout)
    basic = document.table("basic_expenditure")
    assert basic is not None and basic.rows[0].code == "50101" and not basic.rows[-1].code
    assert said(accusations(document)) == []


def _project_counted_more() -> str:
    """全域旅游宣传推介经费 13.00 in the 项目支出表 (its unit, department and 合计 lines with it),
    12.00 in the 支出总表 (湖州: a project counting the 经营支出 the 支出总表 keeps apart)."""
    text = _culture_text()
    for old, new in (("\t\t90.65\t90.65\t", "\t\t91.65\t91.65\t"),
                     ("某区文化和旅游局\t\t90.65\t90.65", "某区文化和旅游局\t\t91.65\t91.65"),
                     ("某区文化和旅游局本级\t\t42.65\t42.65", "某区文化和旅游局本级\t\t43.65\t43.65"),
                     ("全域旅游宣传推介经费\t某区文化和旅游局本级\t12.00\t12.00",
                      "全域旅游宣传推介经费\t某区文化和旅游局本级\t13.00\t13.00")):
        text = _once(text, old, new)
    return text


def _econ_pair_broken() -> str:
    """30113 住房公积金 1,000 元 above 2210201, 30101 1,000 元 below: 301 still adds up."""
    budget = culture_bureau()
    moved = {"30113": 1_000, "30101": -1_000}
    economic = [dataclasses.replace(e, personnel=e.personnel + moved.get(e.code, 0))
                for e in budget.economic]
    return render(dataclasses.replace(budget, economic=economic), check=False)


def _form_block_twice() -> str:
    """The first form's goals and long-term indicators printed again inside the second form."""
    text = _culture_text(forms=True)
    start = text.index("长期绩效目标\t持续保障")
    block = text[start:text.index("年度绩效目标表", start)]
    second = text.index("年度绩效目标\t", text.index("长期绩效目标\t持续开展文化、旅游市场"))
    at = text.index("\n", second) + 1
    return text[:at] + block + text[at:]


NAMED_ITEM = "文化和旅游（款）行政运行（项）2025年预算数257.49万元"
RATED_ITEM = "2025年预算数18.00万元，比2024年预算增加3.00万元，增长20.00%"
NEW_ITEM = "2025年预算数18.00万元，比2024年预算增加18.00万元，增长100%"
REPEATED_ITEM = ("2. 文化旅游体育与传媒支出（类）文化和旅游（款）一般行政管理事务（项）：反映行政单位（包括实行"
                 "公务员管理的事业单位）未单独设置项级科目的其他项目支出。")
DEFECTS: dict[str, tuple[Callable[[], str], set[str], set[str]]] = {
    # name: (text with one defect, rules that must fire, other rules allowed to fire)
    "narrative_amount": (lambda: _once(_culture_text(), "公用经费57.09万元，主要用于",
                                       "公用经费59.09万元，主要用于"),
                         {"NARRATIVE.TABLE"}, set()),
    "growth_rate": (lambda: _once(_culture_text(), "增长4.85%", "增长5.85%"),
                    {"NARRATIVE.RATE"}, set()),
    # one code on two rows of the 基本支出表, the second with the next code's name
    "code_twice_in_a_table": (lambda: _once(_culture_text(), "30207\t邮电费", "30206\t邮电费"),
                              {"CODE.OFFICIAL"}, set()),
    # a slip in the 人员经费 list: 资金 where 30103 奖金 stands
    "econ_name_slip": (lambda: _once(_culture_text(), "津贴补贴、奖金、绩效工资", "津贴补贴、资金、绩效工资"),
                       {"NARRATIVE.ECON_NAME"}, set()),
    # last year's figure stated beside this year's: the change is their difference
    "change_against_stated_prior": (lambda: _once(
        _culture_text(), "2025年预算数257.49万元，比2024年预算增加7.66万元",
        "2025年预算数257.49万元，2024年预算数249.83万元，比2024年预算增加7.96万元"),
        {"NARRATIVE.CHANGE"}, {"NARRATIVE.RATE"}),
    # template leftovers: a choice left open, an empty reason, a placeholder
    "direction_left_open": (lambda: _once(_culture_text(), "比2024年预算增加25.76万元",
                                          "比2024年预算增加（减少）25.76万元"),
                            {"NARRATIVE.LEFTOVER"}, set()),
    "empty_reason": (lambda: re.sub(r"主要原因是[^。]*。", "主要原因是。", _culture_text(), count=1),
                     {"NARRATIVE.LEFTOVER"}, set()),
    "placeholder": (lambda: _once(_culture_text(), "公用经费57.09万元，主要用于",
                                  "公用经费57.09万元，主要用于XX"),
                    {"NARRATIVE.LEFTOVER"}, set()),
    "shares_not_100": (lambda: _once(_culture_text(), "占16.27%", "占18.27%"),
                       {"NARRATIVE.SHARE"}, set()),
    "kuan_not_sum_of_items": (lambda: _culture_text(misprints=[
        Misprint("general", "20701", "合计", "468.79")]), {"CROSS.CODE"}, set()),
    # one cause, one finding: CROSS.CODE names the ROW.TOTAL and TOTAL.ROLLUP it breaks
    "item_not_basic_plus_project": (lambda: _culture_text(misprints=[
        Misprint("expenditure", "2070109", "合计", "150.65")]), {"CROSS.CODE"},
        {"ROW.TOTAL", "TOTAL.ROLLUP"}),
    "economic_vs_functional": (_econ_pair_broken, {"FUNC_ECON.PAIRS"}, set()),
    # 住房公积金 entered in the 公用经费 column (its 款 and 类 still say 人员经费)
    "contribution_as_public": (lambda: _once(_culture_text(), "2210201\t住房公积金\t29.10\t29.10\t29.10\t\t",
                                             "2210201\t住房公积金\t29.10\t29.10\t\t29.10\t"),
                               {"FUNC_ECON.CONTRIBUTION_AS_PUBLIC"}, {"TOTAL.ROLLUP"}),
    # one cause, one finding: the narrative agrees with the items, the table's 合计 is wrong
    "sangong_total": (lambda: _culture_text(misprints=[
        Misprint("sangong", "5.10", "“三公”经费合计", "5.30")]), {"SANGONG.TOTAL"}, set()),
    "city_glossary_in_district": (lambda: _once(_culture_text(), "指区级财政", "指市级财政"),
                                  {"NARRATIVE.DEFINITION"}, set()),
    "earlier_base_year": (lambda: _once(_culture_text(), "比2024年预算增加2.00万元",
                                        "比2023年预算增加2.00万元"), {"NARRATIVE.YEAR"}, set()),
    "earlier_asset_date": (lambda: _once(_culture_text(), "截至2024年12月31日",
                                         "截至2023年12月31日"), {"NARRATIVE.YEAR"}, set()),
    "unit_word": (lambda: _once(_culture_text(), "因公出国（境）费0万元", "因公出国（境）费0元"),
                  {"NARRATIVE.UNIT"}, set()),
    "unit_not_sum_of_units": (lambda: _culture_text(misprints=[
        Misprint("income", "402002", column, "196.32") for column in ("合计", "小计", "一般公共预算")
    ]), {"UNIT.ROLLUP"}, set()),
    "wrong_amount_in_yuan_narrative": (lambda: _once(
        render(labour_bureau(narrative_money="万元")), "公用经费60.43万元", "公用经费62.43万元"),
        {"NARRATIVE.TABLE"}, set()),
    # this year's 合计 of a 三公 table that prints last year's beside it
    "sangong_total_beside_last_year": (lambda: _once(
        _culture_text(sangong_groups=("{prior}年预算数", "{year}年预算数")),
        "1.50\t5.10\t0.00", "1.50\t5.30\t0.00"), {"SANGONG.TOTAL"}, set()),
    # last year's 合计 of the 三公, 会议费 and 培训费 table leaves the 会议费 and 培训费 out
    # (its 增减 printed from it): 合计 ≠ 小计 + 会议费 + 培训费
    "sangong_meetings_left_out": (lambda: _once(_once(
        _culture_text(meetings=MEETINGS), "10.50\t5.50\t0.00", "5.50\t5.50\t0.00"),
        "4.10\t1.20\t-0.40", "4.10\t6.20\t-0.40"), {"SANGONG.MEETING_TRAINING"}, set()),
    # 会议费 and 培训费 stated beside the 三公 against the 上年 | 本年 | 增减 table
    "meeting_rate_against_table": (lambda: _once(
        _culture_text(meetings=MEETINGS), "增长25.00%；培训费", "增长25.20%；培训费"),
        {"NARRATIVE.SANGONG"}, {"NARRATIVE.RATE"}),
    "training_change_against_table": (lambda: _once(
        _culture_text(meetings=MEETINGS), "增加1.10万元", "增加1.20万元"),
        {"NARRATIVE.SANGONG"}, {"NARRATIVE.RATE"}),
    # 4.11 万元 for 41000 元: neither rounded nor cut
    "training_above_yuan_table": (lambda: _once(
        render(labour_bureau(meetings=MEETINGS, narrative_money="万元")), "培训费预算4.10万元",
        "培训费预算4.11万元"), {"NARRATIVE.TABLE"}, set()),
    "several_items_wrong_sum": (lambda: _once(_culture_text(), SEVERAL_AT,
                                              SEVERAL_AT + SEVERAL.format("24.31")),
                                {"NARRATIVE.ITEMS"}, set()),
    # forms printed in 元
    "form_change_text_yuan": (lambda: _once(render(labour_bureau(forms=True)),
                                            "2024年预算258000元", "2024年预算285000元"),
                              {"PROJECT.CHANGE_TEXT"}, set()),
    "form_quantity_price_yuan": (lambda: _once(render(labour_bureau(forms=True)),
                                               "10场×15400元/场=154000元", "10场×16400元/场=154000元"),
                                 {"PROJECT.QTY_PRICE"}, set()),
    # the line's own basis (10场×10800元) disagrees too: one figure, one finding naming both
    "form_details_sum_wan": (lambda: _once(_culture_text(forms=True), "委托业务费\t10.80",
                                           "委托业务费\t11.80"),
                             {"PROJECT.DETAIL_SUM"}, set()),
    # the 部门整体支出绩效目标表
    "dept_form_special": (lambda: _once(_culture_text(forms=True, dept_form=True),
                                        "特定目标类项目支出\t90.65", "特定目标类项目支出\t92.65"),
                          {"PROJECT.DEPT_SPECIAL"}, set()),
    "dept_form_last_year": (lambda: _once(_culture_text(forms=True, dept_form=True),
                                          "合计\t557.00\t100%\t478.11\t531.24",
                                          "合计\t557.00\t100%\t478.11\t535.24"),
                            {"NARRATIVE.PRIOR_YEAR"}, {"PROJECT.DEPT_FUNDING"}),
    # 资金总额 above the 支出总表's 合计 (福建's form: the year's carry-over counted twice)
    "dept_form_total_above_tables": (lambda: _once(_culture_text(
        forms=True, dept_form=True, dept_funding="total"), "资金总额\t557.00", "资金总额\t567.00"),
        {"PROJECT.DEPT_FUNDING"}, set()),
    # a 基本支出表 of detail lines only (北京 06表) with one line left off above its 合计
    "flat_basic_line_left_off": (lambda: _without_line(render(culture_bureau(flat_basic=True)),
                                                       "30102-津贴补贴"), {"TOTAL.DETAIL"}, set()),
    "flat_basic_line_left_off_pipe": (lambda: _without_line(render(
        culture_bureau(flat_basic=True), "pipe"), "30102-津贴补贴"), {"TOTAL.DETAIL"}, set()),
    # 江苏 (人大办公厅): the explanation names a row of another table that prints another figure
    "table_said_to_agree_wrong_row": (lambda: _once(
        _culture_text(), "三、支出预算安排情况\n", AGREES_SAID.format("一般公共预算基本支出表",
                                                              "工资福利支出")),
        {"NOTE.AGREES"}, set()),
    # 西安: the 基本履职 task above the 基本支出 (its 金额合计 moved with it), or the tasks
    # above their 金额合计; in 万元 against tables in 万元 or in 元
    "dept_task_basic": (lambda: _once(_once(_culture_text(
        forms=True, dept_form=True, dept_funding="tasks"), "基本支出。\t466.35\t466.35",
        "基本支出。\t566.35\t566.35"), "金额合计\t\t557.00\t557.00", "金额合计\t\t657.00\t657.00"),
        {"PROJECT.DEPT_TASKS"}, set()),
    "dept_task_basic_yuan": (lambda: _once(_once(render(labour_bureau(
        forms=True, dept_form=True, dept_funding="tasks")), "基本支出。\t524.94\t524.94",
        "基本支出。\t624.94\t624.94"), "金额合计\t\t674.39\t674.39", "金额合计\t\t774.39\t774.39"),
        {"PROJECT.DEPT_TASKS"}, set()),
    "dept_task_sum": (lambda: _once(_culture_text(forms=True, dept_form=True,
                                                  dept_funding="tasks"),
                                    "金额合计\t\t557.00\t557.00", "金额合计\t\t567.00\t557.00"),
                      {"PROJECT.DEPT_TASKS"}, set()),
    # 北京 13表: 预算支出总额 is the 支出总计, the year-end carry-forward counted as spending
    "dept_form_headed_total_above_tables": (lambda: _once(_culture_text(
        forms=True, dept_form=True, dept_funding="headed"), "\t\t557.00\t557.00",
        "\t\t567.00\t557.00"), {"PROJECT.DEPT_FUNDING"}, set()),
    # the list's 合计 above the sum of its projects (长沙市公安局)
    "project_list_total": (lambda: _once(_culture_text(project_list=True), "合计\t\t90.65",
                                         "合计\t\t91.65"), {"PROJECT.LIST_TOTAL"}, set()),
    # its 合计 of 预算到位 above the groups (湖南国资委: 13,237 vs 13,027)
    "numbered_total": (lambda: _once(_culture_text(project_use=True), "合计\t90.65\t90.65",
                                     "合计\t90.65\t91.65"), {"ROW.NUMBERED"}, set()),
    "numbered_group_pipe": (lambda: _once(render(culture_bureau(project_use=True), "pipe"),
                                          "| 某区文化馆 | 48.00 | 48.00 |",
                                          "| 某区文化馆 | 48.00 | 47.00 |"),
                            {"ROW.NUMBERED"}, set()),
    # the 项目支出表 adds up but totals more than the 支出总表's 项目支出 (湖州交通)
    "project_table_above_spending": (_project_counted_more, {"CROSS.PROJECTS"},
                                     {"NARRATIVE.TABLE"}),
    # the 收入总表 counts 0.11 more 一般公共预算 than the 财政拨款收支总表 holds (珠海: the
    # carry-over put in the 一般公共预算 column)
    "fiscal_above_fiscal_summary": (lambda: _once(
        _culture_text(), "\t合计\t557.00\t557.00\t557.00", "\t合计\t557.11\t557.11\t557.11"),
        {"CROSS.FISCAL_CAP"}, {"SUMMARY.AGREES"}),
    # the 收支总表's 收入总计 printed with no amount (上海市审计局)
    "blank_income_grand_total": (lambda: _once(_culture_text(), "收入总计\t557.00\t支出总计",
                                               "收入总计\t\t支出总计"),
                                 {"SUMMARY.BLANK_GRAND"}, set()),
    # the 政府性基金预算支出表's 类 line against the 财政拨款收支总表
    "gov_fund_class": (lambda: render(urban_bureau(misprints=[
        Misprint("gov_fund", "212", "合计", "330.00")])), {"SUMMARY.AGREES"}, {"TOTAL.ROLLUP"}),
    # a narrative that lists its projects in 元
    "project_list_yuan": (lambda: _once(render(labour_bureau(forms=True)),
                                        "劳动保障监察执法经费258000元", "劳动保障监察执法经费268000元"),
                          {"PROJECT.FORM_BUDGET", "NARRATIVE.TABLE"}, set()),
    "performance_total_yuan": (lambda: _once(render(labour_bureau(forms=True)),
                                             "涉及一般公共预算拨款1494480元",
                                             "涉及一般公共预算拨款1495480元"),
                               {"PROJECT.FORMS_TOTAL"}, set()),
    "missing_table": (lambda: _without_table(_culture_text(), "表8 政府性基金预算支出表"),
                      {"MISSING.TABLE"}, set()),
    # the document as printed: a label typed in another order, stray characters, a 决算 heading
    "table_label_form": (lambda: _once(re.sub(r"(?m)^表(\d+) ", r"预算\1表 ", _culture_text()),
                                       "预算8表 ", "预算表8 "), {"TABLE.LABEL_FORM"}, set()),
    "stray_question_mark": (lambda: _once(_culture_text(), "交办的其他任务。", "交办的其他任务。？"),
                            {"TEXT.STRAY"}, set()),
    "stray_letter_in_year": (lambda: _once(_culture_text(), "纳入某市某区文化和旅游局2025年",
                                           "纳入某市某区文化和旅游局2025A 年"), {"TEXT.STRAY"}, set()),
    "final_accounts_heading": (lambda: _once(_culture_text(), "二、部门机构设置",
                                             "二、部门决算单位构成"), {"TEXT.KIND_WORD"}, set()),
    "note_of_the_other_fund": (lambda: _once(_culture_text(), "没有使用国有资本经营预算拨款安排的支出",
                                             "没有使用政府性基金预算拨款安排的支出"),
                               {"NOTE.SUBJECT"}, set()),
    "item_printed_twice": (lambda: _once(_culture_text(), REPEATED_ITEM, REPEATED_ITEM * 2),
                           {"TEXT.REPEATED"}, set()),
    "form_block_printed_twice": (_form_block_twice, {"TABLE.PRINTED_TWICE"}, set()),
    "contents_in_another_order": (lambda: _with_contents(_culture_text(), swap=(7, 8)),
                                  {"TOC.ORDER"}, set()),
    "contents_mark_a_table_with_figures_empty": (lambda: _with_contents(_culture_text(), empty=7),
                                                 {"TOC.EMPTY"}, set()),
    "sangong_item_misnamed": (lambda: _once(_culture_text(), "2. 公务用车购置及运行维护费3.60万元",
                                            "2. 公务车购置及运行维护费3.60万元"),
                              {"NAME.SANGONG"}, set()),
    "narrative_code_not_the_tables": (lambda: _once(
        _culture_text(), NAMED_ITEM, NAMED_ITEM.replace("（项）", "（项）（2070201）")),
        {"NARRATIVE.CODE"}, set()),
    "project_named_with_a_joining_word": (lambda: _once(
        _culture_text(forms=True, dept_form=True), "\t公共文化惠民演出活动经费\t特定目标类项目",
        "\t公共文化惠民演出和活动经费\t特定目标类项目"), {"NAME.ROW_VARIANT"}, set()),
    "contents_title_not_the_pages": (lambda: _with_contents(
        _culture_text(), retitle=("政府性基金预算支出表", "政府性基金预算收支表")), {"TOC.TITLE"}, set()),
    "past_year_goal": (lambda: _once(_culture_text(forms=True), "2025年完成开展活动场次12场以上",
                                     "2024年按照计划开展活动场次12场以上"),
                       {"PROJECT.PAST_YEAR"}, set()),
    # the narrative against its own numbers
    "fiscal_grand_total": (lambda: _once(_culture_text(), "2025年财政拨款收支总预算557.00万元",
                                         "2025年财政拨款收支总预算559.00万元"),
                           {"NARRATIVE.TABLE"}, {"NARRATIVE.PARTS"}),
    "rate_in_brackets": (lambda: _once(_culture_text(), "比2024年预算增加2.00万元，增长12.50%",
                                       "比2024年预算增加2.00万元（14.50%）"),
                         {"NARRATIVE.RATE"}, set()),
    "rate_as_amplitude": (lambda: _once(_culture_text(), "比2024年预算增加2.00万元，增长12.50%",
                                        "比2024年预算增加2.00万元，增幅1.25%"),
                          {"NARRATIVE.RATE"}, set()),
    # one total stated twice with two changes (江苏省检察院: 一般公共预算 +3,959.28, 财政拨款 +3,958.98)
    "one_total_two_changes": (lambda: _once(_culture_text(), FISCAL_TOTAL,
                                            FISCAL_TOTAL[:-1] + "，比2024年预算增加25.46万元。"),
                              {"NARRATIVE.CHANGE"}, set()),
    "rate_from_nothing": (lambda: _once(_culture_text(), "比2024年预算增加3.00万元，增长20.00%",
                                        "比2024年预算增加18.00万元，增长0%"),
                          {"NARRATIVE.RATE"}, {"NARRATIVE.PRIOR_YEAR", "NARRATIVE.ITEMS"}),
    # '增长100%' for an item with nothing last year (烟台市财政局 因公出国（境）费 13万元)
    "rate_of_100_from_nothing": (lambda: _once(_culture_text(), RATED_ITEM, NEW_ITEM),
                                 {"NARRATIVE.RATE"}, {"NARRATIVE.PRIOR_YEAR", "NARRATIVE.ITEMS"}),
    "reason_the_other_way": (lambda: _once(_culture_text(), "比2024年预算减少0.40万元，下降7.27%，主要原因是",
                                           "比2024年预算减少0.40万元，增加的主要原因是"),
                             {"NARRATIVE.DIRECTION"}, set()),
    # the glossary writes a 款 of the tables as a 项, or a 项 under a 款 the tables do not print
    "glossary_kuan_as_item": (lambda: _once(
        _culture_text(), "行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）",
        "行政事业单位养老支出（项）"), {"NARRATIVE.GLOSSARY"}, set()),
    "glossary_item_under_another_kuan": (lambda: _once(
        _culture_text(), "卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）",
        "卫生健康支出（类）公共卫生（款）行政单位医疗（项）"), {"NARRATIVE.GLOSSARY"}, set()),
    # one project's form states one numbered expense with two amounts (长春信访局)
    "form_item_two_amounts": (lambda: _form_items("2、支付业务资料印刷费2.00万元。"),
                              {"PROJECT.ITEM_AMOUNT"}, set()),
    # an item of a numbered list explained with the words of another (佛山轨道交通局)
    "reason_copied_from_another_item": (lambda: _copied_reason("公务接待费"),
                                        {"NARRATIVE.COPIED_REASON"}, set()),
    # an amount said to be all 一般公共预算拨款, more than all the 财政拨款 (国家信访局)
    "all_general_budget_beyond_fiscal": (lambda: _once(
        _culture_text(), "涉及一般公共预算拨款90.65万元。", "涉及预算拨款590.65万元，均为一般公共预算拨款。"),
        {"NARRATIVE.FUND_CLAIM"}, set()),
    "count_above_its_whole": (lambda: _once(_culture_text(), "共有车辆2辆，其中：一般公务用车1辆",
                                            "共有车辆2辆，其中：一般公务用车3辆"),
                              {"NARRATIVE.COUNT_PART"}, set()),
    # the narrative against the grids and lists it prints itself (西安 科技局, 深圳 水务局, 杭州 公安局)
    "change_off_its_own_grid": (lambda: _once(_culture_text(own_figures=True),
                                              "（301）408.90万元，较上年增加1.23万元",
                                              "（301）408.90万元，较上年增加1.25万元"),
                                {"NARRATIVE.COMPARED"}, set()),
    "column_change_off_its_block": (lambda: _once(_culture_text(own_figures=True),
                                                  "人员经费较2024年度增加6.66万元",
                                                  "人员经费较2024年度增加8.66万元"),
                                    {"NARRATIVE.COMPARED"}, set()),
    "total_after_its_parts": (lambda: _once(_culture_text(own_figures=True),
                                            "合计基本支出466.35万元", "合计基本支出468.35万元"),
                              {"NARRATIVE.PARTS"}, {"NARRATIVE.TABLE"}),
    # the unit list names a unit with words the tables do not print (西安宣传部: 讲师团/理论讲师团)
    "listed_unit_named_otherwise": (lambda: _once(_culture_text(), "2. 某区文化馆", "2. 某区群众文化馆"),
                                    {"CROSS.UNIT_LISTED"}, set()),
    # a project's use listed by part that does not add up to the count stated later (长沙国资委)
    "counts_by_part_not_the_count_stated": (lambda: _with_parts("21"), {"NARRATIVE.COUNT_BREAKDOWN"},
                                            set()),
    "more_admin_units_than_listed": (lambda: _once(_culture_text(own_figures=True),
                                                   "等1家行政单位", "等2家行政单位"),
                                     {"NARRATIVE.UNITS"}, set()),
    # a 包括 list of 类 that leaves out one the tables print (湖州卫健委: 其他支出 15000)
    "class_left_out_of_its_list": (lambda: _compact_classes(left_out=True), {"NARRATIVE.PARTS"},
                                   set()),
    # 本年财政拨款收入 printed as the whole 收入预算 beside the 上年结转结余 (北京政务服务和数据管理局)
    "fiscal_income_as_the_whole": (lambda: _income_by_ordinals("557.00", "20.00"),
                                   {"NARRATIVE.PARTS"}, {"NARRATIVE.TABLE"}),
}

CLASS_LISTED = "文化旅游体育与传媒支出466.79万元，社会保障和就业支出38.80万元，卫生健康支出22.31万元"


def _compact_classes(left_out: bool = False) -> str:
    """The compact narrative whose 支出预算 lists its 类 after 包括 rather than 其中 (the
    住房保障支出 left out)."""
    listed = CLASS_LISTED + ("" if left_out else "，住房保障支出29.10万元")
    return _once(render(culture_bureau(style="B")),
                 f"增加4.85%。其中：{CLASS_LISTED}，住房保障支出29.10万元。", f"增加4.85%。包括{listed}。")


def _income_by_ordinals(fiscal: str, carried: str) -> str:
    """The 收入预算 told part by part under （一）（二）（三） (the 北京 way)."""
    parts = (f"（一）本年财政拨款收入{fiscal}万元\n1.一般公共预算拨款收入{fiscal}万元。\n"
             "2.政府性基金预算拨款收入0万元。\n（二）本年其他资金收入〇万元\n3.事业收入0万元。\n"
             f"4.其他收入0万元。\n（三）上年结转结余{carried}万元\n5.上年结转结余{carried}万元。")
    return _once(_culture_text(), "2025年部门预算收入557.00万元，其中：一般公共预算财政拨款收入557.00万元，"
                 "占100%；政府性基金预算财政拨款收入0万元；国有资本经营预算财政拨款收入0万元；事业收入0万元；"
                 "其他收入0万元。", f"2025年部门预算收入557.00万元。\n{parts}")


def test_a_class_list_after_including_that_names_every_class_is_quiet() -> None:
    assert said(accusations(document_from_text(_compact_classes()))) == []


def test_an_income_breakdown_by_ordinals_that_adds_up_is_quiet() -> None:
    assert said(accusations(document_from_text(_income_by_ordinals("557.00", "0")))) == []


SHOWS = "（四）公共文化惠民演出活动经费30.00万元，主要用于组织送戏进社区、群众文艺汇演等公益性文化活动。"
SHOWS_BY_PART = ("公共文化惠民演出活动经费预算30.00万元，用于：东片文化站负责的社区12个，资金18.00万元；"
                 "西片文化站负责的社区8个，资金12.00万元。")
SHOWS_COVERED = "（四）预算绩效管理情况\n\n公共文化惠民演出活动经费覆盖社区{}个。"


def _with_parts(covered: str) -> str:
    text = _once(_culture_text(), SHOWS, SHOWS + SHOWS_BY_PART)
    return _once(text, "（四）预算绩效管理情况\n", SHOWS_COVERED.format(covered))


def test_counts_by_part_that_add_up_to_the_count_stated_are_quiet() -> None:
    assert said(accusations(document_from_text(_with_parts("20")))) == []


def test_the_narratives_own_grids_and_lists_are_quiet_when_right() -> None:
    assert said(accusations(document_from_text(_culture_text(own_figures=True)))) == []


FORM_CONTENT = "项目主要内容\t保障文化旅游行业管理、统计调查和综合协调等业务工作"
FORM_GOAL = "年度绩效目标\t2025年完成开展活动场次12场以上。"


def _form_items(goal_item: str) -> str:
    """The first project's form whose 主要内容 and 年度绩效目标 number the same expenses."""
    text = _once(render(culture_bureau(forms=True)), FORM_CONTENT,
                 FORM_CONTENT + "：1、开展行业统计调查。2、支付业务资料印刷费1.50万元。")
    return _once(text, FORM_GOAL, "年度绩效目标\t1、2025年完成开展活动场次12场以上。" + goal_item)


def test_one_expense_stated_alike_in_a_form_is_quiet() -> None:
    text = _form_items("2、支付业务资料印刷费1.50万元。")
    assert said(accusations(document_from_text(text, name="culture.txt"))) == []


def _copied_reason(first_names: str) -> str:
    """The 三公 list whose first item's explanation names `first_names`, the third's itself."""
    text = _once(_culture_text(), "1. 因公出国（境）费0万元，与2024年预算持平。",
                 f"1. 因公出国（境）费0万元，与2024年预算持平，{first_names}均按标准安排。")
    return _once(text, "3. 公务接待费1.50万元，与2024年预算持平。",
                 "3. 公务接待费1.50万元，与2024年预算持平，公务接待费均按标准安排。")


def test_each_item_explained_in_its_own_words_is_quiet() -> None:
    text = _copied_reason("因公出国（境）费")
    assert said(accusations(document_from_text(text, name="culture.txt"))) == []


def test_an_amount_all_of_one_fund_within_it_is_quiet() -> None:
    text = _once(_culture_text(), "涉及一般公共预算拨款90.65万元。", "涉及预算拨款90.65万元，均为一般公共预算拨款。")
    assert said(accusations(document_from_text(text, name="culture.txt"))) == []


def test_a_rate_in_brackets_that_is_right_is_quiet() -> None:
    text = _once(_culture_text(), "比2024年预算增加2.00万元，增长12.50%", "比2024年预算增加2.00万元（12.50%）")
    assert not accusations(document_from_text(text, name="culture.txt"))


@pytest.mark.parametrize("name", sorted(DEFECTS))
def test_one_defect_is_found_by_its_rule(name: str) -> None:
    make, expected, allowed = DEFECTS[name]
    assert_found_by(make(), expected, allowed)


@pytest.mark.parametrize("layout", ["tabbed", "pipe", "cell_per_line"])
def test_growth_of_100_from_nothing_is_found_in_every_layout(layout: str) -> None:
    """An item whose increase is all of this year's figure, '增长100%': a warning of
    NARRATIVE.RATE citing the sentence; the item with its real base is not reported."""
    text = render(culture_bureau(), layout)
    assert not [f for f in run_rules(document_from_text(text)) if f.rule == "NARRATIVE.RATE"
                and f.severity != "info"]
    document = document_from_text(_once(text, RATED_ITEM, NEW_ITEM))
    found = [f for f in accusations(document) if f.rule == "NARRATIVE.RATE"]
    assert [f.severity for f in found] == ["warning"]
    cited = {document.source.lines[loc.line - 1].text for loc in found[0].locations}
    assert any(NEW_ITEM in "".join(line.split()) for line in cited), cited


@pytest.mark.parametrize("layout", ["tabbed", "cell_per_line", "pipe"])
def test_department_form_prior_years_are_read_in_every_layout(layout: str) -> None:
    """The 部门整体 form's 近两年 columns, whose years one cell per line prints one a line."""
    from yusuan.recognise.projects.model import DeptForm

    budget = culture_bureau(forms=True, dept_form=True)
    forms = [f for f in read(budget, layout).forms if isinstance(f, DeptForm)]
    assert len(forms) == 1
    years = [str(budget.year - 2), str(budget.year - 1)]
    assert forms[0].years == years
    totals = forms[0].funding["expenditure_total"]
    assert [totals[year].value for year in years] == [478.11, 531.24]


def test_contents_that_match_the_pages_are_accused_of_nothing() -> None:
    assert said(accusations(document_from_text(_with_contents(_culture_text(), empty=8)))) == []


def test_a_narrative_code_the_tables_print_is_accused_of_nothing() -> None:
    text = _once(_culture_text(), NAMED_ITEM, NAMED_ITEM.replace("（项）", "（项）（2070101）"))
    assert said(accusations(document_from_text(text))) == []
