"""A comparison as text (Chinese, amounts in 万元), JSON and CSV (amounts in 元, with page and
line of both figures) or HTML (tables with a bar for each change, the totals, 基本/项目,
人员/公用 and 三公 also as ECharts bar charts beside their tables; one file, the chart library
inline, nothing fetched)."""

from __future__ import annotations

import csv
import html
import io
import json
from typing import Any

from yusuan.compare.charts import CHART_INIT, chart_divs, echarts_source, year_charts
from yusuan.compare.diff import SECTION_ORDER, Comparison, Line
from yusuan.compare.snapshot import SECTION_TITLES, SECTION_TITLES_EN, Figure
from yusuan.store.query import display_width

STATUS_ZH = {"added": "仅后者有", "removed": "仅前者有", "changed": "变化", "same": "相同"}


def wan(yuan: float | None) -> str:
    return "" if yuan is None else f"{yuan / 10_000:,.2f}"


def _where(figure: Figure | None) -> str:
    if figure is None:
        return ""
    return f"p{figure.page} L{figure.line}" if figure.page else f"L{figure.line}"


def _rate(line: Line) -> str:
    return "" if line.rate is None else f"{line.rate:+.2f}%"


def _pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - display_width(text))
    return space + text if right else text + space


def as_text(comparison: Comparison, changed_only: bool = False) -> str:
    a, b = comparison.first, comparison.second
    out = [f"比较：{a.label}（{a.file_name}）", f"  与：{b.label}（{b.file_name}）",
           "金额单位：万元；增减 = 后者 − 前者", ""]
    for section in SECTION_ORDER:
        lines = [line for line in comparison.section(section)
                 if not changed_only or line.status != "same"]
        if not lines:
            continue
        out.append(f"■ {SECTION_TITLES[section]}")
        labels = [_text_label(section, line) for line in lines]
        width = max(display_width(label) for label in labels) + 2
        for label, line in zip(labels, lines):
            out.append("  " + _pad(label, width) + _pad(wan(line.first and line.first.yuan), 14, True)
                       + _pad(wan(line.second and line.second.yuan), 14, True)
                       + _pad(wan(line.change) if line.change is not None else "", 12, True)
                       + _pad(_rate(line), 12, True)
                       + ("" if line.status in ("same", "changed") else f"  {STATUS_ZH[line.status]}"))
        out.append("")
    out += findings_text(comparison)
    return "\n".join(out).rstrip() + "\n"


def _text_label(section: str, line: Line) -> str:
    """The row's code and name, indented by its level (类, 款, 项)."""
    if not line.key.isdigit():
        return line.name
    return "  " * max(0, len(line.key) // 2 - 1) + f"{line.key} {line.name}"


def findings_text(comparison: Comparison) -> list[str]:
    out = []
    if comparison.findings:
        out.append(f"■ 跨文件检查发现 {len(comparison.findings)} 个问题")
        for finding in comparison.findings:
            where = "；".join(f"{loc.file} {'p' + str(loc.page) + ' ' if loc.page else ''}L{loc.line}"
                             for loc in finding.locations)
            out.append(f"  [{finding.rule}] {finding.message}（{where}）")
    elif not comparison.notes:
        out.append("■ 跨文件检查未发现问题")
    out += [f"注：{note}" for note in comparison.notes]
    return out


def _figure_json(figure: Figure | None) -> dict[str, Any] | None:
    if figure is None:
        return None
    return {"yuan": figure.yuan, "page": figure.page, "line": figure.line}


def as_json(comparison: Comparison) -> str:
    def side(shot: Any) -> dict[str, Any]:
        return {"label": shot.label, "department": shot.department, "year": shot.year,
                "kind": shot.kind, "file": shot.file_name, "sha256": shot.sha256}

    payload = {
        "first": side(comparison.first), "second": side(comparison.second),
        "lines": [{"section": line.section, "key": line.key, "name": line.name,
                   "level": line.level or None, "first": _figure_json(line.first),
                   "second": _figure_json(line.second), "change_yuan": line.change,
                   "rate": line.rate, "status": line.status} for line in comparison.lines],
        "findings": [finding.to_json() for finding in comparison.findings],
        "notes": comparison.notes,
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


CSV_FIELDS = ["section", "key", "name", "level", "first_yuan", "second_yuan", "change_yuan",
              "rate", "status", "first_page", "first_line", "second_page", "second_line"]


def as_csv(comparison: Comparison, bom: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for line in comparison.lines:
        a, b = line.first, line.second
        writer.writerow([line.section, line.key, line.name, line.level,
                         a.yuan if a else "", b.yuan if b else "",
                         "" if line.change is None else line.change,
                         "" if line.rate is None else line.rate, line.status,
                         a.page if a and a.page else "", a.line if a else "",
                         b.page if b and b.page else "", b.line if b else ""])
    return ("\ufeff" if bom else "") + buffer.getvalue()


STYLE = """body{font-family:sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;margin-bottom:1.5em}td,th{border-bottom:1px solid #ddd;
padding:.2em .6em;text-align:right}td.name,th.name{text-align:left}
.bar{display:inline-block;height:.8em;vertical-align:middle}.up{background:#c0392b}
.down{background:#27ae60}.added{color:#c0392b}.removed{color:#888}.finding{color:#a00}
.pair{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}.pair table{flex:0 0 auto}
.charts{display:flex;flex-wrap:wrap;gap:1em}.chart{width:440px;height:300px}"""


def _bar(line: Line, widest: float) -> str:
    if line.change is None or widest <= 0 or line.change == 0:
        return ""
    width = max(1, round(abs(line.change) / widest * 120))
    kind = "up" if line.change > 0 else "down"
    return f'<span class="bar {kind}" style="width:{width}px"></span>'


def as_html(comparison: Comparison) -> str:
    a, b = comparison.first, comparison.second
    e = html.escape
    charts = year_charts([a, b])
    out = ["<!DOCTYPE html>", '<html lang="zh"><head><meta charset="utf-8">',
           f"<title>比较：{e(a.label)} 与 {e(b.label)}</title><style>{STYLE}</style></head><body>",
           f"<h1>{e(a.label)} 与 {e(b.label)}</h1>",
           f"<p>{e(a.file_name)} ↔ {e(b.file_name)}；金额单位：万元；增减 = 后者 − 前者</p>"]
    for section in SECTION_ORDER:
        lines = comparison.section(section)
        if not lines:
            continue
        widest = max((abs(line.change) for line in lines if line.change is not None), default=0)
        beside = [chart for chart in charts if chart["section"] == section]
        out.append(f"<h2>{e(SECTION_TITLES[section])}</h2>"
                   + ('<div class="pair">' if beside else "") + "<table>")
        out.append(f'<tr><th class="name">科目</th><th>{e(a.label)}</th><th>{e(b.label)}</th>'
                   "<th>增减</th><th>增减率</th><th class=\"name\"></th></tr>")
        for line in lines:
            key = "" if line.key == "total" or not line.key.isdigit() else f"{line.key} "
            out.append(
                f'<tr class="{line.status}"><td class="name">{e(key + line.name)}</td>'
                f'<td title="{_where(line.first)}">{wan(line.first and line.first.yuan)}</td>'
                f'<td title="{_where(line.second)}">{wan(line.second and line.second.yuan)}</td>'
                f"<td>{wan(line.change) if line.change is not None else ''}</td>"
                f'<td>{_rate(line)}</td><td class="name">{_bar(line, widest)}</td></tr>')
        out.append("</table>")
        if beside:
            out.append(f'<div class="charts">{chart_divs(beside)}</div></div>')
    if comparison.findings:
        out.append(f"<h2>跨文件检查发现 {len(comparison.findings)} 个问题</h2><ul>")
        out += [f'<li class="finding">[{e(f.rule)}] {e(f.message)}</li>' for f in comparison.findings]
        out.append("</ul>")
    out += [f"<p>注：{e(note)}</p>" for note in comparison.notes]
    if charts:
        out.append(f"<script>{echarts_source()}</script>\n<script>{CHART_INIT}</script>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def render(comparison: Comparison, fmt: str, bom: bool = False) -> str:
    if fmt == "json":
        return as_json(comparison)
    if fmt == "csv":
        return as_csv(comparison, bom=bom)
    if fmt == "html":
        return as_html(comparison)
    return as_text(comparison)


__all__ = ["SECTION_TITLES_EN", "render"]
