"""The projects of a 项目支出表, read from the rows the table stage recognised.

The table lists group rows (the whole 合计, a budget unit, a category such as 本级支出项目 or
人员经费) before the rows they hold; a project row is one with a project code, or a named row
under a category that is not 人员 / 公用 / 基本支出. Group rows set the unit and the category
of the project rows that follow them.
"""

from __future__ import annotations

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.model import Project, Table, TableRow
from yusuan.recognise.projects.text import compact

PROJECT_CODE = regexes.compile(r"^\d{6,}[A-Z]\d*$")
ORDINAL = regexes.compile(r"^\d{1,2}$")
ORG_END = regexes.compile(r"(局|中心|本级|院|所|站|委员会|办公室|处|队|馆|校|会)$")
CATEGORY_WORDS = ("支出项目", "人员经费", "公用经费", "项目支出", "运转类", "特定目标类", "人员类")
HEADER_WORDS = ("项目名称", "项目编码", "项目单位", "本年拨款")
CODE_LETTER_CATEGORY = {"T": "特定目标类", "R": "人员类", "Y": "运转类"}
PRINTED_CATEGORIES = ("运转类", "特定目标类", "人员类")
NON_PROJECT_LETTERS = ("R", "Y")
NON_PROJECT_CATEGORIES = ("人员", "公用", "基本支出")
TOTAL_NAMES = ("合计", "总计")
TOTAL_KEY = "total"


@dataclass(slots=True)
class TableContext:
    """What the group rows read so far say about the rows below them."""

    units: list[str]
    unit: str | None = None
    category: str | None = None


@dataclass(slots=True)
class ProjectRow:
    """A row of the table with its name compacted and its project code, when it has one."""

    row: TableRow
    name: str
    project_code: str | None


def project_table_rows(table: Table) -> list[TableRow]:
    """The rows of a 项目支出表 that name something and print an amount (not the unnamed 合计)."""
    return [row for row in table.rows if compact(row.name) and row_amount_key(row)]


def read_project_table(table: Table, units: list[str]) -> list[Project]:
    """The projects of one 项目支出表, in print order; `units` are budget units named elsewhere."""
    context = TableContext(units=[compact(u) for u in units if u])
    projects: list[Project] = []
    for row in project_table_rows(table):
        project = _row_project(_project_row(row), context)
        if project is not None:
            projects.append(project)
    return projects


def row_amount_key(row: TableRow) -> str | None:
    """The column holding the row's amount: its total, else the first amount it prints."""
    if TOTAL_KEY in row.values:
        return TOTAL_KEY
    return next(iter(row.values), None)


def _project_row(row: TableRow) -> ProjectRow:
    code = row.code if row.code and PROJECT_CODE.match(row.code) else None
    return ProjectRow(row=row, name=compact(row.name), project_code=code)


def _row_project(item: ProjectRow, context: TableContext) -> Project | None:
    if _is_total_or_header(item.name):
        return None
    if item.project_code is None and _is_category_row(item):
        context.category = item.name
        return None
    if item.project_code is None and _is_unit_row(item, context):
        context.unit = item.name
        context.units.append(item.name)
        return None
    if _not_a_project(item.project_code, context.category):
        return None
    return _project(item, context)


def _is_total_or_header(name: str) -> bool:
    return name in TOTAL_NAMES or any(word in name for word in HEADER_WORDS)


def _is_category_row(item: ProjectRow) -> bool:
    """A category group row: numbered with a one- or two-digit ordinal, or named as a category."""
    if item.row.code and ORDINAL.match(item.row.code):
        return True
    return len(item.name) <= 10 and any(w in item.name for w in CATEGORY_WORDS)


def _is_unit_row(item: ProjectRow, context: TableContext) -> bool:
    """A budget-unit group row: one the table gives a unit code, or a coded or organisation-named
    row that is not a project of a unit (its unit column names another unit, or the name ends
    with one)."""
    row = item.row
    if row.unit_code:
        return True
    if row.unit_name and compact(row.unit_name) != item.name:
        return False
    return bool(row.code or ORG_END.search(item.name)) and _unit_suffix(item.name, context) is None


def _project(item: ProjectRow, context: TableContext) -> Project:
    row = item.row
    unit = compact(row.unit_name) if row.unit_name else None
    unit = unit or _unit_suffix(item.name, context) or context.unit
    name = item.name
    if unit and name.endswith(unit) and len(name) > len(unit):
        name = name[: -len(unit)]
    key = row_amount_key(row) or TOTAL_KEY
    return Project(name=name, line=row.line, code=item.project_code, unit=unit,
                   amount=row.values[key], decimals=row.decimals.get(key),
                   category=_category(item.project_code, context.category),
                   extra={"source": "table", "amount_line": row.line_of(key),
                          "printed_category": context.category, "sources": dict(row.values)})


def _unit_suffix(name: str, context: TableContext) -> str | None:
    found = [u for u in context.units if name.endswith(u) and len(name) > len(u)]
    return max(found, key=len) if found else None


def _code_letter(code: str | None) -> str:
    return regexes.sub(r"^\d+", "", code or "")[:1]


def _not_a_project(code: str | None, category: str | None) -> bool:
    letter = _code_letter(code)
    if letter in NON_PROJECT_LETTERS:
        return True
    return bool(category) and any(w in (category or "") for w in NON_PROJECT_CATEGORIES) \
        and letter != "T"


def _category(code: str | None, printed: str | None) -> str | None:
    letter = _code_letter(code)
    if letter in CODE_LETTER_CATEGORY:
        return CODE_LETTER_CATEGORY[letter]
    if printed and any(w in printed for w in PRINTED_CATEGORIES):
        return printed
    return None
