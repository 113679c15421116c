"""`check -o FILE`: never the input (by any path to it), and written whole or not at all."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from seedfiles import SEED_NAMES, SEEDS

from yusuan.errors import InputError
from yusuan.output import write_report


def run_yusuan(*args: str, limit_file_bytes: int | None = None) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        if limit_file_bytes is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_bytes, limit_file_bytes))

    return subprocess.run([sys.executable, "-m", "yusuan.cli", *args], capture_output=True,
                          text=True, timeout=120, preexec_fn=limit, check=False,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.fixture()
def seed_copy(tmp_path: Path) -> Path:
    if not SEED_NAMES:
        pytest.skip("seeds not available")
    path = tmp_path / "doc.txt"
    path.write_bytes((SEEDS / SEED_NAMES[3]).read_bytes())
    return path


def assert_refused_untouched(result: subprocess.CompletedProcess[str], path: Path,
                             before: bytes) -> None:
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_output_equal_to_the_input_is_refused(seed_copy: Path) -> None:
    before = seed_copy.read_bytes()
    result = run_yusuan("check", str(seed_copy), "-o", str(seed_copy))
    assert_refused_untouched(result, seed_copy, before)
    assert "输入" in result.stderr


def test_output_reaching_the_input_by_another_path_is_refused(seed_copy: Path) -> None:
    before = seed_copy.read_bytes()
    link = seed_copy.parent / "link.txt"
    link.symlink_to(seed_copy)
    (seed_copy.parent / "sub").mkdir()
    hard = seed_copy.parent / "hard.txt"
    os.link(seed_copy, hard)
    for other in (link, seed_copy.parent / "sub" / ".." / "doc.txt", hard):
        result = run_yusuan("check", str(seed_copy), "-o", str(other), "--format", "json")
        assert_refused_untouched(result, seed_copy, before)
    assert link.is_symlink()


def test_output_equal_to_a_second_input_of_together_is_refused(seed_copy: Path) -> None:
    other = seed_copy.parent / "other.txt"
    other.write_bytes(seed_copy.read_bytes())
    before = other.read_bytes()
    result = run_yusuan("check", str(seed_copy), str(other), "--together", "-o", str(other))
    assert_refused_untouched(result, other, before)


def test_a_failed_write_leaves_the_old_report_and_no_partial_file(seed_copy: Path) -> None:
    report = seed_copy.parent / "report.txt"
    report.write_text("the old report\n", encoding="utf-8")
    before = report.read_bytes()
    result = run_yusuan("check", str(seed_copy), "-o", str(report), "--format", "json",
                        limit_file_bytes=4096)
    assert_refused_untouched(result, report, before)
    assert sorted(p.name for p in seed_copy.parent.iterdir()) == ["doc.txt", "report.txt"]


def test_the_report_replaces_the_old_one_whole(seed_copy: Path) -> None:
    report = seed_copy.parent / "report.json"
    report.write_text("old", encoding="utf-8")
    result = run_yusuan("check", str(seed_copy), "-o", str(report), "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    assert report.read_text(encoding="utf-8").startswith("{")
    assert sorted(p.name for p in seed_copy.parent.iterdir()) == ["doc.txt", "report.json"]


def test_an_encoding_failure_midway_keeps_the_old_file(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("old", encoding="utf-8")
    with pytest.raises((InputError, UnicodeEncodeError)):
        write_report("好" * 100_000 + "\ud800", str(report), [])
    assert report.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_output_into_a_missing_folder_or_onto_a_folder_is_one_sentence(tmp_path: Path) -> None:
    for target in (tmp_path / "no" / "such" / "report.txt", tmp_path):
        with pytest.raises(InputError) as caught:
            write_report("x", str(target), [])
        assert "\n" not in str(caught.value)
        assert "Error" not in str(caught.value)


def test_output_to_a_pipe_or_device_is_written_through_not_replaced(seed_copy: Path) -> None:
    """`-o /dev/stdout` or a named pipe: written into, never renamed over (that would put a
    regular file where the device or pipe was)."""
    import stat
    import threading

    fifo = seed_copy.parent / "report.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run_yusuan("check", str(seed_copy), "-o", str(fifo), "--format", "json")
    reader.join(timeout=60)
    assert result.returncode in (0, 1), result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and received[0].startswith(b"{")
