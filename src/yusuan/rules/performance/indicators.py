"""Performance indicators: one indicator (by normalised name) with different targets in the
department form and a project form, or in one form's 长期 and 年度 tables; a text value where a
rate belongs; a head count given as a percentage; annual tables swapped between two projects."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass, field
from yusuan.model import Document, Finding, Location
from yusuan.recognise.projects.indicators import normalise
from yusuan.recognise.projects.model import Indicator
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.projects.common import dept_form, project_forms

register_messages({
    "PROJECT.INDICATOR_TARGET": {
        "zh": "绩效指标“{indicator}”的目标值不一致：{targets}",
        "en": "Indicator {indicator} has different targets: {targets}",
    },
    "PROJECT.INDICATOR_VALUE": {
        "zh": "项目“{name}”绩效指标值填错栏：{rows}",
        "en": "Project {name}: indicator values in the wrong field: {rows}",
    },
    "PROJECT.INDICATOR_PERCENT_COUNT": {
        "zh": "数量指标“{indicator}”是人数/个数，指标值却是百分比 {value}",
        "en": "Count indicator {indicator} has a percentage value {value}",
    },
    "PROJECT.INDICATOR_OVER_WHOLE": {
        "zh": "比例类指标的目标值超过 100%，不可能达到：{rows}",
        "en": "Indicators that are shares of a whole have targets above 100%: {rows}",
    },
    "PROJECT.INDICATOR_SWAPPED": {
        "zh": "项目“{name}”与“{other}”的年度绩效指标表互换：各自的年度指标是对方的长期指标",
        "en": "The annual indicator tables of {name} and {other} are swapped",
    },
})

TARGET = regexes.compile(r"^(?P<op>[≥≧≤≦><=＞＜]*)\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>.*)$")
LOWER, UPPER = "≥≧>＞", "≤≦<＜"
RATE = regexes.compile(r"(率|比例|比率)$")
COUNT = regexes.compile(r"(人数|人次|家数|次数|户数|个数|数量)$")
WHERE = {"dept": "部门整体表", "long": "长期", "annual": "年度"}
# counters of events, which add up over the years a 长期 goal spans (people and bodies do not)
EVENT_UNIT = regexes.compile(r"^(次|场|期|篇|批|轮|件|份|条|场次)$")
MAX_GOAL_YEARS = 5


@dataclass(frozen=True, slots=True)
class Target:
    """An indicator's target as a range of values (the unit is not compared)."""

    low: float
    high: float
    exact: bool
    unit: str = field(compare=False)


@lru_cache(maxsize=1 << 12)  # forms repeat their values (≥90%, 100%), read by several rules
def target(value: str) -> Target | None:
    """A value as a range: "≥2次/年" → [2, ∞); "23%" and "0.23" are the same ratio (a Target
    is frozen: the one made of a value is shared)."""
    match = TARGET.match(value.replace(" ", ""))
    if not match:
        return None
    number = float(match.group("num").replace(",", ""))
    unit = match.group("unit").replace("％", "%")
    op = match.group("op").replace("=", "") or ""
    if unit == "%":
        number, unit = number / 100, ""
    if op and op[0] in LOWER:
        return Target(number, float("inf"), False, unit)
    if op and op[0] in UPPER:
        return Target(float("-inf"), number, False, unit)
    return Target(number, number, True, unit)


def _where(ind: Indicator, form_name: str | None) -> str:
    period = WHERE.get(ind.period, "")
    return f"{WHERE['dept']}{period}" if ind.table == "dept" else f"“{form_name}”{period}"


def _loc(ind: Indicator, name: str | None) -> Location:
    return Location(ind.value_line or ind.line, table=_table(ind), name=name)


def _table(ind: Indicator) -> str:
    return "dept_performance" if ind.table == "dept" else "project_performance"


def _disjoint(a: Target, b: Target) -> bool:
    return a.high < b.low or b.high < a.low


Sighting = tuple[Indicator, str | None, Target]


def _sightings(indicators: list[Indicator], form: str | None) -> dict[str, list[Sighting]]:
    out: dict[str, list[Sighting]] = {}
    for ind in indicators:
        found = target(ind.values[-1]) if ind.values else None
        if found is not None:
            out.setdefault(normalise(ind.name), []).append((ind, form, found))
    return out


def _periods_differ(seen: list[Sighting]) -> bool:
    """The 长期 targets of one form are not its 年度 targets (as sets: a department form
    repeats an indicator under several goals), unless the 长期 one adds up several years."""
    long = {s[2] for s in seen if s[0].period == "long"}
    year = {s[2] for s in seen if s[0].period == "annual"}
    if len(long) == 1 and len(year) == 1 and _cumulative(next(iter(long)), next(iter(year))):
        return False
    return bool(long and year and long != year)


def _cumulative(long: Target, year: Target) -> bool:
    """"≥36场" over the whole period beside "≥12场" a year: events (not head counts, not rates,
    not "…/年") whose long-term target is a whole number of years' worth of the annual one."""
    if long.unit != year.unit or not EVENT_UNIT.match(long.unit) or long.exact != year.exact:
        return False
    if year.low <= 0:
        return False
    years = long.low / year.low
    return years == int(years) and 2 <= years <= MAX_GOAL_YEARS


def _prior_differs(own: list[Sighting], dept: list[Sighting]) -> bool:
    """The 上年 column of the same annual indicator differs between the two forms."""
    def prior(seen: list[Sighting]) -> set[Target | None]:
        return {target(s[0].values[-2]) for s in seen
                if s[0].period == "annual" and len(s[0].values) >= 2}
    left, right = prior(own) - {None}, prior(dept) - {None}
    return bool(left and right and not left & right)


def _severity(own: list[Sighting], dept: list[Sighting]) -> str | None:
    """warning when one form's 长期 and 年度 targets differ, when a project's target cannot hold
    with any of the department form's, or the 上年 values differ; info when the department
    form's target is only looser or tighter; None when all agree."""
    by_form: dict[str | None, list[Sighting]] = {}
    for sighting in own:
        by_form.setdefault(sighting[1], []).append(sighting)
    if any(_periods_differ(seen) for seen in by_form.values()):
        return "warning"
    if _periods_differ(dept) or _prior_differs(own, dept):
        return "warning"
    targets = {s[2] for s in dept}
    loose = [s[2] for s in own if targets and s[2] not in targets]
    if any(all(_disjoint(t, d) for d in targets) for t in loose):
        return "warning"
    return "info" if loose else None


@rule("PROJECT.INDICATOR_TARGET", category="indicator", severity="warning",
      title_zh="同一绩效指标的目标值一致", title_en="One indicator, one target",
      rationale="An indicator of a project restates the department form's indicator of the same "
                "goal, and its 长期 target bounds its 年度 target; two targets that cannot both "
                "hold, or a 年度 target other than the 长期 one, is a copying error.")
def indicator_targets(doc: Document) -> Iterator[Finding]:
    """Passes: 开通网上办件事项数 28项 everywhere. Fails: 28项 in the department form, 27项
    on the project form; ≥2次 in the 长期 table, ≥12次 in the 年度 table."""
    dept = dept_form(doc)
    dept_seen = _sightings(dept.indicators, None) if dept else {}
    projects: dict[str, list[Sighting]] = {}
    for form in project_forms(doc):
        for key, own in _sightings(form.indicators, form.name).items():
            projects.setdefault(key, []).extend(own)
    for key in [*projects, *(k for k in dept_seen if k not in projects)]:
        own, others = projects.get(key, []), dept_seen.get(key, [])
        severity = _severity(own, others)
        if severity is not None:
            yield _target_finding(own + others, severity, _prior_differs(own, others))


def _target_finding(seen: list[Sighting], severity: str, prior: bool) -> Finding:
    shown = "；".join(f"{_where(ind, name)} {_shown(ind)}" for ind, name, _ in seen)
    first = seen[0][0]
    locations = [_loc(ind, name) for ind, name, _ in seen]
    if prior:  # the 上年 cells are what differ: cite them first
        locations = [Location(ind.value_lines[-2], table=_table(ind), name=name)
                     for ind, name, _ in seen if len(ind.value_lines) >= 2] + locations
    return make_finding("PROJECT.INDICATOR_TARGET", locations,
                        {"targets": [ind.values[-1] for ind, _, _ in seen]},
                        severity=severity, indicator=first.name, targets=shown)


def _shown(ind: Indicator) -> str:
    if ind.period == "annual" and len(ind.values) >= 2:
        return f"{ind.values[-1]}（上年 {ind.values[-2]}）"
    return ind.values[-1]


def _is_text(value: str) -> bool:
    return target(value) is None and value.strip() not in ("无", "")


# a target put in words is still a target for a rate: 大于95%, 小于十万分之一, 98%以上, 降低, 良好
WORDED_TARGET = regexes.compile(r"\d|分之|大于|小于|低于|高于|以上|以下|不低于|不高于|降低|提高|下降|上升"
                           r"|提升|良好|达标|合格|每[年季月周日天旬]|及时|按时")


def _is_words(value: str) -> bool:
    """A value in words with no figure in it (成效显著), as opposed to 大于95%."""
    return _is_text(value) and not regexes.search(r"\d|分之", value)


@rule("PROJECT.INDICATOR_VALUE", category="indicator", severity="warning",
      title_zh="绩效指标值与指标相符", title_en="Indicator values fit their indicators",
      rationale="A rate (…率) takes a number or a percentage; a text such as 成效显著 there, or a "
                "number where the same indicator's 长期 value is a text, means values were "
                "shifted between rows.")
def indicator_values(doc: Document) -> Iterator[Finding]:
    """Passes: 预算执行率 100%. Fails: 预算执行率 成效显著 with the next row's value ≥90%."""
    for form in project_forms(doc):
        long = {normalise(i.name): i for i in form.indicators if i.period == "long"}
        wrong: list[Indicator] = []
        for ind in form.indicators:
            if ind.period != "annual" or not ind.values:
                continue
            value, before = ind.values[-1], long.get(normalise(ind.name))
            text_rate = RATE.search(ind.name) and _is_text(value) and not WORDED_TARGET.search(value)
            shifted = before is not None and before.values and (
                _is_words(before.values[-1]) != _is_words(value))
            if text_rate or shifted:
                wrong.append(ind)
        if wrong:
            rows = "；".join(f"{i.name} {i.values[-1]}" for i in wrong)
            locations = [Location(i.value_line or i.line, table="project_performance",
                                  name=i.name) for i in wrong]
            locations += [Location(b.value_line or b.line, table="project_performance",
                                   name=b.name) for i in wrong
                          if (b := long.get(normalise(i.name))) is not None]
            yield make_finding("PROJECT.INDICATOR_VALUE", locations, {}, name=form.name,
                               rows=rows)


@rule("PROJECT.INDICATOR_PERCENT_COUNT", category="indicator", severity="info",
      title_zh="数量指标的值不是百分比", title_en="Counts are not percentages",
      rationale="A 数量指标 that counts persons or institutions (…人数, …家数) takes a number.")
def percent_counts(doc: Document) -> Iterator[Finding]:
    """Passes: 参保人数 ≥80万人. Fails: 基本医疗保险参保人数 >95%."""
    seen: dict[str, list[tuple[Indicator, str | None]]] = {}
    dept = dept_form(doc)
    pools: list[tuple[list[Indicator], str | None]] = [
        (f.indicators, f.name) for f in project_forms(doc)]
    pools += [(dept.indicators, None)] if dept else []
    for indicators, name in pools:
        for ind in indicators:
            if COUNT.search(ind.name) and ind.values and "%" in ind.values[-1]:
                seen.setdefault(normalise(ind.name), []).append((ind, name))
    for rows in seen.values():
        first = rows[0][0]
        lines = sorted({(i.value_line or i.line, _table(i), n) for i, n in rows})
        locations = [Location(line, table=table, name=n) for line, table, n in lines]
        yield make_finding("PROJECT.INDICATOR_PERCENT_COUNT", locations,
                           {"value": first.values[-1]}, indicator=first.name,
                           value=first.values[-1])


@rule("PROJECT.INDICATOR_SWAPPED", category="indicator", severity="warning",
      title_zh="项目年度绩效指标表未互换", title_en="Annual indicator tables not swapped",
      rationale="A project's 年度 indicators restate its own 长期 indicators; when they are "
                "another project's 长期 indicators and vice versa, the tables were swapped.")
def swapped_tables(doc: Document) -> Iterator[Finding]:
    """Passes: each form's 年度 names ⊂ its 长期 names. Fails: A's 年度 = B's 长期, B's 年度 = A's."""
    forms = project_forms(doc)
    names = [({normalise(i.name) for i in f.indicators if i.period == "long"},
              {normalise(i.name) for i in f.indicators if i.period == "annual"}) for f in forms]
    for a, b in _swap_pairs(names):
        if len(names[b][1] & names[a][0]) >= 2:
            locations = [Location(i.line, table="project_performance", name=f.name)
                         for f in (forms[a], forms[b]) for i in f.indicators
                         if i.period == "annual"]
            yield make_finding("PROJECT.INDICATOR_SWAPPED", locations, {},
                               name=forms[a].name, other=forms[b].name)


def _swap_pairs(names: list[tuple[set[str], set[str]]]) -> Iterator[tuple[int, int]]:
    """The pairs a < b, in order, of forms whose 年度 names share none with their own 长期
    names, where a's 年度 names share two or more with b's 长期 names: found through the forms
    that hold each 长期 name, not by comparing every form with every other."""
    alone = [bool(year) and not year & long for long, year in names]
    holders: dict[str, list[int]] = {}
    for index, (long, _) in enumerate(names):
        if alone[index]:
            for name in long:
                holders.setdefault(name, []).append(index)
    for a, (_, year) in enumerate(names):
        if alone[a]:
            shared = Counter(b for name in year for b in holders.get(name, ()) if b > a)
            yield from ((a, b) for b in sorted(shared) if shared[b] >= 2)


# shares of a whole: of people asked, of items checked, of a population covered
WHOLE_SHARE = regexes.compile(r"(满意度|满意率|合格率|覆盖率|准确率|正确率|知晓率|达标率|完好率|及时率)$")
PERCENT_TARGET = regexes.compile(r"^[≥≧≤≦><=＞＜]*\s*(\d+(?:\.\d+)?)\s*[%％]$")


@rule("PROJECT.INDICATOR_OVER_WHOLE", category="indicator", severity="warning",
      title_zh="比例类指标不超过 100%", title_en="Shares of a whole stay within 100%",
      rationale="A 满意度, 合格率 or 覆盖率 is a part of a whole: a target above 100% (≥1100%) "
                "cannot be met and is a typing slip.")
def shares_over_the_whole(doc: Document) -> Iterator[Finding]:
    """An indicator row of a 绩效目标表 (a cell naming a share of a whole, a later cell its
    target in %) read from the page's cells, form or not.

    Passes: 群众满意度 ≥95%. Fails: 群众满意度 ≥1100%.
    """
    hits: list[tuple[int, str]] = []
    for line in doc.source.lines:
        if "\t" not in line.text or "%" not in line.text and "％" not in line.text:
            continue
        cells = [cell.strip() for cell in line.text.split("\t")]
        for index, cell in enumerate(cells):
            if not WHOLE_SHARE.search(cell):
                continue
            target = next((c for c in cells[index + 1:] if c), "")
            match = PERCENT_TARGET.match(target.replace(" ", ""))
            if match and float(match.group(1)) > 100:
                hits.append((line.number, f"{cell} {target}"))
    if hits:
        yield make_finding("PROJECT.INDICATOR_OVER_WHOLE",
                           [Location(number, table="project_performance") for number, _ in hits],
                           {"count": len(hits)}, rows="；".join(text for _, text in hits[:6]))
