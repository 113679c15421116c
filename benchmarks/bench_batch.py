"""Documents/s of `yusuan check CORPUS -o DIR` (a batch) with 1 and 2 workers, the peak memory
of the largest process of each run, and whether every file's report is the one `yusuan check
FILE` gives alone (prints figures; not a test).

    python benchmarks/bench_batch.py [CORPUS] [--alone] [--dask]   (default ../shared/corpus)

Each run is a fresh `yusuan check --format json` over the whole folder into a temporary output
folder. The reports of the 1- and 2-worker runs are compared file by file; with --alone every
file is also checked on its own (one process each) and compared with the batch's report; with
--dask the folder is also checked on a Dask LocalCluster of two one-thread worker processes
(`check --dask ADDRESS`, needs yusuan[cluster]) and its reports compared with the 1-worker run's.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def batch(corpus: Path, out: Path, jobs: int, *where: str
          ) -> tuple[float, float, dict[str, dict[str, object]]]:
    """Seconds of wall clock and of CPU (the batch and its workers), and the manifest (file →
    outcome) of one batch run."""
    start, cpu = time.perf_counter(), cpu_seconds()
    subprocess.run([sys.executable, "-m", "yusuan.cli", "check", str(corpus), "-o", str(out),
                    "--format", "json", "--jobs", str(jobs), *where], stdout=subprocess.DEVNULL,
                   check=False)
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    manifest = json.loads((out / "yusuan-batch.json").read_text(encoding="utf-8"))["files"]
    return seconds, cpu, {entry["name"]: entry for entry in manifest.values()}


def peak_mib() -> float:
    """The largest resident set of any process this one has waited for (workers included)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    corpus = Path(args[0]) if args else CORPUS
    with tempfile.TemporaryDirectory() as temporary:
        runs = {}
        for jobs in (1, 2):
            out = Path(temporary) / f"jobs{jobs}"
            seconds, cpu, entries = batch(corpus, out, jobs)
            runs[jobs] = (out, entries)
            checked = sum(1 for e in entries.values() if e["status"] == "checked")
            print(f"{jobs} worker(s): {len(entries)} files ({checked} checked) in {seconds:.1f} s: "
                  f"{len(entries) / seconds:.2f} documents/s by the clock; {cpu:.0f} s of CPU: "
                  f"{len(entries) / cpu * 3600:.0f} documents/hour per core; peak memory of the "
                  f"largest process so far {peak_mib():.0f} MiB")
        (one, entries), (two, _) = runs[1], runs[2]
        reports = [str(e["report_file"]) for e in entries.values() if e.get("report_file")]
        differ = [name for name in reports if (one / name).read_bytes() != (two / name).read_bytes()]
        print(f"reports equal between 1 and 2 workers: {len(reports) - len(differ)}/{len(reports)}")
        if "--dask" in sys.argv:
            on_cluster(corpus, Path(temporary) / "dask", one, entries)
        if "--alone" in sys.argv:
            alone_differ = []
            for name, entry in entries.items():
                if not entry.get("report_file"):
                    continue
                path = corpus / name
                alone = subprocess.run([sys.executable, "-m", "yusuan.cli", "check", str(path),
                                        "--format", "json"], capture_output=True, text=True,
                                       check=False, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
                if alone.stdout != (one / str(entry["report_file"])).read_text(encoding="utf-8"):
                    alone_differ.append(name)
            print(f"reports equal to checking each file alone: {len(reports) - len(alone_differ)}"
                  f"/{len(reports)} {alone_differ or ''}")


def on_cluster(corpus: Path, out: Path, one: Path, entries: dict[str, dict[str, object]]) -> None:
    """The batch on a LocalCluster of two one-thread worker processes, against the local run."""
    from distributed import LocalCluster

    cpu = cpu_seconds()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        seconds, _, found = batch(corpus, out, 1, "--dask", cluster.scheduler_address)
    cpu = cpu_seconds() - cpu  # the client and the workers, once the cluster is closed
    reports = [str(e["report_file"]) for e in entries.values() if e.get("report_file")]
    differ = [name for name in reports if (one / name).read_bytes() != (out / name).read_bytes()]
    print(f"Dask, 2 workers: {len(found)} files in {seconds:.1f} s: {len(found) / seconds:.2f} "
          f"documents/s by the clock; {cpu:.0f} s of CPU: {len(found) / cpu * 3600:.0f} "
          f"documents/hour per core; reports equal to the local run's: "
          f"{len(reports) - len(differ)}/{len(reports)} {differ or ''}")


if __name__ == "__main__":
    main()
