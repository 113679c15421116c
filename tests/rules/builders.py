"""Small documents for rule tests, built straight from the model dataclasses.

`table(kind, rows, unit=...)` takes rows as tuples `(code, name, {column: value})`; values
given as strings keep their printed decimals ("10.00" → 2, "10" → 0). Line numbers are
assigned in order, starting at `first_line`.
"""

from __future__ import annotations

from typing import Any

from yusuan.model import Column, Document, Line, Source, Table, TableRow

Cells = dict[str, float | int | str]
RowSpec = tuple[str | None, str, Cells]

_next_line = [1]


def _parse(value: float | str) -> tuple[float, int | None]:
    if isinstance(value, str):
        text = value.replace(",", "")
        decimals = len(text.split(".")[1]) if "." in text else 0
        return float(text), decimals
    if isinstance(value, int):
        return float(value), 0
    return float(value), None


def row(code: str | None, name: str, cells: Cells, line: int, **extra: Any) -> TableRow:
    values: dict[str, float] = {}
    decimals: dict[str, int] = {}
    for key, raw in cells.items():
        value, places = _parse(raw)
        values[key] = value
        if places is not None:
            decimals[key] = places
    return TableRow(name=name, line=line, code=code, values=values, decimals=decimals, **extra)


def table(kind: str, rows: list[RowSpec], *, unit: str | None = "万元", title: str = "",
          first_line: int | None = None, number: str | None = None,
          columns: list[str] | None = None, **extra: Any) -> Table:
    start = first_line if first_line is not None else _next_line[0]
    built = [row(code, name, cells, start + 2 + i) for i, (code, name, cells) in
             enumerate(rows)]
    keys = columns or list(dict.fromkeys(k for _, _, cells in rows for k in cells))
    end = start + 2 + len(rows)
    _next_line[0] = end + 5
    return Table(kind=kind, title=title or kind, lines=(start, end), number=number,
                 unit=unit, columns=[Column(k, [k]) for k in keys], rows=built, **extra)


def side_rows(kind: str, income: list[tuple[str, Cells]],
              expenditure: list[tuple[str, Cells]], **kw: Any) -> Table:
    """A two-sided summary table: income rows then expenditure rows."""
    t = table(kind, [(None, n, c) for n, c in income + expenditure], **kw)
    for r in t.rows[:len(income)]:
        r.side = "income"
    for r in t.rows[len(income):]:
        r.side = "expenditure"
    return t


def document(*tables: Table, kind: str = "部门预算", unit: str = "万元", year: int = 2023,
             text: list[str] | None = None) -> Document:
    lines = [Line(i + 1, t) for i, t in enumerate(text or [])]
    source = Source(path="test.txt", format="text", sha256="0", lines=lines)
    return Document(source=source, department="测试局", year=year, kind=kind, unit=unit,
                    tables=list(tables))
