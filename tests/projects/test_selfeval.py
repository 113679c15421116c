"""绩效自评表: reading by column, and the execution-rate and score rules on small documents."""

from __future__ import annotations

import pytest

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


# the 财政部 template: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, indicators under a
# header whose first cell is the block label "绩效指标"
TEMPLATE = [
    "项目名称\t示例经费",
    "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "\t年度资金总额\t28.00\t32.00\t{spent}\t10\t93.75%\t9.38",
    "\t其中：当年财政拨款\t28.00\t32.00\t30.00\t—\t—\t—",
    "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
    "\t产出指标\t数量指标\t开展活动场次\t≥12场\t14场\t20\t20\t",
    "\t满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t95%\t10\t10\t",
    "总分\t\t\t\t\t\t100\t99.38\t",
]


def _template(spent: str = "30.00") -> list[Line]:
    return [Line(i + 1, t.format(spent=spent)) for i, t in enumerate(TEMPLATE)]


def test_template_reads_the_full_year_budget_and_the_spending() -> None:
    """执行率 = 全年执行数 / 全年预算数: the 年初预算数 before them is not the budget."""
    lines = _template()
    rows = read_execution(lines, 1, len(lines))
    assert [(e.label, e.budget.value, e.actual.value, e.rate) for e in rows] == [
        ("年度资金总额", 32.0, 30.0, 93.75)]
    form = ProjectForm(lines=(1, len(lines)), name="示例经费", name_line=1)
    form.execution = rows
    doc = Document(source=Source("t.txt", "text", "", lines), year=2023, kind="部门决算",
                   forms=[form])
    assert not run_rules(doc, only=["PROJECT.SELF_RATE"])


def test_template_indicators_under_a_block_label() -> None:
    lines = _template()
    found = read_self_indicators(lines, 1, len(lines))
    assert [(i.name, i.level1, i.level2, i.values, i.actual, i.weight, i.score)
            for i in found] == [
        ("开展活动场次", "产出指标", "数量指标", ["≥12场"], "14场", "20", "20"),
        ("服务对象满意度", "满意度指标", "服务对象满意度指标", ["≥90%"], "95%", "10", "10")]


def _stated(spent: str, unit: str = "万元", form_spent: str = "30.00") -> Document:
    """A 决算 without a 项目支出表: the narrative states the project's 执行数, the form its own."""
    from yusuan.recognise.projects.link import link_projects
    from yusuan.recognise.projects.narrative import narrative_items
    texts = ["（三）项目支出绩效自评结果",
             f"1. 示例经费：项目全年预算数为32.00{unit}，执行数为{spent}{unit}，完成预算的93.75%。",
             "（四）绩效自评结果应用情况"]
    form_lines = [t.format(spent=form_spent) for t in TEMPLATE]
    lines = [Line(i + 1, t) for i, t in enumerate(texts + form_lines)]
    first = len(texts) + 1
    form = ProjectForm(lines=(first, len(lines)), name="示例经费", name_line=first, money=unit)
    form.execution = read_execution(lines, first, len(lines))
    items = narrative_items(lines, set(range(first, len(lines) + 1)))
    projects = link_projects([], items, [form], None)
    return Document(source=Source("t.txt", "text", "", lines), year=2023, kind="部门决算",
                    forms=[form], projects=projects)


def test_self_spent_against_the_narrative_when_no_project_table() -> None:
    """Without a 项目支出表, the 执行数 the narrative states for the project is the 决算 the
    form's 执行数 must equal."""
    assert not run_rules(_stated("30.00"), only=["PROJECT.SELF_SPENT"])
    assert not run_rules(_stated("300000", unit="元", form_spent="300000"),
                         only=["PROJECT.SELF_SPENT"])
    found = run_rules(_stated("30.00", form_spent="28.00"), only=["PROJECT.SELF_SPENT"])
    assert [[loc.line for loc in f.locations] for f in found] == [[6, 2]]
    assert found[0].values == {"reported": 28.0, "computed": 30.0}


# the same forms in the other table layouts: a markdown pipe row per line, or one cell per
# TAB-led line with blank cells as lines holding only a TAB and rows parted by blank lines
def _pipe(rows: list[str]) -> list[str]:
    return ["| " + " | ".join(row.split("\t")) + " |" for row in rows]


def _cell_per_line(rows: list[str]) -> list[str]:
    out: list[str] = []
    for row in rows:
        out += [f"\t{cell}" for cell in row.split("\t")] + [""]
    return out


LAYOUTS = {"tabbed": list, "pipe": _pipe, "cell_per_line": _cell_per_line}


def _read(layout: str, spent: str = "30.00") -> tuple[list, list]:
    from yusuan.layout import source_to_rows
    from yusuan.recognise.projects.selfeval import execution_rows, self_indicator_rows
    texts = LAYOUTS[layout]([t.format(spent=spent) for t in TEMPLATE])
    source = Source("t.txt", "text", "", [Line(i + 1, t) for i, t in enumerate(texts)])
    rows = source_to_rows(source)
    assert source.layout == layout
    return execution_rows(rows), self_indicator_rows(rows)


@pytest.mark.parametrize("layout", ["pipe", "cell_per_line"])
def test_a_self_evaluation_reads_alike_in_every_layout(layout: str) -> None:
    """Budget, 执行数, rate and indicators as in the tabbed form; in one cell per line each
    figure keeps the line of its own cell."""
    def figures(execution: list, indicators: list) -> tuple[list, list]:
        return ([(e.label, e.budget.value, e.budget.decimals, e.actual.value, e.rate,
                  e.rate_decimals) for e in execution],
                [(i.name, i.level1, i.level2, i.values, i.actual, i.weight, i.score)
                 for i in indicators])

    tabbed = figures(*_read("tabbed"))
    assert tabbed[0] == [("年度资金总额", 32.0, 2, 30.0, 93.75, 2)]
    execution, indicators = _read(layout)
    assert figures(execution, indicators) == tabbed
    if layout == "cell_per_line":
        texts = _cell_per_line(TEMPLATE)
        row = execution[0]
        assert (texts[row.budget.line - 1], texts[row.actual.line - 1], texts[row.line - 1]) \
            == ("\t32.00", "\t{spent}", "\t93.75%")
        first = indicators[0]
        assert (texts[first.line - 1], texts[first.value_line - 1]) == ("\t开展活动场次", "\t≥12场")


@pytest.mark.parametrize("layout", ["pipe", "cell_per_line"])
def test_a_wrong_rate_is_found_in_every_layout(layout: str) -> None:
    execution, _ = _read(layout, spent="28.00")
    form = ProjectForm(lines=(1, 40), name="示例经费", name_line=1)
    form.execution = execution
    doc = Document(source=Source("t.txt", "text", "", []), year=2023, kind="部门决算", forms=[form])
    found = run_rules(doc, only=["PROJECT.SELF_RATE"])
    assert [[loc.line for loc in f.locations] for f in found] == [[execution[0].line]]
    assert found[0].values == {"reported": 93.75, "computed": 87.5}


@pytest.mark.parametrize("layout", ["pipe", "cell_per_line"])
def test_generated_self_evaluations_read_alike_in_every_layout(layout: str) -> None:
    """A whole generated 决算 through the pipeline: every 绩效自评表 (部门整体 and each
    project's) reads the same budget, 执行数, rate and indicators as in the tabbed text."""
    from finalbuilder import culture_final, render_final

    from yusuan.pipeline import document_from_text

    def forms(layout: str) -> list:
        doc = document_from_text(render_final(culture_final(), layout))
        return [(getattr(f, "name", None),
                 [(e.label, e.budget.value, e.actual.value, e.rate) for e in f.execution],
                 [(i.name, i.level1, i.level2, i.values, i.actual, i.weight, i.score)
                  for i in f.indicators]) for f in doc.forms]

    tabbed = forms("tabbed")
    assert len(tabbed) == 6 and all(execution and indicators for _, execution, indicators in tabbed)
    assert forms(layout) == tabbed


def _rate_findings(header: str, row: str) -> list:
    """PROJECT.SELF_RATE on a one-row 预算执行情况 block."""
    lines = [Line(1, "项目名称\t示例经费"), Line(2, header), Line(3, row)]
    form = ProjectForm(lines=(1, 3), name="示例经费", name_line=1)
    form.execution = read_execution(lines, 1, 3)
    doc = Document(source=Source("t.txt", "text", "", lines), year=2023, kind="部门决算", forms=[form])
    return run_rules(doc, only=["PROJECT.SELF_RATE"])


def test_self_rate_that_other_figures_of_the_row_give_is_not_judged() -> None:
    """A blank 年初预算数 or a 分值 beside the amounts shifts the columns: when two printed
    figures give the rate, the rate is right and the reading is unsure."""
    assert _rate_findings("预算执行情况（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
                          "\t年度资金总额\t1033\t1033\t10\t100%\t10") == []


def test_unscored_sub_rows_printing_zero_are_not_judged() -> None:
    header = "预算执行情况（万元）\t资金来源\t预算数（A）\t执行数（B）\t执行率（B/A）"
    assert _rate_findings(header, "\t其中：财政拨款\t140.61\t140.61\t0.0%") == []
    assert len(_rate_findings(header, "\t年度资金总额\t140.61\t140.61\t0.0%")) == 1


def test_a_wrong_rate_in_a_row_without_a_blank_is_still_found() -> None:
    """80 | 80 | 76.8 | 100%: 年初 = 全年 gives 100%, but no cell is blank: the rate is wrong."""
    header = "预算执行情况（万元）\t年初预算数\t全年预算数\t全年执行数\t执行率"
    assert len(_rate_findings(header, "\t年度资金总额\t80\t80\t76.8\t100%")) == 1
