"""TABLE.PRINTED_TWICE: a block of a table printed a second time inside another — the 年度目标
and indicators of one project's form appended again under the last form, so that form holds
two 年度目标 rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import pairwise

from yusuan import regexes
from yusuan.model import Document, Finding, Location, Table
from yusuan.repeats import once_per_text
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages

register_messages({
    "TABLE.PRINTED_TWICE": {
        "zh": "第 {first} 行起的{count}行（“{start}…”）又印了一次，印在{title}的“{label}”之后",
        "en": "The {count} lines from line {first} ({start}…) are printed again, after the "
              "{label} of {title}",
    },
})

MIN_LINES = 5  # identical lines in a row that make a block
LONG = 30  # Chinese characters of the cell that opens the block: a goal, not a heading
WORD_LABEL = regexes.compile(r"[\u4e00-\u9fff（）()]{2,10}")
HAN = regexes.compile(r"[\u4e00-\u9fff]")


def _compact(text: str) -> str:
    return "".join(text.split())


def _same(text: str, other: str) -> bool:
    """Two lines alike but for their blanks (compacted only when they differ as printed)."""
    return text == other or _compact(text) == _compact(other)


def _label(text: str) -> str:
    return next((cell.strip() for cell in text.split("\t") if cell.strip()), "")


def _first_lines(doc: Document, table: Table) -> dict[str, int]:
    """Each label of the table's lines → the first line that opens with it."""
    first: dict[str, int] = {}
    for number in range(table.lines[0], table.lines[1] + 1):
        first.setdefault(_label(doc.source.line_text(number)), number)
    return first


def _tables_by_line(doc: Document) -> dict[int, Table]:
    """Each line a table spans → the first table (in the document's list) that spans it."""
    return {number: table for table in reversed(doc.tables)
            for number in range(table.lines[0], table.lines[1] + 1)}


def _opens_block(text: str) -> bool:
    """A line of a labelled cell of words: 年度目标 | 通过专栏畅通帮扶渠道…"""
    if len(text) < LONG or "\t" not in text:  # no second cell of LONG characters
        return False
    parts = text.split("\t")
    if max(map(len, parts)) < LONG:  # no cell of LONG characters (most table lines)
        return False
    cells = [cell.strip() for cell in parts if cell.strip()]
    return (len(cells) >= 2 and WORD_LABEL.fullmatch(cells[0]) is not None
            and any(len(cell) >= LONG and len(HAN.findall(cell)) >= LONG for cell in cells[1:]))


def repeated_blocks(doc: Document) -> Iterator[tuple[int, int, int]]:
    """(first line, line of the copy, lines in a row) of each block of at least MIN_LINES
    identical lines opened by a labelled cell of words."""
    texts = [line.text for line in doc.source.lines]
    where: dict[str, list[int]] = defaultdict(list)
    opens_block = once_per_text(_opens_block)  # a form's lines repeat
    for index, text in enumerate(texts):
        if len(text) >= LONG and opens_block(text):  # (a shorter line, most, is not kept)
            where[_compact(text)].append(index)
    for at in where.values():
        for a, b in pairwise(at):
            size = 0
            while b + size < len(texts) and a + size < b and _same(texts[a + size],
                                                                   texts[b + size]):
                size += 1
            if size >= MIN_LINES:
                yield a + 1, b + 1, size


@rule("TABLE.PRINTED_TWICE", category="missing_content", severity="warning", words=True,
      title_zh="表格内容未重复印出", title_en="No part of a table printed twice",
      rationale="A form's goal and indicators copied again under another form.")
def blocks_printed_once(doc: Document) -> Iterator[Finding]:
    """A block of at least five identical lines, opened by a long line (a 年度目标), printed
    again inside a table that already has a row of the same label, is reported with both.

    Passes: two projects' forms that share a 年度目标 and indicators, each under its own name.
    Fails:  the last form holds its own 年度目标 and indicators, then another form's again.
    """
    tables: dict[int, Table] | None = None
    labelled: dict[int, dict[str, int]] = {}  # a table (its id) → each label → its first line
    for first, copy, size in repeated_blocks(doc):
        if tables is None:
            tables = _tables_by_line(doc)
        table = tables.get(copy)
        label = _label(doc.source.line_text(copy))
        if table is None or table is tables.get(first):
            continue
        if id(table) not in labelled:
            labelled[id(table)] = _first_lines(doc, table)
        if labelled[id(table)].get(label, copy) >= copy:  # no row of the label before the copy
            continue
        start = regexes.sub(r"\s+", "", doc.source.line_text(first))[:20]
        yield make_finding("TABLE.PRINTED_TWICE", [Location(first), Location(copy)],
                           {"lines": size}, first=first, count=size, start=start,
                           title=table.title, label=label)
