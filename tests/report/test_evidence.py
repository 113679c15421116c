"""Every location of every finding, in every report (text, JSON, HTML, SARIF, CSV), shows what
the finding quotes where a reader looks it up (tests/report/evidence.py): for a PDF the line
`yusuan text` prints under that page and line, for a workbook the cell `Sheet!D8` as well, for
a Word file the paragraph or table cell. Generated PDF, Excel, Word and HTML disclosures with
two defects put in, and every readable file of the real corpus."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import pytest
from corpus.corpusfiles import CORPUS, corpus_document
from docbuilder import Misprint, culture_bureau, render
from officerender import text_to_docx, text_to_html, text_to_xlsx
from pdfrender import text_to_pdf
from report.evidence import check_all, follow, json_places

from yusuan.model import Document
from yusuan.pipeline import read_together

NARRATIVE = ("公用经费57.09万元，主要用于", "公用经费59.09万元，主要用于")  # NARRATIVE.TABLE


def defective_text() -> str:
    """The 文化和旅游局's budget with a wrong narrative amount and a wrong 合计 of 款 20701."""
    budget = culture_bureau()
    budget.misprints.append(Misprint("general", "20701", "合计", "468.79"))
    text = render(budget, check=False)
    assert NARRATIVE[0] in text
    return text.replace(*NARRATIVE, 1)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory, cjk_font: str) -> Callable[[str], Path]:
    folder = tmp_path_factory.mktemp("evidence")
    text = defective_text()
    writers: dict[str, Callable[[str, Path], None]] = {
        "pdf": lambda body, path: text_to_pdf(body, path, cjk_font), "xlsx": text_to_xlsx,
        "docx": text_to_docx, "html": text_to_html}

    def make(fmt: str) -> Path:
        path = folder / f"defects.{fmt}"
        if not path.exists():
            writers[fmt](text, path)
        return path

    return make


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "docx", "html"])
def test_every_place_a_report_cites_shows_what_it_quotes(generated: Callable[[str], Path],
                                                         fmt: str) -> None:
    evidence = follow(generated(fmt))
    rules = {finding.rule for finding in evidence.findings}
    assert {"NARRATIVE.TABLE", "CROSS.CODE"} <= rules, rules
    assert check_all(evidence) == []


def test_a_workbook_figure_is_cited_by_its_cell(generated: Callable[[str], Path]) -> None:
    """The wrong 合计 of 20701 is cited as the cell of the 一般公共预算支出表 sheet holding it,
    in every report."""
    evidence = follow(generated("xlsx"))
    cells = {(place.location["sheet"], place.location["cell"]) for place in json_places(evidence)
             if place.location.get("code") == "20701" and place.location.get("column") == "total"}
    sheet = "表5 一般公共预算支出表"
    cell = next(cell for name, cell in cells if name == sheet)
    assert cell.startswith("C"), cells  # code, name, 合计
    label = f"'{sheet}'!{cell}"
    for fmt in ("text", "html", "sarif"):
        assert label in html.unescape(evidence.reports[fmt]), fmt


def test_a_pdf_location_names_the_figure_as_printed(generated: Callable[[str], Path]) -> None:
    """What a page's box would be drawn around: the cited value as the page prints it."""
    evidence = follow(generated("pdf"))
    figures = {place.location.get("figure") for place in json_places(evidence)
               if place.location.get("code") == "20701" and place.location.get("column") == "total"}
    assert "468.79" in figures


def test_a_word_paragraph_is_cited_as_such(generated: Callable[[str], Path]) -> None:
    evidence = follow(generated("docx"))
    narrative = [place.location for place in json_places(evidence)
                 if NARRATIVE[1] in evidence.listing[place.key]]
    assert narrative and all("paragraph" in location for location in narrative)
    assert "段 L" in evidence.reports["text"]


def test_a_disclosure_in_two_files_cites_each_file(generated: Callable[[str], Path],
                                                  tmp_path: Path) -> None:
    """The narrative in a Word file, the tables in a workbook, read together: each place names
    its file, and its paragraph or cell there."""
    text = defective_text().splitlines()
    first = next(i for i, line in enumerate(text) if "\t" in line) - 3  # with title and 单位
    after = max(i for i, line in enumerate(text) if "\t" in line) + 1
    while after < len(text) and (not text[after].strip() or text[after].startswith("注")):
        after += 1
    narrative, tables = tmp_path / "说明.docx", tmp_path / "报表.xlsx"
    text_to_docx("\n".join(text[:first] + text[after:]), narrative)
    text_to_xlsx("\n".join(text[first:after]), tables)
    document = read_together([str(narrative), str(tables)])
    evidence = follow(narrative, document)
    assert "NARRATIVE.TABLE" in {finding.rule for finding in evidence.findings}
    files = {Path(place.location["file"]).name for place in json_places(evidence)}
    assert files == {"说明.docx", "报表.xlsx"}
    assert check_all(evidence) == []


def corpus_files() -> list[str]:
    return sorted(str(path.relative_to(CORPUS)) for path in CORPUS.glob("*/*")
                  if path.suffix.lower() in (".pdf", ".html", ".htm", ".xls", ".xlsx", ".docx"))


@pytest.mark.parametrize("name", corpus_files())
def test_every_place_cited_on_a_real_document_shows_what_it_quotes(name: str) -> None:
    document = corpus_document(name)
    if not isinstance(document, Document):
        pytest.skip(f"{name} is refused: {document}")
    evidence = follow(CORPUS / name, document)
    assert check_all(evidence) == []
