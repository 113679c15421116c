from yusuan.model import Location
from yusuan.rules.engine.common import Amount
from yusuan.rules.engine.tolerance import (
    Interval,
    Printed,
    Verdict,
    compare_equal,
    compare_sum,
    default_decimals,
    interval_sum,
    sum_bound,
)
from yusuan.rules.projects.common import form_interval, same_figure, same_sum


def test_equal_sum_is_equal() -> None:
    cmp = compare_sum(Printed(10.0, 2), [Printed(4.0, 2), Printed(6.0, 2)])
    assert cmp.verdict is Verdict.EQUAL


def test_one_cent_with_four_parts_is_rounding() -> None:
    parts = [Printed(v, 2) for v in (241.37, 1506.82, 6.03, 318.45)]
    cmp = compare_sum(Printed(2072.66, 2), parts)
    assert cmp.verdict is Verdict.ROUNDING
    assert cmp.difference == -0.01
    assert abs(cmp.bound - 0.025) < 1e-9


def test_one_cent_with_one_part_is_rounding_at_the_edge() -> None:
    # bound (1+1)·0.005 = 0.01
    assert compare_sum(Printed(1.01, 2), [Printed(1.0, 2)]).verdict is Verdict.ROUNDING


def test_two_cents_with_one_part_is_a_mismatch() -> None:
    assert compare_sum(Printed(1.02, 2), [Printed(1.0, 2)]).verdict is Verdict.MISMATCH


def test_yuan_integers_have_a_half_yuan_interval() -> None:
    assert compare_sum(Printed(11, 0), [Printed(5, 0), Printed(5, 0)]).verdict is Verdict.ROUNDING
    assert compare_sum(Printed(13, 0), [Printed(5, 0), Printed(5, 0)]).verdict is Verdict.MISMATCH


def test_bound_grows_with_parts() -> None:
    assert abs(sum_bound(Printed(1, 2), [Printed(1, 2)] * 3) - 0.02) < 1e-12


def test_equal_of_two_printings() -> None:
    assert compare_equal(Printed(5.0, 2), Printed(5.0, 2)).verdict is Verdict.EQUAL
    assert compare_equal(Printed(5.0, 2), Printed(5.01, 2)).verdict is Verdict.ROUNDING
    assert compare_equal(Printed(5.0, 2), Printed(5.5, 2)).verdict is Verdict.MISMATCH


def test_default_decimals() -> None:
    assert default_decimals("元") == 0
    assert default_decimals("万元") == 2
    assert default_decimals(None) == 2


def _near(a: Interval, low: float, high: float) -> bool:
    return abs(a.low - low) < 1e-9 and abs(a.high - high) < 1e-9


def test_printed_interval_is_half_the_last_place_each_side() -> None:
    assert _near(Interval.printed(6.3, 1), 6.25, 6.35)
    assert _near(Interval.printed(6.3, None), 6.295, 6.305)
    assert Printed(6.3, 1).interval == Interval.printed(6.3, 1)


def test_intervals_meet_when_rounding_explains_the_gap() -> None:
    assert Interval.printed(3.217, 3).meets(Interval.printed(3.22, 2))
    assert Interval.printed(1.0, 2).meets(Interval.printed(1.01, 2))  # edges count


def test_intervals_apart_do_not_meet() -> None:
    assert not Interval.printed(3.213, 3).meets(Interval.printed(3.22, 2))
    assert not Interval.printed(1.0, 2).meets(Interval.printed(1.02, 2))


def test_sum_of_intervals_widens_with_every_part() -> None:
    parts = interval_sum(Interval.printed(v, 2) for v in (0.31, 0.38, 0.31))
    assert _near(parts, 0.985, 1.015)
    assert Interval.printed(1.01, 2).meets(parts)
    assert not Interval.printed(1.03, 2).meets(parts)


def test_difference_and_negation() -> None:
    gap = Interval.printed(5.0, 1) - Interval.printed(2.0, 1)
    assert _near(gap, 2.9, 3.1)
    assert _near(-Interval(1.0, 2.0), -2.0, -1.0)
    assert not gap.meets(Interval.printed(3.3, 1))


def test_ratio_is_a_percentage_interval() -> None:
    share = Interval.printed(7.0, 0).ratio(Interval.printed(20.0, 0))
    assert share is not None
    assert share.meets(Interval.printed(35.0, 1))
    assert not share.meets(Interval.printed(39.0, 1))


def test_ratio_of_a_whole_that_may_be_zero_is_none() -> None:
    assert Interval.printed(1.0, 0).ratio(Interval.printed(0.2, 0)) is None


def _amount(value: float, decimals: int) -> Amount:
    return Amount(value, decimals, Location(1))


def test_integer_on_a_form_counts_as_two_decimals() -> None:
    assert form_interval(_amount(8.0, 0)) == Interval.printed(8.0, 2)
    assert not same_figure(_amount(8.0, 0), _amount(8.3, 2))


def test_same_figure_when_the_finer_printing_rounds_to_the_coarser() -> None:
    assert same_figure(_amount(3.217, 3), _amount(3.22, 2))
    assert same_figure(_amount(8.0, 0), _amount(8.0, 2))


def test_not_the_same_figure_beyond_rounding() -> None:
    assert not same_figure(_amount(3.213, 3), _amount(3.22, 2))
    assert not same_figure(_amount(8.0, 2), _amount(8.03, 2))


def test_same_sum_within_the_parts_rounding() -> None:
    parts = [_amount(v, 3) for v in (1.114, 2.226)]
    assert same_sum(_amount(3.34, 2), parts)
    assert same_sum(_amount(5.0, 0), [_amount(1.0, 0), _amount(4.0, 0)])


def test_same_sum_fails_beyond_the_parts_rounding() -> None:
    parts = [_amount(v, 3) for v in (1.114, 2.226)]
    assert not same_sum(_amount(3.36, 2), parts)
    assert not same_sum(_amount(5.0, 0), [_amount(1.0, 0), _amount(4.6, 0)])
