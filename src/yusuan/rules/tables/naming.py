"""Classification codes: the right length for their level, one name in every table, and the
name of the year's official list (政府收支分类科目) where `yusuan.codes` knows the code."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from yusuan import regexes
from yusuan.codes.slips import edit_distance
from yusuan.model import Document, Finding, Location, Table, TableRow
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import (
    FUNCTIONAL_LEVELS,
    coded_rows,
    compact_name,
    is_economic,
    is_functional,
)
from yusuan.rules.engine.messages import register_messages

register_messages({
    "CODE.LENGTH": {"zh": "科目编码 {code}（{name}）长度 {length} 不是类/款/项的长度",
                    "en": "Code {code} ({name}) has length {length}, not a class/section/item"},
    "CODE.NAME": {"zh": "科目 {code} 在各表名称不一致：{names}",
                  "en": "Code {code} has different names: {names}"},
    "CODE.OFFICIAL": {"zh": "科目 {code} 名称“{name}”与{year}年政府收支分类科目“{official}”不符{other}",
                      "en": "Code {code} is named {name}; the {year} classification says "
                            "{official}{other_en}"},
    "CODE.OFFICIAL.MIXED": {
        "zh": "科目 {code} 在各表名称不一致（{names}）：“{name}”与{year}年政府收支分类科目“{official}”不符"
              "{other}",
        "en": "Code {code} has different names ({names}); {name} is not the {year} "
              "classification's {official}{other_en}"},
    "CODE.OFFICIAL.TWICE": {
        "zh": "科目 {code} 在同一表中印了不同名称（{names}）：“{name}”与{year}年政府收支分类科目“{official}”不符"
              "{other}",
        "en": "Code {code} is printed with different names in one table ({names}); {name} is "
              "not the {year} classification's {official}{other_en}"},
    "CODE.UNKNOWN": {"zh": "以下科目不在{year}年政府收支分类科目（内置科目表）中，未核对名称：{codes}",
                     "en": "Not in the built-in {year} classification, names not checked: "
                           "{codes}"},
})

ECONOMIC_LENGTHS = (3, 5, 7)  # 7: a local sub-item of a 款 (3010201 under 30102)
Lookup = Callable[[str, int], Any]
Matcher = Callable[[Any, str], bool]


def code_list() -> tuple[Lookup, Callable[[Any, str], bool]] | None:
    """`yusuan.codes.lookup` and a matcher when that package is installed: a name matches an
    entry when it is the year's name or alias, or a name the code carried in another year."""
    try:
        from yusuan.codes import lookup, name_matches, names_ever, normalise_name
    except ImportError:
        return None

    def matches(entry: Any, name: str) -> bool:
        return name_matches(entry, name) or normalise_name(name) in names_ever(entry.code)

    return lookup, matches


def owned_elsewhere(entry: Any, name: str) -> str:
    """', 物业管理费 is the name of 30209': the name another code of the same list carries."""
    from yusuan.codes import codes_named

    others = [c for c in codes_named(name, getattr(entry, "kind", "")) if c != entry.code]
    return "、".join(others)


# tables whose codes are project or category codes, not 政府收支分类科目
NOT_CLASSIFIED = ("project_expenditure", "project_performance", "dept_performance",
                  "procurement")


def classified_rows(doc: Document) -> Iterator[tuple[Table, TableRow]]:
    for table in doc.tables:
        if table.kind in NOT_CLASSIFIED:
            continue
        for row in coded_rows(table):
            if is_functional(row.code) or is_economic(row.code):
                yield table, row


def where(table: Table, row: TableRow) -> Location:
    return Location(row.line, table=table.kind, code=row.code, name=row.name, page=row.page)


@rule("CODE.LENGTH", category="classification", severity="warning",
      title_zh="科目编码长度与级次相符", title_en="Code length matches its level",
      rationale="Functional codes have 3 (类), 5 (款) or 7 (项) digits; economic codes 3 or 5, "
                "and some provinces print 7-digit sub-items under a 款.")
def code_length(doc: Document) -> Iterator[Finding]:
    """Functional codes are 3/5/7 digits long, economic codes 3/5 (7 for a local sub-item).

    Passes: 2080505, 3010201.  Fails: 208055, 301022.
    """
    for table, row in classified_rows(doc):
        code = row.code or ""
        lengths = tuple(FUNCTIONAL_LEVELS) if is_functional(code) else ECONOMIC_LENGTHS
        if len(code) not in lengths:
            yield make_finding("CODE.LENGTH", [where(table, row)], code=code, name=row.name,
                               length=len(code))


_CJK = regexes.compile(r"[\u4e00-\u9fff]")


def names_by_code(doc: Document) -> dict[str, dict[str, list[Location]]]:
    names: dict[str, dict[str, list[Location]]] = defaultdict(lambda: defaultdict(list))
    for table, row in classified_rows(doc):
        if row.name and _CJK.search(row.name):  # ".799250": a figure split at its point, no name
            names[row.code or ""][compact_name(row.name)].append(where(table, row))
    return names


def _minority_first(names: dict[str, list[Location]]) -> list[tuple[str, list[Location]]]:
    return sorted(names.items(), key=lambda item: len(item[1]))


@rule("CODE.NAME", category="naming", severity="warning",
      title_zh="同一科目在各表名称一致", title_en="A code has one name in every table",
      rationale="The same code is printed with the same name everywhere; 项 of the same name "
                "under different 款 (2101502 and 2130502) are different codes and are not "
                "compared. Codes the official list knows are judged by CODE.OFFICIAL instead.")
def one_name_per_code(doc: Document) -> Iterator[Finding]:
    """The same code, unknown to the official list, carries the same name in every table.

    Passes: 2109999 其他支出 in every table.  Fails: 2109999 其他支出 / 其它支出.
    A name cut short by a narrow cell (其他科技交流与合作支 beside …合作支出) is told at info.
    """
    official = code_list()
    for code, names in names_by_code(doc).items():
        if len(names) < 2 or _entry(official, doc, code) is not None:
            continue
        ordered = _minority_first(names)
        longest = max(names, key=len)
        cut = all(name == longest or cut_short(name, longest) for name in names)
        yield make_finding("CODE.NAME", [loc for _, locs in ordered for loc in locs],
                           severity="info" if cut else None,
                           code=code, names="、".join(name for name, _ in ordered))


def _entry(official: tuple[Lookup, Matcher] | None, doc: Document, code: str) -> Any:
    if official is None or doc.year is None:
        return None
    return official[0](code, doc.year)


@rule("CODE.OFFICIAL", category="naming", severity="warning",
      title_zh="科目名称与政府收支分类科目一致", title_en="Names match the official list",
      rationale="Names are checked against the year's 政府收支分类科目; an old name is an alias "
                "(accepted), a wrong one is a finding (one per code, naming every table); a "
                "mere abbreviation (商品服务支出) or a one-character slip printed the same way "
                "everywhere is info; a code the list does not know is info.")
def official_names(doc: Document) -> Iterator[Finding]:
    """Each coded line's name matches the official list for the document's year.

    Passes: 2101501 行政运行.  Fails: 210 医疗健康支出 (official: 卫生健康支出).
    """
    official = code_list()
    if official is None or doc.year is None:
        return
    unknown: list[tuple[str, str, list[Location]]] = []
    for code, names in names_by_code(doc).items():
        entry = official[0](code, doc.year)
        if entry is None:
            unknown.extend((code, name, locs) for name, locs in names.items())
            continue
        found = _against_list(doc, code, names, entry, official[1])
        if found:
            yield found
    if unknown:
        yield make_finding("CODE.OFFICIAL", [loc for _, _, locs in unknown for loc in locs],
                           severity="info", message_id="CODE.UNKNOWN",
                           codes="、".join(f"{code} {name}" for code, name, _ in unknown),
                           year=doc.year)


def _against_list(doc: Document, code: str, names: dict[str, list[Location]], entry: Any,
                  matches: Matcher) -> Finding | None:
    wrong = {n: locs for n, locs in names.items() if not matches(entry, n)}
    if not wrong:
        return None
    right = [loc for n, locs in names.items() if n not in wrong for loc in locs]
    official = getattr(entry, "name", "")
    consistent = len(names) == 1
    severity = "info" if all(minor_slip(n, official, consistent) for n in wrong) else None
    ordered = _minority_first(wrong)
    locations = [loc for _, locs in ordered for loc in locs] + right
    message_id = "CODE.OFFICIAL" if consistent else (
        "CODE.OFFICIAL.TWICE" if _one_table(names) else "CODE.OFFICIAL.MIXED")
    others = [(n, owned_elsewhere(entry, n)) for n, _ in ordered]
    other = "".join(f"；“{n}”是科目 {c} 的名称" for n, c in others if c)
    other_en = "".join(f"; {n} is the name of {c}" for n, c in others if c)
    return make_finding("CODE.OFFICIAL", locations, severity=severity, message_id=message_id,
                        code=code, name="、".join(n for n, _ in ordered), year=doc.year,
                        official=official, names="、".join(names), other=other,
                        other_en=other_en)


def _one_table(names: dict[str, list[Location]]) -> bool:
    """Every name of the code stands in one table (30208 取暖费 and 30208 物业管理费, two rows)."""
    return len({loc.table for locs in names.values() for loc in locs}) == 1


QUALIFIER = regexes.compile(r"[（(][^（()）]+[)）]$")
FUNCTION_CHARS = regexes.compile(r"[和的与及、()（）]|支出$")


def minor_slip(name: str, official: str, consistent: bool) -> bool:
    """An abbreviation of the official name (商品服务支出, 对个人和家庭的补助支出), or — when the
    document prints the code the same way everywhere — a one-character slip (灾难/灾害)."""
    name, official = compact_name(name), compact_name(official)  # 维修(护)费 = 维修（护）费
    if FUNCTION_CHARS.sub("", name) == FUNCTION_CHARS.sub("", official):
        return True
    if QUALIFIER.sub("", name) == official:  # 资本金注入（基本建设）: the official name, qualified
        return True
    if cut_short(name, official):
        return True
    return consistent and edit_distance(name, official) <= 1


SHORTEST_CUT = 4  # a name cut by its cell keeps at least this many characters


def cut_short(name: str, full: str) -> bool:
    """The name as a narrow cell prints it: the start of the full name, its end cut off
    (其他社会保障和就业支 for 其他社会保障和就业支出)."""
    return len(name) >= SHORTEST_CUT and len(name) < len(full) and full.startswith(name)
