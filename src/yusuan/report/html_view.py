"""The HTML report's view model: findings with their quoted lines and marked table cells,
the document's lines and the extracted tables, all in plain dicts for the template."""

from __future__ import annotations

from collections import Counter
from typing import Any

from yusuan.report.bundle import cited_lines, line_pages, line_texts
from yusuan.report.i18n import (
    category_label,
    finding_message,
    kind_label,
    rule_title,
    severity_label,
    ui,
    verdict,
)
from yusuan.report.where import LineIndex, where_from_json

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
VALUE_KEYS = ("reported", "computed", "difference")


def format_number(value: Any) -> str:
    """A number as a reader expects it: thousands separators, two decimals for money."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if round(value, 2) == value:
        return f"{value:,.2f}"
    return f"{value:,}"


def table_id(index: int) -> str:
    return f"t{index}"


def cell_id(table_index: int, row_index: int, column: str) -> str:
    return f"t{table_index}-r{row_index}-{column}"


def _row_lines(row: dict[str, Any]) -> set[int]:
    return {row["line"], *row.get("value_lines", {}).values()}


def _tables_holding(tables: list[dict[str, Any]], location: dict[str, Any]) -> list[int]:
    line = location.get("line", 0)
    kind = location.get("table")
    return [i for i, table in enumerate(tables)
            if table["lines"][0] <= line <= table["lines"][1] and (kind is None or table["kind"] == kind)]


def location_cell(tables: list[dict[str, Any]], location: dict[str, Any]) -> str | None:
    """The id of the table cell a location points at (the row's name cell without a column)."""
    for t_index in _tables_holding(tables, location):
        for r_index, row in enumerate(tables[t_index]["rows"]):
            if location["line"] not in _row_lines(row):
                continue
            if location.get("code") and row.get("code") and row["code"] != location["code"]:
                continue
            column = location.get("column")
            known = {c["key"] for c in tables[t_index]["columns"]}
            return cell_id(t_index, r_index, str(column) if column in known else "name")
    return None


def finding_quotes(finding: dict[str, Any], texts: dict[int, str], pages: dict[int, int | None],
                   lines: LineIndex, lang: str) -> list[dict[str, Any]]:
    """One quote per distinct cited place: its caption ("页 3 · 行 12", "Sheet1!D8 行 40"), the line of
    the whole document it links to, that line's text, and an OCR reading said as such."""
    quotes: list[dict[str, Any]] = []
    for location in finding.get("locations", []):
        number = lines.document_line(location)
        where = where_from_json(location)
        label = where.caption(lang)
        if number <= 0 or any(q["label"] == label for q in quotes):
            continue
        quotes.append({"line": number, "page": pages.get(number), "label": label,
                       "read": where.provenance(lang), "text": texts.get(number, "")})
    return quotes


def finding_view(index: int, finding: dict[str, Any], bundle: dict[str, Any], lang: str,
                 lines_index: LineIndex | None = None) -> dict[str, Any]:
    texts, pages = line_texts(bundle), line_pages(bundle)
    lines_index = lines_index or LineIndex(bundle)
    lines = cited_lines(lines_index, finding)
    located = [{**loc, "line": lines_index.document_line(loc)} for loc in finding.get("locations", [])]
    cells = [c for c in (location_cell(bundle["tables"], loc) for loc in located) if c]
    values = finding.get("values", {})
    return {
        "id": f"f{index}", "index": index, "rule": finding["rule"],
        "severity": finding["severity"], "severity_label": severity_label(finding["severity"], lang),
        "category": finding["category"], "category_label": category_label(finding["category"], lang),
        "title": rule_title(finding["rule"], lang), "message": finding_message(finding, lang),
        "amounts": [(key, format_number(values[key])) for key in VALUE_KEYS if key in values],
        "quotes": finding_quotes(finding, texts, pages, lines_index, lang),
        "lines": lines, "cells": list(dict.fromkeys(cells)),
        "folded": finding.get("folded", []),
        "collapsed": finding["category"] == "rounding",
        "review": finding.get("review"),
    }


def line_marks(findings: list[dict[str, Any]]) -> dict[int, str]:
    """Each cited line → the most serious severity that cites it (for the gutter mark)."""
    marks: dict[int, str] = {}
    for finding in findings:
        for line in finding["lines"]:
            old = marks.get(line)
            if old is None or SEVERITY_ORDER[finding["severity"]] < SEVERITY_ORDER.get(old, 9):
                marks[line] = finding["severity"]
    return marks


def document_lines(bundle: dict[str, Any], marks: dict[int, str]) -> list[dict[str, Any]]:
    """The document's lines; `shown` is the number a reader finds it by (within its page)."""
    out: list[dict[str, Any]] = []
    last_page, in_page = None, 0
    for number, page, text in bundle["lines"]:
        in_page = in_page + 1 if page == last_page else 1
        out.append({"number": number, "page": page, "text": text, "mark": marks.get(number),
                    "new_page": page is not None and page != last_page,
                    "shown": in_page if page is not None else number})
        last_page = page
    return out


def table_view(index: int, table: dict[str, Any], marked: dict[str, list[str]]) -> dict[str, Any]:
    from yusuan.rules.engine.printed import KIND_NAMES, unprinted_column

    columns = [{"key": c["key"], "label": " / ".join(c["header"]) or unprinted_column(c["key"])}
               for c in table["columns"]]
    rows = []
    for r_index, row in enumerate(table["rows"]):
        cells = []
        for column in columns:
            key = column["key"]
            value = row["values"].get(key)
            cid = cell_id(index, r_index, key)
            cells.append({"id": cid, "text": "" if value is None else format_number(value),
                          "findings": marked.get(cid, [])})
        name_id = cell_id(index, r_index, "name")
        rows.append({"line": row["line"], "code": row.get("code") or "", "name": row["name"],
                     "side": row.get("side"), "name_id": name_id,
                     "name_findings": marked.get(name_id, []), "cells": cells})
    return {"id": table_id(index), "title": table["title"], "number": table.get("number"),
            "kind": table["kind"], "kind_name": KIND_NAMES.get(table["kind"], ""),
            "unit": table.get("unit"), "lines": table["lines"],
            "empty": table["empty"], "note": table.get("note"), "columns": columns, "rows": rows}


def cell_marks(findings: list[dict[str, Any]]) -> dict[str, list[str]]:
    marked: dict[str, list[str]] = {}
    for finding in findings:
        for cid in finding["cells"]:
            marked.setdefault(cid, []).append(finding["id"])
    return marked


def counts_by_category(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counter: Counter[str] = Counter(f["category"] for f in findings)
    labels = {f["category"]: f["category_label"] for f in findings}
    return [{"key": key, "label": labels[key], "count": count} for key, count in counter.most_common()]


def sorted_findings(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Most serious first; the engine's order (by first line) within a severity."""
    return sorted(findings, key=lambda f: (SEVERITY_ORDER.get(f["severity"], 9), f["collapsed"], f["index"]))


def report_view(bundle: dict[str, Any], lang: str) -> dict[str, Any]:
    check = bundle["check"]
    lines_index = LineIndex(bundle)
    findings = sorted_findings([finding_view(i, f, bundle, lang, lines_index)
                                for i, f in enumerate(check["findings"])])
    summary = {s: check["summary"].get(s, 0) for s in SEVERITY_ORDER}
    document = check["document"]
    marked = cell_marks(findings)
    words = ui(lang)
    return {
        "lang": lang, "ui": words, "source": check["source"],
        "document": {**document, "kind_label": kind_label(document.get("kind"), lang)},
        "verdict": verdict(summary), "verdict_text": words[f"verdict_{verdict(summary)}"],
        "severities": [{"key": s, "label": severity_label(s, lang), "count": n} for s, n in summary.items()],
        "categories": counts_by_category(findings),
        "findings": [f for f in findings if not f["collapsed"]],
        "rounding": [f for f in findings if f["collapsed"]],
        "total": len(findings),
        "lines": document_lines(bundle, line_marks(findings)),
        "tables": [table_view(i, t, marked) for i, t in enumerate(bundle["tables"])],
    }
