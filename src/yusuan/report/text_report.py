"""Readable text: the extracted tables as a dump, findings grouped by severity with quoted lines."""

from __future__ import annotations

from yusuan.model import Document, Finding, Table
from yusuan.report.i18n import category_label, finding_message, severity_label
from yusuan.report.where import where_label

SEVERITIES = ("error", "warning", "info")
TEXT_WORDS = {
    "zh": {"unit": "单位", "heading": "== {severity}：{count} 条",
           "line": "[{severity}] {rule}（{category}）：{message}",
           "count": "{severity} {count} 条", "tally": "共 {total} 条：{counts}", "sep": "，"},
    "en": {"unit": "unit", "heading": "== {severity}: {count}",
           "line": "[{severity}] {rule} ({category}): {message}",
           "count": "{count} {severity}", "tally": "{total} findings: {counts}", "sep": ", "},
}


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
    severity = severity_label(finding.severity, "zh") if lang == "zh" else finding.severity
    out = [TEXT_WORDS[lang]["line"].format(severity=severity, rule=finding.rule, message=message,
                                           category=category_label(finding.category, lang))]
    seen: set[int] = set()
    for location in finding.locations:
        if location.line in seen or location.line <= 0:
            continue
        seen.add(location.line)
        quoted = document.line_text(location.line).strip().replace("\t", " | ")
        out.append(f"    {where_label(document, location.line)}: {quoted[:160]}")
    return "\n".join(out)


def check_text(document: Document, findings: list[Finding], lang: str = "zh") -> str:
    words = TEXT_WORDS[lang]
    head = (f"{document.source.path}: {document.department or '?'} {document.year or '?'} "
            f"{document.kind or '?'} ({words['unit']}：{document.unit or '?'})")
    if lang != "zh":
        head = head.replace("：", ": ")
    parts = [head]
    counts = []
    for severity in SEVERITIES:
        chosen = [f for f in findings if f.severity == severity]
        shown = severity_label(severity, lang) if lang == "zh" else severity
        counts.append(words["count"].format(severity=shown, count=len(chosen)))
        if chosen:
            parts.append(words["heading"].format(severity=shown, count=len(chosen)))
            parts += [finding_text(document, finding, lang) for finding in chosen]
    parts.append(words["tally"].format(total=len(findings), counts=words["sep"].join(counts)))
    return "\n".join(parts) + "\n"
