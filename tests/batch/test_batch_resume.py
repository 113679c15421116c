"""An interrupted batch run again with --resume checks only what it had not done: the files
recorded in the output folder (by sha256) keep their reports, the summary is the full one."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from batchfiles import ENV, SHARED, add_bad_files, copy_real_files, run_yusuan

MANIFEST = "yusuan-batch.json"


def recorded(out: Path) -> dict[str, dict[str, object]]:
    try:
        return json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]  # type: ignore[no-any-return]
    except (OSError, ValueError):
        return {}


def reports(out: Path) -> list[str]:
    return [str(entry["report_file"]) for entry in recorded(out).values() if "report_file" in entry]


def killed_after_first_file(folder: Path, out: Path) -> dict[str, dict[str, object]]:
    """Start a batch of one worker, kill -9 it as soon as a checked file is recorded."""
    process = subprocess.Popen([sys.executable, "-m", "yusuan.cli", "check", str(folder), "-o",
                                str(out), "--jobs", "1"], env=ENV, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not reports(out) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(30)
    return recorded(out)


def test_resume_after_a_kill_checks_nothing_twice(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good = copy_real_files(folder)
    add_bad_files(folder)
    out = tmp_path / "out"
    done = killed_after_first_file(folder, out)
    assert 1 <= len(done) < len(good) + 1, "the kill came after the batch had finished"
    assert not (out / "findings.csv").exists()
    report = out / reports(out)[0]
    inode = report.stat().st_ino
    assert not list(out.glob(".*.tmp")), "a half-written file was left behind"

    resumed = run_yusuan("check", str(folder), "-o", str(out), "--resume")
    assert report.stat().st_ino == inode  # not written again: not checked again
    fresh = run_yusuan("check", str(folder), "-o", str(tmp_path / "fresh"))
    assert resumed.returncode == fresh.returncode == 2
    assert resumed.stdout == fresh.stdout
    for name in ("findings.csv", *reports(out)):
        assert (out / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes(), name


def test_without_resume_everything_is_checked_again(tmp_path: Path) -> None:
    good = copy_real_files(tmp_path / "in")
    out = tmp_path / "out"
    run_yusuan("check", str(tmp_path / "in"), "-o", str(out))
    report = out / "docs~001_cef01461b897d751.txt"
    inode = report.stat().st_ino
    run_yusuan("check", str(tmp_path / "in"), "-o", str(out), "--resume")
    assert report.stat().st_ino == inode
    run_yusuan("check", str(tmp_path / "in"), "-o", str(out))
    assert report.stat().st_ino != inode
    assert len(recorded(out)) == len(good)


def test_a_changed_file_or_other_settings_are_checked_again(tmp_path: Path) -> None:
    good = copy_real_files(tmp_path / "in")
    out = tmp_path / "out"
    run_yusuan("check", str(tmp_path / "in"), "-o", str(out))
    reports = {name: out / str(entry["report_file"]) for name, entry in recorded(out).items()}
    inodes = {name: path.stat().st_ino for name, path in reports.items()}
    seed = good["docs/001_cef01461b897d751.txt"]
    seed.write_text(seed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    run_yusuan("check", str(tmp_path / "in"), "-o", str(out), "--resume")
    changed = [name for name, path in reports.items() if path.stat().st_ino != inodes[name]]
    assert len(changed) == 1 and reports[changed[0]].name == "docs~001_cef01461b897d751.txt"
    run_yusuan("check", str(tmp_path / "in"), "-o", str(out), "--resume", "--select", "TOTAL")
    assert all(path.stat().st_ino != inodes[name] for name, path in reports.items())


def _ctrl_c_default() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_the_batch_in_words_and_resume_finishes_it(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    copy_real_files(folder)
    # a long PDF (171 pages) checked last (a folder's own files come before its subfolders',
    # so it goes in a subfolder named last): the batch is surely still at work at the signal
    slow = folder / "zz" / "slow.pdf"
    slow.parent.mkdir()
    shutil.copyfile(SHARED / "corpus" / "shaanxi" / "卫生健康委员会_2026年部门预算.pdf", slow)
    out = tmp_path / "out"
    # a shell's background job inherits SIGINT ignored, and Python then never raises
    # KeyboardInterrupt: the batch is started as from a terminal, with Ctrl-C's default
    process = subprocess.Popen([sys.executable, "-m", "yusuan.cli", "check", str(folder), "-o",
                                str(out), "--jobs", "1"], env=ENV, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True,
                               preexec_fn=_ctrl_c_default)  # noqa: PLW1509 - no threads to race
    deadline = time.monotonic() + 600
    while not reports(out) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    assert reports(out) and not any("slow" in name for name in reports(out)), "not last"
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 2 and stdout == "", (process.returncode, stdout, stderr)
    assert stderr.startswith("yusuan: 检查被中断：已做完") and "--resume" in stderr
    assert len(stderr.splitlines()) == 1
    slow.unlink()
    resumed = run_yusuan("check", str(folder), "-o", str(out), "--resume")
    assert resumed.returncode == 1 and "已检查" in resumed.stdout
