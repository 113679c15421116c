"""PDF reader on real PDFs written by reportlab with a CJK font."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hostile import pdf_file

from yusuan.errors import InputError
from yusuan.readers import pdf as pdf_reader
from yusuan.readers import read_source
from yusuan.readers.pdfpage import page_state

HEADER = [["科目编码", "科目名称", "合计", "基本支出", "", "项目支出"],
          ["", "", "", "人员经费", "公用经费", ""]]
SPANS = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 4), (0, 5, 1, 5)]
WIDTHS = [60, 120, 60, 60, 60, 60]
HEADER_LINES = ["科目编码\t科目名称\t合计\t基本支出\t\t项目支出", "\t\t\t人员经费\t公用经费\t"]


def texts(path: Path) -> list[str]:
    return [line.text for line in read_source(str(path)).lines]


def test_ruled_table_with_merged_header_and_text(pdf_canvas, grid, cjk_font) -> None:
    canvas, path = pdf_canvas("ruled.pdf")
    canvas.drawString(60, 800, "一般公共预算支出表")
    canvas.drawString(60, 784, "单位：万元")
    rows = [*HEADER, ["208", "社会保障和就业支出", "172.68", "172.47", "0.21", ""],
            ["2080501", "行政单位离退休", "9.00", "9.00", "", "0.00"]]
    bottom = grid(canvas, 60, 770, WIDTHS, rows, spans=SPANS)
    canvas.setFont(cjk_font, 10)
    canvas.drawString(60, bottom - 30, "2023年部门预算总收入2121.66万元。")
    canvas.save()
    assert texts(path) == [
        "一般公共预算支出表",
        "单位：万元",
        *HEADER_LINES,
        "208\t社会保障和就业支出\t172.68\t172.47\t0.21\t",
        "2080501\t行政单位离退休\t9.00\t9.00\t\t0.00",
        "2023年部门预算总收入2121.66万元。",
    ]
    source = read_source(str(path))
    assert source.format == "pdf" and source.pages == 1
    assert {line.page for line in source.lines} == {1}
    assert [line.number for line in source.lines] == list(range(1, 8))


def test_unruled_table_keeps_columns_apart(pdf_canvas, grid) -> None:
    canvas, path = pdf_canvas("unruled.pdf")
    rows = [["项目", "预算数", "项目", "预算数"],
            ["一般公共预算拨款收入", "933.79", "卫生健康支出", "836.65"]]
    grid(canvas, 60, 800, [130, 70, 110, 70], rows, ruled=False)
    canvas.save()
    lines = texts(path)
    assert [re.split(r" {2,}", line) for line in lines] == rows


def test_letter_spacing_removed_between_han_only(pdf_canvas) -> None:
    canvas, path = pdf_canvas("spaced.pdf")
    canvas.drawString(60, 800, "收支总表", charSpace=8)
    canvas.drawString(60, 780, "第一部分 部门概况")
    canvas.save()
    assert texts(path) == ["收支总表", "第一部分 部门概况"]


def test_table_over_two_pages_reads_as_one(pdf_canvas, grid, cjk_font) -> None:
    canvas, path = pdf_canvas("continued.pdf")
    canvas.drawString(60, 800, "一般公共预算支出表")
    canvas.drawString(60, 784, "单位：万元")
    first = [["2080501", "行政单位离退休", "9.00", "9.00", "", "0.00"],
             ["2080502", "事业单位离退休", "21.21", "21.00", "0.21", "0.00"]]
    grid(canvas, 60, 770, WIDTHS, [*HEADER, *first], spans=SPANS)
    canvas.setFont(cjk_font, 10)
    canvas.drawString(290, 40, "- 1 -")
    canvas.showPage()
    canvas.setFont(cjk_font, 10)
    canvas.drawString(60, 800, "续表")
    second = [["2101101", "行政单位医疗", "63.40", "63.40", "", "0.00"],
              ["", "合计", "93.61", "93.40", "0.21", "0.00"]]
    bottom = grid(canvas, 60, 786, WIDTHS, [*HEADER, *second], spans=SPANS)
    canvas.setFont(cjk_font, 10)
    canvas.drawString(60, bottom - 30, "注：本表无政府性基金。")
    canvas.drawString(290, 40, "- 2 -")
    canvas.save()
    source = read_source(str(path))
    assert [line.text for line in source.lines] == [
        "一般公共预算支出表",
        "单位：万元",
        *HEADER_LINES,
        "2080501\t行政单位离退休\t9.00\t9.00\t\t0.00",
        "2080502\t事业单位离退休\t21.21\t21.00\t0.21\t0.00",
        "2101101\t行政单位医疗\t63.40\t63.40\t\t0.00",
        "\t合计\t93.61\t93.40\t0.21\t0.00",
        "注：本表无政府性基金。",
        "- 2 -",
    ]
    assert [line.page for line in source.lines] == [1, 1, 1, 1, 1, 1, 2, 2, 2, 2]


def test_row_split_by_page_break_is_joined(pdf_canvas, grid, cjk_font) -> None:
    canvas, path = pdf_canvas("split.pdf")
    widths = [60, 120, 60, 60]
    header = [["科目编码", "科目名称", "合计", "基本支出"]]
    grid(canvas, 60, 800, widths, [*header, ["208", "社会保障和就业支出", "9.00", "9.00"],
                                   ["2080501", "行政单位离", "", ""]])
    canvas.showPage()
    grid(canvas, 60, 800, widths, [*header, ["", "退休", "9.00", "9.00"],
                                   ["2080502", "事业单位离退休", "0.00", "0.00"]])
    canvas.save()
    assert texts(path) == [
        "科目编码\t科目名称\t合计\t基本支出",
        "208\t社会保障和就业支出\t9.00\t9.00",
        "2080501\t行政单位离退休\t9.00\t9.00",
        "2080502\t事业单位离退休\t0.00\t0.00",
    ]


def test_a_new_table_on_the_next_page_is_not_joined(pdf_canvas, grid, cjk_font) -> None:
    canvas, path = pdf_canvas("two_tables.pdf")
    widths = [80, 80]
    grid(canvas, 60, 800, widths, [["项目", "金额"], ["合计", "1.00"]])
    canvas.showPage()
    canvas.setFont(cjk_font, 10)
    canvas.drawString(60, 810, "政府性基金预算支出表")
    grid(canvas, 60, 800, widths, [["项目", "金额"], ["合计", "2.00"]])
    canvas.save()
    assert texts(path) == ["项目\t金额", "合计\t1.00", "政府性基金预算支出表", "项目\t金额",
                           "合计\t2.00"]


def test_encrypted_pdf_is_an_input_error(pdf_canvas) -> None:
    canvas, path = pdf_canvas("locked.pdf", encrypt="secret")
    canvas.drawString(60, 800, "收支总表")
    canvas.save()
    with pytest.raises(InputError, match="加密的 PDF"):
        read_source(str(path))


@pytest.mark.parametrize("data", [b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%garbage",
                                  b"%PDF-1.4\n" + bytes(range(256)) * 20])
def test_corrupt_pdf_is_an_input_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError, match="broken.pdf") as error:
        read_source(str(path))
    assert "\n" not in str(error.value)


def test_blank_pdf_is_an_input_error(pdf_canvas) -> None:
    canvas, path = pdf_canvas("blank.pdf")
    canvas.showPage()
    canvas.save()
    with pytest.raises(InputError, match="没有文字"):
        read_source(str(path))


def _scan_image(tmp_path: Path) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(image).rectangle((20, 20, 380, 180), outline="black", width=3)
    target = tmp_path / "scan.png"
    image.save(target)
    return target


def test_scanned_pages_without_ocr(pdf_canvas, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(pdf_reader.ocr, "available", lambda: False)
    image = _scan_image(tmp_path)
    canvas, only_scan = pdf_canvas("scan.pdf")
    canvas.drawImage(str(image), 60, 500, 400, 200)
    canvas.save()
    with pytest.raises(InputError, match=r"第 1 页没有文字层.*pip install yusuan\[ocr\]"):
        read_source(str(only_scan))

    canvas, mixed = pdf_canvas("mixed.pdf")
    canvas.drawString(60, 800, "第一部分 部门概况")
    for _ in range(3):
        canvas.showPage()
        canvas.drawImage(str(image), 60, 500, 400, 200)
    canvas.save()
    source = read_source(str(mixed))
    assert [line.text for line in source.lines] == ["第一部分 部门概况"]
    assert source.notes == [("第 2-4 页没有可用的文字层，未读取；用 `pip install yusuan[ocr]` "
                             "安装文字识别后可读取这些页。")]


def test_page_state_recognises_cid_garbage_and_scans() -> None:
    assert page_state(["(cid:12)", "(cid:7)", "1", "(cid:9)"], 0) == "garbage"
    assert page_state(["\ufffd", "\ufffd", "1"], 0) == "garbage"
    assert page_state(["\x03", "\x05", "\x11"], 0) == "garbage"
    assert page_state([], 1) == "scan"
    assert page_state([], 0) == "empty"
    assert page_state(["收", "入", "(cid:3)", "合", "计"], 0) == "ok"


def test_text_command_numbers_pdf_lines_within_pages(pdf_canvas, capsys) -> None:
    from yusuan.cli import main

    canvas, path = pdf_canvas("pages.pdf")
    canvas.drawString(60, 800, "第一部分 部门概况")
    canvas.drawString(60, 780, "一、主要职能")
    canvas.showPage()
    canvas.setFont("Helvetica", 10)
    canvas.drawString(60, 800, "2023")
    canvas.save()
    assert main(["text", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "── 第 1 页 ──", "p1 L1       第一部分 部门概况", "p1 L2       一、主要职能",
        "── 第 2 页 ──", "p2 L1       2023"]
    assert main(["text", str(path), "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "── page 1 ──"


def _ruled_page(canvas, grid, cjk_font, top: float = 800) -> None:
    canvas.setFont(cjk_font, 10)
    canvas.drawString(60, top, "一般公共预算支出表")
    rows = [*HEADER, ["208", "社会保障和就业支出", "172.68", "172.47", "0.21", ""]]
    grid(canvas, 60, top - 14, WIDTHS, rows, spans=SPANS)


RULED_LINES = ["一般公共预算支出表", *HEADER_LINES, "208\t社会保障和就业支出\t172.68\t172.47\t0.21\t"]


@pytest.mark.parametrize("page_rotate", [0, 90])
def test_table_drawn_turned_on_the_page_reads_upright(pdf_canvas, grid, cjk_font,
                                                      page_rotate: int) -> None:
    """A landscape table drawn rotated on a portrait page, shown upright by /Rotate or not."""
    canvas, path = pdf_canvas("turned.pdf")
    canvas.translate(595, 0)
    canvas.rotate(90)
    _ruled_page(canvas, grid, cjk_font, top=500)
    canvas.save()
    if page_rotate:
        data = path.read_bytes().replace(b"/Type /Page\n", b"/Type /Page /Rotate 90\n", 1)
        assert b"/Rotate 90" in data
        path.write_bytes(data)
    assert texts(path) == RULED_LINES


def test_table_in_a_scaled_form_xobject(pdf_canvas, grid, cjk_font) -> None:
    canvas, path = pdf_canvas("form.pdf")
    canvas.beginForm("table")
    _ruled_page(canvas, grid, cjk_font, top=700)
    canvas.endForm()
    canvas.translate(20, 50)
    canvas.scale(0.9, 0.9)
    canvas.doForm("table")
    canvas.save()
    assert texts(path) == RULED_LINES


def test_rulings_as_lines_and_thin_filled_rectangles(pdf_canvas, cjk_font) -> None:
    canvas, path = pdf_canvas("lines.pdf")
    canvas.setFont(cjk_font, 9)
    xs, ys = [60, 140, 260, 340], [800, 782, 764, 746]
    for x in xs:
        canvas.line(x, ys[0], x, ys[-1])
    for y in ys:
        canvas.rect(xs[0], y - 0.25, xs[-1] - xs[0], 0.5, stroke=0, fill=1)
    rows = [["项目", "预算数", "上年数"], ["合计", "1,234.50", "1,000.00"], ["其中：工资", "100.00", ""]]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            canvas.drawString(xs[c] + 3, ys[r] - 13, text)
    canvas.save()
    assert texts(path) == ["\t".join(row) for row in rows]


def _type3_pdf(text_codes: bytes) -> bytes:
    """A one-page PDF whose text uses a Type 3 font with made-up glyph names, no ToUnicode."""
    glyph = b"1000 0 0 0 700 700 d1 0 0 700 700 re f"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
         b"/Resources << /Font << /F1 5 0 R >> >> >>"),
        None,  # content stream
        (b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] "
         b"/CharProcs << /g1 6 0 R /g2 6 0 R /g3 6 0 R >> /Encoding << /Type /Encoding /Differences "
         b"[1 /g1 /g2 /g3] >> /FirstChar 1 /LastChar 3 /Widths [1000 1000 1000] >>"),
        b"<< /Length %d >>\nstream\n" % len(glyph) + glyph + b"\nendstream",
    ]
    content = b"BT /F1 12 Tf 60 780 Td <" + text_codes.hex().encode() + b"> Tj ET"
    objects[3] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    return pdf_file(objects, b"1.4")


def test_font_codes_without_unicode_are_a_missing_text_layer(tmp_path: Path, monkeypatch) -> None:
    """Glyphs named /g1… with no ToUnicode: pdfminer's (cid:N), PDFium's unmapped codes."""
    monkeypatch.setattr(pdf_reader.ocr, "available", lambda: False)
    path = tmp_path / "codes.pdf"
    path.write_bytes(_type3_pdf(bytes([1, 2, 3, 1, 2, 3, 2, 1])))
    with pytest.raises(InputError, match=r"第 1 页没有文字层"):
        read_source(str(path))


def test_a_diagonal_watermark_does_not_turn_the_page(pdf_canvas, grid, cjk_font) -> None:
    canvas, path = pdf_canvas("watermark.pdf")
    _ruled_page(canvas, grid, cjk_font)
    canvas.saveState()
    canvas.translate(500, 100)
    canvas.rotate(135)
    canvas.setFont(cjk_font, 20)
    canvas.drawString(0, 0, "内部资料" * 30)
    canvas.restoreState()
    canvas.save()
    assert texts(path) == RULED_LINES


def test_a_long_scan_is_refused_before_any_ocr(pdf_canvas, tmp_path: Path, monkeypatch) -> None:
    """More scanned pages than YUSUAN_MAX_OCR_PAGES: one sentence before any page is OCR'd."""
    if not pdf_reader.ocr.available():
        pytest.skip("the ocr extra is not installed")
    monkeypatch.setenv("YUSUAN_MAX_OCR_PAGES", "3")
    image = _scan_image(tmp_path)
    canvas, scan = pdf_canvas("long-scan.pdf")
    canvas.drawString(60, 800, "第一部分 部门概况")
    for _ in range(4):
        canvas.showPage()
        canvas.drawImage(str(image), 60, 500, 400, 200)
    canvas.save()
    with pytest.raises(InputError, match=r"超过 3 页需要 OCR.*YUSUAN_MAX_OCR_PAGES"):
        read_source(str(scan))


def test_a_long_pdf_is_reopened_every_so_many_pages_and_read_whole(pdf_canvas, grid, cjk_font,
                                                                   monkeypatch) -> None:
    canvas, path = pdf_canvas("long.pdf")
    for page in range(5):
        canvas.setFont(cjk_font, 10)
        canvas.drawString(60, 810, f"第{page + 1}部分")
        grid(canvas, 60, 800, [80, 80], [["项目", "金额"], ["合计", f"{page}.00"]])
        canvas.showPage()
    canvas.save()
    whole = texts(path)
    opened = []
    real_open = pdf_reader._open
    monkeypatch.setattr(pdf_reader, "_open", lambda p: opened.append(p) or real_open(p))
    monkeypatch.setattr(pdf_reader, "REOPEN_PAGES", 2)
    assert texts(path) == whole
    assert len(opened) == 3
    assert whole[-1] == "合计\t4.00"


def test_a_table_with_a_stray_empty_edge_column_on_one_page_reads_as_one_table() -> None:
    """北京 03表: the first page's grid has an empty column at its left edge, the next page's
    has not; the rows of both pages land in the same columns and the table goes on."""
    from yusuan.readers.pdf import Assembler
    from yusuan.readers.pdfpage import GridBlock, TextBlock

    assembler = Assembler()
    assembler.add_page(4, [TextBlock(10, "预算03表支出总表"), GridBlock(20, [
        ["", "支出功能分类科目", "合计", "基本支出", "项目支出"],
        ["", "2050803-培训支出", "189.78", "20.36", "169.43"]])])
    assembler.add_page(5, [GridBlock(20, [
        ["2239999-其他支出", "1,415.98", "", "1,415.98"],
        ["合计", "515,665.27", "10,792.95", "504,872.32"]])])
    assembler.finish()
    rows = [text for text, _ in assembler.out[1:]]
    assert rows == ["支出功能分类科目\t合计\t基本支出\t项目支出", "2050803-培训支出\t189.78\t20.36\t169.43",
                    "2239999-其他支出\t1,415.98\t\t1,415.98", "合计\t515,665.27\t10,792.95\t504,872.32"]


def test_text_clipped_off_the_page_is_not_read(pdf_canvas) -> None:
    """A word processor's overflow: the lines before a page break set again above the next
    page's clip, in the file but not on the paper (上海普陀). Text a clip cuts only in part,
    and a faint figure standing over its clip's edge, are still read."""
    canvas, path = pdf_canvas("clipped.pdf")
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(50, 100, 480, 600)
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.drawString(60, 760, "8.其它行政事业单位养老支出0.96万元")  # above the clip: hidden
    canvas.drawString(60, 680, "9.行政单位医疗78.21万元")
    canvas.drawString(60, 660, "合计")
    canvas.drawString(525, 660, "1,234.56")  # runs over the clip's right edge: partly seen
    canvas.restoreState()
    canvas.save()
    assert [re.sub(r"\s+", " ", text) for text in texts(path)] == [
        "9.行政单位医疗78.21万元", "合计 1,234.56"]


def test_text_placed_off_the_paper_is_not_read(pdf_canvas) -> None:
    """江苏人大: the tables after a page's last one set again far below its bottom edge, with no
    clip: in the file, not on the paper. Text the edge cuts only in part is still read."""
    canvas, path = pdf_canvas("off_the_page.pdf")
    canvas.drawString(60, 700, "合计 1,234.56")
    canvas.drawString(60, 2, "财政拨款基本支出预算表")  # runs over the bottom edge: partly seen
    canvas.drawString(60, -900, "301 工资福利支出 2,928.98")  # below the paper: hidden
    canvas.drawString(700, 400, "302 商品和服务支出 1,585.96")  # right of the paper: hidden
    canvas.save()
    assert [re.sub(r"\s+", " ", text) for text in texts(path)] == ["合计 1,234.56", "财政拨款基本支出预算表"]


def test_a_cells_text_its_own_clip_cuts_off_is_not_read(pdf_canvas, grid, cjk_font) -> None:
    """A spreadsheet printed to PDF (西安 应急 表1): each cell's text set in the cell's clip; a
    label longer than its cell runs on under the next cell in the file, but the paper shows
    only '1、人员经费和公用经' | '2,022.39'."""
    canvas, path = pdf_canvas("cells.pdf")
    widths, height, left, top = [93, 60], 18, 60, 800
    grid(canvas, left, top, widths, [["项目", "预算数"], ["", ""]])
    y_bottom = top - 2 * height
    for x0, width, text in ((left, widths[0], "1、人员经费和公用经费支出"),
                            (left + widths[0] + 20, widths[1] - 20, "2,022.39")):
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(x0, y_bottom, width, height)
        canvas.clipPath(clip, stroke=0, fill=0)
        canvas.setFont(cjk_font, 9)
        canvas.drawString(x0 + 3, y_bottom + 6, text)
        canvas.restoreState()
    canvas.save()
    assert texts(path) == ["项目\t预算数", "1、人员经费和公用经\t2,022.39"]


def test_a_cells_characters_set_one_object_each_share_its_clip() -> None:
    """iTextSharp (西安 科技局) writes one text object per character: the characters set in one
    clip are the cell's text, and those outside it are hidden as one object's would be."""
    from yusuan.readers import pdfchars

    header = [(ord(c), -10.0 + 5 * i, 100.0, -5.0 + 5 * i, 109.0, 9.0, 0, False)
              for i, c in enumerate("政府预算支出")]
    clips = {owner: (0.0, 95.0, 20.0, 113.0) for owner in range(1, 7)}
    shown = [c for c in pdfchars.hide_cell_overflow(clips.get, header, list(range(1, 7)))
             if pdfchars.shown(c)]
    assert "".join(chr(c[0]) for c in shown) == "预算支出"


def test_a_figure_is_never_shortened_by_its_cells_clip() -> None:
    """A clip that would cut digits off a figure is not trusted: the figure is read whole."""
    from yusuan.readers import pdfchars

    def chars(text: str, left: float) -> list[pdfchars.RawChar]:
        return [(ord(c), left + 5 * i, 100.0, left + 5 * i + 5, 109.0, 9.0, 0, False)
                for i, c in enumerate(text)]

    def cell(owner: int) -> pdfchars.Box:
        return (0.0, 95.0, 30.0, 113.0)

    label, figure = chars("一般公共服务支出", 0.0), chars("1,234.56", 0.0)
    shown_label = [c for c in pdfchars.hide_cell_overflow(cell, label, [1] * len(label))
                   if pdfchars.shown(c)]
    assert "".join(chr(c[0]) for c in shown_label) == "一般公共服务"
    assert pdfchars.hide_cell_overflow(cell, figure, [2] * len(figure)) == figure


def test_a_name_and_a_figure_cut_by_the_page_break_are_joined(pdf_canvas, grid, cjk_font) -> None:
    """杭州: '杭州市机动' | … | '12,437.3' at the foot of a page, '车驾驶员考试服务中心' | … | '6'
    at the head of the next: one row, 12,437.36. A name alone below a complete row is a row."""
    widths = [140, 60, 60, 60]
    header = [["单位名称", "合计", "事业收入", "其他收入"]]
    canvas, path = pdf_canvas("cut.pdf")
    grid(canvas, 60, 800, widths, [*header, ["杭州市公安局刑事侦查支队", "12.00", "10.00", "2.00"],
                                   ["杭州市机动", "14,549.64", "12,437.3", "2,112.28"]])
    canvas.showPage()
    grid(canvas, 60, 800, widths, [*header, ["车驾驶员考试服务中心", "", "6", ""],
                                   ["杭州市人民警察学校", "3.00", "3.00", ""],
                                   ["杭州市公安局地铁分局", "", "", ""]])
    canvas.save()
    assert texts(path)[1:] == [
        "杭州市公安局刑事侦查支队\t12.00\t10.00\t2.00",
        "杭州市机动车驾驶员考试服务中心\t14,549.64\t12,437.36\t2,112.28",
        "杭州市人民警察学校\t3.00\t3.00\t",
        "杭州市公安局地铁分局\t\t\t",
    ]
    canvas, path = pdf_canvas("whole.pdf")
    grid(canvas, 60, 800, widths, [*header, ["杭州市机动车驾驶员考试服务中心", "14.00", "12.00",
                                             "2.00"]])
    canvas.showPage()
    grid(canvas, 60, 800, widths, [*header, ["杭州市公安局地铁分局", "", "", ""]])
    canvas.save()
    assert texts(path)[1:] == ["杭州市机动车驾驶员考试服务中心\t14.00\t12.00\t2.00",
                               "杭州市公安局地铁分局\t\t\t"]


def test_a_white_box_under_a_title_does_not_join_two_tables(pdf_canvas, grid, cjk_font) -> None:
    """江苏人大: an office program lays a white box, unstroked, between two ruled tables (around
    the next table's title). It draws nothing, so the tables stay apart and the title is text."""
    canvas, path = pdf_canvas("white.pdf")
    bottom = grid(canvas, 60, 800, [60, 120, 80], [["30312", "提租补贴", "1,018.01"]])
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(60, bottom - 80, 260, 80, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(cjk_font, 12)
    canvas.drawString(100, bottom - 40, "财政拨款政府性基金支出预算表")
    grid(canvas, 60, bottom - 80, [100, 100, 60], [["功能科目代码", "功能科目名称", "金额"],
                                                   ["", "合计", ""]])
    canvas.save()
    assert texts(path) == ["30312\t提租补贴\t1,018.01", "财政拨款政府性基金支出预算表",
                           "功能科目代码\t功能科目名称\t金额", "\t合计\t"]


def _two_font_pdf(descent: int) -> bytes:
    """'Total' in Helvetica and '12.50' beside it on the same baseline in a font whose
    descriptor gives the descent `descent` (thousandths of an em)."""
    widths = b" ".join([b"500"] * 95)
    content = b"BT /F1 10 Tf 20 100 Td (Total) Tj /F2 10 Tf 40 0 Td (12.50) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 7 0 R "
         b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> >>"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        (b"<< /Type /Font /Subtype /Type1 /BaseFont /Odd /FirstChar 32 /LastChar 126 /Widths ["
         + widths + b"] /FontDescriptor 6 0 R >>"),
        (b"<< /Type /FontDescriptor /FontName /Odd /Flags 32 /FontBBox [0 %d 1000 1400] "
         b"/ItalicAngle 0 /Ascent 1400 /Descent %d /CapHeight 700 /StemV 80 >>" % (descent, descent)),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    return pdf_file(objects, b"1.4")


@pytest.mark.parametrize("descent", [-1000, -200])
def test_a_font_with_a_broken_descent_stays_on_its_line(tmp_path: Path, descent: int) -> None:
    """A subset font whose descriptor puts its descent a whole em below the baseline (its
    digits and punctuation, 、 in a name, would read as a line of their own below the text):
    its characters are measured from their baseline and share the line."""
    path = tmp_path / "descent.pdf"
    path.write_bytes(_two_font_pdf(descent))
    assert texts(path) == ["Total  12.50"]
