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
