"""Rewrite tests/corpus/missed_defects.json after a change to the rules or the readers.

    python -m tests.corpus.missed_defects      (from the repository root)

Lists the certain defects of the hand-made fixtures that no warning or error cites yet (see
tests/corpus/test_defects.py) and prints how many are found.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from .corpusfiles import CORPUS
from .test_defects import CASES, found


def main() -> None:
    missed: dict[str, list[int]] = defaultdict(list)
    checked = 0
    for name, index, defect in CASES:
        if not (CORPUS / name).exists():
            continue
        checked += 1
        if not found(name, defect):
            missed[name].append(index)
    path = Path(__file__).parent / "missed_defects.json"
    path.write_text(json.dumps(dict(sorted(missed.items())), ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    print(f"{checked - sum(map(len, missed.values()))} of {checked} listed defects found")


if __name__ == "__main__":
    main()
