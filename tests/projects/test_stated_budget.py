"""PROJECT.STATED_BUDGET: one project's budget, stated in the narrative twice ('涉及预算金额') and
as its 全年预算数 (自评综述, 绩效自评表), is one amount."""

from __future__ import annotations

from yusuan.model import Document, Line, Source
from yusuan.recognise.projects.model import ProjectForm
from yusuan.recognise.projects.selfeval import read_execution
from yusuan.rules.engine import run_rules

TEXT = [
    "（二）部门整体支出绩效自评结果。",
    "组织对本部门2022年度主管的甲事业发展专项资金1个",
    "专项资金项目进行自评，涉及预算金额52110万元。",
    "（四）专项资金绩效自评结果。",
    "组织对本部门2022年度主管的的甲事业发展专项资金",
    "等1个专项资金项目进行自评，涉及预算金额{second}万元。",
    "1.甲事业发展专项资金绩效自评综述：全年预算数",
    "52110万元，执行数51552.9万元，完成预算的98.93%。",
    "西安市级甲事业发展专项资金绩效自评表",
    "项目名称\t\t甲事业发展专项资金",
    "项目资金（万元）\t\t年初预算数\t全年预算数（A）\t全年执行数（B）\t分值\t执行率（B/A）\t得分",
    "\t年度资金总额\t{initial}\t{form}\t51,552.90\t10\t98.93%\t9.00",
]
FORM_FIRST = 9


def _doc(second: str = "52110", form_budget: str = "52110", initial: str = "52110",
         text: list[str] = TEXT) -> Document:
    lines = [Line(i + 1, t.format(second=second, form=form_budget, initial=initial))
             for i, t in enumerate(text)]
    form = ProjectForm(lines=(FORM_FIRST, len(lines)), name="甲事业发展专项资金", name_line=10)
    form.execution = read_execution(lines, FORM_FIRST, len(lines))
    return Document(source=Source("t.txt", "text", "", lines), year=2022, kind="部门决算",
                    forms=[form])


def _found(doc: Document) -> list[tuple[str, list[int]]]:
    return [(f.message, [loc.line for loc in f.locations])
            for f in run_rules(doc, only=["PROJECT.STATED_BUDGET"])]


def test_one_budget_stated_alike_everywhere_passes() -> None:
    assert _found(_doc()) == []


def test_the_spending_given_as_the_budget_the_second_time_is_found() -> None:
    found = _found(_doc(second="51552.9"))
    assert len(found) == 1
    message, lines = found[0]
    assert message.startswith("“甲事业发展专项资金”的预算金额前后不一：")
    assert "涉及预算金额 52110万元；涉及预算金额 51552.9万元" in message
    assert "自评综述写全年预算数 52110万元" in message and "绩效自评表全年预算数 52110万元" in message
    assert message.endswith("（51552.9万元是绩效自评表的执行数）")
    assert lines == [3, 6, 8, 12]


def test_the_form_alone_disagreeing_is_found() -> None:
    found = _found(_doc(form_budget="52000", initial="52000"))
    assert len(found) == 1 and "绩效自评表全年预算数 52000万元" in found[0][0]


def test_a_form_whose_initial_budget_is_the_amount_stated_agrees() -> None:
    """年初预算数 52110, adjusted to 全年预算数 52000: '涉及预算金额52110' is its budget too."""
    text = [t.replace("52110万元，执行数", "52000万元，执行数") for t in TEXT]
    assert _found(_doc(form_budget="52000", text=text)) == []


def test_an_amount_of_several_projects_is_not_one_projects_budget() -> None:
    text = [t.replace("1个", "3个") if "1个" in t else t for t in TEXT]
    assert _found(_doc(form_budget="52000", text=text)) == []
