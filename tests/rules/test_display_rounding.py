"""A cell that shows fewer decimals than its table (a spreadsheet's General format rounding a
long figure) is told as a display rounding, not as two figures that disagree."""

from __future__ import annotations

from yusuan.model import Location
from yusuan.rules.engine.common import Amount, equal_finding, sum_finding


def _amount(value: float, shown: int | None = None, line: int = 1) -> Amount:
    return Amount(value, 2, Location(line), shown)


def test_a_figure_shown_with_one_decimal_fewer_is_a_display_rounding() -> None:
    found = equal_finding("CROSS.TOTAL", _amount(936647884.33), _amount(936647884.3, shown=1, line=2),
                          "本年支出合计", same_ledger=True)
    assert found is not None
    assert (found.severity, found.category, found.message_id) == ("warning", "display_rounding",
                                                                  "DISPLAY_ROUNDED")
    assert "单元格 936647884.3 印的小数位少于表中其他数字" in found.message


def test_the_same_gap_between_two_full_printings_is_two_figures_that_disagree() -> None:
    found = equal_finding("CROSS.TOTAL", _amount(936647884.33), _amount(936647884.30, line=2),
                          "本年支出合计", same_ledger=True)
    assert found is not None and found.message_id != "DISPLAY_ROUNDED"
    near = equal_finding("CROSS.TOTAL", _amount(936647884.33), _amount(936647884.32, line=2),
                         "本年支出合计", same_ledger=True)
    assert near is not None and "不是舍入差" in near.message


def test_a_gap_wider_than_the_shown_decimals_stays_an_accusation() -> None:
    found = equal_finding("CROSS.TOTAL", _amount(936647884.33), _amount(936647884.1, shown=1, line=2),
                          "本年支出合计")
    assert found is not None and found.message_id != "DISPLAY_ROUNDED"


def test_a_sum_whose_parts_are_shown_rounded() -> None:
    total = _amount(47137884.3, shown=1)
    parts = [_amount(43536866.1, shown=1, line=2), _amount(3601018.22, line=3)]
    found = sum_finding("ROW.BASIC", total, parts, "合计")
    assert found is not None and found.message_id == "DISPLAY_ROUNDED"
    assert sum_finding("ROW.BASIC", _amount(47137884.33), [_amount(43536866.11), _amount(3601018.22)],
                       "合计") is None
