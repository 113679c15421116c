"""The pages panel's data: only a single PDF's report gets rendered pages; each page an
embedded WebP with its boxes inside the image; each finding's places in the order it cites
them, each naming the document line it stands on."""

from __future__ import annotations

import json
from pathlib import Path

from report_sample import SAMPLE, checked_bundle

from yusuan.pipeline import read_document
from yusuan.report.bundle import report_bundle
from yusuan.report.html import render_html
from yusuan.report.pages.cli import with_pages
from yusuan.report.pages.view import pages_view
from yusuan.rules import run_rules


def test_a_text_report_has_no_pages() -> None:
    bundle = checked_bundle()
    assert with_pages(bundle, str(SAMPLE)) is bundle
    assert 'id="pages-view"' not in render_html(bundle)


def test_files_read_together_get_no_pages(wrong_pdf: Path) -> None:
    document = read_document(str(wrong_pdf))
    bundle = report_bundle(document, run_rules(document))
    together = {**bundle, "check": {**bundle["check"], "source": {
        **bundle["check"]["source"], "parts": [{"path": str(wrong_pdf)}] * 2}}}
    assert with_pages(together) is together
    assert "pages" in with_pages(bundle)  # the path the bundle names
    rendered = with_pages(bundle)
    assert with_pages(rendered) is rendered  # kept, not rendered again


def test_pages_hold_their_boxes_and_findings_their_places(wrong_pdf: Path) -> None:
    document = read_document(str(wrong_pdf))
    bundle = with_pages(report_bundle(document, run_rules(document)), str(wrong_pdf))
    pages = bundle["pages"]
    assert pages and all(page["image"].startswith("data:image/webp;base64,") for page in pages)
    for page in pages:
        for box in page["boxes"]:
            assert 0 <= box["x"] and box["x"] + box["w"] <= 1 and 0 <= box["y"]
            assert box["y"] + box["h"] <= 1 and box["w"] > 0 and box["h"] > 0
    view = pages_view(bundle, "zh")
    assert view is not None
    places = json.loads(view["places"])
    texts = {number: text for number, _page, text in bundle["lines"]}
    findings = bundle["check"]["findings"]
    narrative = next(i for i, f in enumerate(findings) if f["rule"] == "NARRATIVE.TABLE")
    cited = places[f"f{narrative}"]
    assert [place["location"] for place in cited] == sorted(place["location"] for place in cited)
    assert ["59.09" in texts[cited[0]["doc"]], "57.09" in texts[cited[-1]["doc"]]] == [True, True]
    html = render_html(bundle)
    assert html.count('class="page-card"') == len(pages)
    assert all(f'id="{box_id}"' in html for place in cited for box_id in place["boxes"])
