"""The data every rendered report reads: the check JSON of the contract, the extracted tables
(from the extract JSON) and the document's lines. The web app stores it as one JSON file per
job, so that HTML, SARIF and CSV can be rendered later without reading the file again."""

from __future__ import annotations

from typing import Any

from yusuan.model import Document, Finding
from yusuan.report.json_report import check_json, table_json
from yusuan.report.where import LineIndex

BUNDLE_SCHEMA = "yusuan.report-bundle/1"


def report_bundle(document: Document, findings: list[Finding],
                  display_path: str | None = None) -> dict[str, Any]:
    """Everything a report needs; `display_path` replaces the file's path where it is shown."""
    check = check_json(document, findings)
    if display_path is not None:
        check["source"]["path"] = display_path
    return {
        "schema": BUNDLE_SCHEMA,
        "check": check,
        "tables": [table_json(table) for table in document.tables],
        "lines": [[line.number, line.page, line.text] for line in document.source.lines],
        "parts": [{"path": part.path, "first_line": part.first_line, "page_offset": part.page_offset}
                  for part in document.source.parts],
    }


def line_texts(bundle: dict[str, Any]) -> dict[int, str]:
    return {number: text for number, _page, text in bundle["lines"]}


def line_pages(bundle: dict[str, Any]) -> dict[int, int | None]:
    return {number: page for number, page, _text in bundle["lines"]}


def cited_lines(index: LineIndex, finding: dict[str, Any]) -> list[int]:
    """The distinct lines of the whole document (as a bundle's `lines` numbers them) a finding
    cites; `index` is the bundle's `LineIndex`."""
    out: list[int] = []
    for location in finding.get("locations", []):
        line = index.document_line(location)
        if line > 0 and line not in out:
            out.append(line)
    return out


def finding_lines(finding: dict[str, Any]) -> list[int]:
    """The distinct lines a finding cites, in the order it cites them (as the JSON cites them:
    within the page for a PDF)."""
    out: list[int] = []
    for location in finding.get("locations", []):
        line = location.get("line", 0)
        if line > 0 and line not in out:
            out.append(line)
    return out
