"""The 项目支出绩效目标表 printed as one list (湖南): a 合计 line, each unit's line and each
project's line with its 资金总额 and 绩效目标, the indicators below; the 合计 is the sum of the
projects."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.layout.pipe import is_pipe_row
from yusuan.model import Document, Finding, Location, Table
from yusuan.recognise.projects.text import compact, parse_number
from yusuan.rules.engine import rule
from yusuan.rules.engine.common import Amount, sum_finding
from yusuan.rules.engine.messages import register_messages

register_messages({
    "PROJECT.LIST_TOTAL": {
        "zh": "项目支出绩效目标表合计 {reported} ≠ 各项目资金总额之和 {computed}（{count} 个项目），"
              "差 {difference}",
        "en": "Project performance list: 合计 {reported} ≠ the sum of its {count} projects "
              "{computed}, difference {difference}",
    },
})

AMOUNT_HEAD = "资金总额"
NAME_HEADS = ("单位（项目）名称", "项目名称", "单位(项目)名称")


@dataclass(frozen=True, slots=True)
class ListLine:
    """One project line of the list: its 资金总额 and 绩效目标."""

    line: int
    name: str
    amount: float
    decimals: int
    goal: str


def _cells(doc: Document, number: int) -> list[str]:
    """The line's cells: TAB-separated, or a markdown pipe row's."""
    text = doc.line_text(number)
    plain = text.strip()
    parts = plain[1:-1].split("|") if is_pipe_row(plain) else text.split("\t")
    return [compact(cell) for cell in parts]


def _amount_column(doc: Document, table: Table) -> int | None:
    """The column of 资金总额 on the table's header line, the name's just before it."""
    first, last = table.lines
    for number in range(first, min(first + 6, last + 1)):
        if AMOUNT_HEAD[-1] not in doc.line_text(number):
            continue  # no cell of it reads AMOUNT_HEAD
        cells = _cells(doc, number)
        if AMOUNT_HEAD in cells:
            column = cells.index(AMOUNT_HEAD)
            if column >= 1 and cells[column - 1] in NAME_HEADS:
                return column
    return None


def list_lines(doc: Document) -> list[ListLine]:
    """Every line of the doc's project lists with an amount under 资金总额, in order."""
    out: list[ListLine] = []
    for table in doc.tables_of("project_performance"):
        column = _amount_column(doc, table)
        if column is None:
            continue
        for number in range(table.lines[0], table.lines[1] + 1):
            cells = _cells(doc, number)
            parsed = parse_number(cells[column]) if len(cells) > column else None
            if parsed is None or not regexes.search(r"\d", cells[column]):
                continue
            goal = cells[column + 1] if len(cells) > column + 1 else ""
            name = next((cell for cell in reversed(cells[:column]) if cell), "")
            out.append(ListLine(number, name, parsed[0], parsed[1], goal))
    return out


def projects_of(lines: list[ListLine]) -> list[ListLine] | None:
    """The projects: lines with a 绩效目标, a project printed again on each page it runs over
    (same name or same goal, same amount, one after the other) counted once; None when a
    line with an amount is neither the 合计, a unit's line (a name, no goal) nor a project."""
    projects: list[ListLine] = []
    for item in lines:
        if not item.goal:
            if not item.name:
                return None
            continue  # the 合计 or a unit's line
        last = projects[-1] if projects else None
        if last and last.amount == item.amount and (last.name == item.name
                                                   or last.goal[:12] == item.goal[:12]):
            continue
        projects.append(item)
    return projects


@rule("PROJECT.LIST_TOTAL", category="arithmetic", severity="error",
      title_zh="项目支出绩效目标表合计等于各项目之和",
      title_en="The project performance list adds up to its 合计",
      rationale="A 项目支出绩效目标表 printed as one list (单位编码 | 单位（项目）名称 | 资金总额 | "
                "绩效目标 | 指标…) opens with 合计: the sum of every project's 资金总额, each "
                "counted once however many pages its indicators run over.")
def list_total(doc: Document) -> Iterator[Finding]:
    """Passes: 合计 30.00; 项目甲 10.00, 项目乙 20.00 (项目乙 printed again on the next page).
    Fails: 合计 40,233.95; fourteen projects adding to 39,052.86."""
    lines = list_lines(doc)
    total = next((item for item in lines if item.name == "合计" and not item.goal), None)
    projects = projects_of(lines)
    if total is None or not projects or len(projects) < 2:
        return
    whole = Amount(total.amount, total.decimals, Location(total.line, name="合计"))
    parts = [Amount(p.amount, p.decimals, Location(p.line, name=p.name)) for p in projects]
    found = sum_finding("PROJECT.LIST_TOTAL", whole, parts, "合计", count=len(parts))
    if found:
        found.locations = [whole.location, parts[0].location, parts[-1].location]
        yield found
