"""The HTML report of a PDF in headless Chromium: a click on a location of a finding shows
the cited page, and the highlighted box covers the quoted figure's characters (PDFium's own
char boxes, scaled to the page image as the browser lays it out)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest

SLACK_PX = 1.5  # the box may fall short of a character's edge by this much (rounding)
MARGIN_PX = 8.0  # and stand no further than this beyond the figure


@pytest.fixture(scope="module")
def report(wrong_pdf: Path) -> Path:
    out = wrong_pdf.with_suffix(".html")
    subprocess.run([sys.executable, "-m", "yusuan.cli", "check", str(wrong_pdf), "--format",
                    "html", "-o", str(out)], check=False, capture_output=True)
    return out


def figure_rects(pdf: Path, page: int, figure: str, image: dict) -> list[dict]:  # type: ignore[type-arg]
    """Each occurrence of `figure` on the page as its characters' joint rectangle in CSS
    pixels, the page scaled onto the image's rectangle (these pages are not turned)."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        pdf_page = document[page - 1]
        width, height = pdf_page.get_size()
        textpage = pdf_page.get_textpage()
        text = textpage.get_text_range()
        scale = image["width"] / width
        rects = []
        start = text.find(figure)
        while start >= 0:
            boxes = [textpage.get_charbox(i) for i in range(start, start + len(figure))]
            rects.append({"left": image["left"] + min(b[0] for b in boxes) * scale,
                          "right": image["left"] + max(b[2] for b in boxes) * scale,
                          "top": image["top"] + (height - max(b[3] for b in boxes)) * scale,
                          "bottom": image["top"] + (height - min(b[1] for b in boxes)) * scale})
            start = text.find(figure, start + 1)
    finally:
        document.close()
    return rects


def covers(box: dict, rect: dict) -> bool:  # type: ignore[type-arg]
    return (box["left"] - SLACK_PX <= rect["left"] <= box["left"] + MARGIN_PX
            and box["right"] - MARGIN_PX <= rect["right"] <= box["right"] + SLACK_PX
            and box["top"] - SLACK_PX <= rect["top"] <= box["top"] + MARGIN_PX
            and box["bottom"] - MARGIN_PX <= rect["bottom"] <= box["bottom"] + SLACK_PX)


RECT = "var r = arguments[0].getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height};"


def test_a_click_on_a_location_highlights_the_figure_on_its_page(
        browser, report: Path, wrong_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(report.as_uri())
    finding = next(item for item in browser.find_elements(By.CSS_SELECTOR, "li.finding")
                   if "NARRATIVE.TABLE" in item.text)
    links = finding.find_elements(By.CSS_SELECTOR, "a.goto")
    assert len(links) == 2
    seen = set()
    for link in links:
        link.click()
        time.sleep(0.2)
        (lit,) = browser.find_elements(By.CSS_SELECTOR, "#pages-view .pbox.hl")
        assert browser.find_element(By.ID, "pages-view").is_displayed()
        card = lit.find_element(By.XPATH, "./ancestor::section[@class='page-card']")
        page = int(card.get_attribute("data-page"))
        image = browser.execute_script(RECT, card.find_element(By.TAG_NAME, "img"))
        box = browser.execute_script(RECT, lit)
        covered = {figure for figure in ("59.09", "57.09")
                   if any(covers(box, rect) for rect in figure_rects(wrong_pdf, page, figure, image))}
        assert len(covered) == 1, (page, box)
        view = browser.execute_script(RECT, browser.find_element(By.ID, "pages-scroll"))
        assert view["top"] <= box["top"] and box["bottom"] <= view["bottom"]  # scrolled to it
        seen |= covered
    assert seen == {"59.09", "57.09"}  # the narrative's figure, then the table's
