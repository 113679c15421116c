"""One figure of the books printed in two tables: a cent apart is a warning (CROSS.TOTAL,
CROSS.BASIC, CROSS.CODE, SUMMARY.AGREES), a sum of rounded parts a cent off stays info."""

from __future__ import annotations

import pytest
from docbuilder import culture_bureau, render

from yusuan.model import Finding, Table, TableRow
from yusuan.pipeline import document_from_text
from yusuan.rules import run_rules
from yusuan.rules.tables.crosstable import _spends_carryover


def _changed(after: str, old: str, new: str) -> str:
    """The culture bureau with `old` replaced by `new` on the first line after the line
    holding `after`."""
    lines = render(culture_bureau()).splitlines()
    start = next(i for i, line in enumerate(lines) if after in line)
    at = next(i for i in range(start, len(lines)) if old in lines[i])
    lines[at] = lines[at].replace(old, new, 1)
    return "\n".join(lines)


def _serious(text: str) -> list[Finding]:
    return [f for f in run_rules(document_from_text(text)) if f.severity != "info"]


def test_the_consistent_bureau_prints_each_total_once_over() -> None:
    assert _serious(render(culture_bureau())) == []


@pytest.mark.parametrize("after, old, new, rule_id", [
    ("表3 部门支出总表", "\t合计\t557.00", "\t合计\t557.01", "CROSS.TOTAL"),
    ("表1 部门收支总表", "本年支出合计\t557.00", "本年支出合计\t557.01", "CROSS.TOTAL"),
    ("表5 一般公共预算支出表", "\t合计\t557.00", "\t合计\t557.01", "CROSS.TOTAL"),
    ("表6 一般公共预算基本支出表", "\t合计\t466.35", "\t合计\t466.36", "CROSS.BASIC"),
    ("表3 部门支出总表", "行政运行\t257.49\t257.49", "行政运行\t257.50\t257.50", "CROSS.CODE"),
])
def test_a_total_a_cent_off_in_one_table_is_a_warning(after: str, old: str, new: str,
                                                     rule_id: str) -> None:
    found = _serious(_changed(after, old, new))
    assert [f.rule for f in found] == [rule_id]
    assert found[0].severity == "warning"
    assert "两处印的是同一个账面数，应完全一致" in found[0].message
    assert len({loc.line for loc in found[0].locations}) == 2


def test_a_total_far_off_is_an_error_of_one_cause() -> None:
    found = _serious(_changed("表3 部门支出总表", "\t合计\t557.00", "\t合计\t567.00"))
    assert [(f.rule, f.severity) for f in found] == [("CROSS.TOTAL", "error")]


def test_a_spending_table_that_spends_last_years_money_is_not_the_years_spending() -> None:
    """收支总表's 本年支出合计 carries 上年结转 on; a 支出总表 whose 合计 spends it (a 上年结转
    or 上年实户资金余额 column with figures) prints another figure: no CROSS.TOTAL."""
    def detail(values: dict[str, float]) -> Table:
        return Table("expenditure", "部门支出总表", (1, 3), rows=[TableRow("合计", 2, values=values)])

    assert _spends_carryover(detail({"total": 3695.91, "carryover": 11.61, "balance_in": 40.93}))
    assert not _spends_carryover(detail({"total": 3643.37, "carryover": 0.0}))
    assert not _spends_carryover(detail({"total": 3643.37}))
