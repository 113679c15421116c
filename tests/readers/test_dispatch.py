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


def test_a_line_is_normalised_as_the_whole_translation_would_normalise_it() -> None:
    import random

    from yusuan.readers.normalise import TRANSLATION, normalise_line

    rng = random.Random(18)
    mapped = sorted(TRANSLATION)
    around = [code + step for code in (mapped[0], mapped[-1], 0x2F00, 0x2FD5, 0x2E80, 0x3000)
              for step in (-1, 0, 1)]
    pool = [*(chr(code) for code in mapped + around), "a", "1", "项", "目", "\t", " ", "\r", "\n"]
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 8)))
        assert normalise_line(text) == text.rstrip("\r\n").translate(TRANSLATION), repr(text)
    for code in mapped:
        assert normalise_line(f"项{chr(code)}") == f"项{chr(code)}".translate(TRANSLATION)
