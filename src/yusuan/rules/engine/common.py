"""Helpers shared by the table rules: printed amounts with their locations, sum checks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from yusuan.model import Document, Finding, Location, Table, TableRow
from yusuan.recognise.narrative.paragraphs import Paragraph, build_paragraphs
from yusuan.rules.engine import check_memo, make_finding, rule_memo
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


@dataclass(frozen=True, slots=True)
class Amount:
    """A printed value with its decimals and where it stands."""

    value: float
    decimals: int
    location: Location

    @property
    def printed(self) -> Printed:
        return Printed(self.value, self.decimals)


def table_unit(doc: Document, table: Table) -> str | None:
    return table.unit or doc.unit


def amount(doc: Document, table: Table, row: TableRow, key: str) -> Amount | None:
    """The value printed in `row` under `key`, or None when the cell is blank."""
    value = row.values.get(key)
    if value is None:
        return None
    decimals = max(row.decimals.get(key, 0), table_precision(doc, table))
    loc = Location(row.line_of(key), table=table.kind, code=row.code, column=key,
                   page=row.page, name=None if row.code else row.name)
    return Amount(float(value), decimals, loc)


def table_precision(doc: Document, table: Table) -> int:
    """The decimals a table prints its values with: the most any of its values shows.

    Spreadsheet exports drop trailing zeros ("40" and "1234.5" in a table of 1234.56), so a
    value printed with fewer decimals than its table stands for the table's precision.
    """
    memo = rule_memo()
    key = ("table_precision", id(doc), id(table))
    if memo is not None and key in memo:
        return memo[key][2]
    shown = [d for row in table.rows for d in row.decimals.values()]
    precision = max(shown) if shown else default_decimals(table_unit(doc, table))
    if memo is not None:  # asked for every amount of the table: worked out once a rule
        memo[key] = (doc, table, precision)
    return precision


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
    if same_ledger and cmp.verdict is Verdict.ROUNDING and left.decimals == right.decimals:
        return _same_figure(rule_id, left, right, what, cmp, args)
    return _finding(rule_id, cmp, [left.location, right.location], what, severity, args)


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


def lines_in_tables(doc: Document) -> set[int]:
    """The numbers of the lines the document's tables span (one set, for membership tests)."""
    return {number for table in doc.tables for number in range(table.lines[0], table.lines[1] + 1)}


def paragraphs(doc: Document) -> list[Paragraph]:
    """The narrative's paragraphs (tables left out), built once for all the rules of a check."""
    memo = check_memo()
    if memo is None:
        return build_paragraphs(doc.source)
    built = memo.get("paragraphs")
    if built is None or built[0] is not doc.source:
        built = memo["paragraphs"] = (doc.source, build_paragraphs(doc.source))
    return built[1]
