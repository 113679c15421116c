"""`check FILE.pdf --format pdf -o annotated.pdf`: a copy of the PDF with a highlight on every
cited figure, the finding as its note; the highlights sit on the cited characters (PDFium's
text inside each annotation's rectangle is the figure). Other input is refused."""

from __future__ import annotations

import ctypes
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest


def run_yusuan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "yusuan.cli", *args], capture_output=True,
                          text=True, timeout=300, check=False)


def annotations(path: Path) -> list[tuple[int, str, tuple[float, ...], str]]:
    """(page, subtype, rect as left, bottom, right, top, contents) of every annotation."""
    out = []
    document = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(document)):
            page = document[index]
            for number in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
                annot = pdfium_c.FPDFPage_GetAnnot(page.raw, number)
                rect = pdfium_c.FS_RECTF()
                pdfium_c.FPDFAnnot_GetRect(annot, ctypes.byref(rect))
                size = pdfium_c.FPDFAnnot_GetStringValue(annot, b"Contents", None, 0)
                buffer = ctypes.create_string_buffer(size)
                pdfium_c.FPDFAnnot_GetStringValue(annot, b"Contents", ctypes.cast(
                    buffer, ctypes.POINTER(ctypes.c_ushort)), size)
                contents = buffer.raw.decode("utf-16-le").rstrip("\0")
                subtype = "highlight" if pdfium_c.FPDFAnnot_GetSubtype(annot) == \
                    pdfium_c.FPDF_ANNOT_HIGHLIGHT else "other"
                out.append((index + 1, subtype, (rect.left, rect.bottom, rect.right, rect.top),
                            contents))
                pdfium_c.FPDFPage_CloseAnnot(annot)
    finally:
        document.close()
    return out


def text_under(path: Path, page: int, rect: tuple[float, ...]) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        textpage = document[page - 1].get_textpage()
        left, bottom, right, top = rect
        text = textpage.get_text_bounded(left + 0.5, bottom + 0.5, right - 0.5, top - 0.5)
    finally:
        document.close()
    return "".join(text.split())


def page_texts(path: Path) -> list[str]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


@pytest.fixture(scope="module")
def annotated(wrong_pdf: Path) -> Path:
    out = wrong_pdf.with_name("annotated.pdf")
    result = run_yusuan("check", str(wrong_pdf), "--format", "pdf", "-o", str(out))
    assert result.returncode == 1, result.stderr  # it holds an error
    return out


def test_the_copy_keeps_the_original_and_highlights_the_cited_figures(
        annotated: Path, wrong_pdf: Path) -> None:
    assert page_texts(annotated) == page_texts(wrong_pdf)
    found = annotations(annotated)
    assert found and {subtype for _, subtype, _, _ in found} == {"highlight"}
    narrative = [(page, text_under(annotated, page, rect)) for page, _, rect, note in found
                 if "NARRATIVE.TABLE" in note and "公用经费 59.09万元" in note]
    assert sorted(text for _, text in narrative) == ["57.09", "59.09"]
    assert len({page for page, _ in narrative}) == 2  # the narrative's page and the table's


def test_each_highlight_holds_what_its_finding_cites(annotated: Path) -> None:
    for page, _, rect, note in annotations(annotated):
        under = text_under(annotated, page, rect)
        assert under and note.startswith("【"), (page, rect, note)
        if "NARRATIVE.TABLE" in note:
            assert under in ("59.09", "57.09")


def test_other_input_is_refused_in_one_sentence_and_nothing_written(tmp_path: Path) -> None:
    text = tmp_path / "budget.txt"
    text.write_text("一般公共预算支出表\n单位：万元\n合计\t1.00\n", encoding="utf-8")
    out = tmp_path / "annotated.pdf"
    result = run_yusuan("check", str(text), "--format", "pdf", "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.strip() == ("yusuan: budget.txt 不是 PDF 文件，--format pdf 只能为 PDF 加批注。")
    assert not out.exists() and list(tmp_path.iterdir()) == [text]


def test_without_an_output_file_it_is_refused(wrong_pdf: Path) -> None:
    result = run_yusuan("check", str(wrong_pdf), "--format", "pdf")
    assert result.returncode == 2 and result.stderr.strip() == "yusuan: pdf 格式须用 -o 指定输出文件。"
    assert not result.stdout


def test_an_unwritable_target_is_said_and_nothing_left(wrong_pdf: Path, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "annotated.pdf"
    result = run_yusuan("check", str(wrong_pdf), "--format", "pdf", "-o", str(out))
    assert result.returncode == 2 and result.stderr.startswith(f"yusuan: 无法写入 {out}")
    assert "Traceback" not in result.stderr and not out.parent.exists()


def test_files_read_together_are_refused(wrong_pdf: Path, tmp_path: Path) -> None:
    out = tmp_path / "annotated.pdf"
    result = run_yusuan("check", str(wrong_pdf), str(wrong_pdf), "--together", "--format", "pdf",
                        "-o", str(out))
    assert result.returncode == 2 and not out.exists()
    assert result.stderr.strip() == "yusuan: --format pdf 一次只批注一个 PDF 文件，不能与 --together 合用。"
