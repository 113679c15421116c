"""Units, definitions and year references in the narrative."""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from yusuan import regexes
from yusuan.model import Document, Finding, Location
from yusuan.rules.engine import BUDGET_KINDS, make_finding, rule
from yusuan.rules.engine.common import joined
from yusuan.rules.narrative.common import fact_location, finding_args, fmt, narrative_facts

MONEY_UNITS = ("元", "万元", "亿元")
SKIP_UNIT_CONCEPTS = ("amount", "asset_amount")
# (pattern, last year in which the phrase can be current, what it refers to, words one of which
# every match holds: a text without one is not searched)
DATED_EVENTS = (
    (r"迎接党的二十大|喜迎二十大|迎接二十大", 2022, "党的二十大召开（2022年10月）之前的提法", ("二十大",)),
    (r"庆祝建党\s*100\s*周年|建党一百周年|建党百年", 2021, "建党100周年（2021年）", ("建党",)),
    (r"十四五.{0,3}开好局|开局之年", 2021, "“十四五”开局（2021年）", ("开好局", "开局之年")),
    (r"十九届五中、?六中全会", 2022, "党的十九届五中、六中全会（2020-2021年）", ("十九届",)),
    (r"十九大和十九届历次全会", 2022, "党的十九大和十九届历次全会（二十大之前的提法）", ("十九大",)),
)
_PLAN = regexes.compile(r"《[^》]{0,30}?((?:19|20)\d\d)\s*年[^》]{0,40}?(实施方案|工作方案|工作要点|工作计划|行动方案)")
_PERIOD = regexes.compile(r"((?:19|20)\d\d)\s*年?\s*(?:至|到|—|－|-|–|~|～)\s*((?:19|20)\d\d)\s*年")
# At most a few spaces before the year: an unbounded run would be rescanned from each of its
# spaces (minutes for a run of 100,000).
_OWN_YEAR = regexes.compile(r"(?<![比与较])\s{0,8}((?:19|20)\d\d)\s*年度?\s*部门(预算|决算)(?!表|公开)")
_OWN_YEAR_END = regexes.compile("部门[预决]算")  # every match of _OWN_YEAR ends with one
_OWN_YEAR_HEAD = regexes.compile(r"[\s\d年度]")  # and before it holds only these
PASSAGE_LINES = 5  # dated phrases this close together are one passage
_AS_OF = regexes.compile(r"截[至止]\s*((?:19|20)\d\d)\s*年\s*12\s*月\s*31\s*日")


@rule("NARRATIVE.UNIT", category="unit", severity="warning",
      title_zh="情况说明金额单位一致", title_en="Narrative amounts use the document's unit")
def units_consistent(doc: Document) -> Iterator[Finding]:
    """Narrative amounts use one money unit: the narrative's most common one (the tables' unit
    on a tie). A narrative wholly in 万元 beside tables in 元 is a convention, not a defect.

    Passes: “三公”经费 2.00万元，其中：因公出国(境)经费 0 万元，公务接待费 2.00万元。
    Fails:  “三公”经费 2.00万元，其中：因公出国(境)经费 0 元，公务接待费 2.00万元。
    """
    facts = [f for f in narrative_facts(doc) if f.unit in MONEY_UNITS and f.value is not None
             and f.concept not in SKIP_UNIT_CONCEPTS]
    unit = narrative_unit(doc.unit, Counter(f.unit for f in facts))
    if unit is None:
        return
    for fact in facts:
        if fact.unit == unit:
            continue
        locations = [fact_location(fact)]
        if fact.extra.get("change_unit") not in (None, unit):
            locations.append(fact_location(fact, fact.extra.get("change_line")))
        text = (f"{fact.extra.get('label') or fact.concept} 写作 {fmt(fact.value or 0)}"
                f"{fact.unit}，全文金额单位为{unit}")
        yield make_finding("NARRATIVE.UNIT", locations, {"unit": fact.unit, "document_unit": unit},
                           **finding_args(text, f"amount in {fact.unit} where the document "
                                                f"uses {unit}"))


def narrative_unit(table_unit: str | None, counts: Counter[str | None]) -> str | None:
    """The unit the narrative writes most often; the tables' unit when it is as common."""
    if not counts:
        return table_unit if table_unit in MONEY_UNITS else None
    top = max(counts.values())
    if table_unit in MONEY_UNITS and counts[table_unit] == top:
        return table_unit
    return counts.most_common(1)[0][0]


@rule("NARRATIVE.UNIT_MISSING", category="unit", severity="info",
      title_zh="增减额写明金额单位", title_en="A stated change carries its unit")
def change_without_unit(doc: Document) -> Iterator[Finding]:
    """A stated change carries its money unit.

    Passes: “三公”经费预算 3.00万元，比上年减少 1.00万元，下降 25%。
    Fails:  “三公”经费预算 3.00万元，比上年减少 1.00，下降 25%。
    """
    facts = [f for f in narrative_facts(doc) if f.extra.get("change_unit_missing")]
    if not facts:
        return
    said = "；".join(f"“{change}”" for change in dict.fromkeys(
        str(f.extra.get("change_text")) for f in facts))
    text = f"增减额没有金额单位：{said}"
    yield make_finding("NARRATIVE.UNIT_MISSING",
                       [fact_location(f, f.extra.get("change_line")) for f in facts],
                       {"changes": [f.extra.get("change") for f in facts]},
                       **finding_args(text, "changes printed without their unit"))


@rule("NARRATIVE.MISSING", category="missing_content", severity="warning",
      title_zh="情况说明缺少金额", title_en="A narrative statement lacks its amount")
def missing_amounts(doc: Document) -> Iterator[Finding]:
    """A statement that announces an amount gives it.

    Passes: 本部门的机关运行经费 10.00 万元，主要用于办公费、水电费。
    Fails:  本部门的机关运行经费（the sentence ends without an amount）
    """
    for fact in narrative_facts(doc):
        if fact.extra.get("missing_amount"):
            text = f"“{fact.text[-40:]}” 之后没有金额"
            yield make_finding("NARRATIVE.MISSING", [fact_location(fact)], {},
                               **finding_args(text, "the statement gives no amount"))


@rule("NARRATIVE.YEAR", category="year_reference", severity="warning",
      title_zh="年份与文件年度相符", title_en="Years and events belong to the document's year")
def year_references(doc: Document) -> Iterator[Finding]:
    """Years and dated phrases belong to the document's year: changes compare with the year
    before, no past events or past-year plans, the document's own year and 12月31日 are right.
    One finding per cause: every comparison with the same wrong base year, the dated phrases
    of one passage, and every quotation of the same past-year plan are reported once.

    Passes: 2030年度文件：基本支出 10.00 万元，比 2029 年预算增加 1.00 万元。
    Fails:  2030年度文件：基本支出 10.00 万元，比 2027 年预算增加 1.00 万元。
    """
    text, lines = joined(doc)
    named = own_year_names(text)
    year = own_year(named) or doc.year
    if not year:
        return
    if year != doc.year:
        doc = replace_year(doc, year)
    yield from _change_baselines(doc)
    yield from _dated_events(text, lines, year)
    yield from _past_plans(doc, text, lines, year)
    yield from _own_year(doc, text, lines, named)


def _dated_events(text: str, lines: Sequence[int], year: int) -> Iterator[Finding]:
    """Phrases of events past by `year`; hits within a few lines of each other are one passage
    carried over from an earlier year, reported once."""
    hits = sorted((match.start(), lines[match.start()], match.group(0), what)
                  for pattern, last_year, what, words in DATED_EVENTS
                  if year > last_year and any(word in text for word in words)
                  for match in regexes.finditer(pattern, text))
    passages: list[list[tuple[int, int, str, str]]] = []
    for hit in hits:
        if passages and hit[1] - passages[-1][-1][1] <= PASSAGE_LINES:
            passages[-1].append(hit)
        else:
            passages.append([hit])
    for passage in passages:
        said = "；".join(f"“{phrase}”：{what}" for _, _, phrase, what in passage)
        yield _year_finding([line for _, line, _, _ in passage], f"{year}年度文件写{said}",
                            {"year": year, "phrase": [phrase for _, _, phrase, _ in passage]},
                            [f"{year}年度文件写“{phrase}”" for _, _, phrase, _ in passage])


def _past_plans(doc: Document, text: str, lines: Sequence[int], year: int) -> Iterator[Finding]:
    """Plans of a past year cited as a basis, each title once with every line that quotes it.
    Titles a project form cites are left to the project rules (one finding per cause)."""
    cited: dict[str, tuple[int, list[int]]] = {}
    for match in _PLAN.finditer(text):
        period = _PERIOD.search(match.group(0))  # a plan for 2024年至2026年 runs to 2026
        when = int(period.group(2)) if period else int(match.group(1))
        title = regexes.sub(r"\s+", "", match.group(0))
        if when < year:
            cited.setdefault(title, (when, []))[1].append(lines[match.start(1)])
    in_forms = _form_references(doc)
    for title, (when, at) in cited.items():
        if any(title[1:] in ref for ref in in_forms):
            continue
        at = sorted(set(at))
        yield _year_finding(at, f"{year}年度文件以“{title}》”为依据（{when}年的方案）",
                            {"year": year, "cited": when})


def _form_references(doc: Document) -> list[str]:
    """Past-year documents project forms cite (reported by the project rules)."""
    from yusuan.rules.projects.common import project_forms

    refs: list[str] = []
    for form in project_forms(doc):
        refs.extend(regexes.sub(r"\s+", "", ref.text) for ref in form.references
                    if any(y < (doc.year or 0) for y in ref.years))
    return refs


def own_year_names(text: str) -> list[re.Match[str]]:
    """`list(_OWN_YEAR.finditer(text))`, the pattern tried only at the characters before each
    部门预算 / 部门决算 that a match can open with (it opens with no fixed character: tried at
    every character, a long document's text takes a fiftieth of its check). A match starting
    at or after where the last one ended, leftmost first, as finditer's."""
    found: list[re.Match[str]] = []
    end = 0
    for word in _OWN_YEAR_END.finditer(text):
        first = word.start()
        while first > end and _OWN_YEAR_HEAD.match(text, first - 1):
            first -= 1  # back over what the match can hold before the word
        for start in range(max(first, end), word.start() + 1):
            match = _OWN_YEAR.match(text, start)
            if match is not None:
                found.append(match)
                end = match.end()
                break
    return found


def own_year(named: Iterable[re.Match[str]]) -> int | None:
    """The year the document names itself by most often ('2023年部门预算'), of the matches
    of _OWN_YEAR in its text."""
    years = Counter(int(m.group(1)) for m in named)
    return years.most_common(1)[0][0] if years else None


def replace_year(doc: Document, year: int) -> Document:
    """A shallow view of `doc` with another year (the narrative's own, when meta missed it)."""
    view = copy.copy(doc)
    view.year = year
    return view


def _own_year(doc: Document, text: str, lines: Sequence[int],
              named: Iterable[re.Match[str]]) -> Iterator[Finding]:
    year = doc.year or 0
    for match in named:
        cited = int(match.group(1))
        if cited != year and text[max(0, match.start() - 3):match.start()].find("比") < 0:
            yield _year_finding([lines[match.start(1)]],
                                f"{year}年度文件提到“{match.group(0).strip()}”",
                                {"year": year, "cited": cited})
    expected = year - 1 if doc.kind in BUDGET_KINDS else year
    for match in _AS_OF.finditer(text):
        if int(match.group(1)) != expected:
            yield _year_finding([lines[match.start(1)]],
                                f"{year}年度{doc.kind or ''}的资产时点为“{match.group(0)}”，"
                                f"应为{expected}年12月31日", {"year": year})


def _change_baselines(doc: Document) -> Iterator[Finding]:
    """Comparisons with a base year other than the year before: one finding per wrong base
    year, naming every figure compared with it and citing every line."""
    expected = (doc.year or 0) - 1
    wrong: dict[int, list[tuple[str, int]]] = {}
    for fact in narrative_facts(doc):
        base = fact.extra.get("base_year")
        if base and base != expected:
            label = str(fact.extra.get("label") or fact.concept)
            wrong.setdefault(base, []).append((label, fact.extra.get("change_line") or fact.line))
    for base, compared in wrong.items():
        compared = sorted(set(compared), key=lambda item: item[1])
        at = sorted({line for _, line in compared})
        labels = "、".join(dict.fromkeys(label for label, _ in compared))
        if len(at) > 1:
            labels += f"（第{'、'.join(str(line) for line in at)}行）"
        text = f"{doc.year}年度文件中 {labels} 与 {base}年比较，上年应为{expected}年"
        yield _year_finding(at, text, {"year": doc.year, "base_year": base},
                            [f"{doc.year}年度文件中 {label} 与 {base}年比较"
                             for label, _ in compared])


def _year_finding(lines: list[int], text: str, values: dict[str, object],
                  parts: list[str] | None = None) -> Finding:
    finding = make_finding("NARRATIVE.YEAR", [Location(line) for line in dict.fromkeys(lines)],
                           dict(values), **finding_args(text, text))
    if parts and len(parts) > 1:
        finding.folded = [f"NARRATIVE.YEAR: {part}" for part in parts]
    return finding


@rule("NARRATIVE.DEFINITION", category="definition", severity="warning",
      title_zh="与名词解释的口径一致", title_en="Figures follow the document's own glossary")
def definitions(doc: Document) -> Iterator[Finding]:
    """Figures and wording follow the document's own glossary: 机关运行经费 limited to
    行政单位 (and 参公 units), and a 区/县 department's glossary not written for 市级.

    Passes: 区级部门，名词解释：“一般公共预算财政拨款收入：指区级财政当年拨付的资金”。
    Fails:  区级部门，名词解释：“一般公共预算财政拨款收入：指市级财政当年拨付的资金”。
    """
    yield from _agency_costs(doc)
    yield from _subordinate_costs(doc)
    yield from _level_words(doc)


def _agency_costs(doc: Document) -> Iterator[Finding]:
    glossary = [f for f in narrative_facts(doc, "glossary_term") if "机关运行经费" in
                f.extra.get("term", "")]
    costs = [f for f in narrative_facts(doc, "agency_operating_costs") if f.value]
    table = doc.table("general_budget_expenditure")
    if not glossary or not costs or table is None or "行政单位" not in glossary[0].text:
        return
    total = table.total_row()
    public = total.values.get("public") if total else None
    shiye = [r for r in table.rows if r.code and len(r.code) == 7 and r.code.endswith("50")
             and r.values.get("public")]
    if public is None or not shiye:
        return
    for fact in costs:
        if abs((fact.value or 0) - public) > 0.011:
            continue
        inside = sum(r.values["public"] for r in shiye)
        text = (f"机关运行经费 {fact.value:g} 等于全部公用经费，其中含事业运行公用经费 "
                f"{inside:g}；名词解释限定为行政单位（含参公事业单位）")
        locations = [fact_location(fact), *(Location(r.line_of("public"), table=table.kind,
                                                      code=r.code, column="public")
                                             for r in shiye), fact_location(glossary[0])]
        yield make_finding("NARRATIVE.DEFINITION", locations,
                           {"reported": fact.value, "shiye_public": inside},
                           **finding_args(text, "机关运行经费 includes 事业运行 public funds"))


_SUBORDINATE = regexes.compile(r"下属\s*\d*\s*[个家]?\s*(?:二级)?事业单位")


def _subordinate_costs(doc: Document) -> Iterator[Finding]:
    """机关运行经费 stated for 本级 and a 下属事业单位 whose staff the document says include no
    参公 staff, while its glossary limits 机关运行经费 to 行政单位 (and 参公 事业单位)."""
    glossary = [f for f in narrative_facts(doc, "glossary_term")
                if "机关运行经费" in f.extra.get("term", "") and "行政单位" in f.text]
    cangong = list(narrative_facts(doc, "staffing"))
    cangong = [f for f in cangong if f.extra.get("kind") == "civil_service_managed"]
    if not glossary or not cangong or any(f.value for f in cangong):
        return
    for fact in narrative_facts(doc, "agency_operating_costs"):
        match = _SUBORDINATE.search(fact.text)
        if not fact.value or not match or regexes.search(r"参照公务员|参公", fact.text):
            continue
        text = (f"机关运行经费 {fmt(fact.value)} 写明包括“{match.group(0)}”，名词解释限定为行政单位"
                f"（含参公事业单位），而人员构成中参照公务员法管理人员为 0")
        text_en = (f"机关运行经费 {fmt(fact.value)} is stated to cover a subordinate 事业单位, but "
                   "the glossary limits it to administrative units (and 参公 units) and the "
                   "staffing lists no 参公 staff")
        locations = [fact_location(fact), fact_location(glossary[0]), fact_location(cangong[0])]
        yield make_finding("NARRATIVE.DEFINITION", locations, {"reported": fact.value},
                           **finding_args(text, text_en))


def _level_words(doc: Document) -> Iterator[Finding]:
    name = doc.department or ""
    tail = name.rsplit("市", 1)[-1]
    if not regexes.search(r"[区县]", tail):
        return
    hits = [(fact, match.group(0)) for fact in narrative_facts(doc, "glossary_term")
            for match in [regexes.search(r"市级财政|市直部门|市级部门", fact.text)] if match]
    if hits:
        phrases = "、".join(sorted({phrase for _, phrase in hits}))
        text = f"{name} 是区（县）级部门，名词解释却写“{phrases}”"
        yield make_finding("NARRATIVE.DEFINITION", [fact_location(f) for f, _ in hits],
                           {"phrases": phrases}, **finding_args(text, text))
