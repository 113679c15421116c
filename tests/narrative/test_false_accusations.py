"""Correct, ordinary wording of real disclosures that the rules once reported: each case with
the sentence that must pass and the defect that must still be found."""

from __future__ import annotations

from yusuan.model import Document, Source, Table, TableRow
from yusuan.readers.text import text_to_lines
from yusuan.recognise.narrative import extract_facts
from yusuan.rules.engine import run_rules


def doc(text: str, unit: str = "万元", year: int = 2025,
        department: str = "某市某区某局") -> Document:
    src = Source("t.txt", "text", "", text_to_lines(text))
    return Document(src, department=department, year=year, kind="部门预算", unit=unit,
                    tables=[], facts=extract_facts(src, year=year))


def messages(d: Document, rule_id: str) -> list[str]:
    return [f.message for f in run_rules(d, only=[rule_id])]


SANGONG = ("七、“三公”经费情况\n2025年“三公”经费支出5.10万元，其中：因公出国（境）费0万元；"
           "公务用车购置及运行维护费3.60万元；公务接待费1.50万元。\n"
           "八、机关运行经费\n2025年本部门机关运行经费41.86万元。")


def test_narrative_in_wan_beside_tables_in_yuan_is_one_unit() -> None:
    """Tables in 元, the whole narrative in 万元: a convention, not 7 wrong units."""
    assert messages(doc(SANGONG, unit="元"), "NARRATIVE.UNIT") == []
    odd = messages(doc(SANGONG.replace("费0万元", "费0元"), unit="元"), "NARRATIVE.UNIT")
    assert len(odd) == 1 and "0元" in odd[0] and "万元" in odd[0]


def test_unit_message_prints_large_amounts_in_full() -> None:
    text = SANGONG.replace("41.86万元", "4186000元")
    found = messages(doc(text), "NARRATIVE.UNIT")
    assert len(found) == 1 and "4186000元" in found[0] and "e+" not in found[0]


def _income_table(*units: tuple[str, str]) -> Table:
    rows = [TableRow(name, 60 + i, code=code, unit_code=code, unit_name=name,
                     values={"total": 10.0}, decimals={"total": 2})
            for i, (code, name) in enumerate(units)]
    return Table("income", "部门收入总表", (58, 60 + len(rows)), rows=rows)


UNIT_LIST = ("二、部门机构设置\n纳入某市某区文化和旅游局2025年部门预算编制范围的预算单位包括：\n"
             "1. {own}\n2. 某区文化馆\n")


def test_the_departments_own_unit_by_another_name_is_not_a_subordinate() -> None:
    """'…局机关' or the department's own name heads the list: it is the 本级, not a second
    subordinate unit."""
    income = _income_table(("402", "某区文化和旅游局"), ("402001", "某区文化和旅游局本级"),
                           ("402002", "某区文化馆"))
    for own in ("某区文化和旅游局本级", "某区文化和旅游局机关", "某区文化和旅游局",
                "某市某区文化和旅游局"):
        d = doc(UNIT_LIST.format(own=own), department="某市某区文化和旅游局")
        d.tables = [income]
        assert messages(d, "NARRATIVE.UNITS") == [], own
    three = doc(UNIT_LIST.format(own="某区文化和旅游局机关") + "3. 某区图书馆\n",
                department="某市某区文化和旅游局")
    three.tables = [income]
    assert len(messages(three, "NARRATIVE.UNITS")) == 1


def test_a_plan_for_several_years_that_include_this_one_is_current() -> None:
    """《…2024年至2026年…行动方案》 runs through 2025: citing it in 2025 is no leftover."""
    text = "主要用于落实《某区{}全域旅游发展行动方案》，开展区域旅游形象宣传。"
    for period in ("2024年至2026年", "2024—2026年", "2024-2026年", "2025年"):
        assert messages(doc(text.format(period)), "NARRATIVE.YEAR") == [], period
    for period in ("2024年", "2022年至2024年"):
        assert len(messages(doc(text.format(period)), "NARRATIVE.YEAR")) == 1, period


def test_a_table_number_does_not_take_the_first_character_of_its_title() -> None:
    """'表5 一般公共预算支出表': 一 begins 一般, it is not part of the number."""
    from yusuan.recognise.titles import classify_title

    for text, number in (("表5 一般公共预算支出表", "表5"), ("表一 一般公共预算支出表", "表一"),
                         ("表7 一般公共预算“三公”经费支出表", "表7")):
        title = classify_title(text)
        assert title is not None and title.text.startswith("一般公共预算"), text
        assert title.number == number, text


def test_a_year_heading_a_column_group_is_no_subject_code() -> None:
    """A 三公 table printing '2024年预算数' over one group and '2025年预算数' over the other:
    2024 is a year, not a 科目编码 of the wrong length."""
    from yusuan.recognise.rows import split_code

    assert split_code("2024年预算数") == (None, "2024年预算数")
    assert split_code("2024 年度预算数") == (None, "2024 年度预算数")
    assert split_code("2080505 机关事业单位基本养老保险缴费支出") == (
        "2080505", "机关事业单位基本养老保险缴费支出")
    assert split_code("[056002]") == ("056002", "")
    assert split_code("42010625T000001234") == ("42010625T000001234", "")


def test_a_figure_for_several_items_names_them_all() -> None:
    """'…（款）行政单位医疗、事业单位医疗（项）合计 17.56万元': the figure is for both 项, not for the
    last one only."""
    text = ("（三）一般公共预算拨款具体使用情况\n卫生健康支出（类）行政事业单位医疗（款）行政单位医疗、"
            "事业单位医疗（项）2025年预算数17.56万元。")
    facts = [f for f in doc(text).facts if f.concept == "functional_item"]
    assert [f.extra.get("items") for f in facts] == [["行政单位医疗", "事业单位医疗"]]
    listed = doc("社会保障和就业支出38.80万元、卫生健康支出22.31万元。").facts
    assert [f.extra.get("label") for f in listed] == ["社会保障和就业支出", "卫生健康支出"]


def _projects_table(kind: str, project: float) -> Table:
    row = TableRow("合计", 70, values={"total": 600.0, "project": project},
                   decimals={"total": 2, "project": 2})
    return Table(kind, kind, (69, 71), rows=[row])


def test_a_share_of_all_project_spending_counts_the_units_own_funds() -> None:
    """'金额105.55万元，占项目预算金额100%': 14.90 of it is 事业收入, which the 一般公共预算
    table leaves out and the 部门支出总表 counts."""
    text = ("（四）预算绩效管理情况\n本部门设置绩效目标项目个数6个，金额105.55万元，"
            "占{}100%。")
    tables = [_projects_table("general_budget_expenditure", 90.65),
              _projects_table("expenditure", 105.55)]
    d = doc(text.format("项目预算金额"))
    d.tables = tables
    assert messages(d, "NARRATIVE.COVERAGE") == []
    general = doc(text.format("一般公共预算项目支出的"))
    general.tables = tables
    assert len(messages(general, "NARRATIVE.COVERAGE")) == 1


def test_a_share_of_the_same_base_is_a_sibling_not_the_denominator() -> None:
    """'其中：财政拨款收入…，占本年收入97.39%；事业收入…，占本年收入2.61%': 财政拨款收入 is a
    part of the 收入合计 beside 事业收入, not the whole 事业收入 is a share of."""
    text = ("二、收入决算情况说明\n2024年度收入合计571.90万元。其中：财政拨款收入557.00万元，占本年收入"
            "97.39%；事业收入14.90万元，占本年收入{}%。")
    assert messages(doc(text.format("2.61")), "NARRATIVE.SHARE") == []
    wrong = messages(doc(text.format("3.61")), "NARRATIVE.SHARE")
    assert wrong and "571.9" in wrong[0], wrong


def _glossary_doc(sentence: str) -> Document:
    table = Table("general_budget_expenditure", "一般公共预算支出表", (40, 43), rows=[
        TableRow("卫生健康支出", 40, code="210", values={"total": 3215.59}, decimals={"total": 2}),
        TableRow("公立医院", 41, code="21002", values={"total": 3215.59}, decimals={"total": 2}),
        TableRow("综合医院", 42, code="2100201", values={"total": 2740.02}, decimals={"total": 2}),
        TableRow("中医(民族)医院", 43, code="2100202", values={"total": 475.57},
                 decimals={"total": 2})])
    d = doc("五、一般公共预算支出情况\n" + sentence + "\n")
    d.tables = [table]
    return d


def test_a_name_with_its_own_brackets_is_read_whole() -> None:
    """'公立医院（款）中医（民族）医院（项）' names 中医（民族）医院, not 医院; a wrong name is
    still found."""
    right = ("（18）卫生健康支出（类）公立医院（款）中医（民族）\n医院（项）475.57 万元，"
             "主要用于市中医院的支出。")
    assert messages(_glossary_doc(right), "NARRATIVE.GLOSSARY") == []
    wrong = right.replace("中医（民族）\n医院", "中医（蒙医）\n医院")
    assert len(messages(_glossary_doc(wrong), "NARRATIVE.GLOSSARY")) == 1


def test_a_list_number_with_a_space_before_its_dot_is_not_part_of_the_name() -> None:
    right = "5 .卫生健康支出（类）公立医院（款）综合医院（项）2740.02 万元。"
    assert messages(_glossary_doc(right), "NARRATIVE.GLOSSARY") == []
    wrong = right.replace("卫生健康支出（类）", "卫生支出（类）")
    assert len(messages(_glossary_doc(wrong), "NARRATIVE.GLOSSARY")) == 1


SANGONG_PRIOR = ("七、一般公共预算“三公”经费情况说明\n“三公经费”预算数为7.61万元，2025年预算数为9.23万元，"
                 "和2025年相比预算减少1.62万元，主要原因是压减公务接待。\n")


def test_last_years_figure_beside_this_years_is_its_prior_not_a_second_figure() -> None:
    """'…预算数为7.61万元，2025年预算数为9.23万元，…减少1.62万元' in a 2026 document: 9.23 is the
    2025 figure of the same 三公 total, and the change is checked against it."""
    d = doc(SANGONG_PRIOR, year=2026)
    sangong = [f for f in d.facts if f.concept == "sangong_total"]
    assert [(f.value, f.extra.get("prior"), f.extra.get("prior_year")) for f in sangong] == [
        (7.61, 9.23, 2025)]
    assert messages(d, "NARRATIVE.CHANGE") == []
    for wrong in ("减少1.26万元", "增加1.62万元"):
        found = messages(doc(SANGONG_PRIOR.replace("减少1.62万元", wrong), year=2026),
                         "NARRATIVE.CHANGE")
        assert len(found) == 1 and "9.23" in found[0]


def test_the_cost_of_hired_staff_is_not_the_departments_personnel_funds() -> None:
    text = "八、项目支出情况说明\n信访局临聘人员经费15.56万元，主要用于临聘人员工资。\n"
    assert [f.concept for f in doc(text).facts if f.value == 15.56] != ["personnel_funds"]
    text = "六、基本支出情况说明\n基本支出997.20万元，其中：人员经费856.10万元。\n"
    assert "personnel_funds" in [f.concept for f in doc(text).facts]


SHARES = ("三、支出预算情况\n2026年支出预算101673.03万元，其中：基本支出38197.01万元，占37.59%；"
          "项目支出63408.16万元，占62.41%；年终结转结余67.86万元。\n")


def test_shares_of_what_the_parts_add_up_to_are_right() -> None:
    """基本 + 项目 = 101,605.17 (本年支出, without 结转结余): 37.59% and 62.41% are of that."""
    assert messages(doc(SHARES, year=2026), "NARRATIVE.SHARE") == []
    wrong = messages(doc(SHARES.replace("占37.59%", "占38.59%"), year=2026), "NARRATIVE.SHARE")
    assert wrong and "38.59" in wrong[0]


def _fund_doc(sentence: str) -> Document:
    general = Table("general_budget_expenditure", "一般公共预算支出表", (40, 41), rows=[
        TableRow("交通运输支出", 41, code="214", values={"total": 41783.67}, decimals={"total": 2})])
    fund = Table("gov_fund", "政府性基金预算支出表", (50, 51), rows=[
        TableRow("交通运输支出", 51, code="214", values={"total": 64463.40}, decimals={"total": 2})])
    d = doc("（七）政府性基金预算支出情况说明\n" + sentence + "\n", year=2026)
    d.tables = [general, fund]
    return d


def test_a_class_in_the_gov_fund_section_is_the_fund_tables_line() -> None:
    right = "交通运输（类）支出 64463.40 万元，主要用于航道整治工程。"
    assert messages(_fund_doc(right), "NARRATIVE.TABLE") == []
    wrong = messages(_fund_doc(right.replace("64463.40", "64436.40")), "NARRATIVE.TABLE")
    assert len(wrong) == 1 and "64463.4" in wrong[0]


def test_a_project_named_like_a_functional_item_is_compared_with_the_project() -> None:
    """深圳: '5.社会组织管理 569.04 万元' in the list of 项目支出 is the project (569.04), not
    the 项 2080206 社会组织管理 (567.04)."""
    def checked(sentence: str) -> list[str]:
        d = doc("（五）项目支出 1197.14 万元，具体包括：\n" + sentence + "\n", year=2026)
        d.tables = [
            Table("general_budget_expenditure", "一般公共预算支出表", (40, 41), rows=[
                TableRow("社会组织管理", 41, code="2080206", values={"total": 567.04},
                         decimals={"total": 2})]),
            Table("project_expenditure", "项目支出总表", (50, 51), rows=[
                TableRow("社会组织管理", 51, values={"total": 569.04}, decimals={"total": 2})])]
        return messages(d, "NARRATIVE.TABLE")

    assert checked("5.社会组织管理 569.04 万元，主要包括：社会组织登记管理服务工作。") == []
    assert len(checked("5.社会组织管理 596.04 万元，主要包括：社会组织登记管理服务工作。")) == 1


def test_a_share_of_a_base_with_parts_taken_out_is_not_of_the_printed_projects() -> None:
    """'占财政性资金(人员类和运转类中的公用经费项目支出除外)总额的比例为 100%': its base is no
    total the tables print, whatever the word 项目 inside the brackets."""
    text = ("十五、预算绩效目标设置情况说明\n本单位共 11 个项目纳入绩效目标管理，涉及财政性资金合计"
            " 500.00 万元，占{}总额的比例为 100%。")
    tables = [_projects_table("general_budget_expenditure", 420.0)]
    excluded = doc(text.format("财政性资金(人员类和运转类中的公用经费项目支出除外)"))
    excluded.tables = tables
    assert messages(excluded, "NARRATIVE.COVERAGE") == []
    projects = doc(text.format("一般公共预算项目支出"))
    projects.tables = tables
    assert len(messages(projects, "NARRATIVE.COVERAGE")) == 1


def test_a_final_accounts_coverage_may_exceed_what_was_spent() -> None:
    """A 决算's self-evaluations cover the projects' budget (5105.75) while its table prints
    what was spent (3499.42): covering more than was spent is no defect, less is."""
    text = ("（一）预算绩效管理工作开展情况\n组织对一般公共预算项目支出全面开展绩效自评，共涉及资金"
            " {} 万元，占一般公共预算项目支出总额的 100%。")
    for covered, accused in (("5105.75", 0), ("3000.00", 1)):
        d = doc(text.format(covered))
        d.kind = "部门决算"
        d.tables = [_projects_table("general_budget_expenditure", 3499.42)]
        assert len(messages(d, "NARRATIVE.COVERAGE")) == accused, covered


def test_a_class_name_spaced_out_by_a_justified_line_is_the_class() -> None:
    """重庆: '…,住 房保障支出 1,947.94 万元' in the department's 支出预算 is the 221 line of
    the 部门支出总表 (1947.94), not the one of the 一般公共预算支出表 (1811.88)."""
    def checked(sentence: str) -> list[str]:
        d = doc("二、部门收支总体情况\n" + sentence + "\n", year=2026)
        d.tables = [
            Table("expenditure", "部门支出总体情况表", (40, 41), rows=[
                TableRow("住房保障支出", 41, code="221", values={"total": 1947.94},
                         decimals={"total": 2})]),
            Table("general_budget_expenditure", "一般公共预算支出情况表", (50, 51), rows=[
                TableRow("住房保障支出", 51, code="221", values={"total": 1811.88},
                         decimals={"total": 2})])]
        return messages(d, "NARRATIVE.TABLE")

    right = "（二）支出预算：其中：教育支出 55.32 万元，住 房保障支出 1,947.94 万 元。"
    assert checked(right) == []
    wrong = checked(right.replace("1,947.94", "1,974.94"))
    assert len(wrong) == 1 and "1947.94" in wrong[0]


def test_the_items_of_a_list_after_its_first_sentence_are_parts_too() -> None:
    """长沙: “项目支出预算 40233.95 万元……其中：一般公共服务支出 3.00 万元，主要用于……。公共安全支出
    40230.95 万元，主要用于……” — the second 类 continues the 其中 list of the 项目支出."""
    text = ("四、一般公共预算拨款支出\n（二）项目支出：2025 年本单位项目支出预算 40233.95 万元，"
            "主要用于专项业务，其中：一般公共服务支出 3.00 万元，主要用于派驻纪检监察组办公经费。"
            "公共安全支出 40230.95 万元，主要用于警务辅助人员经费。")
    facts = extract_facts(Source("t.txt", "text", "", text_to_lines(text)), year=2025)
    items = [f for f in facts if f.concept == "functional_item"]
    assert [f.extra.get("part_of") for f in items] == ["project_expenditure"] * 2
    alone = text.replace("其中：", "")
    facts = extract_facts(Source("t.txt", "text", "", text_to_lines(alone)), year=2025)
    assert not any(f.extra.get("part_of") for f in facts if f.concept == "functional_item")


def test_a_table_figure_written_with_the_wrong_unit_word_is_one_unit_slip() -> None:
    """长春: “预算支出1682.76元” in a narrative of 万元, the table's 1682.76 万元 — NARRATIVE.UNIT
    reports the 元; comparing 1682.76 元 with the table would report the same slip again."""
    def checked(sentence: str) -> list[str]:
        d = doc("二、部门收支总体情况\n（二）支出预算：其中：教育支出 55.32 万元，" + sentence
                + "社会保障和就业支出 10.00 万元。\n", year=2026)
        d.tables = [Table("expenditure", "部门支出总体情况表", (40, 41), unit="万元", rows=[
            TableRow("住房保障支出", 41, code="221", values={"total": 1947.94},
                     decimals={"total": 2})])]
        return messages(d, "NARRATIVE.TABLE")

    assert checked("住房保障支出 1947.94 元，") == []
    assert len(checked("住房保障支出 1974.94 元，")) == 1


def test_a_headline_figure_written_with_the_wrong_unit_word_is_one_unit_slip() -> None:
    """长春: “预算支出1682.76元” beside the 收支总表's 本年支出合计 1682.76 万元."""
    def checked(figure: str) -> list[str]:
        d = doc("二、收支预算总体情况\n2026年收入预算 1682.76 万元，支出预算 " + figure
                + "，其中基本支出预算 1208.20 万元。\n", year=2026)
        d.headline["total_expenditure"] = {"value": 1682.76, "decimals": 2, "line": 90}
        return messages(d, "NARRATIVE.TABLE")

    assert checked("1682.76元") == []
    assert len(checked("1628.76元")) == 1


def test_a_class_of_the_fiscal_summarys_account_is_its_line_there() -> None:
    """国家信访局 “四、关于财政拨款收支总表的说明 … 支出包括：一般公共服务支出 15,291.3 万元” is the
    财政拨款收支总表's 201 line (with the carry-over), not the 一般公共预算支出表's 13144.37."""
    def checked(figure: str) -> list[str]:
        d = doc("四、关于财政拨款收支总表的说明\n2026 年财政拨款收支总预算 18,728.91 万元。支出包括："
                f"一般公共服务支出 {figure} 万元，占 81.65%。\n", year=2026)
        fiscal = Table("fiscal_summary", "财政拨款收支总表", (40, 42), rows=[
            TableRow("一般公共服务支出", 41, values={"budget": 15291.3}, decimals={"budget": 2})])
        fiscal.rows[0].side = "expenditure"
        d.tables = [fiscal, Table("general_budget_expenditure", "一般公共预算支出表", (50, 51), rows=[
            TableRow("一般公共服务支出", 51, code="201", values={"total": 13144.37},
                     decimals={"total": 2})])]
        return messages(d, "NARRATIVE.TABLE")

    assert checked("15,291.3") == []
    assert len(checked("15,921.3")) == 1
