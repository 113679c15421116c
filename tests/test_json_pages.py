"""For a paged source the JSON cites (page, line within the page), as `yusuan text` shows."""

from __future__ import annotations

from yusuan.model import Document, Line, Source, Table, TableRow
from yusuan.report.json_report import extract_json


def paged_source() -> Source:
    lines = [Line(1, "第一页标题", 1), Line(2, "正文", 1), Line(3, "一般公共预算支出表", 2),
             Line(4, "单位：万元", 2), Line(5, "201\t一般公共服务支出\t5.00", 2)]
    return Source(path="x.pdf", format="pdf", sha256="0", lines=lines, pages=2)


def test_page_and_line_counts_from_each_page_start() -> None:
    source = paged_source()
    assert [source.page_and_line(n) for n in (1, 2, 3, 5)] == [(1, 1), (1, 2), (2, 1), (2, 3)]


def test_extract_json_rows_cite_page_and_line_in_page() -> None:
    table = Table(kind="general_budget_expenditure", title="一般公共预算支出表", lines=(3, 5))
    table.rows.append(TableRow(name="一般公共服务支出", line=5, code="201", values={"total": 5.0}))
    payload = extract_json(Document(source=paged_source(), tables=[table]))
    row = payload["tables"][0]["rows"][0]
    assert (row["page"], row["line"]) == (2, 3)
    assert payload["source"]["pages"] == 2


def test_text_sources_keep_file_lines() -> None:
    source = Source(path="x.txt", format="text", sha256="0", lines=[Line(1, "a"), Line(2, "b")])
    table = Table(kind="expenditure", title="支出总表", lines=(1, 2))
    table.rows.append(TableRow(name="合计", line=2, values={"total": 1.0}))
    row = extract_json(Document(source=source, tables=[table]))["tables"][0]["rows"][0]
    assert row["line"] == 2 and "page" not in row
