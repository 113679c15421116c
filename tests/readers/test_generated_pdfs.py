"""Generated disclosures (tests/docbuilder.py, tests/finalbuilder.py) written out as real PDFs
(tests/pdfrender.py: wrapped paragraphs, ruled grids over pages, page numbers) and read back
end to end: the tables and their figures are read as the budget holds them, the rules accuse
the document of nothing, and a wrong narrative amount is found on the page and line it is
printed on. Each PDF is built and read once per module."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from accusations import Read, accusations, said
from docbuilder import Budget, culture_bureau, labour_bureau, render
from finalbuilder import Final, culture_final, render_final, with_gov_fund
from pdfrender import text_to_pdf
from rules.test_generated_documents import assert_read as assert_budget_read
from rules.test_generated_final_accounts import assert_read as assert_final_read

from yusuan.model import Document
from yusuan.pipeline import read_document
from yusuan.readers.normalise import PAGE_NUMBER
from yusuan.report.json_report import check_json
from yusuan.rules import run_rules


@pytest.fixture(scope="module")
def write(tmp_path_factory: pytest.TempPathFactory, cjk_font: str) -> Callable[..., Read]:
    folder = tmp_path_factory.mktemp("generated_pdfs")

    def make(name: str, text: str, keep_titles: bool = True) -> Read:
        path = folder / f"{name}.pdf"
        text_to_pdf(text, path, cjk_font, keep_titles=keep_titles)
        return Read(name, path, read_document(str(path)))

    return make


# name: (budget, table order, whether some of its tables run over a page break)
BUDGETS: dict[str, tuple[Callable[[], Budget], str, bool]] = {
    # 万元, the performance forms (部门整体 and one per project), 收支总表 first
    "culture_wan_forms": (lambda: culture_bureau(forms=True, dept_form=True), "standard", True),
    # 元, the 财政拨款 tables first, forms that end at the foot of a page (its number below)
    "labour_yuan_forms": (lambda: labour_bureau(forms=True, dept_form=True), "fiscal_first",
                          False),
}
# the 决算 as printed, and with 政府性基金 and titles left at the foot of a page (the table,
# its header first, on the next page)
FINALS: dict[str, tuple[Callable[[], Final], bool]] = {
    "culture_final": (culture_final, True),
    "culture_gov_fund_final_loose_titles": (lambda: with_gov_fund(culture_final()), False),
}


@pytest.fixture(scope="module", params=sorted(BUDGETS))
def budget_pdf(request: pytest.FixtureRequest, write: Callable[..., Read]
               ) -> tuple[Budget, Read]:
    build, order, _ = BUDGETS[request.param]
    budget = build()
    return budget, write(request.param, render(budget, "tabbed", order))


@pytest.fixture(scope="module", params=sorted(FINALS))
def final_pdf(request: pytest.FixtureRequest, write: Callable[..., Read]) -> tuple[Final, Read]:
    build, keep_titles = FINALS[request.param]
    final = build()
    return final, write(request.param, render_final(final), keep_titles)


def test_budget_pdf_is_read_to_the_budget_figures(budget_pdf: tuple[Budget, Read]) -> None:
    budget, read = budget_pdf
    document = read.document
    assert document.source.format == "pdf" and document.source.pages > 5
    assert_budget_read(document, budget)
    assert runs_over_a_page(document) == BUDGETS[read.name][2]
    assert page_numbers_in_headers(document) == []
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


def page_numbers_in_headers(document: Document) -> list[str]:
    """The page numbers read as column headers (a title at a page's foot, its table on the
    next page): none should be."""
    return [f"{t.title}: {c.header}" for t in document.tables for c in t.columns
            if any(PAGE_NUMBER.match(label) for label in c.header)]


def runs_over_a_page(document: Document) -> bool:
    """Some table is split over pages (its header repeated) and read joined again."""
    page = document.source.page_and_line
    return any(page(t.lines[0])[0] != page(t.lines[1])[0] for t in document.tables)


def test_budget_pdf_is_accused_of_nothing(budget_pdf: tuple[Budget, Read]) -> None:
    assert said(accusations(budget_pdf[1].document)) == []


def test_final_pdf_is_read_to_the_accounts(final_pdf: tuple[Final, Read]) -> None:
    final, read = final_pdf
    assert read.document.source.format == "pdf"
    assert_final_read(read.document, final)
    assert page_numbers_in_headers(read.document) == []


def test_final_pdf_is_accused_of_nothing(final_pdf: tuple[Final, Read]) -> None:
    assert said(accusations(final_pdf[1].document)) == []


def test_wrong_narrative_amount_is_cited_on_its_page_and_line(
        write: Callable[..., Read]) -> None:
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
