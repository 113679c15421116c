"""The PDF reader's character loop in C (`readers/_bulkchars.c`) against the ctypes loop it
stands in for: the same raw characters and the same placed Chars, page by page, on real PDFs of
several producers. Skipped only where the helper is not built (no C compiler at install)."""

from __future__ import annotations

import importlib.util
import math
import os
import re
import shutil
import sysconfig
from pathlib import Path

import pytest
from corpus.corpusfiles import require_corpus_file
from test_pdf import _two_font_pdf, _type3_pdf

from yusuan.readers import pdfchars
from yusuan.readers.pdf import read
from yusuan.readers.pdfium.document import Document
from yusuan.readers.pdfobjects import Frame, calls, handle, page_tree

built = pytest.mark.skipif(pdfchars._bulkchars is None, reason="_bulkchars is not built")

# producers and shapes the loop meets: WPS 文字, Word, iText, PDF24 with /Rotate pages, Acrobat
# PDFMaker's Excel tables whose cells clip their text, iTextSharp
PRODUCERS = [
    "guangdong/2026年深圳市政府办公厅部门预算.pdf",
    "jiangsu/2018年省检察院部门预算公开.pdf",
    "guangdong/2026年深圳市财政局部门预算.pdf",
    "shandong/2026年烟台市统计局部门预算.pdf",
    "beijing/国有资产监督管理委员会_2026年部门预算.pdf",
    "zhejiang/2026年湖州市卫生健康委员会部门预算.pdf",
    "chongqing/2026年重庆市商务委员会部门预算.pdf",
]


HELPERS = re.findall(r'"(_bulk\w+)"', (Path(__file__).resolve().parents[2] / "setup.py")
                     .read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", HELPERS)
def test_each_helper_is_built_where_a_compiler_is_present(name: str) -> None:
    """Where the install could build them, it did: a helper that failed to build (they are
    optional) would only make its comparisons skip."""
    headers = os.path.join(sysconfig.get_paths()["include"], "Python.h")
    if not (shutil.which("cc") and os.path.exists(headers)):
        pytest.skip("no C compiler or no Python headers: the install builds no helper")
    assert importlib.util.find_spec(f"yusuan.readers.{name}") is not None, \
        f"pip install -e . again: {name} is not built"


def test_setup_names_the_four_helpers() -> None:
    assert sorted(HELPERS) == ["_bulkchars", "_bulkobjects", "_bulktables", "_bulkwords"]


def assert_pages_read_alike(path: Path) -> None:
    """Each page's raw characters (with and without the cells' clips looked for) and its
    placed Chars the same from the compiled loop and from the ctypes loop."""
    document = Document(str(path))
    try:
        for number, page in enumerate(document, 1):
            textpage = page.get_textpage()
            clipped = page_tree(page).clipped_text
            for clipped_text in {clipped, False}:
                expected = pdfchars.raw_chars(textpage, clipped_text, compiled=False)
                found = pdfchars.raw_chars(textpage, clipped_text)
                assert repr(found) == repr(expected), (path.name, number, clipped_text)
            shown = [char for char in expected if pdfchars.shown(char)]
            frame = Frame(tuple(page.get_mediabox()), pdfchars.dominant_direction(shown))
            paper = frame.box(*page.get_cropbox())
            assert (repr(pdfchars.place(shown, frame, paper))
                    == repr(pdfchars.place(shown, frame, paper, compiled=False))), (path.name, number)
            textpage.close()
            page.close()
    finally:
        document.close()


@built
@pytest.mark.parametrize("name", PRODUCERS)
def test_the_compiled_loop_reads_each_page_as_the_ctypes_loop(name) -> None:
    assert_pages_read_alike(require_corpus_file(name))


@built
@pytest.mark.parametrize("made", [
    _type3_pdf(bytes([1, 2, 3, 1, 2, 3, 2, 1])),  # codes without Unicode: U+FFFD
    _two_font_pdf(-1000),  # a broken descent: measured from the baseline
], ids=["unmapped", "broken-descent"])
def test_the_compiled_loop_reads_made_pdfs_as_the_ctypes_loop(tmp_path: Path, made: bytes
                                                                ) -> None:
    path = tmp_path / "made.pdf"
    path.write_bytes(made)
    assert_pages_read_alike(path)


@built
@pytest.mark.parametrize("shift", [0.0, 3.5])
@pytest.mark.parametrize("bounded", [True, False])
def test_the_compiled_place_leaves_out_what_lies_off_the_paper_as_python_does(
        shift, bounded) -> None:
    """Wholly beyond each edge, touching an edge, cut by one, and a NaN figure (off, as
    Python's comparisons have it); the figures as raw characters (user space, y upwards).
    Without a paper box every character is placed, the NaN one too."""
    frame = Frame((-shift, 0.0, 100.0, 100.0), 0)
    paper = frame.box(0.0, 0.0, 100.0, 100.0) if bounded else None
    boxes = [(10.0, 10.0, 20.0, 20.0), (-30.0, 10.0, -20.0, 20.0), (110.0, 10.0, 120.0, 20.0),
             (10.0, -30.0, 20.0, -20.0), (10.0, 110.0, 20.0, 120.0), (-10.0, 10.0, 0.0, 20.0),
             (95.0, 95.0, 105.0, 105.0), (math.nan, 10.0, 20.0, 20.0), (10, 10, 20, 20)]
    chars = [(0x4e00 + i, *box, 9.0, 0, False) for i, box in enumerate(boxes)]
    compiled = pdfchars.place(chars, frame, paper)
    python = pdfchars.place(chars, frame, paper, compiled=False)
    assert repr(compiled) == repr(python)
    assert [ord(char.text) - 0x4e00 for char in python] == ([0, 6, 8] if bounded else
                                                            list(range(len(boxes))))


def test_the_chosen_pdfs_hold_the_shapes_named() -> None:
    """A rotated page and a cell's clip that hides characters are among them (else the test
    above would compare nothing of them)."""
    turned = clipped = 0
    for name in PRODUCERS[3:5]:
        document = Document(str(require_corpus_file(name)))
        for page in document:
            textpage = page.get_textpage()
            raw = pdfchars.raw_chars(textpage, compiled=False)
            clipped += sum(char[6] == pdfchars.CLIPPED for char in raw)
            turned += page.get_rotation() != 0
            textpage.close()
        document.close()
    assert turned and clipped


@built
def test_the_reader_gives_the_same_source_without_the_helper(monkeypatch) -> None:
    path = require_corpus_file(PRODUCERS[3])
    compiled = read(path)
    monkeypatch.setattr(pdfchars, "_bulkchars", None)
    assert repr(read(path)) == repr(compiled)


@built
def test_bad_arguments_raise_and_a_failing_measure_is_passed_on() -> None:
    document = Document(str(require_corpus_file(PRODUCERS[0])))
    textpage = document[1].get_textpage()
    page = handle(textpage.raw).value
    addresses = pdfchars._addresses()
    ems = pdfchars.EmCache(calls(), handle(textpage.raw))
    with pytest.raises(TypeError):
        pdfchars._bulkchars.page_chars(addresses[:-1], page, False, ems.em)
    with pytest.raises(ValueError):
        pdfchars._bulkchars.page_chars((0,) * 9, page, False, ems.em)
    with pytest.raises(TypeError):
        pdfchars._bulkchars.page_chars(addresses, page, False, lambda *_: (1.0, 0))

    def refuse(*_):
        raise ArithmeticError("no em")

    with pytest.raises(ArithmeticError):
        pdfchars._bulkchars.page_chars(addresses, page, True, refuse)
    with pytest.raises(TypeError):
        pdfchars._bulkchars.place([(1, 2.0)], pdfchars.Char, pdfchars._CHAR_SLOTS, 0.0, 0.0)
    textpage.close()
    document.close()
