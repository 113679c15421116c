"""The pipeline in one place: file → Source → rows → tables → Document."""

from __future__ import annotations

import hashlib
from pathlib import Path

from yusuan.collector import fewer_collections
from yusuan.errors import InputError
from yusuan.layout import source_to_rows
from yusuan.model import Document, Row, Source, Table
from yusuan.readers import read_source
from yusuan.readers.text import text_to_lines
from yusuan.recognise.confidence import reading_doubts
from yusuan.recognise.headline import add_form_headline, add_narrative_headline, tables_headline
from yusuan.recognise.meta import (
    document_department,
    document_kind,
    document_unit,
    document_year,
    file_name_year,
    names_a_disclosure,
)
from yusuan.recognise.narrative.extract import extract_facts
from yusuan.recognise.narrative.paragraphs import paragraphs_and_tables
from yusuan.recognise.projects import extract_projects
from yusuan.recognise.tables import rows_to_tables


@fewer_collections
def read_document(path: str) -> Document:
    """Read and recognise a disclosure; InputError when it cannot be read or is not one."""
    return source_to_document(read_source(path))


@fewer_collections
def read_together(paths: list[str]) -> Document:
    """Read a disclosure published as several files (情况说明 and 报表) as one document, so
    that the narrative of one is checked against the tables of the other."""
    from yusuan.readers.together import join_sources

    if len(paths) == 1:
        return read_document(paths[0])
    sources = [read_source(path) for path in paths]
    rows = [source_to_rows(source) for source in sources]
    return source_to_document(*join_sources(sources, rows))


def document_from_text(text: str, name: str = "inline.txt") -> Document:
    """Recognise a disclosure given as text (tests, pasted input)."""
    source = Source(path=name, format="text", sha256=hashlib.sha256(text.encode()).hexdigest(),
                    lines=text_to_lines(text))
    return source_to_document(source)


def name_amount_columns(tables: list[Table], kind: str | None) -> None:
    """A column headed only 金额 holds 决算数 in a 决算 and 预算数 in a 预算."""
    key = "actual" if kind and kind.endswith("决算") else "budget"
    for table in tables:
        for column in table.columns:
            if column.key == "amount":
                column.key = key
        for row in table.rows:
            if "amount" in row.values:
                row.values[key] = row.values.pop("amount")
                row.decimals[key] = row.decimals.pop("amount")


def source_to_document(source: Source, rows: list[Row] | None = None) -> Document:
    if rows is None:
        rows = source_to_rows(source)
    tables = rows_to_tables(rows)
    document = Document(source=source, tables=tables)
    document.year = document_year(source.lines, tables) or file_name_year(Path(source.path).name)
    document.kind = document_kind(source.lines, tables)
    document.department = document_department(source.lines)
    document.unit = document_unit(tables, source.lines)
    if not tables and (document.kind is None or not names_a_disclosure(source.lines)):
        raise InputError(f"{Path(source.path).name} 看来不是预算或决算公开文件：没有找到公开报表，"
                         "也没有部门（单位）预算或决算的标题。",
                         f"{Path(source.path).name} does not look like a budget or final-accounts "
                         "disclosure: no disclosure tables and no 预算/决算 title were found.")
    name_amount_columns(tables, document.kind)
    for table in tables:
        table.doubts = reading_doubts(table)
    document.headline = tables_headline(tables)
    paragraphs, left_out = paragraphs_and_tables(source)  # the facts' and then the rules'
    document.paragraphs = (source, tuple(source.lines), paragraphs, left_out)
    document.facts = extract_facts(source, rows, document.year, paragraphs)
    document.projects, document.forms = extract_projects(source, tables, rows)
    add_form_headline(document.headline, document.forms)
    add_narrative_headline(document.headline, document.facts, document.unit)
    return document

