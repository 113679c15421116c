"""NARRATIVE.PARTS on lists the narrative writes in full: a 功能分类 list that leaves out a 类 the
tables print, and a 收入 breakdown by （一）（二）（三） whose parts pass its total."""

from __future__ import annotations

from tests.narrative.test_rules import doc, rules
from yusuan.model import Table, TableRow
from yusuan.recognise.narrative.concepts import classify
from yusuan.recognise.narrative.text import clean


def _class_row(code: str, name: str, line: int, total: float) -> TableRow:
    return TableRow(name, line, code=code, values={"total": total}, decimals={"total": 2})


def expenditure_table() -> Table:
    rows = [TableRow("合计", 60, values={"total": 30.0}, decimals={"total": 2}),
            _class_row("208", "社会保障和就业支出", 61, 10.0),
            _class_row("221", "住房保障支出", 62, 15.0), _class_row("229", "其他支出", 63, 5.0)]
    return Table("expenditure", "部门支出总表", (59, 63), rows=rows)


CLASSES = ("（三）关于某市某局 2026 年支出预算情\n况说明\n"
           "某市某局 2026 年支出预算 30.00 万元，比上年执行数减少 1.00 万元，下降 3.2%。\n"
           "1.按支出功能分类，包括社会保障和就业支出 10.00 万元、住房保障支出 15.00 万元、"
           "其他支出 5.00 万元。")
SHORT = CLASSES.replace("、其他支出 5.00 万元", "")


def test_a_class_list_that_names_every_class_is_quiet() -> None:
    assert rules(doc(CLASSES, [expenditure_table()], year=2026), "NARRATIVE.PARTS") == []


def test_a_class_list_short_by_a_class_the_tables_print_names_it() -> None:
    found = rules(doc(SHORT, [expenditure_table()], year=2026), "NARRATIVE.PARTS")
    assert len(found) == 1
    assert "229 其他支出 5" in found[0] and "合计 25" in found[0] and "30" in found[0]


def test_a_main_classes_list_may_leave_one_out() -> None:
    text = SHORT.replace("包括", "主要包括")
    assert rules(doc(text, [expenditure_table()], year=2026), "NARRATIVE.PARTS") == []


def test_an_including_list_short_by_no_class_of_the_tables_is_quiet() -> None:
    text = SHORT.replace("住房保障支出 15.00", "住房保障支出 14.00")
    assert rules(doc(text, [expenditure_table()], year=2026), "NARRATIVE.PARTS") == []


def test_a_label_opening_on_the_department_and_year_names_its_figure() -> None:
    assert classify("况说明某市卫生健康委员会 2026 年支出预算", "")[0] == "total_expenditure"
    assert classify("某市某局2026年收入预算", "")[0] == "total_income"
    assert classify("某专项资金2026年预算支出", "")[0] == "amount"
    assert classify("某项目管理处2026年支出", "")[0] == "amount"


def test_a_zero_written_as_ling_before_its_unit_is_zero() -> None:
    assert clean("（二）本年其他资金收入〇万元") == "（二）本年其他资金收入0万元"
    assert clean("二〇二六年") == "二〇二六年"
    assert clean("一〇〇万元") == "一〇〇万元"


INCOME = ("二、收入预算情况说明\n"
          "2026年度收入预算 105.00 万元，比 2025年年初预算数 100.00 万元增加 5.00 万元，增长 5%。\n"
          "（一）本年财政拨款收入 100.00 万元\n1.一般公共预算拨款收入 100.00 万元。\n"
          "2.政府性基金预算拨款收入 0 万元。\n（二）本年其他资金收入〇万元\n3.事业收入 0 万元。\n"
          "4.其他收入 0 万元。\n（三）上年结转结余 5.00 万元\n5.上年结转结余 5.00 万元。")


def test_an_income_breakdown_by_ordinals_that_makes_its_total_is_quiet() -> None:
    assert rules(doc(INCOME, year=2026), "NARRATIVE.PARTS") == []


def test_an_income_breakdown_that_repeats_the_total_as_a_part_is_told() -> None:
    wrong = INCOME.replace("收入 100.00 万元", "收入 105.00 万元")
    found = rules(doc(wrong, year=2026), "NARRATIVE.PARTS")
    assert len(found) == 1
    assert "收入预算 105" in found[0] and "合计 110" in found[0] and "上年结转结余 5" in found[0]


def test_a_label_naming_another_year_or_an_item_keeps_its_words() -> None:
    assert classify("某市某局 2021 年支出预算", "", 2026)[0] == "amount"
    assert classify("某市某局 2026 年支出预算", "", 2026)[0] == "total_expenditure"
    assert classify("原因是某市某院 2026 年工资福利支出", "", 2026)[0] == "amount"


def test_special_account_money_is_an_income_part() -> None:
    text = ("（二）收入预算情况说明\n某市某局 2026 年收入预算 30.00 万元，比上年增加 1.00 万元。\n"
            "其中：一般公共预算拨款收入 20.00 万元，占 66.7%；专户资金 6.00 万元，占 20%；"
            "其他收入 4.00 万元，占 13.3%。")
    assert rules(doc(text, year=2026), "NARRATIVE.PARTS") == []
    assert len(rules(doc(text.replace("专户资金 6.00", "专户资金 7.00"), year=2026),
                     "NARRATIVE.PARTS")) == 1


def test_an_item_listed_among_the_classes_fills_the_gap() -> None:
    text = ("五、财政拨款支出预算情况说明\n某市某局 2026 年财政拨款预算支出 30.00 万元，占本年支出合计的 100%。其中：\n"
            "1. 人大事务行政运行（项）支出 10.00 万元，与上年相比减少 1.00 万元。\n"
            "2. 社会保障和就业支出 12.00 万元，与上年相比增加 1.00 万元。\n"
            "3. 住房保障支出 8.00 万元，与上年相比增加 1.00 万元。")
    assert rules(doc(text, year=2026), "NARRATIVE.PARTS") == []
    assert len(rules(doc(text.replace("住房保障支出 8.00", "住房保障支出 7.00"), year=2026),
                     "NARRATIVE.PARTS")) == 1
