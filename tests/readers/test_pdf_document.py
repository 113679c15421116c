"""The reader's own PDFium document (pdfium.document over pdfium.library) read beside
pypdfium2's: the same boxes, rotation, size, text and rendered pixels, the same errors when a
file does not open, one PDFium shared by both in a process, and a PDF read without importing
pypdfium2."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
from corpus.corpusfiles import require_corpus_file
from hostile import pdf_file

from yusuan.readers.pdfium.document import Document

REAL_PAGES = [  # (file, pages): a rotated page, a clipped cell, several producers
    ("guangdong/2026年深圳市政府办公厅部门预算.pdf", 3),
    ("shandong/2026年烟台市统计局部门预算.pdf", 3),
    ("beijing/国有资产监督管理委员会_2026年部门预算.pdf", 3),
    ("jiangsu/2018年省检察院部门预算公开.pdf", 2),
]


@pytest.fixture
def shapes_pdf(pdf_canvas) -> Path:
    """Pages of several shapes: A4 with text and rules, a page turned 90°, one with a crop box
    inside an odd-sized media box, and one with no text."""
    canvas, path = pdf_canvas("shapes.pdf")
    canvas.drawString(60, 780, "某某单位2026年部门预算")
    canvas.rect(60, 600, 200, 100)
    canvas.line(60, 650, 260, 650)
    canvas.showPage()
    canvas.setPageRotation(90)
    canvas.drawString(60, 700, "一般公共预算支出表（单位：万元）")
    canvas.showPage()
    canvas.setPageRotation(0)
    canvas.setPageSize((400.5, 300.25))
    canvas.setCropBox((10.5, 20, 390.25, 280))
    canvas.drawString(30, 150, "合计\t123.45")
    canvas.showPage()
    canvas.setPageSize((100, 100))
    canvas.showPage()
    canvas.save()
    return path


def _mine(path: Path) -> list[tuple[Any, ...]]:
    document = Document(str(path))
    try:
        readings = []
        for page in document:
            image = page.render_grey(scale=1)
            textpage = page.get_textpage()
            readings.append((repr(page.get_mediabox()), repr(page.get_cropbox()),
                             page.get_rotation(), page.get_size(), textpage.count_chars(),
                             textpage.get_text_range(),
                             (image.pixels, image.stride, image.width, image.height)))
            textpage.close()
            page.close()
        return readings
    finally:
        document.close()


def _theirs(path: Path) -> list[tuple[Any, ...]]:
    document = pypdfium2.PdfDocument(str(path))
    try:
        readings = []
        for page in document:
            bitmap = page.render(scale=1, grayscale=True)
            textpage = page.get_textpage()
            readings.append((repr(page.get_mediabox()), repr(page.get_cropbox()),
                             page.get_rotation(), page.get_size(), textpage.count_chars(),
                             textpage.get_text_range(),
                             (bytes(bitmap.buffer), bitmap.stride, bitmap.width, bitmap.height)))
            bitmap.close()
            textpage.close()
            page.close()
        return readings
    finally:
        document.close()


def test_generated_pages_read_and_render_as_pypdfium2_reads_them(shapes_pdf: Path) -> None:
    mine, theirs = _mine(shapes_pdf), _theirs(shapes_pdf)
    assert [reading[2] for reading in mine] == [0, 90, 0, 0]  # the shapes meant
    assert mine[2][1] != mine[2][0] and mine[3][4] == 0
    assert any(min(reading[6][0]) < 128 for reading in mine)  # ink was drawn
    assert mine == theirs


def test_a_page_without_a_media_box_falls_back_to_letter_as_pypdfium2_does(tmp_path: Path) -> None:
    content = b"BT /F1 12 Tf 20 100 Td (Total 12.50) Tj ET"
    path = tmp_path / "no-box.pdf"
    path.write_bytes(pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 300 200] >>",  # inherited only
        b"<< /Type /Page /Parent 2 0 R /Contents 5 0 R /Resources << /Font << /F1 4 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]))
    mine = _mine(path)
    assert mine[0][0] == "(0, 0, 612, 792)" and mine[0][1] == mine[0][0]
    assert mine == _theirs(path)


def test_an_annotation_is_drawn_as_pypdfium2_draws_it(tmp_path: Path) -> None:
    """A square annotation with its appearance (a black box) on a blank page."""
    box = b"0 g 0 0 60 60 re f"
    path = tmp_path / "annotated.pdf"
    path.write_bytes(pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Annots [4 0 R] >>",
        b"<< /Type /Annot /Subtype /Square /Rect [20 20 80 80] /AP << /N 5 0 R >> >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 60 60] /Length %d >>\nstream\n" % len(box)
        + box + b"\nendstream",
    ]))
    mine = _mine(path)
    pixels, stride = mine[0][6][0], mine[0][6][1]
    assert pixels[50 * stride + 50] == 0 and pixels[50 * stride + 150] == 255
    assert mine == _theirs(path)


@pytest.mark.parametrize(("name", "pages"), REAL_PAGES, ids=[name for name, _ in REAL_PAGES])
def test_real_pages_read_and_render_as_pypdfium2_reads_them(tmp_path: Path, name: str,
                                                            pages: int) -> None:
    source = require_corpus_file(name)
    first = tmp_path / "first.pdf"
    theirs = pypdfium2.PdfDocument(str(source))
    part = pypdfium2.PdfDocument.new()
    part.import_pages(theirs, list(range(min(pages, len(theirs)))))
    part.save(str(first))
    part.close()
    theirs.close()
    assert _mine(first) == _theirs(first)


def test_a_chinese_file_name_opens_as_with_pypdfium2(shapes_pdf: Path, tmp_path: Path) -> None:
    named = tmp_path / "北京市 财政局（预算）.pdf"
    shutil.copy(shapes_pdf, named)
    assert _mine(named) == _theirs(named)


def _error(opener: Any, path: Path) -> tuple[str, str]:
    with pytest.raises(Exception) as caught:  # the error itself is compared below
        opener(str(path))
    return type(caught.value).__name__, str(caught.value)


@pytest.mark.parametrize("kind", ["empty", "not a pdf", "damaged", "encrypted", "missing",
                                  "folder"])
def test_a_file_that_does_not_open_fails_as_with_pypdfium2(pdf_canvas, tmp_path: Path,
                                                           kind: str) -> None:
    path = tmp_path / "预算.pdf"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "not a pdf":
        path.write_text("某某单位2026年部门预算\n", encoding="utf-8")
    elif kind == "damaged":
        path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    elif kind == "encrypted":
        canvas, path = pdf_canvas("locked.pdf", encrypt="secret")
        canvas.drawString(60, 800, "收支总表")
        canvas.save()
    elif kind == "folder":
        path.mkdir()
    mine = _error(Document, path)
    assert mine == _error(pypdfium2.PdfDocument, path)
    assert kind != "encrypted" or "password" in mine[1]


BOTH_IN_ONE_PROCESS = """
import ctypes, sys
first = sys.argv[2]
if first == "pypdfium2":
    import pypdfium2
from yusuan.readers.pdfium import library
from yusuan.readers.pdfium.document import Document
document = Document(sys.argv[1])
textpage = document[0].get_textpage()
before = textpage.get_text_range()
import pypdfium2
import pypdfium2.raw as raw
theirs = pypdfium2.PdfDocument(sys.argv[1])[0].get_textpage().get_text_range()
names = ("FPDF_LoadDocument", "FPDFText_GetText", "FPDF_RenderPageBitmap")
print(all(library.address(name) == ctypes.cast(getattr(raw, name), ctypes.c_void_p).value
          for name in names), before == textpage.get_text_range() == theirs, bool(before))
"""


@pytest.mark.parametrize("first", ["yusuan", "pypdfium2"])
def test_pypdfium2_and_the_reader_share_one_pdfium(shapes_pdf: Path, first: str) -> None:
    """Whichever initialises PDFium first, the other's initialisation is ignored: a page the
    reader opened before pypdfium2 was imported still reads, with the same functions."""
    done = subprocess.run([sys.executable, "-c", BOTH_IN_ONE_PROCESS, str(shapes_pdf), first],
                          capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.split() == ["True", "True", "True"]


COMMAND = """
import json, sys
from yusuan.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


@pytest.mark.parametrize("command", ["check", "extract", "text"])
def test_reading_a_pdf_imports_neither_pypdfium2_nor_its_bindings(pdf_canvas, grid,
                                                                  cjk_font: str,
                                                                  command: str) -> None:
    canvas, path = pdf_canvas("budget.pdf")
    canvas.drawString(60, 800, "某某单位2026年部门预算")
    canvas.drawString(60, 780, "单位：万元")
    grid(canvas, 60, 760, [160, 100], [["项目", "预算数"], ["合计", "1.00"]])
    canvas.save()
    done = subprocess.run([sys.executable, "-c", COMMAND, command, str(path)],
                          capture_output=True, text=True, check=False, timeout=120)
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "yusuan.readers.pdfium.document" in loaded
    assert "万元" in done.stdout  # the unit line, read from the PDF
    assert sorted(name for name in loaded
                  if name.split(".")[0] in ("pypdfium2", "pypdfium2_raw")) == []


def test_a_pdfium_missing_from_the_installation_is_not_blamed_on_the_file(
        shapes_pdf: Path, tmp_path: Path, monkeypatch) -> None:
    from yusuan.errors import InputError
    from yusuan.readers import pdf
    from yusuan.readers.pdfium import library

    monkeypatch.setattr(library, "library_path", lambda: tmp_path / "libpdfium.so")
    library.load.cache_clear()
    try:
        with pytest.raises(InputError) as refused:
            pdf.read(shapes_pdf)
    finally:
        library.load.cache_clear()  # the next read loads the real library again
    said = refused.value.message("zh")
    assert "PDFium" in said and "损坏" not in said
