"""Space-aligned (fixed-width) tables with cells no data row fills: a two-sided table whose
rows print only their right half, and columns of a 收入总表 every unit leaves blank."""

from __future__ import annotations

from renderers import render_aligned

from yusuan.pipeline import document_from_text

HEAD = ["某市某区某局2025年部门预算", "表{n} {title}", "单位：万元"]
TWO_SIDED = "\n".join(HEAD).format(n=1, title="财政拨款收支总表") + "\n" + "\n".join(render_aligned([
    ["项 目", "预算数", "项 目", "预算数"],
    ["一、本年收入", "300.00", "一、本年支出", "300.00"],
    ["（一）一般公共预算拨款", "300.00", "（一）一般公共服务支出", ""],
    ["", "", "（二）教育支出", "200.00"],
    ["", "", "（三）节能环保支出", ""],
    ["", "", "（四）城乡社区支出", ""],
    ["", "", "（五）农林水支出", ""],
    ["", "", "（六）交通运输支出", ""],
    ["", "", "（七）住房保障支出", "100.00"],
    ["收入总计", "300.00", "支出总计", "300.00"]])) + "\n"
INCOME = "\n".join(HEAD).format(n=2, title="部门收入总表") + "\n" + "\n".join(render_aligned([
    ["单位代码", "单位名称", "合计", "一般公共预算", "政府性基金预算", "事业收入", "其他收入"],
    ["", "合计", "300.00", "300.00", "", "", ""],
    ["101", "某区某局", "300.00", "300.00", "", "", ""]])) + "\n"


def test_rows_with_only_their_right_half_stay_in_the_table() -> None:
    table = document_from_text(TWO_SIDED).table("fiscal_summary")
    assert table is not None
    spending = {r.name: r.values.get("budget") for r in table.rows if r.side == "expenditure"}
    assert spending["教育支出"] == 200.0 and spending["住房保障支出"] == 100.0


def test_columns_no_row_fills_keep_their_headers() -> None:
    table = document_from_text(INCOME).table("income")
    assert table is not None
    assert [c.key for c in table.columns] == ["total", "general_budget", "gov_fund", "business",
                                              "other"]
    assert table.rows[-1].values == {"total": 300.0, "general_budget": 300.0}


GOV_FUND = "\n".join(HEAD).format(n=3, title="政府性基金预算支出表") + "\n" + "\n".join(render_aligned([
    ["科目编码", "科目名称", "本年政府性基金预算支出", "", ""],
    ["", "", "合计", "基本支出", "项目支出"],
    ["", "合计", "320.00", "", "320.00"],
    ["2120803", "城市建设支出", "320.00", "", "320.00"]])) + "\n"


def test_a_label_left_of_right_aligned_amounts_heads_their_column() -> None:
    """A wide group label above: '合计' starts its column, the amounts end it, and the blank
    基本支出 column between two filled ones keeps its own header."""
    table = document_from_text(GOV_FUND).table("gov_fund")
    assert table is not None
    assert [c.key for c in table.columns] == ["total", "basic", "project"]
    assert table.rows[-1].values == {"total": 320.0, "project": 320.0}
