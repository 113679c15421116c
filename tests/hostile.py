"""Hostile and broken inputs, each built small at run time: the bad-input corpus.

Every builder writes one file under a folder and returns its path. The bombs are a few KB to a
MB on disk and would take gigabytes or hours to read without the readers' guards
(src/yusuan/readers/guards); the rest are the damaged, empty and misnamed files a careless user
hands over. `build_all(folder)` writes the whole corpus.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

MIB = 1024 * 1024
BOMB_MIB = 300  # what the PDF and ZIP bombs inflate to (past every bound of the guards)


def _zip_with_part(source: bytes, name: str, prefix: bytes, padding: int, suffix: bytes) -> bytes:
    """A copy of the ZIP `source` whose part `name` is prefix + `padding` spaces + suffix."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as original, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            if info.filename != name:
                copy.writestr(info, original.read(info.filename))
                continue
            part = zipfile.ZipInfo(name)
            part.compress_type = zipfile.ZIP_DEFLATED
            with copy.open(part, "w", force_zip64=True) as handle:
                handle.write(prefix)
                block = b" " * MIB
                for _ in range(padding // MIB):
                    handle.write(block)
                handle.write(suffix)
    return out.getvalue()


def xlsx_far_cell(folder: Path) -> Path:
    """A workbook of 5 KB with A1 and one cell at XFD1048576 (the last cell of a sheet)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "某县财政局2024年部门预算"
    sheet["XFD1048576"] = 1
    path = folder / "far-cell.xlsx"
    workbook.save(path)
    return path


def xlsx_bomb(folder: Path) -> Path:
    """A workbook whose sheet XML inflates to 300 MB of spaces."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "部门预算"
    buffer = io.BytesIO()
    workbook.save(buffer)
    head = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    path = folder / "bomb.xlsx"
    path.write_bytes(_zip_with_part(buffer.getvalue(), "xl/worksheets/sheet1.xml", head,
                                    BOMB_MIB * MIB, b"</sheetData></worksheet>"))
    return path


def _docx_bytes(build: Callable[[object], None] | None = None) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("某县财政局2024年部门预算")
    if build:
        build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_bomb(folder: Path) -> Path:
    """A Word document whose document.xml inflates to 300 MB of spaces."""
    ns = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    path = folder / "bomb.docx"
    path.write_bytes(_zip_with_part(_docx_bytes(), "word/document.xml",
                                    b"<w:document " + ns + b"><w:body>", BOMB_MIB * MIB,
                                    b"<w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>"))
    return path


def docx_grid_span(folder: Path) -> Path:
    """A Word table whose one cell spans 100,000,000 grid columns."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def table(document: object) -> None:
        grid = document.add_table(rows=2, cols=2)  # type: ignore[attr-defined]
        grid.cell(0, 0).text = "科目名称"
        grid.cell(1, 0).text = "合计"
        props = grid.cell(0, 0)._tc.get_or_add_tcPr()
        props.append(parse_xml(f'<w:gridSpan {nsdecls("w")} w:val="100000000"/>'))

    path = folder / "grid-span.docx"
    path.write_bytes(_docx_bytes(table))
    return path


def html_spans(folder: Path) -> Path:
    """An HTML table of 2,000 cells each spanning 1,000 rows and 1,000 columns (43 KB)."""
    rows = "".join("<tr>" + '<td rowspan="1000" colspan="1000">1</td>' * 2 + "</tr>"
                   for _ in range(1000))
    path = folder / "spans.html"
    path.write_text(f"<html><body><p>部门预算</p><table>{rows}</table></body></html>",
                    encoding="utf-8")
    return path


def html_many_tables(folder: Path) -> Path:
    """3,000 one-cell tables, each cell spanning 1,000 columns (150 KB): 3 million cells."""
    tables = '<table><tr><td colspan="1000">1</td></tr></table>' * 3000
    path = folder / "many-tables.html"
    path.write_text(f"<html><body><p>部门预算</p>{tables}</body></html>", encoding="utf-8")
    return path


def docx_many_spans(folder: Path) -> Path:
    """1,500 one-cell Word tables, each cell spanning 999 grid columns: 1.5 million cells."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def tables(document: object) -> None:
        body = document.element.body  # type: ignore[attr-defined]
        xml = (f'<w:tbl {nsdecls("w")}><w:tr><w:tc><w:tcPr><w:gridSpan w:val="999"/></w:tcPr>'
               "<w:p/></w:tc></w:tr></w:tbl>")
        for _ in range(1500):
            body.append(parse_xml(xml))

    path = folder / "many-spans.docx"
    path.write_bytes(_docx_bytes(tables))
    return path


def text_many_lines(folder: Path) -> Path:
    """A plausible disclosure repeated to 150,000 lines (the seeds, or a generated table)."""
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    parts = [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt"))]
    text = "".join(parts) or "某县财政局2024年部门预算\n201\t一般公共服务支出\t30.00\n" * 100
    lines = text.count("\n")
    path = folder / "many-lines.txt"
    path.write_text(text * (150_000 // lines + 1), encoding="utf-8")
    return path


def pdf_file(objects: list[bytes], version: bytes = b"1.7") -> bytes:
    """The objects numbered from 1 (the first the catalog) in a PDF with its xref table."""
    out = bytearray(b"%PDF-" + version + b"\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_bytes(pages: list[tuple[bytes, tuple[int, int]]], resources: bytes = b"",
              extra: list[bytes] | None = None) -> bytes:
    """A PDF of raw content streams (already encoded, with their /Filter in the dict head)
    and page sizes; `extra` objects are numbered after the pages."""
    count = len(pages)
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)]
    for index, (stream, (width, height)) in enumerate(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                       b"/Resources << %s >> >>" % (width, height, 4 + 2 * index, resources))
        objects.append(stream)
    objects.extend(extra or [])
    return pdf_file(objects)


def _stream(data: bytes, head: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), head) + data + b"\nendstream"


HELVETICA = b"/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"


def pdf_flate_bomb(folder: Path) -> Path:
    """A one-page PDF of 300 KB whose content stream inflates to 300 MB of spaces."""
    compressor = zlib.compressobj(9)
    block = b" " * MIB
    data = b"".join(compressor.compress(block) for _ in range(BOMB_MIB))
    data += compressor.compress(b"BT /F1 12 Tf 72 720 Td (budget) Tj ET") + compressor.flush()
    path = folder / "flate-bomb.pdf"
    path.write_bytes(pdf_bytes([(_stream(data, b"/Filter /FlateDecode"), (612, 792))], HELVETICA))
    return path


def pdf_double_flate_bomb(folder: Path) -> Path:
    """The Flate bomb compressed once more ([/FlateDecode /FlateDecode]): the outer layer
    inflates to a few hundred KB, the inner to 300 MB."""
    compressor = zlib.compressobj(9)
    inner = b"".join(compressor.compress(b" " * MIB) for _ in range(BOMB_MIB))
    inner += compressor.compress(b"BT /F1 12 Tf 72 720 Td (budget) Tj ET") + compressor.flush()
    data = zlib.compress(inner, 9)
    path = folder / "double-flate-bomb.pdf"
    path.write_bytes(pdf_bytes([(_stream(data, b"/Filter [/FlateDecode /FlateDecode]"),
                                 (612, 792))], HELVETICA))
    return path


def lzw_run(cycles: int, byte: int = 0x20) -> bytes:
    """LZW codes (PDF's variant) for a run of one byte: each code one byte longer than the last,
    4,096 table entries a cycle (about 7.4 MB from 5.5 KB), then a clear code."""
    codes: list[tuple[int, int]] = []
    width = 9
    for _ in range(cycles):
        codes.append((256, width))
        width, size = 9, 258
        for index, code in enumerate([byte, *range(258, 4096)]):
            codes.append((code, width))
            if index:
                size += 1
            if size + 1 >= 1 << width and width < 12:
                width += 1
    codes.append((257, width))
    out = bytearray()
    value = bits = 0
    for code, size in codes:
        value, bits = value << size | code, bits + size
        while bits >= 8:
            bits -= 8
            out.append(value >> bits & 0xFF)
            value &= (1 << bits) - 1
    if bits:
        out.append(value << (8 - bits) & 0xFF)
    return bytes(out)


def pdf_lzw_bomb(folder: Path) -> Path:
    """A content stream in LZWDecode of 250 KB that decodes to 300 MB of spaces."""
    path = folder / "lzw-bomb.pdf"
    path.write_bytes(pdf_bytes([(_stream(lzw_run(BOMB_MIB * MIB // 7_400_000 + 1),
                                         b"/Filter /LZWDecode"), (612, 792))], HELVETICA))
    return path


def pdf_run_length_bomb(folder: Path) -> Path:
    """A content stream in RunLengthDecode of 4.7 MB (runs of 128 spaces) that decodes to 300 MB."""
    data = b"\x81 " * (BOMB_MIB * MIB // 128) + b"\x80"
    path = folder / "run-length-bomb.pdf"
    path.write_bytes(pdf_bytes([(_stream(data, b"/Filter /RunLengthDecode"), (612, 792))],
                               HELVETICA))
    return path


def pdf_many_pages(folder: Path, count: int = 5_000) -> Path:
    """5,000 pages sharing one content stream (1 MB)."""
    text = _stream(b"BT /F1 12 Tf 72 720 Td (1) Tj ET")
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count), text]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
                b"/Resources << " + HELVETICA + b" >> >>"] * count
    path = folder / "many-pages.pdf"
    path.write_bytes(pdf_file(objects))
    return path


IMAGE = _stream(b"\x80\x80\x80", b"/Type /XObject /Subtype /Image /Width 1 /Height 1 "
                b"/ColorSpace /DeviceRGB /BitsPerComponent 8")


def pdf_huge_scan(folder: Path) -> Path:
    """A scanned page (an image, no text) of 14,400 × 14,400 pt, the largest a PDF allows:
    200 inches a side, 40,000 × 40,000 pixels at the 200 dpi OCR renders."""
    content = _stream(b"q 14400 0 0 14400 0 0 cm /Im1 Do Q")
    path = folder / "huge-scan.pdf"
    path.write_bytes(pdf_bytes([(content, (14400, 14400))], b"/XObject << /Im1 5 0 R >>", [IMAGE]))
    return path


def pdf_garbage_pages(folder: Path, count: int = 60) -> Path:
    """Pages whose text layer is control characters (unusable: each would go to OCR)."""
    junk = bytes(code for code in range(1, 32) if code not in b"()\\\r\n") * 20
    content = _stream(b"BT /F1 12 Tf 72 720 Td (" + junk + b") Tj ET")
    path = folder / "garbage-text.pdf"
    path.write_bytes(pdf_bytes([(content, (612, 792))] * count, HELVETICA))
    return path


def plain_files(folder: Path) -> dict[str, Path]:
    """The careless user's files: empty, binary, damaged, cut short, misnamed."""
    files = {
        "empty.txt": b"",
        "empty.pdf": b"",
        "blob.bin": bytes(range(256)) * 20,
        "random.txt": bytes((index * 7919 + 13) % 256 for index in range(5000)),
        "nul.txt": b"\x00" * 4096,
        "truncated.pdf": pdf_bytes([(_stream(b"BT /F1 12 Tf 72 720 Td (x) Tj ET"), (612, 792))],
                                   HELVETICA)[:300],
        "header-only.pdf": b"%PDF-1.7\n",
        "damaged.xlsx": b"PK\x03\x04" + b"\x01" * 64,
        "damaged.docx": b"PK\x03\x04" + b"\x02" * 64,
        "pdf-named.xlsx": pdf_bytes([(_stream(b"BT ET"), (612, 792))]),
        "jpeg-named.pdf": b"\xff\xd8\xff\xe0" + b"\x00" * 200,
        "zip-of-nothing.xlsx": _empty_zip(),
        "ole-garbage.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000,
        "novel.txt": _novel().encode("utf-8"),
        "empty-table.html": b"<html><body><table><tr><td></td></tr></table></body></html>",
        "utf16-garbage.txt": b"\xff\xfe" + bytes(range(256)) * 8,
    }
    paths = {}
    for name, data in files.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths


def _empty_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "nothing")
    return buffer.getvalue()


def _novel() -> str:
    """A story that mentions 部门预算 once: no disclosure."""
    story = ("那年秋天，他第一次走进县城的老街。街角的茶馆里坐满了人，说书先生讲到一半，"
             "忽然停下来喝了一口茶。窗外的梧桐叶一片一片落下来，落在青石板上。\n")
    middle = "他的父亲在财政局上班，晚饭时常常说起部门预算的事，他从来听不懂。\n"
    return story * 20 + middle + story * 20


BOMBS: dict[str, Callable[[Path], Path]] = {
    "xlsx-far-cell": xlsx_far_cell,
    "xlsx-bomb": xlsx_bomb,
    "docx-bomb": docx_bomb,
    "docx-grid-span": docx_grid_span,
    "html-spans": html_spans,
    "html-many-tables": html_many_tables,
    "docx-many-spans": docx_many_spans,
    "pdf-flate-bomb": pdf_flate_bomb,
    "pdf-double-flate-bomb": pdf_double_flate_bomb,
    "pdf-lzw-bomb": pdf_lzw_bomb,
    "pdf-run-length-bomb": pdf_run_length_bomb,
    "pdf-many-pages": pdf_many_pages,
    "text-many-lines": text_many_lines,
    "pdf-huge-scan": pdf_huge_scan,
    "pdf-garbage-pages": pdf_garbage_pages,
}
