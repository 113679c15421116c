"""PROJECT.DEPT_TASKS: the 年度主要任务 of the 部门整体支出绩效目标表 add up to their 金额合计, and
the task that covers the 基本支出 (基本履职, 机关运转, 人员经费和公用经费) is the tables' 基本支出."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location
from yusuan.recognise.projects.model import DeptForm, DeptTask
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import Amount, sum_finding
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.narrative.common import in_unit
from yusuan.rules.projects.common import as_printed, dept_form, printed, same_figure, same_sum

register_messages({
    "PROJECT.DEPT_TASKS": {
        "zh": "部门整体绩效目标表年度主要任务“{name}”（{content}）预算金额 {reported}{money}，"
              "而报表基本支出合计为 {computed}{unit}{converted}",
        "en": "Department form: the annual task {name} ({content}) is budgeted at "
              "{reported} {money}, but the tables' basic expenditure total is {computed} "
              "{unit}{converted_en}",
    },
    "PROJECT.DEPT_TASKS_SUM": {
        "zh": "部门整体绩效目标表年度主要任务{what} {reported} ≠ 各项任务预算金额之和 {computed}，"
              "差 {difference}",
        "en": "Department form: the annual tasks' {what} {reported} ≠ the sum of the tasks "
              "{computed}, difference {difference}",
    },
})

# a task whose words say it is the 基本支出: certain, or (运转, 运行, 人员工资) most likely
CERTAIN = regexes.compile(r"基本支出|基本履职|人员经费")
LIKELY = regexes.compile(r"基本运[转行]|(?:机关|单位).{0,6}运[转行]|人员工资|人员保障")


@rule("PROJECT.DEPT_TASKS", category="performance_vs_budget", severity="warning",
      title_zh="部门整体绩效目标表年度主要任务金额自洽并与基本支出一致",
      title_en="The department form's annual tasks add up and their basic task is the tables' "
               "basic expenditure",
      rationale="The 年度主要任务 rows of the 部门整体支出绩效目标表 add up to their 金额合计, "
                "and the one task that covers the 基本支出 (基本履职, 机关运转, 人员经费和"
                "公用经费) is budgeted at the tables' 基本支出合计, in the form's unit.")
def dept_tasks(doc: Document) -> Iterator[Finding]:
    """Passes: 基本履职 2317.44万元 with 基本支出合计 23,174,401.79 元. Fails: 基本履职 2877.44
    万元 with 基本支出合计 23,174,401.79 元."""
    dept = dept_form(doc)
    if dept is None or not dept.task_rows or dept.execution or "决算" in (doc.kind or ""):
        return
    if found := _sum(dept):
        yield found
    if found := _basic(doc, dept):
        yield found


def _sum(dept: DeptForm) -> Finding | None:
    total = printed(dept.task_total, "dept_performance", "金额合计")
    parts = [a for t in dept.task_rows if (a := printed(t.total, "dept_performance", t.name))]
    if total is None or len(parts) < 2 or same_sum(total, parts):
        return None
    return sum_finding("PROJECT.DEPT_TASKS", total, parts, "金额合计",
                       message_id="PROJECT.DEPT_TASKS_SUM")


def _basic(doc: Document, dept: DeptForm) -> Finding | None:
    task = _basic_task(dept.task_rows)
    money = dept.task_money
    tables = _basic_totals(doc)
    if task is None or money is None or not tables:
        return None
    mine = printed(task.total, "dept_performance", task.name)
    if mine is None:
        return None
    shown = [(amount, unit, _in_unit(mine, money, unit)) for amount, unit in tables]
    shown = [(amount, unit, converted) for amount, unit, converted in shown
             if converted is not None]
    if not shown or any(same_figure(converted, amount) for amount, _, converted in shown):
        return None
    amount, unit, _ = shown[0]
    wan = in_unit(amount.value, unit, "万元")
    converted = f"（{wan:.2f}万元）" if unit == "元" and money == "万元" else ""
    return make_finding(
        "PROJECT.DEPT_TASKS", [mine.location, amount.location],
        {"task": mine.value, "money": money, "basic": amount.value, "unit": unit},
        severity=None if CERTAIN.search(task.name + task.content) else "info",
        name=task.name, content=task.content[:40], reported=as_printed(mine), money=money,
        computed=as_printed(amount), unit=unit, converted=converted,
        converted_en=f" ({wan:.2f} 万元)" if converted else "")


def _basic_task(tasks: list[DeptTask]) -> DeptTask | None:
    """The one task that covers the 基本支出: named so for certain, else the one most likely."""
    for pattern in (CERTAIN, LIKELY):
        found = [t for t in tasks if pattern.search(t.name + t.content)]
        if found:
            return found[0] if len(found) == 1 else None
    return None


def _basic_totals(doc: Document) -> list[tuple[Amount, str]]:
    """The tables' 基本支出合计 with its unit: each 基本支出表's 合计, then the headline figure
    (the 收支总表's, of every source of funds)."""
    out: list[tuple[Amount, str]] = []
    for table in doc.tables:
        if table.kind != "basic_expenditure" or table.unit not in ("元", "万元") \
                or table.doubts:
            continue
        row = next((r for r in table.rows if r.name.replace(" ", "") == "合计"), None)
        if row is not None and row.values.get("total") is not None:
            out.append((Amount(float(row.values["total"]), max(row.decimals.get("total", 2), 0),
                               Location(row.line_of("total"), table=table.kind, name="合计")),
                        table.unit))
    head = doc.headline.get("basic_expenditure") or {}
    if head.get("value") is not None and head.get("source") != "narrative":
        line = int(head.get("line", 0))
        held = next((t for t in doc.tables if t.lines[0] <= line <= t.lines[1]), None)
        unit = held.unit if held is not None and not held.doubts else None
        if unit in ("元", "万元"):
            out.append((Amount(float(head["value"]), 2, Location(line, name="基本支出")), unit))
    return out


def _in_unit(amount: Amount, money: str, unit: str) -> Amount | None:
    """The task's figure in the table's unit (a 万元 figure in 元 keeps its own precision)."""
    if money == unit:
        return amount
    if money == "万元" and unit == "元":
        return Amount(round(in_unit(amount.value, money, unit), 2), amount.decimals - 4,
                      amount.location)
    return None
