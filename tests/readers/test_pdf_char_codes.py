"""The page's code points and the direction most characters stand in, worked out in bulk:
each compared with the character-by-character reading it replaces."""

from __future__ import annotations

import ctypes
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from yusuan.readers import pdfchars

_units = st.lists(st.sampled_from([0x41, 0x4E00, 0x3000, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xFFFD,
                                   0xD7FF, 0xE000]), max_size=12)


@settings(deadline=None)  # a busy machine must not fail it
@given(_units)
def test_a_half_of_a_surrogate_pair_is_found_among_the_units(units) -> None:
    buffer = (ctypes.c_uint16 * (len(units) + 1))(*units)
    expected = any(0xD800 <= unit <= 0xDFFF for unit in units)
    assert pdfchars._has_surrogate(buffer, len(units)) == expected


def _counted(chars) -> int:
    counts = Counter(char[6] for char in chars if char[0] not in pdfchars._SPACES)
    return counts.most_common(1)[0][0] if counts else 0


_chars = st.lists(st.tuples(st.sampled_from([0x20, 0x3000, 0x4E00, 0x31]),
                            st.sampled_from([0, 90, 180, 270, pdfchars.SKEWED])), max_size=10)


@settings(deadline=None)  # a busy machine must not fail it
@given(_chars)
def test_the_dominant_direction_is_that_of_most_characters_other_than_spaces(pairs) -> None:
    chars = [(code, 0.0, 0.0, 1.0, 1.0, 1.0, direction, False) for code, direction in pairs]
    assert pdfchars.dominant_direction(chars) == _counted(chars)


def test_the_spaces_are_those_python_takes_for_space() -> None:
    assert pdfchars._SPACES == frozenset(code for code in range(0x110000) if chr(code).isspace())
