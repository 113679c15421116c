"""SARIF 2.1.0: the rule catalog as `tool.driver.rules`, each finding as a result whose
locations point at the document's lines (`region.startLine`), with the quoted line as snippet."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from yusuan.report.bundle import finding_lines, line_texts
from yusuan.report.i18n import category_label, check_lang, finding_message, severity_label
from yusuan.report.where import LineIndex, where_from_json

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
HELP_HEADINGS = {"zh": ("类别", "严重程度"), "en": ("Category", "Severity")}


def tool_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("yusuan")
    except PackageNotFoundError:
        return "0"


def artifact_uri(path: str) -> str:
    """A URI reference for the checked file: file:// for an absolute path, relative otherwise."""
    posix = path.replace("\\", "/")
    if posix.startswith("/"):
        return PurePosixPath(posix).as_uri()
    return quote(posix, safe="/")


def rule_descriptor(spec: Any, lang: str) -> dict[str, Any]:
    title = spec.title_zh if lang == "zh" else spec.title_en
    category, severity = HELP_HEADINGS[lang]
    lines = [title]
    if spec.rationale:
        lines.append(spec.rationale)
    lines.append(f"{category}: {category_label(spec.category, lang)}; "
                 f"{severity}: {severity_label(spec.severity, lang)}")
    return {
        "id": spec.id,
        "name": spec.title_en,
        "shortDescription": {"text": title},
        "fullDescription": {"text": spec.rationale or title},
        "help": {"text": "\n".join(lines)},
        "defaultConfiguration": {"level": LEVELS.get(spec.severity, "warning")},
        "properties": {"category": spec.category, "tags": [spec.category],
                       "title_zh": spec.title_zh, "title_en": spec.title_en},
    }


def driver_rules(findings: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """The whole catalog, plus a bare descriptor for a rule id a finding uses but the catalog lacks."""
    from yusuan.rules import catalog

    rules = [rule_descriptor(spec, lang) for spec in catalog()]
    known = {rule["id"] for rule in rules}
    for rule_id in sorted({f["rule"] for f in findings} - known):
        rules.append({"id": rule_id, "shortDescription": {"text": rule_id}})
    return rules


def result_location(location: dict[str, Any], texts: dict[int, str], index: LineIndex | None = None,
                    lang: str = "zh") -> dict[str, Any]:
    """A finding location as SARIF: `region.startLine` the line as the JSON cites it (within
    its page for a PDF), the snippet the document's text there, and in `properties` the page,
    the workbook cell, the Word paragraph or table cell, an OCR reading and the label."""
    region: dict[str, Any] = {"startLine": location["line"]}
    text = texts.get(index.document_line(location) if index else location["line"])
    if text:
        region["snippet"] = {"text": text}
    out: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": "", "index": 0},
                                                "region": region}}
    names = [str(location[key]) for key in ("table", "code", "column") if location.get(key)]
    if names:
        logical: dict[str, Any] = {"fullyQualifiedName": "/".join(names), "kind": "element"}
        if location.get("code"):
            logical["name"] = str(location["code"])
        out["logicalLocations"] = [logical]
    where = where_from_json(location)
    properties = {"where": where.label(lang), **({"page": where.page} if where.page is not None else {}),
                  **where.fields()}
    if where.file:
        properties["file"] = where.file
    out["properties"] = properties
    return out


def sarif_result(finding: dict[str, Any], rule_index: dict[str, int], texts: dict[int, str],
                 uri: str, lang: str, index: LineIndex | None = None) -> dict[str, Any]:
    locations = [result_location(loc, texts, index, lang) for loc in finding.get("locations", [])
                 if loc.get("line", 0) > 0]
    for location in locations:
        location["physicalLocation"]["artifactLocation"]["uri"] = uri
    values = {k: v for k, v in finding.get("values", {}).items() if k != "message_args"}
    properties: dict[str, Any] = {"category": finding["category"], "severity": finding["severity"],
                                  "lines": finding_lines(finding), **values}
    if finding.get("folded"):
        properties["folded"] = finding["folded"]
    return {
        "ruleId": finding["rule"], "ruleIndex": rule_index[finding["rule"]],
        "level": LEVELS.get(finding["severity"], "warning"),
        "message": {"text": finding_message(finding, lang)},
        "locations": locations,
        "properties": properties,
    }


def render_sarif(bundle: dict[str, Any], lang: str = "zh") -> dict[str, Any]:
    """The SARIF log of a bundle (see `report.bundle`), messages in `lang`."""
    check_lang(lang)
    check = bundle["check"]
    findings = check["findings"]
    rules = driver_rules(findings, lang)
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    uri = artifact_uri(check["source"]["path"])
    texts, index = line_texts(bundle), LineIndex(bundle)
    artifact: dict[str, Any] = {"location": {"uri": uri}, "roles": ["analysisTarget"]}
    if check["source"].get("sha256"):
        artifact["hashes"] = {"sha-256": check["source"]["sha256"]}
    run = {
        "tool": {"driver": {"name": "yusuan", "version": tool_version(),
                            "fullName": "yusuan 预决算公开检查", "rules": rules}},
        "language": "zh-CN" if lang == "zh" else "en-US",
        "artifacts": [artifact],
        "results": [sarif_result(f, rule_index, texts, uri, lang, index) for f in findings],
        "properties": {"document": check["document"], "summary": check["summary"]},
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
