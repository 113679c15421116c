"""Rounding by intervals (XBRL Calculations 1.1).

A printed value with d decimals stands for value ± ½·10⁻ᵈ: its `Interval`. Two printings of one
figure agree, and a total agrees with its parts, when their intervals meet (the total's
interval against the sum of the parts' intervals).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from yusuan.kept.dataclass_code import dataclass

EPSILON = 1e-9


def half_place(decimals: int) -> float:
    """Half the last printed place: what rounding to `decimals` places may hide."""
    return 0.5 * 10.0 ** (-decimals)


@dataclass(frozen=True, slots=True)
class Interval:
    """The values a printed figure (or a sum, difference or ratio of them) may stand for."""

    low: float
    high: float

    @classmethod
    def printed(cls, value: float, decimals: int | None) -> Interval:
        """`value` printed with `decimals` places (2, as for 万元, when unknown)."""
        half = half_place(decimals if decimals is not None else 2)
        return cls(value - half, value + half)

    def meets(self, other: Interval, slack: float = EPSILON) -> bool:
        """The two intervals share a value (edges count): rounding may explain the gap."""
        return self.low <= other.high + slack and other.low <= self.high + slack

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low)

    def __sub__(self, other: Interval) -> Interval:
        return self + -other

    def ratio(self, other: Interval) -> Interval | None:
        """self / other × 100 as an interval; None when `other` may be zero or negative."""
        if other.low <= 0:
            return None
        ends = [a / b * 100 for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(ends), max(ends))


def interval_sum(parts: Iterable[Interval]) -> Interval:
    """The interval of a sum: the parts' lows added, and their highs."""
    total = Interval(0.0, 0.0)
    for part in parts:
        total = total + part
    return total


class Verdict(Enum):
    EQUAL = "equal"
    ROUNDING = "rounding"
    MISMATCH = "mismatch"


@dataclass(frozen=True, slots=True, init=False)
class Printed:
    """A printed number and how many decimals it was printed with."""

    value: float
    decimals: int

    def __init__(self, value: float, decimals: int) -> None:
        # the generated __init__ of a frozen class, through each slot's own setter: every
        # comparison of printed figures makes them
        _set_printed_value(self, value)
        _set_printed_decimals(self, decimals)

    @property
    def half_width(self) -> float:
        return half_place(self.decimals)

    @property
    def interval(self) -> Interval:
        return Interval.printed(self.value, self.decimals)


_set_printed_value = Printed.value.__set__  # type: ignore[attr-defined]
_set_printed_decimals = Printed.decimals.__set__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True, init=False)
class Comparison:
    """A reported figure against the computed one: verdict, difference, bound."""

    verdict: Verdict
    reported: float
    computed: float
    difference: float
    bound: float

    def __init__(self, verdict: Verdict, reported: float, computed: float, difference: float,
                 bound: float) -> None:
        _set_verdict(self, verdict)
        _set_reported(self, reported)
        _set_computed(self, computed)
        _set_difference(self, difference)
        _set_bound(self, bound)


_set_verdict, _set_reported = Comparison.verdict.__set__, Comparison.reported.__set__  # type: ignore[attr-defined]
_set_computed = Comparison.computed.__set__  # type: ignore[attr-defined]
_set_difference, _set_bound = Comparison.difference.__set__, Comparison.bound.__set__  # type: ignore[attr-defined]


def default_decimals(unit: str | None) -> int:
    """Decimals assumed where the document does not say: 0 for 元, 2 otherwise (万元)."""
    return 0 if unit is not None and unit.strip() == "元" else 2


def sum_bound(total: Printed, parts: list[Printed]) -> float:
    """The largest |total − Σ parts| that rounding alone can explain: the half-widths of the
    total's interval and of the sum of the parts' intervals, added."""
    return total.half_width + sum(p.half_width for p in parts)


def compare_sum(total: Printed, parts: list[Printed]) -> Comparison:
    """Compare a printed total with the sum of its printed parts."""
    computed = sum(p.value for p in parts)
    return compare_values(total, computed, sum_bound(total, parts))


def compare_equal(left: Printed, right: Printed) -> Comparison:
    """Compare two printings of what should be the same figure."""
    return compare_values(left, right.value, sum_bound(left, [right]))


def compare_values(total: Printed, computed: float, bound: float) -> Comparison:
    """EQUAL, ROUNDING when the intervals meet (|difference| ≤ bound), else MISMATCH.

    The test is kept in centre ± bound form: the difference is rounded before it is compared,
    so float noise in large sums cannot move a gap that sits exactly on the bound.
    """
    places = max(total.decimals, 2)
    difference = round(total.value - computed, places + 2)
    if abs(difference) <= EPSILON:
        verdict = Verdict.EQUAL
    elif abs(difference) <= bound + EPSILON:
        verdict = Verdict.ROUNDING
    else:
        verdict = Verdict.MISMATCH
    return Comparison(verdict, total.value, round(computed, places + 2),
                      round(difference, places), round(bound, places + 1))
