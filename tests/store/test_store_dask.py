"""`yusuan db add PATH... --dask ADDRESS --db postgresql://…`: the files read and checked on a
real Dask cluster (a LocalCluster), the rows written into a real PostgreSQL server are those of
an add without the cluster (but for the time each was added)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from docbuilder import labour_bureau, render
from finalbuilder import render_final
from pairs import budget_2024, budget_after, final_of

from yusuan.cli import main
from yusuan.store.connect import open_database
from yusuan.store.schema import DOCUMENT_TABLES, column_names

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "001_cef01461b897d751.txt"


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """Two years of one department and a 决算 whose 年初预算数 differs from its 预算 (so the
    rules across documents find something), another department, a copy of one file (stored
    once), a file that is no disclosure and a seed."""
    folder = tmp_path / "disclosures"
    (folder / "sub").mkdir(parents=True)
    before = budget_2024()
    initial = {code: before.general_of(code) for code in before.items(general=True)}
    initial["2070109"] += 60_000
    (folder / "b24.txt").write_text(render(before), encoding="utf-8")
    (folder / "sub" / "b25.txt").write_text(render(budget_after(before)), encoding="utf-8")
    (folder / "sub" / "f24.txt").write_text(render_final(final_of(before, initial=initial)),
                                            encoding="utf-8")
    (folder / "sub" / "labour_2025.txt").write_text(render(labour_bureau()), encoding="utf-8")
    shutil.copyfile(folder / "b24.txt", folder / "sub" / "b24_copy.txt")
    (folder / "notes.txt").write_text("会议纪要\n今天天气很好。\n", encoding="utf-8")
    if SEED.exists():
        shutil.copyfile(SEED, folder / SEED.name)
    return folder


def new_database(server: Any, name: str) -> str:
    import psycopg

    with psycopg.connect(server.url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}")
        connection.execute(f"CREATE DATABASE {name}")
    return server.url_of(name)


def every_row(target: str) -> dict[str, list[tuple[Any, ...]]]:
    """Each corpus table's rows, sorted, without the time they were added."""
    database = open_database(target)
    try:
        out = {}
        for table in ("documents", *DOCUMENT_TABLES):
            columns = [c for c in column_names(table) if c != "added_at"]
            _, rows = database.query(f"SELECT {', '.join(columns)} FROM {table}")
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        database.close()


def test_an_add_on_the_cluster_stores_the_rows_of_a_local_add(
        files: Path, postgres_server: Any, dask_scheduler: str, capsys: Any) -> None:
    local, cluster = (new_database(postgres_server, name) for name in ("local", "cluster"))
    assert main(["db", "add", "--db", local, str(files)]) == 0
    said_locally = capsys.readouterr()
    assert main(["db", "add", "--db", cluster, "--dask", dask_scheduler, str(files)]) == 0
    said_on_cluster = capsys.readouterr()
    assert said_on_cluster.out == said_locally.out
    assert said_on_cluster.err == said_locally.err  # each file, in order, as it was stored
    assert "未变: " in said_on_cluster.err and "拒收: " in said_on_cluster.err
    rows = every_row(cluster)
    assert rows == every_row(local)
    assert rows["findings"] and any(row[-2] for row in rows["findings"])  # across documents
    assert main(["db", "add", "--db", cluster, "--dask", dask_scheduler, str(files)]) == 0
    assert every_row(cluster) == rows  # the same files again change nothing


def test_no_scheduler_is_one_sentence_and_no_database(tmp_path: Path, files: Path,
                                                      capsys: Any) -> None:
    pytest.importorskip("distributed")
    target = tmp_path / "corpus.duckdb"
    assert main(["db", "add", "--db", str(target), "--dask", "tcp://127.0.0.1:9", str(files)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("yusuan: 无法连接 Dask 调度器 tcp://127.0.0.1:9：") and err.count("\n") == 1
    assert not target.exists()
