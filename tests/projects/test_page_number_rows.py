"""A PDF page number after a form's last indicator row (the form ends at the foot of a page)
is not an indicator."""

from __future__ import annotations

from yusuan.model import Line
from yusuan.recognise.projects.indicators import indicator_rows

ROWS = ["年度绩效目标\t产出指标\t数量指标\t开展活动场次\t≥12场\t≥12场\t≥12场\t计划标准",
        "\t满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t≥90%\t≥90%\t计划标准"]


def test_page_number_after_the_last_indicator_is_not_one() -> None:
    lines = [Line(1, ROWS[0], 7), Line(2, ROWS[1], 7), Line(3, "- 7 -", 7)]
    rows = indicator_rows(lines, 1, 3, "annual")
    assert [(r.name, r.values[-1]) for r in rows] == [("开展活动场次", "≥12场"),
                                                      ("服务对象满意度", "≥90%")]
