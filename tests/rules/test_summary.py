from yusuan.rules import run_rules

from .builders import document, side_rows, table


def _summary(current: str = "10.00", grand_in: str = "12.00", grand_out: str = "12.00",
             spend: str = "12.00", carry: str = "2.00"):
    t = side_rows("summary", [
        ("一般公共预算拨款收入", {"budget": "8.00"}),
        ("事业收入", {"budget": "2.00"}),
        ("本年收入合计", {"budget": current}),
        ("上年结转结余", {"budget": carry}),
        ("收入总计", {"budget": grand_in}),
    ], [
        ("社会保障和就业支出", {"budget": "2.00"}),
        ("卫生健康支出", {"budget": "10.00"}),
        ("本年支出合计", {"budget": spend}),
        ("年终结转结余", {}),
        ("支出总计", {"budget": grand_out}),
    ])
    for r in t.rows:
        if r.name.endswith("收入") or r.name.endswith("支出"):
            r.extra["level"] = 1
    return t


def _rules(doc, *ids):
    return run_rules(doc, only=ids)


def test_clean_summary_passes_every_identity() -> None:
    ids = ("SUMMARY.INCOME_TOTAL", "SUMMARY.EXPENDITURE_TOTAL", "SUMMARY.BALANCE",
           "SUMMARY.INCOME_ITEMS", "SUMMARY.EXPENDITURE_ITEMS")
    assert _rules(document(_summary()), *ids) == []


def test_income_grand_total_fails() -> None:
    found = _rules(document(_summary(grand_in="13.00", grand_out="13.00", spend="13.00")),
                   "SUMMARY.INCOME_TOTAL")
    assert len(found) == 1 and found[0].values["difference"] == 1.0


def test_expenditure_grand_total_fails() -> None:
    assert len(_rules(document(_summary(grand_out="11.00")), "SUMMARY.EXPENDITURE_TOTAL")) == 1


def test_balance_fails() -> None:
    assert len(_rules(document(_summary(grand_out="12.50")), "SUMMARY.BALANCE")) == 1


def test_income_items_fail_when_an_item_is_missing() -> None:
    found = _rules(document(_summary(current="11.00", grand_in="13.00")),
                   "SUMMARY.INCOME_ITEMS")
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].values["difference"] == 1.0


def test_expenditure_items_fail() -> None:
    found = _rules(document(_summary(spend="13.00")), "SUMMARY.EXPENDITURE_ITEMS")
    assert len(found) == 1


def test_summary_agrees_with_detail_tables() -> None:
    expenditure = table("expenditure", [("210", "卫生健康支出", {"total": "10.00"})])
    income = table("income", [(None, "合计", {"total": "12.00", "general_budget": "8.00",
                                             "business": "2.00"})])
    assert _rules(document(_summary(), expenditure, income), "SUMMARY.AGREES") == []
    expenditure.rows[0].values["total"] = 10.5
    income.rows[0].values["business"] = 3.0
    found = _rules(document(_summary(), expenditure, income), "SUMMARY.AGREES")
    assert len(found) == 2 and {f.severity for f in found} == {"error"}


def test_fiscal_summary_adds_the_fund_tables_printed_with_a_budget_column() -> None:
    """财政拨款收支总表 教育支出 10.00 = 一般公共预算 8.00 + 政府性基金 2.00, the fund table's
    only amount column headed 预算数."""
    fiscal = side_rows("fiscal_summary", [("一般公共预算资金", {"budget": "8.00"}),
                                          ("本年收入合计", {"budget": "10.00"})],
                       [("教育支出", {"budget": "10.00"}), ("本年支出合计", {"budget": "10.00"})])
    general = table("general_budget_expenditure", [("205", "教育支出", {"total": "8.00"})])
    fund = table("gov_fund", [("205", "教育支出", {"budget": "2.00"})])
    assert _rules(document(fiscal, general, fund), "SUMMARY.AGREES") == []
    fund.rows[0].values["budget"] = 1.0
    assert len(_rules(document(fiscal, general, fund), "SUMMARY.AGREES")) == 1


def test_a_detail_table_by_unit_is_not_compared_line_by_line() -> None:
    """深圳 表7 prints each unit's 类 lines under it: the first 205 line is one unit's."""
    fiscal = side_rows("fiscal_summary", [("一般公共预算资金", {"budget": "10.00"}),
                                          ("本年收入合计", {"budget": "10.00"})],
                       [("教育支出", {"budget": "10.00"}), ("本年支出合计", {"budget": "10.00"})])
    by_unit = table("general_budget_expenditure", [("205", "教育支出", {"total": "4.00"}),
                                                   ("205", "教育支出", {"total": "6.00"})])
    assert _rules(document(fiscal, by_unit), "SUMMARY.AGREES") == []


def test_a_detail_table_of_the_years_appropriations_alone_is_not_compared_line_by_line() -> None:
    """国家信访局: the 财政拨款收支总表 spends 本年收入 16474.82 + 上年结转 2254.12 (一般公共服务
    15291.30); the 一般公共预算支出表 prints the year's 年初预算数 alone, its 类 adding to the
    本年收入 16474.82 (一般公共服务 13144.37)."""
    def fiscal(carry: str) -> object:
        return side_rows("fiscal_summary", [
            ("一般公共预算拨款", {"budget": "16474.82"}), ("本年收入", {"budget": "16474.82"}),
            ("上年结转", {"budget": carry}), ("收入总计", {"budget": "18728.94"})],
            [("一般公共服务支出", {"budget": "15291.30"}), ("社会保障和就业支出", {"budget": "3437.64"}),
             ("支出总计", {"budget": "18728.94"})])
    general = table("general_budget_expenditure", [
        ("201", "一般公共服务支出", {"budget": "13144.37"}),
        ("208", "社会保障和就业支出", {"budget": "3330.45"})])
    assert _rules(document(fiscal("2254.12"), general), "SUMMARY.AGREES") == []
    assert len(_rules(document(fiscal("0.00"), general), "SUMMARY.AGREES")) == 2


def _final_summary(grand_in: str = "12.50", grand_out: str = "12.50", end: str = "0.50"):
    """A 决算's 收入支出决算总表: each side's grand total is a bare 总计; the income side adds
    使用非财政拨款结余 and 年初结转和结余, the spending side 结余分配 and 年末结转和结余."""
    return side_rows("summary", [
        ("一般公共预算财政拨款收入", {"actual": "10.00"}),
        ("本年收入合计", {"actual": "10.00"}),
        ("使用非财政拨款结余", {"actual": "0.00"}),
        ("年初结转和结余", {"actual": "2.50"}),
        ("总计", {"actual": grand_in}),
    ], [
        ("卫生健康支出", {"actual": "12.00"}),
        ("本年支出合计", {"actual": "12.00"}),
        ("结余分配", {"actual": "0.00"}),
        ("年末结转和结余", {"actual": end}),
        ("总计", {"actual": grand_out}),
    ])


def test_bare_grand_totals_of_a_final_account() -> None:
    ids = ("SUMMARY.INCOME_TOTAL", "SUMMARY.EXPENDITURE_TOTAL", "SUMMARY.BALANCE")
    assert _rules(document(_final_summary()), *ids) == []
    assert [f.rule for f in _rules(document(_final_summary(end="0.80")), *ids)] == [
        "SUMMARY.EXPENDITURE_TOTAL"]
    assert [f.rule for f in _rules(document(_final_summary(grand_in="10.00", grand_out="10.00",
                                                           end="0.00")), *ids)] == [
        "SUMMARY.INCOME_TOTAL", "SUMMARY.EXPENDITURE_TOTAL"]


def _nested(spend: str, social: str = "2.00"):
    """A spending side that lists each 类 with its 款 and 项 below it, unnumbered (Zhejiang)."""
    return side_rows("summary", [("一般公共预算拨款收入", {"budget": "12.00"}),
                                 ("本年收入合计", {"budget": "12.00"})], [
        ("社会保障和就业支出", {"budget": social}),
        ("行政事业单位养老支出", {"budget": "2.00"}),
        ("机关事业单位基本养老保险缴费支出", {"budget": "2.00"}),
        ("卫生健康支出", {"budget": "10.00"}),
        ("公立医院", {"budget": "10.00"}),
        ("综合医院", {"budget": "10.00"}),
        ("本年支出合计", {"budget": spend}),
    ])


def test_expenditure_items_listed_with_their_kuan_and_xiang_add_up_by_class() -> None:
    assert _rules(document(_nested("12.00")), "SUMMARY.EXPENDITURE_ITEMS") == []
    assert len(_rules(document(_nested("13.00")), "SUMMARY.EXPENDITURE_ITEMS")) == 1


def test_a_spending_side_without_its_own_total_adds_up_to_the_grand_total() -> None:
    """湖州 表04: the spending side prints no 本年支出合计 and no 结转下年 line, only 支出总计:
    its 类 must add up to that, and the message names their sum, not every level's."""
    def grand_only(grand: str):
        t = _nested("12.00")
        t.rows = [r for r in t.rows if r.name != "本年支出合计"]
        t.rows += side_rows("summary", [], [("支出总计", {"budget": grand})]).rows
        return t
    assert _rules(document(grand_only("12.00")), "SUMMARY.EXPENDITURE_ITEMS") == []
    found = _rules(document(grand_only("8.00")), "SUMMARY.EXPENDITURE_ITEMS")
    assert [(f.values["reported"], f.values["computed"]) for f in found] == [(8.0, 12.0)]


def test_nested_classes_a_rounding_cent_apart_are_info() -> None:
    found = _rules(document(_nested("12.00", social="1.99")), "SUMMARY.EXPENDITURE_ITEMS")
    assert [f.severity for f in found] == ["info"]


def test_a_flat_spending_side_with_other_items_is_summed_whole() -> None:
    t = side_rows("summary", [("一般公共预算拨款收入", {"budget": "15.00"}),
                              ("本年收入合计", {"budget": "15.00"})], [
        ("一般公共服务支出", {"budget": "2.00"}), ("教育支出", {"budget": "10.00"}),
        ("事业单位经营支出", {"budget": "3.00"}), ("本年支出合计", {"budget": "15.00"})])
    assert _rules(document(t), "SUMMARY.EXPENDITURE_ITEMS") == []


def _blank_grand(income_grand: dict, spending_grand: dict):
    return side_rows("summary", [("一、财政拨款收入", {"budget": "12.00"}),
                                 ("二、事业收入", {}), ("收入总计", income_grand)],
                     [("一、一般公共服务支出", {"budget": "12.00"}), ("支出总计", spending_grand)])


def test_a_grand_total_printed_blank() -> None:
    filled = _blank_grand({"budget": "12.00"}, {"budget": "12.00"})
    assert _rules(document(filled), "SUMMARY.BLANK_GRAND") == []
    found = _rules(document(_blank_grand({}, {"budget": "12.00"})), "SUMMARY.BLANK_GRAND")
    assert len(found) == 1 and found[0].severity == "warning"
    assert found[0].message.endswith("收入总计未填金额，而支出总计 12.00，各项收入有数")
    spent = _rules(document(_blank_grand({"budget": "12.00"}, {})), "SUMMARY.BLANK_GRAND")
    assert len(spent) == 1 and "支出总计未填金额" in spent[0].message
    # both blank: an unfilled template, not one figure left out
    assert _rules(document(_blank_grand({}, {})), "SUMMARY.BLANK_GRAND") == []


def test_the_account_balances_brought_in_and_left_unspent_count_in_the_grand_totals() -> None:
    """西安 部门综合预算收支总表: 收入总计 = 本年收入合计 + 上年实户资金余额 + 上年结转, and
    支出总计 = 本年支出合计 + 结转下年 + 未安排支出的实户资金; a balance that does not make up
    the gap still fails."""
    def summary(balance: str):
        return side_rows("summary", [
            ("一般公共预算拨款", {"budget": "10.00"}), ("本年收入合计", {"budget": "10.00"}),
            ("上年实户资金余额", {"budget": balance}), ("上年结转", {"budget": "1.00"}),
            ("收入总计", {"budget": "14.00"}),
        ], [
            ("一般公共服务支出", {"budget": "10.00"}), ("本年支出合计", {"budget": "10.00"}),
            ("结转下年", {"budget": "1.00"}), ("未安排支出的实户资金", {"budget": balance}),
            ("支出总计", {"budget": "14.00"}),
        ])
    ids = ("SUMMARY.INCOME_TOTAL", "SUMMARY.EXPENDITURE_TOTAL")
    assert _rules(document(summary("3.00")), *ids) == []
    assert len(_rules(document(summary("2.00")), *ids)) == 2


def test_items_below_a_heading_that_restates_the_whole() -> None:
    """西安 科技局 表1: '一、部门预算' over '1、一般公共服务支出' … whose figures (one digit short)
    do not add up to 本年支出合计: the numbered 类 are the items, not the heading."""
    def summary(education: str):
        t = side_rows("summary", [
            ("一、部门预算", {"budget": "12.00"}), ("1、财政拨款", {"budget": "12.00"}),
            ("本年收入合计", {"budget": "12.00"}), ("收入总计", {"budget": "12.00"}),
        ], [
            ("一、部门预算", {"budget": "12.00"}), ("1、教育支出", {"budget": education}),
            ("2、科学技术支出", {"budget": "10.00"}), ("本年支出合计", {"budget": "12.00"}),
            ("支出总计", {"budget": "12.00"}),
        ])
        for r in t.rows:
            r.extra["level"] = 1 if r.name.startswith("一、") else (3 if r.name[0].isdigit() else 0)
        return t
    ids = ("SUMMARY.INCOME_ITEMS", "SUMMARY.EXPENDITURE_ITEMS")
    assert _rules(document(summary("2.00")), *ids) == []
    found = _rules(document(summary("0.20")), *ids)
    assert [f.rule for f in found] == ["SUMMARY.EXPENDITURE_ITEMS"]


def test_each_numbered_panel_of_spending_by_type_adds_up() -> None:
    """西安 科技局 表1: beside the 功能 大类, the 部门经济 panel ('1、人员经费和公用经费支出',
    '2、专项业务经费支出' printed one digit short) and the 政府经济 panel add up to 本年支出合计
    each on their own."""
    from yusuan.pipeline import document_from_text

    def lines(project: str) -> str:
        return "\n".join([
            "2022年部门综合预算", "部门综合预算收支总表", "单位：元",
            "收入\t\t支出\t\t\t\t\t",
            ("项目\t预算数\t支出功能分类科目（按大类）\t预算数\t部门预算支出经济分类科目（按大类）\t预算数"
             "\t政府预算支出经济分类科目（按大类）\t预算数"),
            "一、部门预算\t300.00\t一、部门预算\t300.00\t一、部门预算\t300.00\t一、部门预算\t300.00",
            ("1、财政拨款\t300.00\t1、一般公共服务支出\t300.00\t1、人员经费和公用经费支出\t80.00"
             "\t1、机关工资福利支出\t60.00"),
            "\t\t\t\t(1)工资福利支出\t60.00\t2、机关商品和服务支出\t240.00",
            f"\t\t\t\t2、专项业务经费支出\t{project}\t\t",
            "本年收入合计\t300.00\t本年支出合计\t300.00\t本年支出合计\t300.00\t本年支出合计\t300.00",
            "收入总计\t300.00\t支出总计\t300.00\t支出总计\t300.00\t支出总计\t300.00",
        ])
    assert _rules(document_from_text(lines("220.00")), "SUMMARY.EXPENDITURE_ITEMS") == []
    found = _rules(document_from_text(lines("22.00")), "SUMMARY.EXPENDITURE_ITEMS")
    assert len(found) == 1 and found[0].values["difference"] == 198.0


def test_lines_printed_below_the_income_subtotal_are_parts_of_the_grand_total() -> None:
    """烟台: 本年收入合计 32,471.49, then 上级补助收入 3,403.00 below it, 收入总计 35,874.49."""
    def summary(grand: str):
        return side_rows("summary", [
            ("一般公共预算收入", {"budget": "10.00"}), ("本年收入合计", {"budget": "10.00"}),
            ("上级补助收入", {"budget": "3.00"}), ("附属单位上缴收入", {}), ("上年结转", {}),
            ("收入总计", {"budget": grand})], [("支出总计", {"budget": grand})])

    assert _rules(document(summary("13.00")), "SUMMARY.INCOME_TOTAL") == []
    found = _rules(document(summary("14.00")), "SUMMARY.INCOME_TOTAL")
    assert len(found) == 1 and found[0].values["difference"] == 1.0


def _with_fiscal_carry(fiscal_carry: dict, fiscal_grand: str):
    summary = side_rows("summary", [("一般公共预算拨款收入", {"budget": "10.00"}),
                                    ("本年收入合计", {"budget": "10.00"}),
                                    ("上年结转", {"budget": "2.00"}),
                                    ("其中：财政拨款资金结转", {"budget": "2.00"}),
                                    ("收入总计", {"budget": "12.00"})],
                        [("本年支出合计", {"budget": "12.00"}), ("支出总计", {"budget": "12.00"})])
    fiscal = side_rows("fiscal_summary", [("一般公共预算拨款收入", {"budget": "10.00"}),
                                          ("本年收入合计", {"budget": "10.00"}),
                                          ("上年结转", fiscal_carry),
                                          ("收入总计", {"budget": fiscal_grand})],
                       [("本年支出合计", {"budget": fiscal_grand}),
                        ("支出总计", {"budget": fiscal_grand})])
    return document(summary, fiscal)


def test_the_fiscal_carryover_of_the_summary_is_the_fiscal_summarys() -> None:
    """应急: 表1 '其中：财政拨款资金结转 11.61', 表4 上年结转 blank and 收入总计 = 本年收入合计."""
    assert _rules(_with_fiscal_carry({"budget": "2.00"}, "12.00"), "SUMMARY.AGREES") == []
    found = _rules(_with_fiscal_carry({}, "10.00"), "SUMMARY.AGREES")
    assert len(found) == 1 and found[0].values["difference"] == 2.0
    assert _rules(_with_fiscal_carry({}, "12.00"), "SUMMARY.AGREES") == []
