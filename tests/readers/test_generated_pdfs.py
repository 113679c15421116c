"""Generated disclosures (tests/docbuilder.py, tests/finalbuilder.py) written out as real PDFs
(tests/pdfrender.py: wrapped paragraphs, ruled grids over pages, page numbers) and read back
end to end: the tables and their figures are read as the budget holds them, the rules accuse
the document of nothing, and a wrong narrative amount is found on the page and line it is
printed on. Each PDF is built and read once per module."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from accusations import accusations, said
from docbuilder import Budget, culture_bureau, labour_bureau, render
from finalbuilder import Final, culture_final, render_final
from pdfrender import text_to_pdf
from rules.test_generated_documents import assert_read as assert_budget_read
from rules.test_generated_final_accounts import assert_read as assert_final_read

from yusuan.model import Document
from yusuan.pipeline import read_document
from yusuan.report.json_report import check_json
from yusuan.rules import run_rules


@dataclass
class Read:
    path: Path
    document: Document


@pytest.fixture(scope="module")
def write(tmp_path_factory: pytest.TempPathFactory, cjk_font: str) -> Callable[[str, str], Read]:
    folder = tmp_path_factory.mktemp("generated_pdfs")

    def make(name: str, text: str) -> Read:
        path = folder / f"{name}.pdf"
        text_to_pdf(text, path, cjk_font)
        return Read(path, read_document(str(path)))

    return make


BUDGETS: dict[str, tuple[Callable[[], Budget], str]] = {
    # 万元, the performance forms (部门整体 and one per project), 收支总表 first
    "culture_wan_forms": (lambda: culture_bureau(forms=True, dept_form=True), "standard"),
    # 元, the 财政拨款 tables first
    "labour_yuan": (labour_bureau, "fiscal_first"),
}


@pytest.fixture(scope="module", params=sorted(BUDGETS))
def budget_pdf(request: pytest.FixtureRequest, write: Callable[[str, str], Read]
               ) -> tuple[Budget, Read]:
    build, order = BUDGETS[request.param]
    budget = build()
    return budget, write(request.param, render(budget, "tabbed", order))


@pytest.fixture(scope="module")
def final_pdf(write: Callable[[str, str], Read]) -> tuple[Final, Read]:
    final = culture_final()
    return final, write("culture_final", render_final(final))


def test_budget_pdf_is_read_to_the_budget_figures(budget_pdf: tuple[Budget, Read]) -> None:
    budget, read = budget_pdf
    document = read.document
    assert document.source.format == "pdf" and document.source.pages > 5
    assert_budget_read(document, budget)
    pages = document.source.page_and_line
    assert any(pages(t.lines[0])[0] != pages(t.lines[1])[0] for t in document.tables), \
        "no table runs over a page break"
    scale = 10_000 if budget.money == "万元" else 1
    for kind in ("summary", "expenditure", "general_budget_expenditure"):
        table = document.table(kind)
        assert table is not None and table.page is not None, kind
    # the 项 rows of the 一般公共预算支出表 against the budget's own figures, on its page
    general = table
    items = [row for row in general.rows if row.code and len(row.code) == 7]
    assert [row.code for row in items] == budget.items(general=True)
    for row in items:
        assert abs(row.values["total"] * scale - budget.general_of(row.code)) <= scale / 200, row
        assert (document.source.page_and_line(row.line)[0] or 0) >= table.page, row
    # the 部门支出总表's 合计 is the budget's total
    total = document.table("expenditure").total_row()  # type: ignore[union-attr]
    assert total is not None and abs(total.values["total"] * scale - budget.total) <= scale / 200


def test_budget_pdf_is_accused_of_nothing(budget_pdf: tuple[Budget, Read]) -> None:
    assert said(accusations(budget_pdf[1].document)) == []


def test_final_pdf_is_read_to_the_accounts(final_pdf: tuple[Final, Read]) -> None:
    final, read = final_pdf
    assert read.document.source.format == "pdf"
    assert_final_read(read.document, final)


def test_final_pdf_is_accused_of_nothing(final_pdf: tuple[Final, Read]) -> None:
    assert said(accusations(final_pdf[1].document)) == []


def test_wrong_narrative_amount_is_cited_on_its_page_and_line(
        write: Callable[[str, str], Read]) -> None:
    text = render(culture_bureau())
    old, new = "公用经费57.09万元，主要用于", "公用经费59.09万元，主要用于"
    assert old in text
    read = write("culture_wrong_narrative", text.replace(old, new, 1))
    document = read.document
    findings = run_rules(document)
    assert {f.rule for f in findings if f.severity in ("warning", "error")} == {"NARRATIVE.TABLE"}
    printed = [line for line in document.source.lines if "59.09" in line.text]
    assert len(printed) == 1
    page, line = document.source.page_and_line(printed[0].number)
    assert page is not None and page > 1
    report = check_json(document, findings)
    cited = [location for finding in report["findings"] if finding["rule"] == "NARRATIVE.TABLE"
             for location in finding["locations"] if "page" in location]
    assert {"page": page, "line": line} in [{"page": c["page"], "line": c["line"]} for c in cited]
