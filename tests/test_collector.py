"""The collector's threshold is raised while yusuan reads and checks, and put back after."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from docbuilder import culture_bureau, render

from yusuan.collector import YOUNG_THRESHOLD, fewer_collections
from yusuan.pipeline import read_document
from yusuan.rules import run_rules


@pytest.fixture()
def default_threshold() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield gc.get_threshold()
    gc.set_threshold(*before)


def test_the_young_generation_is_collected_less_while_working_and_as_before_after(
        default_threshold: tuple[int, int, int]) -> None:
    seen = fewer_collections(gc.get_threshold)()
    assert seen == (YOUNG_THRESHOLD, 10, 10)
    assert gc.get_threshold() == default_threshold


def test_the_threshold_is_put_back_when_the_work_fails(default_threshold: tuple[int, int, int]) -> None:
    @fewer_collections
    def failing() -> None:
        raise ValueError("bad input")

    with pytest.raises(ValueError):
        failing()
    assert gc.get_threshold() == default_threshold


def test_a_callers_rarer_collection_is_kept() -> None:
    before = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)
    try:
        assert fewer_collections(gc.get_threshold)() == (50_000, 20, 20)
    finally:
        gc.set_threshold(*before)


def test_reading_and_checking_leave_the_callers_threshold(
        default_threshold: tuple[int, int, int], tmp_path) -> None:
    path = tmp_path / "budget.txt"
    path.write_text(render(culture_bureau()), encoding="utf-8")
    run_rules(read_document(str(path)))
    assert gc.get_threshold() == default_threshold
