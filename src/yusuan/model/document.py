"""The extracted document: tables, rows, narrative facts, projects. Mirrors the extract contract."""

from __future__ import annotations

from typing import Any

from yusuan.kept.dataclass_code import dataclass, field


@dataclass(slots=True)
class Column:
    """A table column: a stable key (contract's column keys) and its header path as printed."""

    key: str
    header: list[str]


@dataclass(slots=True)
class TableRow:
    """One data row. `values` holds only the cells the document prints (blank is absent).

    `decimals[key]` is the number of decimals printed for that value (for rounding intervals);
    `value_lines[key]` is the line a value was printed on when it differs from `line`.
    For two-sided summary tables `side` is "income" or "expenditure".
    `unit_code` / `unit_name` carry the budget unit where the table prints one per row.
    """

    name: str
    line: int
    code: str | None = None
    values: dict[str, float] = field(default_factory=dict)
    decimals: dict[str, int] = field(default_factory=dict)
    value_lines: dict[str, int] = field(default_factory=dict)
    side: str | None = None
    unit_code: str | None = None
    unit_name: str | None = None
    page: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        return self.value_lines.get(key, self.line)

    @property
    def is_total(self) -> bool:
        return self.code is None and self.name.replace(" ", "") in TOTAL_NAMES


TOTAL_NAMES = frozenset({"合计", "总计", "小计"})


@dataclass(slots=True)
class Table:
    """A recognised table. `lines` is the inclusive [first, last] line span."""

    kind: str
    title: str
    lines: tuple[int, int]
    number: str | None = None
    unit: str | None = None
    columns: list[Column] = field(default_factory=list)
    rows: list[TableRow] = field(default_factory=list)
    empty: bool = False
    note: str | None = None
    header_lines: tuple[int, int] | None = None
    unit_line: int | None = None
    budget_unit: str | None = None
    budget_unit_line: int | None = None
    page: int | None = None
    # why the reading of this table is not sure enough to accuse anything (empty: sure)
    doubts: list[str] = field(default_factory=list)

    def column(self, key: str) -> Column | None:
        for column in self.columns:  # a loop, not next() of a generator: asked thousands of times
            if column.key == key:
                return column
        return None

    def row_by_code(self, code: str) -> TableRow | None:
        return next((r for r in self.rows if r.code == code), None)

    def total_row(self) -> TableRow | None:
        return next((r for r in self.rows if r.is_total), None)


@dataclass(slots=True)
class Fact:
    """A figure read from the narrative (or elsewhere outside the tables), with its evidence."""

    concept: str
    value: float | None
    unit: str | None
    line: int
    source: str = "narrative"
    text: str = ""
    decimals: int | None = None
    page: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Project:
    """One project of the document's project forms, as its lines give it."""

    name: str
    line: int
    code: str | None = None
    unit: str | None = None
    amount: float | None = None
    decimals: int | None = None
    category: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Document:
    """Everything recognised in one disclosure."""

    source: Any  # yusuan.model.source.Source
    department: str | None = None
    year: int | None = None
    kind: str | None = None
    unit: str | None = None
    tables: list[Table] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    forms: list[Any] = field(default_factory=list)
    headline: dict[str, dict[str, Any]] = field(default_factory=dict)
    # the narrative's paragraphs the facts were read from, with the source and its lines they
    # were built of and the table lines they left out, for the rules to read again (built anew
    # for a source or lines since changed)
    paragraphs: tuple[Any, tuple[Any, ...], list[Any], Any] | None = field(
        default=None, repr=False, compare=False)

    def tables_of(self, kind: str) -> list[Table]:
        return [t for t in self.tables if t.kind == kind]

    def table(self, kind: str) -> Table | None:
        return next((t for t in self.tables if t.kind == kind), None)

    def line_text(self, number: int) -> str:
        return self.source.line_text(number)
