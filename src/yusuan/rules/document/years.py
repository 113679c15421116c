"""PROJECT.PAST_YEAR: the goals and plans a budget gives its projects are the budget year's — a
goal that begins with last year (2025年按照工作职责承担… among 2026年完成…), a plan of a past
year (2018年计划对全市… beside 2019年计划…) or a completion date before the budget year
(项目完成时间 2025年12月31日 in a 2026 form) was left from an earlier year's form."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location, Table
from yusuan.repeats import once_per_text
from yusuan.rules.engine import BUDGET_KINDS, make_finding, rule
from yusuan.rules.engine.messages import register_messages

register_messages({
    "PROJECT.PAST_YEAR": {"zh": "{year}年度预算的项目{where}写“{phrase}”（{year_then}年）",
                          "en": "The {year} budget's project {where_en} says {phrase} ({year_then})"},
})

PROJECT_KINDS = ("project_expenditure", "project_performance")
# a sentence (or a cell) that opens with a year and what is to be done in it
PLAN = regexes.compile(r"(?:^|[\t。；;])\s*((?:19|20)\d\d)\s*年\s*"
                  r"(计划|按照|完成|承担|开展|实施|拟|将|力争|继续|实现|做好|推进)")
PAST_PLAN = ("计划", "按照", "拟", "将", "力争")  # words a past year's plan opens with
DONE_BY = regexes.compile(r"完成(?:时间|时限|期限)\s*\t?\s*(?:为|：|:)?\s*((?:19|20)\d\d)\s*年"
                     r"(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?")


@rule("PROJECT.PAST_YEAR", category="year_reference", severity="warning", words=True,
      title_zh="项目目标与计划属于预算年度", title_en="Project goals and plans are the budget year's",
      rationale="A 2026 budget's project table that plans 2025 was copied from last year's.")
def project_plans_of_the_year(doc: Document) -> Iterator[Finding]:
    """In a 部门预算 or 单位预算, a project table (项目支出表, 项目绩效目标表) whose goals open with
    the budget year has no goal opening with an earlier year and a plan word (2025年按照…,
    2018年计划…); no performance form sets a 完成时间 before the budget year.

    Passes: 2026年度：2026年完成航道养护；2026年计划开展安全生产月；项目完成时间 2026年12月31日。
    Fails:  2026年度：2026年完成航道养护；2025年按照职责承担建设；项目完成时间 2025年12月31日。
    """
    if doc.kind not in BUDGET_KINDS or not doc.year:
        return
    plans_in = once_per_text(_plans_in)  # the forms repeat their lines
    plans = {id(table): _plans(doc, table, plans_in) for table in doc.tables
             if table.kind in PROJECT_KINDS}
    this_year = any(when == doc.year for found in plans.values() for when, _, _, _ in found)
    for table in doc.tables:
        if this_year and table.kind in PROJECT_KINDS:
            yield from _past_plans(doc, table, plans[id(table)])
        if table.kind in ("project_performance", "dept_performance"):
            yield from _past_completion(doc, table)


def _lines(doc: Document, table: Table) -> Iterator[tuple[int, str]]:
    """(number, text) of each of the table's lines (a number outside the source has none)."""
    first = max(table.lines[0], 1)
    return enumerate((line.text for line in doc.source.lines[first - 1:table.lines[1]]), first)


def _plans(doc: Document, table: Table, plans_in: Callable[[str], tuple[tuple[int, str, str], ...]]
           ) -> list[tuple[int, str, int, str]]:
    """(year, plan word, line, phrase) of each sentence of the table that opens with a year;
    `plans_in` is `_plans_in`, maybe keeping what it found."""
    return [(year, word, number, phrase) for number, text in _lines(doc, table) if "年" in text
            for year, word, phrase in plans_in(text)]


def _plans_in(text: str) -> tuple[tuple[int, str, str], ...]:
    """(year, plan word, phrase) of each sentence of a line that opens with a year."""
    return tuple((int(m.group(1)), m.group(2), text[m.start(1):m.start(1) + 16])
                 for m in PLAN.finditer(text))


def _past_plans(doc: Document, table: Table,
                plans: list[tuple[int, str, int, str]]) -> Iterator[Finding]:
    """The plans of an earlier year in one table, in one finding."""
    year = doc.year or 0
    past = [(when, number, phrase.strip() + "…") for when, word, number, phrase in plans
            if when < year and word in PAST_PLAN]
    if past:
        yield make_finding("PROJECT.PAST_YEAR", [Location(n) for n in dict.fromkeys(
            number for _, number, _ in past)], {"year": year, "cited": [w for w, _, _ in past]},
            year=year, year_then="、".join(dict.fromkeys(str(w) for w, _, _ in past)),
            where=f"（{table.title}）", where_en=f"({table.title})",
            phrase="”“".join(phrase for _, _, phrase in past))


def _past_completion(doc: Document, table: Table) -> Iterator[Finding]:
    year = doc.year or 0
    for number, text in _lines(doc, table):
        if "完成" not in text:  # DONE_BY opens with it
            continue
        for match in DONE_BY.finditer(text):
            when = int(match.group(1))
            if when < year:
                phrase = regexes.sub(r"\s+", "", match.group(0))
                yield make_finding("PROJECT.PAST_YEAR", [Location(number)],
                                   {"year": year, "cited": when}, year=year, year_then=when,
                                   where="绩效指标", where_en="indicator", phrase=phrase)
