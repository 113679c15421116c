"""`yusuan rules ID` explains a rule, `yusuan rules --format json` lists the catalog; `yusuan
extract --format xlsx|csv` exports the tables with each value's page and line; `yusuan text` of a
workbook names its sheets and the cell each line starts at."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from corpus.corpusfiles import require_corpus_file
from openpyxl import Workbook, load_workbook

from yusuan.cli import main
from yusuan.rules import catalog

CORPUS_PDF = "beijing/财政局_2026年部门预算.pdf"  # a two-sided 收支总表 and 13 more tables


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as leaving:
        status = int(leaving.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_rules_explains_one_rule_in_chinese(capsys) -> None:
    status, out, _ = run(capsys, "rules", "TOTAL.ROLLUP")
    assert status == 0
    labels = [line.split("：", 1)[0] for line in out.splitlines()]
    assert labels[:4] == ["规则", "严重程度", "类别", "适用文件"]
    assert {"检查内容", "依据与理由", "通过的例子", "不通过的例子", "容差"} <= set(labels)
    assert "严重程度：错误" in out and "类别：算术" in out and "功能分类科目逐级汇总" in out
    assert "检查内容：功能分类每个类等于其下各款之和，每个款等于其下各项之和。" in out
    assert "依据与理由：功能分类报表的每一金额栏都逐级汇总" in out


@pytest.mark.parametrize("rule_id", [spec.id for spec in catalog()])
def test_every_rule_is_explained_in_chinese(capsys, rule_id: str) -> None:
    out = run(capsys, "rules", rule_id)[1]
    said = dict(line.split("：", 1) for line in out.splitlines())
    for label in ("检查内容", "依据与理由"):
        assert re.search(r"[\u4e00-\u9fff]", said[label]), (rule_id, label)
        assert not re.search(r"\b(the|is|are|and|of)\b", said[label]), (rule_id, label)


# a word of Latin letters: an internal key (total, general_budget_expenditure, col_3) or English
ASCII_WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*")
RULE_IDS = frozenset(spec.id for spec in catalog())


def ascii_words(text: str) -> list[str]:
    """The ASCII words of a Chinese text other than rule ids (TOTAL.ROLLUP) and codes (302)."""
    without_ids = re.sub(r"[A-Z_]+(?:\.[A-Z_]+)+",
                         lambda m: "" if m.group() in RULE_IDS else m.group(), text)
    return ASCII_WORD.findall(without_ids)


def test_an_ascii_word_would_be_caught() -> None:
    assert ascii_words("合计 total 9.00，302 与 NARRATIVE.TABLE 一致") == ["total"]
    assert ascii_words("见 NO.SUCH，col_3") == ["NO", "SUCH", "col_3"]


@pytest.mark.parametrize("rule_id", [spec.id for spec in catalog()])
def test_every_rule_has_a_chinese_example_without_ascii_words(capsys, rule_id: str) -> None:
    out = run(capsys, "rules", rule_id)[1]
    said = dict(line.split("：", 1) for line in out.splitlines())
    assert re.search(r"[\u4e00-\u9fff]", said.get("通过的例子", "")), rule_id
    assert re.search(r"[\u4e00-\u9fff]", said.get("不通过的例子", "")), rule_id
    assert ascii_words(out) == [], rule_id


def test_english_explanation_keeps_the_docstring_examples(capsys) -> None:
    out = run(capsys, "rules", "TOTAL.ROLLUP", "--lang", "en")[1]
    assert "Passes: 208 = 10.00, 20805 = 10.00, 2080501 = 4.00, 2080505 = 6.00." in out


def test_rules_unknown_id_is_refused(capsys) -> None:
    status, out, err = run(capsys, "rules", "NO.SUCH")
    assert (status, out) == (2, "") and "没有编号为 NO.SUCH 的规则" in err


def test_rules_catalog_as_json(capsys) -> None:
    status, out, _ = run(capsys, "rules", "--format", "json")
    rules = json.loads(out)
    assert status == 0 and [r["id"] for r in rules] == [spec.id for spec in catalog()]
    assert all(r["passes"] and r["fails"] and r["title_zh"] for r in rules)
    assert all(r["passes_zh"] and r["fails_zh"] for r in rules)
    assert not [r["id"] for r in rules
                if ascii_words(r["checks_zh"] + r["why_zh"] + r["passes_zh"] + r["fails_zh"])]
    assert json.loads(run(capsys, "rules", "TOTAL.ROLLUP", "--format", "json")[1])["id"] == \
        "TOTAL.ROLLUP"


def test_rules_list_shows_chinese_severity_and_category(capsys) -> None:
    out = run(capsys, "rules")[1]
    assert "TOTAL.ROLLUP" in out and "错误" in out and "算术" in out


def extracted(capsys, pdf: str) -> dict:
    return json.loads(run(capsys, "extract", pdf)[1])


def test_xlsx_has_one_sheet_per_table_with_the_values_of_the_json(capsys, tmp_path: Path) -> None:
    pdf = str(require_corpus_file(CORPUS_PDF))
    payload = extracted(capsys, pdf)
    target = tmp_path / "tables.xlsx"
    assert run(capsys, "extract", pdf, "--format", "xlsx", "-o", str(target))[0] == 0
    book = load_workbook(target, read_only=True)
    assert len(book.sheetnames) == len(payload["tables"]) > 5
    for name, table in zip(book.sheetnames, payload["tables"]):
        cells = [row for row in book[name].iter_rows(values_only=True)]
        assert table["title"] in str(cells[0][0])
        header = next((row for row in cells if "页" in row), ())
        where = {i for i, cell in enumerate(header) if cell in ("页", "行")}
        numbers = Counter(round(float(v), 6) for row in cells[2:] for i, v in enumerate(row)
                          if isinstance(v, (int, float)) and i not in where)
        expected = Counter(round(float(v), 6) for row in table["rows"] for v in row["values"].values())
        assert not expected - numbers, (name, expected - numbers)


def test_xlsx_keeps_the_summary_two_sided_with_pages_and_lines(capsys, tmp_path: Path) -> None:
    pdf = str(require_corpus_file(CORPUS_PDF))
    payload = extracted(capsys, pdf)
    summary = next(t for t in payload["tables"] if t["kind"] == "summary")
    target = tmp_path / "tables.xlsx"
    run(capsys, "extract", pdf, "--format", "xlsx", "-o", str(target))
    sheet = load_workbook(target, read_only=True).worksheets[payload["tables"].index(summary)]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    sides = rows[2]
    assert sides[0] == "收入" and "支出" in sides[1:]
    right = sides.index("支出")
    header = rows[3]
    assert header[0] == "名称" and header[right] == "名称"
    page, line = header.index("页"), header.index("行")
    first_income = next(r for r in summary["rows"] if r["side"] == "income")
    first_spending = next(r for r in summary["rows"] if r["side"] == "expenditure")
    assert rows[4][0] == first_income["name"]
    assert (rows[4][page], rows[4][line]) == (first_income["page"], first_income["line"])
    assert rows[4][right] == first_spending["name"]
    assert (rows[4][right + page], rows[4][right + line]) == \
        (first_spending["page"], first_spending["line"])


def test_xlsx_needs_an_output_file(capsys) -> None:
    status, out, err = run(capsys, "extract", "x.pdf", "--format", "xlsx")
    assert (status, out) == (2, "") and "-o" in err


def test_csv_lists_every_value_with_its_page_and_line(capsys) -> None:
    pdf = str(require_corpus_file(CORPUS_PDF))
    payload = extracted(capsys, pdf)
    status, out, _ = run(capsys, "extract", pdf, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0
    assert len(rows) == sum(len(r["values"]) for t in payload["tables"] for r in t["rows"])
    first = payload["tables"][0]["rows"][0]
    line = next(r for r in rows if r["名称"] == first["name"])
    assert (int(line["页"]), int(line["行"])) == (first["page"], first["line"])
    assert "pNone" not in out and "None" not in out


def test_text_of_a_workbook_names_sheets_and_cells(capsys, tmp_path: Path) -> None:
    book = Workbook()
    first = book.active
    first.title = "收支总表"
    first["B2"] = "某局2024年部门收支总表"
    first.append([None, "项目", "预算数"])
    first.append([None, "一般公共预算拨款收入", 12.5])
    second = book.create_sheet("支出总表")
    second["A1"] = "支出总表"
    path = tmp_path / "book.xlsx"
    book.save(path)
    status, out, _ = run(capsys, "text", str(path))
    lines = out.splitlines()
    assert status == 0 and "None" not in out
    assert lines[0] == "── 工作表 收支总表 ──"
    assert lines[1].split() == ["1", "B2", "某局2024年部门收支总表"]
    assert lines[2].split() == ["2", "B3", "项目", "预算数"]
    assert "── 工作表 支出总表 ──" in lines
    assert lines[-1].split() == [str(len(lines) - 2), "A1", "支出总表"]
