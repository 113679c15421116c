"""Data rows → TableRow: code, name, values by column key, decimals, budget unit."""

from __future__ import annotations

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass, field
from yusuan.model import Cell, Row, TableRow
from yusuan.recognise.numbers import is_nil, parse_amount

_NUMBERING = regexes.compile(
    r"^(?:[一二三四五六七八九十廿]+、|[（(][一二三四五六七八九十廿]+[）)]|\d+[.、．]|[（(]\d+[）)])\s*"
)
# a code, not a year: '2024年预算数' heads a column group
_CODE_AND_NAME = regexes.compile(r"^\[?(\d{3,}[0-9A-Za-z]*)(?![0-9A-Za-z])\]?(?!\s*年)\s*(\S.*)?$")
_SEQUENCE = regexes.compile(r"^(\d{1,2}|[A-Z])$")  # a serial number or letter before the name
_UNIT_CODE = regexes.compile(r"^\[?(\d{3,})\]?$")


@dataclass(slots=True)
class Group:
    """Column positions of one side-by-side group: its label columns and its value columns."""

    code: int | None
    name: int | None
    unit_name: int | None
    values: list[tuple[int, str]]
    side: str | None = None
    labels: list[int] = field(default_factory=list)
    # 类 / 款 / 项 columns of a code printed in parts ("207 | 01 | 01"), and the parts the
    # rows above began (a part left blank is the one of the row above)
    code_parts: list[int] = field(default_factory=list)
    part_context: list[str] = field(default_factory=list)
    line_no: int | None = None  # the 行次 / 序号 column


def numbering_level(name: str) -> tuple[str, int]:
    """Strip a leading 一、/（一）/1./(1) and tell its level (1-4; 0 when unnumbered)."""
    match = _NUMBERING.match(name)
    if not match:
        return name, 0
    token = match.group(0).strip()
    if token.endswith("、") and not token[0].isdigit():
        level = 1
    elif token[0] in "（(" and not token[1].isdigit():
        level = 2
    elif token[0].isdigit():
        level = 3
    else:
        level = 4
    return name[match.end():].strip(), level


def cell_at(row: Row, position: int | None) -> Cell | None:
    if position is None or position >= len(row.cells):
        return None
    return row.cells[position]


def split_code(text: str) -> tuple[str | None, str]:
    """"208 社会保障和就业支出" → ("208", "社会保障和就业支出"); "[056002]" → ("056002", "")."""
    match = _CODE_AND_NAME.match(text)
    if not match:
        return None, text
    return match.group(1), (match.group(2) or "").strip().lstrip("-—－:：·").strip()


def label_texts(row: Row, group: Group) -> tuple[str | None, str]:
    """Code and name from the group's label cells, wherever in them they were printed."""
    code: str | None = None
    name = ""
    for position in group.labels:
        cell = cell_at(row, position)
        if cell is None or not cell.text:
            continue
        found, rest = split_code(cell.text)
        if found and code is None:
            code = found
            name = name or rest
        elif not name or _SEQUENCE.match(name):
            name = cell.text
    if code is None and name:
        code, rest = split_code(name)
        name = rest if code else name
    return code, name


_PART_LENGTHS = (3, 2, 2)


def joined_code(row: Row, group: Group) -> str | None:
    """The code of a row printed in 类 / 款 / 项 parts; None when the parts are not a code."""
    texts = [(cell.text.strip() if (cell := cell_at(row, p)) else "") for p in group.code_parts]
    if texts and len(texts[0]) in (5, 7) and texts[0].isdigit() and not any(texts[1:]):
        return texts[0]  # the whole code printed in the first part column
    context = group.part_context or [""] * len(texts)
    code = ""
    for level, text in enumerate(texts):
        if not text:
            if code:
                break
            continue
        if not text.isdigit() or len(text) != _PART_LENGTHS[min(level, 2)]:
            return None
        if not code and level:
            code = context[level - 1]
            if len(code) != sum(_PART_LENGTHS[:level]):
                return None
        code += text
        context[level] = code
    group.part_context = context
    return code or None


def row_in_group(row: Row, group: Group, unit_rows: bool) -> TableRow | None:
    """Read one group's cells of a data row; None when the group holds nothing in this row."""
    code, name_text = label_texts(row, group)
    if len(group.code_parts) >= 2:
        code = joined_code(row, group) or code
    name_cell = cell_at(row, group.name)
    name, level = numbering_level(name_text)
    table_row = TableRow(name=name, line=first_line(row, group), code=code)
    if level or (name_cell and name_cell.indent):
        table_row.extra["level"] = level or 9
    cells = row.cells
    for position, key in group.values:  # cell_at(row, position), asked of every value cell
        if position is None or position >= len(cells):
            continue
        cell = cells[position]
        if not cell.text or is_nil(cell.text):
            continue
        amount = parse_amount(cell.text)
        if amount is None:
            continue
        table_row.values[key], table_row.decimals[key] = amount
        if cell.line != table_row.line:
            table_row.value_lines[key] = cell.line
    number_cell = cell_at(row, group.line_no)
    if number_cell and number_cell.text.strip():
        table_row.extra["number"] = number_cell.text.strip()
    unit_cell = cell_at(row, group.unit_name)
    if unit_cell and unit_cell.text:
        table_row.unit_name = unit_cell.text
    if unit_rows and code and _UNIT_CODE.match(code) and len(code) <= 9:
        table_row.unit_code, table_row.unit_name = code, name
    name_line = _name_line(row, group, name_text)
    if name_line is not None and name_line != table_row.line:
        table_row.extra["name_line"] = name_line
    table_row.side = group.side
    if not name and not code and not table_row.values:
        return None
    return table_row


def _name_line(row: Row, group: Group, name_text: str) -> int | None:
    """The line the row's name was printed on (a cell-per-line table prints it below the code)."""
    for position in group.labels:
        cell = cell_at(row, position)
        if cell is not None and cell.text and name_text and cell.text.endswith(name_text):
            return cell.line
    return None


def first_line(row: Row, group: Group) -> int:
    for position in group.labels:
        cell = cell_at(row, position)
        if cell is not None and cell.text:
            return cell.line
    for position, _ in group.values:
        cell = cell_at(row, position)
        if cell is not None and cell.text:
            return cell.line
    return row.line
