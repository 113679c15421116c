"""CSV: one finding per row, for a spreadsheet. Columns keep stable English names; the
title and message are in the report's language.

Text copied from a document or an upload (a quoted line, a file or department name) may start
with `=`, `+`, `-` or `@`, which a spreadsheet would run as a formula: such text cells start
with an apostrophe (OWASP's advice on CSV injection). Numbers stay numbers, negative ones too."""

from __future__ import annotations

import csv
import io
from typing import Any

from yusuan.report.bundle import finding_lines, line_texts
from yusuan.report.i18n import check_lang, finding_message, rule_title
from yusuan.report.where import LineIndex, where_from_json

COLUMNS = ("severity", "category", "rule", "title", "message", "line", "page", "table", "code",
           "column", "lines", "reported", "computed", "difference", "quote", "file", "department",
           "year", "kind", "where", "read_by", "ocr_confidence")
EXCEL_BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(value: Any) -> Any:
    """A cell a spreadsheet shows as text: a string starting like a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_row(finding: dict[str, Any], check: dict[str, Any], texts: dict[int, str],
            lang: str, index: LineIndex | None = None) -> dict[str, Any]:
    """One finding's row; the quote is the line of the whole document its first location
    cites (`index` turns a page and a line within it into that line)."""
    first = finding["locations"][0] if finding.get("locations") else {}
    where = where_from_json(first) if first else None
    quoted = index.document_line(first) if index and first else first.get("line", 0)
    values = finding.get("values", {})
    document = check["document"]
    return {
        "severity": finding["severity"], "category": finding["category"], "rule": finding["rule"],
        "title": rule_title(finding["rule"], lang), "message": finding_message(finding, lang),
        "line": first.get("line", ""), "page": first.get("page", ""),
        "table": first.get("table", ""), "code": first.get("code", ""),
        "column": first.get("column", ""),
        "lines": " ".join(str(n) for n in finding_lines(finding)),
        "reported": values.get("reported", ""), "computed": values.get("computed", ""),
        "difference": values.get("difference", ""),
        "quote": texts.get(quoted, "").strip().replace("\t", " | "),
        "file": check["source"]["path"], "department": document.get("department") or "",
        "year": document.get("year") or "", "kind": document.get("kind") or "",
        "where": where.label(lang) if where else "", "read_by": first.get("read_by", ""),
        "ocr_confidence": first.get("ocr_confidence", ""),
    }


def render_csv(bundle: dict[str, Any], lang: str = "zh", bom: bool = False) -> str:
    """The findings of a bundle as CSV text; `bom` starts it with a BOM so Excel reads UTF-8."""
    check_lang(lang)
    check = bundle["check"]
    texts, index = line_texts(bundle), LineIndex(bundle)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for finding in check["findings"]:
        writer.writerow({key: neutral(value) for key, value in csv_row(finding, check, texts, lang, index).items()})
    return (EXCEL_BOM if bom else "") + out.getvalue()
