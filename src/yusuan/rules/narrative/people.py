"""Staffing counts, unit composition and other counts stated in the narrative."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from yusuan.model import Document, Fact, Finding, Location
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
_WHOLE_THEN_PART = re.compile(rf"(?<![\d.])(\d+)\s*{_COUNT_UNIT}\s*[，,]\s*其中\s*[，,：:]?")
_CLAUSE_END = re.compile(r"[；;。]")
_COMPARED = re.compile(r"比上年|较上年|增加|减少|增长|下降|同比|相比")


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
            part = next((m for m in re.finditer(rf"(?<![\d.])(\d+)\s*{_COUNT_UNIT}", rest)
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
_SELF_EVAL_COUNT = re.compile(r"反映[^。；;]{0,60}?(\d+)\s*个\s*(一级|二级)?\s*项目的?\s*(?:绩效)?自评结果")


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
