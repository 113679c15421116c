"""The HTML report: one self-contained file (inline CSS and JS, no network) with the verdict,
counts, findings beside the document and the extracted tables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from yusuan.report.html_view import report_view
from yusuan.report.i18n import check_lang

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                      autoescape=select_autoescape(("html", "j2")),
                      trim_blocks=True, lstrip_blocks=True)
    return env


def render_html(bundle: dict[str, Any], lang: str = "zh",
                links: list[dict[str, Any]] | None = None, review_action: str | None = None) -> str:
    """The report of a bundle (see `report.bundle`); `links` adds a bar of links and
    `review_action` the buttons that mark a finding 已复核 / 误报 (web app: each posts to
    `review_action/<index>`)."""
    view = report_view(bundle, check_lang(lang))
    return environment().get_template("report.html.j2").render(**view, links=links or [],
                                                               review_action=review_action,
                                                               pages=pages_panel(bundle, lang))


def pages_panel(bundle: dict[str, Any], lang: str) -> dict[str, Any] | None:
    """The cited pages of a PDF's report (`report.pages`), None for a bundle without them."""
    if not bundle.get("pages"):
        return None
    from yusuan.report.pages.view import pages_view

    return pages_view(bundle, lang)
