"""Headline figures and column keys in the wordings of other provinces."""

from yusuan.pipeline import document_from_text
from yusuan.recognise.columns import dated_keys, label_key


def test_columns_headed_by_years_are_this_year_and_last() -> None:
    paths = [["科目名称"], ["2025年预算数"], ["2026年预算数"]]
    keys = [None, label_key("2025年预算数"), label_key("2026年预算数")]
    assert dated_keys(paths, keys) == [None, "prior_year", "budget"]
    assert dated_keys([["2026 年预算数"]], ["budget"]) == ["budget"]


def test_carryover_worded_the_shenzhen_way() -> None:
    assert label_key("上年结余、结转") == "carryover"
    assert label_key("上年结转") == "carryover"


def test_grand_totals_printed_as_income_and_spending_totals() -> None:
    lines = [
        "2026年某某局部门预算", "收支预算总表", "单位：万元",
        "收入\t\t支出\t", "项目\t预算数\t项目\t预算数",
        "一般公共预算拨款收入\t90.00\t一般公共服务支出\t100.00",
        "本年收入合计\t90.00\t本年支出合计\t100.00",
        "上年结余、结转\t10.00\t结转下年支出\t0.00",
        "收入合计\t100.00\t支出合计\t100.00",
    ]
    headline = document_from_text("\n".join(lines)).headline
    assert headline["income_grand_total"]["value"] == 100.0
    assert headline["expenditure_grand_total"]["value"] == 100.0
    assert headline["carryover_in"]["value"] == 10.0
    assert headline["total_income"]["value"] == 90.0


def test_the_fiscal_summary_gives_only_the_appropriations_when_a_summary_is_printed() -> None:
    """Chongqing: 表一 prints only 合计; 表四's 本年收入 is the 财政拨款 part, not the department's."""
    from rules.builders import side_rows

    from yusuan.recognise.headline import tables_headline

    summary = side_rows("summary", [("一般公共预算拨款收入", {"budget": "90.00"}), ("事业收入", {"budget": "10.00"}),
                                    ("收入总计", {"budget": "100.00"})], [("支出总计", {"budget": "100.00"})])
    fiscal = side_rows("fiscal_summary", [("一般公共预算拨款收入", {"budget": "90.00"}),
                                          ("本年收入合计", {"budget": "90.00"})],
                       [("本年支出合计", {"budget": "90.00"})])
    headline = tables_headline([summary, fiscal])
    assert "total_income" not in headline and "total_expenditure" not in headline
    assert headline["income_grand_total"]["value"] == 100.0
    assert headline["general_budget_income"]["value"] == 90.0
    assert tables_headline([fiscal])["total_income"]["value"] == 90.0  # the only table: it is all we have


def test_a_file_of_tables_alone_is_a_budget_or_final_accounts_by_its_titles() -> None:
    from rules.builders import table

    from yusuan.recognise.meta import tables_kind

    final = [table("summary", [], title="收入支出决算总表"), table("general_budget_expenditure", [],
                                                              title="一般公共预算财政拨款支出决算表"),
             table("gov_fund", [], title="政府性基金预算财政拨款收入支出决算表")]
    assert tables_kind(final) == "部门决算"
    assert tables_kind([table("summary", [], title="预算01表收支总表")]) == "部门预算"


def test_the_sangong_total_in_the_layouts_of_other_provinces() -> None:
    """The 三公 total: this year's group beside last year's and the change (西安), the 三公
    小计 beside 会议费 and 培训费 (江苏), the row of this year among year rows with a 总计 group
    of funds (深圳), a nameless only row (武汉)."""
    from yusuan.model import Column, Table, TableRow
    from yusuan.recognise.columns import path_key
    from yusuan.recognise.headers import relative_years
    from yusuan.recognise.headline import sangong_headline

    def sangong(paths: list[list[str]], rows: list[tuple[str, list[float | None]]]) -> float:
        paths = relative_years(paths)
        keys: list[str] = []
        for path in paths:
            key = path_key(path) or "col"
            keys.append(key if key not in keys else f"{key}_{len(keys)}")
        table = Table("sangong", "“三公”经费支出表", (1, 9),
                      columns=[Column(k, p) for k, p in zip(keys, paths, strict=True)],
                      rows=[TableRow(name, 5 + i, values={k: v for k, v in zip(keys, values,
                                                                              strict=True)
                                                          if v is not None})
                            for i, (name, values) in enumerate(rows)])
        return sangong_headline(table)["sangong_total"]["value"]

    three = "一般公共预算拨款安排的“三公”经费预算"
    xian = [[year, *leaf] for year in ("2020年", "2021年", "增减变化情况")
            for leaf in (["合计"], [three, "小计"], [three, "公务接待费"], ["会议费"])]
    figures = [8274.0, 1600.0, 800.0, 4620.0, 11711.0, 651.0, 651.0, 3200.0,
               3437.0, -949.0, -149.0, -1420.0]
    assert sangong(xian, [("合计", figures)]) == 651.0
    jiangsu = [["合计"], ["“三公”经费", "小计"], ["“三公”经费", "公务接待费"], ["会议费"]]
    assert sangong(jiangsu, [("", [2542.6, 833.6, 427.5, 1305.25])]) == 833.6
    shenzhen = [["总计", "一般公共预算"], ["总计", "政府性基金预算"], ["公务接待费", "一般公共预算"]]
    assert sangong(shenzhen, [("2025 年", [33.0, 0.0, 15.0]), ("2026 年", [66.0, 1.5, 15.0]),
                              ("增减变化金额", [33.0, 1.5, 0.0])]) == 67.5
    wuhan = [["2026 年预算数", "合计"], ["2026 年预算数", "公务接待费"]]
    assert sangong(wuhan, [("", [112.61, 5.51])]) == 112.61


def test_a_nameless_first_row_above_the_coded_rows_is_the_total() -> None:
    """深圳 支出总表: the 合计 cell merged away, the first row prints only figures; its 基本支出
    is the department's. A nameless first row smaller than a coded row is no total."""
    lines = [
        "2026年某某局部门预算", "支出总表", "单位：万元",
        "科目编码\t科目名称\t支出总计\t基本支出\t项目支出",
        "\t\t28283.46\t5581.69\t22701.77",
        "205\t教育支出\t12.23\t0.00\t12.23",
        "208\t社会保障和就业支出\t28271.23\t5581.69\t22689.54",
    ]
    headline = document_from_text("\n".join(lines)).headline
    assert headline["basic_expenditure"]["value"] == 5581.69
    lines[4] = "\t\t12.00\t1.00\t11.00"
    assert "basic_expenditure" not in document_from_text("\n".join(lines)).headline


def test_carry_over_to_next_year_worded_the_fujian_and_guangzhou_way() -> None:
    for wording in ("结转下年支出", "结转结余下年", "年终结转结余"):
        lines = [
            "2026年某某局部门预算", "收支预算总表", "单位：万元",
            "收入\t\t支出\t", "项目\t预算数\t项目\t预算数",
            "一般公共预算拨款收入\t90.00\t一般公共服务支出\t100.00",
            "本年收入合计\t90.00\t本年支出合计\t100.00",
            f"上年结转结余\t10.00\t{wording}\t0.00",
            "收入总计\t100.00\t支出总计\t100.00",
        ]
        headline = document_from_text("\n".join(lines)).headline
        assert headline["carryover_out"]["value"] == 0.0, wording


def test_income_items_with_their_list_number_or_worded_as_funds() -> None:
    """重庆: '其他收入资金'; elsewhere '九、其他收入'."""
    for wording in ("其他收入资金", "九、其他收入"):
        lines = [
            "2026年某某局部门预算", "收支预算总表", "单位：万元",
            "收入\t\t支出\t", "项目\t预算数\t项目\t预算数",
            "一般公共预算拨款收入\t90.00\t一般公共服务支出\t100.00",
            f"{wording}\t10.00\t\t",
            "本年收入合计\t100.00\t本年支出合计\t100.00",
        ]
        headline = document_from_text("\n".join(lines)).headline
        assert headline["other_income"]["value"] == 10.0, wording
        assert headline["general_budget_income"]["value"] == 90.0


def test_the_procurement_total_when_its_kinds_add_up_to_it() -> None:
    """北京 预算10表: 合计 3084.19 = A-货物 1810.04 + C-服务 1274.15; a 合计 read into another
    column (its kinds adding to something else) gives no total."""
    from rules.builders import table

    from yusuan.recognise.headline import procurement_headline

    rows = [(None, "A-货物", {"budget": "1810.04"}), (None, "C-服务", {"budget": "1274.15"}),
            (None, "合计", {"budget": "3084.19"})]
    assert procurement_headline(table("procurement", rows))["value"] == 3084.19
    rows[2] = (None, "合计", {"budget": "147.03"})
    assert procurement_headline(table("procurement", rows)) == {}


def test_the_sangong_total_column_worded_as_a_total_of_appropriations() -> None:
    assert label_key("“三公”经费财政拨款预算总额") == "total"  # 北京 预算09表
    assert label_key("“三公”经费合计") == "total"


def test_a_file_of_tables_naming_no_year_is_dated_by_its_file_name() -> None:
    from yusuan.recognise.meta import file_name_year

    assert file_name_year("财政局_2026年部门预算.pdf") == 2026
    assert file_name_year("2026年长沙市公安局2025年部门预算.pdf") is None  # two years: none
    assert file_name_year("budget_template.xls") is None


def test_the_xian_words_for_personnel_public_and_project_columns() -> None:
    """西安 部门综合预算: 人员经费支出 | 公用经费支出 | 专项业务经费支出 (its 项目支出)."""
    assert label_key("人员经费支出") == "personnel"
    assert label_key("公用经费支出") == "public"
    assert label_key("专项业务经费支出") == "project"


def test_amounts_a_spreadsheet_groups_only_in_their_last_three_digits() -> None:
    """上海 单位预算 exported from Excel prints '120258,600' for 120,258,600 元."""
    from yusuan.recognise.numbers import parse_amount

    assert parse_amount("120258,600") == (120258600.0, 0)
    assert parse_amount("7880,000") == (7880000.0, 0)
    assert parse_amount("1234,56") is None and parse_amount("12,3456") is None
    lines = [
        "2026年某某院单位预算", "财务收支预算总表", "单位：元",
        "本年收入\t\t本年支出\t", "项目\t预算数\t项目\t预算数",
        "一、财政拨款收入\t120258,600\t一、社会保障和就业支出\t128138,600",
        "四、其他收入\t7880,000\t\t",
        "收入总计\t128138,600\t支出总计\t128138,600",
    ]
    headline = document_from_text("\n".join(lines)).headline
    assert headline["income_grand_total"]["value"] == 128138600.0
    assert headline["other_income"]["value"] == 7880000.0


def test_this_years_income_and_spending_worded_as_the_current_years_subtotal() -> None:
    """江苏 2017–2018 收支预算总表: '当年收入小计' / '当年支出小计' (or '当年收入' with its 小计
    on the next page) and the income item '三、其他资金'."""
    for income_words in ("当年收入小计", "当年收入"):
        lines = [
            "2018年某某厅部门预算", "收支预算总表", "单位：万元",
            "收入\t\t支出\t", "项目名称\t金额\t功能科目名称\t金额",
            "一、财政拨款\t90.00\t一、一般公共服务支出\t100.00",
            "三、其他资金\t10.00\t\t",
            f"{income_words}\t100.00\t当年支出小计\t100.00",
            "上年结转资金\t\t结转下年资金\t",
            "收入合计\t100.00\t支出合计\t100.00",
        ]
        headline = document_from_text("\n".join(lines)).headline
        assert headline["total_income"]["value"] == 100.0, income_words
        assert headline["total_expenditure"]["value"] == 100.0, income_words
        assert headline["other_income"]["value"] == 10.0, income_words


def test_a_spending_total_table_of_one_unnamed_row_gives_basic_and_project_spending() -> None:
    """江苏 支出预算总表: one row of figures under 合计 | 基本支出 | 项目支出 | …, no name, no code."""
    lines = [
        "2018年某某厅部门预算", "支出预算总表", "单位：万元",
        "合计\t基本支出\t项目支出\t单位预留机动经费\t结转下年资金",
        "100.00\t60.00\t30.00\t10.00\t",
    ]
    headline = document_from_text("\n".join(lines)).headline
    assert headline["basic_expenditure"]["value"] == 60.0
    assert headline["project_expenditure"]["value"] == 30.0


def test_the_agency_operating_costs_from_their_own_table() -> None:
    """江苏 一般公共预算机关运行经费支出预算表: its 合计 is the 机关运行经费."""
    lines = [
        "2018年某某厅部门预算", "一般公共预算机关运行经费支出预算表", "单位：万元",
        "科目编码\t科目名称\t机关运行经费支出",
        "\t合计\t1,115.85",
        "302\t商品和服务支出\t1,115.85",
        "30201\t办公费\t1,115.85",
    ]
    headline = document_from_text("\n".join(lines)).headline
    assert headline["agency_operating_costs"]["value"] == 1115.85
    assert "source" not in headline["agency_operating_costs"]


def test_the_old_jiangsu_spending_columns_are_read() -> None:
    """江苏 2017–2018 支出预算总表: 合计 = 基本支出 + 项目支出 + 单位预留机动经费; 结转下年资金
    beside them. Read, the table is sure, and a 合计 that does not add up is found."""
    from yusuan.rules import run_rules

    assert label_key("单位预留机动经费") == "reserve"
    assert label_key("结转下年资金") == "carryover_out"
    lines = [
        "2018年某某厅部门预算", "支出预算总表", "单位：万元",
        "合计\t基本支出\t项目支出\t单位预留机动经费\t结转下年资金",
        "100.00\t60.00\t30.00\t10.00\t",
    ]
    doc = document_from_text("\n".join(lines))
    rules = {f.rule for f in run_rules(doc)}
    assert "TABLE.UNSURE" not in rules and "ROW.TOTAL" not in rules
    lines[-1] = "100.00\t60.00\t30.00\t20.00\t"
    assert "ROW.TOTAL" in {f.rule for f in run_rules(document_from_text("\n".join(lines)))}


XIAN_SUMMARY = [
    "2021年部门综合预算", "部门综合预算收支总表", "单位：元",
    "收入\t\t支出\t\t\t\t\t",
    ("项目\t预算数\t支出功能分类科目（按大类）\t预算数\t部门预算支出经济分类科目（按大类）\t预算数"
     "\t政府预算支出经济分类科目（按大类）\t预算数"),
    "一、部门预算\t300.00\t一、部门预算\t300.00\t一、部门预算\t300.00\t一、部门预算\t300.00",
    ("(1)一般公共预算拨款\t300.00\t1、一般公共服务支出\t300.00\t1、人员经费和公用经费支出\t80.00"
     "\t1、机关工资福利支出\t60.00"),
    "\t\t\t\t2、专项业务经费支出\t220.00\t2、机关商品和服务支出\t240.00",
    "本年收入合计\t300.00\t本年支出合计\t300.00\t本年支出合计\t300.00\t本年支出合计\t300.00",
    "上年结转\t10.00\t结转下年\t10.00\t结转下年\t10.00\t结转下年\t10.00",
    "收入总计\t310.00\t支出总计\t310.00\t支出总计\t310.00\t支出总计\t310.00",
]


def test_a_summary_of_four_panels_listing_the_classes_by_name() -> None:
    """西安 部门综合预算收支总表: 收入 | 功能大类 | 部门经济大类 | 政府经济大类, each panel a name
    column headed '…科目（按大类）' and its 预算数; 基本支出 is '人员经费和公用经费支出' there."""
    headline = document_from_text("\n".join(XIAN_SUMMARY)).headline
    assert {key: headline[key]["value"] for key in (
        "total_income", "income_grand_total", "general_budget_income", "carryover_in",
        "total_expenditure", "expenditure_grand_total", "carryover_out",
        "basic_expenditure", "project_expenditure")} == {
        "total_income": 300.0, "income_grand_total": 310.0, "general_budget_income": 300.0,
        "carryover_in": 10.0, "total_expenditure": 300.0, "expenditure_grand_total": 310.0,
        "carryover_out": 10.0, "basic_expenditure": 80.0, "project_expenditure": 220.0}
    assert label_key("支出功能分科目（按大类）") == "name"  # as 宣传部 misprints it


def test_a_numbered_first_column_is_no_value_column() -> None:
    """科技局: every table page begins with a 序号 column; the 收入 panel's labels follow it."""
    lines = ["序号\t" + line if index >= 3 else line for index, line in enumerate(XIAN_SUMMARY)]
    lines = [line.replace("序号\t", f"{index - 4}\t", 1) if index >= 5 else line
             for index, line in enumerate(lines)]
    headline = document_from_text("\n".join(lines)).headline
    assert headline["total_income"]["value"] == 300.0
    assert headline["income_grand_total"]["value"] == 310.0


def test_the_procurement_total_when_its_purchases_add_up_to_it() -> None:
    """西安 应急 表12: no 货物/工程/服务 rows, a 合计 over the purchases; purchases adding to
    something else give no total."""
    from rules.builders import table

    from yusuan.recognise.headline import procurement_headline

    rows = [(None, "合计", {"budget": "69.80"}), ("2240106", "信息平台", {"budget": "10.00"}),
            ("2240106", "救援车", {"budget": "59.80"}), ("2240106", "考试系统", {})]
    assert procurement_headline(table("procurement", rows))["value"] == 69.8
    rows[0] = (None, "合计", {"budget": "192.13"})
    assert procurement_headline(table("procurement", rows)) == {}
    assert label_key("预算金额") == "budget" and label_key("采购项目") == "name"


def test_a_department_line_above_its_units_lines_is_the_total() -> None:
    """深圳 水务局 支出总表: the first row names the department in the 预算单位 column, then
    each unit's row and its coded rows; the units add up to the first row. Units adding to
    something else leave it no total."""
    lines = [
        "2026年某某局部门预算", "支出总表", "单位：万元",
        "预算单位\t科目编码\t科目名称\t支出总计\t基本支出\t项目支出",
        "某某局\t\t\t300.00\t50.00\t250.00",
        "某某局（本级）\t\t\t100.00\t20.00\t80.00",
        "\t205\t教育支出\t100.00\t20.00\t80.00",
        "某某中心\t\t\t200.00\t30.00\t170.00",
        "\t213\t农林水支出\t200.00\t30.00\t170.00",
    ]
    headline = document_from_text("\n".join(lines)).headline
    assert headline["basic_expenditure"]["value"] == 50.0
    assert headline["project_expenditure"]["value"] == 250.0
    lines[4] = "某某局\t\t\t400.00\t50.00\t350.00"
    assert "basic_expenditure" not in document_from_text("\n".join(lines)).headline


def test_a_procurement_table_with_its_kinds_lettered_in_a_column_of_their_own() -> None:
    """重庆 表九: '项目编号 | 项目 | 总计 …', A | 货物, B | 工程, C | 服务 — one table of its
    kinds, not two side by side; the 合计 is the procurement total."""
    lines = [
        "2026年某某局部门预算", "表九", "2026年政府采购预算明细表", "单位：万元",
        "项目编号\t项目\t总计\t一般公共预算拨款收入\t其他收入",
        "合计\t\t6,546.82\t6,464.67\t82.15",
        "A\t货物\t1,267.79\t1,267.79\t",
        "B\t工程\t465.53\t383.38\t82.15",
        "C\t服务\t4,813.50\t4,813.50\t",
    ]
    doc = document_from_text("\n".join(lines))
    [table] = doc.tables_of("procurement")
    assert [(row.name, row.values.get("total")) for row in table.rows] == [
        ("合计", 6546.82), ("货物", 1267.79), ("工程", 465.53), ("服务", 4813.5)]
    assert doc.headline["procurement_total"]["value"] == 6546.82


def test_personnel_and_public_funds_as_the_basic_expenditure_table_prints_them() -> None:
    """重庆 规划: 表五 prints 公用经费 15,052.64, 表六 (基本支出) 15,052.63 — the 基本支出表
    is where the split is given."""
    from rules.builders import table

    from yusuan.recognise.headline import tables_headline

    general = table("general_budget_expenditure", [
        (None, "合计", {"total": "227955.11", "personnel": "97954.58", "public": "15052.64"})])
    basic = table("basic_expenditure", [
        (None, "合计", {"total": "113007.21", "personnel": "97954.58", "public": "15052.63"})])
    headline = tables_headline([general, basic])
    assert headline["public_funds"]["value"] == 15052.63
    assert headline["personnel_funds"]["value"] == 97954.58
    assert tables_headline([general])["public_funds"]["value"] == 15052.64


def test_a_final_sangong_table_gives_its_final_figure_and_its_budget() -> None:
    """国家信访局 公开09表: 预算数 and 决算数 as two groups of columns; 陕西 卫健委: as two
    rows. The 三公 total of a 决算 is its 决算数; the 预算数 is `sangong_budget`."""
    head = ["2024年度某某局部门决算", "一般公共预算财政拨款“三公”经费支出决算表", "单位：万元"]
    columns = head + [
        "预算数\t\t\t\t\t决算数\t\t\t\t",
        "合计\t因公出国（境）费\t公务用车购置及运行维护费\t公务接待费\t\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t公务接待费\t",
        "76.43\t30.00\t40.63\t5.80\t\t46.21\t4.69\t40.61\t0.91\t",
    ]
    headline = document_from_text("\n".join(columns)).headline
    assert (headline["sangong_total"]["value"], headline["sangong_budget"]["value"]) == (46.21, 76.43)
    rows = head + [
        "项目\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t公务接待费",
        "预算数\t593.46\t0.00\t591.60\t1.86",
        "决算数\t587.55\t0.00\t587.44\t0.11",
    ]
    headline = document_from_text("\n".join(rows)).headline
    assert (headline["sangong_total"]["value"], headline["sangong_budget"]["value"]) == (587.55, 593.46)
    budget = document_from_text("\n".join(rows).replace("决算", "预算")).headline
    assert "sangong_budget" not in budget


def test_personnel_funds_headed_as_a_class_of_spending() -> None:
    """长沙 基本支出表: '总计 | 人员类 | 公用经费'."""
    assert label_key("人员类") == "personnel"
    assert label_key("公用类") == "public"
    assert label_key("人员类项目") is None


def test_the_carryover_printed_as_a_column_of_the_summary() -> None:
    """长春 收支总表: 本年预算 = 编制预算 + 上年结转, each a column; no 上年结转 line."""
    lines = [
        "2026年某某局部门预算", "收支总表", "单位：万元",
        "收入\t\t\t\t支出\t\t\t",
        "项目\t本年预算\t编制预算\t上年结转\t项目\t本年预算\t编制预算\t上年结转",
        "一般公共预算拨款收入\t100.00\t90.00\t10.00\t一般公共服务支出\t100.00\t90.00\t10.00",
        "本年收入合计\t100.00\t90.00\t10.00\t本年支出合计\t100.00\t90.00\t10.00",
        "收入总计\t100.00\t90.00\t10.00\t支出总计\t100.00\t90.00\t10.00",
    ]
    headline = document_from_text("\n".join(lines)).headline
    assert headline["carryover_in"]["value"] == 10.0
    assert headline["total_income"]["value"] == 100.0


def test_a_form_stating_no_unit_takes_the_one_its_cells_write_with_their_amounts() -> None:
    """宁德 部门整体绩效自评表: no 单位 line; its targets '≤3843.67万元', '≤5365.88万元'."""
    form = ["部门整体绩效自评表", "（2024年度）",
            "部门（单位）名称\t某某局\t",
            "合计\t9209.55\t790.22",
            "成本指标\t基本经费投入成本\t≤3843.67万元\t4262.96",
            "\t项目经费投入成本\t≤5365.88万元\t4611.78"]
    assert document_from_text("\n".join(form)).unit == "万元"
    one = [line for line in form if "5365.88" not in line]
    assert document_from_text("\n".join(one)).unit is None  # one cell is no evidence
    mixed = "\n".join(form).replace("≤5365.88万元", "≤5365.88元")
    assert document_from_text(mixed).unit is None


def test_a_project_performance_table_listing_its_projects_states_their_total() -> None:
    """广州 项目支出绩效目标表: one list of projects with a 合计 line, not a form per project."""
    lines = [
        "项目支出绩效目标表（含转移支付项目）", "部门名称：某某局    单位：万元",
        "项目名称（资金使用单位）\t总计\t财政拨款\t其他资金\t绩效目标",
        "合计\t1,500.00\t1,500.00\t\t",
        "热线平台运营项目\t1,200.00\t1,200.00\t\t提升服务效能",
        "信息化项目管理经费\t300.00\t300.00\t\t完成项目验收",
    ]
    doc = document_from_text("\n".join(lines))
    [table] = doc.tables_of("project_performance")
    assert [(row.name, row.values["total"]) for row in table.rows] == [
        ("合计", 1500.0), ("热线平台运营项目", 1200.0), ("信息化项目管理经费", 300.0)]
    assert doc.headline["project_expenditure"]["value"] == 1500.0
    form = "\n".join(lines[:3] + ["热线平台运营项目\t1,200.00\t1,200.00\t\t提升服务效能"])
    assert document_from_text(form).tables_of("project_performance")[0].rows == []  # no 合计: a form
