from yusuan.rules import run_rules

from .builders import document, table


def test_code_length() -> None:
    ok = table("expenditure", [("2080505", "x", {"total": "1.00"})])
    assert run_rules(document(ok), only=["CODE.LENGTH"]) == []
    bad = table("expenditure", [("208055", "x", {"total": "1.00"})])
    assert len(run_rules(document(bad), only=["CODE.LENGTH"])) == 1


def test_one_name_per_code() -> None:
    a = table("expenditure", [("210", "卫生健康支出", {"total": "1.00"})])
    b = table("general_budget_expenditure", [("210", "卫生健康支出", {"total": "1.00"})])
    c = table("fiscal_summary", [("210", "医疗健康支出", {"budget": "1.00"})])
    assert run_rules(document(a, b), only=["CODE.NAME"]) == []
    found = run_rules(document(a, b, c), only=["CODE.NAME"])
    assert len(found) == 1 and found[0].category == "naming"
    assert found[0].locations[0].table == "fiscal_summary"  # the odd one out first


def test_same_item_name_under_different_sections_is_not_a_defect() -> None:
    t = table("expenditure", [("2101502", "一般行政管理事务", {"total": "1.00"}),
                              ("2130502", "一般行政管理事务", {"total": "1.00"})])
    assert run_rules(document(t), only=["CODE.NAME", "CODE.LENGTH"]) == []
