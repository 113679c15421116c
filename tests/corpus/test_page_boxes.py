"""On real PDFs, every figure a finding quotes is boxed on its page where PDFium reads that
figure: the text inside the box is the figure. 重庆市商务委员会 is set in a font whose
character boxes, as the reader measures them, fall a line below the glyphs; the boxes are
PDFium's own char boxes, so they still hug the figures."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from yusuan.model import Document
from yusuan.report.bundle import report_bundle
from yusuan.report.pages.boxes import cited_boxes
from yusuan.report.pages.cited import cited_locations
from yusuan.rules import run_rules

from .corpusfiles import corpus_document, require_corpus_file

NAMES = ["chongqing/2026年重庆市商务委员会部门预算.pdf", "chongqing/2026年重庆市水利局部门预算.pdf",
         "central/2026年武汉市信访局部门预算.pdf"]


@pytest.mark.parametrize("name", NAMES)
def test_every_quoted_figure_is_boxed_on_its_characters(name: str) -> None:
    path = require_corpus_file(name)
    document = corpus_document(name)
    assert isinstance(document, Document)
    cited = cited_locations(report_bundle(document, run_rules(document)))
    boxes = cited_boxes(path, [item.cited for item in cited])
    figures = [(item.cited, box) for item, box in zip(cited, boxes, strict=True) if item.cited.figure]
    assert len(figures) > 50 and all(box is not None for box in boxes)
    pdf = pdfium.PdfDocument(str(path))
    try:
        for cited_figure, box in figures:
            textpage = pdf[cited_figure.page - 1].get_textpage()
            text = textpage.get_text_bounded(box.left + 0.5, box.bottom + 0.5, box.right - 0.5,
                                             box.top - 0.5)
            assert "".join(text.split()) == cited_figure.figure, cited_figure
    finally:
        pdf.close()
