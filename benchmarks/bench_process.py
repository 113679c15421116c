"""`yusuan check` as a whole process beside `python` + pypdfium2's text extraction of the same
PDF (prints figures; not a test).

    python benchmarks/bench_process.py [--runs N] [--rounds R] PDF...
    python benchmarks/bench_process.py            (the five real PDFs of ../shared/corpus used
                                                    in benchmarks/RESULTS.md)

A user who checks one file pays for the interpreter's start, the imports, the check and the
exit: `yusuan` is run as they run it (the console script beside the interpreter that runs this
script, so another version is measured by running this script with its interpreter). The
floor is the least any Python tool reading the same text layer pays: a fresh `python` that
imports pypdfium2 and extracts every page's text. Each PDF is run N times (11) each way, the two
ways alternating within each round (R rounds, 2), from a scratch folder (a `pyproject.toml` in
the working folder would be read as a configuration). The figure is the CPU time (user +
system, from the child's own resource usage: the machine may be busy), the median of the runs;
the ratio is the median of the run-by-run ratios (each yusuan run over the floor run
beside it), per round, printed beside the fastest yusuan run over the fastest floor run (on a
shared machine the two medians alone drift apart). A four-line text disclosure's check is
the start-up alone. One run of each before the timed ones, with PYTHONDONTWRITEBYTECODE unset,
leaves what a user's first run leaves (the modules' bytecode, the kept regular expressions).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
FIVE = ("beijing/政府办公厅_2026年部门预算.pdf", "chongqing/2026年重庆市商务委员会部门预算.pdf",
        "guangdong/2026年佛山市交通运输局部门预算.pdf", "jiangsu/2018年省检察院部门预算公开.pdf",
        "guangdong/2026年深圳市政府办公厅部门预算.pdf")
FLOOR = ("import sys, pypdfium2\n"
         "pdf = pypdfium2.PdfDocument(sys.argv[1])\n"
         "for page in pdf:\n"
         "    page.get_textpage().get_text_range()\n")
def yusuan_program(python: str) -> list[str]:
    """The `yusuan` command as a user runs it: the console script beside `python`, else
    `python -m yusuan`."""
    script = Path(python).parent / "yusuan"
    return [str(script)] if script.exists() else [python, "-m", "yusuan"]


ENVIRONMENT = {name: value for name, value in os.environ.items()
               if name != "PYTHONDONTWRITEBYTECODE"}


def cpu_seconds(command: list[str], folder: str) -> float:
    """User + system CPU of one run of `command` (its output thrown away)."""
    child = subprocess.Popen(command, cwd=folder, env=ENVIRONMENT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    child.returncode = 0  # reaped by wait4
    return usage.ru_utime + usage.ru_stime


def first_run(command: list[str], folder: str) -> None:
    """One run that writes what later runs read; a run that fails (a traceback, a refusal)
    would time nothing worth knowing: stop with its message."""
    done = subprocess.run(command, cwd=folder, env=ENVIRONMENT, capture_output=True, text=True,
                          check=False)
    if done.returncode not in (0, 1) or "Traceback" in done.stderr:  # 1: findings to fail on
        raise SystemExit(f"{' '.join(command)} failed (exit {done.returncode}):\n{done.stderr}")


def timed_runs(commands: dict[str, list[str]], runs: int, folder: str) -> dict[str, list[float]]:
    """Each command's CPU seconds in each of `runs` runs, the commands taking turns run by run."""
    seconds: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():
        first_run(command, folder)
    for _ in range(runs):
        for name, command in commands.items():
            seconds[name].append(cpu_seconds(command, folder))
    return seconds


def paired_ratio(numerators: list[float], denominators: list[float]) -> float:
    """The median of run-by-run ratios: each run over the other command's run beside it, so
    that a stretch of a busy machine slows both sides of a ratio, not one of two medians."""
    return statistics.median(top / bottom for top, bottom in zip(numerators, denominators))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    pdfs = args.pdfs or [CORPUS / name for name in FIVE]
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        short_text = Path(folder) / "short.txt"
        short_text.write_text("某某单位2026年部门预算\n单位：万元\n项目\t预算数\n合计\t1.00\n",
                             encoding="utf-8")
        for round_number in range(1, args.rounds + 1):
            start = timed_runs({"start": [*yusuan_program(python), "check", str(short_text)]},
                               args.runs, folder)["start"]
            print(f"round {round_number}: `yusuan check` of a four-line text (start-up): "
                  f"{statistics.median(start):.3f} s CPU")
            for pdf in pdfs:
                found = timed_runs({"floor": [python, "-c", FLOOR, str(pdf)],
                                    "yusuan": [*yusuan_program(python), "check", str(pdf)]},
                                   args.runs, folder)
                floor, check = found["floor"], found["yusuan"]
                print(f"  {pdf.name}: floor {statistics.median(floor):.3f} s, yusuan check "
                      f"{statistics.median(check):.3f} s CPU (medians of {args.runs}); "
                      f"{paired_ratio(check, floor):.2f}x (median of the run-by-run ratios), "
                      f"{min(check) / min(floor):.2f}x (fastest over fastest)")


if __name__ == "__main__":
    main()
