from yusuan.codes.slips import edit_distance
from yusuan.rules import run_rules
from yusuan.rules.tables.naming import minor_slip

from .builders import document, table

NAME_RULES = ["CODE.NAME", "CODE.OFFICIAL"]


def test_code_length() -> None:
    ok = table("expenditure", [("2080505", "x", {"total": "1.00"})])
    assert run_rules(document(ok), only=["CODE.LENGTH"]) == []
    bad = table("expenditure", [("208055", "x", {"total": "1.00"})])
    assert len(run_rules(document(bad), only=["CODE.LENGTH"])) == 1


def test_economic_sub_items_of_seven_digits_are_allowed() -> None:
    """Some provinces print 3010201 under 30102 津贴补贴 (Chongqing)."""
    ok = table("basic_expenditure", [("30102", "津贴补贴", {"total": "1.00"}),
                                     ("3010201", "岗位津贴", {"total": "1.00"})])
    assert run_rules(document(ok), only=["CODE.LENGTH"]) == []
    bad = table("basic_expenditure", [("301022", "岗位津贴", {"total": "1.00"})])
    assert len(run_rules(document(bad), only=["CODE.LENGTH"])) == 1


def test_one_name_per_unknown_code() -> None:
    a = table("expenditure", [("2109988", "其他支出", {"total": "1.00"})])
    b = table("general_budget_expenditure", [("2109988", "其他支出", {"total": "1.00"})])
    c = table("fiscal_summary", [("2109988", "其它支出", {"budget": "1.00"})])
    assert run_rules(document(a, b), only=["CODE.NAME"]) == []
    found = run_rules(document(a, b, c), only=["CODE.NAME"])
    assert len(found) == 1 and found[0].category == "naming"
    assert found[0].locations[0].table == "fiscal_summary"  # the odd one out first


def test_wrong_name_in_one_table_is_one_warning() -> None:
    a = table("expenditure", [("210", "卫生健康支出", {"total": "1.00"})])
    b = table("general_budget_expenditure", [("210", "卫生健康支出", {"total": "1.00"})])
    c = table("fiscal_summary", [("210", "医疗健康支出", {"budget": "1.00"})])
    assert run_rules(document(a, b), only=NAME_RULES) == []
    found = run_rules(document(a, b, c), only=NAME_RULES)
    assert [(f.rule, f.severity) for f in found] == [("CODE.OFFICIAL", "warning")]
    assert found[0].locations[0].table == "fiscal_summary"
    assert "卫生健康支出" in found[0].message and len(found[0].locations) == 3


def test_alias_is_not_a_finding() -> None:
    t = table("expenditure", [("207", "文化体育与传媒支出", {"total": "1.00"})])
    assert run_rules(document(t, year=2017), only=NAME_RULES) == []


def test_abbreviation_and_consistent_slip_are_info() -> None:
    abbreviated = table("basic_expenditure", [("302", "商品服务支出", {"total": "1.00"})])
    slip = table("expenditure", [("224", "灾难防治及应急管理支出", {"total": "1.00"})])
    found = run_rules(document(abbreviated, slip), only=NAME_RULES)
    assert sorted(f.severity for f in found) == ["info", "info"]


def test_slip_printed_two_ways_is_a_warning() -> None:
    a = table("expenditure", [("224", "灾难防治及应急管理支出", {"total": "1.00"})])
    b = table("general_budget_expenditure", [("224", "灾害防治及应急管理支出", {"total": "1.00"})])
    found = run_rules(document(a, b), only=NAME_RULES)
    assert [f.severity for f in found] == ["warning"]


def test_unknown_codes_are_one_info() -> None:
    t = table("expenditure", [("2109988", "甲", {"total": "1.00"}),
                              ("2109977", "乙", {"total": "1.00"})])
    found = run_rules(document(t), only=["CODE.OFFICIAL"])
    assert len(found) == 1 and found[0].severity == "info"
    assert "2109988" in found[0].message and "2109977" in found[0].message


def test_minor_slip() -> None:
    assert minor_slip("对个人和家庭的补助支出", "对个人和家庭的补助", consistent=False)
    assert not minor_slip("财政对基本医疗保险的补助", "财政对基本医疗保险基金的补助", False)
    assert not minor_slip("医疗健康支出", "卫生健康支出", consistent=True)
    assert edit_distance("灾难", "灾害") == 1


def test_same_item_name_under_different_sections_is_not_a_defect() -> None:
    t = table("expenditure", [("2101502", "一般行政管理事务", {"total": "1.00"}),
                              ("2130502", "一般行政管理事务", {"total": "1.00"})])
    assert run_rules(document(t), only=["CODE.NAME", "CODE.LENGTH", "CODE.OFFICIAL"]) == []


def test_project_category_codes_are_not_classification_codes() -> None:
    t = table("project_expenditure", [("31", "本级支出项目", {"total": "1.00"})])
    assert run_rules(document(t), only=["CODE.LENGTH", "CODE.OFFICIAL"]) == []
    t = table("expenditure", [("31", "本级支出项目", {"total": "1.00"})])
    assert len(run_rules(document(t), only=["CODE.LENGTH"])) == 1


def test_a_figure_split_at_its_point_is_no_name() -> None:
    """"223 .799250" read as code 223 named ".799250" is a misread figure, not a wrong name."""
    t = table("sangong", [("223", ".799250", {"total": "1.00"})])
    assert run_rules(document(t), only=["CODE.OFFICIAL", "CODE.NAME"]) == []


def test_an_official_name_with_a_qualifier_is_a_minor_slip() -> None:
    assert minor_slip("资本金注入（基本建设）", "资本金注入", True)
    assert not minor_slip("资本金注入补助", "资本金注入", False)


def test_a_name_cut_short_by_its_cell_is_info() -> None:
    """科技 表5 prints 其他社会保障和就业支 where 表7 has …就业支出: the cell cut it."""
    cut = table("general_budget_expenditure", [("20899", "其他社会保障和就业支", {"total": "1.00"})])
    whole = table("basic_expenditure", [("20899", "其他社会保障和就业支出", {"total": "1.00"})])
    found = run_rules(document(cut, whole), only=NAME_RULES)
    assert [f.severity for f in found] == ["info"]
    unknown_cut = table("expenditure", [("2109988", "其他科技交流与合作支", {"total": "1.00"})])
    unknown_whole = table("general_budget_expenditure",
                          [("2109988", "其他科技交流与合作支出", {"total": "1.00"})])
    found = run_rules(document(unknown_cut, unknown_whole), only=["CODE.NAME"])
    assert [f.severity for f in found] == ["info"]
    wrong = table("basic_expenditure", [("20899", "其他社会保障支出", {"total": "1.00"})])
    assert [f.severity for f in run_rules(document(cut, wrong), only=NAME_RULES)] == ["warning"]


def test_a_code_printed_twice_in_one_table_with_another_codes_name_is_a_warning() -> None:
    """长春 基本支出表: 30208 取暖费 and 30208 物业管理费 (物业管理费 is 30209)."""
    right = table("basic_expenditure", [("30208", "取暖费", {"total": "23.37"}),
                                        ("30209", "物业管理费", {"total": "36.18"})])
    assert run_rules(document(right, year=2026), only=NAME_RULES) == []
    twice = table("basic_expenditure", [("30208", "取暖费", {"total": "23.37"}),
                                        ("30208", "物业管理费", {"total": "36.18"})])
    found = run_rules(document(twice, year=2026), only=NAME_RULES)
    assert [f.severity for f in found] == ["warning"]
    assert "同一表中" in found[0].message and "“物业管理费”是科目 30209 的名称" in found[0].message


def test_a_name_the_code_carried_in_another_year_is_accepted() -> None:
    """30307 was 医疗费 until 2017 and is 医疗费补助 since: either name is the code's."""
    old = table("basic_expenditure", [("30307", "医疗费", {"total": "1.00"})])
    assert run_rules(document(old, year=2026), only=NAME_RULES) == []
    assert run_rules(document(old, year=2017), only=NAME_RULES) == []
    wrong = table("basic_expenditure", [("30307", "医药费补贴", {"total": "1.00"})])
    assert [f.severity for f in run_rules(document(wrong, year=2026), only=NAME_RULES)] == [
        "warning"]


def test_a_slip_is_judged_whatever_the_width_of_its_brackets() -> None:
    """维护(护)费 as read (half-width) is one character from the official 维修（护）费."""
    assert minor_slip("维护(护)费", "维修（护）费", consistent=True)
    slip = table("basic_expenditure", [("30213", "维护（护）费", {"total": "12.61"})])
    assert [f.severity for f in run_rules(document(slip, year=2026), only=NAME_RULES)] == ["info"]
