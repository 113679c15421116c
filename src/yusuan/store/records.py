"""A Document and its findings as rows of the corpus tables (schema.py), each figure with its
page and line, each amount also in 元."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from yusuan.model import Document, Finding, Project

YUAN_FACTOR = {"元": 1.0, "千元": 1e3, "万元": 1e4, "百万元": 1e6, "亿元": 1e8}


def in_yuan(value: float | None, unit: str | None) -> float | None:
    """`value` printed in `unit` as 元 (None when the unit is no money unit)."""
    factor = YUAN_FACTOR.get(unit or "")
    if value is None or factor is None:
        return None
    return round(value * factor, 2)


def _where(document: Document, line: int) -> tuple[int | None, int | None]:
    page, page_line = document.source.page_and_line(line)
    return page, (page_line if page is not None else None)


def _json(data: dict[str, Any]) -> str | None:
    return json.dumps(data, ensure_ascii=False, default=str, sort_keys=True) if data else None


def document_row(document: Document, path: str, version: str, added_at: str,
                 findings: list[Finding]) -> dict[str, Any]:
    return {
        "sha256": document.source.sha256, "path": path, "file_name": Path(path).name,
        "format": document.source.format, "department": document.department,
        "year": document.year, "kind": document.kind, "unit": document.unit,
        "pages": document.source.pages, "yusuan_version": version, "added_at": added_at,
        "status": "checked", "refusal": None,
        "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
    }


def table_rows(document: Document) -> list[dict[str, Any]]:
    sha = document.source.sha256
    out = []
    for number, table in enumerate(document.tables, 1):
        page, _ = _where(document, table.lines[0])
        out.append({"sha256": sha, "table_no": number, "kind": table.kind,
                    "number": table.number, "title": table.title,
                    "unit": table.unit or document.unit, "page": table.page or page,
                    "first_line": table.lines[0], "last_line": table.lines[1]})
    return out


def value_rows(document: Document) -> list[dict[str, Any]]:
    """Every printed value of every table row: one record per (row, column)."""
    sha = document.source.sha256
    out = []
    for table_no, table in enumerate(document.tables, 1):
        unit = table.unit or document.unit
        headers = {column.key: "/".join(column.header) for column in table.columns}
        for row_no, row in enumerate(table.rows, 1):
            for key, value in row.values.items():
                line = row.line_of(key)
                page, page_line = _where(document, line)
                out.append({
                    "sha256": sha, "table_no": table_no, "table_kind": table.kind,
                    "row_no": row_no, "code": row.code, "name": row.name, "column_key": key,
                    "column_header": headers.get(key), "value": value, "unit": unit,
                    "value_yuan": in_yuan(value, unit), "side": row.side,
                    "budget_unit": row.unit_name or row.unit_code, "page": page,
                    "page_line": page_line, "line": line})
    return out


def fact_rows(document: Document) -> list[dict[str, Any]]:
    sha = document.source.sha256
    out = []
    for number, fact in enumerate(document.facts, 1):
        page, page_line = _where(document, fact.line)
        out.append({"sha256": sha, "fact_no": number, "concept": fact.concept,
                    "value": fact.value, "unit": fact.unit,
                    "value_yuan": in_yuan(fact.value, fact.unit), "source": fact.source,
                    "text": fact.text, "page": page, "page_line": page_line, "line": fact.line,
                    "extra": _json(fact.extra)})
    return out


def project_rows(document: Document) -> list[dict[str, Any]]:
    sha = document.source.sha256
    out = []
    for number, project in enumerate(document.projects, 1):
        line = project.extra.get("amount_line") or project.line
        page, page_line = _where(document, line)
        spent = project_spent(document, project)
        out.append({"sha256": sha, "project_no": number, "name": project.name,
                    "code": project.code, "budget_unit": project.unit,
                    "category": project.category, "amount": project.amount,
                    "unit": document.unit, "amount_yuan": in_yuan(project.amount, document.unit),
                    "spent": spent, "spent_yuan": in_yuan(spent, document.unit), "page": page, "page_line": page_line, "line": line,
                    "extra": _json(project.extra)})
    return out


def project_spent(document: Document, project: Project) -> float | None:
    """The project's 执行数 where the document prints one: its 绩效自评表's 资金总额 row, else
    the narrative's spending."""
    from yusuan.rules.across.projects import execution_row

    found = execution_row(document, project)
    if found is not None:
        return found[0].actual.value
    spent = (project.extra.get("narrative") or {}).get("spent") or {}
    return spent.get("value")


def finding_rows(document: Document, findings: list[Finding]) -> list[dict[str, Any]]:
    sha = document.source.sha256
    out = []
    for number, finding in enumerate(findings, 1):
        first = finding.locations[0] if finding.locations else None
        out.append({"sha256": sha, "finding_no": number, "rule": finding.rule,
                    "severity": finding.severity, "category": finding.category,
                    "message": finding.message,
                    "page": first.page if first else None,
                    "page_line": _where(document, first.line)[1] if first else None,
                    "line": first.line if first else None,
                    "other_sha256": finding.values.get("other_sha256"),
                    "details": _json(finding.to_json())})
    return out


def document_records(document: Document, findings: list[Finding], path: str, version: str,
                     added_at: str) -> dict[str, list[dict[str, Any]]]:
    """Every row the corpus keeps of one checked document, by table."""
    return {
        "documents": [document_row(document, path, version, added_at, findings)],
        "doc_tables": table_rows(document),
        "table_values": value_rows(document),
        "facts": fact_rows(document),
        "projects": project_rows(document),
        "findings": finding_rows(document, findings),
    }
