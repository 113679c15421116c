"""Code hierarchies add up: 类 = Σ 款, 款 = Σ 项, and a table's 合计 = Σ its top-level lines."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Source, Table, TableRow
from yusuan.rules.engine import check_memo, remembered, rule
from yusuan.rules.engine.common import (
    FUNCTIONAL_TABLES,
    amount,
    amounts,
    coded_rows,
    is_economic,
    is_functional,
    row_label,
    sum_finding,
    value_columns,
)
from yusuan.rules.engine.messages import register_messages

register_messages({
    "TOTAL.ROLLUP": {
        "zh": "{what}（{column}）{reported} ≠ Σ {level} {computed}，差 {difference}",
        "en": "{what} ({column}) {reported} ≠ Σ {level} {computed}, difference {difference}",
    },
    "TOTAL.ECONOMIC": {
        "zh": "{what}（{column}）{reported} ≠ Σ 款 {computed}，差 {difference}",
        "en": "{what} ({column}) {reported} ≠ Σ sections {computed}, difference {difference}",
    },
    "TOTAL.WITHHELD": {
        "zh": "{what}（{column}）{reported} ≠ Σ {level} {computed}，差 {difference}；文件说明部分涉密"
              "事项公开时已剔除，所缺的可能就是剔除的科目",
        "en": "{what} ({column}) {reported} ≠ Σ {level} {computed}, difference {difference}; the "
              "document says classified items were left out of publication, which may be the gap",
    },
    "TOTAL.TABLE": {
        "zh": "{what}（{column}）{reported} ≠ Σ 类 {computed}，差 {difference}",
        "en": "{what} ({column}) {reported} ≠ Σ classes {computed}, difference {difference}",
    },
})

LEVEL_NAMES = {3: "lei", 5: "kuan", 7: "xiang"}


def children_of(rows: list[TableRow], index: int) -> list[TableRow]:
    """The rows one level below `rows[index]` in the contiguous block that follows it: the
    nearest printed level (a deeper row whose own parent is not printed is a child too)."""
    parent = rows[index].code or ""
    block: list[TableRow] = []
    for row in rows[index + 1:]:
        if row.is_total:
            break
        if not row.code:
            continue
        if len(row.code) <= len(parent) or not row.code.startswith(parent):
            break
        block.append(row)
    codes = {r.code for r in block}
    # a row is a child unless a printed row of the block stands between it and the parent (a
    # 7-digit 3010201 whose 30102 is not printed is a child of 301)
    return [r for r in block if not any(
        (r.code or "")[:cut] in codes for cut in range(len(parent) + 1, len(r.code or "")))]


def by_side(rows: list[TableRow]) -> list[list[TableRow]]:
    """Rows of each side-by-side group (人员经费 | 公用经费 panels), in document order."""
    sides: dict[str | None, list[TableRow]] = {}
    for row in rows:
        sides.setdefault(row.side, []).append(row)
    return list(sides.values())


# the document's own word that lines were taken out before publication (涉密 items)
WITHHELD = regexes.compile(r"(涉密|保密).{0,40}(剔除|不予公开|不公开|未公开|删除)")


def states_withheld(doc: Document) -> bool:
    """The document says classified items were left out of what it publishes (read once a
    check, not once a table)."""
    return remembered(check_memo(), ("states_withheld", id(doc.source)), (doc.source,),
                      lambda: _states_withheld(doc.source))


def _states_withheld(source: Source) -> bool:
    text = "".join("".join(line.text.split()) for line in source.lines if "\t" not in line.text)
    return bool(WITHHELD.search(text))


def rollup_findings(doc: Document, table: Table, rule_id: str,
                    rows: list[TableRow]) -> Iterator[Finding]:
    withheld = states_withheld(doc)
    for coded in by_side(rows):
        yield from _rollup_side(doc, table, rule_id, coded, withheld)


def _rollup_side(doc: Document, table: Table, rule_id: str,
                 coded: list[TableRow], withheld: bool = False) -> Iterator[Finding]:
    """Each parent against its children; where the document says classified lines were left
    out, children falling short of their parent are told at info, the gap maybe those lines."""
    keys = value_columns(table)
    for index, parent in enumerate(coded):
        children = children_of(coded, index)
        if not children:
            continue
        level = LEVEL_NAMES.get(len(children[0].code or ""), "xiang")
        for key in keys:
            total = amount(doc, table, parent, key)
            parts = amounts(doc, table, children, key)
            if total is None or not parts:
                continue
            short = withheld and sum(p.value for p in parts) < total.value
            found = sum_finding(rule_id, total, parts, row_label(parent), column=key, level=level,
                                **({"severity": "info", "message_id": "TOTAL.WITHHELD"} if short else {}))
            if found:
                yield found


@rule("TOTAL.ROLLUP", category="arithmetic", title_zh="功能分类科目逐级汇总",
      title_en="Functional classes add up", tables=FUNCTIONAL_TABLES,
      rationale="类 = Σ 款 and 款 = Σ 项 in every amount column of a functional-code table.")
def functional_rollup(doc: Document) -> Iterator[Finding]:
    """Each functional 类 equals the sum of its 款, each 款 the sum of its 项.

    Passes: 208 = 10.00, 20805 = 10.00, 2080501 = 4.00, 2080505 = 6.00.
    Fails:  208 = 10.00 with 20805 = 9.00 (and its 项 4.00 + 5.00).
    """
    for kind in FUNCTIONAL_TABLES:
        for table in doc.tables_of(kind):
            coded = [r for r in coded_rows(table) if is_functional(r.code)]
            yield from rollup_findings(doc, table, "TOTAL.ROLLUP", coded)


@rule("TOTAL.ECONOMIC", category="arithmetic", title_zh="经济分类科目逐级汇总",
      title_en="Economic classes add up", tables=("basic_expenditure",),
      rationale="In the basic-expenditure table each economic 类 (301) = Σ its 款 (30101…).")
def economic_rollup(doc: Document) -> Iterator[Finding]:
    """Each economic 类 equals the sum of its 款.

    Passes: 301 = 9.00, 30101 = 5.00, 30102 = 4.00.
    Fails:  301 = 9.00, 30101 = 5.00, 30102 = 3.00.
    """
    for table in doc.tables_of("basic_expenditure"):
        coded = [r for r in coded_rows(table) if is_economic(r.code)]
        yield from rollup_findings(doc, table, "TOTAL.ECONOMIC", coded)


def top_level_rows(table: Table) -> list[TableRow]:
    """The table's top-level coded lines (the shortest codes), or [] when ambiguous."""
    coded = list(coded_rows(table))
    if not coded:
        return []
    shortest = min(len(r.code or "") for r in coded)
    top = [r for r in coded if len(r.code or "") == shortest]
    codes = [r.code for r in top]
    return top if len(set(codes)) == len(codes) else []


def _spending_tables(doc: Document) -> Iterator[Table]:
    for kind in (*FUNCTIONAL_TABLES, "basic_expenditure"):
        yield from doc.tables_of(kind)


def column_sums(doc: Document, table: Table, rule_id: str, total_row: TableRow,
                rows: list[TableRow], name: str, *, counted: bool = False) -> Iterator[Finding]:
    """`total_row` against the sum of `rows`, column by column (with how many rows were summed
    when `counted`)."""
    for key in value_columns(table):
        total = amount(doc, table, total_row, key)
        parts = amounts(doc, table, rows, key)
        if total is None or not parts:
            continue
        extra = {"rows": len(parts)} if counted else {}
        found = sum_finding(rule_id, total, parts, name, column=key, **extra)
        if found:
            yield found


@rule("TOTAL.TABLE", category="arithmetic", title_zh="表合计等于各类之和",
      title_en="Table total adds up",
      tables=(*FUNCTIONAL_TABLES, "basic_expenditure"),
      rationale="A table's 合计 row equals the sum of its top-level (类) lines.")
def table_total(doc: Document) -> Iterator[Finding]:
    """The 合计 row equals the sum of the 类 rows in every column.

    Passes: 合计 12.00; 208 = 10.00, 210 = 2.00.
    Fails:  合计 12.00; 208 = 10.00, 210 = 3.00.
    """
    for table in _spending_tables(doc):
        total_row = table.total_row()
        top = top_level_rows(table)
        if total_row is not None and top:
            yield from column_sums(doc, table, "TOTAL.TABLE", total_row, top, total_row.name)


register_messages({
    "TOTAL.DETAIL": {
        "zh": "{what}（{column}）{reported} ≠ 全部 {rows} 行明细之和 {computed}，差 {difference}",
        "en": "{what} ({column}) {reported} ≠ the sum of all {rows} detail lines {computed}, "
              "difference {difference}",
    },
})


def last_total(doc: Document, table: Table) -> TableRow | None:
    """The table's last line when it is its 合计: read as such, or a line without a code whose
    合计 stands in a later column than the name's (北京 06表: under 部门支出经济分类科目)."""
    if not table.rows:
        return None
    last = table.rows[-1]
    if last.is_total:
        return last
    cells = [cell.strip() for cell in regexes.split(r"[\t|]", doc.line_text(last.line))]
    if not last.code and not last.name.strip() and "合计" in cells:
        return last
    return None


def flat_detail_rows(doc: Document, table: Table) -> list[TableRow]:
    """A table of detail lines only (北京's 支出总表: 功能科目 × 经济科目, one line each): every
    line but the last, its 合计, is coded, every code is as long as the others and some codes
    repeat; [] for any other table (a hierarchy, or lines without codes)."""
    if last_total(doc, table) is None:
        return []
    rows = [r for r in table.rows[:-1] if r.values]
    if len(rows) < 5 or any(not (r.code and r.code.isdigit()) or r.unit_code for r in rows):
        return []
    codes = [r.code for r in rows]
    if len({len(c) for c in codes}) != 1 or len(set(codes)) == len(codes):
        return []
    return rows


@rule("TOTAL.DETAIL", category="arithmetic", title_zh="明细表合计等于全部明细行之和",
      title_en="A table of detail lines adds up to its total",
      tables=(*FUNCTIONAL_TABLES, "basic_expenditure"),
      rationale="A table that lists detail lines only (one code length, codes repeated across "
                "the economic lines) and ends in 合计: the 合计 is the sum of every line.")
def detail_total(doc: Document) -> Iterator[Finding]:
    """Passes: 2010301 5.00, 2010301 4.00, 2010302 3.00, … 合计 = their sum.
    Fails: the same lines under a 合计 larger than their sum (lines left off the page)."""
    for table in _spending_tables(doc):
        rows = flat_detail_rows(doc, table)
        total_row = last_total(doc, table)
        if rows and total_row is not None:
            for found in column_sums(doc, table, "TOTAL.DETAIL", total_row, rows,
                                     total_row.name or "合计", counted=True):
                found.locations = [*found.locations[:2], found.locations[-1]]
                yield found
