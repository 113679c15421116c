"""The corpus tables, in SQL that DuckDB and PostgreSQL both accept.

Every table is keyed by the document's sha256, so a file added twice is one document and a
document re-checked by a newer yusuan replaces its rows. Every figure keeps where it was
printed: `line` (the document's line number, as `yusuan text` numbers them), `page` and
`page_line` (the line within the page, for PDFs).
"""

from __future__ import annotations

TABLES: dict[str, str] = {
    "documents": """
        sha256 TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        file_name TEXT NOT NULL,
        format TEXT,
        department TEXT,
        year INTEGER,
        kind TEXT,
        unit TEXT,
        pages INTEGER,
        yusuan_version TEXT NOT NULL,
        added_at TEXT NOT NULL,
        status TEXT NOT NULL,
        refusal TEXT,
        errors INTEGER NOT NULL DEFAULT 0,
        warnings INTEGER NOT NULL DEFAULT 0""",
    "doc_tables": """
        sha256 TEXT NOT NULL,
        table_no INTEGER NOT NULL,
        kind TEXT NOT NULL,
        number TEXT,
        title TEXT,
        unit TEXT,
        page INTEGER,
        first_line INTEGER,
        last_line INTEGER,
        PRIMARY KEY (sha256, table_no)""",
    "table_values": """
        sha256 TEXT NOT NULL,
        table_no INTEGER NOT NULL,
        table_kind TEXT NOT NULL,
        row_no INTEGER NOT NULL,
        code TEXT,
        name TEXT NOT NULL,
        column_key TEXT NOT NULL,
        column_header TEXT,
        value DOUBLE PRECISION NOT NULL,
        unit TEXT,
        value_yuan DOUBLE PRECISION,
        side TEXT,
        budget_unit TEXT,
        page INTEGER,
        page_line INTEGER,
        line INTEGER NOT NULL,
        PRIMARY KEY (sha256, table_no, row_no, column_key)""",
    "facts": """
        sha256 TEXT NOT NULL,
        fact_no INTEGER NOT NULL,
        concept TEXT NOT NULL,
        value DOUBLE PRECISION,
        unit TEXT,
        value_yuan DOUBLE PRECISION,
        source TEXT,
        text TEXT,
        page INTEGER,
        page_line INTEGER,
        line INTEGER NOT NULL,
        extra TEXT,
        PRIMARY KEY (sha256, fact_no)""",
    "projects": """
        sha256 TEXT NOT NULL,
        project_no INTEGER NOT NULL,
        name TEXT NOT NULL,
        code TEXT,
        budget_unit TEXT,
        category TEXT,
        amount DOUBLE PRECISION,
        unit TEXT,
        amount_yuan DOUBLE PRECISION,
        spent DOUBLE PRECISION,
        spent_yuan DOUBLE PRECISION,
        page INTEGER,
        page_line INTEGER,
        line INTEGER NOT NULL,
        extra TEXT,
        PRIMARY KEY (sha256, project_no)""",
    "findings": """
        sha256 TEXT NOT NULL,
        finding_no INTEGER NOT NULL,
        rule TEXT NOT NULL,
        severity TEXT NOT NULL,
        category TEXT NOT NULL,
        message TEXT NOT NULL,
        page INTEGER,
        page_line INTEGER,
        line INTEGER,
        other_sha256 TEXT,
        details TEXT,
        PRIMARY KEY (sha256, finding_no)""",
}

# The order rows are deleted and written in (documents last written, first read).
DOCUMENT_TABLES = ("doc_tables", "table_values", "facts", "projects", "findings")


def create_statements() -> list[str]:
    return [f"CREATE TABLE IF NOT EXISTS {name} ({columns})" for name, columns in TABLES.items()]


def column_names(table: str) -> list[str]:
    """The columns of `table`, in the order of its CREATE statement."""
    names = []
    for line in TABLES[table].strip().splitlines():
        word = line.strip().split(" ", 1)[0]
        if word and word.upper() != "PRIMARY" and word.islower():
            names.append(word)
    return names
