"""Indicators the narrative quotes for a project ("一是基金收支审计服务次数 ≥ 2 次") against the
indicators of that project's form: one the form does not carry, only carries under a similar
name, or carries with another value."""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import Any

from yusuan.model import Document, Finding, Location
from yusuan.recognise.projects.indicators import normalise
from yusuan.recognise.projects.model import Indicator, ProjectForm
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.performance.indicators import Target, target
from yusuan.rules.projects.common import form_project, project_forms

register_messages({
    "PROJECT.NARRATIVE_INDICATOR": {
        "zh": "说明中项目“{name}”的绩效指标“{indicator} {value}”{how}",
        "en": "The narrative quotes indicator {indicator} {value} for project {name}; {how_en}",
    },
})

SAME = 0.85  # normalised names this close are one indicator
SIMILAR = 0.5  # this close, or sharing a 3-character word and the value: only similar
SHARED = 3


def _ratio(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if (a in b or b in a) and min(len(a), len(b)) >= 4:
        return max(SAME, SequenceMatcher(None, a, b, autojunk=False).ratio())
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _shared(a: str, b: str) -> int:
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size


def _targets(ind: Indicator) -> list[Target]:
    values = [ind.values[-1] if ind.values else "", ind.actual]
    return [t for t in (target(v) for v in values if v) if t is not None]


def _agrees(quoted: Target, ind: Indicator) -> bool | None:
    """Whether a form value allows the quoted one; None when the form prints no figure."""
    found = _targets(ind)
    if not found:
        return None
    return any(t.unit == quoted.unit and _same(t, quoted) for t in found)


def _same(a: Target, b: Target) -> bool:
    """One target, or an exact value within the other's bound (90% and ≥90%)."""
    if (a.low, a.high) == (b.low, b.high):
        return True
    return (a.exact and b.low <= a.low <= b.high) or (b.exact and a.low <= b.low <= a.high)


def _loc(ind: Indicator, form: ProjectForm) -> Location:
    return Location(ind.value_line or ind.line, table="project_performance", name=form.name)


def _check(quote: dict[str, Any], form: ProjectForm) -> tuple[str, str, list[Indicator]] | None:
    """(severity, kind, indicators cited) for a quote the form does not bear out, else None."""
    name = normalise(str(quote["name"]))
    quoted = target(str(quote["value"]))
    if quoted is None or not name:
        return None
    scored = [(_ratio(name, normalise(ind.name)), ind) for ind in form.indicators]
    same = [ind for score, ind in scored if score >= SAME]
    if same:
        verdicts = [_agrees(quoted, ind) for ind in same]
        if any(v is not False for v in verdicts):
            return None
        return "warning", "value", same
    similar = [ind for score, ind in scored if score >= SIMILAR
               or (_shared(name, normalise(ind.name)) >= SHARED and _agrees(quoted, ind))]
    if similar:
        return "info", "similar", similar
    return "warning", "absent", []


def _shown(ind: Indicator) -> str:
    value = ind.values[-1] if ind.values else ""
    return f"“{ind.name} {value}”" if value else f"“{ind.name}”"


HOW = {
    "value": ("，而项目绩效表中该指标为 {found}", "its form gives {found}"),
    "similar": ("在项目绩效表中没有，表中只有相近的{found}",
                "the form has no such indicator, only the similar {found}"),
    "absent": ("在项目绩效表“{form}”中没有", "the form {form} has no such indicator"),
}


@rule("PROJECT.NARRATIVE_INDICATOR", category="indicator", severity="warning",
      title_zh="说明引用的绩效指标与项目绩效表一致",
      title_en="Indicators quoted in the narrative are on the project's form",
      rationale="When the narrative reports a project's outputs as indicators with values, they "
                "should be the indicators of that project's performance form, with its values.")
def narrative_indicators(doc: Document) -> Iterator[Finding]:
    """Passes: the narrative quotes 购买审计服务次数 ≥2次 and the form has it. Fails: the narrative
    quotes 预算执行率偏离度绝对值 ≤10% and the project's form has no such indicator."""
    for form in project_forms(doc):
        project = form_project(doc, form)
        if project is None or not form.indicators:
            continue
        narrative = project.extra.get("narrative") or {}
        for quote in narrative.get("quotes") or []:
            checked = _check(quote, form)
            if checked is None:
                continue
            severity, kind, cited = checked
            found = "、".join(_shown(ind) for ind in cited)
            zh, en = HOW[kind]
            locations = [Location(int(quote["line"]), table="narrative", name=project.name)]
            locations += [_loc(ind, form) for ind in cited] or [
                Location(form.name_line or form.lines[0], table="project_performance",
                         name=form.name)]
            yield make_finding(
                "PROJECT.NARRATIVE_INDICATOR", locations,
                {"indicator": quote["name"], "quoted": quote["value"], "kind": kind,
                 "form": form.name, "found": [ind.name for ind in cited]},
                name=form.name, indicator=quote["name"], value=quote["value"],
                how=zh.format(found=found, form=form.name),
                how_en=en.format(found=found, form=form.name), severity=severity)
