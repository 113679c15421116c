"""What a pass over a document's lines works out once per distinct text.

A long document prints the same lines again and again (every project form repeats its labels,
its empty cells and its indicator rows: 500 forms are 25,000 lines of 4,300 texts), so a pass
that works something out of a line's (or a cell's) text alone asks `once_per_text(work)`
made for that pass. What is kept is bounded: a repeated line comes back within a form or a
table, and a 2,000-page PDF's distinct lines must not all be held a second time.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import TypeVar

KEPT = 4096  # distinct texts kept by one pass (a form is about 50 lines)

K = TypeVar("K", bound=Hashable)
R = TypeVar("R")


def once_per_text(work: Callable[[K], R]) -> Callable[[K], R]:
    """`work`, each of the last KEPT distinct arguments' result kept (work must depend on its
    argument alone)."""
    return lru_cache(maxsize=KEPT)(work)
