"""Spreadsheet (openpyxl-written .xlsx) and Word (python-docx-written .docx) readers."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from yusuan.errors import InputError
from yusuan.readers import read_source
from yusuan.readers.spreadsheet import format_value


def texts(path: Path) -> list[str]:
    return [line.text for line in read_source(str(path)).lines]


def make_workbook(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "收支总表"
    sheet["A1"] = "一般公共预算支出表"
    sheet.merge_cells("A1:E1")
    sheet["E2"] = "单位：万元"
    sheet.append(["科目编码", "科目名称", "基本支出", None, "项目支出"])
    sheet.append([None, None, "人员经费", "公用经费", None])
    sheet.merge_cells("C3:D3")
    sheet.merge_cells("A3:A4")
    sheet.append([208, "社会保障和就业支出", 172.47, 0.21, 0])
    sheet.append([2080501, "行政单位离退休", 9, None, "2,121.66"])
    sheet.append([2101101, "行政单位医疗", 63.4, 0.1 + 0.2, 1540.6200000000001])
    for row in sheet.iter_rows(min_row=5, min_col=3, max_col=5):
        for cell in row:
            cell.number_format = "0.00"
    sheet["E7"].number_format = "#,##0.00"
    sheet.append([])
    sheet.append(["一般公共预算“三公”经费支出表"])
    sheet.append(["合计", "因公出国（境）费", "公务接待费"])
    sheet.append([0, 0, 0])
    other = book.create_sheet("项目支出表")
    other.append(["项目名称", "金额"])
    other.append(["打击欺诈骗保监督检查工作经费", 20])
    other.append(["增长率", 0.2102])
    other["B3"].number_format = "0.00%"
    book.create_sheet("空表")
    book.save(path)


def test_xlsx_sheets_rows_and_numbers(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    make_workbook(path)
    source = read_source(str(path))
    assert source.format == "xlsx"
    assert [line.text for line in source.lines] == [
        "一般公共预算支出表",
        "单位：万元",
        "科目编码\t科目名称\t基本支出\t\t项目支出",
        "\t\t人员经费\t公用经费\t",
        "208\t社会保障和就业支出\t172.47\t0.21\t0.00",
        "2080501\t行政单位离退休\t9.00\t\t2,121.66",
        "2101101\t行政单位医疗\t63.40\t0.30\t1,540.62",
        "",
        "一般公共预算“三公”经费支出表",
        "合计\t因公出国（境）费\t公务接待费",
        "0\t0\t0",
        "",
        "项目名称\t金额",
        "打击欺诈骗保监督检查工作经费\t20",
        "增长率\t21.02%",
    ]
    assert [line.number for line in source.lines] == list(range(1, 16))


def test_format_value_drops_binary_noise() -> None:
    assert format_value(2121.6600000001) == "2121.66"
    assert format_value(9.0, 2) == "9.00"
    assert format_value(7, 0) == "7"
    assert format_value(0.1 + 0.2, 2) == "0.30"
    assert format_value(" 收 入 总 计 ") == "收入总计"
    assert format_value(None) == ""


def test_a_grid_row_with_one_text_keeps_its_column() -> None:
    """Inside a grid, a row whose only text stands in a later column (a 支出 item with no
    amount on the right of a two-sided table) is a row of the grid, not a title line; a title
    above the grid, the 单位 line in its last column and a note below stay plain lines."""
    from yusuan.readers.spreadsheet import sheet_lines

    rows: list[list[object]] = [
        ["表1 部门收支总表", None, None, None],
        [None, None, None, "单位：万元"],
        ["项 目", "预算数", "项 目", "预算数"],
        ["一、一般公共预算拨款收入", 557.0, "一、一般公共服务支出", None],
        [None, None, "二、外交支出", None],
        ["  2. 政府性基金", None, None, None],
        [None, None, "三、住房保障支出", 557.0],
        ["注：本表无上年结转。", None, None, None],
    ]
    assert sheet_lines(rows) == [
        "表1 部门收支总表",
        "单位：万元",
        "项目\t预算数\t项目\t预算数",
        "一、一般公共预算拨款收入\t557\t一、一般公共服务支出\t",
        "\t\t二、外交支出\t",
        "2. 政府性基金",
        "\t\t三、住房保障支出\t557",
        "注：本表无上年结转。",
    ]


@pytest.mark.parametrize(("name", "data"), [
    ("broken.xlsx", b"PK\x03\x04" + b"\x00" * 200),
    ("broken.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
])
def test_damaged_workbook_is_an_input_error(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=name.replace(".", r"\.")) as error:
        read_source(str(path))
    assert "\n" not in str(error.value)


def test_workbook_with_nothing_in_it(tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "empty.xlsx"
    Workbook().save(path)
    with pytest.raises(InputError, match="单元格都为空"):
        read_source(str(path))


def test_encrypted_office_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500
                     + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 500)
    with pytest.raises(InputError, match="密码保护"):
        read_source(str(path))


def make_docx(path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_heading("第一部分 部门概况", level=1)
    paragraph = document.add_paragraph("2023年部门预算总收入2121.66万元，")
    paragraph.add_run().add_break()
    paragraph.add_run("比上年增长21.02%。")
    document.add_paragraph("一般公共预算支出表")
    document.add_paragraph("单位：万元")
    table = document.add_table(rows=4, cols=4)
    cells = [["科目编码", "科目名称", "基本支出", ""], ["", "", "人员经费", "公用经费"],
             ["208", "社会保障和\n就业支出", "172.47", "0.21"], ["", "", "", ""]]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 2).merge(table.cell(0, 3))
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 1).merge(table.cell(1, 1))
    table.cell(0, 0).text = "科目编码"
    table.cell(0, 1).text = "科目名称"
    table.cell(0, 2).text = "基本支出"
    document.add_paragraph("")
    document.add_paragraph("第二部分 公开表格")
    document.save(path)


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    path = tmp_path / "budget.docx"
    make_docx(path)
    source = read_source(str(path))
    assert source.format == "docx"
    assert [line.text for line in source.lines] == [
        "第一部分 部门概况",
        "2023年部门预算总收入2121.66万元，",
        "比上年增长21.02%。",
        "一般公共预算支出表",
        "单位：万元",
        "科目编码\t科目名称\t基本支出\t",
        "\t\t人员经费\t公用经费",
        "208\t社会保障和就业支出\t172.47\t0.21",
        "",
        "第二部分 公开表格",
    ]


def test_damaged_docx_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<not-xml")
    with pytest.raises(InputError, match=r"broken\.docx"):
        read_source(str(path))


def test_zip_that_is_neither_word_nor_excel(tmp_path: Path) -> None:
    path = tmp_path / "archive.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(InputError, match="既不是"):
        read_source(str(path))


def test_old_word_doc_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500
                     + "WordDocument".encode("utf-16-le") + b"\x00" * 100)
    with pytest.raises(InputError, match=r"\.docx"):
        read_source(str(path))
