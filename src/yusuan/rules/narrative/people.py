"""Staffing counts, unit composition and other counts stated in the narrative."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import pairwise

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.model import Document, Fact, Finding, Location
from yusuan.recognise.narrative.paragraphs import Paragraph
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import paragraphs
from yusuan.rules.narrative.common import fact_location, finding_args, fmt, narrative_facts
from yusuan.rules.narrative.internal.units import counts_against_listing

PARTS = {"authorised": ("admin", "institution", "worker"), "actual": ("admin", "institution",
                                                                        "worker", "other"),
         "retired": ("lixiu", "tuixiu")}


@rule("NARRATIVE.STAFFING", category="arithmetic", severity="warning",
      title_zh="人员编制数字自洽", title_en="Staffing counts add up")
def staffing(doc: Document) -> Iterator[Finding]:
    """Staffing counts add up (编制 and 实有 totals = their parts), 实有 above 编制 is explained
    (else info), and the hired staff the narrative mentions are not more than 其他人员.

    Passes: 总编制人数 10人，其中：行政编制 4人，事业编制 6人。
    Fails:  总编制人数 10人，其中：行政编制 4人，事业编制 7人。
    """
    groups: dict[str, dict[str, Fact]] = {}
    for fact in narrative_facts(doc, "staffing"):
        if fact.extra["status"] != "hired":
            groups.setdefault(fact.extra["status"], {}).setdefault(fact.extra["kind"], fact)
    for status, kinds in groups.items():
        total = kinds.get("total")
        parts = [kinds[k] for k in PARTS.get(status, ()) if k in kinds]
        if total and len(parts) >= 2 and sum(p.value or 0 for p in parts) != total.value:
            text = (f"{total.extra.get('label')} {total.value:g} 人，"
                    f"分项相加为 {sum(p.value or 0 for p in parts):g} 人")
            yield make_finding("NARRATIVE.STAFFING", [fact_location(f) for f in [total, *parts]],
                               {"reported": total.value}, **finding_args(text, text))
    yield from _actual_over_authorised(groups)
    yield from _hired_over_other(doc, groups.get("actual", {}).get("other"))


def _hired_over_other(doc: Document, other: Fact | None) -> Iterator[Finding]:
    """'其他人员 12人' but '聘用公共服务岗人员13人' elsewhere: the hired staff are more."""
    hired = [f for f in narrative_facts(doc, "staffing") if f.extra.get("status") == "hired"]
    more = [f for f in hired if other is not None and (f.value or 0) > (other.value or 0)]
    if other is None or not more:
        return
    most = max(f.value or 0 for f in more)
    text = (f"人员构成写{other.extra.get('label')} {fmt(other.value or 0)} 人，"
            f"说明另写“{more[0].extra.get('label')}”，聘用人员多于其他人员总数")
    text_en = (f"the staffing gives {fmt(other.value or 0)} other staff, but the narrative says "
               f"{fmt(most)} staff are hired")
    yield make_finding("NARRATIVE.STAFFING", [fact_location(other), *map(fact_location, more)],
                       {"reported": other.value, "computed": most},
                       **finding_args(text, text_en))


def _actual_over_authorised(groups: dict[str, dict[str, Fact]]) -> Iterator[Finding]:
    authorised, actual = groups.get("authorised", {}), groups.get("actual", {})
    for kind in ("total", "admin", "institution"):
        a, b = authorised.get(kind), actual.get(kind)
        if a and b and (b.value or 0) > (a.value or 0) and "超编" not in b.text:
            text = f"实有 {b.extra.get('label')} {b.value:g} 人，多于编制 {a.value:g} 人，未说明原因"
            yield make_finding("NARRATIVE.STAFFING", [fact_location(b), fact_location(a)],
                               {"actual": b.value, "authorised": a.value},
                               severity="info", category="plausibility",
                               **finding_args(text, text))


@rule("NARRATIVE.UNITS", category="narrative_vs_table", severity="warning",
      title_zh="单位构成前后一致", title_en="The unit composition agrees throughout")
def composition(doc: Document) -> Iterator[Finding]:
    """Unit counts that disagree. A count that contradicts itself ("事业单位 0个（含…1个）") in
    a sentence whose count also disagrees with later statements is one cause: one finding.

    Passes: 本级机关及下属 2 个二级单位……机关及下属 2 家事业单位的机关运行经费 10.00万元。
    Fails:  本级机关及下属 2 个二级单位……机关及下属 3 家事业单位的机关运行经费 10.00万元。
    """
    counts = list(narrative_facts(doc, "unit_count"))
    included = list(_included(counts))
    statements = _subordinate_statements(doc, counts)
    values = {value for value, _ in statements}
    if len(values) > 1:
        seen: dict[tuple[int, float], Fact] = {}
        for value, fact in statements:
            seen.setdefault((fact.line, value), fact)
        text = "下属单位个数前后不一：" + "；".join(
            f"第{line}行 {value:g} 个" for line, value in seen)
        locations = [fact_location(f) for f in seen.values()]
        sentences = {f.text for f in seen.values()}
        same = [(finding, fact) for finding, fact in included if fact.text in sentences]
        included = [(finding, fact) for finding, fact in included if fact.text not in sentences]
        for finding, _ in same:
            text += f"；同句{finding.message}"
            locations.extend(loc for loc in finding.locations if loc not in locations)
        found = make_finding("NARRATIVE.UNITS", locations, {"counts": sorted(values)},
                             **finding_args(text, text))
        found.folded = [f"NARRATIVE.UNITS: {finding.message}" for finding, _ in same]
        yield found
    yield from (finding for finding, _ in included)
    yield from _vs_tables(doc, statements)
    yield from counts_against_listing(doc)


def _included(counts: list[Fact]) -> Iterator[tuple[Finding, Fact]]:
    for previous, fact in pairwise(counts):
        if fact.extra.get("included_in_previous") and (fact.value or 0) > (previous.value or 0):
            text = (f"“{previous.extra.get('label')}”却“{fact.extra.get('label')}”：所含多于总数")
            locations = [fact_location(fact)]
            if previous.line != fact.line:
                locations.append(fact_location(previous))
            yield make_finding("NARRATIVE.UNITS", locations, {},
                               **finding_args(text, text)), fact


def _subordinate_statements(doc: Document, counts: list[Fact]) -> list[tuple[float, Fact]]:
    out = [(f.value or 0.0, f) for f in counts if f.extra.get("subordinate")]
    for fact in narrative_facts(doc, "unit_list"):
        names = fact.extra.get("names", [])
        own = [n for n in names if is_own_unit(n, doc.department)]
        out.append((float(len(names) - len(own)), fact))
    return out


def is_own_unit(name: str, department: str | None) -> bool:
    """A listed unit that is the department itself: '…本级', '…局机关', or the department's
    name, in full or without the city ('某区某局' of '某市某区某局')."""
    name = "".join(name.split()).strip("。；;，,")
    if "本级" in name or name.endswith("机关"):
        return True
    whole = "".join((department or "").split())
    return bool(whole) and len(name) >= 4 and (name == whole or whole.endswith(name))


def _vs_tables(doc: Document, statements: list[tuple[float, Fact]]) -> Iterator[Finding]:
    codes: dict[str, int] = {}
    for table in doc.tables_of("income"):
        for row in table.rows:
            code = row.unit_code or ""
            functional = code.startswith("2") and len(code) in (3, 5, 7)
            if code and not functional and not (row.unit_name or row.name).endswith("支出"):
                codes.setdefault(code, row.line)
    if len(codes) < 2 or not statements:
        return
    shortest = min(len(c) for c in codes)
    units = {c: line for c, line in codes.items() if len(c) > shortest}
    stated = max(value for value, _ in statements)
    if units and len(units) != stated + 1:
        text = (f"情况说明写下属单位 {stated:g} 个（连同本级 {stated + 1:g} 个），"
                f"收入总表只列 {len(units)} 个单位")
        locations = [loc for _, f in statements for loc in _statement_locations(f)]
        locations += [Location(line, table="income", code=code) for code, line in units.items()]
        yield make_finding("NARRATIVE.UNITS", locations,
                           {"stated": stated + 1, "tables": len(units)}, **finding_args(text, text))


def _statement_locations(fact: Fact) -> list[Location]:
    """A count's line; for a list of units, its opening line and the line of every name."""
    listed = [line for line in fact.extra.get("lines", []) if line != fact.line]
    return [fact_location(fact)] + [fact_location(fact, line) for line in listed]


_COUNT_UNIT = r"(台（套）|台\(套\)|台|辆|套|家|项|人(?!次)|名|处|所|户|个(?![人月])|人次)"
# '单位价值50万元以上设备8台，其中，单位价值100万元以上设备15台'
_WHOLE_THEN_PART = regexes.compile(rf"(?<![\d.])(\d+)\s*{_COUNT_UNIT}\s*[，,]\s*其中\s*[，,：:]?")
_CLAUSE_END = regexes.compile(r"[；;。]")
_COMPARED = regexes.compile(r"比上年|较上年|增加|减少|增长|下降|同比|相比")


@rule("NARRATIVE.COUNT_PART", category="arithmetic", severity="warning",
      title_zh="“其中”所列件数不多于总数",
      title_en="A count given after 其中 is not larger than its whole")
def count_part_within_whole(doc: Document) -> Iterator[Finding]:
    """A count followed by 其中 ('设备8台，其中，…设备15台'): the first count of the same kind
    after it is a part of it and not larger. A change ('比上年减少2人，其中…') is no whole.

    Passes: 单位价值50万元以上设备8台，其中，单位价值100万元以上设备5台。
    Fails:  单位价值50万元以上设备8台，其中，单位价值100万元以上设备15台。
    """
    for paragraph in paragraphs(doc):
        text = paragraph.text
        for whole in _WHOLE_THEN_PART.finditer(text):
            clause_start = max(text.rfind(ch, 0, whole.start()) for ch in "，,；;。") + 1
            if _COMPARED.search(text[clause_start:whole.start()]):
                continue
            end = _CLAUSE_END.search(text, whole.end())
            rest = text[whole.end():end.start() if end else len(text)]
            unit = whole.group(2)
            part = next((m for m in regexes.finditer(rf"(?<![\d.])(\d+)\s*{_COUNT_UNIT}", rest)
                         if m.group(2) == unit), None)
            if part is None or int(part.group(1)) <= int(whole.group(1)):
                continue
            at = whole.end() + part.start()
            words = text[clause_start:whole.end() + part.end()]
            text_zh = (f"“{words}”：其中所列 {part.group(1)}{unit} 多于总数 "
                       f"{whole.group(1)}{unit}")
            text_en = (f"{part.group(1)} given after 其中 is more than the whole "
                       f"{whole.group(1)} before it")
            lines = [paragraph.line_at(whole.start()), paragraph.line_at(at)]
            yield make_finding("NARRATIVE.COUNT_PART",
                               [Location(line) for line in dict.fromkeys(lines)],
                               {"reported": int(part.group(1)), "computed": int(whole.group(1))},
                               **finding_args(text_zh, text_en))


# '本部门在部门决算中反映机场入境人员核酸检测费用等82个一级项目的绩效自评结果'
_SELF_EVAL_COUNT = regexes.compile(r"反映[^。；;]{0,60}?(\d+)\s*个\s*(一级|二级)?\s*项目的?\s*(?:绩效)?自评结果")


@rule("NARRATIVE.SELF_EVAL_COUNT", category="narrative_vs_table", severity="warning",
      title_zh="反映绩效自评结果的项目个数前后一致",
      title_en="The number of projects whose self-evaluation is reported agrees throughout")
def self_evaluation_counts(doc: Document) -> Iterator[Finding]:
    """'在部门决算中反映…等N个一级项目的绩效自评结果', said twice, gives one N.

    Passes: 本部门在部门决算中反映甲项目等87个一级项目的绩效自评结果。……反映乙项目等87个一级项目的绩效自评结果。
    Fails:  本部门在部门决算中反映甲项目等82个一级项目的绩效自评结果。……反映乙项目等87个一级项目的绩效自评结果。
    """
    stated: dict[str, list[tuple[int, int]]] = {}
    for paragraph in paragraphs(doc):
        compact = "".join(paragraph.text.split())
        matches = list(_SELF_EVAL_COUNT.finditer(compact))
        at = [i for i, ch in enumerate(paragraph.text) if not ch.isspace()] if matches else []
        for match in matches:
            stated.setdefault(match.group(2) or "", []).append(
                (int(match.group(1)), paragraph.line_at(at[match.start(1)])))
    for level, counts in stated.items():
        if len({count for count, _ in counts}) < 2:
            continue
        said = "；".join(f"一处写 {count} 个" for count, _ in counts)
        text = f"反映绩效自评结果的{level}项目个数前后不一：{said}"
        text_en = "the number of projects whose self-evaluation is reported differs: " + ", ".join(
            str(count) for count, _ in counts)
        yield make_finding("NARRATIVE.SELF_EVAL_COUNT", [Location(line) for _, line in counts],
                           {"counts": [count for count, _ in counts]},
                           **finding_args(text, text_en))


# '关停企业困难补助预算600万元，实际支出600万元…。用于：工改办负责的企业22家，资金420.8万元；…'
_BUDGETED = regexes.compile(r"(?:^|[。；;：:])(?P<name>[^，,。；;：:、“”]{4,30}?)(?:项目)?(?:年初)?预算(?:到位|数)?"
                       r"(?:为|是)?\s*[\d,]+(?:\.\d+)?\s*万?元")
_BREAKDOWN = regexes.compile(r"(?:用于|其中)[：:]?")
_COUNTED = regexes.compile(r"(?<![\d.])(?P<count>\d+)\s*(?P<measure>家|个|人|名|所)(?![次\d])")
_NOUN = regexes.compile(r"[\u4e00-\u9fff]{2}")
_PART_MONEY = regexes.compile(r"(?:资金|金额|补助)\s*(\d[\d,]*(?:\.\d+)?)\s*万元")
_ROUGH_BEFORE = regexes.compile(r"(?:约|近|逾|超过|不少于|不低于|达到|≥|>|＞)$")
_ROUGH_AFTER = regexes.compile(r"^(?:余|多|以上|左右)")
_ENUMERATOR = regexes.compile(r"^(?:其中)?(?:[①-⑳]|\d{1,2}[、.．]|[（(][\d一二三四五六七八九十]{1,3}[)）])?")
_NAME_GAP = 12  # what may stand between a project's name and its count: 资金, 专项资金发放已覆盖
# another time than the project's year: '…资金2024年覆盖企业', '…上年覆盖', '…累计覆盖'
_OTHER_TIME = regexes.compile(r"\d|上年|去年|历年|累计|年均")
SHORTEST_NAME = 4  # a project's name to look for elsewhere: not a word like 补助


@dataclass(slots=True)
class _Count:
    """'企业22家' or '10家企业': how many, the two characters before and after (the noun is
    the one the counts around it share), and where in the paragraph."""

    value: int
    nouns: tuple[str, ...]
    measure: str
    start: int
    words: str = ""  # for a count stated of a project: the words from its name to the count


def _counts(text: str, start: int, end: int) -> list[_Count]:
    """The counts of text[start:end] with the words either side; an approximate one (约, 余,
    以上) is left out."""
    out = []
    for match in _COUNTED.finditer(text, start, end):
        before = text[max(start, match.start() - 2):match.start()]
        after = text[match.end():min(end, match.end() + 2)]
        rough = _ROUGH_BEFORE.search(text[max(start, match.start() - 4):match.start()]) or \
            _ROUGH_AFTER.search(text[match.end():match.end() + 2])
        nouns = (before, after)
        if not rough:
            out.append(_Count(int(match.group("count")), nouns, match.group("measure"),
                              match.start()))
    return out


@dataclass(slots=True)
class _Breakdown:
    """A project's list of parts, each a count of one noun and measure ('企业22家', '企业4家')."""

    name: str
    noun: str
    measure: str
    parts: list[_Count]
    money: list[str]  # each part's 资金 (万元), when every part gives one
    lines: list[int]
    span: tuple[int, int]  # the sentence of the project and its list, in the paragraph


def _shared_noun(counts: list[_Count]) -> str | None:
    """The noun every count names: the one after them ('10家企业'), else the one before
    ('企业22家'), when all of them print it there."""
    for side in (1, 0):
        words = {c.nouns[side] for c in counts}
        if len(words) == 1 and _NOUN.fullmatch(next(iter(words))):
            return next(iter(words))
    return None


def _breakdowns(text: str, at: Callable[[int], int]) -> list[_Breakdown]:
    """'X预算…万元…。用于：A负责的企业22家，…；B负责的企业4家…。': per project named before
    its budget, the counts listed after 用于 (after 其中 when the list opens with its whole)."""
    projects = list(_BUDGETED.finditer(text))
    out = []
    for k, project in enumerate(projects):
        end = projects[k + 1].start() + 1 if k + 1 < len(projects) else len(text)
        opens = _BREAKDOWN.search(text, project.end(), end)
        name = _ENUMERATOR.sub("", project.group("name"))
        if opens is None or len(name) < SHORTEST_NAME:
            continue
        close = text.find("。", opens.end(), end)
        close = end if close < 0 else close
        within = text.rfind("其中", opens.end(), close)
        first = within + 2 if within >= 0 else opens.end()
        counts = _counts(text, first, close)
        for measure in dict.fromkeys(c.measure for c in counts):
            parts = [c for c in counts if c.measure == measure]
            noun = _shared_noun(parts) if len(parts) >= 2 else None
            if noun is None:
                continue
            out.append(_Breakdown(name, noun, measure, parts,
                                  _part_money(text, parts, close),
                                  [at(c.start) for c in parts], (project.start(), close)))
    return out


def _part_money(text: str, parts: list[_Count], close: int) -> list[str]:
    """Each part's '资金420.8万元' (between it and the next part), when every part has one."""
    money = []
    for k, part in enumerate(parts):
        stop = parts[k + 1].start if k + 1 < len(parts) else close
        found = _PART_MONEY.findall(text, part.start, stop)
        if len(found) != 1:
            return []
        money.append(found[0])
    return money


@rule("NARRATIVE.COUNT_BREAKDOWN", category="arithmetic", severity="warning",
      title_zh="分项所列个数之和与另处所写个数一致",
      title_en="Counts listed by part add up to the count stated elsewhere")
def count_breakdowns(doc: Document) -> Iterator[Finding]:
    """A project whose use is listed by part ('关停企业困难补助预算600万元…用于：A负责的企业22家，
    …；B负责的企业4家…') covers as many as the parts add up to, where the document names that
    project again with a count of the same thing ('关停企业困难补助资金覆盖企业41家').
    Not judged: a part without the noun the others carry, an approximate count (约, 余, 以上).

    Passes: 甲补助预算60万元。用于：A负责的企业22家；B负责的企业4家。……甲补助资金覆盖企业26家。
    Fails:  甲补助预算60万元。用于：A负责的企业22家；B负责的企业4家。……甲补助资金覆盖企业27家。
    """
    texts = [("".join(paragraph.text.split()), _line_of_compact(paragraph))
             for paragraph in paragraphs(doc)]
    for index, (text, at) in enumerate(texts):
        for breakdown in _breakdowns(text, at):
            stated = [(count, where) for other, (words, where) in enumerate(texts)
                      for count in _stated_counts(words, breakdown,
                                                  breakdown.span if other == index else None)]
            yield from _breakdown_finding(breakdown, stated)


def _line_of_compact(paragraph: Paragraph) -> Callable[[int], int]:
    """The line of the character at an index of the paragraph's text without its blanks (the
    characters' places worked out when first asked: most paragraphs never are)."""
    kept: list[int] = []

    def at(index: int) -> int:
        if not kept:
            kept.extend(i for i, ch in enumerate(paragraph.text) if not ch.isspace())
        return paragraph.line_at(kept[min(index, len(kept) - 1)])
    return at


def _stated_counts(text: str, breakdown: _Breakdown, skip: tuple[int, int] | None
                   ) -> list[_Count]:
    """Counts of the breakdown's noun and measure in the clause right after its project's name
    ('关停企业困难补助资金覆盖企业41家'), outside the project's own sentence."""
    out = []
    start = text.find(breakdown.name)
    while start >= 0:
        end = start + len(breakdown.name)
        if skip is None or not skip[0] <= start < skip[1]:
            clause = regexes.search(r"[，,。；;]", text[end:])
            stop = end + clause.start() if clause else len(text)
            for count in _counts(text, end, stop):
                between = text[end:count.start]
                if count.measure == breakdown.measure and breakdown.noun in count.nouns \
                        and len(between) <= _NAME_GAP and not _OTHER_TIME.search(between):
                    close = _COUNTED.match(text, count.start)
                    count.words = text[start:close.end() if close else stop]
                    out.append(count)
        start = text.find(breakdown.name, end)
    return out


def _breakdown_finding(breakdown: _Breakdown, stated: list[tuple[_Count, Callable[[int], int]]]
                       ) -> Iterator[Finding]:
    total = sum(part.value for part in breakdown.parts)
    other = [(count, at) for count, at in stated if count.value != total]
    if not other:
        return
    unit = breakdown.measure
    parts = " + ".join(str(p.value) for p in breakdown.parts)
    money = ""
    if breakdown.money:
        whole = sum(float(m.replace(",", "")) for m in breakdown.money)
        money = f"（资金 {' + '.join(breakdown.money)} = {fmt(whole)} 万元）"
    said = "、".join(dict.fromkeys(f"“{c.words}”" for c, _ in other))
    text = (f"“{breakdown.name}”分项所列{breakdown.noun} {parts} = {total}{unit}{money}，"
            f"另处写{said}")
    counted = ", ".join(dict.fromkeys(str(c.value) for c, _ in other))
    text_en = (f"{breakdown.name}: the parts list {parts} = {total}, elsewhere the project "
               f"covers {counted}")
    lines = [*breakdown.lines, *(at(count.start) for count, at in other)]
    yield make_finding("NARRATIVE.COUNT_BREAKDOWN", [Location(line) for line in dict.fromkeys(lines)],
                       {"parts": [p.value for p in breakdown.parts], "computed": total,
                        "reported": other[0][0].value}, **finding_args(text, text_en))
