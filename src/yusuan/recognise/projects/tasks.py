"""The 年度主要任务 of the 部门整体支出绩效目标表: one row a task (任务名称 | 主要内容 | 预算金额:
总额 | 财政拨款 | 其他资金), closed by a 金额合计 row; the money unit from the 预算金额 head."""

from __future__ import annotations

from yusuan import regexes
from yusuan.model import Line
from yusuan.recognise.projects.model import DeptForm, DeptTask
from yusuan.recognise.projects.text import Amount, clean, compact, parse_number

HEAD = regexes.compile(r"^年度(?:主要|工作)任务")
UNIT = regexes.compile(r"预算金额[(（](万元|元)[)）]")
TOTAL_NAMES = ("金额合计", "合计", "总计", "资金合计")
# what ends the task rows: the goals or indicators below them
AFTER = regexes.compile(r"^(?:年度总体目标|年度绩效目标|年度绩效指标|长期目标|年度目标|目标\s*1|一级指标)")
HEADER_WORDS = {"任务名称", "主要内容", "总额", "财政拨款", "其他资金", "年度主要任务",
                "年度工作任务"}
MAX_HEAD_GAP = 3  # lines from the 年度主要任务 head to the 预算金额 head it belongs with


def read_tasks(form: DeptForm, block: list[Line]) -> None:
    """Fill `form.task_rows`, `form.task_total` and `form.task_money` from the block's rows
    under a 年度主要任务 head that prints a 预算金额 column; nothing when there is none."""
    start, money = _head(block)
    if start is None:
        return
    form.task_money = money
    for line in block[start + 1:]:
        text = compact(line.text)
        if not text:
            continue
        if AFTER.match(text):
            break
        cells = [clean(cell) for cell in line.text.split("\t")] if "\t" in line.text \
            else clean(line.text).split(" ")
        words = [cell for cell in cells if cell and compact(cell) not in HEADER_WORDS]
        figures = [parsed for cell in words if (parsed := parse_number(compact(cell)))]
        names = [cell for cell in words if parse_number(compact(cell)) is None]
        if not figures:
            if names and form.task_rows and form.task_total is None:  # a wrapped content
                form.task_rows[-1].content += "".join(names)
            continue
        total = Amount(figures[0][0], figures[0][1], line.number)
        if names and compact(names[0]) in TOTAL_NAMES:
            form.task_total = total
            break
        if names:  # a row of figures alone is no task
            form.task_rows.append(DeptTask(compact(names[0]), "".join(names[1:]), total,
                                           line.number))


def _head(block: list[Line]) -> tuple[int | None, str | None]:
    """Index of the line that heads the task rows (the last of the 年度主要任务 head and the
    预算金额 head with its 总额 | 财政拨款 row) and the money unit the head names."""
    for index, line in enumerate(block):
        if not HEAD.match(compact(line.text)):
            continue
        money = None
        last = index
        for offset, below in enumerate(block[index:index + MAX_HEAD_GAP + 1]):
            text = compact(below.text)
            if found := UNIT.search(text):
                money, last = found.group(1), index + offset
            elif money and "总额" in text and not _has_figure(below):
                last = index + offset
        return (last, money) if money else (None, None)
    return None, None


def _has_figure(line: Line) -> bool:
    return any(parse_number(compact(cell)) for cell in regexes.split(r"\t|\s+", line.text) if cell)
