"""The table a batch ends with: file, department, year, kind, errors, warnings, status (checked,
or refused and why), and a line of totals; or the same as JSON."""

from __future__ import annotations

from typing import Any

from yusuan.progress import display_width

HEADS = {"zh": ("文件", "部门", "年度", "类别", "错误", "警告", "状态"),
         "en": ("file", "department", "year", "kind", "errors", "warnings", "status")}
STATUS = {"zh": {"checked": "已检查", "refused": "未检查：{reason}"},
          "en": {"checked": "checked", "refused": "refused: {reason}"}}
TOTALS = {"zh": "共 {files} 个文件：已检查 {checked} 个，未检查 {refused} 个；错误 {errors} 条，警告 {warnings} 条。",
          "en": "{files} files: {checked} checked, {refused} refused; {errors} errors, "
                "{warnings} warnings."}
KEYS = ("name", "department", "year", "kind", "errors", "warnings", "status", "reason", "report_file")


def status_text(outcome: dict[str, Any], lang: str) -> str:
    words = STATUS["en" if lang == "en" else "zh"]
    return words[outcome["status"]].format(reason=outcome.get("reason", ""))


def summary_rows(outcomes: list[dict[str, Any]], lang: str) -> list[list[str]]:
    return [[str(o["name"]), str(o.get("department") or ""), str(o.get("year") or ""),
             str(o.get("kind") or ""), str(o.get("errors", 0)), str(o.get("warnings", 0)),
             status_text(o, lang)] for o in outcomes]


def summary_text(outcomes: list[dict[str, Any]], lang: str) -> str:
    """The table, its columns aligned for a terminal (a CJK character is two columns wide)."""
    lang = "en" if lang == "en" else "zh"
    rows = [list(HEADS[lang]), *summary_rows(outcomes, lang)]
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(HEADS[lang]) - 1)]
    lines = []
    for row in rows:
        cells = [cell + " " * (width - display_width(cell)) for cell, width in zip(row, widths)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines) + "\n\n" + totals_text(outcomes, lang) + "\n"


def totals_text(outcomes: list[dict[str, Any]], lang: str) -> str:
    checked = sum(1 for o in outcomes if o["status"] == "checked")
    return TOTALS[lang].format(files=len(outcomes), checked=checked,
                               refused=len(outcomes) - checked,
                               errors=sum(int(o.get("errors", 0)) for o in outcomes),
                               warnings=sum(int(o.get("warnings", 0)) for o in outcomes))


def summary_json(outcomes: list[dict[str, Any]]) -> dict[str, Any]:
    return {"schema": "yusuan.batch-summary/1",
            "files": [{key: o.get(key) for key in KEYS if key in o} | {"exit": o["exit"]}
                      for o in outcomes]}
