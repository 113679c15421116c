"""The real defects the hand-made fixtures list, against what yusuan reports.

Each fixture (tests/fixtures/corpus/<province>/<file>.json) lists under "defects" what a reader
found wrong on the pages of the document and a second reader checked, with the pages that show
it. A certain defect is found when a warning or an error cites a line on one of its pages and is
about it: it mentions one of the defect's distinctive figures (an amount, a percentage or a code
its `what` gives: 1,234.56 = 1234.56, and 万元 = 10,000 元; not a year, a page or a table's
number), or, where the fixture lists them, one of its `mentions` (tests/fixtures/corpus/README.md).
A finding on the page about something else is a coincidence, not a find. The ones yusuan misses
still are strict xfails, listed in tests/corpus/missed_defects.json
(`python -m tests.corpus.missed_defects` rewrites it and prints the share found): a defect found
by a change makes its xfail fail until the list is rewritten.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from yusuan.model import Document, Finding, Location
from yusuan.rules import run_rules

from .corpusfiles import CORPUS, FIXTURES, corpus_document

MISSED = json.loads((Path(__file__).parent / "missed_defects.json").read_text(encoding="utf-8"))

# a number as printed (1,234.56 or 1234.56), with what stands before and after it
NUMBER = re.compile(r"(?P<before>[A-Za-z.表开第]?)"
                    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                    r"(?P<after>\s*[%％年月日表])?")
WAN = 10000  # 万元 = 10,000 元: a defect read in one unit, a finding in the other


def certain_defects() -> list[tuple[str, int, dict]]:
    cases = []
    for path in sorted(FIXTURES.glob("*/*.json")):
        name = str(path.relative_to(FIXTURES))[:-len(".json")]
        defects = json.loads(path.read_text(encoding="utf-8")).get("defects") or []
        cases += [(name, index, defect) for index, defect in enumerate(defects)
                  if defect.get("certain") and defect.get("pages")]
    return cases


CASES = certain_defects()


def _distinctive(match: re.Match[str]) -> bool:
    """An amount, a share or a code: not zero, a small count, a year, a page or a table's number."""
    digits, before, after = match["digits"], match["before"], (match["after"] or "").strip()
    if before or after in ("年", "月", "日", "表"):
        return False
    value = float(digits.replace(",", ""))
    if value == 0:
        return False
    if after in ("%", "％") or "." in digits or "," in digits:
        return True
    return value >= 100 and not 1949 <= value <= 2099


def defect_figures(what: str) -> list[float]:
    """The distinctive figures of a defect's description."""
    return [float(m["digits"].replace(",", "")) for m in NUMBER.finditer(what) if _distinctive(m)]


def _numbers_in(value: Any) -> Iterator[float]:
    if isinstance(value, bool):
        return
    if isinstance(value, (int, float)):
        yield abs(float(value))
    elif isinstance(value, str):
        yield from (float(m["digits"].replace(",", "")) for m in NUMBER.finditer(value))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _numbers_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _numbers_in(item)


def _text(finding: Finding) -> str:
    return "；".join([finding.message, *finding.folded])


def _same_figure(a: float, b: float) -> bool:
    """Equal as printed (to the cent), or the same amount in 万元 and in 元 (to 1 part in
    10,000: 873,617.00 元 is 87.36 万元; 2.60 万元 is not 0 元)."""
    if abs(a - b) <= 0.005:
        return True
    return any(abs(x * WAN - y) <= y * 1e-4 for x, y in ((a, b), (b, a)) if x > 0 and y > 0)


def _mentions(finding: Finding, entry: str) -> bool:
    """Whether the finding mentions `entry`: a figure compared as a number, words as text."""
    if NUMBER.fullmatch(entry) and not NUMBER.fullmatch(entry)["after"]:
        figure = float(entry.replace(",", ""))
        return any(_same_figure(figure, n)
                   for n in (*_numbers_in(_text(finding)), *_numbers_in(finding.values)))
    return entry in _text(finding)


def about(finding: Finding, defect: dict) -> bool:
    """Whether the finding is about the defect: it mentions one of the defect's `mentions` (an
    entry that is a list: all its parts), else one of the distinctive figures of its `what`."""
    listed = defect.get("mentions")
    if listed is not None:
        return any(all(_mentions(finding, part) for part in ([entry] if isinstance(entry, str)
                                                             else entry))
                   for entry in listed)
    figures = defect_figures(defect["what"])
    numbers = [*_numbers_in(_text(finding)), *_numbers_in(finding.values)]
    return any(_same_figure(figure, n) for figure in figures for n in numbers)


def cites_pages(doc: Document, finding: Finding, pages: set[int]) -> bool:
    return any(loc.page in pages or doc.source.page_and_line(loc.line)[0] in pages
               for loc in finding.locations)


def found(name: str, defect: dict) -> bool:
    doc = corpus_document(name)
    if not isinstance(doc, Document):
        return False
    pages = set(defect["pages"])
    return any(cites_pages(doc, finding, pages) and about(finding, defect)
               for finding in run_rules(doc) if finding.severity in ("error", "warning"))


@pytest.mark.parametrize(("name", "index", "defect"), CASES,
                         ids=[f"{name}::{index}" for name, index, _ in CASES])
def test_a_listed_defect_is_found_on_its_pages(name: str, index: int, defect: dict,
                                               request: pytest.FixtureRequest) -> None:
    if not (CORPUS / name).exists():
        pytest.skip(f"{name} is not in ../shared/corpus")
    if index in MISSED.get(name, []):
        request.applymarker(pytest.mark.xfail(strict=True, reason="a listed defect not found yet"))
    assert found(name, defect), defect["what"]


def _finding(message: str, **values: Any) -> Finding:
    return Finding("X", "error", "arithmetic", message, [Location(1)], dict(values))


def test_a_finding_on_the_page_about_another_figure_is_not_a_find() -> None:
    defect = {"what": "关停企业 22 + 4 + 13 + 1 = 40 家 (420.8 + 48 + 110.4 + 20.8 = 600 万元), "
                      "p15 says 覆盖企业41家"}
    assert not about(_finding("预算 3087 万元、实际支出 2614.42 万元", reported=2614.42), defect)
    assert about(_finding("各项相加 600 ≠ 620.8", reported=620.8), defect)


def test_figures_compare_as_numbers_across_commas_and_units() -> None:
    defect = {"what": "item 7 gives 887.36万元, the tables print 873,617.00元; 合计 101,605.173803"}
    assert about(_finding("情况说明写 887.36万元"), defect)
    assert about(_finding("表中为 87.36 万元"), defect)  # 873,617.00 元
    assert about(_finding("合计 101605.17 ≠ 79094.95"), defect)
    assert not about(_finding("预算 写作 0元"), {"what": "减少2.60万元，减幅8.12%"})


def test_years_pages_and_table_numbers_are_not_figures() -> None:
    assert defect_figures("预算表12 and 预算11表 on p23 (pp.3-6) in 2026年, 公开07, 2019 budget") == []
    assert defect_figures("增长 31.35%, 1,391.68 万元, code 2014002, 80%") == [
        31.35, 1391.68, 2014002.0, 80.0]


def test_mentions_replace_the_figures_and_a_list_needs_all_its_parts() -> None:
    defect = {"what": "行次 39 between 28 and 30; 3,958.67", "mentions": [["39", "29"], "行次错"]}
    assert about(_finding("行次印作 39，应为 29"), defect)
    assert not about(_finding("行次印作 39"), defect)
    assert not about(_finding("增减 3958.67"), defect)
    assert about(_finding("表中行次错了"), defect)
