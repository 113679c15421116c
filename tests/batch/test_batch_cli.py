"""`yusuan check FOLDER -o DIR`: each file checked as alone, a summary table, the reports,
findings.csv and findings.xlsx, the worst exit status; a file that fails never stops the batch."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from batchfiles import SHARED, add_bad_files, copy_real_files, run_yusuan


def test_a_folder_is_checked_file_by_file_with_a_summary(tmp_path: Path) -> None:
    good = copy_real_files(tmp_path / "in")
    add_bad_files(tmp_path / "in")
    run = run_yusuan("check", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--jobs", "2")
    assert run.returncode == 2, run.stderr
    assert run.stderr == ""  # piped: no progress bar
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["文件", "部门", "年度", "类别", "错误", "警告", "状态"]
    rows = {line.split()[0]: line for line in lines[1:] if line.strip() and not line.startswith("共")}
    assert set(rows) == {*good, "broken.pdf", "pipe.pdf"}
    assert "未检查：broken.pdf 不是可读的 PDF：文件已损坏。" in rows["broken.pdf"]
    assert "未检查：" in rows["pipe.pdf"]
    assert all(rows[name].endswith("已检查") for name in good)
    assert "武汉市黄陂区医疗保障局" in rows["docs/000_b680242db27468d2.txt"]
    assert lines[-1].startswith(f"共 {len(good) + 2} 个文件：已检查 {len(good)} 个，未检查 2 个")


def test_each_report_is_the_single_file_report(tmp_path: Path) -> None:
    good = copy_real_files(tmp_path / "in")
    out = tmp_path / "out"
    run = run_yusuan("check", str(tmp_path / "in"), "-o", str(out), "--format", "json")
    assert run.returncode == 1, run.stdout + run.stderr
    for name, path in good.items():
        alone = run_yusuan("check", str(path), "--format", "json")
        report = out / (str(Path(name).with_suffix("")).replace("/", "~") + ".json")
        assert report.read_text(encoding="utf-8") == alone.stdout, name


def test_findings_csv_and_xlsx_hold_every_file_s_findings(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    good = copy_real_files(tmp_path / "in")
    add_bad_files(tmp_path / "in")
    out = tmp_path / "out"
    run_yusuan("check", str(tmp_path / "in"), "-o", str(out))
    text = (out / "findings.csv").read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    expected = []
    for name, path in good.items():
        alone = json.loads(run_yusuan("check", str(path), "--format", "json").stdout)
        expected += [(name, f["rule"], f["severity"]) for f in alone["findings"]]
    assert sorted((r["file"], r["rule"], r["severity"]) for r in rows) == sorted(expected)
    assert {r["file"] for r in rows} <= set(good)
    sheet = load_workbook(out / "findings.xlsx", read_only=True).active
    table = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert table[0] == list(rows[0].keys())
    assert [[same(c) for c in row] for row in table[1:]] == \
        [[same(c) for c in r.values()] for r in rows]


def same(cell: object) -> object:
    """A cell as both files hold it: numbers as numbers, empty as ""."""
    if cell is None:
        return ""
    try:
        return float(str(cell))
    except ValueError:
        return str(cell)


def test_exit_status_is_the_worst_file_s(tmp_path: Path) -> None:
    good = copy_real_files(tmp_path / "in")
    clean = good["docs/001_cef01461b897d751.txt"]  # warnings only
    failing = good["docs/000_b680242db27468d2.txt"]  # errors
    assert run_yusuan("check", str(clean), str(clean.with_name("copy.txt"))).returncode == 2
    clean.with_name("copy.txt").write_bytes(clean.read_bytes())
    assert run_yusuan("check", str(clean), str(clean.with_name("copy.txt"))).returncode == 0
    assert run_yusuan("check", str(clean), str(failing)).returncode == 1
    warned = run_yusuan("check", str(clean), str(clean.with_name("copy.txt")), "--fail-on", "warning")
    assert warned.returncode == 1


def test_english_labels(tmp_path: Path) -> None:
    copy_real_files(tmp_path / "in")
    add_bad_files(tmp_path / "in")
    run = run_yusuan("check", str(tmp_path / "in"), "--lang", "en")
    assert run.stdout.splitlines()[0].split() == ["file", "department", "year", "kind", "errors",
                                                  "warnings", "status"]
    assert "refused: broken.pdf is not a readable PDF: the file is damaged." in run.stdout
    assert re.fullmatch(r"6 files: 4 checked, 2 refused; \d+ errors, \d+ warnings\.",
                        run.stdout.splitlines()[-1])


def test_without_o_json_prints_the_summary_as_json(tmp_path: Path) -> None:
    good = copy_real_files(tmp_path / "in")
    run = run_yusuan("check", str(tmp_path / "in"), "--format", "json")
    payload = json.loads(run.stdout)
    assert [entry["name"] for entry in payload["files"]] == sorted(good)
    assert {entry["status"] for entry in payload["files"]} == {"checked"}
    assert max(entry["exit"] for entry in payload["files"]) == run.returncode


def test_a_time_limit_refuses_the_file_and_goes_on(tmp_path: Path) -> None:
    good = copy_real_files(tmp_path / "in")
    pdf = good["corpus/政府办公厅_2026年部门预算.pdf"]
    seed = good["docs/001_cef01461b897d751.txt"]
    run = run_yusuan("check", str(pdf), str(seed), "--timeout", "0.01", "--jobs", "1")
    assert run.returncode == 2
    assert "未检查：检查超过了时间限制（0.01 秒），已停止" in run.stdout


def test_the_output_folder_inside_the_input_is_not_checked(tmp_path: Path) -> None:
    copy_real_files(tmp_path)
    first = run_yusuan("check", str(tmp_path), "-o", str(tmp_path / "out"))
    second = run_yusuan("check", str(tmp_path), "-o", str(tmp_path / "out"))
    assert first.stdout == second.stdout
    assert "out/" not in second.stdout


def test_bad_batch_arguments_get_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    notes = tmp_path / "notes.md"
    notes.write_text("x", encoding="utf-8")
    for args in (("check", str(tmp_path / "empty")),
                 ("check", str(tmp_path / "empty"), str(tmp_path / "empty"), "--resume"),
                 ("check", str(tmp_path), str(notes), "-o", str(notes)),
                 ("check", str(tmp_path), "-o", str(tmp_path)),
                 ("check", str(notes), str(notes), "--write-baseline", str(tmp_path / "b.json")),
                 ("check", str(notes), str(notes), "--format", "pdf", "-o", str(tmp_path / "a"))):
        run = run_yusuan(*args)
        assert run.returncode == 2, args
        assert run.stdout == "" and len(run.stderr.splitlines()) == 1, args
        assert run.stderr.startswith("yusuan: ") and "Traceback" not in run.stderr


def test_a_report_never_takes_an_input_s_name(tmp_path: Path) -> None:
    good = copy_real_files(tmp_path / "in")
    seed = good["docs/001_cef01461b897d751.txt"]
    other = good["docs/000_b680242db27468d2.txt"]
    run = run_yusuan("check", str(seed), str(other), "-o", str(seed.parent))
    assert run.returncode == 1, run.stderr
    assert (seed.parent / "001_cef01461b897d751~2.txt").exists()
    assert seed.read_bytes() == (SHARED / "seeds" / seed.name).read_bytes()  # the input untouched


def test_a_baseline_quiets_its_file_s_findings_in_a_batch(tmp_path: Path) -> None:
    good = copy_real_files(tmp_path / "in")
    failing = good["docs/000_b680242db27468d2.txt"]
    baseline = tmp_path / "reviewed.json"
    assert run_yusuan("check", str(failing), "--write-baseline", str(baseline)).returncode == 0
    out = tmp_path / "out"
    before = run_yusuan("check", str(tmp_path / "in" / "docs"), "-o", str(out))
    assert before.returncode == 1
    after = run_yusuan("check", str(tmp_path / "in" / "docs"), "-o", str(out), "--resume",
                       "--baseline", str(baseline))
    assert after.returncode == 0
    row = next(line for line in after.stdout.splitlines() if line.startswith("000_"))
    assert row.split()[-3:] == ["0", "0", "已检查"]
