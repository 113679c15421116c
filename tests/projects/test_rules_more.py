"""The later project rules on small documents of our own: one passing, one failing each."""

from __future__ import annotations

from yusuan.model import Document, Fact, Line, Project, Source
from yusuan.recognise.projects.dept import read_dept_form
from yusuan.recognise.projects.indicators import indicator_rows
from yusuan.recognise.projects.link import link_projects
from yusuan.recognise.projects.model import DeptForm, DetailLine, Indicator, ProjectForm, YearFigure
from yusuan.recognise.projects.text import Amount
from yusuan.rules.engine import run_rules


def _source(texts: list[str]) -> Source:
    return Source("t.txt", "text", "",
                  [Line(i + 1, t) for i, t in enumerate(texts)])


def _doc(forms: list, projects: list[Project] | None = None, lines: list[str] | None = None,
         facts: list[Fact] | None = None, total: float | None = None) -> Document:
    linked = link_projects(projects or [], [], forms, None) if projects else []
    return Document(source=_source(lines or []), year=2025, kind="部门预算", projects=linked,
                    forms=forms, facts=facts or [],
                    headline={"total_expenditure": {"value": total, "line": 5}} if total else {})


def _lines(doc: Document, rule_id: str) -> list[list[int]]:
    return [[loc.line for loc in f.locations] for f in run_rules(doc, only=[rule_id])]


def _project(name: str, amount: float, line: int) -> Project:
    return Project(name=name, line=line, amount=amount, decimals=2, category="特定目标类",
                   extra={"source": "table", "amount_line": line})


def test_goal_label() -> None:
    rows = ["年度绩效目标表", "长期目标01 产出指标 数量指标 选派驻村工作队人数 3 3 3",
            "长期目标01 产出指标 质量指标 驻村工作队经费保障率 100% 100% 100%"]
    wrong = ProjectForm(lines=(1, 3), name="示例经费",
                        indicators=indicator_rows([Line(i + 1, t) for i, t in enumerate(rows)],
                                                  1, 3, "annual"))
    assert [i.label for i in wrong.indicators] == ["长期", "长期"]
    assert _lines(_doc([wrong]), "PROJECT.GOAL_LABEL") == [[2, 3]]
    rows = [r.replace("长期目标", "年度目标") for r in rows]
    right = ProjectForm(lines=(1, 3), name="示例经费",
                        indicators=indicator_rows([Line(i + 1, t) for i, t in enumerate(rows)],
                                                  1, 3, "annual"))
    assert not _lines(_doc([right]), "PROJECT.GOAL_LABEL")


def _dept(value: str) -> DeptForm:
    ind = Indicator("医疗救助政策覆盖率", [value], 30, table="dept", period="annual",
                    value_line=31, value_lines=[31])
    return DeptForm(lines=(1, 40), tasks=[("年度工作任务", 10),
                                          ("开展医疗救助，政策覆盖率达到100%。", 11)],
                    indicators=[ind])


def test_task_promise() -> None:
    assert not _lines(_doc([_dept("100%")]), "PROJECT.TASK_PROMISE")
    assert not _lines(_doc([_dept("≥100%")]), "PROJECT.TASK_PROMISE")
    assert _lines(_doc([_dept("≥90%")]), "PROJECT.TASK_PROMISE") == [[11, 31]]


def test_dept_blank() -> None:
    cells = ["2025年", "收入", "构成", "财政拨款", "", "100%", "其他资金", "55", "合计", "",
             "支出", "构成", "基本支出", "", "项目支出", "", "合计", "", "部门职能概述"]
    form = read_dept_form([Line(i + 1, t) for i, t in enumerate(cells)], 1, len(cells))
    assert form.funding["其他资金"]["current"].value == 55
    assert set(form.blank) == {"财政拨款", "income_total", "基本支出", "项目支出",
                               "expenditure_total"}
    assert _lines(_doc([form]), "PROJECT.DEPT_BLANK") == [[4, 9, 13, 15, 17, 8]]
    full = ["财政拨款 933.79", "合计 933.79", "支出构成 基本支出 524.86", "项目支出 408.93",
            "合计 933.79", "部门职能概述"]
    form = read_dept_form([Line(i + 1, t) for i, t in enumerate(full)], 1, len(full))
    assert not form.blank and not _lines(_doc([form]), "PROJECT.DEPT_BLANK")


def test_dept_blank_labels_heading_columns_are_not_blank() -> None:
    """Beijing / Xi'an forms: 财政拨款 | 其他资金 | 合计 head columns, the amounts on the next line."""
    cells = ["资金情况", "财政拨款\t其他资金\t合计", "5,133.737491\t0.00\t5,133.737491",
             "部门职能概述"]
    lines = [Line(i + 1, t) for i, t in enumerate(cells)]
    form = read_dept_form(lines, 1, len(cells))
    doc = _doc([form])
    doc.source.lines[:] = lines
    assert not _lines(doc, "PROJECT.DEPT_BLANK")


def test_a_label_inside_an_indicators_words_is_no_funding_line() -> None:
    """Beijing 13表: '截至11月底项目支出完成率 = 100 %' is an indicator, not 项目支出 of 100."""
    cells = ["总体资金情况（万元）\t预算支出总额\t财政拨款\t其他资金",
             "\t590,242.67\t588,469.37\t1,773.30",
             "产出指标\t时效指标\t截至11月底项目支出完成率\t=\t100\t%",
             "其中：项目支出\t565,975.80", "部门职能概述"]
    form = read_dept_form([Line(i + 1, t) for i, t in enumerate(cells)], 1, len(cells))
    assert form.funding["项目支出"]["current"].value == 565975.80


def _fee_form(amount: float) -> ProjectForm:
    detail = DetailLine("业务代理手续费", Amount(amount, 0, 21), 21,
                        basis="按照医疗救助支付金额的1%进行支付。", basis_line=22)
    return ProjectForm(lines=(20, 30), name="医疗救助手续费", name_line=20,
                       total=Amount(amount, 0, 23), current=Amount(amount, 0, 23),
                       details=[detail])


def test_rate_base() -> None:
    lines = ["x"] * 40
    lines[4] = "按照医疗救助支付金额的1%进行支付。"
    for amount, found in ((18, []), (3, [[22, 21, 5, 10]])):
        projects = [_project("2025年医疗救助", 1800, 10), _project("医疗救助手续费", amount, 11)]
        doc = _doc([_fee_form(amount)], projects, lines)
        assert _lines(doc, "PROJECT.RATE_BASE") == found


def _prior_form(value: float) -> ProjectForm:
    return ProjectForm(lines=(20, 30), name="政府购买服务经费", name_line=20,
                       total=Amount(319.92, 2, 21), current=Amount(319.92, 2, 21),
                       change_figures=[YearFigure(2024, value, 2, 22),
                                       YearFigure(2025, 319.92, 2, 22)])


def test_prior_year() -> None:
    fact = Fact("functional_item", 319.92, "万元", 60, extra={
        "change": 319.92, "direction": "增加", "change_line": 61, "name": "经办事务"})
    projects = [_project("政府购买服务经费", 319.92, 10)]
    dept = DeptForm(lines=(1, 9), years=["2023", "2024"], funding={"特定目标类项目支出": {
        "current": Amount(400, 2, 5), "2023": Amount(18, 0, 5), "2024": Amount(39.72, 2, 5)}})
    found = _lines(_doc([dept, _prior_form(287.87)], projects, facts=[fact]),
                   "PROJECT.PRIOR_YEAR")
    assert found == [[22, 61, 5]]
    assert _lines(_doc([dept, _prior_form(287.87)], projects), "PROJECT.PRIOR_YEAR") == [[22, 5]]
    assert not _lines(_doc([dept, _prior_form(30)], projects), "PROJECT.PRIOR_YEAR")


def test_prior_year_size() -> None:
    def form(first: float) -> ProjectForm:
        return ProjectForm(lines=(20, 30), name="退休人员医保财政补助", total=Amount(2256.19, 2, 21),
                           change_figures=[YearFigure(2023, first, 1, 22),
                                           YearFigure(2024, 2028, 0, 22),
                                           YearFigure(2025, 2256.19, 2, 22)])
    assert not _lines(_doc([form(2010.7)], total=7515.18), "PROJECT.PRIOR_YEAR_SIZE")
    assert _lines(_doc([form(10107.7)], total=7515.18), "PROJECT.PRIOR_YEAR_SIZE") == [[22, 21]]


def test_indicator_level() -> None:
    rows = ["长期绩效目标表", "长期目标1\t产出指标\t时效指标\t办结及时率\t≥95%\t计划标准",
            "长期目标1\t效益指标\t时效指标\t立案及时率\t≥95%\t计划标准",
            "\t\t社会效益指标\t基金规范使用率\t≥95%\t计划标准"]
    lines = [Line(i + 1, t) for i, t in enumerate(rows)]
    form = ProjectForm(lines=(1, 4), name="示例经费",
                       indicators=indicator_rows(lines, 1, 4, "long"))
    doc = Document(source=Source("t.txt", "text", "", lines), year=2025, forms=[form])
    assert _lines(doc, "PROJECT.INDICATOR_LEVEL") == [[3]]  # L4's 一级 is carried, not printed


def test_indicator_typo() -> None:
    def ind(name: str, line: int, table: str) -> Indicator:
        return Indicator(name, ["≥90%"], line, table=table, period=table, value_line=line)
    dept = DeptForm(lines=(1, 9), indicators=[ind("对口帮扶村满意度", 5, "dept")])
    form = ProjectForm(lines=(10, 20), name="驻村经费",
                       indicators=[ind("对口帮扶村满意度", 12, "long"),
                                   ind("结口帮扶村满意度", 15, "annual")])
    assert _lines(_doc([dept, form]), "PROJECT.INDICATOR_TYPO") == [[15, 12, 5]]
    form.indicators = [ind("居保业务培训人数", 12, "long"), ind("职保业务培训人数", 13, "long"),
                       ind("职保业务培训人数", 15, "annual")]
    assert not _lines(_doc([form]), "PROJECT.INDICATOR_TYPO")


def test_postcode() -> None:
    def form(code: str, line: int) -> ProjectForm:
        return ProjectForm(lines=(line, line + 5), name=f"经费{line}", address="民主路502号",
                           postcode=code, postcode_line=line)
    assert not _lines(_doc([form("430060", 10), form("430060", 20)]), "PROJECT.POSTCODE")
    found = _lines(_doc([form("430060", 10), form("430060", 20), form("43000", 30)]),
                   "PROJECT.POSTCODE")
    assert found == [[30, 10, 20]]


def test_title_typo() -> None:
    good = ["依据《示例局职能配置和人员编制规定》", "x", "按《示例局职能配置和人员编制规定》"]
    assert not _lines(_doc([], lines=good), "PROJECT.TITLE_TYPO")
    bad = [*good, "根据《示例局职能配置和人民编制规定》"]
    assert _lines(_doc([], lines=bad), "PROJECT.TITLE_TYPO") == [[4, 1, 3]]


def test_fund_class() -> None:
    lines = ["x"] * 30
    lines[20:23] = ["城乡居民医疗保险财政补助", "财政对职工基本医疗保险基金的补助", "2300"]
    item = "财政补助享受待遇经费城乡居民医疗保险财政补助财政对职工基本医疗保险基金的补助"
    form = ProjectForm(lines=(10, 30), name="城乡居民基本医疗保险财政补助", name_line=11,
                       details=[DetailLine(item, Amount(2300, 0, 23), 23)])
    assert _lines(_doc([form], lines=lines), "PROJECT.FUND_CLASS") == [[22, 21]]
    form.details[0].item = item.replace("财政对职工", "财政对城乡居民")
    assert not _lines(_doc([form], lines=lines), "PROJECT.FUND_CLASS")


def test_dept_blank_label_above_a_labelled_row_is_still_blank() -> None:
    cells = ["资金情况", "财政拨款\t\t", "其他资金\t1,055.00\t1,050.00", "合计\t\t", "部门职能概述"]
    lines = [Line(i + 1, t) for i, t in enumerate(cells)]
    form = read_dept_form(lines, 1, len(cells))
    doc = _doc([form])
    doc.source.lines[:] = lines
    assert set(form.blank) == {"财政拨款", "income_total"}
    assert _lines(doc, "PROJECT.DEPT_BLANK")


def test_rate_base_cites_the_rule_restated_with_other_blanks_and_brackets() -> None:
    lines = ["x"] * 40
    lines[4] = "按照 医疗救助（支付）金额的1%进行支付。"
    lines[6] = "按照医疗救助(支付)金额的1%进行支付"
    detail = DetailLine("业务代理手续费", Amount(3, 0, 21), 21,
                        basis="按照医疗救助（支付）金额的1%进行支付。", basis_line=22)
    form = ProjectForm(lines=(20, 30), name="医疗救助手续费", name_line=20,
                       total=Amount(3, 0, 23), current=Amount(3, 0, 23), details=[detail])
    projects = [_project("2025年医疗救助", 1800, 10), _project("医疗救助手续费", 3, 11)]
    assert _lines(_doc([form], projects, lines), "PROJECT.RATE_BASE") == [[22, 21, 5, 7, 10]]


GOAL_LINES = ["项目名称\t水库移民后期扶持\t\t主管部门\t某局",
              "当年绩效目标\t完工项目验收率达到 90%以上，移民对后期扶持政策实施满意度不低于 {goal}%。",
              "绩效指标\t指标名称\t指标性质\t指标值\t计量单位\t指标权重(%)",
              "\t完工项目验收率\t≥\t90\t%\t20",
              "\t移民对后期扶持政策实施满意度\t≥\t90\t%\t10"]


def _goal_doc(goal: str) -> Document:
    lines = [line.replace("{goal}", goal) for line in GOAL_LINES]
    return _doc([ProjectForm((1, 5), name="水库移民后期扶持")], lines=lines)


def test_goal_target() -> None:
    assert not _lines(_goal_doc("90"), "PROJECT.GOAL_TARGET")
    assert _lines(_goal_doc("80"), "PROJECT.GOAL_TARGET") == [[2, 5]]


def test_goal_target_quotes_the_goal_from_the_indicators_name_to_its_floor() -> None:
    [finding] = run_rules(_goal_doc("80"), only=["PROJECT.GOAL_TARGET"])
    assert finding.args["phrase"] == "移民对后期扶持政策实施满意度不低于80%"
    assert finding.args["indicator"] == "移民对后期扶持政策实施满意度"


SCORE_LINES = ["（二）部门决算中项目绩效自评结果",
               "3.信息化运行维护项目绩效自评综述：根据年初设定的绩效",
               "目标，项目自评得分为 {score} 分。全年预算数为 1639.34 万元。",
               "信息化运行维护项目绩效自评表",
               "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
               "总分\t\t\t\t\t\t100\t90.5\t"]


def _score_doc(score: str) -> Document:
    lines = [line.replace("{score}", score) for line in SCORE_LINES]
    return _doc([ProjectForm((4, 6), name="信息化运行维护")], lines=lines)


def test_self_total() -> None:
    assert not _lines(_score_doc("90.5"), "PROJECT.SELF_TOTAL")
    assert _lines(_score_doc("88.5"), "PROJECT.SELF_TOTAL") == [[3, 6]]
