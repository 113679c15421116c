"""The 项目支出表's projects come from the rows the table stage read, so every layout a user
pastes gives the same projects. Tables of our own; the expected projects written by hand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from renderers import RENDERERS

from yusuan.model import Table, TableRow
from yusuan.pipeline import read_document
from yusuan.recognise.projects.table import read_project_table

TITLE = "某县某区园林绿化局2031年部门预算"
UNIT = "某县某区园林绿化局本级"
PLAIN_HEADER = ["项目名称", "项目单位", "合计", "一般公共预算", "单位资金"]
PLAIN_ROWS = [
    ["", "", "96.50", "90.50", "6.00"],
    ["某县某区园林绿化局", "", "96.50", "90.50", "6.00"],
    [UNIT, "", "96.50", "90.50", "6.00"],
    ["本级支出项目", "", "96.50", "90.50", "6.00"],
    ["古树名木养护经费", UNIT, "40.00", "40.00", ""],
    ["城市公园绿地巡查服务费", UNIT, "50.50", "50.50", ""],
    ["苗圃场地租赁协调会", UNIT, "6.00", "", "6.00"],
]
CODED_HEADER = ["项目编码", "项目名称", "项目单位", "合计", "一般公共预算", "单位资金"]
CODED_ROWS = [
    ["", "合计", "", "96.50", "90.50", "6.00"],
    ["071", "某县某区园林绿化局", "", "96.50", "90.50", "6.00"],
    ["071001", UNIT, "", "96.50", "90.50", "6.00"],
    ["", "人员经费", "", "5.00", "5.00", ""],
    ["42990031071R000000201", "基本工资", UNIT, "5.00", "5.00", ""],
    ["", "项目支出", "", "91.50", "85.50", "6.00"],
    ["42990031071T000000301", "古树名木养护经费", UNIT, "40.00", "40.00", ""],
    ["42990031071T000000302", "城市公园绿地巡查服务费", UNIT, "45.50", "45.50", ""],
    ["42990031071T000000303", "苗圃场地租赁协调会", UNIT, "6.00", "", "6.00"],
]
# (name, code, unit, amount, category, funding sources)
EXPECTED_PLAIN = [
    ("古树名木养护经费", None, UNIT, 40.0, None, {"total": 40.0, "general_budget": 40.0}),
    ("城市公园绿地巡查服务费", None, UNIT, 50.5, None, {"total": 50.5, "general_budget": 50.5}),
    ("苗圃场地租赁协调会", None, UNIT, 6.0, None, {"total": 6.0, "unit_funds": 6.0}),
]
EXPECTED_CODED = [
    ("古树名木养护经费", "42990031071T000000301", UNIT, 40.0, "特定目标类",
     {"total": 40.0, "general_budget": 40.0}),
    ("城市公园绿地巡查服务费", "42990031071T000000302", UNIT, 45.5, "特定目标类",
     {"total": 45.5, "general_budget": 45.5}),
    ("苗圃场地租赁协调会", "42990031071T000000303", UNIT, 6.0, "特定目标类",
     {"total": 6.0, "unit_funds": 6.0}),
]


TABLES = {"plain": (PLAIN_HEADER, PLAIN_ROWS, EXPECTED_PLAIN),
          "coded": (CODED_HEADER, CODED_ROWS, EXPECTED_CODED)}


def text_document(rows: list[list[str]], render: Callable[[list[list[str]]], list[str]]) -> str:
    lines = [TITLE, "", "第一部分 概况", "本部门2031年部门预算收支总计96.50万元。", "",
             "表10 项目支出表", "单位：万元", *render(rows), ""]
    return "\n".join(lines) + "\n"


def html_document(rows: list[list[str]]) -> str:
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (f"<html><head><meta charset='utf-8'></head><body><h1>{TITLE}</h1>"
            f"<p>表10 项目支出表</p><p>单位：万元</p><table>{cells}</table></body></html>")


def projects_of(path: Path) -> list[tuple]:
    document = read_document(str(path))
    return [(p.name, p.code, p.unit, p.amount, p.category, p.extra["sources"])
            for p in document.projects]


@pytest.mark.parametrize("layout", sorted(RENDERERS))
@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_text_layout_gives_the_same_projects(tmp_path: Path, table: str, layout: str
                                                   ) -> None:
    header, rows, expected = TABLES[table]
    path = tmp_path / f"{table}_{layout}.txt"
    path.write_text(text_document([header, *rows], RENDERERS[layout]), encoding="utf-8")
    assert projects_of(path) == expected


@pytest.mark.parametrize("table", sorted(TABLES))
def test_html_page_gives_the_same_projects(tmp_path: Path, table: str) -> None:
    header, rows, expected = TABLES[table]
    path = tmp_path / f"{table}.html"
    path.write_text(html_document([header, *rows]), encoding="utf-8")
    assert projects_of(path) == expected


def test_amount_line_and_decimals_come_from_the_row() -> None:
    row = TableRow(name="古树名木养护经费", line=20, code="42990031071T000000301",
                   values={"total": 40.5, "general_budget": 40.5}, decimals={"total": 1},
                   value_lines={"total": 23, "general_budget": 24})
    table = Table(kind="project_expenditure", title="项目支出表", lines=(10, 30), rows=[row])
    (project,) = read_project_table(table, [])
    assert (project.line, project.decimals, project.extra["amount_line"]) == (20, 1, 23)


def test_unit_and_category_from_the_group_rows_above() -> None:
    rows = [TableRow(name="某县某区园林绿化局", line=1, values={"total": 9.0}),
            TableRow(name="某县某区园林绿化局苗木站", line=2, values={"total": 9.0}),
            TableRow(name="特定目标类", line=3, values={"total": 9.0}),
            TableRow(name="苗木检疫经费", line=4, values={"total": 9.0})]
    table = Table(kind="project_expenditure", title="项目支出表", lines=(1, 4), rows=rows)
    (project,) = read_project_table(table, [])
    assert (project.name, project.unit, project.category) == (
        "苗木检疫经费", "某县某区园林绿化局苗木站", "特定目标类")


def test_no_projects_under_personnel_or_without_an_amount() -> None:
    rows = [TableRow(name="人员经费", line=1, values={"total": 5.0}),
            TableRow(name="离退休人员补助", line=2, values={"total": 5.0}),
            TableRow(name="项目支出", line=3, values={"total": 2.0}),
            TableRow(name="苗木检疫经费", line=4),
            TableRow(name="绿地养护经费", line=5, values={"general_budget": 2.0})]
    table = Table(kind="project_expenditure", title="项目支出表", lines=(1, 5), rows=rows)
    assert [(p.name, p.amount) for p in read_project_table(table, [])] == [("绿地养护经费", 2.0)]
