"""What the command line asks of the pages: the HTML report's rendered pages, and the
annotated PDF of `check --format pdf` with its refusals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from yusuan.errors import InputError
from yusuan.model import Document


def with_pages(bundle: dict[str, Any], path: str | None = None) -> dict[str, Any]:
    """The bundle of one PDF with its cited pages rendered (`pages`), read from `path` or the
    path the bundle names; as it was for any other bundle, one that has its pages already (the
    web app renders them when it checks the upload), or when PDFium cannot render a page the
    reader read (the report then shows no pages)."""
    source = bundle["check"]["source"]
    if "pages" in bundle or source.get("format") != "pdf" or source.get("parts"):
        return bundle
    pdf = Path(path or source.get("path", ""))
    if not pdf.is_file():
        return bundle
    from pypdfium2 import PdfiumError

    from yusuan.report.pages.images import page_views

    try:
        return {**bundle, "pages": page_views(pdf, bundle)}
    except (PdfiumError, OSError):
        return bundle


def refuse_before_reading(files: list[str], output: str | None) -> None:
    """--format pdf annotates one PDF into a file named with -o."""
    if not output:
        raise InputError("pdf 格式须用 -o 指定输出文件。", "--format pdf needs -o FILE.")
    if len(files) != 1:
        raise InputError("--format pdf 一次只批注一个 PDF 文件，不能与 --together 合用。",
                         "--format pdf annotates one PDF file at a time, not files read --together.")


def write_pdf(document: Document, bundle: dict[str, Any], path: str, output: str,
              lang: str) -> None:
    """The annotated copy of the PDF that was checked; a file of another format is refused."""
    from yusuan.report.pages.annotate import write_annotated

    if document.source.format != "pdf":
        raise InputError(f"{Path(path).name} 不是 PDF 文件，--format pdf 只能为 PDF 加批注。",
                         f"{Path(path).name} is not a PDF; --format pdf annotates PDF files only.")
    write_annotated(path, bundle, output, lang)
