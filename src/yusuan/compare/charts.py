"""Bar charts of documents side by side (Apache ECharts, vendored in static/ with its licences):
本年收入/支出合计, 基本/项目支出, 人员/公用经费 and 三公, one group of bars per document, in
万元; and a treemap of each document's 功能分类 (类 → 款 → 项). The options are plain JSON for an element's `data-option`; CHART_INIT draws every
`.chart` element of a page with the `echarts` the page has loaded."""

from __future__ import annotations

import html
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from yusuan.compare.snapshot import Snapshot

ECHARTS = Path(__file__).parent / "static" / "echarts.min.js"

# (chart id, title, its bars: (section, key, series name))
CHARTS: tuple[tuple[str, str, tuple[tuple[str, str, str], ...]], ...] = (
    ("totals", "收支总额", (("totals", "income", "本年收入合计"),
                          ("totals", "expenditure", "本年支出合计"))),
    ("parts", "基本支出与项目支出", (("parts", "basic", "基本支出"),
                                  ("parts", "project", "项目支出"))),
    ("staff", "人员经费与公用经费", (("parts", "personnel", "人员经费"),
                                  ("parts", "public", "公用经费"))),
    ("sangong", "“三公”经费", (("sangong", "total", "合计"),
                            ("sangong", "outbound", "因公出国（境）费"),
                            ("sangong", "vehicle", "公务用车购置及运行费"),
                            ("sangong", "reception", "公务接待费"))),
)
COLOURS = ["#175cd3", "#e8590c", "#2f9e44", "#9c36b5", "#868e96"]

CHART_INIT = """(function () {
  function wan(value) {
    return value == null ? '—' : value.toLocaleString('zh-CN',
      {minimumFractionDigits: 2, maximumFractionDigits: 2}) + ' 万元';
  }
  document.querySelectorAll('.chart[data-option]').forEach(function (el) {
    var option = JSON.parse(el.getAttribute('data-option'));
    option.tooltip.valueFormatter = wan;
    var chart = echarts.init(el);
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();"""


def in_wan(yuan: float | None) -> float | None:
    return None if yuan is None else round(yuan / 10_000, 2)


def document_labels(shots: list[Snapshot]) -> list[str]:
    """Each document's year and kind, under its department's name when the documents'
    departments differ."""
    one_department = len({shot.department for shot in shots}) == 1
    labels = []
    for shot in shots:
        label = " ".join(str(p) for p in (shot.year, shot.kind) if p)
        if not one_department and shot.department:
            label = f"{shot.department}\n{label}".rstrip()
        labels.append(label or shot.file_name)
    return labels


def chart_option(title: str, labels: list[str], series: list[tuple[str, list[float | None]]]
                 ) -> dict[str, Any]:
    return {
        "color": COLOURS, "animation": False,
        "title": {"text": title, "left": "center", "textStyle": {"fontSize": 14}},
        "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
        "legend": {"top": 26},
        # a legend of more than two names may take two lines: the plot starts below them
        "grid": {"top": 64 if len(series) <= 2 else 84, "left": 12, "right": 16, "bottom": 8,
                 "containLabel": True},
        "xAxis": {"type": "category", "data": labels,
                  "axisLabel": {"interval": 0, "width": 150, "overflow": "break"}},
        "yAxis": {"type": "value", "name": "万元"},
        "series": [{"name": name, "type": "bar", "data": data, "barMaxWidth": 36}
                   for name, data in series],
    }


def treemap_option(title: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "color": COLOURS, "animation": False,
        "title": {"text": title, "left": "center", "textStyle": {"fontSize": 14}},
        "tooltip": {"trigger": "item"},
        "series": [{"type": "treemap", "name": title, "data": items, "top": 32, "bottom": 28,
                    "roam": False, "leafDepth": 1, "breadcrumb": {"show": True, "bottom": 0},
                    "label": {"show": True, "formatter": "{b}"}}],
    }


def functional_tree(section: dict[str, Any]) -> list[dict[str, Any]]:
    """类 → 款 → 项 of a 功能分类 section as treemap nodes, values in 万元 (a 类 or 款 whose
    parts are printed keeps its own printed figure as its value)."""
    def node(code: str) -> dict[str, Any]:
        figure = section[code]
        width = {3: 5, 5: 7}.get(len(code))
        children = [node(c) for c in sorted(section) if width and len(c) == width
                    and c.startswith(code) and section[c].yuan]
        item: dict[str, Any] = {"name": f"{code} {figure.name}", "value": in_wan(figure.yuan)}
        if children:
            item["children"] = children
        return item
    return [node(code) for code in sorted(section)
            if code.isdigit() and len(code) == 3 and section[code].yuan]


def treemap_charts(shots: list[Snapshot], labels: list[str]) -> list[dict[str, Any]]:
    """A 功能分类 treemap per document (its 支出总表, else its 一般公共预算支出表)."""
    charts = []
    for index, (shot, label) in enumerate(zip(shots, labels, strict=True)):
        section = shot.sections.get("functional") or shot.sections.get("general") or {}
        items = functional_tree(section)
        if items:
            title = f"{label.replace(chr(10), ' ')} 支出功能分类"
            charts.append({"id": f"treemap-{index}", "title": title, "section": "functional",
                           "option": treemap_option(title, items)})
    return charts


def year_charts(shots: list[Snapshot]) -> list[dict[str, Any]]:
    """A chart per group of figures any of the documents prints, and a 功能分类 treemap per
    document: its id, title, section (of the comparison, whose table it goes beside) and
    option."""
    labels = document_labels(shots)
    charts = []
    for chart_id, title, bars in CHARTS:
        series = [(name, [in_wan(figure.yuan) if (figure := shot.sections.get(section, {})
                                                  .get(key)) else None for shot in shots])
                  for section, key, name in bars]
        series = [(name, data) for name, data in series if any(v is not None for v in data)]
        if series:
            charts.append({"id": chart_id, "title": title, "section": bars[0][0],
                           "option": chart_option(title, labels, series)})
    return charts + treemap_charts(shots, labels)


def option_attribute(option: dict[str, Any]) -> str:
    """The option as the value of an HTML attribute (JSON, escaped)."""
    return html.escape(json.dumps(option, ensure_ascii=False), quote=True)


def chart_divs(charts: list[dict[str, Any]]) -> str:
    return "\n".join(f'<div class="chart" id="chart-{chart["id"]}" '
                     f'data-option="{option_attribute(chart["option"])}"></div>'
                     for chart in charts)


@lru_cache(maxsize=1)
def echarts_source() -> str:
    """The vendored echarts.min.js (Apache-2.0; see static/NOTICE)."""
    return ECHARTS.read_text(encoding="utf-8")
