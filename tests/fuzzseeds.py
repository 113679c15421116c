"""Small valid documents of every format, as bytes, for the fuzz tests to mutate
(tests/readers/test_fuzz_readers.py and the long run, tools/fuzz_readers.py)."""

from __future__ import annotations

import functools
import io

from hostile import HELVETICA, _stream, pdf_bytes

TEXT = ("某县财政局2024年部门预算\n一般公共预算支出表\n单位：万元\n"
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t30.00\t30.00\t\n"
        "201\t一般公共服务支出\t30.00\t30.00\t\n")
ROWS = [line.split("\t") for line in TEXT.splitlines()[3:]]


def _xlsx() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["某县财政局2024年部门预算"])
    for row in ROWS:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("某县财政局2024年部门预算")
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _html() -> bytes:
    rows = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in ROWS)
    return (f"<html><head><meta charset='utf-8'></head><body><h1>某县财政局2024年部门预算</h1>"
            f"<table>{rows}</table></body></html>").encode()


def _pdf() -> bytes:
    content = b"BT /F1 12 Tf 72 720 Td (2024 budget) Tj 0 -20 Td (201 30.00 30.00) Tj ET"
    return pdf_bytes([(_stream(content), (612, 792))], HELVETICA)


@functools.cache
def seed_documents() -> dict[str, bytes]:
    """File suffix → a small valid document of that format."""
    return {"txt": TEXT.encode("utf-8"), "gbk.txt": TEXT.encode("gb18030"), "xlsx": _xlsx(),
            "docx": _docx(), "html": _html(), "pdf": _pdf()}
