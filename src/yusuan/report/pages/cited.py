"""What each location of a finding on a PDF quotes, from a report bundle: the page, the line
within it, the line's text and the figure as the line prints it.

A table location with a column quotes that column's value of the row: the TAB cell of the
line that prints it (of several alike, the one standing where the row's filled columns put
it). A location naming a row by its code quotes the code's cell. Any other location quotes
the figure of the finding (reported or computed) where its line prints one, else the line.
"""

from __future__ import annotations

from typing import Any

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.recognise.numbers import parse_amount
from yusuan.report.pages.boxes import Cited

VALUE_KEYS = ("reported", "computed")
_NUMBER = regexes.compile(r"[-−]?\d[\d,，]*(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class CitedLocation:
    """Location `location` of finding `finding` (indexes in the check JSON) and what it quotes."""

    finding: int
    location: int
    cited: Cited


def cited_locations(bundle: dict[str, Any]) -> list[CitedLocation]:
    """Every location of every finding that names a page of a single PDF."""
    check = bundle["check"]
    if check["source"].get("format") != "pdf" or check["source"].get("parts"):
        return []
    pages = page_lines(bundle)
    out = []
    for f_index, finding in enumerate(check["findings"]):
        for l_index, location in enumerate(finding.get("locations", [])):
            page, line = location.get("page"), location.get("line")
            lines = pages.get(page, []) if isinstance(page, int) else []
            if not isinstance(line, int) or not 1 <= line <= len(lines):
                continue
            number, text = lines[line - 1]
            figure, cell = quoted(bundle, finding, location, number, text)
            out.append(CitedLocation(f_index, l_index, Cited(page, line, text, figure, cell)))
    return out


def page_lines(bundle: dict[str, Any]) -> dict[int, list[tuple[int, str]]]:
    """Each page's lines in order, as (document line number, text)."""
    pages: dict[int, list[tuple[int, str]]] = {}
    for number, page, text in bundle["lines"]:
        if page is not None:
            pages.setdefault(page, []).append((number, text))
    return pages


def quoted(bundle: dict[str, Any], finding: dict[str, Any], location: dict[str, Any],
           number: int, text: str) -> tuple[str | None, int | None]:
    """(figure as printed, TAB cell holding it) of a location on document line `number`."""
    cells = text.split("\t")
    column = location.get("column")
    if location.get("table") and column:
        found = table_row(bundle, location, number)
        if found is not None:
            table, row = found
            value = row["values"].get(column)
            if isinstance(value, (int, float)):
                cell = value_cell(cells, table, row, column, value)
                if cell is not None:
                    return cells[cell].strip(), cell
                return printed(text, [value])
    code = location.get("code")
    if code:
        for index, cell_text in enumerate(cells):
            if cell_text.strip().startswith(code):
                return cell_text.strip(), index
    values = [v for k, v in finding.get("values", {}).items()
              if k in VALUE_KEYS and isinstance(v, (int, float)) and not isinstance(v, bool)]
    return printed(text, values)


def table_row(bundle: dict[str, Any], location: dict[str, Any],
              number: int) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The table and row a location cites on document line `number`."""
    column = location.get("column")
    for table in bundle["tables"]:
        if location.get("table") and table["kind"] != location["table"]:
            continue
        if not table["lines"][0] <= number <= table["lines"][1]:
            continue
        for row in table["rows"]:
            on_line = row.get("value_lines", {}).get(column, row["line"]) == number
            if on_line and (not location.get("code") or row.get("code") == location["code"]):
                return table, row
    return None


def value_cell(cells: list[str], table: dict[str, Any], row: dict[str, Any], column: str,
               value: float) -> int | None:
    """The TAB cell printing `value`; of several, the one at the column's place among the
    row's filled columns."""
    amounts = [i for i, text in enumerate(cells)
               if parse_amount(text) is not None and text.strip() != (row.get("code") or "")]
    same = [i for i in amounts if abs(parse_amount(cells[i])[0] - value) < 1e-6]  # type: ignore[index]
    if len(same) <= 1:
        return same[0] if same else None
    filled = [c["key"] for c in table["columns"] if row["values"].get(c["key"]) is not None]
    if len(filled) == len(amounts) and column in filled:
        placed = amounts[filled.index(column)]
        if placed in same:
            return placed
    return same[0]


def printed(text: str, values: list[float]) -> tuple[str | None, int | None]:
    """The first number the line prints that is one of `values` (None: the line as a whole)."""
    for match in _NUMBER.finditer(text):
        amount = parse_amount(match.group())
        if amount is not None and any(abs(amount[0] - value) < 1e-6 for value in values):
            return match.group(), None
    return None, None
