"""西安's 收入总表 and 支出总表 by budget unit: 一般公共预算拨款 | 小计 · 其中：专项资金…,
对附属单位上缴收入, 上年实户资金余额 — every column keyed, so the tables are read with
confidence, and a row's sources add up to its 总计."""

from __future__ import annotations

from yusuan.pipeline import document_from_text
from yusuan.recognise.columns import path_key
from yusuan.rules import run_rules

HEADER = [
    "单位编码\t单位名称\t总计\t部门预算\t\t\t\t\t\t\t\t\t",
    ("\t\t\t合计\t一般公共预算拨款\t\t政府性基金拨款\t事业收入\t对附属单位上缴收入\t"
     "用事业基金弥补收支差额\t上年结转\t上年实户资金余额\t其他收入"),
    "\t\t\t\t小计\t其中：专项资金列入部门预算项目\t\t\t\t\t\t\t",
]


def income(unit_total: str) -> str:
    return "\n".join([
        "2019年某某局部门预算", "表2", "2019年部门综合预算收入总表", "单位：万元", *HEADER,
        "\t合计\t3,695.91\t3,695.91\t3,643.37\t\t\t\t\t\t11.61\t40.93\t",
        f"125001\t某某局\t{unit_total}\t{unit_total}\t2,080.32\t\t\t\t\t\t11.61\t32.00\t",
        "125002\t某某中心\t1,571.98\t1,571.98\t1,563.05\t\t\t\t\t\t\t8.93\t",
    ])


def test_part_of_a_fund_and_the_units_own_balance_are_keyed() -> None:
    assert path_key(["部门预算", "一般公共预算拨款", "小计"]) == "general_budget"
    assert path_key(["部门预算", "公共预算拨款", "小计"]) == "general_budget"
    assert path_key(["部门预算", "一般公共预算拨款", "其中：专项资金列入部门预算项目"]) == "of_which"
    assert path_key(["部门预算", "上年实户资金余额"]) == "balance_in"
    assert path_key(["部门预算", "对附属单位上缴收入"]) == "subordinate"
    assert path_key(["本年预算", "小计"]) == "budget"


def test_the_income_table_by_unit_is_read_with_confidence() -> None:
    doc = document_from_text(income("2,123.93"))
    table = doc.tables[0]
    assert table.doubts == []
    assert table.rows[0].values["general_budget"] == 3643.37
    assert table.rows[0].values["balance_in"] == 40.93
    assert not [f for f in run_rules(doc) if f.rule in ("ROW.INCOME", "TABLE.UNSURE")]


def test_a_unit_whose_sources_do_not_make_its_total_is_reported() -> None:
    doc = document_from_text(income("2,124.93"))
    found = [f for f in run_rules(doc) if f.rule == "ROW.INCOME"]
    assert found and found[0].values["difference"] == 1.0


def test_a_spending_table_by_unit_takes_its_codes_as_units() -> None:
    lines = ["2019年某某局部门预算", "表3", "2019年部门综合预算支出总表", "单位：万元",
             "单位编码\t单位名称\t总计\t基本支出\t项目支出", "\t合计\t30.00\t20.00\t10.00",
             "125001\t某某局\t20.00\t12.00\t8.00", "125002\t某某中心\t10.00\t8.00\t2.00"]
    text = "\n".join(lines)
    table = document_from_text(text).tables[0]
    assert table.kind == "expenditure"
    assert [r.unit_code for r in table.rows[1:]] == ["125001", "125002"]
    assert table.doubts == []
