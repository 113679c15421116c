"""Rounding by intervals (XBRL Calculations 1.1).

A printed value with d decimals stands for value ± ½·10⁻ᵈ. A total disagrees with its parts
only when the total's interval and the interval of the sum of the parts do not meet.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

EPSILON = 1e-9


class Verdict(Enum):
    EQUAL = "equal"
    ROUNDING = "rounding"
    MISMATCH = "mismatch"


@dataclass(frozen=True, slots=True)
class Printed:
    """A printed number and how many decimals it was printed with."""

    value: float
    decimals: int

    @property
    def half_width(self) -> float:
        return 0.5 * 10.0 ** (-self.decimals)


@dataclass(frozen=True, slots=True)
class Comparison:
    verdict: Verdict
    reported: float
    computed: float
    difference: float
    bound: float


def default_decimals(unit: str | None) -> int:
    """Decimals assumed where the document does not say: 0 for 元, 2 otherwise (万元)."""
    return 0 if unit is not None and unit.strip() == "元" else 2


def sum_bound(total: Printed, parts: list[Printed]) -> float:
    """The largest |total − Σ parts| that rounding alone can explain."""
    return total.half_width + sum(p.half_width for p in parts)


def compare_sum(total: Printed, parts: list[Printed]) -> Comparison:
    """Compare a printed total with the sum of its printed parts."""
    computed = sum(p.value for p in parts)
    return compare_values(total, computed, sum_bound(total, parts))


def compare_equal(left: Printed, right: Printed) -> Comparison:
    """Compare two printings of what should be the same figure."""
    return compare_values(left, right.value, left.half_width + right.half_width)


def compare_values(total: Printed, computed: float, bound: float) -> Comparison:
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
