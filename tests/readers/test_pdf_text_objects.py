"""What a page's characters take from their text objects' clips: asked only on a page where a
text object has one, and read once per set of paths the objects share."""

from __future__ import annotations

from typing import Any

import pytest

from yusuan.readers import pdfchars
from yusuan.readers.pdfium.document import Document
from yusuan.readers.pdfobjects import calls, handle, page_tree


@pytest.fixture
def clipped_pdf(pdf_canvas, cjk_font: str) -> Any:
    """One page: two lines clipped to the text area, cells each in a clip of its own (one of
    them with its characters set one text object each), in five font sizes, and two cells
    clipped inside one clip."""

    canvas, path = pdf_canvas("clips.pdf")
    canvas.saveState()
    area = canvas.beginPath()
    area.rect(50, 700, 100, 90)  # PDFium drops a clip its object lies wholly inside
    canvas.clipPath(area, stroke=0, fill=0)
    canvas.setFont(cjk_font, 12)
    canvas.drawString(60, 760, "一般公共预算支出表")
    canvas.setFont(cjk_font, 10)
    canvas.drawString(60, 740, "单位：万元（按功能分类科目）")
    canvas.restoreState()
    for index, (size, start, step, text) in enumerate((
            (9, 3, 0, "1、人员经费和公用经费支出"), (8, -20, 0, "2,022.39"), (11, -5, 90, "项目"))):
        canvas.saveState()
        cell = canvas.beginPath()
        cell.rect(60 + 100 * index, 600, 90, 18)
        canvas.clipPath(cell, stroke=0, fill=0)
        canvas.setFont(cjk_font, size)
        if step:
            for offset, char in enumerate(text):
                canvas.drawString(60 + 100 * index + start + step * offset, 605, char)
        else:
            canvas.drawString(60 + 100 * index + start, 605, text)
        canvas.restoreState()
    canvas.saveState()  # two cells clipped inside one clip: their clips share its path
    outer = canvas.beginPath()
    outer.rect(50, 540, 400, 40)
    canvas.clipPath(outer, stroke=0, fill=0)
    for left in (60, 160):
        canvas.saveState()
        cell = canvas.beginPath()
        cell.rect(left, 550, 90, 18)
        canvas.clipPath(cell, stroke=0, fill=0)
        canvas.setFont(cjk_font, 9)
        canvas.drawString(left + 3, 555, "行政事业单位养老支出")
        canvas.restoreState()
    canvas.restoreState()
    canvas.save()
    document = Document(str(path))
    page = document[0]
    textpage = page.get_textpage()
    yield page, textpage
    textpage.close()
    page.close()
    document.close()


def _owners(textpage: Any) -> list[int]:
    pdfium, page = calls(), handle(textpage.raw)
    found = []
    for index in range(pdfium.FPDFText_CountChars(page)):
        owner = pdfium.FPDFText_GetTextObject(page, index)
        if owner and owner not in found:
            found.append(owner)
    return found


def test_a_page_whose_text_has_a_clip_is_told_from_one_whose_text_has_none(
        clipped_pdf, pdf_canvas, cjk_font) -> None:

    page, _ = clipped_pdf
    assert page_tree(page).clipped_text
    canvas, path = pdf_canvas("inside.pdf")
    canvas.saveState()
    area = canvas.beginPath()
    area.rect(50, 50, 495, 740)  # the text lies wholly inside: PDFium drops the clip
    canvas.clipPath(area, stroke=0, fill=0)
    canvas.setFont(cjk_font, 12)
    canvas.drawString(60, 760, "一般公共预算支出表")
    canvas.restoreState()
    canvas.save()
    document = Document(str(path))
    try:
        assert not page_tree(document[0]).clipped_text
    finally:
        document.close()


def test_without_clipped_text_the_characters_are_those_read_with_their_owners(
        clipped_pdf, monkeypatch) -> None:
    """Where no text object has a clip, skipping the per-character owners changes nothing;
    where one has, the cells' overflow is what tells them apart."""
    _, textpage = clipped_pdf
    with_owners = pdfchars.raw_chars(textpage, True)
    without = pdfchars.raw_chars(textpage, False)
    assert [c for c in without if c not in with_owners]  # the hidden '目' and '费支出'
    monkeypatch.setattr(pdfchars, "_clip_reader", lambda pdfium, use_c: lambda owner: None)
    assert pdfchars.raw_chars(textpage, True) == without


def test_a_shared_clip_is_read_once_and_alike_the_calls(clipped_pdf, monkeypatch) -> None:
    _, textpage = clipped_pdf
    pdfium = calls()
    owners = _owners(textpage)
    read: list[int] = []
    by_call = pdfchars._clip_by_calls

    def counted(pdfium: Any, owner: int) -> Any:
        read.append(owner)
        return by_call(pdfium, owner)

    expected = [by_call(pdfium, owner) for owner in owners]
    monkeypatch.setattr(pdfchars, "_clip_by_calls", counted)
    clips = pdfchars.SharedClips(pdfium)
    assert [clips.clip(owner) for owner in owners] == expected
    assert len(owners) == 2 + 2 + 2 + 2  # two lines, two cells of one object, one of two, two
    assert len(set(expected)) == 6  # the text area and five cells
    assert (60.0, 550.0, 150.0, 568.0) in expected and (160.0, 550.0, 250.0, 568.0) in expected
    assert len(read) == 6


def test_the_cells_overflow_is_hidden_with_clips_read_once_per_shared_clip(clipped_pdf) -> None:
    page, textpage = clipped_pdf
    chars, _ = pdfchars.read_text(page, textpage)
    cells = "".join(char.text for char in chars if char.top > 200)
    assert cells == "1、人员经费和公用经2,022.39项" + "行政事业单位养老支出" * 2


def _raw(char: str, middle_x: float, size: float = 9.0) -> pdfchars.RawChar:
    return (ord(char), middle_x - 2, 3.0, middle_x + 2, 7.0, size, 0, False)


def test_overflow_is_judged_per_clip_whatever_the_order_of_the_objects() -> None:
    """Objects 1 and 3 share one cell's clip and object 1's characters come in two runs; a
    character outside is hidden unless all are, the clip is taller than a cell, or it is a
    digit; an object without a clip (2) or with none known (None) is left alone."""
    cell, tall, other = (0.0, 0.0, 10.0, 10.0), (0.0, 0.0, 10.0, 100.0), (20.0, 0.0, 30.0, 10.0)
    clips = {1: cell, 2: None, 3: cell, 4: tall, 5: other, 6: other}
    chars = [_raw("甲", 5), _raw("乙", 15), _raw("丙", 40), _raw("丁", 12), _raw("戊", 8),
             _raw("己", 15), _raw("庚", 5), _raw("辛", 25), _raw("9", 35), _raw("壬", 25)]
    owners = [1, 1, 2, 3, 1, 4, 4, None, 5, 6]
    asked: list[int] = []

    def clip_of(owner: int) -> Any:
        asked.append(owner)
        return clips[owner]

    shown = pdfchars.hide_cell_overflow(clip_of, chars, owners)
    hidden = [chr(char[0]) for char in shown if char[6] == pdfchars.CLIPPED]
    assert hidden == ["乙", "丁"]  # the tall clip's and the digit's clip hide nothing
    assert [char[:6] for char in shown] == [char[:6] for char in chars]
    assert sorted(asked) == [1, 2, 3, 4, 5, 6]  # each object's clip asked once
