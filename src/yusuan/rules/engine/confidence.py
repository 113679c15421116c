"""No accusation without a sure reading: a table whose reading is in doubt is named once, at
info, and nothing it holds supports a warning or an error.

A reading is in doubt when the reader says so (`Table.doubts`: unread column headers, codes and
names out of their cells) or when the table's own checks fail in many of its rows at once: a
printed table with a wrong figure breaks a sum or two, a misread one breaks most of them.
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.model import Document, Finding, Location, Table
from yusuan.recognise.confidence import scrambled_pages
from yusuan.rules.engine import _REGISTRY, check_memo, make_finding, remembered, rule
from yusuan.rules.engine.messages import register_messages

register_messages({
    "TEXT.UNSURE": {
        "zh": "第 {pages} 页的文字未能可靠读取（{why}），其文字不作为判断依据",
        "en": "the text of page(s) {pages} could not be read with confidence ({why}); it "
              "supports no finding",
    },
    "TABLE.UNSURE": {
        "zh": "{title}未能可靠读取（{why}），其数字不作为判断依据",
        "en": "{title} could not be read with confidence ({why}); its figures support no finding",
    },
})

# findings about a table's own figures, whose number tells how well it was read
OWN_CATEGORIES = frozenset({"arithmetic", "classification", "naming"})
FORM_KINDS = frozenset({"project_performance", "dept_performance"})
# a table is misread when at least this many of its rows, and this share of them, fail its checks
MISREAD_ROWS = 3
MISREAD_SUFFIX = "多半是读取有误"
MISREAD_SHARE = 0.25
# a finding whose rule proved the reading of the cells it cites (an identity across the table
# holding in every cell) stands even where the table is otherwise in doubt
PROVEN = "reading_proven"
# … and one whose rule proved the reading of every column of its table (SANGONG.MEETING_TRAINING:
# the 增减 block is the later year less the earlier in every cell of every row): that table is
# not doubted as misread however many of its rows other checks find wrong
TABLE_PROVEN = "table_reading_proven"


def inside(table: Table, location: Location) -> bool:
    first, last = table.lines
    return first <= location.line <= last


def doubt_misread_tables(doc: Document, findings: list[Finding]) -> None:
    """Add a doubt to each table whose own checks fail in many rows (replacing the one an
    earlier run, perhaps of other rules, left); none to a table a finding proved read where
    it is printed, every column of it (TABLE_PROVEN)."""
    proven = [f.locations[0] for f in findings if f.values.get(TABLE_PROVEN) and f.locations]
    for table in doc.tables:
        table.doubts = [d for d in table.doubts if not d.endswith(MISREAD_SUFFIX)]
        if table.kind in FORM_KINDS or not table.rows or any(inside(table, loc) for loc in proven):
            continue
        failing = {f.locations[0].line for f in findings
                   if f.severity != "info" and f.category in OWN_CATEGORIES and f.locations
                   and not f.values.get(PROVEN)
                   and all(inside(table, loc) for loc in f.locations)}
        if len(failing) >= MISREAD_ROWS and len(failing) >= MISREAD_SHARE * len(table.rows):
            table.doubts.append(f"{len(failing)} 行的数字或科目与本表其他数字不符，{MISREAD_SUFFIX}")


def withhold_doubtful(doc: Document, findings: list[Finding]) -> list[Finding]:
    """Drop every warning and error that cites a line of a table in doubt, or a line of text
    on a page whose text layer is scrambled."""
    doubtful = [table for table in doc.tables if table.doubts]
    scrambled = _scrambled_lines(doc)
    if not doubtful and not scrambled:
        return findings
    return [f for f in findings
            if f.severity == "info" or f.values.get(PROVEN) or not any(
                (not reads_words(f) and any(inside(t, loc) for t in doubtful))
                or loc.line in scrambled for loc in f.locations)]


def reads_words(finding: Finding) -> bool:
    """The finding's rule reads the words printed, not a table's figures (a stray character, a
    past year): a table in doubt for its columns does not make them doubtful."""
    spec = _REGISTRY.specs.get(finding.rule)
    return bool(spec and spec.words)


def _scrambled_lines(doc: Document) -> set[int]:
    """Lines outside the tables on pages whose text layer is scrambled."""
    pages = _scrambled_pages(doc)
    if not pages:
        return set()
    return {line.number for line in doc.source.lines if line.page in pages
            and not any(inside(t, Location(line.number)) for t in doc.tables)}


@rule("TEXT.UNSURE", category="plausibility", severity="info", late=True,
      title_zh="页面文字未能可靠读取", title_en="A page's text could not be read with confidence",
      rationale="A text layer that places a page's figures apart from its words gives each figure "
                "the wrong label: such a page is named once and its text supports no finding.")
def unsure_pages(doc: Document) -> Iterator[Finding]:
    """The pages whose text layer scrambles words, figures and punctuation, once, with why.

    Passes: a page of sentences whose figures stand beside their 万元.
    Fails:  a page with “年初预算数      万元” three times and lines of punctuation alone.
    """
    pages = _scrambled_pages(doc)
    if not pages:
        return
    where = [Location(next(line.number for line in doc.source.lines if line.page == page),
                      page=page) for page in pages]
    first = next(iter(pages))
    yield make_finding("TEXT.UNSURE", where, pages="、".join(map(str, pages)),
                       why=pages[first] + ("等" if len(pages) > 1 else ""))


@rule("TABLE.UNSURE", category="plausibility", severity="info", late=True,
      title_zh="表格未能可靠读取", title_en="A table could not be read with confidence",
      rationale="A checker that accuses a correct document is worse than none: a table read with "
                "doubt is named once, and its figures support no warning or error.")
def unsure_tables(doc: Document) -> Iterator[Finding]:
    """Each table whose reading is in doubt, once, with why.

    Passes: a 支出总表 whose columns are all keyed and whose rows add up.
    Fails:  a 收入总表 with a value column whose header was not read.
    """
    for table in doc.tables:
        if table.doubts:
            where = [Location(table.lines[0], table=table.kind, page=table.page)]
            yield make_finding("TABLE.UNSURE", where, title=table.title, why="；".join(table.doubts))


def _scrambled_pages(doc: Document) -> dict[int, str]:
    """`scrambled_pages` of the document's source, worked out once a check (two rules ask)."""
    return remembered(check_memo(), ("scrambled_pages", id(doc.source)), (doc.source,),
                      lambda: scrambled_pages(doc.source))
