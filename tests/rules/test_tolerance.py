from yusuan.rules.tolerance import (
    Printed,
    Verdict,
    compare_equal,
    compare_sum,
    default_decimals,
    sum_bound,
)


def test_equal_sum_is_equal() -> None:
    cmp = compare_sum(Printed(10.0, 2), [Printed(4.0, 2), Printed(6.0, 2)])
    assert cmp.verdict is Verdict.EQUAL


def test_one_cent_with_four_parts_is_rounding() -> None:
    parts = [Printed(v, 2) for v in (172.68, 1813.70, 9.00, 126.29)]
    cmp = compare_sum(Printed(2121.66, 2), parts)
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
