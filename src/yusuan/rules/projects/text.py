"""Project forms against themselves and the table: the 变动情况 text's current-year figure,
project codes, and basis documents of past years."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.model import Document, Finding, Location
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import Amount, equal_finding
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.projects.common import form_project, printed, project_forms

register_messages({
    "PROJECT.CHANGE_TEXT": {
        "zh": "项目“{name}”变动情况写 {year} 年预算 {reported}，而本表项目当年预算为 {computed}",
        "en": "Project {name}: the change text gives {reported} for {year}, the form {computed}",
    },
    "PROJECT.CODE": {
        "zh": "项目“{name}”编码在绩效目标表为 {form_code}，在项目支出表为 {table_code}",
        "en": "Project {name}: code {form_code} on its form, {table_code} in the project table",
    },
    "PROJECT.YEAR_REFERENCE": {
        "zh": "{year} 年项目“{name}”以 {cited} 年的文件“{text}”为依据",
        "en": "{year} project {name} cites a {cited} document \"{text}\" as its basis",
    },
})


@rule("PROJECT.CHANGE_TEXT", category="year_over_year", title_zh="预算变动情况与本年预算一致",
      title_en="The change text's current year matches the budget",
      rationale="\"项目前两年预算及当年预算变动情况\" states the current year's budget; it is the "
                "form's 项目当年预算.")
def change_text_matches(doc: Document) -> Iterator[Finding]:
    """Passes: "2023年度预算20万元" with 20.00. Fails: "2023年度预算67万元" with 20.00."""
    for form in project_forms(doc):
        current = printed(form.current or form.total, "project_performance", form.name)
        if current is None or doc.year is None:
            continue
        for figure in form.change_figures:
            if figure.year != doc.year:
                continue
            stated = Amount(figure.value, figure.decimals,
                            Location(figure.line, table="project_performance", name=form.name))
            found = equal_finding("PROJECT.CHANGE_TEXT", stated, current, "变动情况",
                                  name=form.name, year=figure.year)
            if found:
                yield found
            break


@rule("PROJECT.CODE", category="naming", severity="warning",
      title_zh="项目编码在绩效目标表与项目支出表一致",
      title_en="Project codes agree between the form and the project table",
      rationale="The same project carries one code; a different code on its form is a copying error.")
def codes_agree(doc: Document) -> Iterator[Finding]:
    """Passes: both …T000000101. Fails: …103 on the form, …118 in the table."""
    for form in project_forms(doc):
        project = form_project(doc, form)
        if project is None or not project.code or not form.code or form.code_line is None:
            continue
        if form.code.replace("-", "") == project.code.replace("-", ""):
            continue
        yield make_finding("PROJECT.CODE",
                           [Location(form.code_line, table="project_performance", name=form.name),
                            Location(project.line, table="project_expenditure",
                                     name=project.name)],
                           {"form": form.code, "table": project.code},
                           name=project.name, form_code=form.code, table_code=project.code)


@rule("PROJECT.YEAR_REFERENCE", category="year_reference", severity="info",
      title_zh="立项依据引用往年的年度文件", title_en="Basis documents of past years",
      rationale="A document whose title names an earlier year (\"2022年…实施方案\") cited as the basis "
                "of this year's project is usually text carried over from last year. Document "
                "numbers (〔2019〕3号) of standing rules are not flagged.")
def past_year_basis(doc: Document) -> Iterator[Finding]:
    """Passes: 《…条例》（…〔2019〕3号）. Fails: 《武汉市2022年…实施方案》 in a 2023 form."""
    if doc.year is None:
        return
    for form in project_forms(doc):
        seen: set[str] = set()
        for ref in form.references:
            past = [y for y in ref.years if y < doc.year]
            if not past or ref.text in seen or "标准" in ref.text:
                continue
            seen.add(ref.text)
            yield make_finding("PROJECT.YEAR_REFERENCE",
                               [Location(ref.line, table="project_performance", name=form.name),
                                Location(form.name_line, table="project_performance")],
                               {"cited_year": past[0], "year": doc.year},
                               name=form.name, year=doc.year, cited=past[0], text=ref.text[:40])
