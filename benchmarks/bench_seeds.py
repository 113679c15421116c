"""Speed of extract and check on the seed documents: documents/s, lines/s, peak memory.

    python benchmarks/bench_seeds.py [--rounds N] [FILES...]

Prints figures; it asserts nothing (the tests check correctness, this measures speed).
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from pathlib import Path

from yusuan.pipeline import read_document
from yusuan.rules import run_rules

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def timed(paths: list[Path], rounds: int, check: bool) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for path in paths:
            document = read_document(str(path))
            if check:
                run_rules(document)
    return time.perf_counter() - start


def peak_traced(paths: list[Path]) -> int:
    tracemalloc.start()
    for path in paths:
        run_rules(read_document(str(path)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    paths = args.files or sorted(SEEDS.glob("*.txt"))
    lines = sum(len(path.read_text(encoding="utf-8", errors="replace").splitlines()) for path in paths)
    timed(paths, 1, check=True)  # warm imports and caches
    for label, check in (("extract", False), ("extract+check", True)):
        seconds = timed(paths, args.rounds, check) / args.rounds
        print(f"{label:<14} {len(paths)} documents in {seconds * 1000:7.1f} ms   "
              f"{len(paths) / seconds:7.1f} documents/s   {lines / seconds:9.0f} lines/s")
        for path in paths:
            one = timed([path], args.rounds, check) / args.rounds
            print(f"    {path.name:<32} {one * 1000:7.1f} ms")
    print(f"peak traced Python memory (one pass, extract+check): {peak_traced(paths) / 2**20:.1f} MiB")
    print(f"peak resident set size of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
