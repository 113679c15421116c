"""In the web report a finding can be marked 已复核 or 误报; the mark stays with the document, so
the same file uploaded again shows it, and it can be cleared."""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

from web_server import SEED, Server, get, request, upload

FORM = re.compile(rb'<form class="review-form" method="post" action="(/jobs/[^"]+/findings/(\d+))"')


def seed_job(server: Server) -> str:
    status, _headers, body = upload(f"{server.url}/api/check?wait=60", [(SEED.name, SEED.read_bytes())])
    assert status == 200, body
    return json.loads(body)["jobs"][0]["id"]


def page(server: Server, job_id: str) -> bytes:
    status, _headers, body = get(f"{server.url}/jobs/{job_id}")
    assert status == 200
    return body


def finding_html(body: bytes, index: str) -> bytes:
    start = body.index(f'id="f{index}"'.encode())
    return body[start:body.index(b"</li>", start)]


def post_mark(server: Server, action: str, mark: str) -> tuple[int, dict[str, str]]:
    status, headers, _body = request("POST", server.url + action, urlencode({"mark": mark}).encode(),
                                     {"Content-Type": "application/x-www-form-urlencoded"})
    return status, headers


def test_a_finding_marked_stays_marked_for_the_document(server: Server) -> None:
    job_id = seed_job(server)
    body = page(server, job_id)
    action, index = (group.decode() for group in FORM.search(body).groups())
    assert "已复核" not in finding_html(body, index).decode().split("<form")[0]
    status, headers = post_mark(server, action, "reviewed")
    assert status == 303 and headers["location"] == f"/jobs/{job_id}#f{index}"
    shown = finding_html(page(server, job_id), index).decode()
    assert '<span class="review review-reviewed">已复核</span>' in shown
    # the same file again: a new job, the same document, the same mark
    again = seed_job(server)
    assert again != job_id
    assert "review-reviewed" in finding_html(page(server, again), index).decode()
    assert post_mark(server, action, "false_positive")[0] == 303
    assert '<span class="review review-false_positive">误报</span>' in \
        finding_html(page(server, again), index).decode()
    assert post_mark(server, action, "")[0] == 303
    assert 'class="review review-' not in finding_html(page(server, job_id), index).decode()


def test_bad_marks_are_refused(server: Server) -> None:
    job_id = seed_job(server)
    assert post_mark(server, f"/jobs/{job_id}/findings/0", "maybe")[0] == 400
    assert post_mark(server, f"/jobs/{job_id}/findings/99999", "reviewed")[0] == 404


def test_offline_report_has_no_mark_buttons(server: Server) -> None:
    job_id = seed_job(server)
    status, _headers, body = get(f"{server.url}/api/jobs/{job_id}/result?format=html")
    assert status == 200 and b"<li class=\"finding" in body and b"<form class=\"review-form\"" not in body
