"""One small interface over DuckDB (a file, no server) and PostgreSQL (a URL).

`open_database(target)` takes a file name (DuckDB, created when missing) or a
`postgresql://…` / `postgres://…` URL; the schema is created on first use. SQL is written
with `?` placeholders and handed to psycopg as `%s`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from yusuan.errors import InputError
from yusuan.store.schema import create_statements

DEFAULT_DATABASE = "yusuan.duckdb"
POSTGRES_PREFIXES = ("postgresql://", "postgres://")
ROWS_PER_INSERT = 200


def is_postgres(target: str) -> bool:
    return target.startswith(POSTGRES_PREFIXES)


class Database:
    """A connection, the dialect it speaks, and the few operations the corpus needs."""

    def __init__(self, connection: Any, dialect: str, target: str) -> None:
        self.connection = connection
        self.dialect = dialect
        self.target = target

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgres" else sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.connection.execute(self._sql(sql), tuple(params))

    def insert_many(self, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        """Insert `rows`, many to a statement (DuckDB's executemany runs one statement a row)."""
        marks = "(" + ", ".join("?" for _ in columns) + ")"
        for start in range(0, len(rows), ROWS_PER_INSERT):
            chunk = rows[start:start + ROWS_PER_INSERT]
            sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                   + ", ".join(marks for _ in chunk))
            self.connection.execute(self._sql(sql), [v for row in chunk for v in row])

    def query(self, sql: str, params: Sequence[Any] | None = ()
              ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """The column names and rows of a question; `params=None`: the SQL as written, no
        placeholders (a user's question, whose `?` and `%` are its own)."""
        if params is None:
            cursor = self.connection.execute(sql)
        else:
            cursor = self.connection.execute(self._sql(sql), tuple(params))
        if cursor.description is None:
            return [], []
        names = [column[0] for column in cursor.description]
        return names, [tuple(row) for row in cursor.fetchall()]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside is written whole or not at all."""
        if self.dialect == "postgres":
            with self.connection.transaction():
                yield
            return
        self.connection.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def close(self) -> None:
        self.connection.close()


def open_database(target: str | None, *, create: bool = True) -> Database:
    """The corpus database named by `target` (default yusuan.duckdb), its schema in place."""
    target = target or DEFAULT_DATABASE
    database = _open_postgres(target) if is_postgres(target) else _open_duckdb(target, create)
    if create:
        for statement in create_statements():
            database.execute(statement)
    return database


def _open_duckdb(target: str, create: bool) -> Database:
    import duckdb

    path = Path(target)
    if not create and not path.is_file():
        raise InputError(f"数据库 {target} 不存在（先用 yusuan db add 添加文件）。",
                         f"no database {target} (add files with `yusuan db add` first).")
    if path.is_dir():
        raise InputError(f"{target} 是文件夹，不是数据库文件。", f"{target} is a folder, not a database file.")
    try:  # an existing corpus opened only to read is opened read-only (others may read it too)
        return Database(duckdb.connect(str(path), read_only=not create), "duckdb", target)
    except duckdb.Error as error:
        raise InputError(f"无法打开数据库 {target}：{error}", f"cannot open database {target}: {error}") from None


def _open_postgres(target: str) -> Database:
    try:
        import psycopg
    except ImportError:
        raise InputError("使用 PostgreSQL 须先安装 psycopg：pip install 'yusuan[postgres]'。",
                         "PostgreSQL needs psycopg: pip install 'yusuan[postgres]'.") from None
    try:
        connection = psycopg.connect(target, autocommit=True)
    except psycopg.Error as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise InputError(f"无法连接 PostgreSQL 数据库：{reason}",
                         f"cannot connect to the PostgreSQL database: {reason}") from None
    return Database(connection, "postgres", target)
