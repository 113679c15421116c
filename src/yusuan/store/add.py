"""`yusuan db add`: read and check each file into the corpus, once per content and version.

A file whose sha256 is in the corpus, checked by this yusuan version, is left as it is; checked
by another version, it is read and checked again and its rows replaced. A file yusuan refuses is
kept as refused (with the reason), so that it too is tried once per version. Each document is
written in one transaction: a failure leaves the corpus as it was before that file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from yusuan.errors import InputError
from yusuan.kept.dataclass_code import dataclass
from yusuan.store.across import pair_finding_rows
from yusuan.store.connect import Database
from yusuan.store.files import disclosure_files, file_sha256
from yusuan.store.schema import DOCUMENT_TABLES, column_names


@dataclass(slots=True)
class Added:
    """What became of one file: added, rechecked, unchanged or refused."""

    path: str
    sha256: str
    status: str
    department: str | None = None
    year: int | None = None
    kind: str | None = None
    errors: int = 0
    warnings: int = 0
    reason: str | None = None


def stored_version(database: Database, sha256: str) -> str | None:
    _, rows = database.query("SELECT yusuan_version FROM documents WHERE sha256 = ?", [sha256])
    return rows[0][0] if rows else None


def write_records(database: Database, sha256: str, records: dict[str, list[dict[str, Any]]],
                  replace: bool = True) -> None:
    """Replace everything the corpus holds of one document by `records`, in one transaction
    (`replace=False`: the corpus holds nothing of it yet)."""
    with database.transaction():
        if replace:
            for table in (*DOCUMENT_TABLES, "documents"):
                database.execute(f"DELETE FROM {table} WHERE sha256 = ?", [sha256])
            database.execute("DELETE FROM findings WHERE other_sha256 = ?", [sha256])
        for table in ("documents", *DOCUMENT_TABLES):
            columns = column_names(table)
            rows = [tuple(record.get(c) for c in columns) for record in records.get(table, [])]
            database.insert_many(table, columns, rows)


def refused_records(path: Path, sha256: str, version: str, added_at: str,
                    reason: str) -> dict[str, list[dict[str, Any]]]:
    return {"documents": [{"sha256": sha256, "path": str(path), "file_name": path.name,
                           "yusuan_version": version, "added_at": added_at,
                           "status": "refused", "refusal": reason, "errors": 0, "warnings": 0}]}


def read_records(path: str, stored_path: str, version: str, lang: str = "zh") -> dict[str, Any]:
    """Read and check one file into the records the corpus keeps of it, with no database (so it
    runs on a Dask worker too): its sha256, the Document (None when refused), the refusal and
    the records (`stored_path` is the path they name; added_at is set when they are stored)."""
    from yusuan.pipeline import read_document
    from yusuan.rules import run_rules
    from yusuan.store.records import document_records

    sha256 = file_sha256(Path(path))
    try:
        document = read_document(path)
    except InputError as error:
        reason = error.message(lang)
        return {"sha256": sha256, "document": None, "reason": reason,
                "records": refused_records(Path(stored_path), sha256, version, "", reason)}
    document.source.sha256 = sha256
    findings = run_rules(document)
    return {"sha256": sha256, "document": document, "reason": None,
            "records": document_records(document, findings, stored_path, version, "")}


def store_records(database: Database, path: Path, read: dict[str, Any],
                  before: str | None) -> Added:
    """Write what `read_records` made of one file (and its findings with the documents of the
    corpus) in one transaction; `before` is the yusuan version that stored it before, if any."""
    sha256, records, document = read["sha256"], read["records"], read["document"]
    records["documents"][0]["added_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    if document is None:
        write_records(database, sha256, records, replace=before is not None)
        return Added(str(path), sha256, "refused", reason=read["reason"])
    records["findings"] += pair_finding_rows(database, document, len(records["findings"]) + 1)
    write_records(database, sha256, records, replace=before is not None)
    row = records["documents"][0]
    return Added(str(path), sha256, "rechecked" if before else "added", document.department,
                 document.year, document.kind, row["errors"], row["warnings"])


def add_file(database: Database, path: Path, version: str, lang: str = "zh") -> Added:
    sha256 = file_sha256(path)
    before = stored_version(database, sha256)
    if before == version:
        return Added(str(path), sha256, "unchanged")
    return store_records(database, path, read_records(str(path), str(path.resolve()), version,
                                                      lang), before)


def add_paths(database: Database, paths: list[str], version: str, lang: str = "zh",
              report: Callable[[Added], None] | None = None) -> list[Added]:
    """Add every disclosure under `paths`; `report` hears of each file as it is done (on a Dask
    cluster: `store.cluster.add_on_cluster`)."""
    results = []
    for path in disclosure_files(paths):
        result = add_file(database, path, version, lang)
        results.append(result)
        if report:
            report(result)
    return results
