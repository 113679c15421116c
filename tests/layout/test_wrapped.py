"""Hard-wrapped PDF text: documents of our own (元 and 万元, two departments) written the way a
PDF text extractor leaves them (a blank line between lines, split amounts, wrapped codes and
names, header labels in fragments), and the wrapped seed. Expected values are written by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from seedfiles import SEED_NAMES, SEEDS

from yusuan.layout import detect_layout, wrapped
from yusuan.model import Document, Line, Table
from yusuan.pipeline import document_from_text, read_document

AGRI = [  # 某县农业农村局, 元
    "某县农业农村局2024年部门预算公开",
    "第一部分 部门概况",
    "本部门2024年收入预算3,456,789.00元，全部为一般公共预算拨款收入，比上年增加。",
    "附表 1",
    "收支总表",
    "部门：某县农业农村局 单位：元",
    "收 入 支 出",
    "项 目 预算数 项 目 预算数",
    "一、一般公共预算拨款收入 3,456,789.00 一、社会保障和就业支出 356,789.00",
    "二、政府性基金预算拨款收入 二、农林水支出 3,000,000.00",
    "三、住房保障支出 100,000.00",
    "本年收入合计 3,456,789.00 本年支出合计 3,456,789.00",
    "上年结转结余 年终结转结余",
    "收 入 总 计 3,456,789.00 支 出 总 计 3,456,789.00",
    "附表 2",
    "收入总表",
    "部门：某县农业农村局 单位：元",
    "单位代", "码", "单位名称", "合计", "本年收入 上年结转", "小计", "一般公共预", "算", "政府性基", "金预算",
    "合计 3,456,789.00 3,456,789.00 3,456,789.00 0.0",
    "0 0.00",
    "105 某县农业农",
    "村局",
    "3,456,789.00 3,456,789.00 3,456,789.00 0.00 0.00",
    "10500", "1", "某县农业农村局", "本级",
    "2,456,789.00 2,456,789.00 2,456,789.00 0.00 0.00",
    "10500", "2", "某县农业技术推", "广中心",
    "1,000,000.00 1,000,000.00 1,000,000.00 0.00 0.0",
    "0",
    "附表 3",
    "一般公共预算支出表",
    "部门：某县农业农村局 单位：元",
    "科目编码 科目名称 合计", "基本支出", "项目支出", "小计 人员经费 公用经费",
    "合计 3,456,789.00 2,456,789.00 2,000,000.00 456,789.00 1,000,000.00",
    "208 社会保障和就业支出 356,789.00 356,789.00 356,789.00 0.00 0.00",
    "20805 行政事业单位养老支出 356,789.00 356,789.00 356,789.00 0.00 0.00",
    "2080505 机关事业单位基本养老保险缴费支出 356,789.00 356,789.00 356,789.00 0.00 0.00",
    "213 农林水支出 3,000,000.00 2,000,000.00 1,543,211.00 456,789.00 1,000,000.00",
    "21301 农业农村 3,000,000.00 2,000,000.00 1,543,211.00 456,789.00 1,000,000.00",
    "2130101 行政运行 2,000,000.00 2,000,000.00 1,543,211.00 456,789.00 0.00",
    "2130104 事业运",
    "行",
    "1,000,000.00 0.00 0.00 0.00 1,000,0",
    "00.00",
    "221 住房保障支出 100,000.00 100,000.00 100,000.00 0.00 0.00",
    "第二部分 名词解释",
]

ECO = [  # 某市生态环境局, 万元
    "某市生态环境局2023年部门预算",
    "表 3",
    "部门支出总表",
    "单位：万元",
    "科目编码 科目名称 合计 基本支出 项目支出",
    "事业单位经", "营支出", "上缴上级支", "出", "对附属单位补", "助支出",
    "合计 860.40 560.40 300.00",
    "211 节能环保支出 860.40 560.40 300.00",
    "21101 环境保护管理事务 860.40 560.40 300.00",
    "2110101 行政运行 560.40 560.40 0.00",
    "2110199 其他环境保护管理事务支", "出",
    "300.00 0.00 300.00",
    "表 4",
    "财政拨款收支总表",
    "单位：万元",
    "收 入 支 出",
    "项目 预算数 项目 预算数",
    "一、本年收入 860.40 一、本年支出 860.40",
    "（一）一般公共预算拨款 860.40 （一）节能环保支出 860.40",
    "（二）政府性基金预算拨款 （二）城乡社区支出",
    "（三）住房保障支出",
    "二、年终结转结余",
    "收 入 总 计 860.40 支 出 总 计 860.40",
    "表 6",
    "一般公共预算基本支出表",
    "单位：万元",
    "部门预算支出经济分类科目 本年一般公共预算基本支出",
    "科目编码 科目名称 合计 人员经费 公用经费",
    "合计 560.40 500.00 60.40",
    "301 工资福利支出 500.00 500.00 0.00",
    "302 商品和服务支出 60.40 0.00 60.40",
    "表 7",
    "一般公共预算“三公”经费支出表",
    "单位：万元",
    "“三公”经费合计", "因公出国（境）", "费", "公务用车购置及运行费", "公务接待费", "小计",
    "公务用车购", "置费", "公务用车", "运行费",
    "12.50 0.00 8.00 0.00 8.00 4.50",
]


def wrapped_text(lines: list[str]) -> str:
    """A blank line between physical lines, as the PDF text extractor leaves them."""
    return "\n\n".join(lines) + "\n"


def line_of(lines: list[str], text: str, after: str | None = None) -> int:
    """1-based line number of `text` in the wrapped rendering (after `after` when given)."""
    start = lines.index(after) if after else 0
    return 2 * lines.index(text, start) + 1


def rows_of(table: Table, side: str | None = None) -> list[tuple]:
    return [(row.code, row.name, row.values) for row in table.rows if side is None or row.side == side]


@pytest.fixture(scope="module")
def agri() -> Document:
    return document_from_text(wrapped_text(AGRI), "agri.txt")


@pytest.fixture(scope="module")
def eco() -> Document:
    return document_from_text(wrapped_text(ECO), "eco.txt")


def test_own_documents_are_recognised_as_wrapped(agri: Document, eco: Document) -> None:
    assert (agri.source.layout, eco.source.layout) == ("wrapped", "wrapped")
    assert (agri.unit, eco.unit) == ("元", "万元")


def test_split_amount_wrapped_code_and_name_make_one_row() -> None:
    text = wrapped_text(["10500", "1", "某县农业农村局", "本级", "2.00 1.0", "0 0.00"])
    lines = [Line(number, line) for number, line in enumerate(text.split("\n"), start=1)]
    rows = wrapped.lines_to_rows(lines)
    assert len(rows) == 1
    assert [(cell.text, cell.line) for cell in rows[0].cells] == [
        ("105001", 1), ("某县农业农村局本级", 5), ("2.00", 9), ("1.00", 9), ("0.00", 11)]
    assert rows[0].lines == (1, 3, 5, 7, 9, 11) and not rows[0].aligned


def test_prose_title_and_note_lines_stay_one_cell() -> None:
    lines = [Line(1, "附表 4-2"), Line(3, "注：本单位 2024年度无政府采购预算。"),
             Line(5, "收 入 总 计 12.00 支 出 总 计 12.00")]
    rows = wrapped.lines_to_rows(lines)
    assert [row.texts for row in rows] == [
        ["附表 4-2"], ["注：本单位 2024年度无政府采购预算。"], ["收入总计", "12.00", "支出总计", "12.00"]]


def test_summary_sides_in_yuan(agri: Document) -> None:
    table = agri.table("summary")
    assert table is not None and table.number == "附表1" and [c.key for c in table.columns] == ["budget"]
    assert rows_of(table, "income") == [
        (None, "一般公共预算拨款收入", {"budget": 3456789.0}),
        (None, "政府性基金预算拨款收入", {}),
        (None, "本年收入合计", {"budget": 3456789.0}),
        (None, "上年结转结余", {}),
        (None, "收入总计", {"budget": 3456789.0}),
    ]
    assert rows_of(table, "expenditure") == [
        (None, "社会保障和就业支出", {"budget": 356789.0}),
        (None, "农林水支出", {"budget": 3000000.0}),
        (None, "住房保障支出", {"budget": 100000.0}),
        (None, "本年支出合计", {"budget": 3456789.0}),
        (None, "年终结转结余", {}),
        (None, "支出总计", {"budget": 3456789.0}),
    ]
    first = table.rows[0]
    assert first.line == line_of(AGRI, "一、一般公共预算拨款收入 3,456,789.00 一、社会保障和就业支出 356,789.00")
    assert first.extra["level"] == 1


def test_income_table_with_wrapped_units_and_split_amounts(agri: Document) -> None:
    table = agri.table("income")
    assert table is not None
    assert [c.key for c in table.columns] == ["total", "current_income", "general_budget", "gov_fund", "carryover"]
    zero = {"gov_fund": 0.0, "carryover": 0.0}
    assert rows_of(table) == [
        (None, "合计", {"total": 3456789.0, "current_income": 3456789.0, "general_budget": 3456789.0, **zero}),
        ("105", "某县农业农村局", {"total": 3456789.0, "current_income": 3456789.0,
                                   "general_budget": 3456789.0, **zero}),
        ("105001", "某县农业农村局本级", {"total": 2456789.0, "current_income": 2456789.0,
                                          "general_budget": 2456789.0, **zero}),
        ("105002", "某县农业技术推广中心", {"total": 1000000.0, "current_income": 1000000.0,
                                            "general_budget": 1000000.0, **zero}),
    ]
    unit = table.rows[2]
    assert (unit.unit_code, unit.unit_name) == ("105001", "某县农业农村局本级")
    assert unit.line == line_of(AGRI, "10500")
    assert unit.value_lines["total"] == line_of(AGRI, "2,456,789.00 2,456,789.00 2,456,789.00 0.00 0.00")
    assert table.rows[0].decimals["carryover"] == 2


def test_general_budget_data_order_not_fragment_order(agri: Document) -> None:
    table = agri.table("general_budget_expenditure")
    assert table is not None
    assert [c.key for c in table.columns] == ["total", "basic", "personnel", "public", "project"]
    rows = {row.code: row for row in table.rows}
    assert table.rows[0].name == "合计" and table.rows[0].values == {
        "total": 3456789.0, "basic": 2456789.0, "personnel": 2000000.0, "public": 456789.0,
        "project": 1000000.0}
    wrapped_row = rows["2130104"]
    assert wrapped_row.name == "事业运行"
    assert wrapped_row.values == {"total": 1000000.0, "basic": 0.0, "personnel": 0.0, "public": 0.0,
                                  "project": 1000000.0}
    assert rows["221"].values["personnel"] == 100000.0
    assert len(table.rows) == 9  # the part heading after the table is not a row


def test_expenditure_header_columns_without_values(eco: Document) -> None:
    table = eco.table("expenditure")
    assert table is not None and table.number == "表3" and table.unit == "万元"
    assert [c.key for c in table.columns] == ["total", "basic", "project", "operating_expenditure",
                                              "remit_to_superior", "subsidy_to_subordinate"]
    assert rows_of(table) == [
        (None, "合计", {"total": 860.4, "basic": 560.4, "project": 300.0}),
        ("211", "节能环保支出", {"total": 860.4, "basic": 560.4, "project": 300.0}),
        ("21101", "环境保护管理事务", {"total": 860.4, "basic": 560.4, "project": 300.0}),
        ("2110101", "行政运行", {"total": 560.4, "basic": 560.4, "project": 0.0}),
        ("2110199", "其他环境保护管理事务支出", {"total": 300.0, "basic": 0.0, "project": 300.0}),
    ]


def test_fiscal_summary_blank_items_and_one_sided_rows(eco: Document) -> None:
    table = eco.table("fiscal_summary")
    assert table is not None
    assert rows_of(table, "income") == [
        (None, "本年收入", {"budget": 860.4}),
        (None, "一般公共预算拨款", {"budget": 860.4}),
        (None, "政府性基金预算拨款", {}),
        (None, "收入总计", {"budget": 860.4}),
    ]
    assert rows_of(table, "expenditure") == [
        (None, "本年支出", {"budget": 860.4}),
        (None, "节能环保支出", {"budget": 860.4}),
        (None, "城乡社区支出", {}),
        (None, "住房保障支出", {}),
        (None, "年终结转结余", {}),
        (None, "支出总计", {"budget": 860.4}),
    ]


def test_basic_expenditure_and_sangong(eco: Document) -> None:
    basic = eco.table("basic_expenditure")
    assert basic is not None and [c.key for c in basic.columns] == ["total", "personnel", "public"]
    assert rows_of(basic)[1] == ("301", "工资福利支出", {"total": 500.0, "personnel": 500.0, "public": 0.0})
    sangong = eco.table("sangong")
    assert sangong is not None
    assert [c.key for c in sangong.columns] == ["total", "outbound", "vehicle", "vehicle_purchase",
                                                "vehicle_operation", "reception"]
    assert sangong.rows[0].values == {"total": 12.5, "outbound": 0.0, "vehicle": 8.0,
                                      "vehicle_purchase": 0.0, "vehicle_operation": 8.0,
                                      "reception": 4.5}


SEED = "000_b680242db27468d2.txt"


@pytest.mark.skipif(SEED not in SEED_NAMES, reason="seed not available")
def test_seed_is_recognised_as_wrapped() -> None:
    """(Its speed is measured by benchmarks/bench_seeds.py, not asserted here.)"""
    path = Path(SEEDS) / SEED
    document = read_document(str(path))
    assert detect_layout(document.source.lines) == "wrapped"
    income = document.table("income")
    assert income is not None
    unit = income.row_by_code("083001")
    assert unit is not None and unit.name == "武汉市黄陂区医疗保障局本级" and unit.line == 528
    assert unit.value_lines["total"] == 534 and unit.value_lines["carryover_general_budget"] == 536
    assert len(unit.values) == 17


def test_integer_yuan_amounts_codes_on_the_expenditure_side_and_page_numbers() -> None:
    lines = ["某区档案馆2024年部门预算", "附表 1", "收支总表", "单位：元", "项 目 预算数 项 目 预算数",
             "一、一般公共预算拨款收入 1250000 一、文化旅游体育与传媒支出 1150000",
             "二、事业收入 0.00 208 社会保障和就业支出 100000",
             "收 入 总 计 1250000 支 出 总 计 1250000",
             "附表 2", "支出总表", "单位：元", "科目编码 科目名称 合计 基本支出 项目支出",
             "合计 10.00 10.00 0.00", "208 社会保障和就业支出 10.00 10.00 0.00", "7",
             "2080505 机关事业单位基本养老保险缴费支出 10.00 10.00 0.00"]
    document = document_from_text(wrapped_text(lines), "archive.txt")
    summary, expenditure = document.table("summary"), document.table("expenditure")
    assert summary is not None and expenditure is not None
    assert rows_of(summary, "expenditure") == [
        (None, "文化旅游体育与传媒支出", {"budget": 1150000.0}),
        ("208", "社会保障和就业支出", {"budget": 100000.0}),
        (None, "支出总计", {"budget": 1250000.0}),
    ]
    assert [row.code for row in expenditure.rows] == [None, "208", "2080505"]
