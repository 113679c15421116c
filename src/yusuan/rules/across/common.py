"""What the rules across documents share: figures in 元 with the interval rounding allows,
locations that name their file, and the lookups of a row by code or of a table's total."""

from __future__ import annotations

from pathlib import Path

from yusuan.kept.dataclass_code import dataclass
from yusuan.model import Document, Location, Table, TableRow
from yusuan.rules.engine import BUDGET_KINDS, FINAL_KINDS
from yusuan.rules.engine.common import compact_name, table_precision, table_unit
from yusuan.rules.engine.tolerance import half_place

YUAN = {"元": 1.0, "千元": 1e3, "万元": 1e4, "亿元": 1e8}


@dataclass(frozen=True, slots=True)
class Figure:
    """A printed amount, its value in 元 and how far rounding may have moved it (元)."""

    value: float
    unit: str
    yuan: float
    slack: float
    location: Location


def file_name(doc: Document) -> str:
    return Path(doc.source.path).name


def located(doc: Document, line: int, **where: str | None) -> Location:
    page, _ = doc.source.page_and_line(line)
    return Location(line, page=page, file=file_name(doc), **where)


def figure(doc: Document, value: float | None, unit: str | None, decimals: int | None,
           line: int, **where: str | None) -> Figure | None:
    factor = YUAN.get((unit or "").strip())
    if value is None or factor is None:
        return None
    shown = decimals if decimals is not None else (0 if unit == "元" else 2)
    return Figure(value, unit or "", round(value * factor, 2), half_place(shown) * factor,
                  located(doc, line, **where))


def cell(doc: Document, table: Table, row: TableRow, key: str) -> Figure | None:
    """The value `row` prints under `key`, as a Figure."""
    if key not in row.values:
        return None
    decimals = max(row.decimals.get(key, 0), table_precision(doc, table))
    return figure(doc, row.values[key], table_unit(doc, table), decimals, row.line_of(key),
                  table=table.kind, code=row.code, column=key,
                  name=None if row.code else row.name)


def differ(a: Figure, b: Figure) -> bool:
    """More apart than rounding both can explain."""
    return abs(a.yuan - b.yuan) > a.slack + b.slack + 0.005


def total_row(table: Table) -> TableRow | None:
    return table.total_row()


def same_row(table: Table, row: TableRow) -> TableRow | None:
    """The row of `table` that stands for `row` of another document: the same code, or the
    total for the total."""
    if row.code:
        return table.row_by_code(row.code)
    return table.total_row() if row.is_total else None


def first_key(row: TableRow, keys: tuple[str, ...]) -> str | None:
    return next((key for key in keys if key in row.values), None)


# Words a department's name may carry or drop without naming another department.
NAME_SUFFIXES = ("（本级）", "(本级)", "本级", "（汇总）", "(汇总)", "汇总", "机关")


# The long and the short form of one word in a name (中国共产党江苏省委员会 = 中共江苏省委).
NAME_FORMS = (("中国共产党", "中共"), ("委员会", "委"))


def core_name(name: str) -> str:
    name = compact_name(name)
    for suffix in NAME_SUFFIXES:
        name = name.removesuffix(suffix)
    for long, short in NAME_FORMS:
        name = name.replace(long, short)
    return name


def alike(first: str, second: str) -> bool:
    """One department's names: equal but for 本级/汇总/机关 and long forms, or one the other
    without its leading place (省委办公厅, 中共江苏省委办公厅)."""
    a, b = sorted((core_name(first), core_name(second)), key=len)
    return a == b or (len(a) >= 4 and b.endswith(a))


def same_department(first: Document, second: Document) -> bool:
    """The figures of two documents are compared only when they name one department (or one
    of them names none); two departments side by side are only told apart."""
    if not first.department or not second.department:
        return True
    return alike(first.department, second.department)


def is_budget(doc: Document) -> bool:
    return doc.kind in BUDGET_KINDS


def is_final(doc: Document) -> bool:
    return doc.kind in FINAL_KINDS


def show(f: Figure) -> str:
    """The amount as printed, with its unit."""
    text = f"{f.value:,.6f}".rstrip("0").rstrip(".")
    return f"{text}{f.unit}"
