"""Performance forms against the budget: each form's 总预算 / 当年预算 / 资金来源 equal the
项目支出表 and the narrative; the forms add up to the narrative's 绩效目标 total; the department
form's 特定目标类 equals 项目支出."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.model import Document, Finding, Location
from yusuan.recognise.projects.form import funding_total
from yusuan.recognise.projects.model import ProjectForm
from yusuan.recognise.projects.text import Amount as AmountLike
from yusuan.rules.engine import rule
from yusuan.rules.engine.common import Amount, equal_finding, sum_finding
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.projects.common import (
    dept_amount,
    dept_form,
    form_project,
    from_json,
    in_form_money,
    narrative_amount,
    printed,
    project_forms,
    same_figure,
    same_sum,
    show_printed,
    table_amount,
)

register_messages({
    "PROJECT.FORM_BUDGET": {
        "zh": "项目“{name}”绩效目标表{what} {reported} ≠ {other} {computed}，差 {difference}",
        "en": "Project {name}: form {what} {reported} ≠ {other} {computed}, difference {difference}",
    },
    "PROJECT.FORMS_TOTAL": {
        "zh": "情况说明所述绩效目标涉及 {reported} {money} ≠ 各项目绩效目标表合计 {computed}，差 {difference}",
        "en": "The narrative's performance-target total {reported} ≠ Σ project forms {computed}, "
              "difference {difference}",
    },
    "PROJECT.DEPT_SPECIAL": {
        "zh": "部门整体绩效目标表{what} {reported} ≠ {other} {computed}，差 {difference}",
        "en": "Department performance form {what} {reported} ≠ {other} {computed}, "
              "difference {difference}",
    },
})

OTHER_FUNDS = ("政府性基金", "国有资本经营", "财政专户", "单位资金", "其他资金", "事业收入",
               "自有资金")
FORM_FIELDS = (("total", "项目总预算"), ("current", "项目当年预算"), ("funding", "资金来源合计"))


@rule("PROJECT.FORM_BUDGET", category="performance_vs_budget",
      title_zh="项目绩效目标表金额与项目支出表、情况说明一致",
      title_en="Project forms agree with the project table and the narrative",
      rationale="A form's 项目总预算, 项目当年预算 and 资金来源合计 are the project's budget as the "
                "项目支出表, the narrative and the department form state it.")
def form_matches_budget(doc: Document) -> Iterator[Finding]:
    """Passes: form 20.00 / table 20.00. Fails: form 5.00, table 10.00, narrative 10.00."""
    found = _per_form(doc)
    total = _total_finding(doc)
    if found and total is not None and _explained(total, found):
        found[0].folded.append(f"PROJECT.FORMS_TOTAL: {total.message}")
        found[0].locations.extend(loc for loc in total.locations[:1]
                                  if loc not in found[0].locations)
    yield from found


def _form_vs(form: ProjectForm, name: str, others: list[tuple[Amount | None, str]]
             ) -> Iterator[Finding]:
    """One finding per form: its first disagreeing figure against every side that differs."""
    figures = {"total": printed(form.total, "project_performance", form.name),
               "current": printed(form.current, "project_performance", form.name),
               "funding": printed(funding_total(form), "project_performance", form.name)}
    bad: list[tuple[Amount, str]] = []
    sides: list[tuple[Amount, str]] = []
    for other, label in others:
        assert other is not None
        wrong = [(f, what) for key, what in FORM_FIELDS
                 if (f := figures[key]) is not None and not same_figure(f, other)]
        if wrong:
            sides.append((other, label))
            bad.extend(w for w in wrong if w[0].location.line not in
                       {b[0].location.line for b in bad})
    if not bad:
        return
    first, what = bad[0]
    other, label = sides[0]
    found = equal_finding("PROJECT.FORM_BUDGET", first, other, what, name=name,
                          other="、".join(lb for _, lb in sides))
    if found:
        found.locations = _unique([first.location, *(b[0].location for b in bad[1:]),
                                   *(s[0].location for s in sides)])
        yield show_printed(found, first, other)


def _unique(locations: list[Location]) -> list[Location]:
    seen: set[int] = set()
    out: list[Location] = []
    for loc in locations:
        if loc.line not in seen:
            seen.add(loc.line)
            out.append(loc)
    return out


def _explained(total: Finding, per_form: list[Finding]) -> bool:
    """The forms' sum is off from the stated total by exactly the per-form differences."""
    gap = float(total.values.get("difference", 0))
    forms = sum(float(f.values.get("difference", 0)) for f in per_form if f.severity != "info")
    return abs(gap + forms) < 0.005


def _total_finding(doc: Document) -> Finding | None:
    said = next((p.extra["performance_total"] for p in doc.projects
                 if p.extra.get("performance_total")), None)
    forms = project_forms(doc)
    stated = in_form_money(from_json(said, "narrative"), forms[0].money if forms else "万元")
    fund = said.get("fund") if said else None
    parts = [a for f in forms if (a := printed(_fund_part(f, fund) or f.current or f.total,
                                               "project_performance", f.name))]
    if stated is None or not parts or len(parts) < len(forms) or same_sum(stated, parts):
        return None
    return sum_finding("PROJECT.FORMS_TOTAL", stated, parts, "绩效目标涉及金额",
                       money=forms[0].money if forms else "万元")


def _fund_part(form: ProjectForm, fund: str | None) -> AmountLike | None:
    """The form's funding line of `fund` ("涉及一般公共预算拨款…" counts that fund only)."""
    if not fund or not form.funding:
        return None
    for prefix in (fund, "财政拨款"):  # older forms print one 财政拨款(收入) line
        found = next((a for label, a in form.funding.items() if label.startswith(prefix)), None)
        if found is not None:
            return found
    if any(label.startswith(OTHER_FUNDS) for label in form.funding):
        return AmountLike(0.0, 2, next(iter(form.funding.values())).line)  # another fund's
    return None


@rule("PROJECT.FORMS_TOTAL", category="performance_vs_budget",
      title_zh="绩效目标涉及金额等于各项目绩效目标表之和",
      title_en="The narrative's performance-target total equals the project forms",
      rationale="\"设置…个项目支出绩效目标，涉及…万元\" is the sum of the forms' 当年预算. When the "
                "gap is exactly the forms' own differences from the budget, it is reported once, "
                "with those (PROJECT.FORM_BUDGET).")
def forms_add_up(doc: Document) -> Iterator[Finding]:
    """Passes: narrative 25.00, forms 20.00 + 5.00. Fails: narrative 30.00, forms 20 + 5."""
    total = _total_finding(doc)
    if total is None:
        return
    per_form = _per_form(doc)
    if per_form and _explained(total, per_form):
        return
    yield total


def _per_form(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    for form in project_forms(doc):
        project = form_project(doc, form)
        if project is not None:
            said = in_form_money(narrative_amount(project), form.money)
            others = [(table_amount(project), "项目支出表"), (said, "情况说明"),
                      (dept_amount(project), "部门整体绩效目标表")]
            out.extend(_form_vs(form, project.name, [o for o in others if o[0] is not None]))
    return out


@rule("PROJECT.DEPT_SPECIAL", category="performance_vs_budget",
      title_zh="部门整体绩效目标表的特定目标类支出等于项目支出",
      title_en="The department form's special-purpose spending equals project expenditure",
      rationale="特定目标类项目支出 (or 项目支出) on the department form is the document's 项目支出, "
                "and its project list adds up to it.")
def dept_special_matches(doc: Document) -> Iterator[Finding]:
    """Passes: 特定目标类 412.00, 项目支出 412.00. Fails: 特定目标类 400.00, 项目支出 412.00."""
    dept = dept_form(doc)
    if dept is None:
        return
    row = dept.funding.get("特定目标类项目支出") or dept.funding.get("项目支出")
    special = printed(row.get("current") if row else None, "dept_performance")
    head = doc.headline.get("project_expenditure")
    if special is not None and head and head.get("value") is not None:
        other = Amount(float(head["value"]), 2, Location(int(head.get("line", 0)),
                                                         name="project_expenditure"))
        found = equal_finding("PROJECT.DEPT_SPECIAL", special, other, "特定目标类项目支出",
                              other="项目支出")
        if found and not same_figure(special, other):
            yield show_printed(found, special, other)
    listed = [a for p in dept.projects if (a := printed(p.total, "dept_performance", p.name))]
    if special is not None and listed and not same_sum(special, listed):
        found = sum_finding("PROJECT.DEPT_SPECIAL", special, listed, "特定目标类项目支出",
                            other="项目支出情况合计")
        if found:
            yield found
