"""The 类/款/项 lines of the narrative against the functional tables: one line naming several
项 ("行政单位医疗、公务员医疗补助（项）") is the sum of their rows, and a 项 the narrative
names must belong to a 类 the tables carry."""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan import regexes
from yusuan.codes import ECONOMIC
from yusuan.codes.slips import known_codes, slip_of
from yusuan.model import Document, Fact, Finding, Location, Table, TableRow
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import lines_in_tables
from yusuan.rules.engine.tolerance import Interval
from yusuan.rules.narrative.common import (
    fact_location,
    finding_args,
    fmt,
    in_unit,
    narrative_facts,
    table_value,
)

FUNCTIONAL_KINDS = ("general_budget_expenditure", "expenditure")


def _plain(name: str) -> str:
    return "".join(name.split()).replace("（", "(").replace("）", ")")


def _tables(doc: Document, fact: Fact) -> list[Table]:
    kinds = FUNCTIONAL_KINDS if fact.extra.get("scope") != "department" else FUNCTIONAL_KINDS[::-1]
    return [t for kind in kinds for t in doc.tables_of(kind) if any(r.code for r in t.rows)]


def _item_rows(table: Table, fact: Fact) -> list[TableRow] | None:
    """The 7-digit rows of every 项 the fact names (under its 类, and its 款 when found)."""
    prefix = str(fact.extra.get("class_code") or "")
    kuan = _plain(str(fact.extra.get("kuan") or ""))
    kuan_rows = [r for r in table.rows if r.code and len(r.code) == 5 and r.code.startswith(prefix)
                 and kuan and _plain(r.name) == kuan]
    if len(kuan_rows) == 1 and kuan_rows[0].code:
        prefix = kuan_rows[0].code
    rows = []
    for item in fact.extra.get("items") or []:
        found = [r for r in table.rows if r.code and len(r.code) == 7
                 and r.code.startswith(prefix) and _plain(r.name) == _plain(item)]
        if len(found) != 1:
            return None
        rows.append(found[0])
    return rows


@rule("NARRATIVE.ITEMS", category="narrative_vs_table", severity="warning",
      title_zh="列出多个项的金额等于这些项之和",
      title_en="A figure for several named 项 equals the sum of their rows")
def several_items_add_up(doc: Document) -> Iterator[Finding]:
    """A figure given for several 项 on one line equals the sum of those 项 rows in the tables.

    Passes: 2101101 10.00, 2101102 20.00; “行政单位医疗、事业单位医疗（项）支出决算为 30.00 万元”.
    Fails:  2101101 10.00, 2101102 20.00; “行政单位医疗、事业单位医疗（项）支出决算为 20.00 万元”.
    """
    for fact in narrative_facts(doc, "functional_item"):
        if fact.value is None or len(fact.extra.get("items") or []) < 2:
            continue
        for table in _tables(doc, fact):
            rows = _item_rows(table, fact)
            if rows is not None:
                finding = _sum_finding(doc, fact, table, rows)
                if finding is not None:
                    yield finding
                break


def _sum_finding(doc: Document, fact: Fact, table: Table, rows: list[TableRow]) -> Finding | None:
    cells = [(row, table_value(table, row)) for row in rows]
    if any(cell is None for _, cell in cells):
        return None
    unit = table.unit or doc.unit or "万元"
    total = sum(cell[1] for _, cell in cells if cell)
    bound = sum(Interval.printed(0, row.decimals.get(cell[0], 2)).high for row, cell in cells if cell)
    shown = in_unit(fact.value or 0.0, fact.unit, unit)
    if Interval.printed(shown, fact.decimals).meets(Interval(total - bound, total + bound)):
        return None
    names = "、".join(f"{row.code} {row.name} {fmt(cell[1])}" for row, cell in cells if cell)
    text = (f"情况说明写 {fact.extra.get('label')} {fmt(fact.value or 0)}，{table.title} 中 {names} "
            f"合计 {fmt(total)}{_equals_parent(table, fact, shown)}")
    text_en = (f"the narrative gives {fmt(fact.value or 0)} for several 项 together; their rows in "
               f"the table add to {fmt(total)}")
    locations = [fact_location(fact)] + [
        Location(row.line_of(cell[0]), table=table.kind, code=row.code, column=cell[0],
                 page=row.page) for row, cell in cells if cell]
    return make_finding("NARRATIVE.ITEMS", locations,
                        {"reported": fact.value, "computed": round(total, 2)},
                        **finding_args(text, text_en))


def _equals_parent(table: Table, fact: Fact, shown: float) -> str:
    """'88.80 is the whole 类 210': the stated figure is a parent row's."""
    prefix = str(fact.extra.get("class_code") or "")
    for row in table.rows:
        if row.code and len(row.code) < 7 and row.code.startswith(prefix):
            cell = table_value(table, row)
            if cell and abs(cell[1] - shown) < 1e-6:
                return f"；所写金额是 {row.code} {row.name} 的数"
    return ""


@rule("NARRATIVE.ITEM_UNKNOWN", category="narrative_vs_table", severity="warning",
      title_zh="情况说明所列科目在表格中存在",
      title_en="A 类/款/项 the narrative describes appears in the tables")
def items_in_tables(doc: Document) -> Iterator[Finding]:
    """A 类/款/项 line of the narrative belongs to a 类 the functional tables carry.

    Passes: “一般公共服务支出（类）…一般行政管理事务（项）10.00 万元”; tables carry 201, 2010302.
    Fails:  the same line while the tables carry only 210 卫生健康支出 rows.
    """
    for fact in narrative_facts(doc, "functional_item"):
        prefix = str(fact.extra.get("class_code") or "")
        if not prefix or not fact.extra.get("items"):
            continue
        tables = _tables(doc, fact)
        if not tables or any(r.code and r.code.startswith(prefix) for t in tables for r in t.rows):
            continue
        text = (f"情况说明列出 {fact.extra.get('label')}，表格中没有 {prefix} "
                f"{fact.extra.get('class')} 下的任何科目{_empty_rate(fact)}")
        text_en = (f"the narrative describes {fact.extra.get('label')}, but no table carries any "
                   f"subject of class {prefix}")
        yield make_finding("NARRATIVE.ITEM_UNKNOWN", [fact_location(fact)],
                           {"class_code": prefix}, **finding_args(text, text_en))


def _empty_rate(fact: Fact) -> str:
    extra = fact.extra
    if extra.get("budget") == 0 and extra.get("execution_rate"):
        return f"；年初预算为 0，“完成年初预算的 {fmt(extra['execution_rate'])}%”无从计算"
    return ""


# "人员经费 7967.72 万元，主要包括：基本工资、津贴补贴、…" — the list up to the sentence's end
_PERSONNEL_LIST = regexes.compile(r"人员经费[^，。；]{0,12}?[\d,.]+\s*万?元[，,]?\s*(?:主要)?(?:包括|用于)[:：]?([^。；]+)")
_LIST_END = regexes.compile(r"[等]?(?:支出)?$")


def listed_personnel_items(fact: Fact) -> list[str]:
    """The economic items a 人员经费 sentence lists ("主要包括：基本工资、津贴补贴、…")."""
    match = _PERSONNEL_LIST.search("".join(fact.text.split()))
    if match is None:
        return []
    names = [n.strip() for n in regexes.split(r"[、，,和及]", match.group(1)) if n.strip()]
    return [_LIST_END.sub("", n) if n.endswith("等") else n for n in names]


def _zero_rows(table: Table, names: list[str]) -> list[TableRow]:
    """The 款 rows of the table named in `names` that print no money (blank or 0)."""
    wanted = {_plain(n) for n in names}
    found = []
    for row in table.rows:
        if row.code and len(row.code) == 5 and row.code[:3] in ("301", "303") \
                and _plain(row.name) in wanted and not any(v for v in row.values.values()):
            found.append(row)
    return found


LIST_LINES = 12  # how far a listing sentence runs below its first line


def _naming_lines(doc: Document, fact: Fact, names: list[str]) -> list[int]:
    """The lines of the listing sentence that print each name (a name wrapped over two lines
    is cited by the fact's own line only)."""
    found: list[int] = []
    lines = doc.source.lines
    for name in names:
        plain = _plain(name)
        line = next((n for n in range(fact.line, min(fact.line + LIST_LINES, len(lines)) + 1)
                     if plain in _plain(lines[n - 1].text)), None)
        if line is not None and line != fact.line and line not in found:
            found.append(line)
    return sorted(found)


@rule("NARRATIVE.PERSONNEL_ITEMS", category="narrative_vs_table", severity="warning",
      title_zh="说明列举的人员经费项目在表中有数",
      title_en="The 人员经费 items the narrative lists carry money in the table")
def personnel_items_carry_money(doc: Document) -> Iterator[Finding]:
    """The items a 人员经费 sentence lists ("主要包括：基本工资、津贴补贴、伙食补助费…") are not
    rows the 基本支出表 prints without money (blank or 0.00). Items the table does not print
    are not judged.

    Passes: 30101 基本工资 260.00, 30102 津贴补贴 70.00; “人员经费 330.00 万元，主要包括：基本工资、津贴补贴”.
    Fails:  30101 基本工资 260.00, 30102 津贴补贴 blank; the same sentence.
    """
    tables = [t for t in doc.tables_of("basic_expenditure") if not t.doubts and t.rows]
    if not tables:
        return
    for fact in narrative_facts(doc, "personnel_funds"):
        names = listed_personnel_items(fact)
        rows = _zero_rows(tables[0], names) if len(names) >= 2 else []
        if not rows:
            continue
        table = tables[0]
        listed = "、".join(f"{r.code} {r.name}" for r in rows)
        text = f"情况说明列举的人员经费项目中，{listed} 在{table.title}中没有金额"
        text_en = (f"the narrative lists {len(names)} personnel items; {len(rows)} of them carry "
                   f"no money in the basic spending table")
        said = _naming_lines(doc, fact, [r.name for r in rows])
        locations = [fact_location(fact)] + [fact_location(fact, n) for n in said] + [
            Location(r.line, table=table.kind, code=r.code, page=r.page) for r in rows]
        yield make_finding("NARRATIVE.PERSONNEL_ITEMS", locations, {"items": [r.code for r in rows]},
                           **finding_args(text, text_en))
        return


# "人员经费 4,482.32 万元。主要包括：基本工资、津贴补贴、…、奖励金等。" — the 支出经济分类 names
_FUNDS_LIST = regexes.compile(r"(?P<funds>人员经费|公用经费)[^；\n]{0,30}?(?:主要)?(?:包括|用于|构成)[:：]?"
                         r"(?P<list>(?:[^。；（(\n]|[（(][^）)]{1,3}[）)])+)")  # 维修（护）费 stays
_ITEM_AMOUNT = regexes.compile(r"[\d,.]+\s*(?:万元|元)$")
_ITEM_END = regexes.compile(r"等.*$")
_ITEM_LEAD = regexes.compile(r"^[和及与]")
_LIST_LEAD = regexes.compile(r"^[^、]*(?:[:：，]|包括|用于)")
_PAGE_NUMBER = regexes.compile(r"^[-—－\s]*(?:第\s*)?\d+\s*(?:页)?[-—－\s]*$")
FEWEST_KNOWN = 4  # a list is the classification's when at least this many items are its names


def _narrative_text(doc: Document) -> tuple[str, list[tuple[int, int]]]:
    """The text outside the tables, lines joined (a list wraps), page numbers left out, with the
    offset where each line starts; a table's lines stand as one break."""
    in_table = lines_in_tables(doc)
    text, starts = [], []
    at = 0
    for line in doc.source.lines:
        if line.number in in_table:
            piece = "\n"  # never a page number: that holds a digit
        else:
            piece = "".join(line.text.split())
            if _PAGE_NUMBER.match(piece):
                continue
        starts.append((at, line.number))
        text.append(piece)
        at += len(piece)
    return "".join(text), starts


def _line_at(starts: list[tuple[int, int]], offset: int) -> int:
    return [number for at, number in starts if at <= offset][-1]


def _list_items(match: re.Match[str]) -> list[tuple[str, int]]:
    """The items of a listing with their offsets: amounts, 等 and a leading 和 taken off."""
    listed, at = match["list"], match.start("list")
    lead = _LIST_LEAD.match(listed)  # "1.工资福利支出408.90万元，主要用于：" before the names
    if lead:
        listed, at = listed[lead.end():], at + lead.end()
    items = []
    for raw in listed.split("、"):
        name = _ITEM_LEAD.sub("", _ITEM_AMOUNT.sub("", _ITEM_END.sub("", raw)))
        items.append((name, at))
        at += len(raw) + 1
    return items


def _beside(items: list[tuple[str, int]], index: int) -> str:
    before = items[index - 1][0] if index > 0 else ""
    after = items[index + 1][0] if index + 1 < len(items) else ""
    if before and after:
        return f"{before}与{after}之间"
    return f"{before}之后" if before else f"{after}之前"


def _fits_between(codes: tuple[str, ...], before: tuple[str, ...], after: tuple[str, ...]) -> bool:
    """A code of the expected name lies between a code of the item before and one after."""
    return any((not before or min(before) < code) and (not after or code < max(after))
               for code in codes)


def _odd_item(items: list[tuple[str, int]]) -> tuple[int, str, tuple[str, ...]] | None:
    """The one item that is no name of the list but a slip of the name expected at its place."""
    known = [known_codes(name, ECONOMIC) for name, _ in items]
    odd = [i for i, codes in enumerate(known) if not codes]
    if len(odd) != 1 or len(items) - 1 < FEWEST_KNOWN:
        return None
    index = odd[0]
    slip = slip_of(items[index][0], ECONOMIC)
    if slip is None or any(set(slip[1]) & set(codes) for codes in known):
        return None
    before = known[index - 1] if index > 0 else ()
    after = known[index + 1] if index + 1 < len(known) else ()
    return (index, *slip) if _fits_between(slip[1], before, after) else None


@rule("NARRATIVE.ECON_NAME", category="naming", severity="warning",
      title_zh="说明列举的经济分类科目名称无笔误",
      title_en="The economic items a 人员经费/公用经费 list names are the classification's names")
def listed_items_are_classification_names(doc: Document) -> Iterator[Finding]:
    """A 人员经费/公用经费 list of 支出经济分类 names ("主要包括：基本工资、津贴补贴、奖金…")
    holds no item that is one character off the name expected at its place. Judged only when
    every other item (at least four) is a name the classification has used, the odd one is a
    slip of exactly one name, that name is not listed already, and its code lies between the
    codes of the items beside it.

    Passes: “人员经费主要包括：基本工资、津贴补贴、奖金、绩效工资、住房公积金”.
    Fails:  “人员经费主要包括：基本工资、津贴补贴、资金、绩效工资、住房公积金” (资金 for 30103 奖金).
    """
    text, starts = _narrative_text(doc)
    for match in _FUNDS_LIST.finditer(text):
        items = _list_items(match)
        odd = _odd_item(items)
        if odd is None:
            continue
        index, name, codes = odd
        written, at = items[index]
        text_zh = (f"情况说明列举的{match['funds']}项目中“{written}”不是支出经济分类科目的名称，"
                   f"按列举次序（{_beside(items, index)}）应为 {codes[0]} {name}")
        text_en = (f"the {match['funds']} list names {written}, no economic classification item; "
                   f"at its place the list expects {codes[0]} {name}")
        lines = sorted({_line_at(starts, match.start()), _line_at(starts, at)})
        locations = [Location(n, page=doc.source.lines[n - 1].page) for n in reversed(lines)]
        yield make_finding("NARRATIVE.ECON_NAME", locations, {"code": codes[0]},
                           **finding_args(text_zh, text_en))
