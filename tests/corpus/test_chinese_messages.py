"""No internal key in a Chinese message: every finding yusuan reports on the seeds and on the real
corpus, rendered in Chinese, names tables, columns and rows as the page prints them.

An ASCII identifier (three or more letters, digits or underscores starting with a letter) is
allowed only when the document itself prints it (a project code such as 42011425056T000000103,
a name such as APP) or it is one of the few words a Chinese reader uses as such (PDF, OCR).
"""

from __future__ import annotations

import re

import pytest
from seedfiles import SEED_NAMES, seed_document

from yusuan.model import Document
from yusuan.report.i18n import finding_message
from yusuan.rules import run_rules

from .corpusfiles import CORPUS, corpus_document

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{2,}")
# words a Chinese reader reads as words; internal keys are never among them
ALLOWED = frozenset({"PDF", "OCR"})
CORPUS_NAMES = sorted(str(p.relative_to(CORPUS)) for p in CORPUS.glob("*/*") if p.is_file()) \
    if CORPUS.exists() else []


def printed_text(doc: Document) -> str:
    """The document's text without white space (a code wrapped over two lines is printed)."""
    return re.sub(r"\s+", "", "".join(line.text for line in doc.source.lines))


def leaked_identifiers(doc: Document) -> list[tuple[str, str, str]]:
    """(rule, token, message) of every ASCII identifier in a Chinese message the document
    does not print itself."""
    printed = printed_text(doc)
    leaks = []
    for finding in run_rules(doc):
        messages = [finding_message(finding.to_json(), "zh")]
        messages += [folded.split(": ", 1)[-1] for folded in finding.folded]
        for message in messages:
            for token in IDENTIFIER.findall(message):
                if token not in ALLOWED and token not in printed:
                    leaks.append((finding.rule, token, message))
    return leaks


def test_a_column_key_would_be_caught() -> None:
    """The scan itself: a key in a message is found, a printed code is not."""
    assert IDENTIFIER.findall("20140 信访事务（col_3、col_4）") == ["col_3", "col_4"]
    assert IDENTIFIER.findall("未公开项目支出表（project_expenditure）") == ["project_expenditure"]
    assert IDENTIFIER.findall("合计 7515.1 ≠ 各项之和 7515.18") == []


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_messages_name_no_internal_key(name: str) -> None:
    assert leaked_identifiers(seed_document(name)) == []


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_corpus_messages_name_no_internal_key(name: str) -> None:
    doc = corpus_document(name)
    if not isinstance(doc, Document):
        pytest.skip(f"{name} is refused: {doc}")
    assert leaked_identifiers(doc) == []


def visible_text(html: str) -> str:
    """The text a reader sees: no scripts, styles, tags or attributes."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_html_report_shows_no_internal_key(name: str) -> None:
    from yusuan.report.bundle import report_bundle
    from yusuan.report.formats import render_bundle
    from yusuan.rules import catalog

    doc = seed_document(name)
    html = render_bundle(report_bundle(doc, run_rules(doc)), "html", "zh")
    printed = printed_text(doc) + str(doc.source.path)
    rule_words = {part for spec in catalog() for part in spec.id.split(".")}
    shown = IDENTIFIER.findall(visible_text(html))
    leaks = {t for t in shown if t not in ALLOWED | rule_words | {"yusuan"} and t not in printed}
    assert leaks == set()
