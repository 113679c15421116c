"""A cell's text as one line (`grid.cell_text`): a text without any space comes back as it is,
and that shortcut agrees with the full clean-up on every kind of space."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from yusuan.readers.grid import _HAN_GAP, cell_text, flow_text

SPACES = " \t\r\n\u3000\u00a0\u2002\u2028\x0b\x1c\x85"


def test_wrapped_and_letter_spaced_cells_are_joined() -> None:
    assert cell_text("社会保障\n和就业支出") == "社会保障和就业支出"
    assert cell_text("收 入 总 计") == "收入总计"
    assert cell_text("\u2002172.68\u2002") == "172.68"  # an en space is space too
    assert cell_text("208") == "208"
    assert cell_text(None) == ""
    assert cell_text(12.5) == "12.5"


@given(st.text(alphabet=st.sampled_from([*"收入合计12.（）、ab", *SPACES]), max_size=12))
def test_the_shortcut_agrees_with_the_full_clean_up(text: str) -> None:
    assert cell_text(text) == _HAN_GAP.sub("", flow_text(text))
