"""Plain text (.txt, .md, pasted text): decode, split into numbered lines, normalise."""

from __future__ import annotations

import hashlib
from pathlib import Path

from yusuan.errors import InputError
from yusuan.model import Line, Source
from yusuan.readers.normalise import normalise_line

ENCODINGS = ("utf-8-sig", "gb18030", "utf-16")


def decode_text(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8 or GB18030; refuse binary data with a readable sentence."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name} 是二进制文件，不是文本、PDF、电子表格、Word 或网页文件。",
                         f"{name} is a binary file, not a text, PDF, spreadsheet, Word or HTML "
                         "document.")
    for encoding in ENCODINGS[:2]:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{name} 不是可读的文本（既不是 UTF-8 也不是 GB18030 编码）。",
                     f"{name} is not readable text (neither UTF-8 nor GB18030).")


def text_to_lines(text: str, page: int | None = None, start: int = 1) -> list[Line]:
    """Split text into normalised Lines numbered from `start`; blank lines count. A text with
    carriage returns and no line feed (old Mac line ends) is split at the returns."""
    if "\r" in text and "\n" not in text:
        text = text.replace("\r", "\n")
    raw_lines = text.split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    return [Line(start + index, normalise_line(raw), page) for index, raw in enumerate(raw_lines)]


def read(path: Path) -> Source:
    data = path.read_bytes()
    text = decode_text(data, path.name)
    control = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if control > 0.05 * min(len(text), 8192):
        raise InputError(f"{path.name} 是二进制文件，不是文本文件。",
                         f"{path.name} is a binary file, not a text document.")
    return Source(path=str(path), format="text", sha256=hashlib.sha256(data).hexdigest(),
                  lines=text_to_lines(text))
