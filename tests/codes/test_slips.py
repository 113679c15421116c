"""Which classification name a misprinted name stands for (yusuan.codes.slips)."""

from __future__ import annotations

from yusuan.codes import ECONOMIC
from yusuan.codes.slips import known_codes, one_off, slip_of


def test_one_character_substituted_or_missing_at_the_end_is_a_slip() -> None:
    assert slip_of("资金", ECONOMIC) == ("奖金", ("30103",))
    assert slip_of("提租补", ECONOMIC) == ("提租补贴", ("30312",))


def test_known_names_and_short_forms_are_no_slips() -> None:
    assert known_codes("社会保障缴费", ECONOMIC) == ("30104",)  # the name until 2017
    assert known_codes("伙食补助", ECONOMIC) == ("30106",)  # 费 left off
    assert known_codes("其他交通费", ECONOMIC) == ("30239",)  # 费用 shortened to 费 (江苏 省委)
    assert slip_of("奖金", ECONOMIC) is None
    assert slip_of("津补贴", ECONOMIC) is None  # a character left out inside: the short form
    assert slip_of("水电费", ECONOMIC) is None  # 水费, 电费 and 邮电费 all one character away
    assert slip_of("会务费", ECONOMIC) is None  # no name one character away


def test_one_off() -> None:
    assert one_off("资金", "奖金") and one_off("提租补", "提租补贴") and one_off("水电费", "水费")
    assert not one_off("奖金", "奖金") and not one_off("物业费", "物业管理费")
