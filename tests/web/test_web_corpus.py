"""The corpus pages of the web app (YUSUAN_CORPUS_DB): the document list with its filters and a
department's documents side by side, over HTTP and in headless Chromium."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import ARTIFACTS, wait_until
from docbuilder import labour_bureau, render
from finalbuilder import render_final
from pairs import budget_2024, budget_after, final_of
from web_server import Server, get, start_server, stop_server

from yusuan.cli import main

DEPARTMENT = "某市某区文化和旅游局"


@pytest.fixture(scope="module")
def corpus_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("corpus-web")
    files = root / "files"
    files.mkdir()
    before = budget_2024()
    (files / "b24.txt").write_text(render(before), encoding="utf-8")
    (files / "b25.txt").write_text(render(budget_after(before)), encoding="utf-8")
    (files / "f24.txt").write_text(render_final(final_of(before)), encoding="utf-8")
    (files / "labour.txt").write_text(render(labour_bureau()), encoding="utf-8")
    (files / "notes.txt").write_text("会议纪要\n", encoding="utf-8")
    database = root / "corpus.duckdb"
    assert main(["db", "add", "--db", str(database), str(files)]) == 0
    running = start_server(root / "data", root / "server.log",
                           env={"YUSUAN_CORPUS_DB": str(database)})
    yield running
    stop_server(running)


def _page(url: str) -> str:
    status, _, body = get(url)
    assert status == 200, body[:300]
    return body.decode("utf-8")


def test_corpus_lists_every_document_and_filters(corpus_server: Server) -> None:
    page = _page(corpus_server.url + "/corpus")
    assert page.count('class="document"') == 5 and "拒收" in page
    assert _page(corpus_server.url + "/corpus?year=2025").count('class="document"') == 1
    assert _page(corpus_server.url + "/corpus?year=2024").count('class="document"') == 3
    only_final = _page(corpus_server.url + "/corpus?kind=" + urllib.parse.quote("决算"))
    assert only_final.count('class="document"') == 1 and "f24.txt" in only_final
    named = _page(corpus_server.url + "/corpus?department=" + urllib.parse.quote("文化和旅游"))
    assert named.count('class="document"') == 3


def test_department_page_puts_the_years_side_by_side(corpus_server: Server) -> None:
    page = _page(corpus_server.url + "/corpus/department?name=" + urllib.parse.quote(DEPARTMENT))
    assert page.count('class="doc"') == 3
    assert page.index("b24.txt") < page.index("f24.txt") < page.index("b25.txt")
    row = page[page.index("20701 文化和旅游"):].split("</tr>", 1)[0]
    assert ["466.79", "466.79", "471.79"] == [cell.split("<", 1)[0] for cell in
                                             row.split('<td class="num">')[1:]]
    assert 'class="bar"' in row
    scripts = page.count("<script")
    assert scripts == 2 and '<script src="/static/echarts.min.js">' in page and "http" not in page
    status, _, _ = get(corpus_server.url + "/corpus/department?name=" + urllib.parse.quote("没有"))
    assert status == 404


def test_without_a_corpus_the_pages_say_so(tmp_path: Path) -> None:
    running = start_server(tmp_path / "data", tmp_path / "server.log")
    try:
        status, _, body = get(running.url + "/corpus")
    finally:
        stop_server(running)
    assert status == 404 and "YUSUAN_CORPUS_DB" in body.decode("utf-8")


def test_filter_and_open_a_department_in_the_browser(corpus_server: Server, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    ARTIFACTS.mkdir(exist_ok=True)
    browser.get(corpus_server.url + "/corpus")
    Select(browser.find_element(By.NAME, "year")).select_by_value("2024")
    browser.find_element(By.CSS_SELECTOR, "#filters button").click()
    wait_until(lambda: "year=2024" in browser.current_url)
    rows = browser.find_elements(By.CSS_SELECTOR, "#documents tr.document")
    assert len(rows) == 3
    browser.find_element(By.LINK_TEXT, DEPARTMENT).click()
    table = wait_until(lambda: browser.find_elements(By.ID, "side-by-side"))
    bars = table[0].find_elements(By.CSS_SELECTOR, ".bar")
    widths = [bar.size["width"] for bar in bars]
    assert widths and max(widths) > 20 and widths.count(max(widths)) > len(widths) // 4
    assert DEPARTMENT in browser.find_element(By.TAG_NAME, "h1").text
    browser.save_screenshot(str(ARTIFACTS / "web-corpus-department.png"))


def _summary_figures(database: Path) -> dict[str, list[float]]:
    """本年收入合计 and 本年支出合计 of each of the department's documents, in 万元, in the order
    the page puts them (year, then a 预算 before its 决算), straight from the database."""
    from yusuan.store.connect import open_database

    opened = open_database(str(database), create=False)
    try:
        _, rows = opened.query(
            "SELECT d.year, d.kind, v.side, v.value_yuan FROM table_values v JOIN documents d "
            "USING (sha256) WHERE d.department = ? AND v.table_kind = 'summary' AND v.name IN "
            "('本年收入合计', '本年支出合计') AND v.column_key IN ('budget', 'actual') "
            "ORDER BY d.year, d.kind LIKE '%决算', v.side", [DEPARTMENT])
    finally:
        opened.close()
    out: dict[str, list[float]] = {"income": [], "expenditure": []}
    for _, _, side, yuan in rows:
        out[side].append(round(yuan / 10_000, 2))
    return out


def test_the_department_page_draws_its_years_as_charts(corpus_server: Server, browser) -> None:
    from selenium.webdriver.common.by import By

    browser.get(corpus_server.url + "/corpus/department?name=" + urllib.parse.quote(DEPARTMENT))
    option = wait_until(lambda: browser.execute_script(
        "var el = document.getElementById('chart-totals');"
        "var chart = window.echarts && echarts.getInstanceByDom(el);"
        "return chart ? JSON.parse(JSON.stringify(chart.getOption())) : null;"))
    assert option["xAxis"][0]["data"] == ["2024 部门预算", "2024 部门决算", "2025 部门预算"]
    series = {s["name"]: s["data"] for s in option["series"]}
    database = Path(corpus_server.data_dir).parent / "corpus.duckdb"
    figures = _summary_figures(database)
    assert series == {"本年收入合计": figures["income"], "本年支出合计": figures["expenditure"]}
    assert series["本年支出合计"] == [557.0, 557.0, 562.0]
    charts = browser.find_elements(By.CSS_SELECTOR, "#charts .chart")
    # the year bars, then a 功能分类 treemap per document (budget and 决算 of 2024, budget 2025)
    assert [c.get_attribute("id") for c in charts] == [
        "chart-totals", "chart-parts", "chart-staff", "chart-sangong",
        "chart-treemap-0", "chart-treemap-1", "chart-treemap-2"]
    drawn = browser.execute_script(
        "return Array.from(document.querySelectorAll('#charts canvas'))"
        ".map(function (c) { return [c.width, c.height]; });")
    assert len(drawn) == 7 and all(w > 300 and h > 200 for w, h in drawn)
    staff = browser.execute_script(
        "return echarts.getInstanceByDom(document.getElementById('chart-staff'))"
        ".getOption().series.map(function (s) { return [s.name, s.data]; });")
    assert staff == [["人员经费", [409.26, 409.26, 414.26]], ["公用经费", [57.09, 57.09, 57.09]]]
    assert browser.find_element(By.ID, "side-by-side").is_displayed()  # the numbers stay
    browser.save_screenshot(str(ARTIFACTS / "web-corpus-department-charts.png"))


def test_the_chart_library_is_served_from_the_package(corpus_server: Server) -> None:
    from yusuan.compare.charts import ECHARTS

    status, headers, body = get(corpus_server.url + "/static/echarts.min.js")
    assert status == 200 and body == ECHARTS.read_bytes()
    assert "javascript" in headers.get("content-type", headers.get("Content-Type", ""))
    assert b"Licensed to the Apache Software Foundation" in body[:400]
