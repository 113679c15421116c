"""The command line speaks Chinese unless asked for English: help of every command, argparse's
own words, error sentences and the text report's labels; `--version`."""

from __future__ import annotations

import argparse
import re
import shutil

import pytest
from seedfiles import SEEDS, require_seed

from yusuan.cli import build_parser, main
from yusuan.cli_words import Formatter

SEED = "001_cef01461b897d751.txt"
COMMANDS = ("text", "extract", "check", "rules", "serve")
HAN = re.compile(r"[\u4e00-\u9fff]")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as leaving:  # argparse: help, usage errors
        status = int(leaving.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_top_level_help_is_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--help")
    assert status == 0
    assert out.startswith("用法：yusuan")
    assert "检查文件，列出发现的问题" in out and "显示本帮助后退出" in out
    assert "show this help" not in out and "usage:" not in out
    assert "\n选项：\n" in out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_is_chinese(capsys: pytest.CaptureFixture[str], command: str) -> None:
    status, out, _ = run(capsys, command, "--help")
    assert status == 0 and out.startswith(f"用法：yusuan {command}")
    described = [line for line in out.splitlines() if line.startswith("  ") and "  " in line.strip()]
    assert described and all(HAN.search(line) for line in described), described


@pytest.mark.parametrize("how", ["option", "environment"])
def test_help_in_english_on_request(capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    argv = ["check", "--help"]
    if how == "option":
        argv.append("--lang=en")
    else:
        monkeypatch.setenv("YUSUAN_LANG", "en")
    _, out, _ = run(capsys, *argv)
    assert out.startswith("usage: yusuan check") and "find inconsistencies" in out
    assert "report only these rules or categories" in out


def test_usage_error_is_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "chek")
    assert status == 2 and "yusuan：错误：" in err and "无效的选项" in err


def test_input_error_is_one_chinese_sentence_or_english_on_request(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    status, out, err = run(capsys, "check", "nowhere.txt")
    assert (status, out, err) == (2, "", "yusuan: nowhere.txt：文件不存在。\n")
    assert run(capsys, "check", "nowhere.txt", "--lang", "en")[2] == "yusuan: nowhere.txt: no such file.\n"
    monkeypatch.setenv("YUSUAN_LANG", "en")
    assert run(capsys, "extract", "nowhere.txt")[2] == "yusuan: nowhere.txt: no such file.\n"


def test_text_report_labels_are_chinese_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    require_seed(SEED)
    _, out, _ = run(capsys, "check", str(SEEDS / SEED))
    assert "== 警告：" in out and "[警告] " in out and "（说明与表格）：" in out
    assert re.search(r"^共 \d+ 条：错误 \d+ 条，警告 \d+ 条，提示 \d+ 条$", out, re.MULTILINE)
    assert "[warning]" not in out and "findings:" not in out
    _, english, _ = run(capsys, "check", str(SEEDS / SEED), "--lang", "en")
    assert "[warning] " in english and "(Narrative vs table): " in english


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert status == 0 and re.fullmatch(r"yusuan \d+\.\d+\S*\n", out)


@pytest.mark.parametrize("columns", ["52", "140", "", "0", "wide"])
def test_help_is_as_wide_as_argparse_would_make_it(monkeypatch: pytest.MonkeyPatch,
                                                   columns: str) -> None:
    """yusuan's formatter finds the terminal's width without shutil, as shutil finds it."""
    monkeypatch.setenv("COLUMNS", columns)
    ours = build_parser("zh", "check")
    stock = build_parser("zh", "check")
    for parser in (stock, *stock._subparsers._group_actions[0].choices.values()):  # type: ignore[union-attr]
        parser.formatter_class = argparse.HelpFormatter
    assert ours.formatter_class is Formatter
    check = ours._subparsers._group_actions[0].choices["check"]  # type: ignore[union-attr]
    stock_check = stock._subparsers._group_actions[0].choices["check"]  # type: ignore[union-attr]
    assert check.formatter_class is Formatter
    assert ours.format_help() == stock.format_help()
    assert check.format_help() == stock_check.format_help()
    assert check.format_usage() == stock_check.format_usage()
    terminal = shutil.get_terminal_size().columns  # what argparse's own formatter asks
    assert check._get_formatter()._width == terminal - 2
    if columns in ("52", "140"):
        assert terminal == int(columns)
