"""Project names: one project under several names (项目支出表, narrative, its form, the
department form), and a 项目执行单位 written with a doubled part."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location, Project
from yusuan.recognise.projects.text import compact
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.projects.common import project_forms

register_messages({
    "PROJECT.NAME": {
        "zh": "同一项目名称不一致：{names}",
        "en": "One project under several names: {names}",
    },
    "PROJECT.UNIT_NAME": {
        "zh": "项目“{name}”执行单位写作“{unit}”（“{part}”重复），应为“{fixed}”",
        "en": "Project {name}: executing unit written {unit} ({part} doubled), should be {fixed}",
    },
})

YEAR_PREFIX = regexes.compile(r"^20\d\d\s*年?度?")
DOUBLED = regexes.compile(r"(.{2,5})\1")
PLACES = {"project_expenditure": "项目支出表", "narrative": "情况说明",
          "project_performance": "绩效目标表", "dept_performance": "部门整体绩效目标表"}


def _bare(name: str) -> str:
    return YEAR_PREFIX.sub("", compact(name))


def _sightings(project: Project) -> list[tuple[str, Location]]:
    out = [(project.name, Location(project.line, table="project_expenditure"))]
    narrative = project.extra.get("narrative")
    if narrative and narrative.get("name"):
        out.append((narrative["name"], Location(int(narrative["line"]), table="narrative")))
    for form in project.extra.get("forms", []):
        if form.get("name"):
            out.append((form["name"], Location(int(form["line"]),
                                               table="project_performance")))
    dept = project.extra.get("dept_form")
    if dept and dept.get("name"):
        out.append((dept["name"], Location(int(dept["line"]), table="dept_performance")))
    return out


def _subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(ch in chars for ch in short)


def _close(a: str, b: str) -> bool:
    """A shortened or lightly retyped name (医保 for 医疗保险, one character changed)."""
    short, long = sorted((a, b), key=len)
    if _subsequence(short, long):
        return True
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= 1


@rule("PROJECT.NAME", category="naming", severity="warning",
      title_zh="同一项目各处名称一致", title_en="A project has one name",
      rationale="The 项目支出表, the narrative, the project's form and the department form name "
                "the same project; a year prefix (2023…) is not a difference. A shortened name "
                "is info, a different wording a warning.")
def project_names(doc: Document) -> Iterator[Finding]:
    """Passes: 2023业务政策培训费 / 业务政策培训费. Fails: 医保基金监管专项经费 / 医保监管项经费项目."""
    for project in doc.projects:
        if project.extra.get("source") != "table":
            continue
        seen = _sightings(project)
        counts = Counter(_bare(name) for name, _ in seen)
        if len(counts) < 2:
            continue
        main = counts.most_common(1)[0][0]
        odd = [(n, loc) for n, loc in seen if _bare(n) != main]
        same = [(n, loc) for n, loc in seen if _bare(n) == main]
        severity = "info" if all(_close(_bare(n), main) for n, _ in odd) else "warning"
        names = "；".join(f"{PLACES.get(loc.table or '', '')}“{n}”" for n, loc in odd + same)
        yield make_finding("PROJECT.NAME", [loc for _, loc in odd + same],
                           {"names": sorted(counts)}, severity=severity, names=names)


@rule("PROJECT.UNIT_NAME", category="naming", severity="info",
      title_zh="项目执行单位名称无重复字", title_en="Executing unit names without doubled parts",
      rationale="A unit name with a doubled part (…区…区) is a typing error.")
def unit_names(doc: Document) -> Iterator[Finding]:
    """Passes: 武汉市示例区医疗保障中心. Fails: 武汉市示例区示例区医疗保障中心."""
    forms = project_forms(doc)
    for form in forms:
        match = DOUBLED.search(form.unit or "")
        if not form.unit or not match or form.unit_line is None:
            continue
        fixed = form.unit[:match.start()] + match.group(1) + form.unit[match.end():]
        locations = [Location(form.unit_line, table="project_performance", name=form.name)]
        locations += [Location(f.unit_line, table="project_performance", name=f.name)
                      for f in forms if f.unit == fixed and f.unit_line is not None][:1]
        yield make_finding("PROJECT.UNIT_NAME", locations, {"unit": form.unit},
                           name=form.name, unit=form.unit, part=match.group(1), fixed=fixed)
