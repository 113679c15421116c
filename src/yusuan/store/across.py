"""The rules across documents, in the corpus: a document added is paired with each document of
its department (names alike) the corpus holds for the year before, its own year and the year
after, read again from where it was added from (when it is still there, unchanged). The pair's
findings are kept with the document added, `other_sha256` naming the other one; when either
is checked again they are replaced."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from yusuan.errors import InputError
from yusuan.model import Document, Finding
from yusuan.store.connect import Database
from yusuan.store.files import file_sha256


def neighbours(database: Database, document: Document) -> list[dict[str, Any]]:
    """The checked documents of the same department a year apart at most."""
    from yusuan.rules.across.common import alike

    if not document.department or document.year is None:
        return []
    names, rows = database.query(
        "SELECT sha256, path, department, year FROM documents WHERE status = 'checked' "
        "AND sha256 <> ? AND year BETWEEN ? AND ?",
        [document.source.sha256, document.year - 1, document.year + 1])
    found = [dict(zip(names, row)) for row in rows]
    return [d for d in found if d["department"] and alike(d["department"], document.department)]


def _read_again(record: dict[str, Any]) -> Document | None:
    from yusuan.pipeline import read_document

    path = Path(record["path"])
    if not path.is_file() or file_sha256(path) != record["sha256"]:
        return None
    try:
        other = read_document(str(path))
    except InputError:
        return None
    other.source.sha256 = record["sha256"]
    return other


def _record(document: Document, other: Document, finding: Finding, number: int) -> dict[str, Any]:
    """A finding of the pair as a row of `findings`, placed at its location in `document`."""
    mine = Path(document.source.path).name
    here = next((loc for loc in finding.locations if loc.file == mine), None)
    page, page_line = document.source.page_and_line(here.line) if here else (None, None)
    return {"sha256": document.source.sha256, "finding_no": number, "rule": finding.rule,
            "severity": finding.severity, "category": finding.category,
            "message": finding.message, "page": page, "line": here.line if here else None,
            "page_line": page_line if page is not None else None,
            "other_sha256": other.source.sha256,
            "details": json.dumps(finding.to_json(), ensure_ascii=False, default=str)}


def pair_finding_rows(database: Database, document: Document, first_number: int
                      ) -> list[dict[str, Any]]:
    """The findings of the rules across documents between `document` and its neighbours."""
    from yusuan.rules.engine import run_pair_rules

    rows: list[dict[str, Any]] = []
    for record in neighbours(database, document):
        other = _read_again(record)
        if other is None:
            continue
        for finding in run_pair_rules(document, other):
            rows.append(_record(document, other, finding, first_number + len(rows)))
    return rows
