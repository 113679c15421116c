"""One entry point for the rendered formats (HTML, SARIF, CSV) and the check JSON, from a
report bundle; used by the command line and the web app."""

from __future__ import annotations

import json
from typing import Any

BUNDLE_FORMATS = ("json", "html", "sarif", "csv")
MEDIA_TYPES = {"json": "application/json", "html": "text/html; charset=utf-8",
               "sarif": "application/sarif+json", "csv": "text/csv; charset=utf-8"}
SUFFIXES = {"json": ".json", "html": ".html", "sarif": ".sarif", "csv": ".csv"}


def render_bundle(bundle: dict[str, Any], fmt: str, lang: str = "zh", bom: bool = False) -> str:
    """`fmt` of the bundle as text; `bom` puts a BOM before CSV so Excel reads it as UTF-8."""
    if fmt == "json":
        return json.dumps(bundle["check"], ensure_ascii=False, indent=1) + "\n"
    if fmt == "sarif":
        from yusuan.report.sarif import render_sarif

        return json.dumps(render_sarif(bundle, lang), ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        from yusuan.report.csv_report import render_csv

        return render_csv(bundle, lang, bom=bom)
    if fmt == "html":
        from yusuan.report.html import render_html
        from yusuan.report.pages.cli import with_pages

        return render_html(with_pages(bundle), lang)  # a PDF's cited pages beside the findings
    raise ValueError(f"unknown report format {fmt!r}")
