"""NARRATIVE.USES (a 类's stated purposes against the subjects the tables carry) and
NARRATIVE.SUMMARY_TITLE (重要事项 rows against the sections they restate), each on narratives
written here: passing and failing, in 万元 and 元, traditional characters, full-width digits."""

from __future__ import annotations

import pytest
from renderers import RENDERERS

from tests.narrative.test_rules import doc, rules
from yusuan.model import Table, TableRow
from yusuan.pipeline import document_from_text
from yusuan.rules.engine import run_rules


def _row(code: str, name: str, line: int, total: float) -> TableRow:
    return TableRow(name, line, code=code, values={"total": total}, decimals={"total": 2})


def health_rows(with_relief: bool) -> Table:
    rows = [_row("210", "卫生健康支出", 81, 75.5), _row("21011", "行政事业单位医疗", 82, 15.5),
            _row("2101101", "行政单位医疗", 83, 15.5)]
    if with_relief:
        rows += [_row("21013", "医疗救助", 84, 60.0), _row("2101301", "城乡医疗救助", 85, 60.0)]
    else:
        rows += [_row("21015", "医疗保障管理事务", 84, 60.0), _row("2101501", "行政运行", 85, 60.0)]
    return Table("general_budget_expenditure", "一般公共预算财政拨款支出表", (80, 90), rows=rows)


USES = ("（二）一般公共预算财政拨款支出结构情况\n"
        "1. 卫生健康（类）支出 75.50 万元，占 88%。主要是用于行政单位医疗、医疗救助款。\n"
        "2. 住房保障（类）支出 10.30 万元，占 12%。主要用于住房公积金等。\n"
        "四、其他说明\n本年医疗救助资金已划转至区医疗保障服务中心。")


def test_purposes_are_read_with_their_class() -> None:
    facts = [f for f in doc(USES).facts if f.extra.get("uses")]
    assert [(f.extra["class_code"], f.extra["uses"], f.extra["uses_line"]) for f in facts] == [
        ("210", ["行政单位医疗", "医疗救助款"], 2), ("221", ["住房公积金"], 3)]


def test_purpose_with_its_subject_in_the_tables() -> None:
    assert rules(doc(USES, [health_rows(with_relief=True)]), "NARRATIVE.USES") == []


def test_purpose_whose_subject_no_table_carries() -> None:
    found = rules(doc(USES, [health_rows(with_relief=False)]), "NARRATIVE.USES")
    assert len(found) == 1 and "21013 医疗救助" in found[0] and "划转" in found[0]


def test_purpose_in_yuan_traditional_and_full_width() -> None:
    text = ("（二）一般公共預算財政撥款支出結構情況\n"
            "１. 衛生健康（類）支出 ７５５０００ 元，佔 ８８%。主要用於行政單位醫療、醫療救助款。")
    bad = doc(text, [health_rows(with_relief=False)])
    bad.unit = "元"
    found = rules(bad, "NARRATIVE.USES")
    assert len(found) == 1 and "医疗救助" in found[0]
    good = doc(text, [health_rows(with_relief=True)])
    assert rules(good, "NARRATIVE.USES") == []


def test_purpose_that_names_no_subject_is_not_judged() -> None:
    text = USES.replace("医疗救助款", "职工医疗保险缴费")
    assert rules(doc(text, [health_rows(with_relief=False)]), "NARRATIVE.USES") == []


SECTIONS = ("第四部分 2030 年重点工作完成情况\n"
            "一、强化基金监管，守住安全底线。\n"
            "一是开展飞行检查。全年检查定点机构 40 家。二是推进智能监控。上线监控规则 12 条。\n"
            "二、深化支付改革，提升基金效能。\n"
            "一是推进按病种付费。二是完善总额预算管理。三是开展结余留用考核。\n"
            "三、优化经办服务，提升群众满意度。\n"
            "一是推行帮办代办。二是拓展跨省通办事项。\n"
            "主要工作重要事项\n"
            "序号\t重要事项\t工作内容及目标\t完成情况\n")
ROWS = {"fund": "{n}\t{title}\t一是开展飞行检查。 二是推进智能监控。\t检查定点机构40家。\n",
        "pay": "{n}\t深化支付改革，提升基金效能。\t推进按病种付费。 完善总额预算管理。 开展结余留用考核。"
               "\t已完成。\n",
        "serve": "{n}\t优化经办服务，提升群众满意度\t推行帮办代办 拓展跨省通办事项\t已完成。\n"}


def _summary(title: str, order: tuple[str, ...] = ("fund", "pay", "serve")) -> str:
    return SECTIONS + "".join(ROWS[key].format(n=n, title=title)
                              for n, key in enumerate(order, start=1))


def test_summary_rows_titled_like_their_sections() -> None:
    assert rules(doc(_summary("强化基金监管，守住安全底线")), "NARRATIVE.SUMMARY_TITLE") == []


def test_summary_row_with_a_title_from_elsewhere() -> None:
    text = _summary("做好防汛救灾医保保障工作", order=("serve", "fund", "pay"))
    found = rules(doc(text), "NARRATIVE.SUMMARY_TITLE")
    assert len(found) == 1 and "第 2 项" in found[0] and "强化基金监管" in found[0]
    finding = run_rules(doc(text), only=["NARRATIVE.SUMMARY_TITLE"])[0]
    assert [loc.line for loc in finding.locations] == [11, 2, 3]


def test_one_agreeing_row_is_no_pattern() -> None:
    text = SECTIONS + ROWS["fund"].format(n=1, title="做好防汛救灾医保保障工作") \
        + ROWS["pay"].format(n=2)
    assert rules(doc(text), "NARRATIVE.SUMMARY_TITLE") == []


@pytest.mark.parametrize("layout", ["tabbed", "pipe", "cell_per_line"])
def test_summary_table_in_every_table_layout(layout: str) -> None:
    rows = [["", "重要事项", "工作内容及目标", "完成情况", ""],
            ["1", "优化经办服务，提升群众满意度", "推行帮办代办 拓展跨省通办事项", "已完成。", ""],
            ["2", "做好防汛救灾医保保障工作", "一是开展飞行检查。 二是推进智能监控。", "已完成。", ""],
            ["3", "深化支付改革，提升基金效能。", "推进按病种付费。 完善总额预算管理。 开展结余留用考核。",
             "已完成。", ""]]
    text = "某区某局2030年部门决算\n" + SECTIONS.split("主要工作重要事项")[0] + "主要工作重要事项\n" \
        + "\n".join(RENDERERS[layout](rows)) + "\n"
    document = document_from_text(text)
    found = run_rules(document, only=["NARRATIVE.SUMMARY_TITLE"])
    assert len(found) == 1 and "第 2 项" in found[0].message
    title_line = found[0].locations[0].line
    assert "做好防汛救灾医保保障工作" in document.source.lines[title_line - 1].text
