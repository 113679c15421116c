"""The narrative's project list and its 绩效目标 total, printed in 万元 or in 元, are read in
万元 (the unit the project checks compare in) with the precision they were printed with."""

from __future__ import annotations

from yusuan.model import Line
from yusuan.recognise.projects.narrative import narrative_items, performance_total


def _lines(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, start=1)]


def test_project_list_in_yuan_and_in_wan() -> None:
    lines = _lines("八、项目支出情况", "（一）档案数字化经费 36500元，用于扫描。",
                   "（二）信息系统运维经费 12.40万元，用于运维。")
    items = narrative_items(lines, set())
    assert [(i.name, i.amount.value, i.amount.decimals, i.line) for i in items] == [
        ("档案数字化经费", 3.65, 4, 2), ("信息系统运维经费", 12.4, 2, 3)]


def test_performance_total_in_yuan() -> None:
    lines = _lines("本部门设置了 2 个项目支出绩效目标，涉及一般公共预算拨款 489000元。")
    total = performance_total(lines, set())
    assert total is not None
    assert (total.amount.value, total.amount.decimals, total.count, total.fund) == (
        48.9, 4, 2, "一般公共预算")
