"""Indicators quoted in the narrative vs the project's form, and one 文号 under two titles."""

from __future__ import annotations

from yusuan.model import Document, Line, Source
from yusuan.recognise.projects.link import link_projects
from yusuan.recognise.projects.model import ProjectForm
from yusuan.recognise.projects.narrative import attach_quotes, narrative_items
from yusuan.recognise.projects.selfeval import read_self_indicators
from yusuan.rules.engine import run_rules

NARRATIVE = [
    "（三）项目支出自评结果",
    ("1. 2023 年度基金审计：项目全年预算数为 21 万元，执行数为 21 万元。主要产出和效益是：一是{q1}"
     " ≥ 2 次。二是{q2} $\\leq 10\\%$ 。"),
    "（四）绩效自评结果应用情况",
]
FORM = [
    "项目名称\t2023年基金审计经费",
    "年度绩效目标完成情况\t一级指标\t二级指标\t三级指标\t年初目标值\t实际完成值",
    "\t产出指标\t数量指标\t购买审计服务次数\t≥2次\t≥2次",
    "\t\t成本指标\t预算执行率偏离度绝对值\t≤{limit}%\t≤{limit}%",
    "\t满意度指标\t服务对象满意度指标\t受众调查问卷满意度比率\t90%\t90%",
    "备注：",
]


def _doc(q1: str = "购买审计服务次数", q2: str = "预算执行率偏离度绝对值", limit: str = "10",
         form_rows: list[str] | None = None) -> Document:
    texts = [t.format(q1=q1, q2=q2) for t in NARRATIVE]
    texts += [t.format(limit=limit) for t in (form_rows or FORM)]
    lines = [Line(i + 1, t) for i, t in enumerate(texts)]
    first = len(NARRATIVE) + 1
    form = ProjectForm(lines=(first, len(lines)), name="2023年基金审计经费", name_line=first)
    form.indicators = read_self_indicators(lines, first, len(lines))
    items = narrative_items(lines, set(range(first, len(lines) + 1)))
    attach_quotes(lines, items)
    projects = link_projects([], items, [form], None)
    return Document(source=Source("t.txt", "text", "", lines), year=2023, kind="部门决算",
                    projects=projects, forms=[form])


def _found(doc: Document, rule_id: str) -> list[tuple[str, list[int]]]:
    return [(f.severity, [loc.line for loc in f.locations]) for f in run_rules(doc, only=[rule_id])]


def test_quotes_are_read() -> None:
    doc = _doc()
    assert doc.forms[0].project is not None
    quotes = doc.projects[0].extra["narrative"]["quotes"]
    assert [(q["name"], q["value"]) for q in quotes] == [("购买审计服务次数", "≥2次"),
                                                        ("预算执行率偏离度绝对值", "≤10%")]


def test_quotes_on_the_form_pass() -> None:
    assert not _found(_doc(), "PROJECT.NARRATIVE_INDICATOR")


def test_quote_absent_similar_or_other_value() -> None:
    rows = [r for r in FORM if "偏离度" not in r]
    found = _found(_doc(q1="基金收支审计服务次数", form_rows=rows), "PROJECT.NARRATIVE_INDICATOR")
    assert ("info", [2, 6]) in found  # only the similar 购买审计服务次数
    assert ("warning", [2, 4]) in found  # 偏离度: not on the form at all (cites its name line)
    assert _found(_doc(limit="5"), "PROJECT.NARRATIVE_INDICATOR") == [("warning", [2, 7])]


def _cite(lines: list[str]) -> Document:
    return Document(source=Source("t.txt", "text", "",
                                  [Line(i + 1, t) for i, t in enumerate(lines)]),
                    year=2025, kind="部门预算")


def test_doc_number_titles() -> None:
    same = ["根据《关于印发〈经办管理体制工作方案〉的通知》（武医保改办文〔2024〕3号）要求",
            "根据《关于印发〈经办管理体制工作方案〉的通知》（武医保改办文[2024]3 号）要求",
            "陂编【2019】32号文件 《关于编制事项的通知》和陂编办【2020】2号《关于数据管理的通知》"]
    assert not _found(_cite(same), "PROJECT.DOC_NUMBER_TITLE")
    other = same + ["根据《关于印发〈经办管理体制改革工作方案〉的通知》（武医保改办文[2024]3号）"]
    assert _found(_cite(other), "PROJECT.DOC_NUMBER_TITLE") == [("info", [1, 2, 4])]


def test_text_values_and_repeated_level() -> None:
    from yusuan.recognise.projects.indicators import indicator_rows
    texts = ["\t长期绩效目标表", "\t三级指标", "\t指标值确定依据", "\t绩效目标1", "\t产出指标",
             "\t时效指标", "\t对救助对象的报销时效", "\t即时报销", "\t计划标准", "\t绩效目标2",
             "\t效益指标", "\t社会效益指标", "\t可持续发展指标", "\t维持工作稳定", "\t计划标准",
             "\t绩效目标3", "\t满意度指标", "\t服务对象满意度", "\t服务对象满意度", "\t≥90%",
             "\t计划标准"]
    lines = [Line(i + 1, t) for i, t in enumerate(texts)]
    rows = indicator_rows(lines, 1, len(lines), "long")
    assert [(r.level2, r.name, r.values, r.value_line) for r in rows] == [
        ("时效指标", "对救助对象的报销时效", ["即时报销"], 8),
        ("社会效益指标", "可持续发展指标", ["维持工作稳定"], 14),
        ("服务对象满意度", "服务对象满意度", ["≥90%"], 20)]


def test_quotes_keep_their_measure_word() -> None:
    """"≥12场" is twelve 场, not a bare 12: quoted against the form's "≥12场" it agrees, and
    against "≥12次" it does not."""
    rows = [r.replace("≥2次", "≥12场") for r in FORM]
    doc = _doc(form_rows=rows)
    doc.source.lines[1] = Line(2, NARRATIVE[1].format(q1="购买审计服务次数", q2="预算执行率偏离度绝对值")
                               .replace(" ≥ 2 次", "≥12场"))
    items = narrative_items(doc.source.lines, set(range(4, len(doc.source.lines) + 1)))
    attach_quotes(doc.source.lines, items)
    assert [(q.name, q.value) for q in items[0].quotes][:1] == [("购买审计服务次数", "≥12场")]
