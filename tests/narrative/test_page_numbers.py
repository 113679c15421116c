"""A PDF's page number between two paragraphs (or inside one) is not narrative text."""

from __future__ import annotations

from yusuan.model import Line, Source
from yusuan.recognise.narrative.paragraphs import build_paragraphs


def paged(*pages: list[str]) -> Source:
    lines = [(text, number) for number, page in enumerate(pages, start=1) for text in page]
    return Source("x.pdf", "pdf", "", [Line(index, text, page) for index, (text, page)
                                       in enumerate(lines, start=1)], pages=len(pages))


def test_page_number_between_paragraphs_is_skipped() -> None:
    source = paged(["行政运行（项）预算数257.49万元。", "- 11 -"],
                   ["文化旅游体育与传媒支出（类）文化和旅游（款）群众文化（项）预算数", "148.65万元。"])
    texts = [p.text for p in build_paragraphs(source)]
    assert texts == ["行政运行（项）预算数257.49万元。",
                     "文化旅游体育与传媒支出（类）文化和旅游（款）群众文化（项）预算数148.65万元。"]


def test_paragraph_runs_on_over_the_page_number() -> None:
    source = paged(["一般公共预算支出预算", "第 3 页"], ["456.70万元。"])
    paragraphs = build_paragraphs(source)
    assert [p.text for p in paragraphs] == ["一般公共预算支出预算456.70万元。"]
    assert paragraphs[0].line_at(len("一般公共预算支出预算")) == 3


def test_a_lone_figure_before_its_unit_is_not_a_page_number() -> None:
    source = paged(["一般公共预算支出预算", "456", "万元。"])
    assert [p.text for p in build_paragraphs(source)] == ["一般公共预算支出预算456万元。"]


def test_a_paragraphs_lines_take_four_bytes_a_character() -> None:
    paragraphs = build_paragraphs(paged(["一般公共预算支出预算", "456", "万元。"]))
    assert paragraphs[0].lines.itemsize == 4 and len(paragraphs[0].lines) == len(paragraphs[0].text)
