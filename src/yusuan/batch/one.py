"""One file of a batch, checked as `yusuan check FILE` checks it: the same reading, rules,
triage and baseline, the report in the chosen format, and what the summary and findings.csv need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from yusuan.errors import InputError
from yusuan.kept.dataclass_code import dataclass

if TYPE_CHECKING:
    from yusuan.model import Document, Finding
    from yusuan.triage_options import CheckSettings


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """How each file of the batch is checked and reported."""

    settings: CheckSettings
    fmt: str
    lang: str
    bom: bool


def render_report(document: Document, findings: list[Finding], fmt: str, lang: str,
                  bom: bool = False) -> str:
    """The report of one checked document in `fmt` (text, json, html, sarif, csv)."""
    if fmt == "json":
        import json

        from yusuan.report.json_report import check_json

        return json.dumps(check_json(document, findings), ensure_ascii=False, indent=1) + "\n"
    if fmt == "text":
        from yusuan.report.text_report import check_text

        return check_text(document, findings, lang)
    from yusuan.report.bundle import report_bundle
    from yusuan.report.formats import render_bundle

    return render_bundle(report_bundle(document, findings), fmt, lang, bom=bom)


def triaged_findings(document: Document, settings: CheckSettings) -> list[Finding]:
    """The findings `check` reports: the rules', through --select/--ignore/… and the baseline."""
    from yusuan.rules import run_rules

    findings = settings.triage.apply(run_rules(document))
    if settings.baseline:
        from yusuan.baseline import read_baseline, without_reviewed

        findings = without_reviewed(document, findings, read_baseline(settings.baseline))
    return findings


def check_one(path: str, name: str, options: CheckOptions) -> dict[str, Any]:
    """The outcome of one file: checked (with its report and findings) or refused (why)."""
    from yusuan.pipeline import read_document

    try:
        document = read_document(path)
        findings = triaged_findings(document, options.settings)
        report = render_report(document, findings, options.fmt, options.lang, options.bom)
    except InputError as error:
        return refused(name, error.message(options.lang))
    severities = [finding.severity for finding in findings]
    return {"name": name, "status": "checked", "reason": "",
            "department": document.department or "", "year": document.year or "",
            "kind": document.kind or "", "errors": severities.count("error"),
            "warnings": severities.count("warning"),
            "exit": 1 if options.settings.triage.fails(findings) else 0,
            "report": report, "rows": finding_rows(document, findings, name, options.lang)}


def refused(name: str, reason: str) -> dict[str, Any]:
    return {"name": name, "status": "refused", "reason": reason, "department": "", "year": "",
            "kind": "", "errors": 0, "warnings": 0, "exit": 2, "report": None, "rows": []}


def finding_rows(document: Document, findings: list[Finding], name: str,
                 lang: str) -> list[dict[str, Any]]:
    """The findings as findings.csv's rows (the columns of `check --format csv`)."""
    from yusuan.report.bundle import line_texts, report_bundle
    from yusuan.report.csv_report import csv_row

    bundle = report_bundle(document, findings, display_path=name)
    texts = line_texts(bundle)
    return [csv_row(finding, bundle["check"], texts, lang) for finding in bundle["check"]["findings"]]
