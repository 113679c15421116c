"""TABLE.ROW_NUMBER: the 行次 a table prints run in sequence — 28, 39, 30 has one typed wrong."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from yusuan.model import Document, Finding, Location, Table
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages

register_messages({
    "TABLE.ROW_NUMBER": {
        "zh": "{title}“{name}”的行次印作 {printed}，前后两行为 {before} 和 {after}，应为 {expected}",
        "en": "{title}: row {name} is numbered {printed} between {before} and {after}; "
              "it should be {expected}",
    },
})

ROW_NUMBER_HEADER = "行次"
RUN = 2  # rows in sequence needed on each side of the odd one


def _cells(doc: Document, number: int) -> list[str]:
    return ["".join(cell.split()) for cell in doc.source.line_text(number).split("\t")]


def row_numbers(doc: Document, table: Table) -> list[list[tuple[int, int, str]]]:
    """For each 行次 column of the table, (line, 行次, the item's name before it) of every line
    that prints a whole number in it, in order."""
    first, last = table.lines
    columns: list[list[tuple[int, int, str]]] = []
    header = next((n for n in range(first, last + 1)
                   if ROW_NUMBER_HEADER[-1] in doc.source.line_text(n)
                   and ROW_NUMBER_HEADER in _cells(doc, n)), None)
    if header is None:
        return columns
    for index, cell in enumerate(_cells(doc, header)):
        if cell != ROW_NUMBER_HEADER:
            continue
        found = []
        for number in range(header + 1, last + 1):
            cells = _cells(doc, number)
            if len(cells) > index and cells[index].isdigit():
                name = cells[index - 1] if index else ""
                found.append((number, int(cells[index]), name))
        columns.append(found)
    return columns


@rule("TABLE.ROW_NUMBER", category="missing_content", severity="warning", words=True,
      title_zh="行次连续", title_en="Row numbers run in sequence",
      rationale="行次 28, 39, 30: the middle one was typed wrong.")
def row_numbers_in_sequence(doc: Document) -> Iterator[Finding]:
    """In a 行次 column that runs in sequence, a number between two rows that are two apart
    (the rows after them in sequence for three rows, those before for up to two) is the one
    number they leave out.

    Passes: 行次 27, 28, 29, 30, 31.  Fails: 行次 27, 28, 39, 30, 31.
    """
    for table in doc.tables:
        for column in row_numbers(doc, table):
            numbers = [n for _, n, _ in column]
            for i in range(1, len(column) - RUN):
                before, after = numbers[i - 1], numbers[i + 1]
                line, printed, name = column[i]
                if after != before + 2 or printed == before + 1 or not (
                        _in_sequence(numbers[max(0, i - RUN):i])
                        and _in_sequence(numbers[i + 1:i + 2 + RUN])):
                    continue
                yield make_finding("TABLE.ROW_NUMBER", [Location(line)],
                                   {"reported": printed, "computed": before + 1},
                                   title=table.title, name=name, printed=printed,
                                   before=before, after=after, expected=before + 1)


def _in_sequence(numbers: list[int]) -> bool:
    return all(b == a + 1 for a, b in pairwise(numbers))
