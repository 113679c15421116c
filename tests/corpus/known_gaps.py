"""Rewrite tests/corpus/known_gaps.json after a change to the readers.

    python -m tests.corpus.known_gaps      (from the repository root)

Runs every fixture check of tests/corpus/test_fixtures.py and lists the ones the reading does
not pass yet; prints how many pass. A gap closed by a change makes its strict xfail fail until
this list is rewritten (a gap opened shows as an ordinary failure: mend it, don't list it).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from yusuan.model import Document

from .corpusfiles import CORPUS, corpus_document, fixture
from .test_fixtures import CASES, passes


def main() -> None:
    gaps: dict[str, list[str]] = defaultdict(list)
    checked = 0
    for name, check in CASES:
        if not (CORPUS / name).exists():
            continue
        checked += 1
        doc = corpus_document(name)
        if not (isinstance(doc, Document) and passes(doc, fixture(name), check)):
            gaps[name].append(check)
    path = Path(__file__).parent / "known_gaps.json"
    path.write_text(json.dumps(dict(sorted(gaps.items())), ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    print(f"{checked - sum(map(len, gaps.values()))} of {checked} fixture checks pass")


if __name__ == "__main__":
    main()
