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


def test_formula_cells_are_neutralised() -> None:
    """OWASP CSV injection: a text cell starting with = + - @ (or tab, CR) gets a leading '."""
    bundle = hand_bundle()
    bundle["lines"] = [[n, page, '=HYPERLINK("http://evil.example","x")\t档案事务' if n == 14 else text]
                       for n, page, text in bundle["lines"]]
    bundle["check"]["source"]["path"] = "@SUM(A1).txt"
    bundle["check"]["document"]["department"] = "+cmd|' /C calc'!A0"
    bundle["check"]["findings"][1]["locations"][0]["table"] = "-2+3"
    bundle["check"]["findings"][1]["locations"][0]["column"] = "\t=1"
    table = rows(render_csv(bundle))
    first, second = table[0], table[1]
    assert first["quote"].startswith("'=HYPERLINK(")
    assert first["file"] == "'@SUM(A1).txt"
    assert first["department"] == "'+cmd|' /C calc'!A0"
    assert (second["table"], second["column"]) == ("'-2+3", "'\t=1")
    assert (first["reported"], first["computed"], first["difference"]) == ("120.5", "121.5", "-1.0")
    assert first["line"] == "14" and first["year"] == str(bundle["check"]["document"]["year"])
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r"))
                   for row in table for key, cell in row.items()
                   if key not in ("reported", "computed", "difference"))
