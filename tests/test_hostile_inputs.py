"""The bad-input corpus (tests/hostile.py) through the command line: every file is refused with
exit status 2 and one Chinese sentence on stderr, no traceback, nothing on stdout, within 1 GB
of address space and 60 seconds (a guard against hanging, not a timing test)."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
from pathlib import Path

import hostile
import pytest

MEMORY_LIMIT = 1024 * 1024 * 1024
TIME_LIMIT = 60
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_bounded(*args: str, env: dict[str, str] | None = None,
                cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`yusuan ARGS` in a process of at most 1 GB address space, stopped after 60 s."""
    return subprocess.run([sys.executable, "-m", "yusuan.cli", *args], capture_output=True,
                          text=True, timeout=TIME_LIMIT, preexec_fn=_limit_memory, check=False,
                          cwd=cwd, env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})})


def assert_refused(result: subprocess.CompletedProcess[str]) -> None:
    """Exit 2, one line on stderr that is a Chinese sentence, no traceback, nothing on stdout."""
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr[-2000:]
    assert lines[0].startswith("yusuan: ")
    assert _HAN.search(lines[0]), lines[0]
    assert "Error" not in lines[0] and "Exception" not in lines[0], lines[0]


@pytest.mark.parametrize("name", sorted(hostile.BOMBS))
def test_a_bomb_is_refused_in_bounded_memory_and_time(tmp_path: Path, name: str) -> None:
    path = hostile.BOMBS[name](tmp_path)
    assert path.stat().st_size < 5 * 1024 * 1024
    result = run_bounded("check", str(path))
    assert_refused(result)
    assert "上限" in result.stderr, result.stderr  # refused by a guard, not by running out


def test_each_careless_file_is_refused_in_one_chinese_sentence(tmp_path: Path) -> None:
    for name, path in hostile.plain_files(tmp_path).items():
        result = run_bounded("check", str(path))
        try:
            assert_refused(result)
        except AssertionError as error:
            raise AssertionError(f"{name}: {error}") from None
