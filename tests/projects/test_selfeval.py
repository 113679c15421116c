"""绩效自评表: reading by column, and the execution-rate and score rules on small documents."""

from __future__ import annotations

from yusuan.model import Document, Line, Source
from yusuan.recognise.projects.model import ProjectForm
from yusuan.recognise.projects.selfeval import read_execution, read_self_indicators
from yusuan.rules.engine import run_rules

TEXT = [
    "项目名称\t示例经费",
    "预算执行情况（万元）\t资金来源\t预算数（A）\t执行数（B）\t执行率（B/A）",
    "\t一般预算内拨款\t{budget}\t76.8\t100%",
    "年度绩效目标完成情况\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
    "\t产出指标\t数量指标\t检查次数\t≥2次\t3次\t10\t{score}",
    "\t\t\t整改率\t100%\t100%\t10\t10",
    "备注：",
]


def _doc(budget: str = "76.8", score: str = "10") -> Document:
    lines = [Line(i + 1, t.format(budget=budget, score=score)) for i, t in enumerate(TEXT)]
    form = ProjectForm(lines=(1, len(lines)), name="示例经费", name_line=1)
    form.indicators = read_self_indicators(lines, 1, len(lines))
    form.execution = read_execution(lines, 1, len(lines))
    return Document(source=Source("t.txt", "text", "", lines), year=2023, kind="部门决算",
                    forms=[form])


def test_reads_columns() -> None:
    form = _doc().forms[0]
    assert [(i.name, i.level1, i.values, i.actual, i.weight, i.score) for i in form.indicators] == [
        ("检查次数", "产出指标", ["≥2次"], "3次", "10", "10"),
        ("整改率", "产出指标", ["100%"], "100%", "10", "10")]
    assert [(e.budget.value, e.actual.value, e.rate) for e in form.execution] == [(76.8, 76.8, 100.0)]


def test_self_rate() -> None:
    assert not run_rules(_doc(), only=["PROJECT.SELF_RATE"])
    found = run_rules(_doc(budget="80"), only=["PROJECT.SELF_RATE"])
    assert [[loc.line for loc in f.locations] for f in found] == [[3]]


def test_self_score() -> None:
    assert not run_rules(_doc(), only=["PROJECT.SELF_SCORE"])
    found = run_rules(_doc(score="12"), only=["PROJECT.SELF_SCORE"])
    assert [[loc.line for loc in f.locations] for f in found] == [[5]]


def _dept_doc(spent: str, kind: str = "部门决算") -> Document:
    from yusuan.recognise.projects.model import DeptForm
    texts = ["预算执行情况（万元）\t\t预算数（A）\t执行数（B）\t执行率（B/A）",
             f"\t部门整体支出总额\t401.75\t{spent}\t100%",
             "1. 预算执行情况口径：预算数为年初预算总额，执行数为调整后单位实际支出数。"]
    lines = [Line(i + 1, t) for i, t in enumerate(texts)]
    form = DeptForm(lines=(1, 3))
    form.execution = read_execution(lines, 1, 3)
    return Document(source=Source("t.txt", "text", "", lines), year=2023, kind=kind, forms=[form],
                    headline={"total_expenditure": {"value": 442.86, "line": 9}})


def test_self_spent() -> None:
    assert not run_rules(_dept_doc("442.86"), only=["PROJECT.SELF_SPENT"])
    assert not run_rules(_dept_doc("401.75", kind="部门预算"), only=["PROJECT.SELF_SPENT"])
    found = run_rules(_dept_doc("401.75"), only=["PROJECT.SELF_SPENT"])
    assert [[loc.line for loc in f.locations] for f in found] == [[2, 3, 9]]
    assert found[0].values == {"reported": 401.75, "computed": 442.86}
