"""A PDF checked in the web app: its report shows the cited pages, each an embedded image
with the cited figures boxed (the bundle the job keeps holds them)."""

from __future__ import annotations

import json
import re

import pytest
from web_server import ROOT, Server, get, upload, wait_for_job

PDF = ROOT.parent / "shared" / "corpus" / "chongqing" / "2026年重庆市水利局部门预算.pdf"


def test_pdf_report_shows_the_cited_pages(server: Server) -> None:
    if not PDF.exists():
        pytest.skip("the corpus (../shared/corpus) is not beside this checkout")
    status, _headers, body = upload(f"{server.url}/api/check", [("水利局.pdf", PDF.read_bytes())])
    assert status in (200, 202), body
    job = wait_for_job(server.url, json.loads(body)["jobs"][0]["id"], seconds=300)
    assert job["state"] == "done", job
    status, _headers, page = get(server.url + job["links"]["html"])
    html = page.decode()
    assert status == 200 and 'id="pages-view"' in html
    cards = re.findall(r'<section class="page-card" id="page-(\d+)"', html)
    images = re.findall(r'<img src="data:image/webp;base64,', html)
    assert len(cards) == len(images) > 5 and "24" in cards
    assert html.count('class="pbox') > 100
