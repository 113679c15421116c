"""Format dispatch: by the first bytes and the ZIP's contents, not the suffix; bad inputs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from yusuan.errors import InputError
from yusuan.readers import read_source, sniff_format


def test_zip_format_by_contents(tmp_path: Path) -> None:
    word = tmp_path / "download"
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("word/document.xml", "<x/>")
    excel = tmp_path / "download2.bin"
    with zipfile.ZipFile(excel, "w") as archive:
        archive.writestr("xl/workbook.xml", "<x/>")
    assert sniff_format(word, word.read_bytes()[:4096]) == "docx"
    assert sniff_format(excel, excel.read_bytes()[:4096]) == "xlsx"


def test_pdf_with_bytes_before_header_and_html_without_suffix(tmp_path: Path) -> None:
    assert sniff_format(tmp_path / "a.bin", b"\r\n%PDF-1.7\n") == "pdf"
    assert sniff_format(tmp_path / "page", b"<!DOCTYPE html><p>x</p>") == "html"
    assert sniff_format(tmp_path / "a.txt", "收入总计\t1.00\n".encode()) == "text"


@pytest.mark.parametrize("name", ["empty.pdf", "empty.xlsx", "empty.docx", "empty.html"])
def test_empty_file_of_each_format(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(InputError, match="空文件"):
        read_source(str(path))


def test_damaged_zip_with_office_suffix(tmp_path: Path) -> None:
    path = tmp_path / "cut.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x01" * 64)
    with pytest.raises(InputError, match="损坏"):
        read_source(str(path))
