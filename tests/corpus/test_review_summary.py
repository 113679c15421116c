"""The README of the corpus review states the verdicts its lists hold (`python -m
tests.corpus.sync_review --summary` rewrites it)."""

from __future__ import annotations

from .sync_review import REVIEW, summary


def test_the_review_readme_counts_the_verdicts_of_the_lists() -> None:
    text = (REVIEW / "README.md").read_text(encoding="utf-8")
    assert text == summary(text)
