"""Each narrative pattern, read from short narratives written for the test."""

from __future__ import annotations

from pathlib import Path

from yusuan.model import Fact, Source
from yusuan.readers.text import text_to_lines
from yusuan.recognise.narrative import extract_facts

SEEDS = Path("/work/shared/seeds")


def source(text: str) -> Source:
    return Source("t.txt", "text", "", text_to_lines(text))


def facts(text: str, concept: str | None = None) -> list[Fact]:
    found = extract_facts(source(text))
    return [f for f in found if concept is None or f.concept == concept]


def test_amount_units_and_decimals() -> None:
    got = facts("三、收支情况\n2024年部门预算总收入 1,234.50万元，其中：上年结转 3亿元，事业收入 800元。")
    assert [(f.concept, f.value, f.unit, f.decimals) for f in got] == [
        ("total_income", 1234.5, "万元", 2), ("carryover_in", 3.0, "亿元", 0),
        ("business_income", 800.0, "元", 0)]


def test_wrapped_lines_keep_figure_line() -> None:
    text = "四、一般公共预算支出情况\n\n2024年一般公共预算支出预算\n\n456.70\n\n万元，比 2023年预算增加\n\n12.3万元，增长 2.8%。"
    fact = facts(text, "general_budget_expenditure")[0]
    assert fact.line == 5 and fact.value == 456.7
    assert fact.extra["change"] == 12.3 and fact.extra["change_line"] == 9
    assert fact.extra["rate"] == 2.8 and fact.extra["base_year"] == 2023


def test_decrease_and_flat() -> None:
    fact = facts("基本支出 100.00万元，比2023年预算减少 5.00万元，下降 4.76%。", "basic_expenditure")[0]
    assert fact.extra["change"] == -5.0 and fact.extra["rate"] == -4.76
    flat = facts("七、“三公”经费情况\n“三公”经费预算 2.00万元，与上年持平。", "sangong_total")[0]
    assert flat.extra["change"] == 0.0


def test_traditional_and_full_width() -> None:
    got = facts("八、其他重要事项\n機關運行經費 １２．５０萬元，比２０２３年減少 ０．５０萬元。")
    fact = next(f for f in got if f.concept == "agency_operating_costs")
    assert fact.value == 12.5 and fact.unit == "万元" and fact.extra["change"] == -0.5


def test_functional_item_levels() -> None:
    text = "卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）2024年预算数 7.56 万元，比2023年预算减少 2.69 万元，下降 26.2%。"
    fact = facts(text, "functional_item")[0]
    assert fact.extra["class_code"] == "210" and fact.extra["item"] == "行政单位医疗"
    assert fact.extra["rate"] == -26.2


def test_economic_items_and_shares() -> None:
    text = "公用经费 20.00万元，主要用于办公费 10.51万元、印刷费 4.00万元。\n部门预算支出 100.00 万元。其中：基本支出 71.73 万元，占 71.73%；项目支出 28.27 万元，占 28.27%。"
    names = [f.extra["name"] for f in facts(text, "economic_item")]
    assert names == ["办公费", "印刷费"]
    assert facts(text, "basic_expenditure")[0].extra["share"] == 71.73


def test_execution() -> None:
    text = "2024年度一般公共预算财政拨款支出年初预算为 400.00 万元，支出决算为 440.00 万元，完成年初预算的 110.00%。"
    fact = facts(text, "general_budget_expenditure")[0]
    assert (fact.value, fact.extra["budget"], fact.extra["execution_rate"]) == (440.0, 400.0, 110.0)


def test_execution_of_a_budget_written_预算为() -> None:
    """The 三公 lines of a 决算: '支出预算为…，支出决算为…，完成预算的…%'."""
    text = ("九、财政拨款“三公”经费支出决算情况说明\n“三公”经费财政拨款支出预算为 5.80 万元，支出决算为 "
            "5.10 万元，完成预算的 87.93%。\n公务接待费支出预算为 1.80 万元，支出决算为 1.50 万元，完成"
            "预算的 83.33%。")
    total = facts(text, "sangong_total")[0]
    assert (total.value, total.extra["budget"], total.extra["execution_rate"]) == (5.1, 5.8, 87.93)
    reception = facts(text, "sangong_reception")[0]
    assert (reception.value, reception.extra["budget"]) == (1.5, 1.8)


def test_sangong_procurement_performance() -> None:
    text = ("五、“三公”经费支出情况\n“三公”经费 1.00万元。其中：因公出国(境)经费 0 元；公务接待费 1.00万元。\n"
            "十、其他重要事项\n（一）政府采购情况\n政府采购预算合计 50.00万元。其中：货物类 10.00万元，服务类 40.00万元。\n"
            "（二）绩效目标设置情况\n部门项目均实行绩效目标管理，涉及一般公共预算当年财政拨款 30.00万元。")
    concepts = [f.concept for f in facts(text) if f.value is not None]
    assert concepts == ["sangong_total", "sangong_outbound", "sangong_reception",
                        "procurement_total", "procurement_goods", "procurement_services",
                        "performance_coverage"]


def test_staffing_and_units() -> None:
    text = ("（二）部门预算单位构成\n本部门由机关本级组成，其中：行政单位 1个、事业单位 0个。\n"
            "（三）部门人员构成\n总编制人数 10人，其中：行政编制 4人，事业编制 6人。在职实有人数 9 人，其中：行政编制 4人，事业编制 5 人。\n"
            "离退休人员 2人，其中：离休 0人，退休 2人。")
    staff = {(f.extra["status"], f.extra["kind"]): f.value for f in facts(text, "staffing")}
    assert staff[("authorised", "total")] == 10 and staff[("actual", "institution")] == 5
    assert staff[("retired", "tuixiu")] == 2
    own = [f for f in facts(text, "unit_count") if f.extra.get("own_only")]
    assert own and own[0].value == 0


def test_table_lines_are_skipped() -> None:
    assert facts("合计 2121.66 2121.66 0.00\n一般公共预算\t12.00\t3.00") == []


def test_glossary() -> None:
    text = "第四部分 名词解释\n（一）机关运行经费：为保障行政单位（包括参照公务员法管理的事业单位）运行的资金。\n（二）本部门使用的主要支出功能分类科目(项级)：\n1.卫生健康支出(类)医疗保障管理事务(款)事业运行(项)，反映事业单位的基本支出。"
    got = facts(text)
    assert got[0].concept == "glossary_term" and got[0].extra["term"] == "机关运行经费"
    assert got[-1].concept == "glossary_item" and got[-1].extra["item"] == "事业运行"



def test_rate_named_by_its_width() -> None:
    """'增幅 x%' and '减幅 x%' name the rate of the change before them, as '增长 x%' does."""
    up = facts("六、“三公”经费预算情况说明\n“三公”经费预算 12.63 万元，比 2021 年增加 0.69 万元，"
               "增幅 5.78%。", "sangong_total")[0]
    assert up.extra["rate"] == 5.78 and up.extra["rate_direction"] == "增幅"
    down = facts("六、“三公”经费预算情况说明\n公务接待费预算 5.13 万元，比 2021 年减少 5.31 万元，"
                 "减幅 50.86%。", "sangong_reception")[0]
    assert down.extra["rate"] == -50.86


def test_meeting_and_training_beside_sangong() -> None:
    """会议费 and 培训费 stated in the 三公 section are those items; a unit's part of a change
    ('局本级会议费增加 9.11 万元') is not."""
    text = ("六、部门预算“三公”经费等预算情况说明\n2022 年会议费预算 58.46 万元，比 2021 年增加 27.84 万元，"
            "增幅 90.89%；主要原因局本级会议费增加 9.11 万元。\n2022 年培训费预算 29.45 万元，"
            "比 2021 年减少 2.60 万元，减幅 8.12%。")
    meeting = facts(text, "sangong_meeting")
    assert [(f.value, f.extra["change"], f.extra["rate"]) for f in meeting] == [(58.46, 27.84, 90.89)]
    training = facts(text, "sangong_training")
    assert [(f.value, f.extra["change"], f.extra["rate"]) for f in training] == [(29.45, -2.6, -8.12)]


def test_comparison_after_a_list_of_parts_is_not_the_last_parts() -> None:
    """'研究调研活动 166.02 万元，主要包括：文稿 116.3 万元，…；专题培训 49.72 万元，…。较上年
    增加 28.46 万元': the comparison that follows the list is not of its last part."""
    text = ("（五）项目支出\n\n4.研究调研活动 166.02 万元，主要包括：文稿起草工作 116.3 万元，用于文稿起草"
            "的支出；专题培训 49.72 万元，用于专题培训的支出。较 2025 年年初预算增加 28.46 万元，增幅 20.7%。")
    part = next(f for f in facts(text) if f.value == 49.72)
    assert "change" not in part.extra and "rate" not in part.extra
    single = facts("（五）项目支出\n\n2.值班业务 24.67 万元，主要用于值班的支出。较 2025 年年初预算"
                   "减少 1.03 万元，减幅 4%。")[0]
    assert single.extra["change"] == -1.03 and single.extra["rate"] == -4


def test_the_unit_count_patterns_find_nothing_without_what_they_end_with() -> None:
    """composition_facts tries _UNIT_COUNT only where _COUNTED finds a count and _OWN_ONLY
    only where 本级 is written: on made-up sentences, neither finds anything elsewhere."""
    import random

    from yusuan.recognise.narrative.people import _COUNTED, _OWN_ONLY, _UNIT_COUNT

    alphabet = ["下属", "含", "（", "(", "行政单位", "事业单位", "二级预算单位", "单位", "预算单位",
                "3", "12", " ", "个", "家", "，", "本级", "机关", "由", "组成", "决算", "预算",
                "参照公务员法管理事业单位", "二级单位", "下属单位", "共", "仅含"]
    rng = random.Random(18)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 10)))
        if _COUNTED.search(text) is None:
            assert _UNIT_COUNT.search(text) is None, text
        if "本级" not in text:
            assert _OWN_ONLY.search(text) is None, text
