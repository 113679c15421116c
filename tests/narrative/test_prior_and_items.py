"""Prior-year figures, several-项 lines, performance coverage, income parts, 机关运行经费
scope and hired staff: each check on a passing and a failing narrative written here."""

from __future__ import annotations

from tests.narrative.test_rules import doc, rules
from yusuan.model import Table, TableRow
from yusuan.recognise.projects.model import DeptForm
from yusuan.recognise.projects.text import Amount
from yusuan.rules.engine import run_rules

TOTAL = ("一、收支预算总体情况\n"
         "2024 年部门收支总预算 933.79 万元，比 2023 年预算增加 633.25 万元，增长 210.7%。")


def _form(prior: float) -> DeptForm:
    funding = {"income_total": {"current": Amount(933.79, 2, 105), "2023": Amount(prior, 2, 105)}}
    return DeptForm(lines=(100, 120), funding=funding, years=["2022", "2023"])


def test_change_against_the_forms_prior_year() -> None:
    good = doc(TOTAL)
    good.forms = [_form(300.54)]
    assert rules(good, "NARRATIVE.PRIOR_YEAR") == []
    bad = doc(TOTAL)
    bad.forms = [_form(300.44)]
    found = rules(bad, "NARRATIVE.PRIOR_YEAR")
    assert len(found) == 1 and "300.44" in found[0] and "633.35" in found[0]


FLAT = ("一、收支预算总体情况\n"
        "2024 年部门收支总预算 2,245.15 万元。比 2023 年预算增加（减少）0 万元，增长（下降）0%。")


def test_flat_change_in_its_own_sentence_keeps_its_year() -> None:
    facts = [f for f in doc(FLAT).facts if f.concept == "income_grand_total"]
    assert facts and facts[0].extra["change"] == 0 and facts[0].extra["base_year"] == 2023
    assert rules(doc(FLAT), "NARRATIVE.YEAR") == []
    found = rules(doc(FLAT.replace("比 2023 年", "比 2022 年")), "NARRATIVE.YEAR")
    assert len(found) == 1 and "2022" in found[0]


def _row(code: str, name: str, line: int, total: float) -> TableRow:
    return TableRow(name, line, code=code, values={"total": total}, decimals={"total": 2})


def health_table(extra: list[TableRow] | None = None) -> Table:
    rows = [TableRow("合计", 79, values={"total": 398.40, "project": 199.74},
                     decimals={"total": 2, "project": 2}),
            _row("210", "卫生健康支出", 80, 398.40), _row("21011", "行政事业单位医疗", 81, 12.70),
            _row("2101101", "行政单位医疗", 82, 6.24), _row("2101103", "公务员医疗补助", 83, 6.46),
            _row("21015", "医疗保障管理事务", 84, 385.70), _row("2101501", "行政运行", 85, 385.70)]
    return Table("general_budget_expenditure", "一般公共预算财政拨款支出决算表", (78, 90),
                 rows=rows + (extra or []))


ITEMS = ("（三）一般公共预算财政拨款支出决算具体情况\n"
         "1. 卫生健康支出（类）行政事业单位医疗（款）行政单位医疗、公务员医疗补助（项）。"
         "年初预算为 12.00 万元，支出决算为 12.70 万元，完成年初预算的 105.83%。")


def test_several_items_against_the_sum_of_their_rows() -> None:
    assert rules(doc(ITEMS, [health_table()]), "NARRATIVE.ITEMS") == []
    wrong = ITEMS.replace("12.70 万元，完成年初预算的 105.83%", "398.40 万元，完成年初预算的 3320%")
    found = rules(doc(wrong, [health_table()]), "NARRATIVE.ITEMS")
    assert len(found) == 1 and "12.7" in found[0] and "210 卫生健康支出" in found[0]


UNKNOWN = ("（三）一般公共预算财政拨款支出决算具体情况\n"
           "1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）。"
           "年初预算为 0 万元，支出决算为 0 万元，完成年初预算的 100%。")


def test_item_of_a_class_the_tables_do_not_carry() -> None:
    carried = health_table([_row("201", "一般公共服务支出", 86, 1.0),
                            _row("2010302", "一般行政管理事务", 87, 1.0)])
    assert rules(doc(UNKNOWN, [carried]), "NARRATIVE.ITEM_UNKNOWN") == []
    found = rules(doc(UNKNOWN, [health_table()]), "NARRATIVE.ITEM_UNKNOWN")
    assert len(found) == 1 and "201" in found[0] and "无从计算" in found[0]


SHARE = ("十三、预算绩效情况说明\n（一）预算绩效管理工作开展情况\n"
         "我部门组织对 2023 年度一般公共预算项目支出全面开展绩效自评，共涉及项目 3 个，"
         "资金 199.74 万元，占一般公共预算项目支出总额的 100%。")


def test_coverage_share_of_project_spending() -> None:
    assert rules(doc(SHARE, [health_table()]), "NARRATIVE.COVERAGE") == []
    found = rules(doc(SHARE.replace("199.74", "183.8"), [health_table()]), "NARRATIVE.COVERAGE")
    assert len(found) == 1 and "92.02%" in found[0]


WHOLE = ("十三、预算绩效情况说明\n（二）部门整体支出自评结果\n"
         "我部门组织对本部门开展整体支出绩效自评，资金 398.40 万元，执行情况较好。")


def test_whole_department_evaluation_covers_the_whole_spending() -> None:
    assert rules(doc(WHOLE, [health_table()]), "NARRATIVE.COVERAGE") == []
    found = rules(doc(WHOLE.replace("398.40", "183.8"), [health_table()]), "NARRATIVE.COVERAGE")
    assert len(found) == 1 and "398.4" in found[0] and "不是整体支出" in found[0]


INCOME = ("一、收支预算总体安排情况\n2025年部门预算总收入7515.18万元，较2024年部门预算总收入增加"
          "320.11万元，增加4.4%。其中：一般公共预算拨款收入7460.18万元，其他收入15万元。")


def test_income_parts_leaving_out_the_carry_over() -> None:
    complete = doc(INCOME.replace("其他收入15万元。", "其他收入15万元，上年结转结余40万元。"))
    complete.headline = {"carryover_in": {"value": 40.0, "line": 70}}
    assert rules(complete, "NARRATIVE.PARTS") == []
    partial = doc(INCOME)
    partial.headline = {"carryover_in": {"value": 40.0, "line": 70}}
    found = run_rules(partial, only=["NARRATIVE.PARTS"])
    assert len(found) == 1 and found[0].severity == "info" and "上年结转结余 40" in found[0].message
    assert [loc.line for loc in found[0].locations][-1] == 70


AGENCY = ("三、部门人员构成\n某局总编制人数 11 人，其中：行政编制 5 人，事业编制 6 人（其中：参照公务员法管理 0 人）。\n"
          "八、部门支出预算安排情况\n（一）机关运行经费情况\n"
          "2021 年部门本级机关及下属 1 家事业单位的机关运行经费 116.38 万元。\n"
          "十、名词解释\n（六）机关运行经费：为保障行政单位（包括参照公务员法管理的事业单位）运行用于购买"
          "货物和服务的各项资金。")


def test_agency_costs_for_a_subordinate_institution() -> None:
    own = AGENCY.replace("本级机关及下属 1 家事业单位", "本级机关")
    assert rules(doc(own), "NARRATIVE.DEFINITION") == []
    cangong = AGENCY.replace("参照公务员法管理 0 人", "参照公务员法管理 6 人")
    assert rules(doc(cangong), "NARRATIVE.DEFINITION") == []
    found = rules(doc(AGENCY), "NARRATIVE.DEFINITION")
    assert len(found) == 1 and "下属 1 家事业单位" in found[0]


STAFF = ("三、部门人员构成\n某中心在职实有事业编制27人，退休人员 5人，其他人员 13人。\n"
         "四、项目支出情况\n9、项目聘请公共服务岗人员经费91万元，主要用于支付聘用公共服务岗人员13人的经费。")


def test_hired_staff_against_other_staff() -> None:
    assert rules(doc(STAFF), "NARRATIVE.STAFFING") == []
    found = rules(doc(STAFF.replace("其他人员 13人", "其他人员 12人")), "NARRATIVE.STAFFING")
    assert len(found) == 1 and "12" in found[0] and "13" in found[0]


PERSONNEL_LIST = ("六、财政拨款基本支出预算情况说明\n"
                  "（一）人员经费 4,482.32 万元。主要包括：基本工资、津\n"
                  "贴补贴、{bonus}、绩效工资、社会保障缴费、住房公积金、医疗费、\n"
                  "离休费、退休费、奖励金等。\n")


def test_a_listed_item_one_character_off_its_expected_name_is_a_slip() -> None:
    """江苏 政协: '基本工资、津贴补贴、资金、绩效工资…' — 资金 stands where 30103 奖金 stands."""
    assert rules(doc(PERSONNEL_LIST.format(bonus="奖金"), year=2018), "NARRATIVE.ECON_NAME") == []
    found = run_rules(doc(PERSONNEL_LIST.format(bonus="资金"), year=2018),
                      only=["NARRATIVE.ECON_NAME"])
    assert len(found) == 1 and found[0].severity == "warning"
    assert "“资金”" in found[0].message and "30103 奖金" in found[0].message
    assert [loc.line for loc in found[0].locations] == [3, 2]  # the slip's line, the list's


def test_a_list_item_is_not_accused_out_of_its_place_or_when_the_list_is_not_the_classifications(
        ) -> None:
    # 资金 after 绩效工资 (30107): 奖金 (30103) is not the name expected there
    late = "（一）人员经费 10.00 万元，主要包括：基本工资、津贴补贴、绩效工资、资金、住房公积金、医疗费。"
    assert rules(doc(late), "NARRATIVE.ECON_NAME") == []
    # two odd items: not recognisably the classification's list
    loose = "（一）人员经费 10.00 万元，主要包括：基本工资、津贴补贴、资金、绩效工资、慰问金、医疗费。"
    assert rules(doc(loose), "NARRATIVE.ECON_NAME") == []
    # 水电费 is one character from 水费, 电费 and 邮电费; 津补贴 is the usual short form
    public = "（二）公用经费 10.00 万元，主要包括：办公费、印刷费、水电费、差旅费、会议费、培训费。"
    assert rules(doc(public), "NARRATIVE.ECON_NAME") == []
    short = "（一）人员经费 10.00 万元，主要包括：基本工资、津补贴、奖金、绩效工资、住房公积金。"
    assert rules(doc(short), "NARRATIVE.ECON_NAME") == []
