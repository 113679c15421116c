"""A check in progress shows the pages read: in the job's JSON and, polled, on its page in
headless Chromium (a 171-page corpus PDF, read page by page)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from chromium import wait_until
from corpus.corpusfiles import require_corpus_file
from web_server import Server, get_json, start_server, stop_server, upload, wait_for_job

LONG_PDF = "shaanxi/卫生健康委员会_2026年部门预算.pdf"
PAGES = re.compile(r"已读 (\d+)/(\d+) 页")


@pytest.fixture(scope="module")
def roomy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server that takes the 2.7 MB file, one worker."""
    root = tmp_path_factory.mktemp("progress")
    running = start_server(root / "data", root / "server.log", args=("--max-upload-mb", "5",
                                                                      "--workers", "1"))
    yield running
    stop_server(running)


def test_the_job_tells_the_pages_read(roomy: Server) -> None:
    pdf = require_corpus_file(LONG_PDF)
    status, _headers, body = upload(roomy.url + "/api/check", [(pdf.name, pdf.read_bytes())])
    assert status == 202
    import json

    job_id = json.loads(body)["jobs"][0]["id"]
    seen: list[dict[str, Any]] = []
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        _status, job = get_json(f"{roomy.url}/api/jobs/{job_id}")
        seen.append(job)
        if job["state"] in ("done", "failed"):
            break
        time.sleep(0.05)
    reading = [job for job in seen if job["stage"] == "reading" and job["pages"]]
    assert reading, "no page count was seen while the file was read"
    assert any(0 < job["pages"]["done"] < job["pages"]["total"] == 171 for job in reading)
    progress = [job["progress"] for job in seen]
    assert progress == sorted(progress)
    assert len({job["progress"] for job in reading}) > 1  # the bar moves with the pages
    assert seen[-1]["state"] == "done"


def test_the_page_shows_the_pages_read(roomy: Server, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    pdf = require_corpus_file(LONG_PDF)
    browser.delete_all_cookies()
    browser.get(roomy.url + "/")
    browser.find_element(By.ID, "files").send_keys(str(pdf))
    browser.find_element(By.ID, "submit").click()
    shown: set[tuple[int, int]] = set()
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not browser.find_elements(By.CSS_SELECTOR, "#findings"):
        for element in browser.find_elements(By.ID, "pages"):
            try:
                match = PAGES.search(element.text)
            except Exception:  # noqa: BLE001 - the page reloaded under us
                match = None
            if match:
                shown.add((int(match.group(1)), int(match.group(2))))
        time.sleep(0.1)
    assert any(0 < done < total == 171 for done, total in shown), shown
    assert len(shown) > 1  # updated while the page stayed open
    wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, "#findings"))
    job_id = browser.current_url.rstrip("/").split("/")[-1].split("?")[0]
    assert wait_for_job(roomy.url, job_id)["state"] == "done"
