"""The readers' guards one by one, in process: each bound refuses just past it."""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yusuan.readers import spreadsheet
from yusuan.readers.guards import MAX_PART_BYTES, MIB, Oversize
from yusuan.readers.guards.ocrpages import ocr_dpi
from yusuan.readers.guards.package import check_package
from yusuan.readers.guards.pdfstreams import CHUNK, check_streams, inflated_size, stream_starts
from yusuan.readers.guards.sheet import check_sheets


def lying_zip(path: Path, name: str, block: bytes, blocks: int, declared_size: int) -> None:
    """A ZIP of one deflated part, `block` repeated `blocks` times, whose headers state
    `declared_size` bytes."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    data = b"".join(compressor.compress(block) for _ in range(blocks)) + compressor.flush()
    encoded = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, 0, len(data), declared_size,
                        len(encoded), 0) + encoded
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, 0, len(data),
                          declared_size, len(encoded), 0, 0, 0, 0, 0, 0) + encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    path.write_bytes(local + data + central + end)


def test_a_part_is_measured_not_taken_from_the_directory(tmp_path: Path) -> None:
    path = tmp_path / "liar.xlsx"
    lying_zip(path, "xl/worksheets/sheet1.xml", b" " * MIB, MAX_PART_BYTES // MIB + 8, 1000)
    with pytest.raises(Oversize, match="上限"):
        check_package(path)


def test_a_part_within_the_bound_passes(tmp_path: Path) -> None:
    path = tmp_path / "fine.xlsx"
    cells = b"".join(b'<c r="A%d"><v>%d</v></c>' % (row, row * 7919 % 10007) for row in range(40_000))
    lying_zip(path, "xl/worksheets/sheet1.xml", cells, 4, 4 * len(cells))
    check_package(path)


def far_cells_workbook(path: Path, row: int, column: int) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "部门预算"
    workbook.active.cell(row=row, column=column, value=1)
    workbook.save(path)


def test_a_sheet_range_past_the_bound_is_refused_and_one_within_passes(tmp_path: Path) -> None:
    wide = tmp_path / "wide.xlsx"
    far_cells_workbook(wide, 2000, 1001)
    with pytest.raises(Oversize, match="2000 行 × 1001 列"):
        check_sheets(wide)
    narrow = tmp_path / "narrow.xlsx"
    far_cells_workbook(narrow, 1000, 999)
    check_sheets(narrow)


def test_the_spreadsheet_reader_itself_refuses_a_range_past_the_bound(tmp_path: Path) -> None:
    """Also for .xls, whose sheets are not scanned beforehand (BIFF8 bounds them at 65,536 ×
    256 cells, which calamine holds; the rows are not turned into Python lists)."""
    wide = tmp_path / "wide.xlsx"
    far_cells_workbook(wide, 2000, 1001)
    with pytest.raises(Oversize, match="上限"):
        spreadsheet.read(wide)


def test_an_ordinary_page_is_rendered_at_200_dpi_and_a_huge_one_refused() -> None:
    assert ocr_dpi(1, 595, 842, 200) == 200  # A4
    assert 100 < ocr_dpi(1, 2384, 3370, 200) < 200  # A0, rendered smaller
    with pytest.raises(Oversize, match="第 3 页"):
        ocr_dpi(3, 14400, 14400, 200)


# The stream guard finds `stream` keywords by searching the bytes; it must find exactly what
# the pattern (a keyword followed by an end of line, `endstream` left out) names.
_STREAM_KEYWORD = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")


@given(st.lists(st.sampled_from([b"stream", b"endstream", b"end", b"\r", b"\n", b"\r\n", b"x",
                                 b"streamstream", b"s", b"tream"]), max_size=30))
@settings(max_examples=300, deadline=None)
def test_stream_keywords_are_found_as_the_pattern_names_them(pieces: list[bytes]) -> None:
    data = b"".join(pieces)
    assert list(stream_starts(data)) == [(m.start(), m.end()) for m in _STREAM_KEYWORD.finditer(data)]


def test_stream_keywords_at_the_edges_of_the_file() -> None:
    assert list(stream_starts(b"stream\r\nx")) == [(0, 8)]
    assert list(stream_starts(b"dstream\rendstream\n")) == [(1, 8)]
    assert list(stream_starts(b"stream")) == []


def test_a_damaged_zlib_stream_is_measured_up_to_the_damage(tmp_path: Path) -> None:
    """A stream that starts as zlib and goes on as garbage (or a stream of another filter whose
    first bytes look like a zlib header) counts what inflated before the damage, all but the
    last piece of at most CHUNK bytes the inflater was making when it met the damage: PDFium
    judges the rest."""
    plain = b"".join(struct.pack(">I", number) for number in range(250_000))
    whole = zlib.compress(plain, 9)
    stream = whole[:len(whole) // 2] + b"\xff" * 64
    # zlib's own count, fed a byte at a time: it loses only what the byte that raised made
    # (its codes, a few hundred bytes at most)
    inflater, before_damage = zlib.decompressobj(), 0
    for at in range(len(stream)):
        try:
            before_damage += len(inflater.decompress(stream[at:at + 1]))
        except zlib.error:
            break
    assert before_damage > 4 * CHUNK
    damaged = b"stream\n" + stream + b"\nendstream"
    assert before_damage - CHUNK < inflated_size(damaged, 7, MIB) <= before_damage + 1024
    (tmp_path / "damaged.bin").write_bytes(damaged)
    check_streams(tmp_path / "damaged.bin")  # the damage is PDFium's to judge: nothing raised
    good = zlib.compress(b" " * 100_000, 9)
    assert inflated_size(b"stream\n" + good, 7, MIB) == 100_000
    with pytest.raises(Oversize):
        inflated_size(b"stream\n" + good, 7, 99_999)
