"""One small disclosure of our own (元, another department, tables in another order), laid out
the ways users paste tables: TAB-separated, one cell per line, markdown pipes, space-aligned
columns and an HTML page. Every layout must give the same rows, checked against values
written here by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from renderers import RENDERERS, render_cell_per_line, render_tabbed

from yusuan.pipeline import read_document

TITLE = "某市某区文化和旅游局2024年部门预算"
# A header with 项目支出 before 基本支出: the data follow the header, so must the keys.
GENERAL_HEADER = ["科目编码", "科目名称", "合计", "项目支出", "基本支出"]
GENERAL_ROWS = [
    ["", "合计", "1,250,000", "400000", "850000"],
    ["207", "文化旅游体育与传媒支出", "1150000", "400000", "750000"],
    ["20701", "文化和旅游", "1150000", "400000", "750000"],
    ["2070101", "行政运行", "750000", "", "750000"],
    ["2070199", "其他文化和旅游支出", "400000", "400000", ""],
    ["208", "社会保障和就业支出", "100000", "", "100000"],
    ["20805", "行政事业单位养老支出", "100000", "", "100000"],
    ["2080505", "机关事业单位基本养老保险缴费支出", "100000", "", "100000"],
]
SUMMARY_TOP = ["收 入", "", "支 出", ""]
SUMMARY_HEADER = ["项 目", "预算数", "项 目", "预算数"]
SUMMARY_ROWS = [
    ["一、一般公共预算拨款收入", "1250000", "一、文化旅游体育与传媒支出", "1150000"],
    ["二、政府性基金预算拨款收入", "", "二、社会保障和就业支出", "100000"],
    ["本年收入合计", "1250000", "本年支出合计", "1250000"],
    ["上年结转结余", "", "年终结转结余", ""],
    ["收 入 总 计", "1250000", "支 出 总 计", "1250000"],
]

# Written by hand from the tables above (not from the tool's output).
EXPECTED_GENERAL = [
    (None, "合计", {"total": 1250000.0, "project": 400000.0, "basic": 850000.0}),
    ("207", "文化旅游体育与传媒支出", {"total": 1150000.0, "project": 400000.0, "basic": 750000.0}),
    ("20701", "文化和旅游", {"total": 1150000.0, "project": 400000.0, "basic": 750000.0}),
    ("2070101", "行政运行", {"total": 750000.0, "basic": 750000.0}),
    ("2070199", "其他文化和旅游支出", {"total": 400000.0, "project": 400000.0}),
    ("208", "社会保障和就业支出", {"total": 100000.0, "basic": 100000.0}),
    ("20805", "行政事业单位养老支出", {"total": 100000.0, "basic": 100000.0}),
    ("2080505", "机关事业单位基本养老保险缴费支出", {"total": 100000.0, "basic": 100000.0}),
]
EXPECTED_SUMMARY = [
    ("income", "一般公共预算拨款收入", {"budget": 1250000.0}),
    ("income", "政府性基金预算拨款收入", {}),
    ("income", "本年收入合计", {"budget": 1250000.0}),
    ("income", "上年结转结余", {}),
    ("income", "收入总计", {"budget": 1250000.0}),
    ("expenditure", "文化旅游体育与传媒支出", {"budget": 1150000.0}),
    ("expenditure", "社会保障和就业支出", {"budget": 100000.0}),
    ("expenditure", "本年支出合计", {"budget": 1250000.0}),
    ("expenditure", "年终结转结余", {}),
    ("expenditure", "支出总计", {"budget": 1250000.0}),
]


def tables() -> list[tuple[str, list[list[str]]]]:
    return [
        ("表1 一般公共预算支出表", [GENERAL_HEADER, *GENERAL_ROWS]),
        ("表2 部门收支总表", [SUMMARY_TOP, SUMMARY_HEADER, *SUMMARY_ROWS]),
    ]


def text_document(render) -> str:
    lines = [TITLE, "", "第一部分 概况", "本部门2024年部门预算收支总计1250000元。", ""]
    for title, rows in tables():
        lines += [title, "单位：元", *render(rows), ""]
    return "\n".join(lines) + "\n"


def html_document() -> str:
    parts = [f"<html><head><meta charset='utf-8'></head><body><h1>{TITLE}</h1>"]
    for title, rows in tables():
        parts.append(f"<p>{title}</p><p>单位：元</p><table>")
        for row in rows:
            parts.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>")
        parts.append("</table>")
    return "".join(parts) + "</body></html>"


def extracted(path: Path) -> tuple[list, list]:
    document = read_document(str(path))
    general = document.table("general_budget_expenditure")
    summary = document.table("summary")
    assert general is not None and summary is not None
    assert (general.unit, summary.unit, document.year, document.unit) == ("元", "元", 2024, "元")
    general_rows = [(row.code, row.name, row.values) for row in general.rows]
    summary_rows = sorted(((row.side, row.name, row.values) for row in summary.rows),
                          key=lambda r: (r[0] != "income",))
    return general_rows, summary_rows


@pytest.mark.parametrize("layout", sorted(RENDERERS))
def test_text_layouts_give_the_hand_checked_rows(tmp_path: Path, layout: str) -> None:
    path = tmp_path / f"{layout}.txt"
    path.write_text(text_document(RENDERERS[layout]), encoding="utf-8")
    general_rows, summary_rows = extracted(path)
    assert general_rows == EXPECTED_GENERAL
    assert summary_rows == EXPECTED_SUMMARY
    assert read_document(str(path)).source.layout == layout


def test_html_page_gives_the_hand_checked_rows(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(html_document(), encoding="utf-8")
    general_rows, summary_rows = extracted(path)
    assert general_rows == EXPECTED_GENERAL
    assert summary_rows == EXPECTED_SUMMARY


def test_gbk_encoded_text_reads_like_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(text_document(render_tabbed).encode("gbk"))
    assert extracted(path) == (EXPECTED_GENERAL, EXPECTED_SUMMARY)


def test_full_width_digits_and_ideographic_spaces_read_like_ascii(tmp_path: Path) -> None:
    full_width = str.maketrans({**{str(d): chr(0xFF10 + d) for d in range(10)}, ",": "，", ".": "．"})
    text = text_document(render_tabbed)
    lines = [line if "\t" not in line else line.translate(full_width).replace(" ", "\u3000")
             for line in text.splitlines()]
    path = tmp_path / "full_width.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert extracted(path) == (EXPECTED_GENERAL, EXPECTED_SUMMARY)


def test_name_printed_below_its_code_keeps_its_own_line(tmp_path: Path) -> None:
    """One cell per line prints a row's name on the line after its code; findings about the
    name must point at the name's line, which the row keeps as `name_line`."""
    path = tmp_path / "cells.txt"
    path.write_text(text_document(render_cell_per_line), encoding="utf-8")
    document = read_document(str(path))
    lines = [line.text.strip() for line in document.source.lines]
    general = document.table("general_budget_expenditure")
    assert general is not None
    coded = [row for row in general.rows if row.code]
    assert len(coded) == 7
    for row in coded:
        assert lines[row.line - 1] == row.code
        assert lines[row.extra["name_line"] - 1] == row.name
    tabbed = tmp_path / "tabbed.txt"
    tabbed.write_text(text_document(render_tabbed), encoding="utf-8")
    same_line = read_document(str(tabbed)).table("general_budget_expenditure")
    assert same_line is not None and all("name_line" not in r.extra for r in same_line.rows)
