"""The README of the corpus review states the verdicts its lists hold (`python -m
tests.corpus.sync_review --summary` rewrites it)."""

from __future__ import annotations

from yusuan.model import Finding, Location

from .sync_review import REVIEW, folded_into, summary


def test_the_review_readme_counts_the_verdicts_of_the_lists() -> None:
    text = (REVIEW / "README.md").read_text(encoding="utf-8")
    assert text == summary(text)


def test_a_true_finding_folded_into_one_that_cites_its_lines_is_not_lost() -> None:
    entry = {"rule": "CROSS.CODE", "message": "2014002 为 0，别表为 458", "verdict": "true",
             "where": [[8, 9], [10, 10]]}
    def place(loc: Location) -> list:
        return [loc.page, loc.line]
    folding = Finding("TOTAL.ROLLUP", "error", "arithmetic", "20140 1378.41 ≠ 903.85",
                      [Location(7, page=8), Location(9, page=8), Location(10, page=10)],
                      folded=["TOTAL.ROLLUP: 20140 1378.41 ≠ 903.85",
                              "CROSS.CODE: 2014002 为 0，别表为 458"])
    assert folded_into(entry, [folding], place)
    folding.locations.pop()  # the other table's line no longer cited
    assert not folded_into(entry, [folding], place)
    assert not folded_into(entry, [Finding("CROSS.CODE", "error", "cross_table", "other")], place)
