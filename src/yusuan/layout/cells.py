"""Cell text clean-up shared by every layout: spaces between Han characters, runs of spaces."""

from __future__ import annotations

from yusuan import regexes

_HAN = r"\u3400-\u9fff\uf900-\ufaff"
_HAN_GAP = regexes.compile(rf"(?<=[{_HAN}（）“”、])\s+(?=[{_HAN}（）“”、])")


def clean_cell(text: str) -> str:
    """Strip, remove spaces between Han characters ("收 入 总 计" → "收入总计"), collapse runs."""
    text = " ".join(text.split())  # str.split's blanks are the \s of re
    return _HAN_GAP.sub("", text) if " " in text else text


def indent_of(raw: str) -> int:
    """How many leading spaces (ideographic spaces already made plain) a raw cell carries."""
    return len(raw) - len(raw.lstrip(" "))
