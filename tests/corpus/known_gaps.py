"""Rewrite tests/corpus/known_gaps.json after a change to the readers.

    python -m tests.corpus.known_gaps      (from the repository root)

Runs every fixture check of tests/corpus/test_fixtures.py and lists the ones the reading does
not pass yet; prints how many pass. A gap closed by a change makes its strict xfail fail until
this list is rewritten (a gap opened shows as an ordinary failure: mend it, don't list it).
"""

from __future__ import annotations

from pathlib import Path

from yusuan.model import Document

from .corpusfiles import corpus_document, fixture, rewrite_failures
from .test_fixtures import CASES, passes


def _passes(name: str, check: str) -> bool:
    doc = corpus_document(name)
    return isinstance(doc, Document) and passes(doc, fixture(name), check)


def main() -> None:
    passed, checked = rewrite_failures(
        Path(__file__).parent / "known_gaps.json",
        ((name, check, lambda name=name, check=check: _passes(name, check))
         for name, check in CASES))
    print(f"{passed} of {checked} fixture checks pass")


if __name__ == "__main__":
    main()
