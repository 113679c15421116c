"""`yusuan db add PATH... --dask ADDRESS`: the files read and checked on a Dask cluster, one task
per file (`batch.cluster`), each returning the records a local add makes; the client writes them
into the corpus in the files' order, one transaction per file, exactly as a local add would (the
findings with other documents of the corpus are made here, where the database is). A task that
fails, or whose worker dies, leaves its file refused with the reason and out of the corpus, to be
tried again by the next add."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from yusuan.store.add import Added, read_records, store_records, stored_version
from yusuan.store.connect import Database
from yusuan.store.files import file_sha256


def failed(_name: str, reason: str) -> dict[str, Any]:
    """What a task that could not read a file returns (or the client makes of a lost task)."""
    return {"failed": reason}


def add_on_cluster(database: Database, files: list[Path], version: str, lang: str,
                   report: Callable[[Added], None] | None, address: str) -> list[Added]:
    from yusuan.batch.cluster import DaskPool

    shas = [file_sha256(path) for path in files]
    results: list[Added | None] = [None] * len(files)
    todo = []
    for index, path in enumerate(files):
        if stored_version(database, shas[index]) == version:
            results[index] = Added(str(path), shas[index], "unchanged")
        else:
            todo.append((index, str(path), str(path.resolve())))
    arrived: dict[int, dict[str, Any]] = {}
    done = 0

    def write_in_order() -> None:
        nonlocal done
        while done < len(files) and (results[done] is not None or done in arrived):
            if done in arrived:
                results[done] = stored(database, files[done], shas[done], arrived.pop(done),
                                       version)
            if report:
                report(results[done])
            done += 1

    write_in_order()
    if todo:
        pool = DaskPool(address, partial(read_records, version=version, lang=lang), failed, lang)
        for index, read in pool.run(todo):
            arrived[index] = read
            write_in_order()
    return [result for result in results if result is not None]


def stored(database: Database, path: Path, sha256: str, read: dict[str, Any],
           version: str) -> Added:
    """One file's records written, unless its task failed or an earlier file of the same
    content stored them already."""
    if "failed" in read:
        return Added(str(path), sha256, "refused", reason=read["failed"])
    before = stored_version(database, read["sha256"])
    if before == version:
        return Added(str(path), read["sha256"], "unchanged")
    return store_records(database, path, read, before)
