"""Readable text: the extracted tables as a dump, findings grouped by severity with quoted lines."""

from __future__ import annotations

from yusuan.model import Document, Finding, Table
from yusuan.report.i18n import category_label, finding_message, severity_label
from yusuan.report.where import where_label, where_of

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


HEADLINE_NAMES = {
    "total_income": "本年收入合计", "income_grand_total": "收入总计", "carryover_in": "上年结转",
    "general_budget_income": "一般公共预算拨款收入", "gov_fund_income": "政府性基金预算拨款收入",
    "other_income": "其他收入", "total_expenditure": "本年支出合计",
    "expenditure_grand_total": "支出总计", "carryover_out": "年末结转和结余",
    "basic_expenditure": "基本支出", "project_expenditure": "项目支出",
    "personnel_funds": "人员经费", "public_funds": "公用经费", "sangong_total": "“三公”经费",
    "sangong_budget": "“三公”经费预算数",
    "agency_operating_costs": "机关运行经费", "procurement_total": "政府采购预算",
}


def table_text(table: Table, document: Document | None = None) -> str:
    """A table as a dump; with its `document`, lines are named as `yusuan text` prints them
    ("p3 L12" in a PDF)."""
    from yusuan.report.xlsx_export import column_headers
    from yusuan.rules.engine.printed import KIND_NAMES

    kind = KIND_NAMES.get(table.kind, table.kind)
    head = (f"{table.number or ''} {table.title} [{kind}] 单位：{table.unit or '?'}  "
            f"{_span(table, document)}")
    if table.empty:
        return head.strip() + "\n  （空表）" + (f" — {table.note}" if table.note else "")
    keys = [column.key for column in table.columns]
    headers = column_headers(table)
    out = [head.strip(), "  " + " | ".join(["行", "收支", "编码", "名称", *(headers[k] for k in keys)])]
    sides = {"income": "收入", "expenditure": "支出"}
    for row in table.rows:
        cells = [_named(document, row.line), sides.get(row.side or "", ""), row.code or "", row.name]
        cells += [format_value(row.values[key], row.decimals.get(key, 2)) if key in row.values else ""
                  for key in keys]
        out.append("  " + " | ".join(cells))
    return "\n".join(out)


def _span(table: Table, document: Document | None) -> str:
    first, last = table.lines
    if document is None or document.source.pages is None:
        return f"第 {first}-{last} 行"
    return f"{where_label(document, first)} – {where_label(document, last)}"


def _named(document: Document | None, number: int) -> str:
    return str(number) if document is None else where_label(document, number)


def extract_text(document: Document) -> str:
    head = (f"{document.department or '?'} {document.year or '?'} {document.kind or '?'} "
            f"（单位：{document.unit or '?'}）")
    parts = [head]
    if document.headline:
        parts.append("主要数字：" + "，".join(
            f"{HEADLINE_NAMES.get(k, k)} {v['value']}（{where_label(document, v['line'])}）"
            for k, v in document.headline.items()))
    parts += [table_text(table, document) for table in document.tables]
    return "\n\n".join(parts) + "\n"


def finding_text(document: Document, finding: Finding, lang: str = "zh") -> str:
    message = finding_message(finding.to_json(), lang)
    severity = severity_label(finding.severity, "zh") if lang == "zh" else finding.severity
    out = [TEXT_WORDS[lang]["line"].format(severity=severity, rule=finding.rule, message=message,
                                           category=category_label(finding.category, lang))]
    seen: set[str] = set()
    for location in finding.locations:
        if location.line <= 0:
            continue
        where = where_of(document, location)
        label = where.label(lang)
        if label in seen:
            continue
        seen.add(label)
        quoted = document.line_text(location.line).strip().replace("\t", " | ")
        read = f" [{where.provenance(lang)}]" if where.read_by else ""
        out.append(f"    {label}{read}: {quoted[:160]}")
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
