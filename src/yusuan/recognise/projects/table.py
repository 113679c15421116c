"""The 项目支出表 read from its source lines: unit, code, name, category and amounts per project.

The layouts differ (hard-wrapped PDF text, tab-separated, one cell per line), so the table is
read as a stream of tokens: a run of amounts closes a record, and the text before it holds the
record's code, name and unit. Group rows (a budget unit, a category) set the context of the
project rows that follow them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from yusuan.model import Line, Project, Table, TableRow
from yusuan.recognise.projects.text import Amount, clean, compact, parse_number

PROJECT_CODE = re.compile(r"^\d{6,}[A-Z]\d*$")
UNIT_CODE = re.compile(r"^\d{3,9}$")
ORDINAL = re.compile(r"^\d{1,2}$")
ORG_END = re.compile(r"(局|中心|本级|院|所|站|委员会|办公室|处|队|馆|校|会)$")
CATEGORY_WORDS = ("支出项目", "人员经费", "公用经费", "项目支出", "运转类", "特定目标类", "人员类")
HEADER_WORDS = ("项目名称", "项目编码", "项目单位", "本年拨款")
CODE_LETTER_CATEGORY = {"T": "特定目标类", "R": "人员类", "Y": "运转类"}
NON_PROJECT_CATEGORIES = ("人员", "公用", "基本支出")
# the funding columns of the standard layout, in print order, when all of them are printed
STANDARD_COLUMNS = ("total", "general_budget", "gov_fund", "soe_capital",
                    "carryover_general_budget", "carryover_gov_fund", "carryover_soe_capital",
                    "special_account", "unit_funds")


@dataclass(slots=True)
class Record:
    texts: list[tuple[str, int]] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.texts[0][1] if self.texts else self.amounts[0].line


def line_tokens(line: Line) -> list[str]:
    """Tab cells when the line has tabs, else its space-separated words."""
    if "\t" in line.text:
        return [c for c in (clean(p) for p in line.text.split("\t")) if c]
    return clean(line.text).split()


def table_records(lines: list[Line]) -> list[Record]:
    """Split the table's lines into records, each closed by its run of amounts."""
    records: list[Record] = []
    current = Record()
    for line in lines:
        for token in line_tokens(line):
            parsed = parse_number(token)
            if parsed is not None and not (current.texts and _code_continues(current, token)):
                current.amounts.append(Amount(parsed[0], parsed[1], line.number))
                continue
            if current.amounts:
                records.append(current)
                current = Record()
            current.texts.append((token, line.number))
    if current.amounts:
        records.append(current)
    return records


def _code_continues(record: Record, token: str) -> bool:
    """A project code wrapped after its letter: "42011623083T000000" + "101"."""
    if record.amounts or not token.isdigit() or "." in token:
        return False
    last = record.texts[-1][0]
    return bool(PROJECT_CODE.match(last)) and len(re.sub(r"^\d+[A-Z]", "", last)) < 9


def split_code(texts: list[tuple[str, int]]) -> tuple[str | None, list[tuple[str, int]]]:
    """The record's leading code (joined when wrapped) and the remaining text."""
    if not texts:
        return None, texts
    first = texts[0][0]
    if PROJECT_CODE.match(first):
        code, rest = first, texts[1:]
        while rest and rest[0][0].isdigit() and len(re.sub(r"^\d+[A-Z]", "", code)) < 9:
            code, rest = code + rest[0][0], rest[1:]
        return code, rest
    if UNIT_CODE.match(first) or ORDINAL.match(first):
        return first, texts[1:]
    return None, texts


@dataclass(slots=True)
class TableContext:
    units: list[str]
    unit: str | None = None
    category: str | None = None


def read_project_table(table: Table, lines: list[Line], last: int, units: list[str],
                       rows: list[TableRow]) -> list[Project]:
    """The projects of one 项目支出表 spanning table.lines[0]..last."""
    records = table_records(lines[table.lines[0]:last])
    context = TableContext(units=[compact(u) for u in units if u])
    projects: list[Project] = []
    for index, record in enumerate(records):
        project = _record_project(record, index, context)
        if project is not None:
            project.extra["sources"] = _sources(record, rows)
            projects.append(project)
    return projects


def _record_project(record: Record, index: int, context: TableContext) -> Project | None:
    code, texts = split_code(record.texts)
    name = "".join(compact(t) for t, _ in texts)
    if index == 0 or not name or name in ("合计", "总计") or any(w in name for w in HEADER_WORDS):
        return None
    is_project_code = bool(code and PROJECT_CODE.match(code))
    if not is_project_code and (ORDINAL.match(code or "") or _is_category(name)):
        context.category = name
        return None
    if not is_project_code and (code or ORG_END.search(name)) and not _has_unit_suffix(name, context):
        context.unit = name
        context.units.append(name)
        return None
    if _not_a_project(code, context.category):
        return None
    unit = _unit_suffix(name, context) or context.unit
    if unit and name.endswith(unit) and len(name) > len(unit):
        name = name[: -len(unit)]
    total = record.amounts[0]
    category = _category(code, context.category)
    return Project(name=name, line=record.line, code=code if is_project_code else None, unit=unit,
                   amount=total.value, decimals=total.decimals, category=category,
                   extra={"source": "table", "amount_line": total.line,
                          "printed_category": context.category})


def _is_category(name: str) -> bool:
    return len(name) <= 10 and any(w in name for w in CATEGORY_WORDS)


def _unit_suffix(name: str, context: TableContext) -> str | None:
    found = [u for u in context.units if name.endswith(u) and len(name) > len(u)]
    return max(found, key=len) if found else None


def _has_unit_suffix(name: str, context: TableContext) -> bool:
    return _unit_suffix(name, context) is not None


def _not_a_project(code: str | None, category: str | None) -> bool:
    letter = re.sub(r"^\d+", "", code or "")[:1]
    if letter in ("R", "Y"):
        return True
    return bool(category) and any(w in (category or "") for w in NON_PROJECT_CATEGORIES) \
        and letter != "T"


def _category(code: str | None, printed: str | None) -> str | None:
    letter = re.sub(r"^\d+", "", code or "")[:1]
    if letter in CODE_LETTER_CATEGORY:
        return CODE_LETTER_CATEGORY[letter]
    if printed and any(w in printed for w in ("运转类", "特定目标类", "人员类")):
        return printed
    return None


def _sources(record: Record, rows: list[TableRow]) -> dict[str, float]:
    """Amounts by funding column: from the table's recognised row, else by standard position."""
    lines = {a.line for a in record.amounts} | {t[1] for t in record.texts}
    for row in rows:
        if (row.line in lines or set(row.value_lines.values()) & lines) and row.values:
            return dict(row.values)
    if len(record.amounts) == len(STANDARD_COLUMNS):
        return {k: a.value for k, a in zip(STANDARD_COLUMNS, record.amounts, strict=True)
                if a.value}
    return {"total": record.amounts[0].value}
