"""End to end in headless Chromium: upload a seed, wait for the job, see the findings, click
one and see its lines highlighted beside it; screenshots go to artifacts/."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from chromium import ARTIFACTS, wait_until
from corpus.corpusfiles import require_corpus_file
from report.evidence import label_key, parse_listing
from web_server import SEED, Server, start_server, stop_server

from yusuan.readers import read_source
from yusuan.report.text_listing import source_listing

TOKEN = "browser-test-token-0123456789abcdef"


def test_upload_click_and_highlight(server: Server, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    ARTIFACTS.mkdir(exist_ok=True)
    browser.get(server.url + "/")
    browser.find_element(By.ID, "files").send_keys(str(SEED))
    browser.find_element(By.ID, "submit").click()
    findings = wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, "#findings li.finding"))
    assert "武汉市武昌区医疗保障局" in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.find_element(By.ID, "verdict").text

    target = findings[min(1, len(findings) - 1)]
    lines = target.get_attribute("data-lines").split()
    target.find_element(By.CSS_SELECTOR, "summary").click()
    highlighted = wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, "#doc-view .ln.hl"))
    assert {el.get_attribute("id") for el in highlighted} == {f"L{n}" for n in lines}
    assert "active" in target.get_attribute("class")
    assert target.find_element(By.CSS_SELECTOR, "details").get_attribute("open") is not None
    first = browser.find_element(By.ID, f"L{lines[0]}")
    in_view = browser.execute_script(
        "var p = document.getElementById('doc-view').getBoundingClientRect();"
        "var r = arguments[0].getBoundingClientRect(); return r.top >= p.top && r.bottom <= p.bottom;", first)
    assert in_view
    browser.save_screenshot(str(ARTIFACTS / "web-report.png"))

    group = browser.find_elements(By.ID, "rounding-group")
    if group:
        group[0].find_element(By.CSS_SELECTOR, "summary").click()
    with_cells = [f for f in browser.find_elements(By.CSS_SELECTOR, "li.finding") if f.get_attribute("data-cells")]
    if with_cells:
        browser.find_element(By.ID, "tab-tables").click()
        chosen = with_cells[0]
        cells = chosen.get_attribute("data-cells").split()
        chosen.find_element(By.CSS_SELECTOR, "summary").click()
        wait_until(lambda: "hl" in browser.find_element(By.ID, cells[0]).get_attribute("class"))
        assert browser.find_element(By.ID, "tables-view").is_displayed()
    browser.save_screenshot(str(ARTIFACTS / "web-report-tables.png"))


def test_a_pdf_finding_highlights_the_lines_it_quotes(server: Server, browser) -> None:  # type: ignore[no-untyped-def]
    """A real PDF: clicking a finding highlights the document's lines its quotes show (not the
    lines of the cover that carry the same numbers as a page's own lines)."""
    from selenium.webdriver.common.by import By

    path = require_corpus_file("guangdong/2026年深圳市财政局部门预算.pdf")
    listing, _ = parse_listing(source_listing(read_source(str(path))))  # as `yusuan text` prints it
    browser.get(server.url + "/")
    browser.find_element(By.ID, "files").send_keys(str(path))
    browser.find_element(By.ID, "submit").click()
    findings = wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, "#findings li.finding"), 180)
    for finding in findings[:4]:
        finding.find_element(By.CSS_SELECTOR, "summary").click()
        quotes = [code.get_attribute("textContent")
                  for code in finding.find_elements(By.CSS_SELECTOR, ".quotes code")]
        labels = [link.get_attribute("textContent")
                  for link in finding.find_elements(By.CSS_SELECTOR, ".quotes a.goto")]
        assert quotes == [listing[label_key(label)] for label in labels]  # the page and line it names
        wanted = {f"L{n}" for n in finding.get_attribute("data-lines").split()}
        def highlighted() -> list:  # type: ignore[type-arg]
            return browser.find_elements(By.CSS_SELECTOR, "#doc-view .ln.hl")

        wait_until(lambda wanted=wanted: {el.get_attribute("id") for el in highlighted()} == wanted)
        texts = [el.find_element(By.CSS_SELECTOR, ".tx").get_attribute("textContent") for el in highlighted()]
        assert quotes and all(quote in texts for quote in quotes), (quotes, texts)
    browser.save_screenshot(str(ARTIFACTS / "web-report-pdf.png"))


def test_filters_hide_findings(server: Server, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    if not browser.find_elements(By.ID, "filters"):
        pytest.skip("the report has no findings to filter")
    boxes = browser.find_elements(By.CSS_SELECTOR, "#filters input[name=severity]")
    before = int(browser.find_element(By.ID, "shown-count").text)
    boxes[0].click()
    after = int(browser.find_element(By.ID, "shown-count").text)
    assert after < before
    hidden = browser.find_elements(By.CSS_SELECTOR, "li.finding[hidden]")
    assert len(hidden) == before - after


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("guarded-browser")
    running = start_server(root / "data", root / "server.log", args=("--token", TOKEN))
    yield running
    stop_server(running)


def test_login_then_upload(guarded: Server, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.delete_all_cookies()
    browser.get(guarded.url + "/jobs")
    assert not browser.find_elements(By.ID, "files")
    browser.find_element(By.ID, "token").send_keys("not the token")
    browser.find_element(By.ID, "login").click()
    wait_until(lambda: browser.find_elements(By.ID, "wrong-token"))
    browser.find_element(By.ID, "token").send_keys(TOKEN)
    browser.find_element(By.ID, "login").click()
    wait_until(lambda: browser.current_url.endswith("/jobs"))
    browser.get(guarded.url + "/")
    browser.find_element(By.ID, "files").send_keys(str(SEED))
    browser.find_element(By.ID, "submit").click()
    assert wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, "#findings li.finding"))
    assert TOKEN not in str(browser.get_cookies())
