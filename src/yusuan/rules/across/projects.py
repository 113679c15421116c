"""A project's budget in the 决算's 绩效自评表 against the same project in the 预算 published
for that year, by name."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from yusuan.model import Document, Finding, Project
from yusuan.rules.across.common import Figure, differ, figure, file_name, show
from yusuan.rules.across.initial import same_year_pair
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import compact_name
from yusuan.rules.engine.messages import register_messages

register_messages({
    "ACROSS.PROJECT_BUDGET": {
        "zh": "项目“{name}”：{final} 绩效自评表所列年初预算数 {reported}（执行数 {spent}），而 {budget} "
              "公布的预算为 {published}",
        "en": "Project {name}: {final}'s self-evaluation gives the initial budget as {reported} "
              "(spent {spent}), but {budget} published {published}",
    },
})


@rule("ACROSS.PROJECT_BUDGET", category="performance_vs_budget", severity="warning", pair=True,
      title_zh="决算中项目的年初预算数与同年公布的项目预算一致",
      title_en="A project's initial budget in the 决算 agrees with the budget published for it",
      rationale="The 年初预算数 of a project's 绩效自评表 is the amount the year's 预算 published "
                "for that project; its 执行数 is measured against it.")
def project_budget(earlier: Document, later: Document) -> Iterator[Finding]:
    """Passes: 全域旅游宣传推介经费 年初预算数 12.00, 执行数 12.00, published 12.00. Fails: 年初预算数
    15.00 against a published 12.00."""
    if not same_year_pair(earlier, later):
        return
    published = {compact_name(p.name): p for p in earlier.projects if p.amount is not None}
    for project in later.projects:
        match = published.get(compact_name(project.name))
        execution = _execution(later, project)
        if match is None or execution is None:
            continue
        initial, spent = execution
        line = match.extra.get("amount_line") or match.line
        theirs = figure(earlier, match.amount, earlier.unit, match.decimals, line,
                        name=match.name)
        if theirs is not None and differ(initial, theirs):
            yield make_finding(
                "ACROSS.PROJECT_BUDGET", [initial.location, theirs.location],
                {"reported_yuan": initial.yuan, "published_yuan": theirs.yuan,
                 "spent_yuan": spent.yuan if spent else None,
                 "other_sha256": earlier.source.sha256},
                name=project.name, final=file_name(later), budget=file_name(earlier),
                reported=show(initial), published=show(theirs),
                spent=show(spent) if spent else "—")


def execution_row(doc: Document, project: Project) -> tuple[Any, Any] | None:
    """The 资金总额 row of the project's 绩效自评表 (selfeval.Execution) and the form."""
    forms = [f for f in doc.forms if type(f).__name__ == "ProjectForm"]
    for link in project.extra.get("forms") or []:
        index = link.get("index")
        form = forms[index - 1] if isinstance(index, int) and 0 < index <= len(forms) else None
        rows = getattr(form, "execution", None) or []
        if rows:
            return rows[0], form
    return None


def _execution(doc: Document, project: Project) -> tuple[Figure, Figure | None] | None:
    """The 年初预算数 and 执行数 of the project's 绩效自评表, when the form prints a 年初预算数
    column (年初预算数 | 全年预算数 | 全年执行数)."""
    found = execution_row(doc, project)
    if found is None or len(found[0].figures) < 4:
        return None
    row, form = found
    unit = getattr(form, "money", None) or doc.unit
    initial = figure(doc, row.figures[0], unit, row.budget.decimals, row.budget.line,
                     name=project.name)
    spent = figure(doc, row.actual.value, unit, row.actual.decimals, row.actual.line,
                   name=project.name)
    return (initial, spent) if initial else None
