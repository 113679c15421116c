"""The box of a cited figure on its PDF page (report/pages): it holds the figure's characters
as PDFium reads them, on a generated disclosure, on text set sideways, and on a page turned
by /Rotate as the report's image shows it."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from yusuan.pipeline import read_document
from yusuan.report.bundle import report_bundle
from yusuan.report.pages.boxes import Box, Cited, boxes_on_page, cited_boxes
from yusuan.report.pages.cited import cited_locations, value_cell
from yusuan.report.pages.images import DPI, device_fractions
from yusuan.rules import run_rules


def text_in(path: Path, page: int, box: Box) -> str:
    """PDFium's text inside the box (shrunk by half a point), spaces left out."""
    document = pdfium.PdfDocument(str(path))
    try:
        textpage = document[page - 1].get_textpage()
        text = textpage.get_text_bounded(box.left + 0.5, box.bottom + 0.5, box.right - 0.5,
                                         box.top - 0.5)
    finally:
        document.close()
    return "".join(text.split())


def located(path: Path) -> tuple[dict, list, list]:  # type: ignore[type-arg]
    document = read_document(str(path))
    bundle = report_bundle(document, run_rules(document))
    cited = cited_locations(bundle)
    return bundle, cited, cited_boxes(path, [item.cited for item in cited])


def test_every_cited_figure_is_boxed_on_its_characters(wrong_pdf: Path) -> None:
    bundle, cited, boxes = located(wrong_pdf)
    figures = [(item, box) for item, box in zip(cited, boxes, strict=True) if item.cited.figure]
    assert figures and all(box is not None for box in boxes)
    for item, box in figures:
        assert text_in(wrong_pdf, item.cited.page, box) == item.cited.figure, item
    rule = [i for i, f in enumerate(bundle["check"]["findings"]) if f["rule"] == "NARRATIVE.TABLE"]
    quoted = {item.cited.figure for item in cited if item.finding in rule}
    assert quoted == {"59.09", "57.09"}


def test_the_figure_of_the_cited_column_among_equal_ones() -> None:
    table = {"columns": [{"key": "total"}, {"key": "personnel"}, {"key": "public"}]}
    row = {"code": "301", "values": {"total": 5571.11, "personnel": 5571.11, "public": None}}
    cells = ["301", "工资福利支出", "5,571.11", "5,571.11", ""]
    assert value_cell(cells, table, row, "total", 5571.11) == 2
    assert value_cell(cells, table, row, "personnel", 5571.11) == 3


def one_page_pdf(path: Path, font: str, *, rotate: int = 0, sideways: bool = False) -> None:
    """One A4 page holding a 收入合计 line and, on the next line, only the figure 1,234.56."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    canvas.setPageRotation(rotate)
    if sideways:  # a landscape table printed turned on a portrait page
        canvas.translate(500, 100)
        canvas.rotate(90)
    canvas.setFont(font, 12)
    canvas.drawString(100, 300, "收入合计")
    canvas.drawString(100, 280, "1,234.56")
    canvas.save()


def char_box(path: Path, figure: str) -> Box:
    """The joint box of the figure's characters by PDFium's own char boxes."""
    document = pdfium.PdfDocument(str(path))
    try:
        textpage = document[0].get_textpage()
        text = textpage.get_text_range()
        start = text.index(figure)
        boxes = [textpage.get_charbox(i) for i in range(start, start + len(figure))]
    finally:
        document.close()
    return Box(min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
               max(b[3] for b in boxes))


def the_box(path: Path) -> Box:
    document = pdfium.PdfDocument(str(path))
    try:
        (box,) = boxes_on_page(document[0], [Cited(1, 2, "1,234.56", "1,234.56")])
    finally:
        document.close()
    assert box is not None
    return box


def covers(outer: Box, inner: Box, slack: float) -> bool:
    """`outer` holds `inner` and stands no more than `slack` beyond it on any side."""
    return (outer.left - 0.5 <= inner.left <= outer.left + slack
            and outer.right - slack <= inner.right <= outer.right + 0.5
            and outer.bottom - 0.5 <= inner.bottom <= outer.bottom + slack
            and outer.top - slack <= inner.top <= outer.top + 0.5)


@pytest.mark.parametrize("sideways", [False, True])
def test_box_in_user_space_holds_the_characters(tmp_path: Path, cjk_font: str,
                                                sideways: bool) -> None:
    path = tmp_path / "one.pdf"
    one_page_pdf(path, cjk_font, sideways=sideways)
    assert covers(the_box(path), char_box(path, "1,234.56"), slack=4.0)


def test_line_without_a_figure_is_boxed_whole_and_a_missing_figure_not_at_all(
        tmp_path: Path, cjk_font: str) -> None:
    path = tmp_path / "one.pdf"
    one_page_pdf(path, cjk_font)
    document = pdfium.PdfDocument(str(path))
    try:
        whole, missing = boxes_on_page(document[0], [Cited(1, 1, "收入合计"),
                                                     Cited(1, 2, "1,234.56", "9.99")])
    finally:
        document.close()
    assert whole is not None and text_in(path, 1, whole) == "收入合计"
    assert missing is None


def test_box_on_a_turned_page_lands_on_the_rendered_figure(tmp_path: Path, cjk_font: str) -> None:
    """On a page with /Rotate 90 the image is turned: the box, as fractions of the image,
    holds every dark pixel of the figure (the only ink on the page but 收入合计)."""
    path = tmp_path / "turned.pdf"
    one_page_pdf(path, cjk_font, rotate=90)
    box = the_box(path)
    document = pdfium.PdfDocument(str(path))
    try:
        page = document[0]
        image = page.render(scale=DPI / 72).to_pil().convert("L")
        x, y, w, h = device_fractions(page, box, *image.size)
    finally:
        document.close()
    width, height = image.size
    assert h * height > 3 * w * width  # the figure shows turned: taller than wide
    left, top, right, bottom = x * width, y * height, (x + w) * width, (y + h) * height
    ink = [(i % width, i // width) for i, value in enumerate(image.tobytes()) if value < 128]
    inside = [(px, py) for px, py in ink if left - 1 <= px <= right + 1 and top - 1 <= py <= bottom + 1]
    assert len(inside) > 50
    # the rest of the ink is 收入合计, one line away: beside the figure's box, not in it
    assert all(not (left + 2 <= px <= right - 2 and top + 2 <= py <= bottom - 2)
               for px, py in set(ink) - set(inside))
