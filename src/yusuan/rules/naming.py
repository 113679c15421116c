"""Classification codes: the right length for their level, one name in every table, and the
name of the year's official list (政府收支分类科目) where `yusuan.codes` knows the code."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from yusuan.model import Document, Finding, Location, Table, TableRow
from yusuan.rules.common import (
    FUNCTIONAL_LEVELS,
    coded_rows,
    compact_name,
    is_economic,
    is_functional,
)
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.messages import register_messages

register_messages({
    "CODE.LENGTH": {"zh": "科目编码 {code}（{name}）长度 {length} 不是类/款/项的长度",
                    "en": "Code {code} ({name}) has length {length}, not a class/section/item"},
    "CODE.NAME": {"zh": "科目 {code} 在各表名称不一致：{names}",
                  "en": "Code {code} has different names: {names}"},
    "CODE.OFFICIAL": {"zh": "科目 {code} 名称“{name}”与{year}年政府收支分类科目“{official}”不符",
                      "en": "Code {code} is named {name}; the {year} classification says "
                            "{official}"},
    "CODE.UNKNOWN": {"zh": "科目 {code}（{name}）不在{year}年政府收支分类科目中",
                     "en": "Code {code} ({name}) is not in the {year} classification"},
})

ECONOMIC_LENGTHS = (3, 5)
Lookup = Callable[[str, int], Any]


def code_list() -> tuple[Lookup, Callable[[Any, str], bool]] | None:
    """`yusuan.codes.lookup` and `name_matches` when that package is installed."""
    try:
        from yusuan.codes import lookup, name_matches  # type: ignore[attr-defined]
    except ImportError:
        return None
    return lookup, name_matches


def classified_rows(doc: Document) -> Iterator[tuple[Table, TableRow]]:
    for table in doc.tables:
        for row in coded_rows(table):
            if is_functional(row.code) or is_economic(row.code):
                yield table, row


def where(table: Table, row: TableRow) -> Location:
    return Location(row.line, table=table.kind, code=row.code, name=row.name, page=row.page)


@rule("CODE.LENGTH", category="classification", severity="warning",
      title_zh="科目编码长度与级次相符", title_en="Code length matches its level",
      rationale="Functional codes have 3 (类), 5 (款) or 7 (项) digits; economic codes 3 or 5.")
def code_length(doc: Document) -> Iterator[Finding]:
    """Functional codes are 3/5/7 digits long, economic codes 3/5.

    Passes: 2080505.  Fails: 208055.
    """
    for table, row in classified_rows(doc):
        code = row.code or ""
        lengths = tuple(FUNCTIONAL_LEVELS) if is_functional(code) else ECONOMIC_LENGTHS
        if len(code) not in lengths:
            yield make_finding("CODE.LENGTH", [where(table, row)], code=code, name=row.name,
                               length=len(code))


def names_by_code(doc: Document) -> dict[str, dict[str, list[Location]]]:
    names: dict[str, dict[str, list[Location]]] = defaultdict(lambda: defaultdict(list))
    for table, row in classified_rows(doc):
        if row.name:
            names[row.code or ""][compact_name(row.name)].append(where(table, row))
    return names


@rule("CODE.NAME", category="naming", severity="warning",
      title_zh="同一科目在各表名称一致", title_en="A code has one name in every table",
      rationale="The same code is printed with the same name everywhere; 项 of the same name "
                "under different 款 (2101502 and 2130502) are different codes and are not "
                "compared.")
def one_name_per_code(doc: Document) -> Iterator[Finding]:
    """The same code carries the same name in every table.

    Passes: 210 卫生健康支出 in every table.  Fails: 210 医疗健康支出 in one table.
    """
    official = code_list()
    for code, names in names_by_code(doc).items():
        if len(names) < 2:
            continue
        ordered = sorted(names.items(), key=lambda item: (_is_official(official, doc, code,
                                                                      item[0]), len(item[1])))
        locations = [loc for _, locs in ordered for loc in locs]
        yield make_finding("CODE.NAME", locations, code=code,
                           names="、".join(name for name, _ in ordered))


def _is_official(official: tuple[Lookup, Callable[[Any, str], bool]] | None, doc: Document,
                 code: str, name: str) -> bool:
    if official is None or doc.year is None:
        return False
    entry = official[0](code, doc.year)
    return bool(entry) and official[1](entry, name)


@rule("CODE.OFFICIAL", category="naming", severity="warning",
      title_zh="科目名称与政府收支分类科目一致", title_en="Names match the official list",
      rationale="Names are checked against the year's 政府收支分类科目; an old name is an alias "
                "(accepted), a wrong one is a finding; a code the list does not know is info.")
def official_names(doc: Document) -> Iterator[Finding]:
    """Each coded line's name matches the official list for the document's year.

    Passes: 2101501 行政运行.  Fails: 210 医疗健康支出 (official: 卫生健康支出).
    """
    official = code_list()
    if official is None or doc.year is None:
        return
    lookup, matches = official
    for code, names in names_by_code(doc).items():
        entry = lookup(code, doc.year)
        for name, locations in names.items():
            if entry is None:
                yield make_finding("CODE.OFFICIAL", locations, severity="info",
                                   message_id="CODE.UNKNOWN", code=code, name=name,
                                   year=doc.year)
            elif not matches(entry, name):
                yield make_finding("CODE.OFFICIAL", locations, code=code, name=name,
                                   year=doc.year, official=getattr(entry, "name", ""))
