"""`yusuan compare --format html` opened from disk in headless Chromium: its charts draw with the
inline ECharts, hold the documents' figures, and nothing is fetched from anywhere."""

from __future__ import annotations

from pathlib import Path

from chromium import ARTIFACTS, wait_until
from docbuilder import render
from pairs import budget_2024, budget_after

from yusuan.cli import main


def _series(browser, chart: str) -> list:  # type: ignore[no-untyped-def]
    return browser.execute_script(
        "var chart = window.echarts && echarts.getInstanceByDom("
        "document.getElementById(arguments[0]));"
        "return chart ? chart.getOption().series.map(function (s) { return [s.name, s.data]; })"
        " : null;", chart)


def test_the_compare_page_draws_its_charts_offline(tmp_path: Path, browser) -> None:
    from selenium.webdriver.common.by import By

    before = budget_2024()
    (tmp_path / "b24.txt").write_text(render(before), encoding="utf-8")
    (tmp_path / "b25.txt").write_text(render(budget_after(before)), encoding="utf-8")
    page = tmp_path / "比较.html"
    assert main(["compare", str(tmp_path / "b24.txt"), str(tmp_path / "b25.txt"),
                 "--format", "html", "-o", str(page)]) == 0
    browser.get(page.as_uri())
    totals = wait_until(lambda: _series(browser, "chart-totals"))
    assert totals == [["本年收入合计", [557.0, 562.0]], ["本年支出合计", [557.0, 562.0]]]
    assert _series(browser, "chart-parts") == [["基本支出", [466.35, 471.35]],
                                               ["项目支出", [90.65, 90.65]]]
    assert _series(browser, "chart-staff") == [["人员经费", [409.26, 414.26]],
                                               ["公用经费", [57.09, 57.09]]]
    labels = browser.execute_script("return echarts.getInstanceByDom(document.getElementById("
                                    "'chart-totals')).getOption().xAxis[0].data;")
    assert labels == ["2024 部门预算", "2025 部门预算"]
    treemap = _series(browser, "chart-treemap-1")  # the 2025 budget's 功能分类
    assert treemap and treemap[0][1] and all(node["value"] > 0 for node in treemap[0][1])
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    # the table beside the chart still prints the numbers
    rows = browser.find_elements(By.CSS_SELECTOR, "table tr")
    assert any("本年收入合计" in row.text and "562.00" in row.text for row in rows)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "compare-charts.png"))
