import pytest

from yusuan.rules import run_rules

from .builders import document, side_rows, table


def _gbe(value: str = "6.00", basic: str = "6.00"):
    return table("general_budget_expenditure", [
        (None, "合计", {"total": value, "basic": basic, "personnel": basic}),
        ("2080505", "机关事业单位基本养老保险缴费支出", {"total": value, "basic": basic,
                                                "personnel": basic}),
    ])


def _single_source_income():
    return table("income", [(None, "合计", {"total": "6.00", "general_budget": "6.00"})])


def test_same_code_same_value() -> None:
    spending = table("expenditure", [("2080505", "机关事业单位基本养老保险缴费支出",
                                      {"total": "6.00"})])
    doc = document(spending, _gbe(), _single_source_income())
    assert run_rules(doc, only=["CROSS.CODE"]) == []
    spending.rows[0].values["total"] = 6.5
    found = run_rules(doc, only=["CROSS.CODE"])
    assert len(found) == 1 and found[0].category == "cross_table"
    assert [loc.table for loc in found[0].locations] == ["expenditure",
                                                        "general_budget_expenditure"]


def test_same_code_not_compared_when_other_funds() -> None:
    spending = table("expenditure", [("2080505", "x", {"total": "7.00"})])
    income = table("income", [(None, "合计", {"total": "7.00", "general_budget": "6.00",
                                             "business": "1.00"})])
    assert run_rules(document(spending, _gbe(), income), only=["CROSS.CODE"]) == []


def test_basic_totals_agree() -> None:
    basic = table("basic_expenditure", [(None, "合计", {"total": "6.00", "personnel": "6.00"})])
    assert run_rules(document(_gbe(), basic), only=["CROSS.BASIC"]) == []
    basic.rows[0].values["total"] = 6.5
    basic.rows[0].values["personnel"] = 6.5
    found = run_rules(document(_gbe(), basic), only=["CROSS.BASIC"])
    assert found and found[0].severity == "error"


def _header(kind: str, units: str):
    t = side_rows(kind, [("本年收入合计", {"budget": "1.00"})], [])
    t.budget_unit = units
    return t


def test_unit_codes_agree() -> None:
    good = "[056]某区医疗保障局 , [056002]某区医疗保障服务中心"
    bad = "[056]某区医疗保障局 , [056001]某区医疗保障服务中心"
    assert run_rules(document(_header("summary", good), _header("fiscal_summary", good)),
                     only=["CROSS.UNIT"]) == []
    found = run_rules(document(_header("summary", good), _header("fiscal_summary", bad),
                               _header("income", good)), only=["CROSS.UNIT"])
    assert len(found) == 1 and found[0].severity == "warning"
    assert found[0].locations[0].code == "056001"


def test_unit_names_agree() -> None:
    t = table("income", [("056002", "某区医疗保障局服务中心", {"total": "1.00"})])
    t.rows[0].unit_code, t.rows[0].unit_name = "056002", "某区医疗保障局服务中心"
    found = run_rules(document(_header("summary", "[056002]某区医疗保障服务中心"), t),
                      only=["CROSS.UNIT"])
    assert len(found) == 1 and found[0].category == "naming"


def test_a_unit_name_cut_short_by_its_cell_is_told_at_info() -> None:
    t = table("income", [("056002", "某区医疗保障服务", {"total": "1.00"})])
    t.rows[0].unit_code, t.rows[0].unit_name = "056002", "某区医疗保障服务"
    found = run_rules(document(_header("summary", "[056002]某区医疗保障服务中心"), t),
                      only=["CROSS.UNIT"])
    assert [(f.severity, f.category) for f in found] == [("info", "naming")]


def test_two_units_names_cut_to_one_start_by_narrow_cells_are_not_one_unit_with_two_codes(
        ) -> None:
    rows = [("201001", "中共某市委宣传部", {"total": "1.00"}),
            ("201002", "中共某市委理论讲师团", {"total": "2.00"})]
    full = table("income", rows)
    cut = table("sangong", [(code, "中共某市委", values) for code, _, values in rows])
    for t in (full, cut):
        for row in t.rows:
            row.unit_code, row.unit_name = row.code, row.name
    found = run_rules(document(full, cut), only=["CROSS.UNIT"])
    assert [(f.message_id, f.severity) for f in found] == [("CROSS.UNIT_NAME", "info")] * 2
    # the same short name where one code is printed with no longer name: one name, two codes
    alone = table("expenditure", [("201003", "中共某市委", {"total": "3.00"})])
    alone.rows[0].unit_code, alone.rows[0].unit_name = "201003", "中共某市委"
    found = run_rules(document(full, cut, alone), only=["CROSS.UNIT"])
    assert [f.args.get("name") for f in found if f.message_id == "CROSS.UNIT"] == ["中共某市委"]


def test_one_short_name_under_two_codes_in_two_tables_is_accused() -> None:
    """某某市教育局 is 101001 in one table and 101002 in the 三公 table: a code printed wrong,
    though each code has a longer name elsewhere (本级, 电化教育馆)."""
    full = table("income", [("101001", "某某市教育局本级", {"total": "1.00"}),
                            ("101002", "某某市教育局电化教育馆", {"total": "2.00"})])
    first = table("expenditure", [("101001", "某某市教育局", {"total": "1.00"})])
    second = table("sangong", [("101002", "某某市教育局", {"total": "2.00"})])
    for t in (full, first, second):
        for row in t.rows:
            row.unit_code, row.unit_name = row.code, row.name
    found = run_rules(document(full, first, second), only=["CROSS.UNIT"])
    accused = [f for f in found if f.message_id == "CROSS.UNIT"]
    assert [(f.args["name"], f.severity) for f in accused] == [("某某市教育局", "warning")]


ROSTER = ["纳入本部门2021年部门预算编制范围的二级预算单位共有2个，包括：",
          "序号\t单位名称\t拟变动情况", "1\t中共某市委宣传部本级（机关）\t", "2\t{listed}\t"]


def _listed(listed: str, printed: str) -> list:
    t = table("income", [("201001", "中共某市委宣传部", {"total": "1.00"}),
                         ("201002", printed, {"total": "1.00"})], first_line=20)
    for r, (code, name) in zip(t.rows, [("201001", "中共某市委宣传部"), ("201002", printed)],
                               strict=True):
        r.unit_code, r.unit_name = code, name
    text = [line.format(listed=listed) for line in ROSTER] + [""] * 30
    return run_rules(document(t, text=text), only=["CROSS.UNIT_LISTED"])


def test_a_listed_unit_the_tables_name_alike_passes() -> None:
    assert _listed("中共某市委讲师团", "中共某市委讲师团") == []


def test_a_listed_unit_the_tables_name_with_words_put_inside_is_found() -> None:
    found = _listed("中共某市委讲师团", "中共某市委理论讲师团")
    assert [f.message for f in found] == [
        "单位名称前后不一：单位构成列为“中共某市委讲师团”，income作“中共某市委理论讲师团”（多“理论”）"]
    assert [loc.line for loc in found[0].locations] == [4, 23]


def test_a_roster_header_printed_with_blanks_inside_its_words_is_read() -> None:
    from yusuan.model import Line
    from yusuan.recognise.narrative.people import unit_roster

    lines = [Line(n, text) for n, text in enumerate(
        ["单位构成", "序 号\t单位 名称\t拟变动情况", "1\t中共某市委讲师团\t", "说明"], start=1)]
    assert unit_roster(lines) == [("中共某市委讲师团", 3)]
    lines[1] = Line(2, "序号\t单位\t拟变动情况")
    assert unit_roster(lines) == []


@pytest.mark.parametrize(("listed", "printed"), [
    ("某市讲师团", "中共某市委讲师团"),          # longer at its start
    ("中共某市委讲师团", "中共某市委讲师团本级"),  # longer at its end
    ("中共某市委讲师团服务中心", "中共某市委讲师团服务"),  # cut short by its cell
    ("中共某市委讲师团", "中共某市委（机关）讲师团"),  # a bracket put in
])
def test_a_name_longer_at_an_end_or_cut_short_is_not_accused(listed: str, printed: str) -> None:
    assert _listed(listed, printed) == []


def test_unit_finding_cites_the_header_line_that_prints_the_unit() -> None:
    units = "[056]某区医疗保障局 , [056001]某区医疗保障服务中心"
    t = _header("fiscal_summary", units)
    t.lines = (1, 8)
    t.unit_line = 4
    t.budget_unit_line = 3
    text = ["财政拨款收支总表", "", units, "单位：万元"] + [""] * 6
    good = _header("summary", "[056]某区医疗保障局 , [056002]某区医疗保障服务中心")
    found = run_rules(document(t, good, text=text), only=["CROSS.UNIT"])
    assert found[0].locations[0].line == 3


def test_basic_totals_from_panel_totals() -> None:
    def panels(public: str):
        t = table("basic_expenditure", [(None, "人员经费合计", {"actual": "6.00"}),
                                        (None, "公用经费合计", {"actual": public})])
        t.rows[0].side, t.rows[1].side = "personnel", "public"
        return t
    assert run_rules(document(_gbe(), panels("0.00")), only=["CROSS.BASIC"]) == []
    found = run_rules(document(_gbe(), panels("0.01")), only=["CROSS.BASIC"])
    assert [f.severity for f in found] == ["info"]
    found = run_rules(document(_gbe(), panels("2.00")), only=["CROSS.BASIC"])
    assert [f.severity for f in found] == ["error"]


def _projects(total: str, columns: list[str]):
    from .builders import table as make

    cells = {"total": total, "general_budget": total}
    return make("project_expenditure", [(None, "合计", cells), (None, "项目甲", cells)],
                columns=columns)


def _spending(project: str):
    from .builders import table as make

    return make("expenditure", [(None, "合计", {"total": "20.00", "basic": "8.00",
                                               "project": project})])


def test_the_project_table_totals_the_spending_tables_project_column() -> None:
    from yusuan.rules import run_rules

    from .builders import document

    every_fund = ["total", "general_budget", "unit_funds"]
    assert run_rules(document(_projects("12.00", every_fund), _spending("12.00")),
                     only=["CROSS.PROJECTS"]) == []
    found = run_rules(document(_projects("14.00", every_fund), _spending("12.00")),
                      only=["CROSS.PROJECTS"])
    assert len(found) == 1 and found[0].severity == "warning"
    # a table of 财政拨款 projects alone may total less than all project spending
    assert run_rules(document(_projects("10.00", ["total", "general_budget"]),
                              _spending("12.00")), only=["CROSS.PROJECTS"]) == []


def _fiscal_summary(grand: str):
    from .builders import side_rows

    return side_rows("fiscal_summary", [("一般公共预算", {"budget": grand}),
                                        ("收入总计", {"budget": grand})],
                     [("城乡社区支出", {"budget": grand}), ("支出总计", {"budget": grand})])


def test_no_table_spends_more_fiscal_money_than_the_fiscal_summary_holds() -> None:
    from yusuan.rules import run_rules

    from .builders import document
    from .builders import table as make

    def projects(general: str):
        return make("project_expenditure", [
            (None, "合计", {"total": "7552.92", "general_budget": general, "gov_fund": "6816.00"}),
            (None, "项目甲", {"total": "7552.92", "general_budget": general,
                              "gov_fund": "6816.00"})])

    assert run_rules(document(projects("736.81"), _fiscal_summary("7552.81")),
                     only=["CROSS.FISCAL_CAP"]) == []
    found = run_rules(document(projects("736.92"), _fiscal_summary("7552.81")),
                      only=["CROSS.FISCAL_CAP"])
    assert len(found) == 1 and found[0].severity == "warning"
    assert "多 0.11" in found[0].message
    # below the grand total: another table may hold the rest
    assert run_rules(document(projects("700.00"), _fiscal_summary("7552.81")),
                     only=["CROSS.FISCAL_CAP"]) == []
