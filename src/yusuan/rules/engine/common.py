"""Helpers shared by the table rules: printed amounts with their locations, sum checks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from yusuan.kept.dataclass_code import dataclass
from yusuan.model import Document, Finding, Location, Table, TableRow
from yusuan.recognise.narrative.paragraphs import (
    Paragraph,
    build_paragraphs,
    joined_from_paragraphs,
    joined_text,
)
from yusuan.rules.engine import check_memo, make_finding, remembered, rule_memo
from yusuan.rules.engine.tolerance import (
    Comparison,
    Printed,
    Verdict,
    compare_equal,
    compare_sum,
    default_decimals,
)

FUNCTIONAL_TABLES = ("expenditure", "general_budget_expenditure", "gov_fund", "soe_capital")
SUMMARY_TABLES = ("summary", "fiscal_summary")
FUNCTIONAL_LEVELS = {3: "lei", 5: "kuan", 7: "xiang"}
ECONOMIC_LEVELS = {3: "lei", 5: "kuan"}


@dataclass(frozen=True, slots=True, init=False)
class Amount:
    """A printed value with its decimals and where it stands."""

    value: float
    decimals: int
    location: Location
    shown: int | None = None  # the decimals shown, where some but fewer than the table's

    def __init__(self, value: float, decimals: int, location: Location,
                 shown: int | None = None) -> None:
        # what the generated __init__ of a frozen class does, through each slot's own setter
        # (a check makes an Amount of nearly every printed value, several times over)
        _set_value(self, value)
        _set_decimals(self, decimals)
        _set_location(self, location)
        _set_shown(self, shown)

    @property
    def printed(self) -> Printed:
        return Printed(self.value, self.decimals)

    @property
    def as_shown(self) -> Printed:
        """The value as its cell shows it: a spreadsheet's General format may round a long
        figure to fewer decimals than its table prints ("936647884.3" for …884.33)."""
        return Printed(self.value, self.decimals if self.shown is None else self.shown)


_set_value, _set_decimals = Amount.value.__set__, Amount.decimals.__set__  # type: ignore[attr-defined]
_set_location, _set_shown = Amount.location.__set__, Amount.shown.__set__  # type: ignore[attr-defined]


def table_unit(doc: Document, table: Table) -> str | None:
    return table.unit or doc.unit


def amount(doc: Document, table: Table, row: TableRow, key: str) -> Amount | None:
    """The value printed in `row` under `key`, or None when the cell is blank."""
    value = row.values.get(key)
    if value is None:
        return None
    printed = row.decimals.get(key, 0)
    decimals = max(printed, table_precision(doc, table))
    loc = Location(row.line_of(key), table=table.kind, code=row.code, column=key,
                   page=row.page, name=None if row.code else row.name)
    # a figure shown with some decimals but fewer than its table's may be rounded in display
    # ("936647884.3"); a whole number is taken as printed with its zeros stripped ("40")
    return Amount(float(value), decimals, loc, printed if 0 < printed < decimals else None)


def table_precision(doc: Document, table: Table) -> int:
    """The decimals a table prints its values with: the most any of its values shows.

    Spreadsheet exports drop trailing zeros ("40" and "1234.5" in a table of 1234.56), so a
    value printed with fewer decimals than its table stands for the table's precision.
    """
    # asked for every amount of the table: worked out once a rule
    return remembered(rule_memo(), ("table_precision", id(doc), id(table)), (doc, table),
                      lambda: _precision(doc, table))


def _precision(doc: Document, table: Table) -> int:
    shown = [d for row in table.rows for d in row.decimals.values()]
    return max(shown) if shown else default_decimals(table_unit(doc, table))


def amounts(doc: Document, table: Table, rows: Iterable[TableRow], key: str) -> list[Amount]:
    found = (amount(doc, table, row, key) for row in rows)
    return [a for a in found if a is not None]


def value_columns(table: Table) -> list[str]:
    """Every column key that holds a value in some row, in column order where known."""
    keys = [c.key for c in table.columns]
    for row in table.rows:
        keys.extend(k for k in row.values if k not in keys)
    return [k for k in keys if any(k in row.values for row in table.rows)]


def is_functional(code: str | None) -> bool:
    return code is not None and code.isdigit() and code[0] == "2"


def is_economic(code: str | None) -> bool:
    return code is not None and code.isdigit() and code[0] in "35"


def coded_rows(table: Table) -> Iterator[TableRow]:
    """Rows carrying a classification code (not a budget-unit code)."""
    return (row for row in table.rows
            if row.code and row.code.isdigit() and row.unit_code is None)


@lru_cache(maxsize=1 << 13)  # the same row names are compared by rule after rule
def compact_name(name: str) -> str:
    """A name without spaces, with ASCII brackets, for comparing names across tables."""
    return "".join(name.split()).replace("（", "(").replace("）", ")")


def money_severity(*parts_missing: bool) -> str | None:
    """`warning` when a part was blank (the gap may be a missing value), else the default."""
    return "warning" if any(parts_missing) else None


def row_label(row: TableRow) -> str:
    return f"{row.code} {row.name}".strip() if row.code else row.name


def _values(cmp: Comparison) -> dict[str, Any]:
    return {"reported": cmp.reported, "computed": cmp.computed, "difference": cmp.difference}


def sum_finding(
    rule_id: str,
    total: Amount,
    parts: list[Amount],
    what: str,
    *,
    severity: str | None = None,
    **args: Any,
) -> Finding | None:
    """A finding when `total` ≠ Σ `parts` (info/rounding when rounding explains it)."""
    cmp = compare_sum(total.printed, [p.printed for p in parts])
    locations = [total.location, *(p.location for p in parts)]
    if cmp.verdict is Verdict.MISMATCH and _shown_rounded([total, *parts]):
        shown = compare_sum(total.as_shown, [p.as_shown for p in parts])
        if shown.verdict is not Verdict.MISMATCH:
            return _display_rounded(rule_id, cmp, [total, *parts], what, args)
    return _finding(rule_id, cmp, locations, what, severity, args)


def equal_finding(
    rule_id: str,
    left: Amount,
    right: Amount,
    what: str,
    *,
    severity: str | None = None,
    same_ledger: bool = False,
    **args: Any,
) -> Finding | None:
    """A finding when two printings of one figure differ. With `same_ledger` (both tables
    print the one figure of the books, not a sum of rounded parts, to the same decimals) a
    gap within rounding is no rounding: a warning that the two printings must agree."""
    cmp = compare_equal(left.printed, right.printed)
    if cmp.verdict is not Verdict.EQUAL and _shown_rounded([left, right]):
        shown = compare_equal(left.as_shown, right.as_shown)
        if shown.verdict is not Verdict.MISMATCH:
            return _display_rounded(rule_id, cmp, [left, right], what, args)
    if same_ledger and cmp.verdict is Verdict.ROUNDING and left.decimals == right.decimals:
        return _same_figure(rule_id, left, right, what, cmp, args)
    return _finding(rule_id, cmp, [left.location, right.location], what, severity, args)


def _shown_rounded(amounts: list[Amount]) -> bool:
    return any(a.shown is not None for a in amounts)


def _display_rounded(rule_id: str, cmp: Comparison, amounts: list[Amount], what: str,
                     args: dict[str, Any]) -> Finding:
    """A gap that only the cells printed with fewer decimals than their table explain: the
    figures agree, the cell shows a rounded figure (a defect of presentation, one warning)."""
    short = [a for a in amounts if a.shown is not None and a.value]
    cells = "、".join(f"{a.value:.{a.shown}f}" for a in short)
    return make_finding(rule_id, [a.location for a in amounts], _values(cmp), severity="warning",
                        category="display_rounding", message_id="DISPLAY_ROUNDED",
                        what=what, reported=cmp.reported, computed=cmp.computed,
                        difference=cmp.difference, cells=cells or "0",
                        table_places=max(a.decimals for a in amounts))


def _same_figure(rule_id: str, left: Amount, right: Amount, what: str, cmp: Comparison,
                 args: dict[str, Any]) -> Finding:
    places = left.decimals
    shown = dict(args, what=what, reported=f"{left.value:.{places}f}",
                 computed=f"{right.value:.{places}f}", difference=f"{abs(cmp.difference):.{places}f}")
    shown.pop("message_id", None)
    shown.setdefault("table_a", "一处")
    shown.setdefault("table_b", "另一处")
    message_id = "SAME_FIGURE.COLUMN" if "column" in shown else "SAME_FIGURE"
    return make_finding(rule_id, [left.location, right.location], _values(cmp),
                        severity="warning", message_id=message_id, **shown)


def _finding(
    rule_id: str,
    cmp: Comparison,
    locations: list[Location],
    what: str,
    severity: str | None,
    args: dict[str, Any],
) -> Finding | None:
    if cmp.verdict is Verdict.EQUAL:
        return None
    args = dict(args)
    message_id = args.pop("message_id", None)
    shown = dict(what=what, reported=cmp.reported, computed=cmp.computed,
                 difference=cmp.difference, **args)
    if cmp.verdict is Verdict.ROUNDING:
        rounding_id = "ROUNDING.COLUMN" if "column" in args else "ROUNDING"
        return make_finding(rule_id, locations, _values(cmp), severity="info",
                            category="rounding", message_id=rounding_id,
                            bound=cmp.bound, **shown)
    return make_finding(rule_id, locations, _values(cmp), severity=severity,
                        message_id=message_id, **shown)


def compact(findings: Iterable[Finding | None]) -> list[Finding]:
    return [f for f in findings if f is not None]


def has_figures(table: Table) -> bool:
    """The table prints at least one amount (a blank form prints row names and none)."""
    return not table.empty and any(row.values for row in table.rows)


def blank_form(tables: list[Table]) -> bool:
    """Tables that print names and not one figure: a template, not a disclosure."""
    return bool(tables) and not any(has_figures(t) for t in tables)


def lines_in_tables(doc: Document) -> frozenset[int]:
    """The numbers of the lines the document's tables span (one set, for membership tests),
    worked out once a check (a dozen rules ask)."""
    return remembered(check_memo(), ("lines_in_tables", id(doc)), (doc,),
                      lambda: frozenset(number for table in doc.tables
                                        for number in range(table.lines[0], table.lines[1] + 1)))


def paragraphs(doc: Document) -> list[Paragraph]:
    """The narrative's paragraphs (tables left out), built once for all the rules of a check:
    those the facts were read from while the source is unchanged."""
    memo = check_memo()
    if memo is None:
        return _narrative_paragraphs(doc)
    built = memo.get("paragraphs")
    if built is None or built[0] is not doc.source:
        built = memo["paragraphs"] = (doc.source, _narrative_paragraphs(doc))
    return built[1]


def _narrative_paragraphs(doc: Document) -> list[Paragraph]:
    kept = doc.paragraphs
    if kept is not None and kept[0] is doc.source and kept[1] == tuple(doc.source.lines):
        return kept[2]  # type: ignore[no-any-return]
    return build_paragraphs(doc.source)


def joined(doc: Document) -> tuple[str, Sequence[int]]:
    """The whole text as one string, tables included, with each character's line (as runs):
    joined of the paragraphs the facts were read from and the table lines they left out, when
    those are the source's as it stands (not walked again), else walked anew."""
    kept = doc.paragraphs
    if kept is not None and paragraphs(doc) is kept[2]:
        built = joined_from_paragraphs(doc.source, kept[2], kept[3])
        if built is not None:
            return built
    return joined_text(doc.source)
