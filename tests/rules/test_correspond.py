from yusuan.rules import run_rules

from .builders import document, table


def _doc(housing: str = "3.00", public: str = "1.00", personnel: str = "9.00"):
    gbe = table("general_budget_expenditure", [
        ("21011", "行政事业单位医疗", {"total": "2.00", "basic": "2.00"}),
        ("2210201", "住房公积金", {"total": "3.00", "basic": "3.00"}),
    ])
    basic = table("basic_expenditure", [
        (None, "合计", {"total": "10.00", "personnel": personnel, "public": public}),
        ("301", "工资福利支出", {"total": "8.00", "personnel": "8.00"}),
        ("30110", "职工基本医疗保险缴费", {"total": "1.50", "personnel": "1.50"}),
        ("30111", "公务员医疗补助缴费", {"total": "0.50", "personnel": "0.50"}),
        ("30113", "住房公积金", {"total": housing, "personnel": housing}),
        ("302", "商品和服务支出", {"total": "1.00", "public": "1.00"}),
        ("303", "对个人和家庭的补助", {"total": "1.00", "personnel": "1.00"}),
    ])
    income = table("income", [(None, "合计", {"total": "10.00", "general_budget": "10.00"})])
    return document(gbe, basic, income)


def test_pairs_pass_and_fail() -> None:
    assert run_rules(_doc(), only=["FUNC_ECON.PAIRS"]) == []
    found = run_rules(_doc(housing="4.00"), only=["FUNC_ECON.PAIRS"])
    assert len(found) == 1 and found[0].severity == "warning"
    assert found[0].locations[0].code == "30113"


def test_public_funds_pass_and_fail() -> None:
    assert run_rules(_doc(), only=["FUNC_ECON.PUBLIC"]) == []
    assert len(run_rules(_doc(public="2.00"), only=["FUNC_ECON.PUBLIC"])) == 1


def test_personnel_pass_and_fail() -> None:
    assert run_rules(_doc(), only=["FUNC_ECON.PERSONNEL"]) == []
    found = run_rules(_doc(personnel="8.00"), only=["FUNC_ECON.PERSONNEL"])
    assert len(found) == 1 and found[0].severity == "warning"
