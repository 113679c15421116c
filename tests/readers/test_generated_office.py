"""Generated disclosures (tests/docbuilder.py, tests/finalbuilder.py) written out as the Excel
workbooks, Word documents and HTML pages departments publish (tests/officerender.py: one
sheet per table with numeric cells and number formats, real Word tables, <table>s with merged
group headers) and read back end to end: the tables and their figures are read as the budget
holds them, the rules accuse the document of nothing, and one defect put in the file is found
by its rule on the line that prints it. Each file is built and read once per module."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from accusations import Read, accusations, said
from docbuilder import CLASS_LIST, Budget, culture_bureau, labour_bureau, render
from finalbuilder import Final, culture_final, render_final, with_gov_fund
from officerender import text_to_docx, text_to_html, text_to_xlsx
from rules.test_generated_documents import assert_read as assert_budget_read
from rules.test_generated_final_accounts import assert_read as assert_final_read

from yusuan.model import Document
from yusuan.pipeline import read_document
from yusuan.report.json_report import check_json
from yusuan.rules import run_rules

WRITERS: dict[str, Callable[[str, Path], None]] = {
    "xlsx": text_to_xlsx, "docx": text_to_docx, "html": text_to_html}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("generated_office")


def write(folder: Path, name: str, fmt: str, text: str) -> Read:
    path = folder / f"{name}.{fmt}"
    WRITERS[fmt](text, path)
    return Read(name, path, read_document(str(path)))


# name: (budget, table order)
BUDGETS: dict[str, tuple[Callable[[], Budget], str]] = {
    # 万元 with the performance forms, 收支总表 first
    "culture_wan_forms": (lambda: culture_bureau(forms=True, dept_form=True), "standard"),
    # 元 with the forms, the 财政拨款 tables first
    "labour_yuan_forms": (lambda: labour_bureau(forms=True, dept_form=True), "fiscal_first"),
}
FINALS: dict[str, Callable[[], Final]] = {
    "culture_gov_fund_final": lambda: with_gov_fund(culture_final()),
}


@pytest.fixture(scope="module", params=[(name, fmt) for name in sorted(BUDGETS)
                                        for fmt in sorted(WRITERS)], ids=lambda p: "-".join(p))
def budget_file(request: pytest.FixtureRequest, folder: Path) -> tuple[Budget, Read]:
    name, fmt = request.param
    build, order = BUDGETS[name]
    budget = build()
    return budget, write(folder, name, fmt, render(budget, "tabbed", order))


@pytest.fixture(scope="module", params=[(name, fmt) for name in sorted(FINALS)
                                        for fmt in sorted(WRITERS)], ids=lambda p: "-".join(p))
def final_file(request: pytest.FixtureRequest, folder: Path) -> tuple[Final, Read]:
    name, fmt = request.param
    final = FINALS[name]()
    return final, write(folder, name, fmt, render_final(final))


def test_budget_file_is_read_to_the_budget_figures(budget_file: tuple[Budget, Read]) -> None:
    budget, read = budget_file
    document = read.document
    assert document.source.format == read.path.suffix[1:]
    assert_budget_read(document, budget)
    scale = 10_000 if budget.money == "万元" else 1
    general = document.table("general_budget_expenditure")
    assert general is not None
    items = [row for row in general.rows if row.code and len(row.code) == 7]
    assert [row.code for row in items] == budget.items(general=True)
    for row in items:
        assert abs(row.values["total"] * scale - budget.general_of(row.code)) <= scale / 200, row
    total = document.table("expenditure").total_row()  # type: ignore[union-attr]
    assert total is not None and abs(total.values["total"] * scale - budget.total) <= scale / 200
    # the 收支总表's 支出 side: every 类, with or without an amount, a row of its own (in a
    # workbook a row whose only text is a 类 with no amount is still a row of the grid)
    summary = document.table("summary")
    assert summary is not None
    spending = [row for row in summary.rows if row.side == "expenditure"]
    assert [row.name for row in spending][:len(CLASS_LIST)] == CLASS_LIST
    assert sum(row.values.get("budget", 0) for row in spending[:len(CLASS_LIST)]) * scale \
        == pytest.approx(budget.total, abs=scale / 100)


def test_budget_file_is_accused_of_nothing(budget_file: tuple[Budget, Read]) -> None:
    assert said(accusations(budget_file[1].document)) == []


def test_final_file_is_read_to_the_accounts(final_file: tuple[Final, Read]) -> None:
    final, read = final_file
    assert read.document.source.format == read.path.suffix[1:]
    assert_final_read(read.document, final)


def test_final_file_is_accused_of_nothing(final_file: tuple[Final, Read]) -> None:
    assert said(accusations(final_file[1].document)) == []


def test_the_files_are_as_published(folder: Path) -> None:
    """The workbook holds one sheet per table, amounts as numbers printed with two decimals,
    merged group headers; the Word and HTML tables merge them too."""
    from openpyxl import load_workbook

    text = render(culture_bureau())
    for fmt, writer in WRITERS.items():
        writer(text, folder / f"published.{fmt}")
    book = load_workbook(folder / "published.xlsx")
    assert "表5 一般公共预算支出表" in book.sheetnames and len(book.sheetnames) > 10
    sheet = book["表5 一般公共预算支出表"]
    amounts = [cell for row in sheet.iter_rows() for cell in row
               if isinstance(cell.value, float)]
    assert amounts and all(cell.number_format == "0.00" for cell in amounts)
    assert any(str(r).startswith("D") for r in sheet.merged_cells.ranges)  # 基本支出
    html = (folder / "published.html").read_text(encoding="utf-8")
    assert 'colspan="3"' in html and "<p>" in html
    with zipfile.ZipFile(folder / "published.docx") as archive:
        assert "w:gridSpan" in archive.read("word/document.xml").decode()


def cited_lines(document: Document, rule: str) -> list[str]:
    """The texts of the lines a rule's findings cite."""
    report = check_json(document, run_rules(document))
    lines = document.source.lines
    return [lines[location["line"] - 1].text for finding in report["findings"]
            if finding["rule"] == rule for location in finding["locations"]
            if "line" in location]


@pytest.mark.parametrize(("fmt", "old", "new", "rule"), [
    ("docx", "公用经费57.09万元，主要用于", "公用经费59.09万元，主要用于", "NARRATIVE.TABLE"),
    ("html", "增加25.76万元，增长4.85%", "增加25.76万元，增长5.85%", "NARRATIVE.RATE"),
])
def test_a_narrative_defect_is_cited_on_its_line(folder: Path, fmt: str, old: str, new: str,
                                                 rule: str) -> None:
    """A wrong amount (Word) or rate (HTML) in a paragraph: its rule alone, citing the
    paragraph that prints it."""
    text = render(culture_bureau())
    assert old in text
    document = write(folder, f"narrative_defect_{rule}", fmt, text.replace(old, new, 1)).document
    assert {f.rule for f in accusations(document)} == {rule}
    cited = cited_lines(document, rule)
    assert any(new in line for line in cited), cited


def test_a_cell_defect_in_the_workbook_is_cited_on_its_row(folder: Path) -> None:
    """The 款 20701's 合计 in the 一般公共预算支出表 sheet changed to 468.79 (its 项 add to
    466.79): CROSS.CODE, on the workbook line of that row."""
    from openpyxl import load_workbook

    path = folder / "cell_defect.xlsx"
    text_to_xlsx(render(culture_bureau()), path)
    book = load_workbook(path)
    sheet = book["表5 一般公共预算支出表"]
    row = next(r for r in sheet.iter_rows() if str(r[0].value) == "20701")
    assert row[2].value == 466.79
    row[2].value = 468.79
    book.save(path)
    document = read_document(str(path))
    assert {f.rule for f in accusations(document)} == {"CROSS.CODE"}
    assert any(line.startswith("20701\t") and "468.79" in line
               for line in cited_lines(document, "CROSS.CODE")), cited_lines(document, "CROSS.CODE")
