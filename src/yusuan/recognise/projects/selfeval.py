"""绩效自评表 (整体 or 项目): the 预算数 / 执行数 / 执行率 block and the indicator rows with their
年初目标值 / 实际完成值 (and 分值 / 得分 / 偏差原因 where printed), read by column from the
layout's rows (tabbed, pipe or one cell per line: blank cells keep their columns), each figure
with the line its own cell stands on."""

from __future__ import annotations

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.layout.tabbed import line_to_row
from yusuan.model import Line, Row
from yusuan.recognise.projects.indicators import LEVEL1, LEVEL2
from yusuan.recognise.projects.model import Indicator
from yusuan.recognise.projects.text import Amount, Cell, clean, compact, parse_number

SELF_TITLE = "自评表"
COLUMNS = {
    "level1": ("一级指标",),
    "level2": ("二级指标",),
    "name": ("三级指标", "绩效指标"),
    "target": ("年初目标值", "年度指标值", "指标值", "目标值"),
    "actual": ("实际完成值", "全年实际值", "实际值"),
    "weight": ("分值",),
    "score": ("得分",),
    "reason": ("偏差原因", "未完成原因", "偏差原因分析"),
}
EXEC_HEADER = ("预算数", "执行数")
FIGURE = regexes.compile(r"^[-−]?\d[\d,]*(?:\.\d+)?$")
PERCENT = regexes.compile(r"^(\d+(?:\.\d+)?)\s*[%％]$")
GOAL_ROW = regexes.compile(r"^年度目标\s*\d+\s*[:：]\s*(.+)$")
END_PUNCT = "。.；;，, "
STOP = ("偏差大", "改进措施", "备注", "总体目标", "单位名称", "项目名称")


@dataclass(slots=True)
class Execution:
    """One 资金来源 row of the 预算执行情况 block: 预算数 (A), 执行数 (B), 执行率 (B/A)."""

    label: str
    budget: Amount
    actual: Amount
    rate: float | None
    rate_decimals: int
    line: int  # the line of the printed rate
    figures: tuple[float, ...] = ()  # every figure the row prints before its rate
    shifted: bool = False  # fewer figures than the header has columns before the rate


def is_self_evaluation(title: str) -> bool:
    return SELF_TITLE in compact(title)


def rows_within(rows: list[Row], first: int, last: int) -> list[Row]:
    """The rows whose first line is numbered first..last (inclusive)."""
    return [row for row in rows if first <= (row.lines[0] if row.lines else row.line) <= last]


def tabbed_rows(lines: list[Line], first: int, last: int) -> list[Row]:
    """The TAB-separated rows of the lines numbered first..last."""
    return [line_to_row(line) for line in lines[first - 1:last] if line.text.strip()]


def _cells(row: Row) -> list[Cell]:
    """A row's cells in their columns, blanks kept, each with its own line."""
    return [Cell(clean(cell.text), cell.line or row.line) for cell in row.cells]


def money_columns(cells: list[str]) -> tuple[int, int] | None:
    """Of a 预算执行情况 header's amount columns (预算数 / 执行数 ones, in order), the rank of
    the budget the rate divides by and of the spending: with 年初预算数 | 全年预算数 |
    全年执行数 (the 财政部 template) the 全年预算数, else the last 预算数 before the 执行数."""
    amounts = [compact(c) for c in cells if any(h in compact(c) for h in EXEC_HEADER)]
    spent = next((i for i, c in enumerate(amounts) if "执行数" in c), None)
    if spent is None or spent == 0:
        return None
    budgets = [i for i, c in enumerate(amounts[:spent]) if "预算数" in c]
    if not budgets:
        return None
    full = [i for i in budgets if amounts[i].startswith(("全年", "调整"))]
    return (full or budgets)[-1], spent


def read_execution(lines: list[Line], first: int, last: int) -> list[Execution]:
    """`execution_rows` of the TAB-separated lines numbered first..last."""
    return execution_rows(tabbed_rows(lines, first, last))


def columns_before_rate(words: list[str]) -> int:
    """How many figure columns a 预算执行情况 header prints between its first 预算数 and 执行率."""
    texts = [compact(w) for w in words]
    first = next((i for i, t in enumerate(texts) if "预算数" in t), None)
    rate = next((i for i, t in enumerate(texts) if "执行率" in t), None)
    return rate - first if first is not None and rate is not None and rate > first else 0


def execution_rows(rows: list[Row]) -> list[Execution]:
    """Rows of two figures and a percent after a 预算数 … 执行数 header, the figures taken
    from the header's budget and spending columns (the amount columns in order)."""
    out: list[Execution] = []
    header: tuple[int, int] | None = None
    columns = 0
    for row in rows:
        cells = [c for c in _cells(row) if c.text]
        words = [c.text for c in cells]
        text = compact("".join(words))
        if all(h in text for h in EXEC_HEADER):
            header = money_columns(words) or (0, 1)
            columns = columns_before_rate(words)
            continue
        if header is None:
            continue
        if any(compact(w) in sum(COLUMNS.values(), ()) for w in words):
            break
        figures = [i for i, w in enumerate(words) if FIGURE.match(w.replace(" ", ""))]
        percents = [i for i, w in enumerate(words) if PERCENT.match(w.replace(" ", ""))]
        if len(figures) <= max(header) or not percents:
            continue
        budget_cell, actual_cell = (cells[figures[i]] for i in header)
        budget, actual = parse_number(budget_cell.text), parse_number(actual_cell.text)
        rate_cell = cells[percents[0]]
        rate = PERCENT.match(rate_cell.text.replace(" ", ""))
        if budget is None or actual is None or rate is None:
            continue
        label = compact(words[figures[0] - 1]) if figures[0] else ""
        decimals = len(rate.group(1).partition(".")[2])
        printed = tuple(parsed[0] for i in figures if i < percents[0]
                        and (parsed := parse_number(cells[i].text)) is not None)
        out.append(Execution(label, Amount(budget[0], budget[1], budget_cell.line),
                             Amount(actual[0], actual[1], actual_cell.line), float(rate.group(1)),
                             decimals, rate_cell.line, printed, len(printed) < columns))
    return out


def _columns(fields: list[str]) -> dict[str, int]:
    """Each column's index; a name earlier in its list wins over a later one ("三级指标" over
    the block label "绩效指标" the 财政部 template prints in the first column)."""
    out: dict[str, int] = {}
    rank: dict[str, int] = {}
    for index, field in enumerate(fields):
        word = compact(field)
        for key, names in COLUMNS.items():
            found = next((r for r, n in enumerate(names) if word.startswith(n)), None)
            if found is None:
                continue
            if key not in out or found < rank[key]:
                out[key], rank[key] = index, found
            break
    return out


def _level1(word: str, previous: str) -> str:
    if not word or word == "指标":
        return previous
    return word if word.endswith("指标") else f"{word}指标"


def read_self_indicators(lines: list[Line], first: int, last: int) -> list[Indicator]:
    """`self_indicator_rows` of the TAB-separated lines numbered first..last."""
    return self_indicator_rows(tabbed_rows(lines, first, last))


def self_indicator_rows(rows: list[Row]) -> list[Indicator]:
    """Indicator rows under each 一级指标 … 实际完成值 header; blank level cells carry down.
    A row whose first cell is a 一级指标 while the header's is not is shifted one column."""
    out: list[Indicator] = []
    columns: dict[str, int] = {}
    level1 = level2 = goal = ""
    goal_line = 0
    for row in rows:
        cells = _cells(row)
        fields = [c.text for c in cells]
        text = compact("".join(fields))
        found = _columns(fields)
        if {"level1", "name", "target"} <= set(found):
            columns, level1, level2 = found, "", ""
            continue
        goal_match = GOAL_ROW.match(clean(" ".join(fields)))
        if goal_match:
            goal, goal_line, columns = compact(goal_match.group(1)), row.line, {}
            continue
        if not columns or not text:
            continue
        if text.startswith(STOP):
            columns = {}
            continue
        if fields and LEVEL1.match(compact(fields[0])) and columns["level1"] > 0:
            cells = [Cell("", row.line)] * columns["level1"] + cells

        def at(key: str, row: list[Cell] = cells, cols: dict[str, int] = columns) -> Cell:
            index = cols.get(key)
            return row[index] if index is not None and index < len(row) else Cell("", 0)

        name, target = compact(at("name").text), at("target").text.rstrip(END_PUNCT)
        if at("level1").text:
            level1 = _level1(compact(at("level1").text), level1)
            level2 = ""
        level2_text = at("level2").text
        if level2_text and (LEVEL2.match(compact(level2_text)) or "指标" in level2_text):
            level2 = compact(level2_text)
        if not name or not target:
            continue
        name_line, value_line = at("name").line, at("target").line
        ind = Indicator(name, [target], name_line, level1, level2, "self", "annual",
                        value_line, [value_line], "年度" if goal else "", goal_line)
        ind.actual, ind.weight = at("actual").text.rstrip(END_PUNCT), at("weight").text
        ind.score = at("score").text
        ind.reason, ind.goal = at("reason").text, goal
        out.append(ind)
    return out
