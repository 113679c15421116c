"""The newer narrative checks, each on a passing and a failing narrative written here."""

from __future__ import annotations

from tests.narrative.test_rules import doc, rules
from yusuan.model import Document, Finding, Table, TableRow
from yusuan.rules.engine import run_rules


def _row(code: str, name: str, line: int, total: float) -> TableRow:
    return TableRow(name, line, code=code, values={"total": total}, decimals={"total": 2})


def functional_table() -> Table:
    rows = [_row("208", "社会保障和就业支出", 60, 0.10), _row("20805", "行政事业单位养老支出", 61, 0.10),
            _row("2080501", "行政单位离退休", 62, 0.10), _row("221", "住房保障支出", 63, 6.69),
            _row("22102", "住房改革支出", 64, 6.69), _row("2210202", "提租补贴", 65, 6.69)]
    return Table("general_budget_expenditure", "一般公共预算支出表", (59, 65), rows=rows)


ITEMS = ("三、一般公共预算拨款具体使用情况\n"
         "社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）2024 年预算数 0.10 万元。\n"
         "住房保障支出（类）住房改革支出（款）提租补贴（项）2024 年预算数 6.69 万元。")


def test_item_names_match_tables() -> None:
    assert rules(doc(ITEMS, [functional_table()]), "NARRATIVE.GLOSSARY") == []
    wrong = ITEMS.replace("离退休（项）", "离休费（项）").replace("提租补贴（项）", "房租补贴（项）")
    found = rules(doc(wrong, [functional_table()]), "NARRATIVE.GLOSSARY")
    assert len(found) == 2 and "行政单位离退休" in found[0] and "提租补贴" in found[1]


def test_item_names_traditional_and_wrapped() -> None:
    text = ("三、一般公共預算撥款具體使用情況\n住房保障支出（類）住房改革支出（款）房租補貼（項）2024 年\n"
            "預算數 ６.６９ 萬元。")
    found = rules(doc(text, [functional_table()]), "NARRATIVE.GLOSSARY")
    assert len(found) == 1 and "提租补贴" in found[0]


GLOSSARY = ("十、名词解释\n（一）基本支出：指人员支出和公用支出。\n"
            "（二）本部门使用的支出功能分类科目（项级）\n"
            "1.社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）：反映离退休支出。\n"
            "2.住房保障支出（类）住房改革支出（款）提租补贴（项）：反映提租补贴。")


def test_glossary_class_and_kuan() -> None:
    assert rules(doc(GLOSSARY, [functional_table()]), "NARRATIVE.GLOSSARY") == []
    misplaced = GLOSSARY.replace("2.住房保障支出（类）", "2.卫生健康支出（类）")
    found = rules(doc(misplaced, [functional_table()]), "NARRATIVE.GLOSSARY")
    assert len(found) == 1 and "221" in found[0]
    renamed = GLOSSARY.replace("行政事业单位养老支出（款）", "行政事业单位离退休（款）")
    found = rules(doc(renamed, [functional_table()]), "NARRATIVE.GLOSSARY")
    assert len(found) == 1 and "行政事业单位养老支出" in found[0]


def test_glossary_lists_codes_not_used() -> None:
    unused = GLOSSARY.replace("提租补贴（项）：", "购房补贴（项）：")
    found = rules(doc(unused, [functional_table()]), "NARRATIVE.GLOSSARY")
    assert len(found) == 1 and "2210203" in found[0] and "2210202" in found[0]


def test_class_name_in_glossary_list() -> None:
    text = ("十、名词解释\n（一）本部门使用的主要支出功能分类科目（项级）：如：\n"
            "1.社会保障和就业支出：社会保障方面的支出。\n2.住房保障支出：住房方面的支出。")
    assert rules(doc(text, [functional_table()]), "NARRATIVE.GLOSSARY") == []
    found = rules(doc(text.replace("2.住房保障支出", "2.住房保證支出"), [functional_table()]),
                  "NARRATIVE.GLOSSARY")
    assert len(found) == 1 and "住房保障支出" in found[0]


PARTS = "四、基本支出情况\n（二）公用经费 20.00万元，用于办公费 10.00万元、印刷费 6.00万元、差旅费 4.00万元。"


def test_parts_add_up() -> None:
    assert rules(doc(PARTS), "NARRATIVE.PARTS") == []
    assert len(rules(doc(PARTS.replace("6.00万元", "7.00万元")), "NARRATIVE.PARTS")) == 1
    rounding = doc(PARTS.replace("4.00万元", "4.01万元"))
    assert [f.severity for f in _findings(rounding, "NARRATIVE.PARTS")] == ["info"]


def test_parts_in_yuan_yi_yuan_and_full_width() -> None:
    yuan = "四、基本支出情况\n公用经费 200000元，用于办公费 100000元、印刷费 100000元。"
    assert rules(doc(yuan), "NARRATIVE.PARTS") == []
    assert len(rules(doc(yuan.replace("印刷费 100000元", "印刷费 120000元")), "NARRATIVE.PARTS")) == 1
    yi = "四、支出情况\n部门预算总支出 1.50亿元，其中：社会保障和就业支出 0.50亿元；卫生健康支出 1.20亿元。"
    assert len(rules(doc(yi), "NARRATIVE.PARTS")) == 1
    full = "四、基本支出情况\n公用经費 ２０.００萬元，用於辦公費 １０.００萬元、印刷費 １０.００萬元。"
    assert rules(doc(full), "NARRATIVE.PARTS") == []


def test_parts_short_of_a_main_items_list_is_fine() -> None:
    text = "四、基本支出情况\n公用经费 30.00万元，主要用于办公费 10.00万元、印刷费 6.00万元。"
    assert rules(doc(text), "NARRATIVE.PARTS") == []


def test_procurement_parts() -> None:
    text = "（二）政府采购情况\n政府采购预算合计 83.30万元，其中：货物类 3.30万元，工程类 0万元，服务类 80.00万元。"
    assert rules(doc(text), "NARRATIVE.PARTS") == []
    assert len(rules(doc(text.replace("服务类 80.00", "服务类 70.00")), "NARRATIVE.PARTS")) == 1


def test_rounding_level_rate_is_info() -> None:
    text = "五、支出情况\n住房公积金 38.77万元，比上年增加 18.82万元，增长 94.4%。"
    assert [f.severity for f in _findings(doc(text), "NARRATIVE.RATE")] == ["info"]
    assert _findings(doc(text.replace("94.4%", "94.3%")), "NARRATIVE.RATE") == []


def test_a_share_rounded_in_two_steps_is_info() -> None:
    text = "四、支出预算情况\n部门预算支出 200.00 万元。其中：基本支出 123.69 万元，占 61.9%。"
    assert [f.severity for f in _findings(doc(text), "NARRATIVE.SHARE")] == ["info"]  # 61.845%
    wrong = _findings(doc(text.replace("123.69", "123.60")), "NARRATIVE.SHARE")  # 61.80%
    assert [f.severity for f in wrong] == ["warning"]


def test_change_without_unit() -> None:
    text = "五、“三公”经费\n“三公”经费预算 3.2万元，与2023年预算减少0.4，减少11.1%。"
    assert len(rules(doc(text, year=2024), "NARRATIVE.UNIT_MISSING")) == 1
    assert rules(doc(text.replace("减少0.4", "减少0.4万元"), year=2024), "NARRATIVE.UNIT_MISSING") == []


def test_execution_rate_on_a_wrong_actual_is_one_finding() -> None:
    text = ("三、一般公共预算财政拨款支出决算情况\n一般公共预算财政拨款支出年初预算为 100.00 万元，"
            "支出决算为 100.00 万元，完成年初预算的 110%。")
    table = Table("general_budget_expenditure", "一般公共预算财政拨款支出决算表", (40, 41),
                  rows=[TableRow("合计", 41, values={"total": 110.0}, decimals={"total": 2})])
    document = doc(text, [table])
    assert _findings(document, "NARRATIVE.EXECUTION") == []
    found = _findings(document, "NARRATIVE.TABLE")
    assert len(found) == 1 and "110%" in found[0].message
    assert found[0].locations[1].table == "general_budget_expenditure"


def _findings(document: Document, rule_id: str) -> list[Finding]:
    return run_rules(document, only=[rule_id])


def test_a_glossary_item_marked_xiang_is_not_read_as_a_class() -> None:
    """"机关事业单位基本养老保险缴费支出（项）：…" names a 项 ending in 支出, not a 类."""
    rows = [_row("208", "社会保障和就业支出", 60, 0.10), _row("20805", "行政事业单位养老支出", 61, 0.10),
            _row("2080505", "机关事业单位基本养老保险缴费支出", 62, 0.10)]
    table = Table("general_budget_expenditure", "一般公共预算支出表", (59, 62), rows=rows)
    text = ("十、名词解释\n"
            "机关事业单位基本养老保险缴费支出（项）：指机关事业单位实施养老保险制度由单位缴纳的基本养老保险费支出。")
    found = [m for m in rules(doc(text, [table]), "NARRATIVE.GLOSSARY") if "类名" in m]
    assert found == []


CODED = "（1）人员经费：①提租补贴（2210202）6.69 万元，较上年增加 0.10 万元。\n"


def test_a_code_the_tables_print_passes() -> None:
    assert rules(doc(CODED, [functional_table()]), "NARRATIVE.CODE") == []


def test_a_code_the_tables_do_not_print_is_found_with_theirs() -> None:
    found = rules(doc(CODED.replace("2210202", "2210102"), [functional_table()]), "NARRATIVE.CODE")
    assert found == ["情况说明写“提租补贴（2210102）”，表格中没有 2210102，提租补贴为 2210202"]
