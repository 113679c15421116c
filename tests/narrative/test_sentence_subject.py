"""A bare 全年预算数 / 支出决算 about a project, a self-evaluation or the 机关运行经费 is not the
department's total: it is compared with no headline figure."""

from __future__ import annotations

from tests.narrative.test_rules import doc, rules
from yusuan.model import Document

HEADLINE = {"total_expenditure": {"value": 2074.96, "line": 90}}


def _with_headline(text: str) -> Document:
    d = doc(text)
    d.kind = "部门决算"
    d.headline = dict(HEADLINE)
    return d


def test_a_projects_figures_are_not_the_departments() -> None:
    text = ("四、项目绩效自评情况\n1.本级病媒生物防制项目绩效自评综述：全年预算数229.19万元，"
            "执行数229.19万元，完成预算的100%。")
    assert [m for m in rules(_with_headline(text), "NARRATIVE.TABLE") if "2074.96" in m] == []


def test_agency_costs_spending_is_not_the_departments() -> None:
    text = "八、机关运行经费\n2022年度机关运行经费预算62.62万元，支出决算62.62万元，完成预算的100%。"
    assert [m for m in rules(_with_headline(text), "NARRATIVE.TABLE") if "2074.96" in m] == []


def test_the_departments_own_total_is_still_compared() -> None:
    text = "一、收入支出决算总体情况说明\n2022年度支出决算2084.96万元。"
    found = [m for m in rules(_with_headline(text), "NARRATIVE.TABLE") if "2074.96" in m]
    assert len(found) == 1


def test_a_heading_cut_at_its_line_end_still_names_its_money() -> None:
    from yusuan.recognise.narrative.concepts import scope_of

    assert scope_of("卫生健康（类）支出", "（五）关于某局 2026 年一般公共预") == "general_budget"
    assert scope_of("卫生健康（类）支出", "（六）关于某局 2026 年政府性基") == "gov_fund"
    assert scope_of("卫生健康（类）支出", "（一）收支预算总体情况") == "department"


def test_a_total_that_one_of_its_figures_gives_within_rounding_is_rounding() -> None:
    """收入预算 44169.36 is the 收入总计 44,169.357532, not the 本年收入合计 44,156.640120."""
    d = doc("一、收支总体情况\n2026 年度收入预算 44169.36 万元。")
    d.headline = {"total_income": {"value": 44156.64012, "line": 90, "decimals": 6},
                  "income_grand_total": {"value": 44169.357532, "line": 91, "decimals": 6}}
    from yusuan.rules import run_rules

    found = [f for f in run_rules(d, only=["NARRATIVE.TABLE"]) if "44169.36" in f.message]
    assert found and {f.severity for f in found} == {"info"}
    d.headline["income_grand_total"]["value"] = 44179.357532
    found = [f for f in run_rules(d, only=["NARRATIVE.TABLE"]) if "44169.36" in f.message]
    assert [f.severity for f in found] == ["error"]


def test_a_sangong_table_whose_rows_are_years_is_read_at_the_documents_year() -> None:
    from rules.builders import table

    from yusuan.rules.narrative.tables import year_row

    t = table("sangong", [(None, "2025 年", {"total": "59.66"}), (None, "2026 年", {"total": "58.46"}),
                          (None, "增减变化金额", {"total": "-1.20"})])
    assert year_row(t, 2026).values["total"] == 58.46
    assert year_row(t, 2024) is None


def test_the_sangong_figure_is_read_from_the_sangong_row() -> None:
    """Guangzhou: 行政经费 and “三公”经费 in one table; the 三公 sentence is the “三公”经费 row's."""
    from rules.builders import table

    t = table("sangong", [(None, "行政经费", {"budget": "2614.19"}), (None, "“三公”经费", {"budget": "44.94"}),
                          (None, "因公出国（境）费", {"budget": "10.00"})], first_line=80)
    d = doc("六、“三公”经费预算情况说明\n2026年本部门财政拨款安排“三公”经费44.94万元。", [t])
    assert [m for m in rules(d, "NARRATIVE.TABLE") if "2614.19" in m] == []


def test_a_subject_word_far_before_the_figure_does_not_silence_it() -> None:
    text = "一、收支总体情况\n按照全面实施预算绩效管理要求，2026年收入预算1,000.00万元。"
    d = doc(text)
    d.headline = {"total_income": {"value": 900.0, "line": 90}}
    assert [m for m in rules(d, "NARRATIVE.TABLE") if "900" in m]


def _public_table() -> list:
    from yusuan.model import Table, TableRow

    total = TableRow("合计", 50, values={"total": 500.0, "personnel": 400.0, "public": 100.0},
                     decimals={"total": 2, "personnel": 2, "public": 2})
    return [Table("general_budget_expenditure", "一般公共预算支出表", (49, 50), rows=[total])]


def test_one_units_public_funds_are_not_the_departments() -> None:
    """科技: '…其中：西安市社会科学院日常公用经费 65.56 万元，局机关日常公用经费87.36万元'."""
    text = ("四、基本支出情况\n机关商品和服务支出 200.00 万元，其中：西安市社会科学院日常公用经费 65.56 万元，"
            "局机关日常公用经费87.36万元。")
    assert rules(doc(text, _public_table()), "NARRATIVE.TABLE") == []
    whole = "四、基本支出情况\n本部门公用经费 65.56 万元。"
    assert len(rules(doc(whole, _public_table()), "NARRATIVE.TABLE")) == 1


def test_an_economic_item_may_be_the_general_budget_tables_line() -> None:
    """宣传部: '培训费 109.6 万元' is 表6's 30216 (basic and project), not 表8's basic 2.00."""
    from yusuan.model import Table, TableRow

    def line(total: float) -> TableRow:
        return TableRow("培训费", 60, code="30216", values={"total": total}, decimals={"total": 2})
    basic = Table("basic_expenditure", "一般公共预算基本支出表", (59, 60), rows=[line(2.0)])
    economic = Table("general_budget_expenditure", "一般公共预算支出表（按经济分类）", (61, 62),
                     rows=[TableRow("培训费", 62, code="30216", values={"total": 109.6},
                                    decimals={"total": 2})])
    text = "四、基本支出情况\n培训费 109.6 万元，较上年增加 89.06 万元。"
    assert rules(doc(text, [basic, economic]), "NARRATIVE.TABLE") == []
    assert len(rules(doc(text, [basic]), "NARRATIVE.TABLE")) == 1


def test_a_part_of_an_economic_class_is_no_projects_figure() -> None:
    """科技: under '3.支出按经济科目分类的明细情况', '专项业务费806.10万元' is part of 502, not the
    project of that name."""
    from yusuan.model import Table, TableRow

    project = Table("project_expenditure", "专项业务经费支出表", (59, 60),
                    rows=[TableRow("专项业务费", 60, values={"total": 50.0},
                                   decimals={"total": 2})])
    economic = "3.支出按经济科目分类的明细情况\n2022年专项业务费806.10万元，交通补贴81.08万元。"
    assert rules(doc(economic, [project]), "NARRATIVE.TABLE") == []
    projects = "五、项目支出情况\n专项业务费806.10万元，用于日常业务。"
    assert len(rules(doc(projects, [project]), "NARRATIVE.TABLE")) == 1
