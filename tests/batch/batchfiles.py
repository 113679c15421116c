"""A folder of real files for the batch tests: two seeds, two small corpus files (a PDF and an
HTML page), a damaged PDF and an unreadable one (a named pipe), and how to run `yusuan`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEEDS = ("000_b680242db27468d2.txt", "001_cef01461b897d751.txt")
CORPUS = ("fujian/政府办公厅_2026年部门预算.pdf", "henan/规划和自然资源局_2026年部门预算.html")
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def copy_real_files(folder: Path) -> dict[str, Path]:
    """The good files, by the name the batch shows them under; skips without ../shared."""
    sources = [SHARED / "seeds" / name for name in SEEDS] + [SHARED / "corpus" / name for name in CORPUS]
    if not all(source.exists() for source in sources):
        pytest.skip("the seeds and corpus (../shared) are not beside this checkout")
    out = {}
    for source in sources:
        target = folder / ("docs" if source.suffix == ".txt" else "corpus") / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        out[str(target.relative_to(folder))] = target
    return out


def add_bad_files(folder: Path) -> dict[str, Path]:
    broken = folder / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj <<>> garbage")
    pipe = folder / "pipe.pdf"
    os.mkfifo(pipe)
    return {"broken.pdf": broken, "pipe.pdf": pipe}


def run_yusuan(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "yusuan.cli", *args], capture_output=True,
                          text=True, timeout=timeout, check=False, env=ENV)
