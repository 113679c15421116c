"""The C helper `_bulkobjects` reads a page's objects, rulings, images and clips as the
ctypes calls do: both ways on real PDFs of different producers (WPS, Word, iText, Excel, form
XObjects, rotated pages) and on forms nested deeper than the reader looks, or drawing
themselves. Skipped where the helper was not built (no C compiler)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from corpus.corpusfiles import require_corpus_file
from hostile import pdf_file

from yusuan import readers
from yusuan.pipeline import read_document
from yusuan.readers import pdfchars, pdfobjects
from yusuan.readers.pdfium.document import Document
from yusuan.readers.pdfobjects import Frame, calls, handle, page_tree, read_objects

PRODUCERS = [
    "guangdong/2026年深圳市政府办公厅部门预算.pdf",  # WPS 文字
    "beijing/财政局_2026年部门预算.pdf",  # WPS 表格
    "guangdong/2026年佛山市交通运输局部门预算.pdf",  # Word 2010
    "guangdong/2026年深圳市财政局部门预算.pdf",  # iText 5.5.13, a form XObject per page
    "jiangsu/江苏省政协办公厅2018度部门预算公开表.pdf",  # Excel 2010
    "beijing/政府办公厅_2026年部门预算.pdf",  # PDFium, form XObjects
    "shaanxi/科技创新局_2026年部门预算.pdf",  # iTextSharp, form XObjects, clipped cells
    "shandong/2026年烟台市财政局部门预算.pdf",  # iText, pages with /Rotate
]
PAGES = 20  # the first pages of each file (the rest are alike)

needs_helper = pytest.mark.skipif(pdfobjects.compiled() is None,
                                  reason="the C helper _bulkobjects was not built")


@contextmanager
def through_ctypes() -> Iterator[None]:
    """The readers with the C helper out of reach, as where it was not built."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdfobjects, "compiled", lambda: None)
        patch.setattr(pdfchars, "compiled", lambda: None)
        yield


def _page_reading(page) -> tuple:
    """What the helper replaces on one page: whether its text is clipped, its rulings and
    images in two frames (upright and turned), and the clip of each of its objects."""
    tree = page_tree(page)
    frames = [Frame(tuple(page.get_mediabox()), turn) for turn in (0, page.get_rotation() or 90)]
    objects = [read_objects(page, frame, tree) for frame in frames]
    pdfium, raw = calls(), handle(page.raw)
    clip_of = pdfchars._clip_reader(pdfium, True)
    clips = [clip_of(pdfium.FPDFPage_GetObject(raw, index))
             for index in range(pdfium.FPDFPage_CountObjects(raw))]
    return (tree.clipped_text, [(found.images, [(e.x0, e.top, e.x1, e.bottom, e.horizontal)
                                                for e in found.edges]) for found in objects], clips)


def _readings(path: Path) -> list[tuple]:
    document = Document(str(path))
    try:
        return [_page_reading(document[index]) for index in range(min(len(document), PAGES))]
    finally:
        document.close()


@needs_helper
@pytest.mark.parametrize("name", PRODUCERS)
def test_the_helper_reads_real_pages_as_the_ctypes_calls_do(name: str) -> None:
    path = require_corpus_file(name)
    compiled = _readings(path)
    with through_ctypes():
        by_ctypes = _readings(path)
    assert repr(compiled) == repr(by_ctypes)  # repr: a NaN equal to itself, -0.0 told from 0.0
    assert any(edges for _, readings, _ in compiled for _, edges in readings)


@needs_helper
def test_a_document_read_with_the_helper_is_the_one_read_without() -> None:
    path = require_corpus_file("beijing/政府办公厅_2026年部门预算.pdf")
    compiled = read_document(str(path))
    with through_ctypes():
        assert read_document(str(path)) == compiled


def _form(content: bytes, inner: int | None) -> bytes:
    resources = b"/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"
    if inner is not None:
        resources += b" /XObject << /X %d 0 R >>" % inner
    return (b"<< /Type /XObject /Subtype /Form /BBox [0 0 600 800] /Matrix [1 0 0 1 3 -4] "
            b"/Resources << %s >> /Length %d >>\nstream\n" % (resources, len(content))
            + content + b"\nendstream")


def _nested_forms_pdf(depth: int) -> bytes:
    """Page 1 draws a form that draws a form… `depth` deep, each with a ruling and a line
    its clip cuts off; page 2 a form that draws itself."""
    drawing = b"50 700 m 300 700 l S q 40 40 200 20 re W n BT /F1 9 Tf 45 45 Td (a cell whose words run on past its clip, out of the cell) Tj ET Q"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>"]
    first_form = 7
    for number, contents in ((3, 5), (4, 6)):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /XObject << /X %d 0 R >> >> >>"
                       % (contents, first_form if number == 3 else first_form + depth))
    for content in (b"0 0 m 600 0 l S /X Do", b"/X Do 10 10 m 10 500 l S"):
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    for level in range(depth):
        inner = first_form + level + 1 if level + 1 < depth else None
        objects.append(_form(drawing + (b" /X Do" if inner else b""), inner))
    itself = first_form + depth
    objects.append(_form(b"20 20 m 20 400 l S /X Do", itself))
    return pdf_file(objects)


@needs_helper
@pytest.mark.parametrize("depth", [2, pdfobjects.MAX_FORM_DEPTH + 3])
def test_nested_and_self_drawing_forms_read_alike_both_ways(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "forms.pdf"
    path.write_bytes(_nested_forms_pdf(depth))
    compiled = _readings(path)
    with through_ctypes():
        assert _readings(path) == compiled
    (clipped, [(_, edges), _], _), _ = compiled
    assert clipped  # a word's clip, or forms too deep to look into
    assert len(edges) == 1 + min(depth, pdfobjects.MAX_FORM_DEPTH)


def test_without_the_helper_the_reader_binds_none(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "yusuan.readers._bulkobjects", None)  # import fails
    monkeypatch.delattr(readers, "_bulkobjects", raising=False)
    pdfobjects.compiled.cache_clear()
    try:
        assert pdfobjects.compiled() is None
    finally:
        pdfobjects.compiled.cache_clear()


def _odd_paths_pdf() -> bytes:
    """Paths at the edge of what a PDF may hold: huge and tiny coordinates, a lone closing
    point, a degenerate curve, a dotted colour, a form with a singular matrix."""
    content = (b"1e38 0 m 1e38 1e38 l S 0 0 m h S 10 10 m 10 10 l 20 10 l h f "
               b"0 0 m 1 1 2 2 3 3 c 3 300 l S 1 1 1 RG 50 50 m 50 400 l S "
               b"0.5 g 0.00001 0 m 0.00001 500 l 0 0.00002 l B* /X Do")
    form = (b"<< /Type /XObject /Subtype /Form /BBox [0 0 600 800] /Matrix [0 0 0 0 0 0] "
            b"/Length 14 >>\nstream\n0 0 m 99 0 l S\nendstream")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /XObject << /X 5 0 R >> >> >>"),
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream", form]
    return pdf_file(objects)


@needs_helper
def test_odd_paths_read_alike_both_ways(tmp_path: Path) -> None:
    path = tmp_path / "odd.pdf"
    path.write_bytes(_odd_paths_pdf())
    compiled = _readings(path)
    with through_ctypes():
        assert _readings(path) == compiled
    assert compiled[0][1][0][1]  # some rulings were found
