"""What a batch writes into its output folder: one report per file, named after the file, and
the findings of all files in findings.csv and findings.xlsx (the columns of `check --format
csv`, text that starts like a formula neutralised in both)."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

from yusuan.output import write_report
from yusuan.report.csv_report import COLUMNS, EXCEL_BOM, neutral

REPORT_SUFFIXES = {"text": ".txt", "json": ".json", "html": ".html", "sarif": ".sarif", "csv": ".csv"}
RESERVED = {"findings.csv", "findings.xlsx"}


def report_name(name: str, fmt: str, used: set[str]) -> str:
    """The report's file name in the output folder: the file's path within its folder, its
    suffix replaced by the report's, / as ~; one name per file."""
    stem = str(Path(name).with_suffix("")).replace(os.sep, "~").lstrip(".") or "report"
    suffix = REPORT_SUFFIXES[fmt]
    candidate, counter = stem + suffix, 2
    while candidate.lower() in used or candidate.lower() in RESERVED:
        candidate, counter = f"{stem}~{counter}{suffix}", counter + 1
    used.add(candidate.lower())
    return candidate


def write_file_report(folder: Path, file_name: str, text: str, inputs: list[str]) -> None:
    write_report(text, str(folder / file_name), inputs)


def findings_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: neutral(row.get(key, "")) for key in COLUMNS})
    return EXCEL_BOM + out.getvalue()


def write_findings(folder: Path, rows: list[dict[str, Any]], inputs: list[str]) -> None:
    """findings.csv and findings.xlsx of every file's findings, each written whole."""
    from openpyxl import Workbook

    from yusuan.report.xlsx_export import save_workbook

    write_report(findings_csv(rows), str(folder / "findings.csv"), inputs)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("findings")
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([neutral(row.get(key, "")) for key in COLUMNS])
    save_workbook(workbook, str(folder / "findings.xlsx"))
