"""Projects and performance forms: 项目支出表 rows, 部门整体 and 项目 绩效目标表, matched by name."""

from __future__ import annotations

from collections import Counter
from typing import Any

from yusuan.layout import source_to_rows
from yusuan.model import Line, Project, Row, Source, Table
from yusuan.recognise.projects.dept import read_dept_form
from yusuan.recognise.projects.form import read_form
from yusuan.recognise.projects.link import link_projects
from yusuan.recognise.projects.model import DeptForm, ProjectForm
from yusuan.recognise.projects.narrative import attach_quotes, narrative_items, performance_total
from yusuan.recognise.projects.selfeval import (
    execution_rows,
    is_self_evaluation,
    rows_within,
    self_indicator_rows,
)
from yusuan.recognise.projects.spans import dept_span, form_spans, lists_many_projects
from yusuan.recognise.projects.table import read_project_table

__all__ = ["DeptForm", "ProjectForm", "extract_projects"]

# said once at info (TABLE.UNSURE) of a 绩效目标表 listing many projects in one table
MANY_PROJECTS = "一张表列出了多个项目的绩效目标，各项目未能逐个读取"


def extract_projects(source: Source, tables: list[Table], rows: list[Row] | None = None
                     ) -> tuple[list[Project], list[Any]]:
    """Projects (from the 项目支出表 and the narrative) and the performance forms of a document;
    `rows` are the source's rows in its layout (made here when not given)."""
    lines = source.lines
    if rows is None:
        rows = source_to_rows(source)
    table_projects = _table_projects(tables)
    for table in tables:
        if table.kind == "project_performance" and lists_many_projects(lines, table):
            table.doubts.append(MANY_PROJECTS)
    spans = form_spans(lines, tables)
    units = Counter(t.unit for t in tables if t.unit in ("元", "万元"))
    money = units.most_common(1)[0][0] if units else None
    forms: list[Any] = [read_form(lines, span, money) for span in spans]
    for span, form in zip(spans, forms, strict=True):
        if is_self_evaluation(span.title):
            _self_evaluation(form, rows_within(rows, span.first, span.last))
    dept = dept_span(lines, tables, spans)
    if dept is not None:
        title = next((t.title for t in tables if t.kind == "dept_performance"), "")
        dept_form = read_dept_form(lines, dept[0], dept[1], title)
        if is_self_evaluation(title):
            _self_evaluation(dept_form, rows_within(rows, dept[0], dept[1]))
        forms.insert(0, dept_form)
    skip = _table_lines(lines, tables, spans, dept)
    items = narrative_items(lines, skip)
    attach_quotes(lines, items)
    total = performance_total(lines, skip)
    projects = link_projects(table_projects, items, forms, total)
    return projects, forms


def _self_evaluation(form: Any, rows: list[Row]) -> None:
    """A 绩效自评表's indicators and 预算执行情况 rows, read by column from its rows."""
    indicators = self_indicator_rows(rows)
    if indicators:
        form.indicators = indicators
    form.execution = execution_rows(rows)


def _next_start(tables: list[Table], start: int, end: int) -> int:
    """The line before the next table's title: a 项目支出表's notes and stray rows end there."""
    later = [t.lines[0] for t in tables if t.lines[0] > start]
    return min(later) - 1 if later else end


def _table_projects(tables: list[Table]) -> list[Project]:
    """The projects of every 项目支出表 the table stage read, from its rows."""
    units = [r.unit_name for t in tables for r in t.rows if r.unit_name]
    out: list[Project] = []
    for table in tables:
        if table.kind == "project_expenditure":
            out.extend(read_project_table(table, units))
    return out


def _table_lines(lines: list[Line], tables: list[Table], spans: list, dept: tuple[int, int] | None
                 ) -> set[int]:
    skip: set[int] = set()
    for table in tables:
        skip.update(range(table.lines[0], table.lines[1] + 1))
        if table.kind == "project_expenditure":
            skip.update(range(table.lines[0], _next_start(tables, table.lines[0], len(lines)) + 1))
    for span in spans:
        skip.update(range(span.first, span.last + 1))
    if dept:
        skip.update(range(dept[0], dept[1] + 1))
    return skip
