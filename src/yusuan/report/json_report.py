"""The two JSON documents of the output contract: yusuan.extract/1 and yusuan.check/1."""

from __future__ import annotations

from typing import Any

from yusuan.model import Document, Finding, Table, TableRow
from yusuan.report.where import where_of

SEVERITIES = ("error", "warning", "info")


def source_json(document: Document, with_layout: bool = True) -> dict[str, Any]:
    source = document.source
    out: dict[str, Any] = {"path": source.path, "format": source.format, "sha256": source.sha256}
    if with_layout and source.layout:
        out["layout"] = source.layout
    if source.pages:
        out["pages"] = source.pages
    if source.parts:
        out["parts"] = [{"path": part.path, "format": part.format, "sha256": part.sha256,
                         **({"pages": part.pages} if part.pages else {})} for part in source.parts]
    return out


def document_json(document: Document) -> dict[str, Any]:
    return {"department": document.department, "year": document.year, "kind": document.kind,
            "unit": document.unit}


def row_json(row: TableRow) -> dict[str, Any]:
    out: dict[str, Any] = {"code": row.code, "name": row.name, "line": row.line, "values": row.values}
    if row.page is not None:
        out["page"] = row.page
    if row.side:
        out["side"] = row.side
    if row.unit_code:
        out["unit_code"] = row.unit_code
    if row.unit_name:
        out["unit_name"] = row.unit_name
    if row.value_lines:
        out["value_lines"] = row.value_lines
    if "level" in row.extra:
        out["level"] = row.extra["level"]
    return out


def table_json(table: Table) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": table.kind, "title": table.title, "number": table.number, "unit": table.unit,
        "lines": list(table.lines), "empty": table.empty,
        "columns": [{"key": column.key, "header": column.header} for column in table.columns],
        "rows": [row_json(row) for row in table.rows],
    }
    if table.page is not None:
        out["page"] = table.page
    if table.budget_unit:
        out["budget_unit"] = {"text": table.budget_unit, "line": table.budget_unit_line}
    if table.note:
        out["note"] = table.note
    if table.doubts:
        out["doubts"] = list(table.doubts)
    return out


def fact_json(fact: Any) -> dict[str, Any]:
    out = {"concept": fact.concept, "value": fact.value, "unit": fact.unit, "line": fact.line,
           "source": fact.source, "text": fact.text}
    if fact.page is not None:
        out["page"] = fact.page
    if fact.extra:
        out["extra"] = fact.extra
    return out


def project_json(project: Any) -> dict[str, Any]:
    out = {"name": project.name, "code": project.code, "unit": project.unit,
           "amount": project.amount, "line": project.line}
    if project.category:
        out["category"] = project.category
    if project.extra:
        out["extra"] = project.extra
    return out


def page_lines(node: Any, document: Document) -> Any:
    """For a paged source (PDF), every cited `line` becomes the line within its page and gains
    `page`, as `yusuan text` prints them (contract); other sources are left as they are."""
    if isinstance(node, list):
        return [page_lines(item, document) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: page_lines(value, document) for key, value in node.items()}
    if isinstance(out.get("line"), int):
        part = document.source.part_of(out["line"])
        page, line = document.source.page_and_line(out["line"])
        if page is not None:
            out["page"], out["line"] = page, line
        if part is not None:  # several files read as one: the file, and its own page or line
            out["file"] = part.path
            if page is not None:
                out["page"] = page - part.page_offset
            else:
                out["line"] = line - part.first_line + 1
    return out


def extract_json(document: Document) -> dict[str, Any]:
    return paged({
        "schema": "yusuan.extract/1",
        "source": source_json(document),
        "document": document_json(document),
        "headline": document.headline,
        "tables": [table_json(table) for table in document.tables],
        "facts": [fact_json(fact) for fact in document.facts],
        "projects": [project_json(project) for project in document.projects],
    }, document)


def check_json(document: Document, findings: list[Finding]) -> dict[str, Any]:
    summary = {severity: sum(1 for f in findings if f.severity == severity) for severity in SEVERITIES}
    return paged({
        "schema": "yusuan.check/1",
        "source": source_json(document, with_layout=False),
        "document": document_json(document),
        "findings": [finding_json(document, finding) for finding in findings],
        "summary": summary,
    }, document)


def finding_json(document: Document, finding: Finding) -> dict[str, Any]:
    """A finding of the contract, each location with what the reader knows of it beyond its
    line (the workbook cell, the Word paragraph or table cell, an OCR reading)."""
    out = finding.to_json()
    for cited, location in zip(out["locations"], finding.locations, strict=True):
        cited.update(where_of(document, location).fields())
    return out


def paged(payload: dict[str, Any], document: Document) -> dict[str, Any]:
    if not document.source.pages and not document.source.parts:
        return payload
    return {key: (value if key in ("source", "document", "summary", "schema") else page_lines(value, document))
            for key, value in payload.items()}
