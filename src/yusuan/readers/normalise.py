"""Lines as every reader gives them: normalised (full-width ASCII, odd spaces, Kangxi radicals),
and what marks a printed page among them (its number, the 续表 of a table run on) — kept here,
not in the PDF reader, so the later stages recognise a page number in any document without
importing PDFium's reader."""

from __future__ import annotations

import re
import unicodedata

from yusuan import regexes

_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_SPACES = {0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x200B: "", 0xFEFF: ""}
_KANGXI = {code: unicodedata.normalize("NFKC", chr(code)) for code in range(0x2F00, 0x2FD6)}
_KANGXI.update({code: unicodedata.normalize("NFKC", chr(code)) for code in range(0x2E80, 0x2EF4)
                if unicodedata.normalize("NFKC", chr(code)) != chr(code)})
# Full-width brackets, colon and comma are kept: they are ordinary Chinese punctuation and the
# recognisers accept both forms. Digits, letters, %, . and the like become ASCII.
for keep in "（）：，；！？":
    _FULL_WIDTH.pop(ord(keep), None)
TRANSLATION: dict[int, str | int] = {**_FULL_WIDTH, **_SPACES, **_KANGXI}


# Any character the translation changes: a line without one (most lines) is left as it is,
# without the translation's look-up of every character (ten times the search's time)
_TO_NORMALISE = regexes.compile("[" + "".join(re.escape(chr(code)) for code in sorted(TRANSLATION)) + "]")


def normalise_line(text: str) -> str:
    """Return the line with full-width ASCII made half-width and odd spaces made plain."""
    text = text.rstrip("\r\n")
    return text.translate(TRANSLATION) if _TO_NORMALISE.search(text) else text


PAGE_NUMBER = regexes.compile(r"^[-—–\s]*(第\s*)?\d(?:\s?\d){0,3}\s*(页)?\s*([，,]?\s*[/共]\s*\d{1,4}\s*页?)?[-—–\s]*$")
CONTINUED = regexes.compile(r"^\s*(续表|（续）|\(续\)|续\s*$)|[（(]续[)）]\s*$")
