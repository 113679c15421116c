"""A project's budget stated more than once: "…专项资金等1个项目进行自评，涉及预算金额…万元"
said twice, and against the project's own 全年预算数 (its 自评综述 and its 绩效自评表)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.model import Document, Finding, Location
from yusuan.recognise.projects.model import ProjectForm
from yusuan.recognise.projects.text import parse_number
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import paragraphs
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.narrative.common import fmt

register_messages({
    "PROJECT.STATED_BUDGET": {
        "zh": "“{name}”的预算金额前后不一：{said}",
        "en": "The budget of {name} is stated differently: {said_en}",
    },
})

AMOUNT = r"(?P<amount>\d[\d,]*(?:\.\d+)?)(?P<unit>万元|元)"
# "组织对本部门2022年度主管的卫生健康事业发展专项资金等1个专项资金项目进行自评，涉及预算金额52110万元"
SCOPE = regexes.compile(r"(?:^|[，。；;])(?P<name>[^，。；;、：:]{2,60}?)等?(?P<count>\d+)个"
                   r"[^，。；;]{0,16}?项目[^。；;]{0,24}?涉及预算(?:金额|资金)(?:为|是)?" + AMOUNT)
# "1.卫生健康事业发展专项资金绩效自评综述：全年预算数52110万元" (the project's own paragraph)
OVERVIEW = regexes.compile(r"(?:^|[。；;])(?P<name>[^，。；;：:]{2,60}?)(?:项目)?"
                      r"绩效自评综述[:：]全年预算数?(?:为|是)?" + AMOUNT)
# what stands before the project's name: "组织对本部门2022年度主管的", "在部门决算中反映", "1."
LEAD = regexes.compile(r"^.*(?:主管|负责)的+|^.*?(?:反映|组织对)")
ENUMERATOR = regexes.compile(r"^(?:\d{1,3}[.、．]|[（(]\d{1,3}[)）])?(?:本部门|本单位)?(?:\d{4}年度?)?")
FORM_ROWS = ("年度资金总额", "资金总额", "合计")


@dataclass(slots=True)
class Stated:
    """One statement of a project's budget: its figure in 万元, as printed, where, and how."""

    value: float
    printed: str
    line: int
    how: str  # "scope" (涉及预算金额), "overview" (自评综述) or "form" (绩效自评表)
    count: int | None = None
    table: str | None = None
    spent: float | None = None  # a 绩效自评表's 全年执行数 beside its 全年预算数
    initial: tuple[float, ...] = ()  # and its 年初预算数, when it prints one before them


@rule("PROJECT.STATED_BUDGET", category="narrative_vs_table", severity="warning",
      title_zh="同一项目的预算金额前后一致",
      title_en="A project's budget is the same wherever it is stated",
      rationale="'…主管的X等1个专项资金项目进行自评，涉及预算金额…万元' names one project's budget; "
                "said again, or given as that project's 全年预算数 in its 自评综述 or its 绩效自评表, "
                "it is one amount.")
def stated_budgets(doc: Document) -> Iterator[Finding]:
    """Passes: '主管的甲专项资金1个专项资金项目进行自评，涉及预算金额52110万元' twice.
    Fails:  the second time '涉及预算金额51552.9万元' (the 执行数), while its 自评表 prints
    全年预算数 52110.
    Not compared: a 涉及预算金额 of several projects with a statement of one of them; a
    form whose 年初预算数 is the amount stated (the budget before its adjustment).
    """
    scopes, overviews = _narrative(doc)
    forms = _forms(doc)
    for name, said in scopes.items():
        for count in sorted({s.count for s in said if s.count is not None}):
            same = [s for s in said if s.count == count]
            others = [*overviews.get(name, []), *forms.get(name, [])] if count == 1 else []
            if _agree(same, others):
                continue
            yield _finding(name, same, others)


def _agree(scopes: list[Stated], others: list[Stated]) -> bool:
    """One 涉及预算金额 throughout; with the project's 绩效自评表, every amount the narrative
    states (涉及预算金额, 自评综述's 全年预算数) is its 全年 or its 年初预算数 (the budget before
    its adjustment); without one, the narrative states one amount."""
    if len({round(s.value, 6) for s in scopes}) > 1:
        return False
    said = {round(s.value, 6) for s in [*scopes, *others] if s.how != "form"}
    forms = [s for s in others if s.how == "form"]
    if not forms:
        return len(said) == 1
    return all(said <= {round(s.value, 6), *s.initial} for s in forms)


def _finding(name: str, scopes: list[Stated], others: list[Stated]) -> Finding:
    words = {"scope": "涉及预算金额", "overview": "自评综述写全年预算数", "form": "绩效自评表全年预算数"}
    said = "；".join(f"{words[s.how]} {s.printed}" for s in [*scopes, *others])
    spent = {round(s.spent, 6) for s in others if s.spent is not None and s.spent != s.value}
    slips = [s.printed for s in scopes if round(s.value, 6) in spent]
    if slips:
        said += f"（{'、'.join(dict.fromkeys(slips))}是绩效自评表的执行数）"
    said_en = ", ".join(s.printed for s in [*scopes, *others])
    locations = [Location(s.line, table=s.table, name=name) for s in [*scopes, *others]]
    return make_finding("PROJECT.STATED_BUDGET", locations,
                        {"amounts": [s.value for s in [*scopes, *others]]},
                        name=name, said=said, said_en=said_en)


def _key(name: str) -> str:
    return ENUMERATOR.sub("", LEAD.sub("", "".join(name.split())))


def _narrative(doc: Document) -> tuple[dict[str, list[Stated]], dict[str, list[Stated]]]:
    scopes: dict[str, list[Stated]] = {}
    overviews: dict[str, list[Stated]] = {}
    for paragraph in paragraphs(doc):
        text = paragraph.text
        compact = "".join(text.split())
        if "涉及预算" not in compact and "自评综述" not in compact:
            continue
        at = [i for i, ch in enumerate(text) if not ch.isspace()]
        for pattern, into in ((SCOPE, scopes), (OVERVIEW, overviews)):
            for match in pattern.finditer(compact):
                stated = _stated(match, paragraph.line_at(at[match.start("amount")]),
                                 "scope" if pattern is SCOPE else "overview")
                if stated is not None:
                    into.setdefault(_key(match.group("name")), []).append(stated)
    return scopes, overviews


def _stated(match: re.Match[str], line: int, how: str) -> Stated | None:
    parsed = parse_number(match.group("amount"))
    if parsed is None:
        return None
    unit = match.group("unit")
    value = parsed[0] / 10000 if unit == "元" else parsed[0]
    count = int(match.group("count")) if how == "scope" else None
    return Stated(value, f"{match.group('amount')}{unit}", line, how, count)


def _forms(doc: Document) -> dict[str, list[Stated]]:
    """Each 绩效自评表's 全年预算数 of its whole funding row, by the project's name."""
    out: dict[str, list[Stated]] = {}
    for form in doc.forms:
        if not isinstance(form, ProjectForm) or not form.name:
            continue
        row = next((r for r in form.execution if r.label.startswith(FORM_ROWS)), None)
        if row is None:
            continue
        scale = 1 / 10000 if form.money == "元" else 1
        printed = f"{fmt(row.budget.value)}{form.money}"
        initial = tuple(round(f * scale, 6) for f in row.figures[:-2]) if len(row.figures) > 2 \
            else ()
        out.setdefault(_key(form.name), []).append(
            Stated(row.budget.value * scale, printed, row.budget.line, "form",
                   table="project_performance", spent=row.actual.value * scale,
                   initial=initial))
    return out
