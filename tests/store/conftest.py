"""Fixtures of the store tests: `database` is a fresh corpus, once a DuckDB file and once a
database on a real PostgreSQL server started for the session (skipped, with the reason, only
when no PostgreSQL is installed at all)."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pgserver import Server, find_bin_dir, start_server

_NUMBERS = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Server]:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("no PostgreSQL found (initdb neither on PATH nor in /usr/lib/postgresql/*/bin); "
                    "install the Debian package postgresql (tools/test does)")
    server = start_server(bin_dir)
    yield server
    server.stop()


def new_postgres_database(server: Server) -> str:
    import psycopg

    name = f"corpus_{next(_NUMBERS)}"
    with psycopg.connect(server.url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}")
        connection.execute(f"CREATE DATABASE {name}")
    return server.url_of(name)


@pytest.fixture(params=["duckdb", "postgres"])
def database_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh corpus lives: a DuckDB file, or a URL of a new PostgreSQL database."""
    if request.param == "duckdb":
        return str(tmp_path / "corpus.duckdb")
    return new_postgres_database(request.getfixturevalue("postgres_server"))
