"""绩效自评表 checks: 执行率 = 执行数 / 预算数, and no 得分 above its 分值."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.model import Document, Finding, Location
from yusuan.recognise.projects.model import ProjectForm
from yusuan.recognise.projects.text import parse_number
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.messages import register_messages

register_messages({
    "PROJECT.SELF_RATE": {
        "zh": "绩效自评表“{name}”{label}：执行数 {actual} ÷ 预算数 {budget} = {computed}%，"
              "而执行率为 {reported}%",
        "en": "Self-evaluation {name}, {label}: spent {actual} / budget {budget} = {computed}%, "
              "but the execution rate is {reported}%",
    },
    "PROJECT.SELF_SCORE": {
        "zh": "绩效自评表“{name}”指标“{indicator}”得分 {score} 超过分值 {weight}",
        "en": "Self-evaluation {name}: indicator {indicator} scores {score}, above its weight {weight}",
    },
})

SLACK = 1e-6


def _name(form: object) -> str:
    return form.name if isinstance(form, ProjectForm) else "部门整体"


def _table(form: object) -> str:
    return "project_performance" if isinstance(form, ProjectForm) else "dept_performance"


@rule("PROJECT.SELF_RATE", category="arithmetic", severity="warning",
      title_zh="自评表执行率等于执行数除以预算数", title_en="Execution rate is spent / budget",
      rationale="A 绩效自评表 prints 预算数 (A), 执行数 (B) and 执行率 (B/A); the rate, rounded "
                "as printed, must be B / A.")
def self_rate(doc: Document) -> Iterator[Finding]:
    """Passes: 76.8 | 76.8 | 100%. Fails: 80 | 76.8 | 100% (96%)."""
    for form in doc.forms:
        for row in getattr(form, "execution", []):
            if not row.budget.value or row.rate is None:
                continue
            computed = row.actual.value / row.budget.value * 100
            half = 0.5 * 10 ** -row.rate_decimals
            # the figures themselves are rounded: widen by their half-units
            spread = computed * (0.5 * 10 ** -row.actual.decimals / max(row.actual.value, SLACK)
                                 + 0.5 * 10 ** -row.budget.decimals / row.budget.value)
            if abs(computed - row.rate) <= half + spread + SLACK:
                continue
            yield make_finding("PROJECT.SELF_RATE",
                               [Location(row.line, table=_table(form), name=_name(form))],
                               {"reported": row.rate, "computed": round(computed, 2)},
                               name=_name(form), label=row.label, actual=row.actual.value,
                               budget=row.budget.value, computed=f"{computed:.2f}",
                               reported=row.rate)


@rule("PROJECT.SELF_SCORE", category="arithmetic", severity="warning",
      title_zh="自评得分不超过分值", title_en="Scores within their weights",
      rationale="An indicator's 得分 cannot exceed the 分值 it is scored out of.")
def self_score(doc: Document) -> Iterator[Finding]:
    """Passes: 分值 10, 得分 10. Fails: 分值 10, 得分 12."""
    for form in doc.forms:
        for ind in getattr(form, "indicators", []):
            weight, score = parse_number(ind.weight or ""), parse_number(ind.score or "")
            if weight is None or score is None or score[0] <= weight[0] + SLACK:
                continue
            yield make_finding("PROJECT.SELF_SCORE",
                               [Location(ind.line, table=_table(form), name=_name(form))],
                               {"reported": score[0], "computed": weight[0]},
                               name=_name(form), indicator=ind.name, score=ind.score,
                               weight=ind.weight)
