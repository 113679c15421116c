"""Segments → Tables: columns from the header, rows split into side-by-side groups."""

from __future__ import annotations

from yusuan import regexes
from yusuan.model import Column, Row, Table, TableRow
from yusuan.recognise.columns import (
    LABEL_COLUMN_KEYS,
    dated_keys,
    label_key,
    meetings_beside_sangong,
    path_key,
)
from yusuan.recognise.headers import column_paths
from yusuan.recognise.numbers import parse_amount
from yusuan.recognise.rows import Group, row_in_group
from yusuan.recognise.segments import Segment, rows_to_segments
from yusuan.recognise.unaligned import unaligned_table

FORM_KINDS = frozenset({"project_performance", "dept_performance"})
TWO_SIDED = frozenset({"summary", "fiscal_summary"})
UNIT_ROW_KINDS = frozenset({"income", "other", "project_expenditure"})
CODE_PARTS = ("类", "款", "项")  # the headers of a code printed in parts


def rows_to_tables(rows: list[Row]) -> list[Table]:
    return [segment_to_table(segment) for segment in rows_to_segments(rows)]


def segment_to_table(segment: Segment) -> Table:
    table = Table(kind=segment.title.kind, title=segment.title.text,
                  lines=(segment.first_line, segment.last_line), number=segment.number,
                  unit=segment.unit, unit_line=segment.unit_line, budget_unit=segment.budget_unit,
                  budget_unit_line=segment.budget_unit_line,
                  page=segment.title_rows[0].cells[0].page if segment.title_rows[0].cells else None)
    if segment.header_rows:
        table.header_lines = (segment.header_rows[0].line, segment.header_rows[-1].line)
    if segment.note_rows:
        table.note = " ".join(cell.text for row in segment.note_rows for cell in row.filled)
    if table.kind in FORM_KINDS and not lists_projects(segment):
        return table
    if any(not row.aligned for row in segment.header_rows + segment.data_rows):
        return unaligned_table(table, segment)
    width = max((len(row.cells) for row in segment.header_rows + segment.data_rows), default=0)
    paths = column_paths(segment.header_rows, width)
    groups = column_groups(paths, table.kind)
    mark_code_parts(segment.header_rows, groups)
    table.columns = value_columns(paths, groups)
    unit_rows = (codes_name_units(paths, groups, table.kind) if table.kind in UNIT_ROW_KINDS
                 else code_header_names_units(paths, groups))
    for row in segment.data_rows:
        group_rows = [row_in_group(row, group, unit_rows) for group in groups]
        adopt_stray_values(group_rows)
        table.rows += [r for r in group_rows if r is not None and not is_panel_heading(r)]
    table.empty = not table.rows
    return table


TOTAL_NAMES = ("合计", "总计")


def lists_projects(segment: Segment) -> bool:
    """A 项目支出绩效目标表 printed as one list (项目名称 | 总计 | 财政拨款 … | 绩效目标, a 合计
    line with its amount) rather than a form per project: read as a table."""
    if len(segment.header_rows) != 1 or not segment.data_rows:
        return False
    heads = ["".join(cell.text.split()) for cell in segment.header_rows[0].cells]
    first = segment.data_rows[0].cells
    return (len(heads) >= 2 and heads[0].startswith("项目名称") and label_key(heads[1]) == "total"
            and len(first) >= 2 and "".join(first[0].text.split()) in TOTAL_NAMES
            and parse_amount(first[1].text) is not None)


def mark_code_parts(header_rows: list[Row], groups: list[Group]) -> None:
    """A header row labelling consecutive columns 类, 款 (, 项): the group's code is printed in
    parts, one per column."""
    for row in header_rows:
        texts = ["".join(cell.text.split()) for cell in row.cells]
        for start in range(len(texts) - 1):
            if texts[start:start + 2] != list(CODE_PARTS[:2]):
                continue
            length = 3 if texts[start + 2:start + 3] == [CODE_PARTS[2]] else 2
            for group in groups:
                if start in group.labels:
                    group.code_parts = list(range(start, start + length))
                    return


def codes_name_units(paths: list[list[str]], groups: list[Group], kind: str) -> bool:
    """True when coded rows are budget units: the code column is headed 单位/部门 代码, or the
    table lists projects under their units (short all-digit codes are the units there)."""
    code = groups[0].code if groups else None
    header = "".join(paths[code]) if code is not None and code < len(paths) else ""
    return "单位" in header or "部门" in header or kind == "project_expenditure"


_UNIT_CODE_HEADER = regexes.compile(r"^(预算)?单位(编码|代码)$")


def code_header_names_units(paths: list[list[str]], groups: list[Group]) -> bool:
    """True when the code column is headed 单位编码 itself (a 支出总表 by budget unit): its
    codes are the units', not classification codes."""
    code = groups[0].code if groups else None
    header = "".join(paths[code]) if code is not None and code < len(paths) else ""
    return bool(_UNIT_CODE_HEADER.match("".join(header.split())))


def adopt_stray_values(group_rows: list[TableRow | None]) -> None:
    """A value printed one panel too far right (a label with no value, then a value with no
    label) belongs to the label: move it, keeping its own line."""
    for index in range(1, len(group_rows)):
        stray, owner = group_rows[index], group_rows[index - 1]
        if stray is None or owner is None or stray.name or stray.code or owner.values:
            continue
        for key, value in stray.values.items():
            target = next(iter(owner.values), None) or key
            owner.values[target] = value
            owner.decimals[target] = stray.decimals[key]
        group_rows[index] = None


def is_panel_heading(row: TableRow) -> bool:
    """A label-only row that names a classification panel (支出项目类别, …经济分类)."""
    return not row.values and row.code is None and row.name.endswith(("类别", "分类"))


def position_keys(paths: list[list[str]]) -> list[str | None]:
    keys: list[str | None] = []
    for path in paths:
        leaf_key = label_key(path[-1]) if path else None
        keys.append(leaf_key if leaf_key in LABEL_COLUMN_KEYS else path_key(path))
    return meetings_beside_sangong(paths, dated_keys(paths, keys))


def column_groups(paths: list[list[str]], kind: str) -> list[Group]:
    """Split columns into side-by-side groups: a label column after a value column starts one."""
    if not any(paths):
        return [headerless_group(len(paths))]
    keys = position_keys(paths)
    groups: list[Group] = []
    current = Group(code=None, name=None, unit_name=None, values=[])
    seen_value = False
    for position, key in enumerate(keys):
        if key in ("code", "name") and seen_value:
            groups.append(current)
            current = Group(code=None, name=None, unit_name=None, values=[])
            seen_value = False
        if key is None and not seen_value and not groups and not paths[position]:
            current.labels.append(position)
            continue
        if key in ("code", "name"):
            current.labels.append(position)
            if key == "code" and current.code is None:
                current.code = position
            if key == "name" and current.name is None:
                current.name = position
        elif key == "unit_name":
            current.unit_name = position
        elif key == "line_no":
            current.line_no = position
        else:
            current.values.append((position, key or f"col_{position + 1}"))
            seen_value = True
    groups.append(current)
    if not groups[0].values and len(groups) == 1 and current.name is None and current.code is None:
        return groups
    name_first_column(groups, keys)
    assign_sides(groups, paths, kind)
    unique_keys(groups)
    return groups


def headerless_group(width: int) -> Group:
    """A table printed without a header (a list of items and amounts): labels first, then the
    amount (预算数 or 决算数, named once the document's kind is known)."""
    values = [(position, "amount" if width == 2 else f"col_{position + 1}") for position in range(1, width)]
    return Group(code=None, name=0, unit_name=None, values=values, labels=[0])


def name_first_column(groups: list[Group], keys: list[str | None]) -> None:
    """A table whose header names no label column still has its labels in the first column."""
    group = groups[0]
    if group.code is None and group.name is None and group.values and group.values[0][1].startswith("col_"):
        group.name = group.values.pop(0)[0]
        group.labels.append(group.name)


def assign_sides(groups: list[Group], paths: list[list[str]], kind: str) -> None:
    if len(groups) < 2:
        return
    for index, group in enumerate(groups):
        if kind in ("summary", "fiscal_summary"):
            group.side = summary_side(index)
        else:
            anchor = group.name if group.name is not None else group.code
            top = paths[anchor][0] if anchor is not None and paths[anchor] else ""
            group.side = label_key(top) or top or f"group_{index + 1}"
    for group in groups[1:]:
        fill_missing_value_keys(group, groups[0])


def summary_side(index: int) -> str:
    """A summary table's panel: income, spending, then spending by type (a second classification
    by type, 部门经济 beside 政府经济, is a side of its own: its items add up apart)."""
    sides = ("income", "expenditure", "expenditure_by_type")
    return sides[index] if index < len(sides) else f"expenditure_by_type_{index - 1}"


def fill_missing_value_keys(group: Group, first: Group) -> None:
    """An unlabelled value column of a later group takes the first group's key (预算数…)."""
    if first.values and all(key.startswith("col_") for _, key in group.values):
        group.values = [(position, first.values[0][1]) for position, _ in group.values[:1]] + group.values[1:]


def unique_keys(groups: list[Group]) -> None:
    for group in groups:
        seen: dict[str, int] = {}
        renamed = []
        for position, key in group.values:
            seen[key] = seen.get(key, 0) + 1
            renamed.append((position, key if seen[key] == 1 else f"{key}_{seen[key]}"))
        group.values = renamed


def value_columns(paths: list[list[str]], groups: list[Group]) -> list[Column]:
    columns: list[Column] = []
    seen: set[str] = set()
    for group in groups:
        for position, key in group.values:
            if key not in seen:
                seen.add(key)
                columns.append(Column(key=key, header=paths[position] if position < len(paths) else []))
    return columns

