"""Amounts as printed: thousands separators, signs, decimals kept for rounding intervals."""

from __future__ import annotations

from functools import lru_cache

from yusuan import regexes

# the second form is a spreadsheet's format that groups only the last three digits ("120258,600")
_AMOUNT = regexes.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d{4,},\d{3}|\d+)(?:\.\d+)?$")
_WIDE_SEPARATOR = regexes.compile(r"(?<=\d)，(?=\d{3}(?:\D|$))")
_NIL = frozenset({"-", "—", "--", "－", "——", "/", "…"})


@lru_cache(maxsize=1 << 13)  # a document prints the same figures and words again and again
def parse_amount(text: str) -> tuple[float, int] | None:
    """Return (value, decimals) for a printed amount ("1,234.56" → (1234.56, 2)), else None."""
    compact = _WIDE_SEPARATOR.sub(",", text.replace(" ", ""))
    if not compact or not _AMOUNT.match(compact):
        return None
    compact = compact.replace(",", "").replace("−", "-")
    decimals = len(compact.split(".", 1)[1]) if "." in compact else 0
    return float(compact), decimals


def is_amount(text: str) -> bool:
    return parse_amount(text) is not None


def is_nil(text: str) -> bool:
    """A dash or similar that stands for 'nothing' rather than a figure."""
    return text.replace(" ", "") in _NIL
