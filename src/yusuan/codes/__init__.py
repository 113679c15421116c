"""政府收支分类科目 code lists and a small loader.

Three lists ship as CSV package data next to this module:

* ``functional.csv``   支出功能分类科目 (类 3 digits, 款 5, 项 7; codes start with 2)
* ``economic.csv``     部门预算支出经济分类科目 (类 3 digits, 款 5; codes start with 3)
* ``gov_economic.csv`` 政府预算支出经济分类科目 (类 3 digits, 款 5; codes start with 5)

Columns: ``code,name,level,valid_from,valid_to,aliases,source``. ``valid_from`` and
``valid_to`` are fiscal years, inclusive; empty means open. ``aliases`` holds old or
alternative official names separated by ``|``; an alias may carry its own period after
``@`` (``医疗卫生与计划生育支出@-2018``, ``X@2019-2020``, ``X@2021-``).

The lists are deliberately incomplete: a code missing from them is *unknown*, not
proven wrong. Callers should only report a name mismatch for codes that are found.
"""

from __future__ import annotations

import csv
import functools
import io
import unicodedata
from pathlib import Path

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass

__all__ = [
    "KINDS",
    "CodeEntry",
    "all_entries",
    "codes_named",
    "economic_codes",
    "functional_codes",
    "gov_economic_codes",
    "kind_of",
    "level_of",
    "lookup",
    "name_matches",
    "names_ever",
    "normalise_code",
    "normalise_name",
    "parent_code",
]

FUNCTIONAL = "functional"
ECONOMIC = "economic"
GOV_ECONOMIC = "gov_economic"
KINDS: tuple[str, ...] = (FUNCTIONAL, ECONOMIC, GOV_ECONOMIC)

_FILES = {FUNCTIONAL: "functional.csv", ECONOMIC: "economic.csv", GOV_ECONOMIC: "gov_economic.csv"}
_LEVELS = {3: "类", 5: "款", 7: "项"}
_FIRST_DIGIT = {"2": FUNCTIONAL, "3": ECONOMIC, "5": GOV_ECONOMIC}
_COLUMNS = ["code", "name", "level", "valid_from", "valid_to", "aliases", "source"]


@dataclass(frozen=True)
class CodeEntry:
    """One row of a code list."""

    code: str
    name: str
    level: str
    valid_from: int | None
    valid_to: int | None
    aliases: tuple[str, ...]
    source: str
    alias_periods: tuple[tuple[int | None, int | None], ...] = ()
    kind: str = ""

    def valid_in(self, year: int | None) -> bool:
        """True if the code exists in fiscal ``year`` (always True for ``None``)."""
        return _in_period(year, self.valid_from, self.valid_to)

    def names_for(self, year: int | None = None) -> tuple[str, ...]:
        """The official name plus the aliases accepted in ``year`` (all if ``None``)."""
        periods = self.alias_periods or ((None, None),) * len(self.aliases)
        extra = tuple(a for a, (lo, hi) in zip(self.aliases, periods) if _in_period(year, lo, hi))
        return (self.name, *extra)


def _in_period(year: int | None, lo: int | None, hi: int | None) -> bool:
    if year is None:
        return True
    return (lo is None or year >= lo) and (hi is None or year <= hi)


# ---------------------------------------------------------------- normalisation

_CODE_JUNK = regexes.compile(r"[\s.\-_·]")
_NAME_DROP = regexes.compile(r"[\s\"'“”‘’「」『』]")
_NAME_LEAD = regexes.compile(r"^(?:[一二三四五六七八九十]+、|\(?\d+\)|\d+[.、])")
_BRACKETS = str.maketrans({"〔": "(", "〕": ")", "【": "(", "】": ")", "[": "(", "]": ")"})


def normalise_code(code: str) -> str:
    """Full-width digits to ASCII; drop spaces and separators (``210 15 01`` → ``2101501``)."""
    return _CODE_JUNK.sub("", unicodedata.normalize("NFKC", str(code)))


@functools.lru_cache(maxsize=1 << 13, typed=True)  # a name is compared with list after list
def normalise_name(name: str) -> str:
    """Comparable form of a 科目 name.

    NFKC (full-width brackets and digits to ASCII), all whitespace and quotes removed,
    other bracket shapes folded to ``()``, leading list numbering (``一、``, ``1.``) dropped.
    """
    text = unicodedata.normalize("NFKC", str(name)).translate(_BRACKETS)
    text = _NAME_DROP.sub("", text)
    return _NAME_LEAD.sub("", text)


# ---------------------------------------------------------------- shape helpers

def kind_of(code: str) -> str | None:
    """Which list a code belongs to, judged by its shape; ``None`` if no list fits."""
    code = normalise_code(code)
    if not code.isdigit():
        return None
    kind = _FIRST_DIGIT.get(code[:1])
    if kind is None:
        return None
    allowed = (3, 5, 7) if kind == FUNCTIONAL else (3, 5)
    return kind if len(code) in allowed else None


def level_of(code: str) -> str:
    """``类``/``款``/``项`` for a well-shaped code, ``""`` for anything else."""
    code = normalise_code(code)
    return _LEVELS[len(code)] if kind_of(code) else ""


def parent_code(code: str) -> str | None:
    """The 款 of a 项, the 类 of a 款; ``None`` for a 类 or a malformed code."""
    code = normalise_code(code)
    if not kind_of(code) or len(code) == 3:
        return None
    return code[: len(code) - 2]


# ---------------------------------------------------------------- loading

def _year(text: str) -> int | None:
    text = text.strip()
    return int(text) if text else None


def _parse_alias(raw: str) -> tuple[str, tuple[int | None, int | None]]:
    name, _, period = raw.partition("@")
    if not period:
        return name.strip(), (None, None)
    lo, _, hi = period.partition("-")
    return name.strip(), (_year(lo), _year(hi))


def _row_to_entry(row: dict[str, str], kind: str) -> CodeEntry:
    parsed = [_parse_alias(a) for a in row["aliases"].split("|") if a.strip()]
    return CodeEntry(
        code=row["code"].strip(),
        name=row["name"].strip(),
        level=row["level"].strip(),
        valid_from=_year(row["valid_from"]),
        valid_to=_year(row["valid_to"]),
        aliases=tuple(name for name, _ in parsed),
        source=row["source"].strip(),
        alias_periods=tuple(period for _, period in parsed),
        kind=kind,
    )


@functools.lru_cache(maxsize=8)
def all_entries(kind: str) -> tuple[CodeEntry, ...]:
    """Every row of one list (a code may appear more than once with disjoint periods)."""
    if kind not in _FILES:
        raise ValueError(f"unknown code list {kind!r}; expected one of {KINDS}")
    text = (Path(__file__).parent / _FILES[kind]).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames != _COLUMNS:
        raise ValueError(f"{_FILES[kind]}: unexpected columns {reader.fieldnames}")
    return tuple(_row_to_entry(row, kind) for row in reader)


def _latest_first(entry: CodeEntry) -> tuple[int, int]:
    far = 10_000
    return (entry.valid_to or far, entry.valid_from or 0)


@functools.lru_cache(maxsize=128)
def _codes(kind: str, year: int | None) -> dict[str, CodeEntry]:
    result: dict[str, CodeEntry] = {}
    for entry in sorted(all_entries(kind), key=_latest_first):
        if entry.valid_in(year):
            result[entry.code] = entry  # later (newer) rows win when year is None
    return result


def functional_codes(year: int | None = None) -> dict[str, CodeEntry]:
    """支出功能分类科目 valid in ``year`` (``None``: every code, newest row per code)."""
    return dict(_codes(FUNCTIONAL, year))


def economic_codes(year: int | None = None) -> dict[str, CodeEntry]:
    """部门预算支出经济分类科目 valid in ``year``."""
    return dict(_codes(ECONOMIC, year))


def gov_economic_codes(year: int | None = None) -> dict[str, CodeEntry]:
    """政府预算支出经济分类科目 valid in ``year``."""
    return dict(_codes(GOV_ECONOMIC, year))


def lookup(code: str, year: int | None = None) -> CodeEntry | None:
    """Find a code in the list its shape points to; ``None`` if unknown or not valid in ``year``."""
    code = normalise_code(code)
    kind = kind_of(code)
    if kind is None:
        return None
    return _codes(kind, year).get(code)


def name_matches(entry: CodeEntry, name: str, year: int | None = None) -> bool:
    """True if ``name`` is the entry's official name or an alias (accepted in ``year``)."""
    wanted = normalise_name(name)
    return any(normalise_name(candidate) == wanted for candidate in entry.names_for(year))


@functools.lru_cache(maxsize=4096)
def names_ever(code: str) -> frozenset[str]:
    """Every name (normalised) the code has carried in any year of its list: the official
    names and aliases of all its rows (30307 医疗费 until 2017, 医疗费补助 since 2018)."""
    code = normalise_code(code)
    kind = kind_of(code)
    if kind is None:
        return frozenset()
    return frozenset(normalise_name(name) for entry in all_entries(kind) if entry.code == code
                     for name in (entry.name, *entry.aliases))


@functools.lru_cache(maxsize=4096)
def codes_named(name: str, kind: str) -> tuple[str, ...]:
    """The codes of one list that have carried ``name`` in any year (``物业管理费`` → 30209)."""
    wanted = normalise_name(name)
    found = {entry.code for entry in all_entries(kind) if wanted in names_ever(entry.code)}
    return tuple(sorted(found))
