"""Which functional code a narrative or glossary 类/款/项 name stands for, by the tables first."""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from yusuan import regexes
from yusuan.codes import functional_codes
from yusuan.kept.dataclass_code import dataclass, field
from yusuan.model import Document, Fact, Location, Table, TableRow

FUNCTIONAL_KINDS = ("general_budget_expenditure", "expenditure", "fiscal_summary")
LEVEL_LENGTH = {"class": 3, "kuan": 5, "item": 7}


@lru_cache(maxsize=1 << 13)  # every official name is made plain again for each name looked up
def plain(name: str) -> str:
    return "".join(name.split()).replace("（", "(").replace("）", ")").strip("。.、:：“”\"'‘’「」《》")


def without_qualifier(name: str) -> str:
    """'行政运行（卫生健康）' → '行政运行': the field some documents add after a common 项 name."""
    return regexes.sub(r"[（(][^（()）]*[)）]$", "", name.strip())


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, plain(a), plain(b)).ratio()


@lru_cache(maxsize=16)
def official_names(year: int | None) -> dict[str, tuple[str, ...]]:
    """Each functional code of `year`'s list → its official name and the aliases of that year,
    worked out once a year (every CodeBook asked for them anew; read, never changed)."""
    return {code: entry.names_for(year) for code, entry in functional_codes(year).items()}


@lru_cache(maxsize=16)
def _codes_by_official_name(year: int | None) -> dict[tuple[int, str], list[str]]:
    """(length, plain name) → the codes of that length with that official name or alias in
    `year`, sorted: `codes_named`'s look-up without going through the whole list a name."""
    index: dict[tuple[int, str], list[str]] = {}
    for code, names in official_names(year).items():
        for key in dict.fromkeys((len(code), plain(n)) for n in names):
            index.setdefault(key, []).append(code)
    for codes in index.values():
        codes.sort()
    return index


@dataclass(slots=True)
class CodeBook:
    """The functional rows the tables print (code → table, row) and the official names."""

    rows: dict[str, tuple[Table, TableRow]] = field(default_factory=dict)
    official: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_name: dict[tuple[int, str], list[str]] = field(default_factory=dict)  # of `official`

    @classmethod
    def of(cls, doc: Document) -> CodeBook:
        book = cls()
        tables = [table for kind in FUNCTIONAL_KINDS for table in doc.tables_of(kind)]
        # a row is cited where the reading is sure: a table in doubt cites no accusation
        for table in sorted(tables, key=lambda t: bool(t.doubts)):
            for row in table.rows:
                code = row.code or ""
                if code.startswith("2") and len(code) in (3, 5, 7) and code.isdigit():
                    book.rows.setdefault(code, (table, row))
        book.official = official_names(doc.year)
        book.by_name = _codes_by_official_name(doc.year)
        return book

    def name(self, code: str) -> str | None:
        if code in self.rows:
            return plain(self.rows[code][1].name)
        names = self.official.get(code)
        return names[0] if names else None

    def location(self, code: str, column: str = "total") -> Location | None:
        found = self.rows.get(code)
        if found is None:
            return None
        table, row = found
        key = column if column in row.values else next(iter(row.values), column)
        return Location(row.line_of(key), table=table.kind, code=code, column=key, page=row.page)

    def codes_named(self, name: str, length: int, prefix: str = "") -> list[str]:
        """Codes of `length` digits under `prefix` whose table or official name is `name`."""
        wanted = plain(name)
        table = [c for c, (_, r) in self.rows.items()
                 if len(c) == length and c.startswith(prefix) and plain(r.name) == wanted]
        if table:
            return sorted(table)
        return [c for c in self.by_name.get((length, wanted), ()) if c.startswith(prefix)]

    def used(self, code: str) -> bool:
        found = self.rows.get(code)
        return found is not None and any(v for v in found[1].values.values())

    def closest(self, name: str, length: int, prefix: str, value: float | None) -> str | None:
        """The table row under `prefix` a misnamed 款/项 most likely is (its amount, its name)."""
        rows = [(c, r) for c, (_, r) in self.rows.items()
                if len(c) == length and c.startswith(prefix)]
        if value is not None:
            same = [c for c, r in rows if any(abs(v - value) < 1e-6 for v in r.values.values())
                    and similarity(r.name, name) >= 0.4]
            if len(same) == 1:
                return same[0]
        scored = sorted(((similarity(r.name, name), c) for c, r in rows), reverse=True)
        if scored and scored[0][0] >= 0.6 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            return scored[0][1]
        return None


@dataclass(slots=True)
class Resolved:
    """The codes a 类/款/项 statement names; None where the name is not a code's name."""

    fact: Fact
    class_code: str | None = None
    kuan_code: str | None = None
    item_codes: list[str | None] = field(default_factory=list)


def resolve(book: CodeBook, fact: Fact) -> Resolved:
    extra = fact.extra
    out = Resolved(fact)
    lei = extra.get("class")
    if lei:
        found = book.codes_named(lei, 3)
        out.class_code = found[0] if found else None
    kuan = extra.get("kuan")
    if kuan:
        found = book.codes_named(kuan, 5, out.class_code or "")
        out.kuan_code = found[0] if found else None
    prefix = out.kuan_code or out.class_code or ""
    for item in extra.get("items") or []:
        found = book.codes_named(item, 7, prefix) or book.codes_named(
            without_qualifier(item), 7, prefix)
        out.item_codes.append(found[0] if len(found) == 1 else None)
    return out
