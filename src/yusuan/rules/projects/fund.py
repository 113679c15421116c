"""A subsidy's 支出经济分类 names the fund of the group the project is for: a 城乡居民 subsidy is
not "财政对职工基本医疗保险基金的补助" (and the reverse)."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location
from yusuan.recognise.projects.model import DetailLine, ProjectForm
from yusuan.recognise.projects.text import compact
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.projects.common import project_forms

register_messages({
    "PROJECT.FUND_CLASS": {
        "zh": "项目“{name}”是{group}的补助，支出经济分类却为“{klass}”",
        "en": "Project {name} subsidises {group_en}, but its economic class is {klass}",
    },
})

FUND = regexes.compile(r"财政对(?P<group>职工|城乡居民|居民)基本医疗保险基金的补助")
GROUPS = {"职工": ("职工", "workers"), "城乡居民": ("城乡居民", "residents"),
          "居民": ("城乡居民", "residents")}
LOOK_BACK = 6


def _group_of(text: str) -> str | None:
    if "城乡居民" in text or "居民医保" in text or "居民基本医疗" in text:
        return "城乡居民"
    if "职工医保" in text or "职工基本医疗" in text:
        return "职工"
    return None


def _line_with(doc: Document, first: int, last: int, word: str) -> int | None:
    lines = doc.source.lines
    return next((n for n in range(max(first, 1), min(last, len(lines)) + 1)
                 if word in compact(lines[n - 1].text)), None)


@rule("PROJECT.FUND_CLASS", category="classification", severity="warning",
      title_zh="补助的经济分类与补助对象一致",
      title_en="A subsidy's economic class matches whom it subsidises",
      rationale="财政对职工基本医疗保险基金的补助 and 财政对城乡居民基本医疗保险基金的补助 are "
                "different classes; a subsidy to one group's fund filed under the other's is "
                "misclassified.")
def fund_class(doc: Document) -> Iterator[Finding]:
    """Passes: 城乡居民 subsidy under 财政对城乡居民…的补助. Fails: under 财政对职工…的补助."""
    for form in project_forms(doc):
        project_group = _group_of(compact(form.name))
        for detail in form.details:
            found = _misfiled(doc, form, detail, project_group)
            if found is not None:
                yield found


def _misfiled(doc: Document, form: ProjectForm, detail: DetailLine, project_group: str | None
              ) -> Finding | None:
    match = FUND.search(compact(detail.item))
    if match is None:
        return None
    filed = GROUPS[match.group("group")][0]
    head = compact(detail.item)[:match.start()]
    group = _group_of(head) or project_group
    if group is None or group == filed:
        return None
    first = detail.line - LOOK_BACK
    class_line = _line_with(doc, first, detail.line, match.group(0)) or detail.line
    group_line = _line_with(doc, first, detail.line, group) or form.name_line
    return make_finding("PROJECT.FUND_CLASS",
                        [Location(class_line, table="project_performance", name=form.name),
                         Location(group_line, table="project_performance", name=form.name)],
                        {"group": group, "class": match.group(0)}, name=form.name,
                        group=group, group_en=GROUPS[group][1], klass=match.group(0))
