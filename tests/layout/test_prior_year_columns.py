"""A table that prints last year's figures beside this year's (上年预算数 | 本年预算数, or
2024年预算数 | 2025年预算数): last year's columns get keys of their own, this year's keep the
plain keys the rules read."""

from __future__ import annotations

from yusuan.model import Cell, Row
from yusuan.recognise.columns import path_key
from yusuan.recognise.headers import relative_years
from yusuan.recognise.segments import is_data_row


def test_last_years_columns_are_keyed_apart() -> None:
    assert path_key(["上年预算数", "合计"]) == "prior_year"
    assert path_key(["上年预算数", "因公出国（境）费"]) == "prior_year_outbound"
    assert path_key(["上年预算", "公务用车购置及运行费", "小计"]) == "prior_year_vehicle"
    assert path_key(["本年预算数", "公务用车购置及运行费", "小计"]) == "vehicle"
    assert path_key(["本年预算数", "合计"]) == "budget"
    assert path_key(["上年预算数"]) == "prior_year"


def test_two_consecutive_years_are_last_year_and_this_year() -> None:
    paths = [["2024年预算数", "合计"], ["2025年 预算数", "合计"], ["科目名称"]]
    assert relative_years(paths) == [["上年预算数", "合计"], ["本年预算数", "合计"], ["科目名称"]]
    budget_and_actual = [["2024年预算数"], ["2024年决算数"]]
    assert relative_years(budget_and_actual) == budget_and_actual


def test_a_year_label_row_is_a_header_not_data() -> None:
    row = Row(cells=(Cell("2024年预算数", 1), Cell("", 1), Cell("2025年预算数", 1)))
    assert not is_data_row(row)
    assert is_data_row(Row(cells=(Cell("2080505", 2), Cell("机关事业单位基本养老保险缴费支出", 2))))


def test_funds_worded_as_zijin_under_this_years_income_are_keyed_by_fund() -> None:
    """北京 02表: 本年收入 | 一般公共预算资金 / 政府性基金预算资金 / 国有资本经营预算资金."""
    assert path_key(["本年收入", "一般公共预算资金"]) == "general_budget"
    assert path_key(["本年收入", "政府性基金预算资金"]) == "gov_fund"
    assert path_key(["本年收入", "国有资本经营预算资金"]) == "soe_capital"
    assert path_key(["上年结转结余", "一般公共预算资金"]) == "carryover_general_budget"
    assert path_key(["本年收入", "小计"]) == "current_income"
