"""The long fuzzing run of the readers: mutated documents of every format for N minutes.

    python tools/fuzz_readers.py --minutes 30 [--corpus ../shared/corpus] [--out fuzz-findings]

Each input is a small document (tests/fuzzseeds.py, and with --corpus every file of that folder
under 2 MB) with a few bytes overwritten, a slice cut out or repeated, the end cut off or
another format's magic bytes in front. Inputs are read in worker processes limited to 2 GB of
address space, 60 s an input and two OCR pages a document; a worker that raises anything but InputError, dies or hangs
leaves the input and what happened in the findings folder. The short run of the same idea is
tests/readers/test_fuzz_readers.py.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# A worker reads many documents and may load the OCR models (onnxruntime reserves much
# address space): 2 GB for the worker, where one `yusuan check` of a bomb stays within 1 GB.
MEMORY_LIMIT = 2 * 1024 * 1024 * 1024
TIME_LIMIT = 60
BATCH = 200
MAGIC = [b"%PDF-1.7\n", b"PK\x03\x04", b"<html>", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]


def seeds(corpus: Path | None) -> list[tuple[str, bytes]]:
    sys.path.insert(0, str(ROOT / "tests"))
    from fuzzseeds import seed_documents

    found = sorted(seed_documents().items())
    if corpus:
        found += [(path.suffix.lstrip(".") or "txt", path.read_bytes())
                  for path in sorted(corpus.rglob("*"))
                  if path.is_file() and path.stat().st_size < 2 * 1024 * 1024]
    return found


def mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(max(len(out), 1))
        kind = rng.choice(["overwrite", "overwrite", "cut", "repeat", "truncate", "magic"])
        if kind == "overwrite":
            out[at:at + 4] = rng.randbytes(rng.randint(1, 4))
        elif kind == "cut":
            del out[at:at + rng.randint(1, 256)]
        elif kind == "repeat":
            out[at:at] = out[at:at + rng.randint(1, 64)] * rng.randint(2, 50)
        elif kind == "truncate":
            del out[max(at, 1):]
        else:
            out[0:0] = rng.choice(MAGIC)
    return bytes(out)


def worker(out: Path, seed: int, corpus: Path | None) -> None:
    """Read BATCH inputs; the current one stays in out/current.* while it is read."""
    from yusuan.errors import InputError
    from yusuan.pipeline import read_document

    rng = random.Random(seed)
    documents = seeds(corpus)
    for _ in range(BATCH):
        suffix, data = rng.choice(documents)
        current = out / f"current.{suffix}"
        current.write_bytes(mutate(data, rng))
        signal.alarm(TIME_LIMIT)
        try:
            read_document(str(current))
        except InputError as error:
            if "\n" in str(error) or not str(error):
                keep(current, out, f"a refusal that is not one line: {error!r}")
        except Exception:  # noqa: BLE001 - every other exception is a finding
            keep(current, out, traceback.format_exc())
        finally:
            signal.alarm(0)
        current.unlink()
        print(".", end="", flush=True)


def keep(current: Path, out: Path, what: str) -> None:
    found = out / "findings"
    found.mkdir(exist_ok=True)
    name = hashlib.sha256(current.read_bytes()).hexdigest()[:16] + current.suffix
    shutil.copy(current, found / name)
    (found / f"{name}.txt").write_text(what, encoding="utf-8")


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(minutes: float, out: Path, corpus: Path | None) -> int:
    out.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + minutes * 60
    batches = crashes = 0
    seed = int(time.time())
    while time.monotonic() < deadline:
        command = [sys.executable, __file__, "--worker", str(seed + batches), "--out", str(out)]
        if corpus:
            command += ["--corpus", str(corpus)]
        result = subprocess.run(command, preexec_fn=limit_memory, check=False,
                                timeout=BATCH * TIME_LIMIT,
                                env={**os.environ, "YUSUAN_MAX_OCR_PAGES": "2"})
        batches += 1
        if result.returncode != 0:
            crashes += 1
            for current in out.glob("current.*"):
                keep(current, out, f"the worker ended with status {result.returncode}")
                current.unlink()
    findings = len(list((out / "findings").glob("*.txt"))) if (out / "findings").exists() else 0
    print(f"\n{batches * BATCH} inputs in {batches} workers, {crashes} workers died, "
          f"{findings} findings in {out / 'findings'}")
    return 1 if findings else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--out", type=Path, default=Path("fuzz-findings"))
    parser.add_argument("--corpus", type=Path, help="also mutate the files of this folder")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        worker(args.out, args.worker, args.corpus)
        return 0
    return run(args.minutes, args.out, args.corpus)


if __name__ == "__main__":
    sys.exit(main())
