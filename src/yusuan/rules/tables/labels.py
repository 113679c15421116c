"""Uncoded line labels (income items of the summary tables) are printed the same way in every
table: 行政事业性收费收入安排的拨款 in two tables and 行政事业性收入安排的拨款 in a third is a slip."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator

from yusuan import regexes
from yusuan.codes.slips import edit_distance
from yusuan.model import Document, Finding, Location, Table, TableRow
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import compact_name
from yusuan.rules.engine.messages import register_messages

register_messages({
    "LABEL.VARIANT": {
        "zh": "同一项目在各表写法不一：“{odd}”与“{usual}”",
        "en": "The same line is labelled two ways: {odd} vs {usual}",
    },
})

LABEL_TABLES = ("summary", "fiscal_summary", "income")
LEAD = regexes.compile(r"^(?:[（(][0-9一二三四五六七八九十]+[）)]|[0-9]+[.、．]|[一二三四五六七八九十]+、"
                  r"|其中[:：])+")
# words a label may carry or drop without meaning anything else (…拨款 / …拨款收入)
GENERIC = ("收入", "支出", "预算", "财政", "资金", "合计", "小计")
MIN_LENGTH = 6
Label = tuple[str, str]  # side, label


def label_of(row: TableRow) -> str:
    return LEAD.sub("", compact_name(row.name))


def _side(table: Table, row: TableRow) -> str:
    return row.side or ("income" if table.kind == "income" else "")


def labels_seen(doc: Document) -> dict[Label, dict[int, list[Location]]]:
    """Each uncoded label, by the tables (index) printing it, with its locations."""
    seen: dict[Label, dict[int, list[Location]]] = defaultdict(lambda: defaultdict(list))
    for index, table in enumerate(doc.tables):
        if table.kind not in LABEL_TABLES:
            continue
        for row in table.rows:
            text = label_of(row)
            if row.code or len(text) < MIN_LENGTH:
                continue
            seen[(_side(table, row), text)][index].append(
                Location(row.line, table=table.kind, name=row.name, page=row.page))
    return seen


def generic_variant(a: str, b: str) -> bool:
    """One label is the other with a generic word added (…拨款 / …拨款收入)."""
    short, long_ = sorted((a, b), key=len)
    return any(long_.replace(word, "", 1) == short for word in GENERIC if word in long_)


def variants(a: str, b: str) -> bool:
    """Two spellings of one label: the same characters reordered (国有资源（资产） / 国有（资源）
    资产), or one or two characters apart — but not a generic word added or dropped."""
    if generic_variant(a, b):
        return False
    return sorted(a) == sorted(b) or (within_two_edits(a, b) and edit_distance(a, b) <= 2)


def within_two_edits(a: str, b: str) -> bool:
    """What two labels two edits apart must be (the edit distance's cheap lower bounds): their
    lengths at most two apart, and each with at most two characters the other lacks (an edit
    adds or takes away one character)."""
    return (abs(len(a) - len(b)) <= 2 and len(set(a).difference(b)) <= 2
            and len(set(b).difference(a)) <= 2)


@rule("LABEL.VARIANT", category="naming", severity="info",
      title_zh="同一收支项目在各表写法一致", title_en="A line label is spelt the same way everywhere",
      tables=LABEL_TABLES,
      rationale="An income or spending line without a code is printed with the same words in "
                "every summary table; two spellings in tables that never print both are a slip.")
def label_variants(doc: Document) -> Iterator[Finding]:
    """Labels that are spelt two ways in different tables.

    Passes: 行政事业性收费收入安排的拨款 in 收支总表 and 收入总表.
    Fails:  行政事业性收入安排的拨款 in 收支总表, 行政事业性收费收入安排的拨款 in 收入总表.
    """
    seen = labels_seen(doc)
    for a, b in itertools.combinations(seen, 2):
        if a[0] != b[0] or set(seen[a]) & set(seen[b]) or not variants(a[1], b[1]):
            continue
        odd, usual = sorted((a, b), key=lambda label: len(seen[label]))
        locations = [loc for locs in seen[odd].values() for loc in locs]
        locations += [loc for locs in seen[usual].values() for loc in locs]
        yield make_finding("LABEL.VARIANT", locations, odd=odd[1], usual=usual[1])
