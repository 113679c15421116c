"""Completeness: the tables a document kind requires, empty tables, gaps in table numbering."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location, Table
from yusuan.recognise.titles import announced_titles, classify_title
from yusuan.repeats import once_per_text
from yusuan.rules.engine import BUDGET_KINDS, FINAL_KINDS, make_finding, rule
from yusuan.rules.engine.common import blank_form, lines_in_tables
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.engine.printed import KIND_NAMES

register_messages({
    "MISSING.TABLE": {"zh": "未公开{name}", "en": "No {name} is published"},
    "EMPTY.TABLE": {"zh": "{title}为空表，且文中未说明没有此项支出",
                    "en": "{title} is empty and the document does not say why"},
    "TABLE.NUMBERING": {"zh": "表格编号不连续：缺少表{missing}",
                        "en": "Table numbering has gaps: no table {missing}"},
})

BUDGET_CORE = ("summary", "income", "expenditure", "fiscal_summary", "general_budget_expenditure",
               "basic_expenditure", "sangong", "gov_fund")
# required in the later years only, and often replaced by a sentence: worth a look (info)
BUDGET_LATER = ("soe_capital", "project_expenditure")
FINAL_CORE = ("summary", "income", "expenditure", "fiscal_summary", "general_budget_expenditure",
              "basic_expenditure", "gov_fund", "soe_capital", "sangong")
STANDARD_KINDS = ("summary", "income", "expenditure", "fiscal_summary",
                  "general_budget_expenditure", "basic_expenditure", "sangong", "gov_fund",
                  "soe_capital", "project_expenditure")
NAMES = {kind: KIND_NAMES[kind] for kind in STANDARD_KINDS}
SUBJECTS = {"gov_fund": "政府性基金", "soe_capital": "国有资本经营", "sangong": "三公",
            "project_expenditure": "项目支出", "procurement": "政府采购",
            "general_budget_expenditure": "一般公共预算", "basic_expenditure": "一般公共预算"}
NONE_SAID = regexes.compile(r"无数据|空表|没有|未安排|无.{0,20}(支出|收入|经费|预算)|不涉及|为0|为零|均为0"
                       r"|无(该|此|相关)(项|项目|内容|数据)"
                       r"|(?<![\d.])0(?:\.0+)?\s*万?元")


def required_tables(doc: Document) -> list[tuple[str, str]]:
    """(kind, severity) of each table the document's kind requires."""
    if doc.kind in FINAL_KINDS:
        return [(kind, "warning") for kind in FINAL_CORE]
    if doc.kind in BUDGET_KINDS:
        return [(k, "warning") for k in BUDGET_CORE] + [(k, "info") for k in BUDGET_LATER]
    return []


def _anchor(doc: Document) -> int:
    return doc.tables[0].lines[0] if doc.tables else 1


def where_missing(doc: Document, kind: str) -> list[Location]:
    """Where a missing table belongs: the title of the table of the kind it follows in the
    required order, and of the table printed after that one; the first table otherwise."""
    order = [k for k, _ in required_tables(doc)]
    earlier = order[:order.index(kind)] if kind in order else []
    tables = sorted(doc.tables, key=lambda t: t.lines[0])
    before = [i for i, t in enumerate(tables) if t.kind in earlier]
    if not before:
        return [Location(_anchor(doc), table=kind)]
    index = max(before, key=lambda i: earlier.index(tables[i].kind))
    around = tables[index:index + 2]
    return [Location(t.lines[0], table=kind) for t in around]


@rule("MISSING.TABLE", category="missing_content", severity="warning",
      title_zh="缺少必须公开的表", title_en="A required table is missing",
      applies_to=(*BUDGET_KINDS, *FINAL_KINDS),
      rationale="财预〔2016〕143号 and the provincial templates fix the tables a 预算/决算 "
                "disclosure publishes; an empty table is printed rather than left out. A table is "
                "missing only where the document says it holds it (its contents or its text name "
                "it): many disclosures publish the tables as a separate file.")
def required_tables_present(doc: Document) -> Iterator[Finding]:
    """A table the document announces (contents, text) is printed.

    Passes: a 部门预算 whose contents list 政府性基金预算支出表 and which prints it (read or not).
    Fails:  one whose contents list it while no page carries that title.
    A table neither announced nor printed is worth a look (info) only where the text speaks of
    its subject; a file that prints none of its tables (a 情况说明 whose tables are another file)
    is told at info.
    """
    present = {t.kind for t in doc.tables}
    apart = published_apart(doc)
    titled = titled_lines(doc)  # read once for every kind looked for
    for kind, severity in required_tables(doc):
        if kind in present:
            continue
        announced, printed = naming_lines(titled, kind)
        if apart and not printed:
            continue  # "附件：…部门预算报表": the announced tables are in the attached file
        if announced and not printed:
            yield make_finding("MISSING.TABLE", [*announced[:MAX_MENTIONS], *where_missing(doc, kind)],
                               severity="info" if none_printed(doc) else None,
                               name=NAMES.get(kind, kind), kind=kind)
        elif not announced and not printed and (said := mentions(doc, kind)):
            yield make_finding("MISSING.TABLE", [*where_missing(doc, kind), *said],
                               severity="info", name=NAMES.get(kind, kind), kind=kind)


def none_printed(doc: Document) -> bool:
    """Not one of the tables the document's kind requires is printed with a figure: the file is
    the 情况说明 half of a disclosure whose tables are another file (江苏, 北京), even where it
    does not say so — worth a look, no accusation."""
    required = {kind for kind, _ in required_tables(doc)}
    return not any(t.kind in required and any(r.values for r in t.rows) for t in doc.tables)


ATTACHED_TABLES = regexes.compile(r"^附件\d*[:：].{0,40}?(报表|公开表|表格)$")


def published_apart(doc: Document) -> bool:
    """The document says its tables are an attachment published as another file ("附件：…
    部门预算报表", maybe wrapped over two lines)."""
    if len(doc.tables) >= 3:
        return False
    lines = doc.source.lines
    for index, line in enumerate(lines):
        if "附" not in line.text:  # every match begins 附件
            continue
        text = "".join(line.text.split())
        after = "".join(lines[index + 1].text.split()) if index + 1 < len(lines) else ""
        if ATTACHED_TABLES.match(text) or ATTACHED_TABLES.match(text + after):
            return True
    return False


CONTENTS = regexes.compile(r"^目录$")
CONTENTS_SPAN = 60  # lines a table of contents may run


def contents_lines(doc: Document) -> set[int]:
    """The lines of the table of contents: from a 目录 heading to the first table."""
    first_table = min((t.lines[0] for t in doc.tables), default=None)
    found: set[int] = set()
    for line in doc.source.lines:
        if "录" in line.text and CONTENTS.match("".join(line.text.split())):
            end = line.number + CONTENTS_SPAN
            if first_table is not None and first_table > line.number:
                end = min(end, first_table)
            found.update(range(line.number, end))
    return found


def naming_lines(titled: list[Titled], kind: str) -> tuple[list[Location], list[Location]]:
    """Of the `titled` lines (`titled_lines`), those that name a table of `kind`: announcements
    (contents entries, sentences) and title lines (the table is printed, though not read as a
    table)."""
    announced: list[Location] = []
    printed: list[Location] = []
    for number, kinds, printed_kind in titled:
        if kind in kinds:
            if printed_kind == kind:
                printed.append(Location(number, table=kind))
            else:
                announced.append(Location(number, table=kind))
    return announced, printed


Titled = tuple[int, frozenset[str], str | None]


def titled_lines(doc: Document) -> list[Titled]:
    """Each line that names some table: its number, the kinds it names, and the kind it prints
    (a title run into a row of a read table, or a title line outside the table of contents;
    any other naming announces)."""
    contents = contents_lines(doc)
    in_tables = lines_in_tables(doc)
    found: list[Titled] = []
    in_cells, named = once_per_text(_kinds_in_cells), once_per_text(_kinds_named)
    for line in doc.source.lines:
        if "表" not in line.text:  # every title names its 表; most lines do not
            continue
        if line.number in in_tables:
            for kind in in_cells(line.text):  # a title run into a row of the table before it
                found.append((line.number, frozenset((kind,)), kind))
            continue
        kinds, title_kind = named(line.text)
        if kinds:
            found.append((line.number, kinds, title_kind if line.number not in contents else None))
    return found


def _kinds_in_cells(text: str) -> frozenset[str]:
    """The kinds of the titles a table line's cells are."""
    return frozenset(title.kind for cell in text.split("\t") if "表" in cell
                     and (title := classify_title(cell.strip())) is not None)


def _kinds_named(text: str) -> tuple[frozenset[str], str | None]:
    """The kinds of the tables a line outside the tables names, and the kind of the title
    the line is (if it is one)."""
    kinds = frozenset(t.kind for t in announced_titles(text))
    title = classify_title(text.strip()) if kinds else None
    return kinds, title.kind if title is not None else None


MAX_MENTIONS = 3


def mentions(doc: Document, kind: str) -> list[Location]:
    """Narrative lines that speak of a missing table's subject (the evidence a reader checks)."""
    subject = SUBJECTS.get(kind)
    if not subject:
        return []
    in_tables = lines_in_tables(doc)
    found = [Location(line.number) for line in doc.source.lines
             if subject[0] in line.text  # its first character, before the blanks go
             and subject in "".join(line.text.split()) and line.number not in in_tables]
    return found[:MAX_MENTIONS]


def explained(doc: Document, table: Table) -> bool:
    """The table's note, the lines near it, or a narrative line on its subject says it is nil."""
    if table.note and NONE_SAID.search(table.note):
        return True
    first, last = table.lines
    near = range(max(1, first - 3), last + 8)
    if any(NONE_SAID.search(doc.line_text(n)) for n in near):
        return True
    subject = SUBJECTS.get(table.kind)
    if not subject:
        return False
    for line in doc.source.lines:
        if subject in line.text:
            window = "".join(doc.line_text(n) for n in range(line.number, line.number + 4))
            if NONE_SAID.search(window):
                return True
    return False


@rule("EMPTY.TABLE", category="missing_content", severity="warning",
      title_zh="空表未作说明", title_en="An empty table is not explained",
      rationale="An empty table must say why (“本年度没有…支出，故本表无数据”).")
def empty_table_explained(doc: Document) -> Iterator[Finding]:
    """An empty table is explained by its note, the text, or the contents' 空表 column.

    Passes: empty 政府性基金预算支出表 with "本单位没有政府性基金预算安排的支出，故本表无数据".
    Fails:  the same empty table and no such sentence.
    A file of tables alone (its 情况说明 published apart) and a blank form whose tables are all
    empty (an official template) are not judged: the words that explain are not in the file.
    """
    standard = [t for t in doc.tables if t.kind in NAMES]
    if not has_narrative(doc) or blank_form(standard):
        return
    for table in standard:
        if table.empty and not explained(doc, table) and not listed_empty(doc, table) \
                and not figures_follow(doc, table):
            yield make_finding("EMPTY.TABLE", [Location(table.lines[0], table=table.kind)],
                               title=table.title)


_AMOUNT_CELL = regexes.compile(r"^-?\d[\d,]*\.\d{1,6}$")


def figures_follow(doc: Document, table: Table) -> bool:
    """Amounts stand alone in cells between the table's heading and the next table (a page
    that places every cell apart, read as a heading with nothing under it): the table is
    not known to be empty, only not read."""
    end = table.lines[1]
    following = [t.lines[0] for t in doc.tables if t.lines[0] > end]
    stop = min(following, default=end + 60)
    cells = [cell.strip() for line in doc.source.lines if end < line.number < stop
             for cell in line.text.split("\t")]
    return sum(1 for cell in cells if _AMOUNT_CELL.match(cell)) >= 3


# a heading of the 情况说明 (the line ends with it), not the words inside a wrapped sentence
NARRATIVE_HEADING = regexes.compile(r"(情况说明|预算说明|决算说明|编制说明|总体情况说明)[:：]?\s*$")


def has_narrative(doc: Document) -> bool:
    """The file carries a 情况说明 (some publish the tables as a file of their own)."""
    in_tables = lines_in_tables(doc)
    return any("说明" in line.text and NARRATIVE_HEADING.search(line.text)  # every heading's word
               and not line.text.strip().endswith("表") and line.number not in in_tables
               for line in doc.source.lines)


def listed_empty(doc: Document, table: Table) -> bool:
    """The contents (报表目录) list the table with 空表 / 不涉及 beside it."""
    core = _bare_title(table.title)[-12:]
    first, last = table.lines
    return any(core in _bare_title(line.text) and regexes.search(r"空表|不涉及|无数据", line.text)
               for line in doc.source.lines if not first <= line.number <= last)


def _bare_title(text: str) -> str:
    """A title without years and spaces, for matching the contents' wording of it (2022年…上年
    结转资金支出表 in the contents, 2022…结转资金支出表 on the page)."""
    return regexes.sub(r"\d+|上年|年度|年|\s", "", text)


CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}


def table_number(number: str | None) -> int | None:
    """The main number of "表1", "表 5-1", "表二", "公开 01 表", "附表4-5" (→ 5)."""
    if not number:
        return None
    text = regexes.sub(r"\s+", "", number)
    digits = regexes.findall(r"\d+", text)
    if digits:
        return int(digits[1] if text.startswith("附表") and len(digits) > 1 else digits[0])
    return _chinese_number(regexes.sub(r"[^零一二三四五六七八九十]", "", text))


def _chinese_number(text: str) -> int | None:
    if not text:
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        return CHINESE_DIGITS.get(tens, 1) * 10 + CHINESE_DIGITS.get(ones, 0)
    return CHINESE_DIGITS.get(text)


@rule("TABLE.NUMBERING", category="missing_content", severity="info",
      title_zh="表格编号不连续", title_en="Gaps in table numbering",
      rationale="表1, 表2, 表4: a table may have been left out.")
def numbering_has_no_gaps(doc: Document) -> Iterator[Finding]:
    """Table numbers run without gaps.

    Passes: 表1, 表2, 表3.  Fails: 表1, 表2, 表4.
    """
    numbered = [(n, t) for t in doc.tables if (n := table_number(t.number)) is not None]
    if len(numbered) < 2:
        return
    seen = {n for n, _ in numbered}
    missing = [n for n in range(min(seen), max(seen) + 1) if n not in seen]
    if missing:
        after = [t for n, t in numbered if n > missing[0]]
        line = after[0].lines[0] if after else numbered[-1][1].lines[0]
        yield make_finding("TABLE.NUMBERING", [Location(line)],
                           missing="、".join(str(n) for n in missing))
