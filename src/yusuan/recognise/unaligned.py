"""Tables whose rows do not keep cell positions (hard-wrapped PDF text): header labels found in
fragments, values assigned to columns left to right, two-sided summary rows split into their
income and expenditure halves."""

from __future__ import annotations

from collections.abc import Sequence

from yusuan import regexes
from yusuan.model import Cell, Column, Row, Table, TableRow
from yusuan.recognise.columns import label_key
from yusuan.recognise.numbers import is_nil, parse_amount
from yusuan.recognise.rows import numbering_level
from yusuan.recognise.segments import Segment
from yusuan.recognise.unaligned_header import header_labels, side_columns, value_columns

TWO_SIDED = frozenset({"summary", "fiscal_summary"})
UNIT_ROW_KINDS = frozenset({"income", "other", "project_expenditure"})
SIDES = ("income", "expenditure", "expenditure_by_type")
_CODE = regexes.compile(r"^\[?((?=[0-9A-Z]*\d)[0-9A-Z]{2,})\]?$")
_UNIT_CODE = regexes.compile(r"^\d{3,}$")
_INCOME_ITEM = regexes.compile(r"收入|拨款|^上年|^年初|弥补收支")


def unaligned_table(table: Table, segment: Segment) -> Table:
    """Fill `table` (kind, title, lines already set) from a segment of unaligned rows."""
    labels = header_labels(segment.header_rows)
    if table.kind in TWO_SIDED:
        two_sided_rows(table, segment.data_rows, labels)
    else:
        table.columns = value_columns(labels)
        unit_rows = table.kind in UNIT_ROW_KINDS
        with_unit = any(label_key(label) == "unit_name" for label in labels)
        for row in segment.data_rows:
            table_row = coded_row(row, table, unit_rows)
            if table_row is not None:
                table.rows.append(table_row)
        if with_unit:
            split_unit_names(table.rows)
    table.empty = not table.rows
    return table


def is_value(text: str) -> bool:
    return is_nil(text) or parse_amount(text) is not None


def is_code(cells: tuple[Cell, ...], index: int) -> bool:
    """A code: digits (and capitals) with no separator, first in the row or before a name."""
    text = cells[index].text
    if not _CODE.match(text):
        return False
    following = cells[index + 1].text if index + 1 < len(cells) else ""
    return index == 0 and len(text) >= 3 or bool(following) and not is_value(following)


def code_of(text: str) -> str:
    match = _CODE.match(text)
    return match.group(1) if match else text


def coded_row(row: Row, table: Table, unit_rows: bool) -> TableRow | None:
    """Code, name and amounts of one row of a one-sided table, amounts left to right."""
    cells = row.filled
    if not cells or is_page_number(cells):
        return None
    index, code = 0, None
    if is_code(cells, 0):
        code, index = code_of(cells[0].text), 1
    labels: list[Cell] = []
    while index < len(cells) and not is_value(cells[index].text):
        labels.append(cells[index])
        index += 1
    name, level = numbering_level("".join(cell.text for cell in labels))
    table_row = TableRow(name=name, line=cells[0].line, code=code, page=cells[0].page)
    if level:
        table_row.extra["level"] = level
    assign_values(table_row, cells[index:], table.columns)
    if unit_rows and code and _UNIT_CODE.match(code):
        table_row.unit_code, table_row.unit_name = code, name
    return table_row


def is_page_number(cells: Sequence[Cell]) -> bool:
    """A lone small integer between rows is the page number of a PDF page."""
    return len(cells) == 1 and cells[0].text.isdigit() and len(cells[0].text) <= 3


def assign_values(table_row: TableRow, cells: Sequence[Cell], columns: list[Column]) -> None:
    """Amounts to columns left to right; a dash takes its column and stays absent."""
    position = 0
    for cell in cells:
        if not is_value(cell.text):
            continue
        if position >= len(columns):
            columns.append(Column(key=f"col_{position + 1}", header=[]))
        key = columns[position].key
        position += 1
        amount = None if is_nil(cell.text) else parse_amount(cell.text)
        if amount is None:
            continue
        table_row.values[key], table_row.decimals[key] = amount
        if cell.line != table_row.line:
            table_row.value_lines[key] = cell.line


def split_unit_names(rows: list[TableRow]) -> None:
    """A row naming its unit after its own name (项目名称 then 项目单位, wrapped into one run):
    split off the longest name of a unit row printed above."""
    units: list[str] = []
    for row in rows:
        if row.unit_code:
            units.append(row.name)
            continue
        found = max((unit for unit in units if row.name.endswith(unit) and row.name != unit),
                    key=len, default=None)
        if found:
            row.name, row.unit_name = row.name[: -len(found)], found


def halves(cells: Sequence[Cell]) -> list[tuple[list[Cell], list[Cell]]]:
    """Split a two-sided row into (label cells, value cells) halves, left to right."""
    result: list[tuple[list[Cell], list[Cell]]] = []
    for index, cell in enumerate(cells):
        # an integer before a name is a code once this half has its value (元 amounts are integers)
        settled = not result or bool(result[-1][1])
        starts_code = settled and is_code(tuple(cells), index) and index + 1 < len(cells)
        if is_value(cell.text) and not starts_code:
            if not result:
                result.append(([], []))
            result[-1][1].append(cell)
            continue
        current = result[-1] if result else None
        code_then_name = (current is not None and not current[1] and len(current[0]) == 1
                          and _CODE.match(current[0][0].text))
        if current is not None and code_then_name:
            current[0].append(cell)
        else:
            result.append(([cell], []))
    return result


def side_of(name: str, count: int, position: int) -> str:
    if count > 1:
        return SIDES[min(position, len(SIDES) - 1)]
    return "income" if _INCOME_ITEM.search(name) and "支出" not in name else "expenditure"


def two_sided_rows(table: Table, rows: list[Row], labels: list[str]) -> None:
    table.columns = side_columns(labels)
    row_numbers = "行次" in labels
    for row in rows:
        parts = halves(row.filled)
        for position, (label_cells, value_cells) in enumerate(parts):
            if not label_cells:
                continue
            table.rows.append(half_row(label_cells, value_cells, table.columns, row_numbers))
            table.rows[-1].side = side_of(table.rows[-1].name, len(parts), position)


def half_row(labels: list[Cell], values: list[Cell], columns: list[Column], row_numbers: bool) -> TableRow:
    code = code_of(labels[0].text) if len(labels) > 1 and _CODE.match(labels[0].text) else None
    text = "".join(cell.text for cell in (labels[1:] if code else labels))
    name, level = numbering_level(text.replace(" ", ""))
    table_row = TableRow(name=name, line=labels[0].line, code=code, page=labels[0].page)
    if level:
        table_row.extra["level"] = level
    if row_numbers and values and values[0].text.isdecimal():
        table_row.extra["row_no"] = int(values[0].text)
        values = values[1:]
    assign_values(table_row, values, columns)
    return table_row
