"""A 万元 narrative over 元 tables (Shanghai): the text's figure may be cut, not rounded, from
the table's; a real slip stays an error."""

from yusuan.pipeline import document_from_text
from yusuan.rules import run_rules
from yusuan.rules.engine.tolerance import Interval
from yusuan.rules.narrative.tables import converted_interval


def _doc(stated: str):
    text = "\n".join([
        "2025年上海市某某局部门预算",
        "部门支出预算总表",
        "单位：元",
        "科目编码\t科目名称\t合计\t基本支出\t项目支出",
        "208\t社会保障和就业支出\t877,080.00\t877,080.00\t",
        "20805\t行政事业单位养老支出\t877,080.00\t877,080.00\t",
        "2080501\t行政单位离退休\t877,080.00\t877,080.00\t",
        "\t合计\t877,080.00\t877,080.00\t",
        "",
        f"“社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”{stated}万元，主要用于离退休人员经费。",
    ])
    return document_from_text(text)


def _narrative(stated: str):
    return [f for f in run_rules(_doc(stated), only=["NARRATIVE.TABLE"])]


def test_a_figure_cut_to_its_places_is_rounding() -> None:
    assert {f.severity for f in _narrative("87.70")} <= {"info"}


def test_a_wrong_figure_is_still_an_error() -> None:
    found = _narrative("88.70")
    assert [f.severity for f in found] == ["error"]


def test_the_tables_figure_is_shown_in_the_narratives_unit_too() -> None:
    """'为 877080元（87.708万元）': the reader need not convert to see the gap."""
    message = _narrative("88.70")[0].message
    assert message.endswith("为 877080元（87.708万元）")


def test_converted_interval_is_a_place_beyond_and_half_a_place_before() -> None:
    """87.70万元 stands for 876,950 (rounded) up to 877,100 (cut); -87.70万元 the same way
    from zero."""
    cut = converted_interval(877000.0, -2, -4)
    assert cut.low == 876950.0 and cut.high == 877100.0
    below = converted_interval(-877000.0, -2, -4)
    assert below.low == -877100.0 and below.high == -876950.0
    assert converted_interval(87.7, 2, 0).high == 87.705


def test_a_figure_a_place_above_the_table_is_neither_rounded_nor_cut() -> None:
    """29.45万元 for 294,400元: rounded it is 29.44, cut 29.44 too."""
    assert not converted_interval(294500.0, -2, -4).meets(Interval.printed(294400.0, 0))
    assert converted_interval(294400.0, -2, -4).meets(Interval.printed(294449.0, 0))
    assert converted_interval(294400.0, -2, -4).meets(Interval.printed(294480.0, 0))


def test_a_rate_cut_instead_of_rounded_is_rounding() -> None:
    from tests.narrative.test_rules import doc

    def rate_findings(rate: str):
        text = f"一、收支总体情况\n行政运行（项）支出 10883.36 万元，与上年相比增加 2915.22 万元，增长 {rate}%。"
        return [f for f in run_rules(doc(text), only=["NARRATIVE.RATE"])]

    assert {f.severity for f in rate_findings("36.58")} <= {"info"}  # 36.586% cut to 36.58%
    assert [f.severity for f in rate_findings("36.55")] == ["warning"]
    # rounded the wrong way by a hundredth: rounding-level; by three hundredths: not
    assert [f.severity for f in rate_findings("36.60")] == ["info"]
    assert [f.severity for f in rate_findings("36.62")] == ["warning"]


def test_a_rate_on_the_year_compared_with() -> None:
    """"比 2025 年预算数 1,506,121.45 万元减少 57,334.09 万元，下降 3.81%": the figure is last year's."""
    from tests.narrative.test_rules import doc

    def rate_findings(rate: str):
        text = ("一、收支总体情况\n2026 年收入预算 1,448,787.36 万元，比 2025 年预算数 1,506,121.45 万元"
                f"减少 57,334.09 万元，下降 {rate}%。")
        return [f for f in run_rules(doc(text), only=["NARRATIVE.RATE"]) if f.severity != "info"]

    assert rate_findings("3.81") == []
    assert len(rate_findings("3.67")) == 1
