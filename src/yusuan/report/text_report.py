"""Readable text: the extracted tables as a dump, findings grouped by severity with quoted lines."""

from __future__ import annotations

from yusuan.model import Document, Finding, Table
from yusuan.report.i18n import finding_message
from yusuan.report.where import where_label

SEVERITY_TITLES = {"error": "错误 errors", "warning": "警告 warnings", "info": "提示 info"}


def format_value(value: float, decimals: int = 2) -> str:
    """A value with the decimals it was printed with ("1,250,000", "3,456.78", "12.345")."""
    return f"{value:,.{decimals}f}"


def table_text(table: Table) -> str:
    head = f"{table.number or ''} {table.title} [{table.kind}] 单位：{table.unit or '?'}  lines {table.lines[0]}-{table.lines[1]}"
    if table.empty:
        return head.strip() + "\n  (empty)" + (f" — {table.note}" if table.note else "")
    keys = [column.key for column in table.columns]
    out = [head.strip(), "  " + " | ".join(["line", "side", "code", "name", *keys])]
    for row in table.rows:
        cells = [str(row.line), row.side or "", row.code or "", row.name]
        cells += [format_value(row.values[key], row.decimals.get(key, 2)) if key in row.values else ""
                  for key in keys]
        out.append("  " + " | ".join(cells))
    return "\n".join(out)


def extract_text(document: Document) -> str:
    head = (f"{document.department or '?'} {document.year or '?'} {document.kind or '?'} "
            f"(单位：{document.unit or '?'}, layout {document.source.layout})")
    parts = [head]
    if document.headline:
        parts.append("headline: " + ", ".join(f"{k} {v['value']} (L{v['line']})" for k, v in document.headline.items()))
    parts += [table_text(table) for table in document.tables]
    return "\n\n".join(parts) + "\n"


def finding_text(document: Document, finding: Finding, lang: str = "zh") -> str:
    message = finding_message(finding.to_json(), lang)
    out = [f"[{finding.severity}] {finding.rule} ({finding.category}): {message}"]
    seen: set[int] = set()
    for location in finding.locations:
        if location.line in seen or location.line <= 0:
            continue
        seen.add(location.line)
        quoted = document.line_text(location.line).strip().replace("\t", " | ")
        out.append(f"    {where_label(document, location.line)}: {quoted[:160]}")
    return "\n".join(out)


def check_text(document: Document, findings: list[Finding], lang: str = "zh") -> str:
    head = (f"{document.source.path}: {document.department or '?'} {document.year or '?'} "
            f"{document.kind or '?'} (单位：{document.unit or '?'})")
    parts = [head]
    for severity, title in SEVERITY_TITLES.items():
        chosen = [f for f in findings if f.severity == severity]
        if chosen:
            parts.append(f"== {title}: {len(chosen)}")
            parts += [finding_text(document, finding, lang) for finding in chosen]
    counts = ", ".join(f"{sum(1 for f in findings if f.severity == s)} {s}" for s in SEVERITY_TITLES)
    parts.append(f"{len(findings)} findings: {counts}")
    return "\n".join(parts) + "\n"
