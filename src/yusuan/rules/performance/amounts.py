"""PROJECT.ITEM_AMOUNT: one project's 绩效目标 and indicators number the same expense with two
different amounts ("2、缴纳电费27万元" in the goal, "2、缴纳电费20万元" in the 指标解释)."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.model import Document, Finding, Location
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.projects.common import project_forms

register_messages({
    "PROJECT.ITEM_AMOUNT": {
        "zh": "项目“{name}”的绩效目标表中“{item}”一处写 {first}，一处写 {second}",
        "en": "Project {name}: its performance form states {item} as {first} in one place and "
              "{second} in another",
    },
})

# a numbered expense of a list: "2、缴纳电费 20 万元" (its words only, no figure among them)
NUMBERED_ITEM = regexes.compile(r"(?:^|(?<=[。；;，,\s]))\d{1,2}[、.．]\s*"
                           r"(?P<item>[\u4e00-\u9fff]{3,15}?)\s*"
                           r"(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>万元|元)")
NAME_HEAD = "项目名称"
HEADER_LINES = 6


@dataclass(frozen=True, slots=True)
class Stated:
    """One numbered expense: its words, amount as printed, line and cell."""

    item: str
    amount: str
    line: int
    cell: int


@rule("PROJECT.ITEM_AMOUNT", category="indicator", severity="warning", words=True,
      title_zh="同一项目中同一支出事项的金额前后一致",
      title_en="One project states one expense with one amount")
def item_amounts(doc: Document) -> Iterator[Finding]:
    """Within one project of a 绩效目标表 (its own form, or its rows of a list), a numbered
    expense written in two cells — the 年度绩效目标 and an indicator's 指标解释 — carries the
    same amount in both; the same words under two projects are not compared.

    Passes: 目标“2、缴纳电费27万元。”；指标解释“2、缴纳电费27万元。”.
    Fails:  目标“2、缴纳电费27万元。”；指标解释“2、缴纳电费20万元。”.
    """
    for name, lines in _projects(doc):
        seen: dict[str, Stated] = {}
        reported: set[str] = set()
        for stated in _numbered(doc, lines):
            first = seen.setdefault(stated.item, stated)
            if (first.amount == stated.amount or (first.line, first.cell) == (stated.line,
                                                                              stated.cell)
                    or stated.item in reported):
                continue
            reported.add(stated.item)
            yield make_finding("PROJECT.ITEM_AMOUNT",
                               [Location(first.line, table="project_performance", name=name),
                                Location(stated.line, table="project_performance", name=name)],
                               {}, name=name, item=stated.item, first=first.amount,
                               second=stated.amount)


def _projects(doc: Document) -> Iterator[tuple[str, range]]:
    """Each project's name and lines: a form's, or a list's rows from the row that names it
    (under 项目名称) to the row before the next one that does."""
    for form in project_forms(doc):
        yield form.name, range(form.lines[0], form.lines[1] + 1)
    for table in doc.tables_of("project_performance"):
        first, last = table.lines
        column, header = _name_column(doc, first, last)
        if column is None:
            continue
        starts = [(n, name) for n in range(header + 1, last + 1)
                  if (name := _cell(doc, n, column))]
        for (start, name), after in zip(starts, [*starts[1:], (last + 1, "")], strict=True):
            yield name, range(start, after[0])


def _name_column(doc: Document, first: int, last: int) -> tuple[int | None, int]:
    """The column headed 项目名称 and its header line, within the table's first lines."""
    for number in range(first, min(first + HEADER_LINES, last + 1)):
        if NAME_HEAD[-1] not in doc.line_text(number):  # no cell of it, blanks inside or not
            continue
        cells = _cells(doc, number)
        if NAME_HEAD in cells:
            return cells.index(NAME_HEAD), number
    return None, first


def _cell(doc: Document, number: int, column: int) -> str:
    """`_cells(doc, number)[column]` ("" when the line has fewer cells), the others not made."""
    cells = doc.line_text(number).split("\t")
    return "".join(cells[column].split()) if len(cells) > column else ""


def _cells(doc: Document, number: int) -> list[str]:
    return ["".join(cell.split()) for cell in doc.line_text(number).split("\t")]


def _numbered(doc: Document, lines: range) -> Iterator[Stated]:
    for number in lines:
        text = doc.line_text(number)
        if "元" not in text:  # every match ends in 元 (most of a form's lines hold none)
            continue
        for column, cell in enumerate(text.split("\t")):
            if "元" not in cell:
                continue
            for match in NUMBERED_ITEM.finditer(cell):
                amount = f"{match.group('amount')}{match.group('unit')}"
                yield Stated(match.group("item"), amount, number, column)
