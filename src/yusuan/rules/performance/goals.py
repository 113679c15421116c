"""Goals of the forms: a 年度 table's rows labelled 长期目标 (or the reverse), and a rate the
department form's 年度工作任务 promise that its indicators then set lower."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from yusuan import regexes
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
PROMISE = regexes.compile(r"(?P<name>[\u4e00-\u9fff]{2,20}(?:率|比例))\s*(?:要|应|须|必须)?\s*"
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


register_messages({
    "PROJECT.GOAL_TARGET": {
        "zh": "项目“{name}”的绩效目标写“{phrase}”，而绩效指标“{indicator}”的指标值为 {value}",
        "en": "Project {name}: its goal says \"{phrase}\", but indicator {indicator} is set to {value}",
    },
})
# '移民对后期扶持政策实施满意度不低于 80%', '完工项目验收率达到 90%以上', '实施项目数量不少于 86 个'
FLOOR_AFTER_NAME = regexes.compile(  # what follows an indicator's name in a goal stating a floor
    r"\s*(?:要|应|须)?\s*(?:不低于|不少于|达到|达|保持在?|≥)\s*(?P<num>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>[%％]|个)?(?P<more>以上)?")


@rule("PROJECT.GOAL_TARGET", category="indicator", severity="warning",
      title_zh="绩效目标所写的目标值与同名指标一致",
      title_en="A target a project's goal states is its indicator's",
      rationale="A project form's goal text that names one of its own indicators with a floor "
                "(\"满意度不低于80%\") and the indicator row (≥90%) state one target twice; "
                "two floors are two different promises.")
def goal_targets(doc: Document) -> Iterator[Finding]:
    """Passes: 目标“满意度不低于90%”, 指标 满意度 ≥90%. Fails: 目标“满意度不低于80%”, 指标 ≥90%."""
    for form in project_forms(doc):
        rows = [(i.name, i.values[-1], i.value_line or i.line) for i in form.indicators
                if i.values and i.table != "long"] or _operator_rows(doc, form.lines)
        if not rows:
            continue
        first = min(line for _, _, line in rows)
        numbers = list(range(form.lines[0], first))
        pieces = ["".join(doc.source.line_text(n).split()) for n in numbers]  # blanks dropped
        text = "".join(pieces)
        ends = list(itertools.accumulate(map(len, pieces)))
        for name, value, line in rows:
            finding = _goal_target(form.name, (name, value, line), text, ends, numbers)
            if finding is not None:
                yield finding


OPERATORS = ("≥", "≤", "=", ">", "<", "＞", "＜", "≧", "≦")


def _operator_rows(doc: Document, lines: tuple[int, int]) -> list[tuple[str, str, int]]:
    """Indicator rows printed as 指标名称 | 指标性质 (≥) | 指标值 | 计量单位, which the form's
    reading leaves without indicators: (name, '≥90%', line)."""
    rows = []
    for number in range(lines[0], lines[1] + 1):
        cells = [c.strip() for c in doc.source.line_text(number).split("\t")]
        for k, cell in enumerate(cells[1:-1], start=1):
            if cell in OPERATORS and regexes.fullmatch(r"\d+(?:\.\d+)?", cells[k + 1]):
                name = next((c for c in reversed(cells[:k]) if c), "")
                unit = cells[k + 2] if k + 2 < len(cells) else ""
                rows.append((name, f"{cell}{cells[k + 1]}{unit}", number))
                break
    return rows


def _floors_after(name: str, text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """The phrases of `text` stating a floor right after `name` (name included), each with the
    floor's match, left to right, none overlapping (what `name` + that floor as one pattern
    finds, without a pattern per name)."""
    start = text.find(name)
    while start >= 0:
        match = FLOOR_AFTER_NAME.match(text, start + len(name))
        if match:
            yield text[start:match.end()], match
        start = text.find(name, match.end() if match else start + 1)


def _goal_target(form_name: str, row: tuple[str, str, int], text: str, ends: list[int],
                 numbers: list[int]) -> Finding | None:
    indicator, value, value_line = row
    name = normalise(indicator)
    found = target(value)
    if len(name) < MIN_KEY or found is None or found.exact or found.low == float("-inf"):
        return None
    if name not in text:  # every match opens with the name (most goals do not name it)
        return None
    for phrase, match in _floors_after(name, text):
        stated = float(match.group("num"))
        unit = (match.group("unit") or "").replace("％", "%")
        if unit == "%":
            stated /= 100
        elif bool(unit) != bool(found.unit) or (unit and unit not in found.unit):
            continue  # a count against a rate, or units that are not one
        if abs(stated - found.low) < 1e-9:
            continue
        line = numbers[min(bisect.bisect_right(ends, match.start("num")), len(numbers) - 1)] \
            if numbers else value_line
        return make_finding("PROJECT.GOAL_TARGET",
                            [Location(line, table="project_performance", name=form_name),
                             Location(value_line, table="project_performance", name=indicator)],
                            {"goal": stated, "target": found.low},
                            name=form_name, phrase=phrase, indicator=indicator,
                            value=value)
    return None
