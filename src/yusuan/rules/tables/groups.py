"""Grouped lists add up: in a 项目支出表 a group line (人员经费, 公用经费, 项目支出) equals the sum
of the coded items listed under it; a numbered line (①②③) under a 小计 holds no more than it,
also in blocks no table rule reads; and basic-spending 项 carry no project money."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.layout.tabbed import line_to_row
from yusuan.model import Document, Finding, Line, Location, Table, TableRow
from yusuan.recognise.numbers import parse_amount
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import (
    FUNCTIONAL_TABLES,
    amount,
    amounts,
    is_functional,
    row_label,
    sum_finding,
    value_columns,
)
from yusuan.rules.engine.messages import register_messages

register_messages({
    "GROUP.TOTAL": {
        "zh": "{what}（{column}）{reported} ≠ 其下各项之和 {computed}，差 {difference}",
        "en": "{what} ({column}) {reported} ≠ sum of the items under it {computed}, "
              "difference {difference}",
    },
    "UNIT.ROLLUP": {
        "zh": "{what}（{column}）{reported} ≠ 所属单位之和 {computed}，差 {difference}",
        "en": "{what} ({column}) {reported} ≠ sum of its units {computed}, "
              "difference {difference}",
    },
    "CLASS.RUNNING": {
        "zh": "{code} {name} 是反映基本支出的科目，却列有项目支出 {amount}",
        "en": "{code} {name} is a basic-spending item but carries project spending {amount}",
    },
})

PROJECT_CODE_LENGTH = 10  # project codes are long (42011425056T000000101); unit codes short
RUNNING_NAMES = ("行政运行", "事业运行")


def is_item(row: TableRow) -> bool:
    return bool(row.code) and len(row.code or "") >= PROJECT_CODE_LENGTH


def is_group(row: TableRow) -> bool:
    return not row.is_total and bool(row.values) and not is_item(row) and \
        (row.code is None or not row.code.isdigit())


def groups(table: Table) -> Iterator[tuple[TableRow, list[TableRow]]]:
    """Each group line with the item lines that follow it (up to the next other line)."""
    rows = table.rows
    for index, row in enumerate(rows):
        if not is_group(row):
            continue
        items: list[TableRow] = []
        for later in rows[index + 1:]:
            if not is_item(later):
                break
            items.append(later)
        if items:
            yield row, items


@rule("GROUP.TOTAL", category="arithmetic", title_zh="分组小计等于其下各项之和",
      title_en="Group lines add up", tables=("project_expenditure",),
      rationale="A 项目支出表 that lists 人员经费, 公用经费 and 项目支出 as group lines with the "
                "coded items under them: each group line equals the sum of its items.")
def group_lines_add_up(doc: Document) -> Iterator[Finding]:
    """A group line equals the sum of the coded items under it.

    Passes: 公用经费 54.04; items 39.69, 0.02, 14.33.
    Fails:  公用经费 54.04; items 39.69, 0.03, 14.33 (rounding → info), or 40.69 (error).
    """
    for table in doc.tables_of("project_expenditure"):
        for group, items in groups(table):
            for key in value_columns(table):
                total = amount(doc, table, group, key)
                parts = amounts(doc, table, items, key)
                if total is None or not parts:
                    continue
                found = sum_finding("GROUP.TOTAL", total, parts, row_label(group), column=key)
                if found:
                    yield found


def running_rows(doc: Document) -> dict[str, list[tuple[Table, TableRow]]]:
    found: dict[str, list[tuple[Table, TableRow]]] = {}
    for kind in FUNCTIONAL_TABLES:
        for table in doc.tables_of(kind):
            for row in table.rows:
                name = "".join(row.name.split())
                if is_functional(row.code) and len(row.code or "") == 7 and \
                        name in RUNNING_NAMES and row.values.get("project"):
                    found.setdefault(row.code or "", []).append((table, row))
    return found


@rule("CLASS.RUNNING", category="classification", severity="info",
      title_zh="运行类科目不应列项目支出", title_en="Running-cost items carry no projects",
      tables=FUNCTIONAL_TABLES,
      rationale="行政运行 and 事业运行 reflect the 基本支出 of administrative and public-service "
                "units; project spending booked there is worth a look (one finding per code).")
def running_items_have_no_projects(doc: Document) -> Iterator[Finding]:
    """行政运行 / 事业运行 carry no project spending.

    Passes: 2101501 行政运行 basic 5.00, project blank.
    Fails:  2101501 行政运行 basic 5.00, project 0.94.
    """
    for code, places in running_rows(doc).items():
        row = places[0][1]
        locations = [Location(r.line_of("project"), table=t.kind, code=code, column="project")
                     for t, r in places]
        yield make_finding("CLASS.RUNNING", locations, code=code, name=row.name,
                           amount=row.values["project"])


def unit_children(rows: list[TableRow], parent: TableRow) -> list[TableRow]:
    """The budget units directly under `parent` (083 → 083001, 083002, …)."""
    code = parent.unit_code or ""
    below = [r for r in rows if r.unit_code and r.unit_code != code
             and r.unit_code.startswith(code)]
    if not below:
        return []
    level = min(len(r.unit_code or "") for r in below)
    return [r for r in below if len(r.unit_code or "") == level]


@rule("UNIT.ROLLUP", category="arithmetic", title_zh="部门合计等于所属单位之和",
      title_en="A department's line adds up its units",
      rationale="In a table listed by budget unit, the department line (083) equals the sum of "
                "its units (083001, 083002, …) in every column.")
def units_add_up(doc: Document) -> Iterator[Finding]:
    """A department line equals the sum of its units' lines.

    Passes: 083 10.00; 083001 4.00, 083002 6.00.
    Fails:  083 10.00; 083001 4.00, 083002 7.00.
    """
    for table in doc.tables:
        units = [r for r in table.rows if r.unit_code]
        for parent in units:
            children = unit_children(units, parent)
            if not children:
                continue
            for key in value_columns(table):
                total = amount(doc, table, parent, key)
                parts = amounts(doc, table, children, key)
                if total is None or not parts:
                    continue
                found = sum_finding("UNIT.ROLLUP", total, parts, row_label(parent),
                                    column=key, message_id="UNIT.ROLLUP")
                if found:
                    yield found


# a budget unit's name as tables print it (…局, …支队（…）, …中心)
UNIT_NAME = regexes.compile(r"(局|委员会|委|办公室|办|院|所|中心|队|站|学校|校|馆|会|处|室|厅|部|团|社|台|"
                       r"园|场)(?:[（(][^）)]*[)）])?$")
MIN_UNITS = 3
NEAR = 0.1  # a gap wider than this share of the 合计 means the rows were read otherwise


def named_units(table: Table) -> tuple[TableRow, list[TableRow]] | None:
    """A table listed by budget unit by name alone (杭州): the 合计 first, then the units,
    the department's own line (equal to the 合计) left out; None for any other shape."""
    rows = table.rows
    if len(rows) < MIN_UNITS + 1 or not rows[0].is_total or any(
            r.code or r.unit_code or r.is_total for r in rows[1:]):
        return None
    units = [r for r in rows[1:] if r.values]  # not a name's wrapped tail, nor a page number
    if units and units[0].values == rows[0].values:
        units = units[1:]
    if len(units) < MIN_UNITS or not all(UNIT_NAME.search(_unit_name(r.name)) for r in units):
        return None
    return rows[0], units


def _unit_name(name: str) -> str:
    """The name without spaces and without a bracket its wrapped tail would close."""
    return regexes.sub(r"[（(][^）)]*$", "", "".join(name.split()))


@rule("UNIT.NAMED_ROLLUP", category="arithmetic", title_zh="合计等于所列各单位之和",
      title_en="The total adds up the units listed by name",
      rationale="A table listed by budget unit without unit codes (收入总表, 三公 by unit, 项目支出 "
                "by unit) prints a 合计 that is the sum of the unit lines in every column.")
def named_units_add_up(doc: Document) -> Iterator[Finding]:
    """合计 = Σ the unit lines below it, each column; the department's own line, equal to the
    合计, is not a unit. A gap of more than a tenth of the 合计 is taken for a misreading.

    Passes: 合计 10.00; 某局 4.00, 某中心 6.00, 某支队 0.00.
    Fails:  合计 10.00; 某局 4.00, 某中心 5.00, 某支队 0.00.
    """
    for table in doc.tables:
        shape = named_units(table)
        if shape is None:
            continue
        total_row, units = shape
        for key in value_columns(table):
            total = amount(doc, table, total_row, key)
            parts = amounts(doc, table, units, key)
            if total is None or not parts:
                continue
            gap = abs(sum(p.value for p in parts) - total.value)
            if gap > NEAR * abs(total.value):
                continue
            found = sum_finding("UNIT.NAMED_ROLLUP", total, parts, f"{table.title} 合计",
                                column=key, message_id="UNIT.ROLLUP")
            if found:
                yield found


register_messages({
    "SUBTOTAL.PART": {
        "zh": "“{whole}”{heading}印为 {total}，其下分项“{part}”却为 {value}：分项大于小计",
        "en": "{whole} {heading} is printed as {total}, but the line under it, {part}, holds "
              "{value}: a part larger than its subtotal",
    },
})

SUBTOTAL = regexes.compile(r"^.{0,12}(小计|合计)$")
SUBTOTAL_WORD = regexes.compile(r"[小合]\s*计")
SUB_ROW = regexes.compile(r"^(?:[①-⑳]|其中[:：])")
# a column of rates, scores or counts: its figures do not add up
NOT_AMOUNT = regexes.compile(r"率|%|％|分值|得分|比例|占比|人数|序号|编码|代码|行次")
HEADER_LOOK_BACK = 6
SLACK = 1e-6


@dataclass(frozen=True)
class Figures:
    """One TAB-separated line: its label and its figures by cell position."""

    line: int
    label: str
    figures: dict[int, tuple[float, int]]
    words: dict[int, str]


def _figures(line: Line) -> Figures | None:
    cells = [cell.text.strip() for cell in line_to_row(line).cells]
    figures = {i: parsed for i, text in enumerate(cells) if (parsed := parse_amount(text))}
    words = {i: text for i, text in enumerate(cells) if text and i not in figures}
    label = "".join(next(iter(words.values()), "").split()) if words else ""
    return Figures(line.number, label, figures, words)


class _Lines:
    """The document's TAB lines read as `Figures` when first asked for (None for a line
    without TAB): the rule reads only the lines around a 小计 / 合计."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.read: dict[int, Figures | None] = {}

    def __len__(self) -> int:
        return len(self.lines)

    def __getitem__(self, index: int) -> Figures | None:
        if index not in self.read:
            line = self.lines[index]
            self.read[index] = _figures(line) if "\t" in line.text else None
        return self.read[index]

    def subtotal_lines(self) -> Iterator[int]:
        """The indexes of the TAB lines that may hold a 小计 / 合计 label (blanks inside it
        are dropped when the label is made)."""
        for index, line in enumerate(self.lines):
            if "\t" in line.text and SUBTOTAL_WORD.search(line.text):
                yield index


def _header(rows: _Lines, index: int, columns: set[int]) -> dict[int, str]:
    """The words above each figure column: the lines without figures just before the block's
    first line of figures (the lines of figures above the subtotal are the block's own)."""
    heads: dict[int, str] = {}
    started = False
    for row in (rows[k] for k in range(index - 1, max(index - HEADER_LOOK_BACK, 0) - 1, -1)):
        if row is None or (row.figures and started):
            break
        if row.figures:
            continue
        started = True
        for column in columns:
            if column in row.words:
                heads[column] = row.words[column] + "\n" + heads.get(column, "")
    return heads


@rule("SUBTOTAL.PART", category="arithmetic", severity="warning",
      title_zh="分项不大于其小计", title_en="No part larger than its subtotal")
def parts_within_subtotal(doc: Document) -> Iterator[Finding]:
    """A line numbered ①②③ (or 其中：) under a …小计 / 合计 line holds no more than it in any
    amount column (columns headed 率, %, 分值, 得分 are not amounts; a column without a header
    word is not judged).

    Passes: 财政资金小计 9209.55 | ①中央财政资金 0.00 | ③地方财政资金 9209.55.
    Fails:  财政资金小计 0.00 | ①中央财政资金 0.00 | ③地方财政资金 9209.55.
    """
    rows = _Lines(doc.source.lines)
    for index in rows.subtotal_lines():
        row = rows[index]
        if row is None or not row.figures or not SUBTOTAL.match(row.label):
            continue
        parts = _sub_rows(rows, index)
        if not parts:  # most 合计 lines: nothing under them to weigh, no header to read
            continue
        heads = _header(rows, index, set(row.figures))
        finding = _larger_part(row, parts, heads)
        if finding is not None:
            yield finding


def _sub_rows(rows: _Lines, index: int) -> list[Figures]:
    parts: list[Figures] = []
    for row in (rows[k] for k in range(index + 1, len(rows))):
        if row is None or not SUB_ROW.match(row.label):
            break
        parts.append(row)
    return parts


def _larger_part(whole: Figures, parts: list[Figures], heads: dict[int, str]) -> Finding | None:
    for part in parts:
        for column, (total, decimals) in sorted(whole.figures.items()):
            head = heads.get(column, "")
            if not head or NOT_AMOUNT.search(head) or column not in part.figures:
                continue
            value, part_decimals = part.figures[column]
            half = 0.5 * 10.0 ** -decimals + 0.5 * 10.0 ** -part_decimals
            if total < 0 or value <= total + half + SLACK:
                continue
            name = regexes.sub(r"\s+", "", head.strip().split("\n")[-1])
            return make_finding(
                "SUBTOTAL.PART", [Location(whole.line, name=whole.label, column=name),
                                  Location(part.line, name=part.label, column=name)],
                {"reported": total, "computed": value},
                whole=whole.label, part=part.label, heading=f"（{name}）",
                total=f"{total:.{decimals}f}", value=f"{value:.{part_decimals}f}")
    return None
