"""Refusals that say what is really wrong, and files that are read although they look odd:
a FIFO, a symlink loop, a dangling link, a file named like an option, old Mac line ends, a
story that mentions 部门预算 once."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from seedfiles import SEED_NAMES, SEEDS

from yusuan.errors import InputError
from yusuan.pipeline import read_document
from yusuan.readers import read_source

_HAN = re.compile(r"[\u4e00-\u9fff]")


def run_yusuan(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "yusuan.cli", *args], capture_output=True,
                          text=True, timeout=60, check=False, cwd=cwd,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def one_chinese_sentence(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and _HAN.search(lines[0]), result.stderr
    assert "Traceback" not in result.stderr and "Error" not in result.stderr
    return lines[0]


def test_a_fifo_is_refused_as_not_a_regular_file_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    message = one_chinese_sentence(run_yusuan("check", str(fifo)))
    assert "不是普通文件" in message
    assert "空" not in message


def test_a_symlink_loop_is_not_called_missing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    message = one_chinese_sentence(run_yusuan("check", str(tmp_path / "a.txt")))
    assert "循环" in message


def test_a_dangling_link_says_what_it_points_to_is_missing(tmp_path: Path) -> None:
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    assert "指向" in one_chinese_sentence(run_yusuan("check", str(tmp_path / "link.txt")))


@pytest.fixture()
def dash_file(tmp_path: Path) -> Path:
    if not SEED_NAMES:
        pytest.skip("seeds not available")
    path = tmp_path / "-x.txt"
    path.write_bytes((SEEDS / SEED_NAMES[3]).read_bytes())
    return path


@pytest.mark.parametrize("spelling", [["--", "-x.txt"], ["./-x.txt"], ["-x.txt"]])
def test_a_file_named_like_an_option_is_read(dash_file: Path, spelling: list[str]) -> None:
    result = run_yusuan("check", "--format", "json", *spelling, cwd=dash_file.parent)
    assert result.returncode in (0, 1), result.stderr
    assert result.stdout.startswith("{")


def test_an_unknown_option_that_is_no_file_still_gets_the_usage(tmp_path: Path) -> None:
    result = run_yusuan("check", "-y.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "usage" in result.stderr.lower() or "用法" in result.stderr


def test_old_mac_line_ends_are_lines(tmp_path: Path) -> None:
    if not SEED_NAMES:
        pytest.skip("seeds not available")
    text = (SEEDS / SEED_NAMES[3]).read_text(encoding="utf-8")
    path = tmp_path / "cr.txt"
    path.write_bytes(text.replace("\r\n", "\n").replace("\n", "\r").encode("utf-8"))
    lines = [line.text for line in read_source(str(path)).lines]
    assert lines == [line.text for line in read_source(str(SEEDS / SEED_NAMES[3])).lines]
    assert len(lines) > 100


def test_a_story_that_mentions_the_budget_once_is_no_disclosure(tmp_path: Path) -> None:
    story = ("那年秋天，他第一次走进县城的老街。街角的茶馆里坐满了人，说书先生讲到一半，"
             "忽然停下来喝了一口茶。\n") * 30
    path = tmp_path / "novel.txt"
    path.write_text(story + "他的父亲在财政局上班，晚饭时常常说起部门预算的事。\n" + story,
                    encoding="utf-8")
    with pytest.raises(InputError, match="看来不是|不像"):
        read_document(str(path))


def test_a_narrative_under_a_disclosure_title_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "explained.txt"
    path.write_text("某县财政局2024年部门预算\n\n一、部门基本情况\n本部门主要职责是……\n"
                    "二、收支预算总体情况\n2024年收入预算100.00万元，支出预算100.00万元。\n",
                    encoding="utf-8")
    document = read_document(str(path))
    assert document.kind == "部门预算"


def test_a_long_run_of_spaces_in_the_narrative_does_not_hang(tmp_path: Path) -> None:
    """Found by tools/fuzz_readers.py: a paragraph with a run of 200,000 spaces took the work
    sections' point pattern minutes (each space a new start of a scan over the whole run)."""
    path = tmp_path / "spaces.txt"
    path.write_text("某县财政局2024年部门预算\n一、收支预算总体情况\n一、坚持依法理财\n"
                    "本年" + " " * 200_000 + "一是加强管理。二是压减开支。\n", encoding="utf-8")
    result = run_yusuan("check", str(path))
    assert result.returncode in (0, 1, 2), result.stderr
    assert "Traceback" not in result.stderr
