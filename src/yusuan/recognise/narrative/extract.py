"""`extract_facts(source)`: every narrative fact of a document, in document order."""

from __future__ import annotations

from yusuan import regexes
from yusuan.layout import source_to_rows
from yusuan.model import Fact, Row, Source
from yusuan.recognise.narrative.amounts import amount_facts
from yusuan.recognise.narrative.glossary import glossary_facts, is_glossary
from yusuan.recognise.narrative.paragraphs import Paragraph, build_paragraphs
from yusuan.recognise.narrative.people import (
    composition_facts,
    hired_facts,
    staffing_facts,
    unit_lists,
)
from yusuan.recognise.narrative.uses import attach_uses
from yusuan.recognise.narrative.worklist import summary_rows, work_sections

_AGENCY_WITHOUT_AMOUNT = regexes.compile(r"机关运行经费[。]?$")
# the paragraph says there are none, or speaks of cutting them, or gives the amount elsewhere
_NO_AMOUNT_NEEDED = regexes.compile(r"(无|没有|不涉及|未安排|不安排)机关运行经费|压减机关运行经费|节约"
                               r"|[\d０-９]\s*(万元|元)")
# A section heading ("五、机关运行经费", "（三）机关运行经费情况") announces the figure; it is no statement.
_HEADING = regexes.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、])\S{0,16}$")
# Sections that hold the performance forms: the projects stage reads them, not the narrative.
_FORM_SECTION = regexes.compile(r"绩效目标(?:申报)?表|绩效自评表|一项一表")


def extract_facts(source: Source, rows: list[Row] | None = None,
                  year: int | None = None, paragraphs: list[Paragraph] | None = None
                  ) -> list[Fact]:
    """Read the narrative of `source` into Facts (amounts, changes, staffing, units, glossary);
    `rows` are the source's rows in its layout and `paragraphs` its `build_paragraphs`, when
    the caller has them already; `year` is the document's."""
    if paragraphs is None:
        paragraphs = build_paragraphs(source)
    facts: list[Fact] = []
    for paragraph in paragraphs:
        if is_glossary(paragraph) or is_form_section(paragraph):
            continue
        amounts = amount_facts(paragraph, year)
        attach_uses(paragraph, amounts)
        facts.extend(amounts)
        facts.extend(staffing_facts(paragraph))
        facts.extend(hired_facts(paragraph))
        facts.extend(composition_facts(paragraph))
        facts.extend(_missing_amounts(paragraph))
    facts.extend(unit_lists(paragraphs))
    facts.extend(glossary_facts(paragraphs, source))
    sections = work_sections(paragraphs)
    if sections:
        facts.extend(sections + summary_rows(rows if rows is not None else source_to_rows(source)))
    facts.sort(key=lambda fact: fact.line)
    return facts


def is_form_section(paragraph: Paragraph) -> bool:
    """A paragraph of the performance forms (部门整体/项目支出绩效目标表), not of the 情况说明."""
    return bool(_FORM_SECTION.search(paragraph.top))


def _missing_amounts(paragraph: Paragraph) -> list[Fact]:
    """'…的机关运行经费' with no figure after it: a statement whose amount is missing."""
    text = paragraph.text.strip()
    if not _AGENCY_WITHOUT_AMOUNT.search(text) or _HEADING.match(text) or _NO_AMOUNT_NEEDED.search(text):
        return []
    return [Fact("agency_operating_costs", None, None, paragraph.lines[-1], "narrative", text,
                 None, paragraph.page, {"missing_amount": True, "section": paragraph.heading})]
