"""A stated change against the prior-year figure the document prints elsewhere: the
部门整体绩效目标表's 近两年收支金额 (current − change must be that year's figure)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from yusuan.model import Document, Fact, Finding, Location
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.tolerance import Interval
from yusuan.rules.narrative.common import fact_location, finding_args, fmt, in_unit, narrative_facts

# Narrative total → the rows of the department form's funding block that print it.
FORM_ROWS: dict[str, tuple[str, ...]] = {
    "income_grand_total": ("income_total", "expenditure_total"),
    "total_income": ("income_total",),
    "total_expenditure": ("expenditure_total",),
    "general_budget_expenditure": ("财政拨款",),
    "general_budget_income": ("财政拨款",),
    "fiscal_income": ("财政拨款",),
    "fiscal_expenditure": ("财政拨款",),
    "fiscal_grand_total": ("财政拨款",),
}


@rule("NARRATIVE.PRIOR_YEAR", category="year_over_year", severity="warning",
      title_zh="增减额与文件所列上年数一致",
      title_en="Stated change agrees with the prior-year figure printed elsewhere")
def change_matches_prior_year(doc: Document) -> Iterator[Finding]:
    """A stated change agrees with the prior-year figure of the 部门整体绩效目标表: current −
    change equals that year's figure.

    Passes: 部门收支总预算 130.00 万元，比上年增加 20.00 万元; the form's 上年 收入合计 110.00.
    Fails:  部门收支总预算 130.00 万元，比上年增加 20.00 万元; the form's 上年 收入合计 90.00.
    """
    forms = [form for form in doc.forms if getattr(form, "kind", "") == "dept_form"]
    seen: dict[tuple[float, float, float], Finding] = {}
    for fact in narrative_facts(doc, *FORM_ROWS):
        if fact.value is None or "change" not in fact.extra:
            continue
        for form in forms:
            prior = _form_prior(doc, form, fact)
            if prior is None:
                continue
            finding = _compare(fact, prior)
            if finding is None:
                break
            key = (fact.value, fact.extra["change"], prior[0])
            if key in seen:
                _merge(seen[key], finding)
            else:
                seen[key] = finding
            break
    yield from seen.values()


def _merge(first: Finding, other: Finding) -> None:
    """The same figures restated: one finding citing every narrative line, then the form's."""
    narrative = [loc for loc in first.locations if loc.name != "dept_form"]
    narrative += [loc for loc in other.locations if loc.name != "dept_form" and loc not in narrative]
    form = sorted({loc.line for loc in first.locations + other.locations
                   if loc.name == "dept_form"})
    first.locations[:] = narrative + [Location(line, name="dept_form") for line in form]


def _form_prior(doc: Document, form: Any, fact: Fact) -> tuple[float, int, list[int]] | None:
    """The form's figure for the year the change is against, when the form's current-year
    figure is the fact's own (same quantity): (value, decimals, lines)."""
    years = [str(y) for y in (doc.year - 1 if doc.year else None, fact.extra.get("base_year"))
             if y]
    for key in FORM_ROWS[fact.concept]:
        row = form.funding.get(key, {})
        current = row.get("current")
        year = next((y for y in years if y in row), None)
        if current is None or year is None or not _same(fact, current.value, current.decimals):
            continue
        value = row[year].value
        lines = [other[year].line for other in _rows(form, fact)
                 if year in other and other[year].value == value]
        return value, row[year].decimals, sorted(set(lines))
    return None


def _rows(form: Any, fact: Fact) -> list[dict[str, Any]]:
    return [form.funding[k] for k in FORM_ROWS[fact.concept] if k in form.funding]


def _same(fact: Fact, value: float, decimals: int) -> bool:
    shown = Interval.printed(fact.value or 0.0, fact.decimals)
    return shown.meets(Interval.printed(value, decimals), 0.011)


def _compare(fact: Fact, prior: tuple[float, int, list[int]]) -> Finding | None:
    extra = fact.extra
    change = in_unit(extra["change"], extra.get("change_unit"), fact.unit)
    current = Interval.printed(fact.value or 0.0, fact.decimals)
    step = Interval.printed(abs(change), extra.get("change_decimals"))
    signed = step if change >= 0 else -step
    value, decimals, lines = prior
    if (current - signed).meets(Interval.printed(value, decimals)):
        return None
    implied = (fact.value or 0.0) - change
    should = (fact.value or 0.0) - value
    label = extra.get("label") or fact.concept
    text = (f"{label} {fmt(fact.value or 0)} 比上年增减 {fmt(change)}，即上年 {fmt(implied)}；"
            f"部门整体绩效目标表所列上年数为 {fmt(value)}，增减额应为 {fmt(should)}")
    text_en = (f"{label} {fmt(fact.value or 0)} changed by {fmt(change)}, implying a prior year "
               f"of {fmt(implied)}; the department performance form gives {fmt(value)}, "
               f"so the change should be {fmt(should)}")
    locations = [fact_location(fact, extra.get("change_line"))]
    locations += [Location(line, name="dept_form") for line in lines]
    return make_finding("NARRATIVE.PRIOR_YEAR", locations,
                        {"reported": extra["change"], "computed": round(should, 2)},
                        **finding_args(text, text_en))
