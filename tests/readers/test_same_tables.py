"""The same disclosure as .txt, PDF, xlsx, docx and HTML yields the same tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from yusuan.pipeline import read_document

TITLE = "武汉市示例局2023年部门预算"
NARRATIVE = "2023年部门预算总收入181.68万元。"
TABLES = [
    ("一般公共预算支出表", [
        ["科目编码", "科目名称", "合计", "基本支出", "", "项目支出"],
        ["", "", "", "人员经费", "公用经费", ""],
        ["", "合计", "181.68", "172.47", "0.21", "9.00"],
        ["208", "社会保障和就业支出", "181.68", "172.47", "0.21", "9.00"],
        ["20805", "行政事业单位养老支出", "181.68", "172.47", "0.21", "9.00"],
        ["2080501", "行政单位离退休", "181.68", "172.47", "0.21", "9.00"],
    ], [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 4), (0, 5, 1, 5)]),
    ("一般公共预算“三公”经费支出表", [
        ["合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"],
        ["0.00", "0.00", "0.00", "0.00"],
    ], []),
]


def tables_of(path: Path) -> list[tuple[Any, ...]]:
    document = read_document(str(path))
    return [(table.kind, table.title, table.unit,
             [(column.key, tuple(column.header)) for column in table.columns],
             [(row.code, row.name, row.values) for row in table.rows])
            for table in document.tables]


def write_text(path: Path) -> None:
    lines = [TITLE, ""]
    for title, rows, _ in TABLES:
        lines += [title, "单位：万元", *("\t".join(row) for row in rows), ""]
    lines.append(NARRATIVE)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_pdf(path: Path, font: str, grid: Any) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    canvas.setFont(font, 12)
    canvas.drawString(60, 800, TITLE)
    top = 770
    for title, rows, spans in TABLES:
        canvas.setFont(font, 10)
        canvas.drawString(60, top, title)
        canvas.drawString(60, top - 16, "单位：万元")
        widths = [60, 120, 60, 60, 60, 60][:len(rows[0])] if len(rows[0]) == 6 else [90, 110, 130, 90]
        top = grid(canvas, 60, top - 24, widths, rows, spans=spans) - 30
    canvas.setFont(font, 10)
    canvas.drawString(60, top, NARRATIVE)
    canvas.save()


def write_xlsx(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([TITLE])
    sheet.append([])
    for title, rows, _ in TABLES:
        sheet.append([title])
        sheet.append(["单位：万元"])
        for row in rows:
            sheet.append([_number(cell) for cell in row])
            for cell in sheet[sheet.max_row]:
                cell.number_format = "#,##0.00"
        sheet.append([])
    sheet.append([NARRATIVE])
    book.save(path)


def _number(cell: str) -> Any:
    """Amounts as numbers (codes stay text, as budget systems export them)."""
    return float(cell) if "." in cell else (cell or None)


def write_docx(path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph(TITLE)
    for title, rows, spans in TABLES:
        document.add_paragraph(title)
        document.add_paragraph("单位：万元")
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        for r0, c0, r1, c1 in spans:
            text = rows[r0][c0]
            merged = table.cell(r0, c0).merge(table.cell(r1, c1))
            merged.text = text
    document.add_paragraph(NARRATIVE)
    document.save(path)


def write_html(path: Path) -> None:
    parts = [f"<html><head><meta charset='gbk'></head><body><h1>{TITLE}</h1>"]
    for title, rows, spans in TABLES:
        parts.append(f"<h3>{title}</h3><p>单位：万元</p><table border=1>")
        starts = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in spans}
        covered = {(r, c) for r0, c0, r1, c1 in spans for r in range(r0, r1 + 1)
                   for c in range(c0, c1 + 1)} - set(starts)
        for r, row in enumerate(rows):
            cells = []
            for c, text in enumerate(row):
                if (r, c) in covered:
                    continue
                rowspan, colspan = starts.get((r, c), (1, 1))
                cells.append(f"<td rowspan={rowspan} colspan={colspan}>{text}</td>")
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</table>")
    parts.append(f"<p>{NARRATIVE}</p></body></html>")
    path.write_bytes("".join(parts).encode("gbk"))


@pytest.fixture
def expected(tmp_path: Path) -> list[tuple[Any, ...]]:
    path = tmp_path / "same.txt"
    write_text(path)
    tables = tables_of(path)
    assert [table[1] for table in tables] == [title for title, _, _ in TABLES]
    assert all(table[4] for table in tables)
    return tables


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "docx", "html"])
def test_same_tables_as_text(tmp_path: Path, expected: list[tuple[Any, ...]], fmt: str,
                             cjk_font: str, grid: Any) -> None:
    path = tmp_path / f"same.{fmt}"
    if fmt == "pdf":
        write_pdf(path, cjk_font, grid)
    else:
        {"xlsx": write_xlsx, "docx": write_docx, "html": write_html}[fmt](path)
    assert tables_of(path) == expected
