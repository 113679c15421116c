"""The HTML report: document, verdict, counts, findings with values and quoted lines,
highlight targets, collapsed rounding notes, tables with marked cells, no network."""

from __future__ import annotations

import re
import subprocess
import sys

from report_sample import SAMPLE, checked_bundle, hand_bundle

from yusuan.report.html import render_html


def finding_block(html: str, finding_id: str) -> str:
    start = html.index(f'id="{finding_id}"')
    return html[start:html.index('<p class="rule">', start)]


def test_header_names_the_document_and_verdict() -> None:
    html = render_html(hand_bundle())
    assert "示例市示例区档案局" in html and "2024" in html and "部门预算" in html and "万元" in html
    assert '<body class="verdict-error">' in html
    assert "发现错误" in html


def test_counts_by_severity_and_category() -> None:
    html = render_html(hand_bundle())
    counts = dict(re.findall(r'<li class="sev-(\w+)" data-severity="\w+"><b>(\d+)</b>', html))
    assert counts == {"error": "1", "warning": "1", "info": "2"}
    categories = dict(re.findall(r'<li data-category="(\w+)"><b>(\d+)</b>', html))
    assert categories == {"rounding": "2", "arithmetic": "1", "missing_content": "1"}


def test_findings_most_serious_first_with_values_and_quotes() -> None:
    html = render_html(hand_bundle())
    order = re.findall(r'<li class="finding sev-(\w+)"', html)
    assert order == ["error", "warning", "info", "info"]
    error = finding_block(html, "f0")
    assert "120.5 ≠ Σ 项 121.5" in error
    assert ">120.50<" in error and ">121.50<" in error and ">-1.00<" in error
    assert 'data-lines="14 15 16"' in error
    assert "2012601\t行政运行\t91.00" in error  # the quoted source line


def test_cited_lines_are_targets_and_marked() -> None:
    html = render_html(hand_bundle())
    assert re.search(r'<div class="ln mark-error" id="L14">', html)
    assert re.search(r'<div class="ln mark-warning" id="L7">', html)
    assert re.search(r'<div class="ln" id="L1">', html)


def test_rounding_notes_are_collapsed() -> None:
    html = render_html(hand_bundle())
    group = html[html.index('id="rounding-group"'):]
    assert group.count('<li class="finding sev-info"') == 2
    assert "<details open>" not in group.split("</details>\n</section>")[0]
    assert "<details open>" in finding_block(html, "f0")


def test_tables_mark_the_cells_a_finding_involves() -> None:
    html = render_html(hand_bundle())
    assert '<article class="xtable" id="t0">' in html
    marked = re.findall(r'<td id="(t0-r\d+-\w+)" class="num marked" data-findings="([\w ]+)"', html)
    by_cell = dict(marked)
    assert any(cell.endswith("-total") and "f0" in who for cell, who in by_cell.items())
    assert any(cell.endswith("-basic") and "f3" in who for cell, who in by_cell.items())
    cells = re.search(r'id="f0"[^>]*data-cells="([^"]*)"', html)
    assert cells and len(cells.group(1).split()) == 3


def test_self_contained_and_english() -> None:
    html = render_html(hand_bundle(), "en")
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "<style>" in html and "<script>" in html
    assert "Errors found" in html and "Functional classes add up" in html
    assert "Arithmetic" in html


def test_pipeline_findings_render() -> None:
    bundle = checked_bundle()
    html = render_html(bundle)
    summary = bundle["check"]["summary"]
    assert summary["error"] >= 1
    assert html.count('<li class="finding ') == sum(summary.values())
    assert re.search(r'<div class="ln mark-error" id="L15">', html)


def test_cli_writes_html_file(tmp_path) -> None:
    out = tmp_path / "report.html"
    result = subprocess.run([sys.executable, "-m", "yusuan.cli", "check", str(SAMPLE), "--format", "html",
                             "-o", str(out)], check=False, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert "示例市示例区档案局" in out.read_text(encoding="utf-8")
