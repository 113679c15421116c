"""`yusuan db query`: a question in SQL, its answer as an aligned table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from typing import Any

from yusuan.errors import InputError
from yusuan.store.connect import Database


def run_query(database: Database, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The answer to `sql`; a statement the database rejects is one readable sentence."""
    try:
        return database.query(sql, None)
    except Exception as error:
        if type(error).__module__.split(".")[0] not in ("duckdb", "psycopg", "_duckdb"):
            raise
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        _roll_back(database)
        raise InputError(f"查询无法执行：{reason}", f"the query failed: {reason}") from None


def _roll_back(database: Database) -> None:
    if database.dialect == "postgres":
        database.connection.rollback()


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}" if value != int(value) or abs(value) >= 1e15 else f"{value:.0f}"
    return str(value)


def as_table(names: list[str], rows: list[tuple[Any, ...]]) -> str:
    """Columns aligned by display width (a Chinese character is two columns wide)."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([display_width(n)] + [display_width(r[i]) for r in cells])
              for i, n in enumerate(names)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - display_width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(names), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    return "\n".join(out) + "\n"


def as_csv(names: list[str], rows: list[tuple[Any, ...]], bom: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    writer.writerows([[_raw(v) for v in row] for row in rows])
    return ("\ufeff" if bom else "") + buffer.getvalue()


def _raw(value: Any) -> Any:
    return "" if value is None else value


def as_json(names: list[str], rows: list[tuple[Any, ...]]) -> str:
    records = [dict(zip(names, row)) for row in rows]
    return json.dumps(records, ensure_ascii=False, indent=1, default=str) + "\n"


def render_answer(names: list[str], rows: list[tuple[Any, ...]], fmt: str) -> str:
    if fmt == "csv":
        return as_csv(names, rows)
    if fmt == "json":
        return as_json(names, rows)
    return as_table(names, rows)
