"""How often Python's cycle collector runs while a document is read and checked.

Reading and checking make hundreds of thousands of small objects (characters, cells, rows,
findings) that live until the check ends and almost never form cycles. With the default
threshold the collector walks the young ones again after every 700 allocations, about 15% of a
check's time. While yusuan works it runs after every 100,000 instead (the older generations
keep their thresholds), and the caller's setting is put back after: a check of a 30-page PDF
then walks none of them (each walk of 10,000 had taken a millisecond, and found a few hundred
objects in cycles), and reading a 2,000-page PDF peaks as high as before."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

YOUNG_THRESHOLD = 100_000

P = ParamSpec("P")
R = TypeVar("R")


def fewer_collections(work: Callable[P, R]) -> Callable[P, R]:
    """`work` run with the youngest generation collected every YOUNG_THRESHOLD allocations
    (never more often than the caller asked for)."""
    @functools.wraps(work)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        before = gc.get_threshold()
        gc.set_threshold(max(before[0], YOUNG_THRESHOLD), *before[1:])
        try:
            return work(*args, **kwargs)
        finally:
            gc.set_threshold(*before)
    return run
