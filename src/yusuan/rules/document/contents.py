"""TOC.ORDER: the 目录 lists the tables in the order they are printed — a 目录 that puts 三公
before 政府性基金 while the pages print it after 国有资本经营 no longer matches them."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location
from yusuan.recognise.titles import announced_titles
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import lines_in_tables
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.engine.printed import KIND_NAMES

register_messages({
    "TOC.ORDER": {"zh": "目录所列表格次序与正文不同：目录为{listed}，正文为{printed}",
                  "en": "The contents list the tables as {listed}, the pages print {printed}"},
})

TOC_TAIL = regexes.compile(r"(\.{3,}|…{2,}|·{3,})\s*\d*$")  # leader dots and a page number
# the standard tables, each printed once: the ones whose place the contents can give
KINDS = frozenset({"summary", "income", "expenditure", "fiscal_summary",
                   "general_budget_expenditure", "basic_expenditure", "sangong", "gov_fund",
                   "soe_capital", "project_expenditure"})


def contents_entries(doc: Document) -> dict[str, list[int]]:
    """Each standard table kind a contents line (title, leader dots, page) names, with its
    lines, in the order listed."""
    in_tables = lines_in_tables(doc)
    listed: dict[str, list[int]] = {}
    for line in doc.source.lines:
        if line.number in in_tables or not TOC_TAIL.search(line.text.strip()):
            continue
        for title in announced_titles(line.text.strip()):
            if title.kind in KINDS:
                listed.setdefault(title.kind, []).append(line.number)
    return listed


@rule("TOC.ORDER", category="missing_content", severity="warning", words=True,
      title_zh="目录次序与正文一致", title_en="The contents list the tables in printed order")
def contents_in_printed_order(doc: Document) -> Iterator[Finding]:
    """The standard tables the 目录 lists once each and the pages print once each come in the
    same order in both; when they do not, the ones out of place are named, at the contents
    line and the table's title.

    Passes: 目录 七、三公 八、政府性基金 九、国有资本经营; the pages print them in that order.
    Fails:  the same 目录; the pages print 政府性基金, 国有资本经营, then 三公.
    """
    listed = {kind: lines for kind, lines in contents_entries(doc).items() if len(lines) == 1}
    printed: dict[str, list[int]] = {}
    for table in sorted(doc.tables, key=lambda t: t.lines[0]):
        printed.setdefault(table.kind, []).append(table.lines[0])
    common = [kind for kind in listed if len(printed.get(kind, [])) == 1]
    if len(common) < 2:
        return
    in_print = sorted(common, key=lambda kind: printed[kind][0])
    moved = [kind for kind, other in zip(common, in_print, strict=True) if kind != other]
    if not moved:
        return
    locations = [Location(listed[kind][0]) for kind in moved]
    locations += [Location(printed[kind][0]) for kind in in_print if kind in moved]
    yield make_finding("TOC.ORDER", locations, {"moved": moved},
                       listed="、".join(KIND_NAMES[k] for k in common if k in moved),
                       printed="、".join(KIND_NAMES[k] for k in in_print if k in moved))


register_messages({
    "TOC.EMPTY": {"zh": "目录注明{label}“{title}”为空表{reason}，正文所印{printed}却有金额 {amount}",
                  "en": "The contents mark {label} {title} empty ({reason}), but the printed "
                        "{printed} shows {amount}"},
})

# a contents row of the tables-and-empty-tables list: 表15 | 2019年…表 | 是 | 本单位无…
EMPTY_ROW = regexes.compile(r"^\s*((?:附)?表\s*\d{1,2})\s*\t\s*([^\t]+表)\s*\t\s*是[ ]*(?:\t\s*([^\t]*))?")
AMOUNT = regexes.compile(r"(?<![\d.])\d[\d,]*\.\d{1,6}(?![\d.])")


def _reason(text: str | None) -> str:
    return f"（{text.strip()}）" if text and text.strip() else ""


def _number(label: str) -> str:
    return regexes.sub(r"\D", "", label)


@rule("TOC.EMPTY", category="missing_content", severity="warning", words=True,
      title_zh="目录所注空表确为空表", title_en="A table the contents mark empty is empty")
def contents_empty_tables(doc: Document) -> Iterator[Finding]:
    """A table the 目录's list marks 是否空表 = 是 prints no amount: the one table printed under
    that number (表15 or 附表15) holds no figure with decimals other than zero.

    Passes: 目录 表15 | 专项资金整体绩效目标表 | 是 | 本单位无专项资金预算; 附表15 printed blank.
    Fails:  the same 目录 row; 附表15 printed with 资金金额 1620.98.
    """
    in_tables = lines_in_tables(doc)
    for line in doc.source.lines:
        match = EMPTY_ROW.match(line.text) if line.number not in in_tables else None
        if match is None:
            continue
        same = [t for t in doc.tables if t.number and _number(t.number) == _number(match.group(1))]
        if len(same) != 1:
            continue
        table = same[0]
        amount = next((m.group(0) for n in range(table.lines[0] + 1, table.lines[1] + 1)
                       for m in AMOUNT.finditer(doc.source.line_text(n))
                       if float(m.group(0).replace(",", "")) > 0), None)
        if amount is None:
            continue
        yield make_finding("TOC.EMPTY", [Location(line.number), Location(table.lines[0])],
                           {"amount": amount}, label=regexes.sub(r"\s+", "", match.group(1)),
                           title=match.group(2).strip(), reason=_reason(match.group(3)),
                           printed=f"{table.number}“{table.title}”", amount=amount)


register_messages({
    "TOC.TITLE": {"zh": "目录中{label}名为“{listed}”，正文表题为“{printed}”",
                  "en": "The contents name {label} {listed}; its page titles it {printed}"},
})

# a row of the contents' list of tables: 表9 | 2019年部门综合预算政府性基金收支表 | 是否空表
LIST_ROW = regexes.compile(r"^\s*((?:附)?表\s*\d{1,2})\s*\t\s*([^\t]{4,80}表[^\t]{0,20})\s*(?:\t|$)")
QUALIFIER = regexes.compile(r"[（(][^（()）]*[)）]$")
# … or one the page adds inside the title's closing bracket (（按支出经济分类科目-不含上年结转）)
INNER_QUALIFIER = regexes.compile(r"[-－—，,][^（()）\-－—，,]*(?=[)）]$)")


def _core(title: str) -> str:
    """The title without its year and spaces: 2019 年部门综合预算收入总表 → 部门综合预算收入总表."""
    return regexes.sub(r"(?:19|20)\d\d\s*年?度?|\s+", "", title)


def _same_title(listed: str, printed: str) -> bool:
    """One title, allowing a qualifier the page adds (（不含上年结转）) and a title the page wraps
    onto a second line (…（按支出功能分类科)."""
    if listed == printed or listed.startswith(printed) or printed.startswith(listed):
        return True
    if INNER_QUALIFIER.search(printed) and INNER_QUALIFIER.sub("", printed) == listed:
        return True
    return QUALIFIER.search(listed) is None and QUALIFIER.sub("", printed) == listed


@rule("TOC.TITLE", category="naming", severity="warning", words=True,
      title_zh="目录表名与正文表题一致", title_en="The contents name each table as its page does")
def contents_titles_match(doc: Document) -> Iterator[Finding]:
    """A table the 目录's list names (表9 | 部门综合预算政府性基金收支表) is titled the same on the
    one page printed under that number, but for its year, a qualifier the page adds and a title
    wrapped onto a second line.

    Passes: 目录 表9 部门综合预算政府性基金收支表; page 表9 部门综合预算政府性基金收支表（不含上年结转）.
    Passes: 目录 …明细表（按支出经济分类科目）; page …明细表（按支出经济分类科目-不含上年结转）.
    Fails:  目录 表9 部门综合预算政府性基金收支表; page 表9 部门综合预算政府性基金收支总表.
    """
    in_tables = lines_in_tables(doc)
    rows = [(line.number, match) for line in doc.source.lines
            if (match := LIST_ROW.match(line.text)) is not None]
    listed_at = {number for number, _ in rows}
    for number, match in rows:
        label = regexes.sub(r"\s+", "", match.group(1))
        same = [t for t in doc.tables if t.number and _number(t.number) == _number(label)
                and not any(t.lines[0] <= n <= t.lines[1] for n in listed_at)]
        if len(same) != 1 or number in in_tables - {n for t in same for n in range(*t.lines)}:
            continue
        table = same[0]
        listed = _core(match.group(2))
        printed = _core(table.title)
        if _same_title(listed, printed) or _same_title(listed,
                                                       _core(doc.source.line_text(table.lines[0]))):
            continue
        yield make_finding("TOC.TITLE", [Location(number), Location(table.lines[0])],
                           {"listed": listed, "printed": printed}, label=label, listed=listed,
                           printed=printed)
