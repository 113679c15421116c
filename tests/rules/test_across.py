"""The rules across two documents of one department (run_pair_rules), each with a passing and
a failing pair of generated documents, and locations in both files."""

from __future__ import annotations

import dataclasses

from docbuilder import Sangong, shift
from pairs import budget_2024, budget_after, budget_doc, final_doc, final_of

from yusuan.rules.engine import run_pair_rules


def _only(first, second, rule_id):
    return run_pair_rules(first, second, only=[rule_id])


def _files(finding) -> set[str]:
    return {location.file for location in finding.locations}


def test_initial_budget_of_a_final_agrees_with_the_published_budget() -> None:
    before = budget_2024()
    budget, final = budget_doc(before), final_doc(final_of(before))
    assert _only(budget, final, "ACROSS.INITIAL_BUDGET") == []
    assert _only(final, budget, "ACROSS.INITIAL_BUDGET") == []  # either order


def test_initial_budget_differing_from_the_published_budget_is_found_in_both_files() -> None:
    before = budget_2024()
    initial = {code: before.general_of(code) for code in before.items(general=True)}
    initial["2070101"] -= 40_000
    budget, final = budget_doc(before), final_doc(final_of(before, initial=initial))
    found = _only(budget, final, "ACROSS.INITIAL_BUDGET")
    codes = {f.locations[0].code for f in found}
    assert "2070101" in codes and {"20701", "207", None} & codes  # the 项 and the sums above it
    one = next(f for f in found if f.locations[0].code == "2070101")
    assert _files(one) == {"2024年部门预算.txt", "2024年部门决算.txt"}
    assert one.values["difference_yuan"] == -40_000
    assert "年初预算数" in one.message and "2070101" in one.message


def test_initial_three_public_budget_differing_is_found() -> None:
    before = budget_2024()
    final = final_of(before, sangong_budget=Sangong(vehicle_operation=40_000, reception=15_000))
    found = _only(budget_doc(before), final_doc(final), "ACROSS.INITIAL_BUDGET")
    assert [f.locations[0].table for f in found] == ["sangong", "sangong", "sangong"]
    assert any("“三公”经费" in f.message for f in found)


def test_a_final_of_another_year_is_not_compared_with_the_budget() -> None:
    before = budget_2024()
    initial = {code: 1 for code in before.items(general=True)}
    assert _only(budget_doc(budget_after(before)), final_doc(final_of(before, initial=initial)),
                 "ACROSS.INITIAL_BUDGET") == []


def test_last_years_figures_agree_with_last_years_budget() -> None:
    before = budget_2024()
    after = budget_after(before, sangong_groups=("上年预算数", "本年预算数"))
    assert _only(budget_doc(before), budget_doc(after), "ACROSS.PRIOR_YEAR") == []


def test_a_change_against_another_last_year_figure_is_found() -> None:
    before = budget_2024()
    after = budget_after(before)
    printed = shift(before, before.units[0].code, "2070101", "personnel", -100_000, econ="30101")
    found = _only(budget_doc(printed), budget_doc(after), "ACROSS.PRIOR_YEAR")
    item = [f for f in found if f.locations[1].code == "2070101"]
    assert len(item) == 1 and item[0].message_id == "ACROSS.PRIOR_YEAR.CHANGE"
    assert item[0].values["difference_yuan"] == 100_000
    assert _files(item[0]) == {"2024年部门预算.txt", "2025年部门预算.txt"}
    assert "比2024年预算增加" in item[0].message


def test_a_prior_year_column_against_another_published_figure_is_found() -> None:
    before = budget_2024()
    after = budget_after(before, sangong_groups=("上年预算数", "本年预算数"),
                         prior_sangong=Sangong(vehicle_operation=45_000, reception=15_000))
    found = _only(budget_doc(before), budget_doc(after), "ACROSS.PRIOR_YEAR")
    columns = {f.locations[0].column for f in found if f.locations[0].table == "sangong"}
    assert {"prior_year", "prior_year_vehicle_operation"} <= columns


def test_project_budget_in_the_final_agrees_with_the_published_project() -> None:
    before = budget_2024()
    assert _only(budget_doc(before), final_doc(final_of(before)), "ACROSS.PROJECT_BUDGET") == []


def test_project_budget_in_the_final_differing_from_the_published_one_is_found() -> None:
    before = budget_2024()
    final = final_of(before, project_budgets={"全域旅游宣传推介经费": (30_000, 30_000)})
    found = _only(budget_doc(before), final_doc(final), "ACROSS.PROJECT_BUDGET")
    assert len(found) == 1 and "全域旅游宣传推介经费" in found[0].message
    assert found[0].values["reported_yuan"] == 150_000
    assert found[0].values["published_yuan"] == 120_000
    assert _files(found[0]) == {"2024年部门预算.txt", "2024年部门决算.txt"}


def test_department_name_alike_across_years() -> None:
    before = budget_2024()
    after = budget_after(before)
    assert _only(budget_doc(before), budget_doc(after), "ACROSS.DEPARTMENT") == []
    renamed = dataclasses.replace(after, department="某市某区文化和旅游局（本级）")
    assert _only(budget_doc(before), budget_doc(renamed), "ACROSS.DEPARTMENT") == []


def test_department_name_differing_across_years_is_found() -> None:
    before = budget_2024()
    after = dataclasses.replace(budget_after(before), department="某市某区文化广电和旅游局")
    found = _only(budget_doc(before), budget_doc(after), "ACROSS.DEPARTMENT")
    assert len(found) == 1 and found[0].severity == "info"
    assert "某市某区文化广电和旅游局" in found[0].message
    assert [loc.line > 0 for loc in found[0].locations] == [True, True]


def test_single_document_checks_do_not_run_the_pair_rules() -> None:
    from yusuan.rules import run_rules

    findings = run_rules(budget_doc(budget_2024()))
    assert not any(f.rule.startswith("ACROSS.") for f in findings)


def test_a_budget_column_headed_as_adjusted_during_the_year_is_not_the_initial_budget() -> None:
    before = budget_2024()
    initial = {code: before.general_of(code) for code in before.items(general=True)}
    initial["2070101"] -= 40_000
    final = final_doc(final_of(before, initial=initial))
    column = final.table("general_budget_expenditure").column("budget")
    assert column is not None and "年初" in "".join(column.header)
    assert _only(budget_doc(before), final, "ACROSS.INITIAL_BUDGET")
    column.header = ["全年预算数"]
    assert not any(f.locations[0].table == "general_budget_expenditure"
                   for f in _only(budget_doc(before), final, "ACROSS.INITIAL_BUDGET"))


def test_one_departments_names_in_long_short_and_placeless_forms_are_alike() -> None:
    from yusuan.rules.across.common import alike

    assert alike("省委办公厅", "中国共产党江苏省委员会办公厅")
    assert alike("深圳市民政局（本级）", "深圳市民政局")
    assert not alike("某市某区文化和旅游局", "某市某区文化广电和旅游局")
    assert not alike("财政局", "某市某区文化和旅游局")
