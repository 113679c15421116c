"""Rewrite tests/corpus/missed_defects.json after a change to the rules or the readers.

    python -m tests.corpus.missed_defects      (from the repository root)

Lists the certain defects of the hand-made fixtures that no warning or error cites yet (see
tests/corpus/test_defects.py) and prints how many are found.
"""

from __future__ import annotations

from pathlib import Path

from .corpusfiles import rewrite_failures
from .test_defects import CASES, found


def main() -> None:
    passed, checked = rewrite_failures(
        Path(__file__).parent / "missed_defects.json",
        ((name, index, lambda name=name, defect=defect: found(name, defect))
         for name, index, defect in CASES))
    print(f"{passed} of {checked} listed defects found")


if __name__ == "__main__":
    main()
