"""The HTML report of a real PDF with its cited pages: file size, time to write it, and time
to open it in headless Chromium (prints figures and saves screenshots; not a test).

    python benchmarks/bench_html_pages.py [PDF ...]

Default: the 33-page 重庆市水利局 2026 部门预算 of ../shared/corpus. For each PDF, `yusuan check
--format html` writes the report (wall-clock seconds, size in MB, pages rendered); Chromium
(selenium, /usr/bin/chromedriver) then opens it three times, each in a fresh tab after a blank
page: "open" is navigation start to the load event as the browser's Navigation Timing reports
it, "ready" to DOMContentLoaded, "shown" until the image of the page the first finding cites
(shown on opening, its figure boxed) has loaded (the other pages load lazily as they are
scrolled to). Then the first finding's first location is clicked and the
page it cites is shown with its box: screenshots of the report as it opens and after the click
go to artifacts/ (report-pages-open.png, report-pages-click.png).

Measured on the 2-core development machine (shared, busy): 重庆市水利局 (33 pages) 1.28 MB with
19 cited pages, written in 7-9 s, load event 0.2-0.5 s, first cited page shown 0.5-0.65 s
(at load average 17: up to 1.1 s and 1.75 s; the same report without its pages loads in
0.2-0.4 s);
重庆市商务委员会 (28 pages) 1.70 MB, 22 pages, 0.2-0.25 s; 国家信访局 2026 (37 pages) 0.68 MB,
9 pages, 0.2-0.26 s; 北京市经济和信息化局 (79 pages) 1.72 MB, 12 pages, 0.7-1.3 s.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT = CORPUS / "chongqing" / "2026年重庆市水利局部门预算.pdf"
ARTIFACTS = ROOT / "artifacts"
YUSUAN = [sys.executable, "-m", "yusuan.cli"]
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--no-first-run", "--disable-component-update", "--disable-sync",
         "--window-size=1400,900")


def browser():  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in (*FLAGS, f"--user-data-dir={tempfile.mkdtemp(prefix='yusuan-bench-')}"):
        options.add_argument(flag)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)


def write_report(pdf: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([*YUSUAN, "check", str(pdf), "--format", "html", "-o", str(out)], check=False,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


SHOWN = """
var done = arguments[arguments.length - 1];
function check() {
  var box = document.querySelector('#pages-view .pbox.hl');
  var img = box && box.closest('.page-card').querySelector('img');
  if (!box || (img.complete && img.naturalWidth)) { done(performance.now()); } else { setTimeout(check, 10); }
}
check();"""


def open_times(driver, url: str, runs: int = 3) -> list[tuple[float, float, float]]:  # type: ignore[no-untyped-def]
    """(load event, DOMContentLoaded, the first finding's page image shown) in seconds from
    navigation start, for each run."""
    times = []
    for _ in range(runs):
        driver.get("about:blank")
        driver.get(url)
        timing = driver.execute_script(
            "var t = performance.getEntriesByType('navigation')[0];"
            "return [t.loadEventEnd, t.domContentLoadedEventEnd];")
        shown = driver.execute_async_script(SHOWN)
        times.append((timing[0] / 1000, timing[1] / 1000, shown / 1000))
    return times


def click_first_location(driver) -> str:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    link = driver.find_element(By.CSS_SELECTOR, "#findings li.finding a.goto")
    link.click()
    time.sleep(0.3)
    boxes = driver.find_elements(By.CSS_SELECTOR, "#pages-view .pbox.hl")
    return f"{len(boxes)} box(es) highlighted after the click"


def main(paths: list[str]) -> None:
    pdfs = [Path(p) for p in paths] or [DEFAULT]
    ARTIFACTS.mkdir(exist_ok=True)
    driver = browser()
    try:
        for pdf in pdfs:
            with tempfile.TemporaryDirectory() as folder:
                out = Path(folder) / "report.html"
                seconds = write_report(pdf, out)
                html = out.read_text(encoding="utf-8")
                pages = html.count('class="page-card"')
                print(f"{pdf.name}: written in {seconds:.1f} s, {out.stat().st_size / 1e6:.2f} MB, "
                      f"{pages} cited pages rendered")
                times = open_times(driver, out.as_uri())
                print("  open (load event): " + ", ".join(f"{t[0]:.2f} s" for t in times)
                      + "; ready (DOMContentLoaded): " + ", ".join(f"{t[1]:.2f} s" for t in times)
                      + "; first cited page shown: " + ", ".join(f"{t[2]:.2f} s" for t in times))
                driver.save_screenshot(str(ARTIFACTS / "report-pages-open.png"))
                print("  " + click_first_location(driver))
                driver.save_screenshot(str(ARTIFACTS / "report-pages-click.png"))
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1:])
