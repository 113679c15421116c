"""NOTE.SUBJECT: the note under an empty fund table names that fund (a 国有资本经营预算支出表
whose note says 无政府性基金预算 was copied from the table before it).

NOTE.CONTENT: what a note or the narrative says a table holds agrees with the table: "本表无
数据" / "故本表为空表" printed under a table with figures, "本部门无政府性基金预算" or "无“三公”
经费" said of a fund or of 三公 whose table prints money.

NOTE.AGREES: a table's explanation ("本表反映…情况") that says its figure "与《another table》的
“a row”…数一致" is told when the two tables print two different figures."""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location, Table, TableRow
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import Amount, amount, equal_finding, paragraphs
from yusuan.rules.engine.messages import register_messages

register_messages({
    "NOTE.SUBJECT": {
        "zh": "{title}的注写“{note}”，说的是{other}，不是{own}",
        "en": "The note of {title} says {note}: it speaks of {other}, not of {own}",
    },
    "NOTE.AGREES": {
        "zh": "情况说明写{own}{said}与《{other}》的“{row}”一致，而{own}{what} {reported}，"
              "{other}“{row}”为 {computed}，差 {difference}",
        "en": "The narrative says {own} agrees with row {row} of {other}, but {own} prints "
              "{reported} and that row {computed}, difference {difference}",
    },
    "NOTE.CONTENT": {
        "zh": "{said}，而{title}“{row}”印有 {amount}",
        "en": "The document says the table is empty or the money absent, but {title} prints "
              "{amount} on {row}",
    },
})

# a note saying its own table holds nothing
EMPTY_NOTE = regexes.compile(r"本表(?:内容)?(?:无数据|为空表?|无内容)|此表为空|故本表无|以空表列示")
NOTE_LOOK_AFTER = 3
# the whole of a fund or of 三公 said to be absent: 无 / 没有 right before its name, the name
# followed by what it is (预算, 支出, 经费, 收入) and not by a part of it ("三公经费中无…")
SUBJECT_ABSENT = {
    "gov_fund": regexes.compile(r"(?:无|没有)(?:使用)?政府性基金(?:预算)?(?:财政拨款)?(?:收入|支出|收支|预算|安排)"),
    "soe_capital": regexes.compile(r"(?:无|没有)(?:使用)?国有资本经营预算(?:财政拨款)?(?:收入|支出|收支|安排|[，。,；;）)])"),
    "sangong": regexes.compile(r"(?:无|没有)(?:安排)?[“\"]?三公[”\"]?经费(?:支出|预算)?[，。,；;）)]"),
}
SUBJECT_TABLE_NAMES = {"gov_fund": "政府性基金", "soe_capital": "国有资本经营", "sangong": "三公"}


def nonzero_row(table: Table) -> tuple[TableRow, str, float] | None:
    """The first row printing money (not zero) in the table, with its column and amount."""
    for row in table.rows:
        for key, value in row.values.items():
            if value and abs(value) > 1e-9:
                return row, key, value
    return None


def _later_tables(doc: Document, table: Table) -> list[int]:
    return [t.lines[0] for t in doc.tables if t.lines[0] > table.lines[0]]


def _note_line(doc: Document, table: Table, after: int) -> int | None:
    """A line saying the table is empty, printed under its rows (after `after`, the last row
    with money), within the table's lines or just after them, before the next table."""
    stop = min([table.lines[1] + NOTE_LOOK_AFTER + 1, *_later_tables(doc, table)])
    for number in range(after + 1, stop):
        if number > len(doc.source.lines):
            break
        if EMPTY_NOTE.search("".join(doc.source.lines[number - 1].text.split())):
            return number
    return None


def _finding(table: Table, found: tuple[TableRow, str, float], claims: list[tuple[int, str]]
             ) -> Finding:
    row, key, value = found
    (_, said), *others = claims
    also = "等处" if others else ""
    locations = [Location(n) for n, _ in claims]
    locations.append(Location(row.line_of(key), table=table.kind, code=row.code, page=row.page))
    return make_finding("NOTE.CONTENT", locations, {"reported": 0.0, "computed": value},
                        said=f"文中{also}写“{said}”", title=table.title,
                        row=f"{row.code} {row.name}".strip() if row.code else (row.name or "数据行"),
                        amount=f"{value:.{row.decimals.get(key, 2)}f}")


@rule("NOTE.CONTENT", category="missing_content", severity="warning",
      title_zh="空表说明与表中数字一致", title_en="Notes of an empty table agree with its figures")
def notes_agree_with_tables(doc: Document) -> Iterator[Finding]:
    """A note "本表无数据" under a table prints no money in it; a sentence saying the department
    has no 政府性基金 / 国有资本经营预算 / “三公”经费 is not beside such a table with money.

    Passes: 政府性基金预算支出表 with no figures and "注：本部门无政府性基金预算，故本表无数据".
    Fails:  the same note under a 政府性基金预算支出表 whose 合计 is 12.00.
    """
    claims: dict[int, list[tuple[int, str]]] = {}
    money: dict[int, tuple[Table, tuple[TableRow, str, float]]] = {}
    for table in doc.tables:
        found = nonzero_row(table)
        if found is None or table.doubts:
            continue
        money[id(table)] = (table, found)
        last = max(r.line_of(k) for r in table.rows for k in r.values)
        line = _note_line(doc, table, last)
        if line is not None:
            claims.setdefault(id(table), []).append((line, _quote(doc, line, EMPTY_NOTE)))
    for table, found, line, said in _absent_subjects(doc):
        money.setdefault(id(table), (table, found))
        claims.setdefault(id(table), []).append((line, said))
    for key, lines in claims.items():
        table, found = money[key]
        yield _finding(table, found, sorted(lines))


def _quote(doc: Document, line: int, pattern: re.Pattern[str]) -> str:
    """The clause of the line that says it."""
    text = "".join(doc.source.lines[line - 1].text.split())
    match = pattern.search(text)
    if match is None:
        return text[:40]
    start = max(text.rfind(mark, 0, match.start()) for mark in "，：:。；;") + 1
    ends = [i for mark in "，。；;" if (i := text.find(mark, match.end() - 1)) >= 0]
    return text[start:min(ends, default=len(text))]


Money = tuple[TableRow, str, float]


def _absent_subjects(doc: Document) -> Iterator[tuple[Table, Money, int, str]]:
    """Sentences outside the tables saying a fund or 三公 is absent while its table has money:
    (the table, its money, the line, the words)."""
    in_tables = {n for t in doc.tables for n in range(t.lines[0], t.lines[1] + 1)}
    for kind, pattern in SUBJECT_ABSENT.items():
        held = next(((t, found) for t in doc.tables_of(kind)
                     if not t.doubts and (found := nonzero_row(t)) is not None), None)
        if held is None:
            continue
        for line in doc.source.lines:
            if line.number not in in_tables and pattern.search("".join(line.text.split())):
                yield held[0], held[1], line.number, _quote(doc, line.number, pattern)


@rule("NOTE.SUBJECT", category="missing_content", severity="warning",
      title_zh="空表说明针对本表", title_en="An empty table's note speaks of its own table")
def notes_name_their_table(doc: Document) -> Iterator[Finding]:
    """The note saying a 政府性基金 / 国有资本经营 / “三公” table is empty names that subject,
    not only another one (copied from the table before).

    Passes: 国有资本经营预算支出表, 注：本部门无国有资本经营预算财政拨款安排的预算，故本表为空表。
    Fails:  国有资本经营预算支出表, 注：本部门无政府性基金预算财政拨款安排的预算，故本表为空表。
    """
    for table in doc.tables:
        own = SUBJECT_TABLE_NAMES.get(table.kind)
        if own is None or own not in "".join(table.title.split()):
            continue
        line = _note_line(doc, table, table.lines[0])
        if line is None:
            continue
        note = "".join(doc.source.lines[line - 1].text.split())
        others = [name for kind, name in SUBJECT_TABLE_NAMES.items()
                  if kind != table.kind and name in note]
        if others and own not in note:
            yield make_finding("NOTE.SUBJECT", [Location(line)], {"other": others[0]},
                               title=table.title, note=note, other=others[0], own=own)


# "本表反映部门年度一般公共预算机关运行经费支出预算安排情况": the table a paragraph explains
THIS_TABLE = regexes.compile(r"本表(?:[（(][^）)]{0,12}[）)])?反映(?P<what>[^。；;]{4,60})")
# "财政拨款支出安排数与《部门一般公共预算基本支出预算表》的“商品和服务支出”支出数一致"
SAME_AS = regexes.compile(r"(?P<said>[^。；;，,]{0,12}?)(?:应)?与《(?P<table>[^》]{4,40})》的?"
                     r"[“\"](?P<row>[^”\"]{2,20})[”\"][^。；;，,]{0,8}?(?:对应)?(?:一致|相等|相同)")
WHOLE = ("合计", "总计")


def _stem(title: str) -> str:
    """A table's title as a narrative names it: blanks, a leading 部门 and the closing 表 off."""
    text = "".join(title.split())
    return text.removeprefix("部门").removesuffix("表")


def _named(doc: Document, words: str, *, whole: bool) -> Table | None:
    """The one table the words name: its title whole (whole=True: 《部门一般公共预算基本支出预算
    表》), or the longest title within the words ("反映部门年度一般公共预算机关运行经费支出预算安排
    情况"); none when two tables answer."""
    text = "".join(words.split())
    if whole:
        found = [t for t in doc.tables if _stem(t.title) and _stem(t.title) == _stem(text)]
        return found[0] if len(found) == 1 else None
    found = [t for t in doc.tables if len(_stem(t.title)) >= 4 and _stem(t.title) in text]
    longest = max((len(_stem(t.title)) for t in found), default=0)
    found = [t for t in found if len(_stem(t.title)) == longest]
    return found[0] if len(found) == 1 else None


def _whole_amount(doc: Document, table: Table, row: TableRow | None) -> Amount | None:
    """The row's whole amount: its 合计 column, or the one amount column the table prints."""
    if row is None:
        return None
    keys = {k for r in table.rows for k in r.values}
    key = "total" if "total" in row.values else (next(iter(keys)) if len(keys) == 1 else None)
    return amount(doc, table, row, key) if key is not None else None


@rule("NOTE.AGREES", category="narrative_vs_table", severity="warning",
      title_zh="说明所称与另一表某行一致的数确实一致",
      title_en="A table the narrative says agrees with a row of another table does")
def notes_say_tables_agree(doc: Document) -> Iterator[Finding]:
    """The explanation of a table ("本表反映…情况") that says its figure equals a named row of
    another named table: the table's 合计 and that row print one figure (their 合计 column, or
    the one amount column). Only tables read with confidence and in one unit are compared.

    Passes: 机关运行经费支出预算表 合计 1,585.96 and "与《基本支出预算表》的“商品和服务支出”支出数
    一致" with 302 商品和服务支出 1,585.96.
    Fails:  the same sentence with 机关运行经费 合计 5,619.31.
    """
    for paragraph in paragraphs(doc):
        text = paragraph.text
        for this in THIS_TABLE.finditer(text):
            own = _named(doc, this.group("what"), whole=False)
            end = text.find("本表", this.end())
            for claim in SAME_AS.finditer(text, this.end(), end if end >= 0 else len(text)):
                other = _named(doc, claim.group("table"), whole=True)
                if own is None or other is None or own is other or own.doubts \
                        or other.doubts or own.unit != other.unit:
                    continue
                row_name = "".join(claim.group("row").split())
                mine = _whole_amount(doc, own, next(
                    (r for r in own.rows if "".join(r.name.split()) in WHOLE), None))
                theirs = _whole_amount(doc, other, next(
                    (r for r in other.rows if "".join(r.name.split()) == row_name), None))
                if mine is None or theirs is None:
                    continue
                found = equal_finding("NOTE.AGREES", mine, theirs, "合计", own=own.title,
                                      said=claim.group("said"), other=claim.group("table"),
                                      row=row_name)
                if found is not None:
                    found.locations.insert(0, Location(paragraph.line_at(claim.start("table"))))
                    yield found
