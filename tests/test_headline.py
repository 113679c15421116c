"""Headline figures of two seeds, read off the seed text by hand (sed -n LINEp)."""

from __future__ import annotations

import pytest
from seedfiles import require_seed, seed_document

EXPECTED = {
    "001_cef01461b897d751.txt": {
        "total_income": (933.79, 110), "income_grand_total": (933.79, 112),
        "total_expenditure": (933.79, 110), "basic_expenditure": (524.86, 135),
        "project_expenditure": (408.93, 135), "personnel_funds": (430.24, 248),
        "public_funds": (94.62, 248), "sangong_total": (0.42, 286),
    },
    "003_53d0a35ed6c3822b.txt": {
        "total_income": (442.86, 128), "income_grand_total": (442.86, 132),
        "basic_expenditure": (243.12, 191), "project_expenditure": (199.74, 191),
        "personnel_funds": (235.26, 343), "public_funds": (7.87, 343),
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_headline_figures_and_their_lines(name: str) -> None:
    require_seed(name)
    headline = seed_document(name).headline
    got = {key: (headline[key]["value"], headline[key]["line"]) for key in EXPECTED[name] if key in headline}
    assert got == EXPECTED[name]
