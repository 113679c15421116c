"""Budget-unit codes and names agree across tables."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location
from yusuan.recognise.narrative.people import unit_roster
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import compact_name
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.engine.printed import table_title
from yusuan.rules.tables.naming import cut_short

register_messages({
    "CROSS.UNIT": {
        "zh": "单位“{name}”的编码不一致：{codes}",
        "en": "Unit {name} has different codes: {codes}",
    },
    "CROSS.UNIT_NAME": {
        "zh": "单位编码 {code} 的名称不一致：{names}",
        "en": "Unit code {code} has different names: {names}",
    },
    "CROSS.UNIT_LISTED": {
        "zh": "单位名称前后不一：单位构成列为“{listed}”，{tables}作“{printed}”（{how}“{extra}”）",
        "en": "Unit name differs: the unit list gives {listed}, the tables {printed}",
    },
})

_UNIT = regexes.compile(r"\[(\d{3,})\]\s*([^\[,，;；]+)")
_CHINESE = regexes.compile(r"[\u4e00-\u9fff]")
UnitSeen = tuple[str, str, Location]  # code, name, where


_YEAR = regexes.compile(r"^(19|20)\d{2}$")


def is_unit(code: str, name: str) -> bool:
    """A budget unit: a code of 3-9 digits and a Chinese name (not a project code, nor the year
    that opens a project's name: "2026 信访专项经费")."""
    return 3 <= len(code) <= 9 and bool(_CHINESE.search(name)) and not _YEAR.match(code)


def units_seen(doc: Document) -> list[UnitSeen]:
    """Every (unit code, unit name) pair printed in a table header or a unit row."""
    seen: list[UnitSeen] = []
    for table in doc.tables:
        if table.budget_unit:
            line = table.budget_unit_line or table.unit_line or table.lines[0]
            for code, name in _UNIT.findall(table.budget_unit):
                if not is_unit(code, name):
                    continue
                seen.append((code, compact_name(name),
                             Location(line, table=table.kind, code=code, name=name.strip())))
        for row in table.rows:
            if row.unit_code and row.unit_name and is_unit(row.unit_code, row.unit_name):
                seen.append((row.unit_code, compact_name(row.unit_name),
                             Location(row.extra.get("name_line", row.line), table=table.kind,
                                      code=row.unit_code,
                                      name=row.unit_name)))
    return seen


def same_unit(a: str, b: str) -> bool:
    """Names of one unit: equal, or one is the other with a prefix (武汉市…)."""
    return a == b or (min(len(a), len(b)) >= 4 and (a.endswith(b) or b.endswith(a)))


def _minority_first(groups: dict[str, list[Location]]) -> list[Location]:
    ordered = sorted(groups.values(), key=len)
    return [loc for locs in ordered for loc in locs]


@rule("CROSS.UNIT", category="cross_table", severity="warning",
      title_zh="单位编码与名称在各表一致", title_en="Unit codes and names agree across tables",
      rationale="A budget unit has one code and one name in every table that prints it.")
def unit_codes_agree(doc: Document) -> Iterator[Finding]:
    """One unit name ↔ one unit code everywhere.

    Passes: [056002]服务中心 in every header and row.
    Fails:  [056001]服务中心 in one table header, 056002 everywhere else.
    """
    seen = units_seen(doc)
    for name in _distinct_names([name for _, name, _ in seen]):
        by_code: dict[str, list[Location]] = defaultdict(list)
        for code, other, loc in seen:
            if same_unit(name, other) and len(other) <= len(name):
                by_code[code].append(loc)
        if len(by_code) > 1 and _same_level(by_code) \
                and not _cut_short_in_one_table(doc, name, by_code, seen):
            yield make_finding("CROSS.UNIT", _minority_first(by_code),
                               name=name, codes="、".join(sorted(by_code)))
    yield from _names_per_code(seen)


def _cut_short_in_one_table(doc: Document, name: str, by_code: dict[str, list[Location]],
                            seen: list[UnitSeen]) -> bool:
    """`name` stands under each of its codes in one table alone, and under each it is the
    start of a longer name printed elsewhere with that code: that table's narrow cells cut two
    units' names to their common start (中共某市委 for 中共某市委宣传部 and 中共某市委理论讲师团),
    not one unit under two codes. The same short name under two codes in two tables is left
    to accuse (某局 with 101001 in one and 101002 in another: a code printed wrong)."""
    tables = {id(table) for locations in by_code.values() for location in locations
              for table in doc.tables if table.lines[0] <= location.line <= table.lines[1]}
    return len(tables) == 1 and all(
        any(other_code == code and cut_short(name, other) for other_code, other, _ in seen)
        for code in by_code)


def _same_level(by_code: dict[str, list[Location]]) -> bool:
    return len({len(code) for code in by_code}) == 1


def _names_per_code(seen: list[UnitSeen]) -> Iterator[Finding]:
    by_code: dict[str, dict[str, list[Location]]] = defaultdict(lambda: defaultdict(list))
    for code, name, loc in seen:
        by_code[code][name].append(loc)
    for code, names in by_code.items():
        distinct = _distinct_names(list(names))
        if len(distinct) > 1:
            # a name cut short by a narrow cell (…发展服务 for …发展服务中心): not two names
            cut = all(cut_short(name, distinct[0]) for name in distinct[1:])
            yield make_finding("CROSS.UNIT", _minority_first(names),
                               severity="info" if cut else "warning",
                               category="naming", message_id="CROSS.UNIT_NAME", code=code,
                               names="、".join(distinct))


def _distinct_names(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in sorted(set(names), key=len, reverse=True):
        if not any(same_unit(name, kept) for kept in out):
            out.append(name)
    return out


SHORTEST_SIDE = 2  # an insertion keeps at least this many characters of the name on each side
_NOT_A_NAME_PART = regexes.compile(r"[()（）]|本级|机关")


def inserted(short: str, long: str) -> str | None:
    """What `long` has inside `short` (中共某市委讲师团 → 中共某市委理论讲师团: 理论): the
    characters put between a start and an end both names share, each of two characters or
    more. A name longer at its start (a prefix: the city) or its end (本级, cut by a cell) is
    not one of these; nor is a bracket, 本级 or 机关 put in."""
    if len(long) <= len(short):
        return None
    head = 0
    while head < len(short) and short[head] == long[head]:
        head += 1
    tail = len(short) - head
    if head < SHORTEST_SIDE or tail < SHORTEST_SIDE or not long.endswith(short[head:]):
        return None
    extra = long[head:len(long) - tail]
    return None if _NOT_A_NAME_PART.search(extra) else extra


def _listed_units(doc: Document) -> list[tuple[str, int]]:
    """The units the document lists as its composition: a 序号 | 单位名称 grid, or a numbered
    list after '…单位包括：'."""
    listed = unit_roster(doc.source.lines)
    for fact in doc.facts:
        if fact.concept == "unit_list":
            listed += list(zip(fact.extra.get("names", []), fact.extra.get("lines", []),
                               strict=False))
    return [(compact_name(name).strip("。；;，,"), line) for name, line in listed]


@rule("CROSS.UNIT_LISTED", category="naming", severity="warning", words=True,
      title_zh="单位构成所列单位名称与表格一致",
      title_en="A listed unit has the name the tables print")
def listed_names_in_tables(doc: Document) -> Iterator[Finding]:
    """A unit of the unit list is printed in the tables under the same name, not with words
    put inside it.

    Passes: 单位构成列“中共某市委讲师团”，收入总表 201002 中共某市委讲师团.
    Fails:  单位构成列“中共某市委讲师团”，收入总表 201002 中共某市委理论讲师团.
    Not compared: a name longer at its start or end (the city, 本级, a name cut by its cell).
    """
    listed = _listed_units(doc)
    seen = units_seen(doc)
    if not listed or not seen:
        return
    printed: dict[str, list[Location]] = defaultdict(list)
    for _, name, loc in seen:
        printed[name].append(loc)
    names = {name for name, _ in listed}
    for name, line in listed:
        if name in printed:
            continue
        for other, locs in printed.items():
            if other in names:
                continue
            longer, shorter = (other, name) if len(other) > len(name) else (name, other)
            extra = inserted(shorter, longer)
            if extra is None:
                continue
            tables = "、".join(dict.fromkeys(table_title(doc, loc.table) for loc in locs
                                             if loc.table))
            yield make_finding("CROSS.UNIT_LISTED", [Location(line, name=name), *locs],
                               listed=name, printed=other, tables=tables or "表格",
                               how="多" if longer == other else "少", extra=extra)
            break
