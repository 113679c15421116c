"""绩效自评表 (整体 or 项目): the 预算数 / 执行数 / 执行率 block and the indicator rows with their
年初目标值 / 实际完成值 (and 分值 / 得分 / 偏差原因 where printed), read by column."""

from __future__ import annotations

import re
from dataclasses import dataclass

from yusuan.model import Line
from yusuan.recognise.projects.indicators import LEVEL1, LEVEL2
from yusuan.recognise.projects.model import Indicator
from yusuan.recognise.projects.text import Amount, clean, compact, parse_number

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
FIGURE = re.compile(r"^[-−]?\d[\d,]*(?:\.\d+)?$")
PERCENT = re.compile(r"^(\d+(?:\.\d+)?)\s*[%％]$")
GOAL_ROW = re.compile(r"^年度目标\s*\d+\s*[:：]\s*(.+)$")
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
    line: int


def is_self_evaluation(title: str) -> bool:
    return SELF_TITLE in compact(title)


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
    """Rows of two figures and a percent after a 预算数 … 执行数 header, the figures taken
    from the header's budget and spending columns (the amount columns in order)."""
    out: list[Execution] = []
    header: tuple[int, int] | None = None
    for line in lines[first - 1:last]:
        cells = [clean(c) for c in line.text.split("\t") if clean(c)]
        text = compact(line.text)
        if all(h in text for h in EXEC_HEADER):
            header = money_columns(cells) or (0, 1)
            continue
        if header is None:
            continue
        if any(compact(c) in sum(COLUMNS.values(), ()) for c in cells):
            break
        figures = [i for i, c in enumerate(cells) if FIGURE.match(c.replace(" ", ""))]
        percents = [i for i, c in enumerate(cells) if PERCENT.match(c.replace(" ", ""))]
        if len(figures) <= max(header) or not percents:
            continue
        budget, actual = (parse_number(cells[figures[i]]) for i in header)
        rate = PERCENT.match(cells[percents[0]].replace(" ", ""))
        if budget is None or actual is None or rate is None:
            continue
        label = compact(cells[figures[0] - 1]) if figures[0] else ""
        decimals = len(rate.group(1).partition(".")[2])
        out.append(Execution(label, Amount(budget[0], budget[1], line.number),
                             Amount(actual[0], actual[1], line.number), float(rate.group(1)),
                             decimals, line.number))
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
    """Indicator rows under each 一级指标 … 实际完成值 header; blank level cells carry down.
    A row whose first cell is a 一级指标 while the header's is not is shifted one column."""
    out: list[Indicator] = []
    columns: dict[str, int] = {}
    level1 = level2 = goal = ""
    goal_line = 0
    for line in lines[first - 1:last]:
        fields = [clean(f) for f in line.text.split("\t")]
        text = compact(line.text)
        found = _columns(fields)
        if {"level1", "name", "target"} <= set(found):
            columns, level1, level2 = found, "", ""
            continue
        goal_match = GOAL_ROW.match(clean(line.text))
        if goal_match:
            goal, goal_line, columns = compact(goal_match.group(1)), line.number, {}
            continue
        if not columns or not text:
            continue
        if text.startswith(STOP):
            columns = {}
            continue
        if fields and LEVEL1.match(compact(fields[0])) and columns["level1"] > 0:
            fields = [""] * columns["level1"] + fields

        def at(key: str, row: list[str] = fields, cols: dict[str, int] = columns) -> str:
            index = cols.get(key)
            return row[index] if index is not None and index < len(row) else ""

        name, target = compact(at("name")), at("target").rstrip(END_PUNCT)
        if at("level1"):
            level1 = _level1(compact(at("level1")), level1)
            level2 = ""
        if at("level2") and (LEVEL2.match(compact(at("level2"))) or "指标" in at("level2")):
            level2 = compact(at("level2"))
        if not name or not target:
            continue
        ind = Indicator(name, [target], line.number, level1, level2, "self", "annual",
                        line.number, [line.number], "年度" if goal else "", goal_line)
        ind.actual, ind.weight = at("actual").rstrip(END_PUNCT), at("weight")
        ind.score = at("score")
        ind.reason, ind.goal = at("reason"), goal
        out.append(ind)
    return out
