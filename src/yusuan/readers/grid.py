"""Helpers every grid reader shares: cell text, TAB lines, letter-spacing, building the Source.

A table row becomes ONE line of TAB-separated cells (a blank cell is the empty string between
two TABs; a merged cell's text stands in its first cell, the cells it covers are blank), so the
tab layout reads spreadsheets, Word, HTML and ruled PDF tables like a pasted table.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from yusuan import regexes
from yusuan.model import Line, Origin, Source
from yusuan.readers.normalise import normalise_line

_HAN = r"\u3400-\u9fff\uf900-\ufaff"
_HAN_CHAR = regexes.compile(rf"^[{_HAN}]$")
# Between Han characters (and the punctuation that sits inside Chinese words) space is noise.
_HAN_GAP = regexes.compile(rf"(?<=[{_HAN}（）“”、])[ \u3000]+(?=[{_HAN}（）“”、])")
_SPACES = regexes.compile(r"[ \t\r\n\u3000\u00a0]+")
_ANY_SPACE = regexes.compile(r"\s")  # what str.isspace(), strip() and split() take for space


def cell_text(raw: object) -> str:
    """One cell as one line: wrapped text joined, runs of space collapsed, Han spacing removed."""
    if type(raw) is str and not _ANY_SPACE.search(raw):
        return raw  # nothing to join, collapse or remove
    return _HAN_GAP.sub("", flow_text(raw))


def flow_text(raw: object) -> str:
    """Running text as one line: source line breaks joined (none between Han), spaces collapsed,
    letter-spacing between single Han characters removed, word gaps kept."""
    if raw is None:
        return ""
    text = str(raw).replace("\r", "\n")
    parts = [part.strip() for part in text.split("\n") if part.strip()]
    joined = ""
    for part in parts:
        if joined and not (_is_han(joined[-1]) and _is_han(part[0])):
            joined += " "
        joined += part
    return unspace_letters(_SPACES.sub(" ", joined).strip())


def _is_han(char: str) -> bool:
    return bool(_HAN_CHAR.match(char)) or char in "（）“”、"


def row_line(cells: Iterable[object]) -> str:
    """The TAB line of one table row (cells cleaned, trailing blank cells kept)."""
    return "\t".join(cell_text(cell) for cell in cells)


def is_blank_row(cells: Sequence[str]) -> bool:
    return not any(cell.strip() for cell in cells)


def unspace_letters(text: str) -> str:
    """Remove the spaces letter-spacing puts between single Han characters ("收 入 总 计").

    Only a run of two or more single Han characters separated by one space is joined, so the
    gap between two words ("第一部分 部门概况") is kept.
    """
    tokens = text.split(" ")
    out: list[str] = []
    index = 0
    while index < len(tokens):
        end = index
        while end + 1 < len(tokens) and _HAN_CHAR.match(tokens[end]) and _HAN_CHAR.match(tokens[end + 1]):
            end += 1
        out.append("".join(tokens[index:end + 1]) if end > index else tokens[index])
        index = end + 1
    return " ".join(out)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


Text = tuple[str, int | None] | tuple[str, int | None, Origin | None]


def make_lines(texts: Iterable[Text]) -> list[Line]:
    """Number (text, page) or (text, page, origin) from 1, normalising each; a text with
    newlines is split, each part keeping the origin."""
    lines: list[Line] = []
    for text, page, *origin in texts:
        for part in text.split("\n"):
            lines.append(Line(len(lines) + 1, normalise_line(part), page, origin[0] if origin else None))
    return lines


def make_source(path: Path, fmt: str, texts: Iterable[Text],
                pages: int | None = None, notes: list[str] | None = None) -> Source:
    return Source(path=str(path), format=fmt, sha256=file_sha256(path), lines=make_lines(texts),
                  pages=pages, notes=list(notes or []))
