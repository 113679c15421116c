"""`check FILE.pdf --format pdf -o annotated.pdf`: a copy of the PDF with a highlight
annotation on every cited figure, the findings that cite it as its note — the file an
auditor passes back to the department.

The annotations are added with PDFium, which writes the file anew (an incremental update
would repeat every object PDFium parsed to find the figures, doubling the file). One highlight per cited figure; where
several findings cite the same figure, its note holds each of their messages. The file is
written to a temporary file beside the target and renamed over it, whole or not at all.
"""

from __future__ import annotations

import ctypes
import os
import tempfile
from pathlib import Path
from typing import Any

from yusuan.errors import InputError
from yusuan.report.i18n import finding_message, severity_label
from yusuan.report.pages.boxes import Box, boxes_on_page
from yusuan.report.pages.cited import CitedLocation, cited_locations

AUTHOR = "yusuan"
HIGHLIGHT = (255, 214, 0, 255)  # RGBA: the yellow of a highlighter


def write_annotated(path: str | Path, bundle: dict[str, Any], target: str | Path,
                    lang: str = "zh") -> int:
    """Write the annotated copy of `path` to `target`; the number of highlights made."""
    from yusuan.readers.pdf import pypdfium2_document

    notes = figure_notes(bundle, lang)
    target = Path(target)
    with pypdfium2_document(path) as document:
        count = 0
        for number, located in sorted(cited_by_page(bundle).items()):
            if 1 <= number <= len(document):
                count += annotate_page(document[number - 1], located, notes)
        save_whole(document, target)
    return count


def cited_by_page(bundle: dict[str, Any]) -> dict[int, list[CitedLocation]]:
    pages: dict[int, list[CitedLocation]] = {}
    for item in cited_locations(bundle):
        pages.setdefault(item.cited.page, []).append(item)
    return pages


def figure_notes(bundle: dict[str, Any], lang: str) -> list[str]:
    """Each finding's note: its severity, its rule and its message."""
    return [f"【{severity_label(f['severity'], lang)}】{f['rule']}：{finding_message(f, lang)}"
            for f in bundle["check"]["findings"]]


def annotate_page(page: Any, located: list[CitedLocation], notes: list[str]) -> int:
    """Highlight each distinct box cited on the page; the number of highlights."""
    try:
        boxes = boxes_on_page(page, [item.cited for item in located])
        by_box: dict[Box, list[str]] = {}
        for item, box in zip(located, boxes, strict=True):
            if box is not None:
                texts = by_box.setdefault(box, [])
                if notes[item.finding] not in texts:
                    texts.append(notes[item.finding])
        for box, texts in by_box.items():
            add_highlight(page, box, "\n".join(texts))
        return len(by_box)
    finally:
        page.close()


def add_highlight(page: Any, box: Box, note: str) -> None:
    """One highlight annotation over `box` (user space) with `note` as its contents."""
    import pypdfium2.raw as pdfium_c

    annot = pdfium_c.FPDFPage_CreateAnnot(page.raw, pdfium_c.FPDF_ANNOT_HIGHLIGHT)
    if not annot:
        return
    try:
        quad = pdfium_c.FS_QUADPOINTSF(box.left, box.top, box.right, box.top,
                                       box.left, box.bottom, box.right, box.bottom)
        pdfium_c.FPDFAnnot_AppendAttachmentPoints(annot, ctypes.byref(quad))
        rect = pdfium_c.FS_RECTF(box.left, box.top, box.right, box.bottom)
        pdfium_c.FPDFAnnot_SetRect(annot, ctypes.byref(rect))
        pdfium_c.FPDFAnnot_SetColor(annot, pdfium_c.FPDFANNOT_COLORTYPE_Color, *HIGHLIGHT)
        pdfium_c.FPDFAnnot_SetFlags(annot, pdfium_c.FPDF_ANNOT_FLAG_PRINT)
        set_string(annot, b"Contents", note)
        set_string(annot, b"T", AUTHOR)
    finally:
        pdfium_c.FPDFPage_CloseAnnot(annot)


def set_string(annot: Any, key: bytes, text: str) -> None:
    import pypdfium2.raw as pdfium_c

    encoded = (text + "\0").encode("utf-16-le")
    buffer = ctypes.create_string_buffer(encoded, len(encoded))
    pdfium_c.FPDFAnnot_SetStringValue(annot, key, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))


def save_whole(document: Any, target: Path) -> None:
    """Save the document to `target` through a temporary file, with the permissions the
    old file had or a new one gets."""
    from yusuan.output import mode_for

    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                             suffix=".tmp")
        os.close(handle)
        try:
            document.save(temporary)
            os.chmod(temporary, mode_for(target))
            os.replace(temporary, target)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except OSError as error:
        raise InputError(f"无法写入 {target}：{error.strerror or error}。",
                         f"cannot write {target}: {error.strerror or error}.") from None
