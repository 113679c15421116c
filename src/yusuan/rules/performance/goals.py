"""Goals of the forms: a 年度 table's rows labelled 长期目标 (or the reverse), and a rate the
department form's 年度工作任务 promise that its indicators then set lower."""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan.model import Document, Finding, Location
from yusuan.recognise.projects.indicators import normalise
from yusuan.recognise.projects.model import Indicator
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.performance.indicators import target
from yusuan.rules.projects.common import dept_form, project_forms

register_messages({
    "PROJECT.GOAL_LABEL": {
        "zh": "项目“{name}”的{table}绩效目标表各行目标名称写作“{label}目标”",
        "en": "Project {name}: the rows of its {table_en} indicator table are labelled "
              "{label_en} goals",
    },
    "PROJECT.TASK_PROMISE": {
        "zh": "年度工作任务承诺“{phrase}”，而绩效指标“{indicator}”的目标值为 {value}",
        "en": "The annual tasks promise \"{phrase}\", but indicator {indicator} is set to {value}",
    },
})

TABLES = {"long": ("长期", "long-term"), "annual": ("年度", "annual")}
PROMISE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,20}(?:率|比例))\s*(?:要|应|须|必须)?\s*"
                     r"(?:达到|达|保持|不低于|实现)\s*(?P<num>\d+(?:\.\d+)?)\s*[%％]"
                     r"(?P<more>以上)?")
MIN_KEY = 4


@rule("PROJECT.GOAL_LABEL", category="naming", severity="info",
      title_zh="年度绩效目标表的目标名称为年度目标",
      title_en="Annual indicator rows are labelled annual goals",
      rationale="The 目标名称 of each row of a form's 年度绩效目标表 is one of its 年度目标, of the "
                "长期绩效目标表 one of its 长期目标; the other label is a copying error.")
def goal_labels(doc: Document) -> Iterator[Finding]:
    """Passes: 年度目标01 rows in the 年度 table. Fails: 长期目标01 rows in the 年度 table."""
    for form in project_forms(doc):
        for table, (word, _) in TABLES.items():
            rows = [i for i in form.indicators if i.table == table and i.label]
            if not rows or any(i.label == word for i in rows):
                continue
            label = rows[0].label
            other = next(en for w, en in TABLES.values() if w == label)
            lines = sorted({i.label_line or i.line for i in rows})
            yield make_finding("PROJECT.GOAL_LABEL",
                               [Location(n, table="project_performance", name=form.name)
                                for n in lines],
                               {"table": table, "label": label}, name=form.name, table=word,
                               table_en=TABLES[table][1], label=label, label_en=other)


def promises(tasks: list[tuple[str, int]]) -> list[tuple[str, str, float, int]]:
    """(phrase, rate name, promised ratio, line) of each "…率达到100%" in the tasks."""
    out: list[tuple[str, str, float, int]] = []
    for text, line in tasks:
        for match in PROMISE.finditer(text):
            out.append((match.group(0), normalise(match.group("name")),
                        float(match.group("num")) / 100, line))
    return out


def _same_rate(key: str, indicator: str) -> bool:
    shorter = min(len(key), len(indicator))
    return shorter >= MIN_KEY and (indicator.endswith(key) or key.endswith(indicator))


@rule("PROJECT.TASK_PROMISE", category="indicator", severity="warning",
      title_zh="年度工作任务承诺的比率与绩效指标一致",
      title_en="Rates promised in the annual tasks match the indicators",
      rationale="When the 年度工作任务 promise a rate (\"政策覆盖率达到100%\"), the indicator of "
                "that rate cannot set a lower target (≥90%).")
def task_promises(doc: Document) -> Iterator[Finding]:
    """Passes: 覆盖率达到100% with 覆盖率 100%. Fails: 覆盖率达到100% with ≥90%."""
    dept = dept_form(doc)
    if dept is None:
        return
    pools: list[tuple[Indicator, str]] = [(i, "dept_performance") for i in dept.indicators]
    pools += [(i, "project_performance") for f in project_forms(doc) for i in f.indicators]
    for phrase, key, promised, line in promises(dept.tasks):
        lower = [(i, t) for i, t in pools if i.values and _same_rate(key, normalise(i.name))
                 and _below(i.values[-1], promised)]
        if not lower:
            continue
        locations = [Location(line, table="dept_performance")]
        for ind, table in lower:
            locations += [Location(n, table=table, name=ind.name)
                          for n in sorted(set(ind.value_lines or [ind.value_line or ind.line]))]
        first = lower[0][0]
        yield make_finding("PROJECT.TASK_PROMISE", locations,
                           {"promised": promised, "target": first.values[-1]},
                           phrase=phrase, indicator=first.name, value=first.values[-1])


def _below(value: str, promised: float) -> bool:
    found = target(value)
    return found is not None and not found.unit and found.low < promised - 1e-9
