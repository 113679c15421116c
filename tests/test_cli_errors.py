"""Bad input: one readable sentence on stderr, exit status 2, no traceback, nothing on stdout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from seedfiles import SEED_NAMES, SEEDS

from yusuan import cli


def run_yusuan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "yusuan.cli", *args], capture_output=True, check=False,
                          text=True, timeout=60, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 20)
    prose = tmp_path / "letter.txt"
    prose.write_text("各位同事：\n明天上午九点在三楼会议室开会，请准时参加。\n", encoding="utf-8")
    broken_pdf = tmp_path / "broken.pdf"
    broken_pdf.write_bytes(b"%PDF-1.7\n1 0 obj <<>> garbage")
    return {"empty": empty, "binary": binary, "prose": prose, "broken_pdf": broken_pdf,
            "missing": tmp_path / "nowhere.txt", "directory": tmp_path}


@pytest.mark.parametrize("case", ["empty", "binary", "prose", "broken_pdf", "missing", "directory"])
@pytest.mark.parametrize("command", ["extract", "check"])
def test_bad_input_gets_one_sentence_and_exit_2(tmp_path: Path, case: str, command: str) -> None:
    if command == "check" and case == "directory":  # a batch of bad files: each refused
        result = run_yusuan(command, str(bad_inputs(tmp_path)[case]))
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert result.stdout.count("未检查：") == 3  # empty.txt, letter.txt, broken.pdf
        return
    result = run_yusuan(command, str(bad_inputs(tmp_path)[case]))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("yusuan: ")


def test_extract_json_of_a_seed_has_the_contract_keys() -> None:
    if not SEED_NAMES:
        pytest.skip("seeds not available")
    result = run_yusuan("extract", str(SEEDS / SEED_NAMES[1]), "--format", "json")
    assert result.returncode == 0, result.stderr
    import json

    payload = json.loads(result.stdout)
    assert payload["schema"] == "yusuan.extract/1"
    assert set(payload) >= {"source", "document", "headline", "tables", "facts", "projects"}
    assert set(payload["document"]) == {"department", "year", "kind", "unit"}
    table = payload["tables"][0]
    assert set(table) >= {"kind", "title", "number", "unit", "lines", "empty", "columns", "rows"}


def test_check_exit_status_follows_errors(tmp_path: Path) -> None:
    """A document whose 合计 is 10 off its parts has an error: exit 1; a clean one exits 0."""
    header = "一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    clean = header + "\t合计\t30.00\t30.00\t\n201\t一般公共服务支出\t30.00\t30.00\t\n"
    broken = header + "\t合计\t40.00\t40.00\t\n201\t一般公共服务支出\t30.00\t30.00\t\n"
    for name, text, status in (("clean.txt", clean, 0), ("broken.txt", broken, 1)):
        path = tmp_path / name
        path.write_text("某县财政局2024年部门预算\n" + text, encoding="utf-8")
        result = run_yusuan("check", str(path), "--format", "json")
        assert result.returncode == status, result.stdout + result.stderr


@pytest.mark.parametrize(("argv", "named"), [
    (["check", "a.pdf"], "check"),
    (["--lang", "en", "extract", "a.pdf"], "extract"),
    (["--lang=en", "text", "a.pdf"], "text"),
    (["--lang", "check", "rules"], "rules"),  # the word after --lang is its value
    (["-h", "check"], None),  # help before the command: every command listed
    (["chek", "a.pdf"], None),
    (["--version"], None),
    (["a.pdf", "check"], None),
])
def test_the_command_named_is_the_first_word_after_the_leading_options(argv, named) -> None:
    assert cli.named_command(argv) == named


def test_the_parser_of_one_command_reads_its_arguments_as_the_whole_parser_does() -> None:
    for argv in (["check", "a.pdf", "--format", "json", "--select", "TOTAL", "-o", "r.json"],
                 ["extract", "a.pdf", "b.pdf", "--together", "--format", "csv"],
                 ["text", "a.pdf", "--lang", "en"], ["rules", "TOTAL.SUM"],
                 ["serve", "--port", "8001"], ["db", "query", "select 1"],
                 ["compare", "a.pdf", "b.pdf", "--format", "json"]):
        assert (vars(cli.build_parser("zh", cli.named_command(argv)).parse_args(argv))
                == vars(cli.build_parser("zh").parse_args(argv))), argv


def test_help_and_a_mistyped_command_name_every_command(capsys) -> None:
    for argv in (["--help"], ["-h", "check"], ["chek", "a.pdf"]):
        with pytest.raises(SystemExit):
            cli.main(argv)
        said = "".join(capsys.readouterr())
        assert all(name in said for name in cli.COMMANDS), argv


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (a full disk)")
@pytest.mark.parametrize("args", [["check", "{seed}"], ["text", "{seed}"], ["rules"],
                                  ["check", "--format", "json", "{seed}"], ["--version"]],
                         ids=["check", "text", "rules", "check-json", "version"])
def test_standard_output_on_a_full_disk_is_one_sentence(args: list[str]) -> None:
    """`yusuan check x > file` on a full disk: said once, status 2, no traceback."""
    seed = str(SEEDS / SEED_NAMES[0])
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "yusuan.cli",
                               *(arg.replace("{seed}", seed) for arg in args)],
                              stdout=full, stderr=subprocess.PIPE, check=False, text=True,
                              timeout=60, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 2
    assert done.stderr == "yusuan: 无法写入标准输出：磁盘空间不足。\n"
