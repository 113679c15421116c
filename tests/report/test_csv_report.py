"""CSV: a header and one row per finding."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

from report_sample import SAMPLE, checked_bundle, hand_bundle

from yusuan.report.csv_report import COLUMNS, render_csv


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_one_row_per_finding() -> None:
    table = rows(render_csv(hand_bundle()))
    assert [r["severity"] for r in table] == ["error", "warning", "info", "info"]
    first = table[0]
    assert first["rule"] == "TOTAL.ROLLUP" and first["title"] == "功能分类科目逐级汇总"
    assert first["line"] == "14" and first["lines"] == "14 15 16"
    assert first["table"] == "general_budget_expenditure" and first["code"] == "20126"
    assert (first["reported"], first["computed"], first["difference"]) == ("120.5", "121.5", "-1.0")
    assert first["quote"].startswith("20126 | 档案事务 | 120.50")
    assert first["department"] == "示例市示例区档案局"


def test_header_and_english() -> None:
    text = render_csv(hand_bundle(), "en")
    assert text.splitlines()[0] == ",".join(COLUMNS)
    assert rows(text)[0]["title"] == "Functional classes add up"


def test_checked_document_rows_match_summary() -> None:
    bundle = checked_bundle()
    assert len(rows(render_csv(bundle))) == sum(bundle["check"]["summary"].values())


def test_cli_csv_file_has_bom(tmp_path) -> None:
    out = tmp_path / "findings.csv"
    subprocess.run([sys.executable, "-m", "yusuan.cli", "check", str(SAMPLE), "--format", "csv", "-o", str(out)],
                   check=False, capture_output=True, text=True, timeout=60)
    data = out.read_bytes()
    assert data.startswith("\ufeff".encode())
    assert len(rows(data.decode("utf-8"))) >= 1
