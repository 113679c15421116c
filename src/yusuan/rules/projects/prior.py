"""A form's budgets of past years (项目前两年预算及当年预算变动情况) against what the rest of the
document says of those years: the department form's project spending of that year, the
narrative's change of the project's functional item, and the unit's whole budget."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.model import Document, Fact, Finding, Location, Project
from yusuan.recognise.projects.model import DeptForm, ProjectForm, YearFigure
from yusuan.rules.engine import make_finding, remembered, rule, rule_memo
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.projects.common import dept_form, form_project, project_forms

register_messages({
    "PROJECT.PRIOR_YEAR": {
        "zh": "项目“{name}”绩效目标表写 {year} 年预算 {reported}，而{other}",
        "en": "Project {name}: the form gives {reported} for {year}, but {other_en}",
    },
    "PROJECT.PRIOR_YEAR_SIZE": {
        "zh": "项目“{name}”绩效目标表写 {year} 年预算 {reported}，超过本单位本年预算总额 {computed}，"
              "其他年度为 {others}，疑为录入错误",
        "en": "Project {name}: the form gives {reported} for {year}, more than the unit's whole "
              "budget {computed} (other years {others}); probably a typing error",
    },
})

PROJECT_KEYS = ("特定目标类项目支出", "项目支出")
SLACK = 0.005


@rule("PROJECT.PRIOR_YEAR", category="performance_vs_budget", severity="warning",
      title_zh="项目往年预算与部门整体表、情况说明一致",
      title_en="A project's past budgets agree with the department form and the narrative",
      rationale="A project's budget of a past year cannot exceed all project spending of that "
                "year in the department form, and a project whose functional item the narrative "
                "says was not budgeted last year had no budget last year.")
def prior_year(doc: Document) -> Iterator[Finding]:
    """Passes: 2025年预算 17.4 with 2025 项目支出 39.72. Fails: 187.50 against 39.72 and a
    functional item that \"增加 210.40，增长 100%\"."""
    if doc.year is None:
        return
    dept = dept_form(doc)
    for form in project_forms(doc):
        project = form_project(doc, form)
        for figure in form.change_figures:
            if figure.year >= doc.year or figure.value <= 0:
                continue
            found = _against(doc, dept, form, project, figure)
            if found is not None:
                yield found


def _against(doc: Document, dept: DeptForm | None, form: ProjectForm, project: Project | None,
             figure: YearFigure) -> Finding | None:
    assert doc.year is not None
    locations = [Location(figure.line, table="project_performance", name=form.name)]
    other = other_en = ""
    computed: float | None = None
    fact = _new_item(doc, project) if figure.year == doc.year - 1 else None
    if fact is not None:
        locations.append(Location(int(fact.extra.get("change_line") or fact.line),
                                  name=str(fact.extra.get("name", ""))))
        other, other_en, computed = (f"情况说明称其功能科目 {figure.year} 年无预算",
                                     "the narrative says its item had no budget then", 0.0)
    spent = _dept_projects(dept, figure.year)
    if spent is not None and figure.value > spent.value + SLACK:
        locations.append(Location(spent.line, table="dept_performance"))
        if computed is None:
            computed = spent.value
            other = f"部门整体绩效目标表 {figure.year} 年项目支出合计仅 {computed:g}"
            other_en = f"the department form's project spending that year is {computed:g}"
    if computed is None:
        return None
    return make_finding("PROJECT.PRIOR_YEAR", locations,
                        {"reported": figure.value, "computed": computed}, name=form.name,
                        year=figure.year, reported=f"{figure.value:g}", other=other,
                        other_en=other_en)


def _dept_projects(dept: DeptForm | None, year: int) -> _Figure | None:
    if dept is None:
        return None
    for key in PROJECT_KEYS:
        amount = dept.funding.get(key, {}).get(str(year))
        if amount is not None:
            return _Figure(amount.value, amount.line)
    return None


def _new_items(doc: Document) -> list[Fact]:
    """The narrative's functional items that grew (by a figure), in order: found once a rule."""
    return remembered(rule_memo(), ("new_items", id(doc)), (doc,), lambda: _grown_items(doc))


def _grown_items(doc: Document) -> list[Fact]:
    found = []
    for fact in doc.facts:
        if fact.source != "narrative" or fact.concept != "functional_item" or fact.value is None:
            continue
        change = fact.extra.get("change")
        if isinstance(change, (int, float)) and fact.extra.get("direction") == "增加":
            found.append(fact)
    return found


class _Figure:
    __slots__ = ("line", "value")

    def __init__(self, value: float, line: int) -> None:
        self.value, self.line = value, line


def _new_item(doc: Document, project: Project | None) -> Fact | None:
    """The narrative's functional item that is this project's budget (same amount) and that
    was not budgeted the year before (the increase is the whole amount)."""
    if project is None or not project.amount:
        return None
    for fact in _new_items(doc):
        if abs(fact.value - project.amount) < SLACK and abs(fact.extra["change"] - fact.value) < SLACK:
            return fact
    return None


@rule("PROJECT.PRIOR_YEAR_SIZE", category="plausibility", severity="info",
      title_zh="项目往年预算数量级合理", title_en="A project's past budget is of a plausible size",
      rationale="A past year's budget of one project larger than the unit's whole budget of this "
                "year, while its other years are a fraction of it, is usually a typing error.")
def prior_year_size(doc: Document) -> Iterator[Finding]:
    """Passes: 2028 / 2100 / 2256. Fails: 10107.7 / 2028 / 2256.2 in a 5000.00 budget."""
    total = (doc.headline.get("total_expenditure") or {}).get("value") if doc.year else None
    if not isinstance(total, (int, float)) or total <= 0 or doc.year is None:
        return
    for form in project_forms(doc):
        figures = form.change_figures
        for figure in figures:
            others = [f.value for f in figures if f is not figure and f.value > 0]
            if figure.year >= doc.year or figure.value <= total or not others:
                continue
            if figure.value < 3 * max(others):
                continue
            yield make_finding("PROJECT.PRIOR_YEAR_SIZE",
                               [Location(figure.line, table="project_performance",
                                         name=form.name)]
                               + [Location(a.line, table="project_performance", name=form.name)
                                  for a in (form.total or form.current,) if a is not None],
                               {"reported": figure.value, "computed": total}, name=form.name,
                               year=figure.year, reported=f"{figure.value:g}",
                               computed=f"{total:g}",
                               others="、".join(f"{v:g}" for v in others))
