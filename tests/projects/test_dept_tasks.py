"""PROJECT.DEPT_TASKS: the 部门整体 form's 年度主要任务 rows (任务名称 | 主要内容 | 预算金额) are
read with their 金额合计 and unit; they add up, and the task that covers the 基本支出 is the
tables' 基本支出合计, a 万元 figure against a 元 table kept to its own precision."""

from __future__ import annotations

from yusuan.model import Document, Line, Source, Table
from yusuan.recognise.projects.model import DeptForm
from yusuan.recognise.projects.tasks import read_tasks
from yusuan.rules.engine import run_rules

FORM = ["部门（单位）名称\t\t某市某局",
        "年度主要任务\t任务名称\t\t主要内容\t\t预算金额（万元）",
        "\t\t\t\t\t总额\t财政拨款\t其他资金",
        "\t1、宣传工作\t\t开展主题宣传活动\t\t290\t290\t",
        "\t2、基本履职\t\t单位人员经费、公用经费等基本支出。\t\t{basic}\t{basic}\t",
        "\t金额合计\t\t\t\t{total}\t{total}\t",
        "年度总体目标\t目标1：完成各项工作任务。"]


def _form(basic: str, total: str, first: int = 100) -> DeptForm:
    lines = [Line(first + i, text.format(basic=basic, total=total))
             for i, text in enumerate(FORM)]
    form = DeptForm(lines=(first, first + len(lines) - 1))
    read_tasks(form, lines)
    return form


def _document(form: DeptForm, basic_yuan: float) -> Document:
    summary = Table(kind="summary", title="收支总表", lines=(10, 30), unit="元")
    return Document(source=Source("t.txt", "text", "", []), year=2021, kind="部门预算",
                    forms=[form], tables=[summary],
                    headline={"basic_expenditure": {"value": basic_yuan, "line": 12}})


def test_the_task_rows_are_read_with_their_total_and_unit() -> None:
    form = _form("2317.44", "2607.44")
    assert [(t.name, t.total.value, t.line) for t in form.task_rows] == [
        ("1、宣传工作", 290.0, 103), ("2、基本履职", 2317.44, 104)]
    assert form.task_rows[1].content == "单位人员经费、公用经费等基本支出。"
    assert (form.task_total.value, form.task_total.line, form.task_money) == (2607.44, 105, "万元")


def test_the_basic_task_at_the_tables_basic_expenditure_is_quiet() -> None:
    found = run_rules(_document(_form("2317.44", "2607.44"), 23_174_401.79),
                      only=["PROJECT.DEPT_TASKS"])
    assert found == []


def test_the_basic_task_above_the_tables_basic_expenditure() -> None:
    found = run_rules(_document(_form("2877.44", "3167.44"), 23_174_401.79),
                      only=["PROJECT.DEPT_TASKS"])
    assert len(found) == 1 and found[0].severity == "warning"
    assert [loc.line for loc in found[0].locations] == [104, 12]
    assert "2877.44万元" in found[0].message and "23174401.79元（2317.44万元）" in found[0].message


def test_tasks_that_do_not_add_up_to_their_total() -> None:
    found = run_rules(_document(_form("2317.44", "2707.44"), 23_174_401.79),
                      only=["PROJECT.DEPT_TASKS"])
    assert len(found) == 1 and "金额合计 2707.44" in found[0].message
    assert found[0].locations[0].line == 105


def test_a_form_without_a_budget_column_has_no_task_rows() -> None:
    lines = [Line(1, "年度工作任务\t完成各项工作任务，政策覆盖率达到100%。"),
             Line(2, "\t开展宣传活动 12 场")]
    form = DeptForm(lines=(1, 2))
    read_tasks(form, lines)
    assert form.task_rows == [] and form.task_total is None
