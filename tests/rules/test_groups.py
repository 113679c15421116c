from yusuan.rules import run_rules

from .builders import document, table


def _projects(middle: str):
    return table("project_expenditure", [
        (None, "合计", {"total": "60.00"}),
        (None, "公用经费", {"total": "54.04"}),
        ("42011422056Y000000100", "在职人员公用", {"total": "39.69"}),
        ("42011422056Y000000101", "离退休公用", {"total": middle}),
        ("42011424056Y000000104", "公用经费", {"total": "14.33"}),
        (None, "项目支出", {"total": "5.96"}),
        ("42011425056T000000101", "甲项目", {"total": "5.96"}),
    ])


def test_group_lines_add_up() -> None:
    assert run_rules(document(_projects("0.02")), only=["GROUP.TOTAL"]) == []


def test_group_rounding_is_info_and_gap_is_error() -> None:
    found = run_rules(document(_projects("0.03")), only=["GROUP.TOTAL"])
    assert [f.severity for f in found] == ["info"]
    found = run_rules(document(_projects("1.02")), only=["GROUP.TOTAL"])
    assert [f.severity for f in found] == ["error"]
    assert found[0].locations[0].name == "公用经费"


def _functional(project: str | None):
    cells = {"total": "5.94", "basic": "5.00"}
    if project:
        cells["project"] = project
    return table("general_budget_expenditure", [("2101501", "行政运行", cells)])


def test_running_items_carry_no_projects() -> None:
    assert run_rules(document(_functional(None)), only=["CLASS.RUNNING"]) == []
    found = run_rules(document(_functional("0.94"), _functional("0.94")),
                      only=["CLASS.RUNNING"])
    assert len(found) == 1 and found[0].severity == "info"  # one per code
    assert len(found[0].locations) == 2


def _units(second: str):
    t = table("income", [(None, "合计", {"total": "10.00"}),
                         ("083", "某局", {"total": "10.00"}),
                         ("083001", "某局本级", {"total": "4.00"}),
                         ("083002", "某中心", {"total": second})])
    for r in t.rows[1:]:
        r.unit_code = r.code
    return t


def test_units_add_up() -> None:
    assert run_rules(document(_units("6.00")), only=["UNIT.ROLLUP"]) == []
    assert [f.severity for f in run_rules(document(_units("6.01")),
                                          only=["UNIT.ROLLUP"])] == ["info"]
    found = run_rules(document(_units("7.00")), only=["UNIT.ROLLUP"])
    assert [f.severity for f in found] == ["error"] and found[0].locations[0].code == "083"


def _named_units(centre: str, department: bool = True):
    """杭州's 收入总表: 合计, the department's own line (equal to it), its units by name only."""
    rows = [(None, "合计", {"total": "10.00", "general_budget": "9.00"})]
    if department:
        rows.append((None, "某市某局", {"total": "10.00", "general_budget": "9.00"}))
    rows += [(None, "某市某局", {"total": "4.00", "general_budget": "4.00"}),
             (None, "某市某局服务中心", {"total": centre, "general_budget": "5.00"}),
             (None, "某市某局巡特警支队（留置看护支队）", {"total": "0.00", "general_budget": "0.00"})]
    return table("income", rows, title="收入预算总表")


def test_units_listed_by_name_add_up_to_the_total() -> None:
    assert run_rules(document(_named_units("6.00")), only=["UNIT.NAMED_ROLLUP"]) == []
    assert run_rules(document(_named_units("6.00", department=False)),
                     only=["UNIT.NAMED_ROLLUP"]) == []
    found = run_rules(document(_named_units("5.00")), only=["UNIT.NAMED_ROLLUP"])
    assert [(f.severity, f.values["computed"]) for f in found] == [("error", 9.0)]
    # rows that are not units (a 类 listed by name) are no unit list: nothing is judged
    t = _named_units("5.00")
    t.rows[2].name = "社会保障和就业支出"
    assert run_rules(document(t), only=["UNIT.NAMED_ROLLUP"]) == []
