"""Totals, indicator and naming rules on small documents of our own: one passing, one failing."""

from __future__ import annotations

from yusuan.model import Document, Project, Source
from yusuan.recognise.projects.indicators import indicator_rows, tokens
from yusuan.recognise.projects.link import link_projects
from yusuan.recognise.projects.model import (
    DeptForm,
    DeptProject,
    Indicator,
    ListItem,
    ProjectForm,
)
from yusuan.recognise.projects.narrative import PerformanceTotal
from yusuan.recognise.projects.text import Amount
from yusuan.rules.engine import run_rules


def _form(name: str, total: float, line: int, indicators: list[Indicator] | None = None,
          unit: str | None = None) -> ProjectForm:
    return ProjectForm(lines=(line, line + 50), name=name, name_line=line + 1,
                       total=Amount(total, 2, line + 5), current=Amount(total, 2, line + 5),
                       indicators=indicators or [], unit=unit,
                       unit_line=line + 2 if unit else None)


def _doc(forms: list[ProjectForm], amounts: list[float], stated: float | None = None,
         dept: DeptForm | None = None, narrative: list[str] | None = None) -> Document:
    names = [f.name for f in forms]
    projects = [Project(name=n, line=10 + i, code=None, unit="示例局本级", amount=a, decimals=2,
                        category="特定目标类", extra={"source": "table", "amount_line": 10 + i})
                for i, (n, a) in enumerate(zip(names, amounts, strict=True))]
    said = narrative or names
    items = [ListItem(n, Amount(a, 2, 50 + i), 50 + i)
             for i, (n, a) in enumerate(zip(said, amounts, strict=True))]
    total = PerformanceTotal(Amount(stated, 2, 60), len(forms), 60) if stated else None
    all_forms: list = ([dept] if dept else []) + list(forms)
    linked = link_projects(projects, items, all_forms, total)
    return Document(source=Source("t.txt", "text", "", []), year=2024, kind="部门预算",
                    projects=linked, forms=all_forms,
                    headline={"project_expenditure": {"value": sum(amounts), "line": 5}})


def _found(doc: Document, rule_id: str, info: bool = False) -> list:
    return [f for f in run_rules(doc, only=[rule_id]) if info or f.severity != "info"]


def _lines(finding) -> list[int]:
    return [loc.line for loc in finding.locations]


def test_forms_total() -> None:
    forms = [_form("示例监管经费", 20.0, 100), _form("示例宣传经费", 5.0, 200)]
    assert not _found(_doc(forms, [20.0, 5.0], 25.0), "PROJECT.FORMS_TOTAL")
    found = _found(_doc(forms, [20.0, 5.0], 30.0), "PROJECT.FORMS_TOTAL")
    assert len(found) == 1 and _lines(found[0]) == [60, 105, 205]


def test_forms_total_folds_into_form_budget() -> None:
    forms = [_form("示例监管经费", 20.0, 100), _form("示例宣传经费", 9.0, 200)]
    doc = _doc(forms, [20.0, 5.0], 25.0)  # the 4.00 gap is the second form's own error
    assert not _found(doc, "PROJECT.FORMS_TOTAL")
    budget = _found(doc, "PROJECT.FORM_BUDGET")
    assert len(budget) == 1 and 60 in _lines(budget[0]) and budget[0].folded


def test_form_budget_shows_printed_figures() -> None:
    form = _form("示例物业费", 0.0, 100)
    form.total = form.current = Amount(79.008, 3, 105)
    assert not _found(_doc([form], [79.01]), "PROJECT.FORM_BUDGET", info=True)
    form.total = form.current = Amount(78.008, 3, 105)
    found = _found(_doc([form], [79.01]), "PROJECT.FORM_BUDGET")
    assert "78.008" in found[0].message and "79.01" in found[0].message


def _dept(special: float, listed: list[tuple[str, float]],
          indicators: list[Indicator] | None = None) -> DeptForm:
    return DeptForm(lines=(70, 99), funding={"特定目标类项目支出": {"current": Amount(special, 2, 72)}},
                    projects=[DeptProject(n, 80 + i, None, Amount(v, 0 if v == int(v) else 2,
                                                                  80 + i))
                              for i, (n, v) in enumerate(listed)],
                    indicators=indicators or [])


def test_dept_special() -> None:
    forms = [_form("示例监管经费", 10.0, 100), _form("示例物业费", 79.008, 200)]
    forms[1].total = forms[1].current = Amount(79.008, 3, 205)
    good = _dept(89.01, [("示例监管经费", 10), ("示例物业费", 79.008)])
    assert not _found(_doc(forms, [10.0, 79.01], dept=good), "PROJECT.DEPT_SPECIAL", info=True)
    bad = _dept(99.01, [("示例监管经费", 10), ("示例物业费", 79.008)])
    found = _found(_doc(forms, [10.0, 79.01], dept=bad), "PROJECT.DEPT_SPECIAL")
    assert found and all(f.values["difference"] != 0 for f in found)
    assert 72 in _lines(found[0])


def _ind(name: str, values: list[str], line: int, period: str, table: str | None = None,
         level1: str = "产出指标") -> Indicator:
    return Indicator(name, values, line, level1, "数量指标", table or period, period, line,
                     [line] * len(values))


def test_indicator_target_dept_vs_project() -> None:
    same = [_ind("开通网上办件事项数", ["28项"], 101, "long"),
            _ind("开通网上办件事项数", ["21项", "28项"], 102, "annual")]
    dept = _dept(20.0, [], [_ind("开通网上办件事项数", ["28项"], 90, "long", "dept")])
    doc = _doc([_form("示例经费", 20.0, 100, same)], [20.0], dept=dept)
    assert not _found(doc, "PROJECT.INDICATOR_TARGET", info=True)
    other = [_ind("开通网上办件事项数", ["27项"], 101, "long"),
             _ind("开通网上办件事项数", ["21项", "27项"], 102, "annual")]
    doc = _doc([_form("示例经费", 20.0, 100, other)], [20.0], dept=dept)
    found = _found(doc, "PROJECT.INDICATOR_TARGET")
    assert len(found) == 1 and _lines(found[0]) == [101, 102, 90]


def test_indicator_target_long_vs_annual_and_looser() -> None:
    rows = [_ind("伤残军人医保人数", ["≧200人"], 101, "long"),
            _ind("伤残军人医保人数", ["≧50人"], 102, "annual")]
    found = _found(_doc([_form("示例经费", 20.0, 100, rows)], [20.0]), "PROJECT.INDICATOR_TARGET")
    assert found[0].severity == "warning" and _lines(found[0]) == [101, 102]
    ratio = [_ind("个人承担率", ["0.23"], 101, "long"), _ind("个人承担率", ["23%"], 102, "annual")]
    assert not _found(_doc([_form("示例经费", 20.0, 100, ratio)], [20.0]),
                      "PROJECT.INDICATOR_TARGET", info=True)
    events = [_ind("培训场次", ["≥36场"], 101, "long"), _ind("培训场次", ["≥12场"], 102, "annual")]
    assert not _found(_doc([_form("示例经费", 20.0, 100, events)], [20.0]),
                      "PROJECT.INDICATOR_TARGET", info=True)  # three years of twelve a year
    odd = [_ind("培训场次", ["≥30场"], 101, "long"), _ind("培训场次", ["≥12场"], 102, "annual")]
    assert _found(_doc([_form("示例经费", 20.0, 100, odd)], [20.0]), "PROJECT.INDICATOR_TARGET")
    tighter = [_ind("暂停结算家数", ["≤1"], 101, "long")]
    dept = _dept(20.0, [], [_ind("暂停结算家数", ["≤2"], 90, "long", "dept")])
    found = run_rules(_doc([_form("示例经费", 20.0, 100, tighter)], [20.0], dept=dept),
                      only=["PROJECT.INDICATOR_TARGET"])
    assert [f.severity for f in found] == ["info"]


def test_indicator_value_shifted() -> None:
    good = [_ind("预算执行率", ["100%"], 101, "long", level1="成本指标"),
            _ind("预算执行率", ["100%"], 102, "annual", level1="成本指标")]
    doc = _doc([_form("示例经费", 20.0, 100, good)], [20.0])
    assert not _found(doc, "PROJECT.INDICATOR_VALUE")
    bad = [_ind("保障工作正常进行", ["成效显著"], 101, "long"),
           _ind("预算执行率", ["成效显著"], 102, "annual", level1="成本指标"),
           _ind("保障工作正常进行", ["≧90%"], 103, "annual")]
    found = _found(_doc([_form("示例经费", 20.0, 100, bad)], [20.0]), "PROJECT.INDICATOR_VALUE")
    assert _lines(found[0]) == [102, 103, 101]


def test_indicator_percent_count() -> None:
    fine = [_ind("参保人数", ["≥80万人"], 101, "long")]
    assert not _found(_doc([_form("示例经费", 20.0, 100, fine)], [20.0]),
                      "PROJECT.INDICATOR_PERCENT_COUNT", info=True)
    odd = [_ind("参保人数", [">95%"], 101, "long")]
    found = run_rules(_doc([_form("示例经费", 20.0, 100, odd)], [20.0]),
                      only=["PROJECT.INDICATOR_PERCENT_COUNT"])
    assert found and found[0].severity == "info"


def test_indicator_tables_swapped() -> None:
    a_long = [_ind("物业覆盖率", ["100%"], 101, "long"), _ind("维修及时率", ["95%"], 102, "long")]
    b_long = [_ind("外包执行率", ["95%"], 201, "long"), _ind("业务完成率", ["98%"], 202, "long")]
    a_year = [_ind(i.name, i.values, i.line + 10, "annual") for i in a_long]
    b_year = [_ind(i.name, i.values, i.line + 10, "annual") for i in b_long]
    right = [_form("示例物业费", 10.0, 100, a_long + a_year),
             _form("示例外包费", 5.0, 200, b_long + b_year)]
    assert not _found(_doc(right, [10.0, 5.0]), "PROJECT.INDICATOR_SWAPPED")
    a_wrong = [_ind(i.name, i.values, i.line - 90, "annual") for i in b_year]
    b_wrong = [_ind(i.name, i.values, i.line + 90, "annual") for i in a_year]
    wrong = [_form("示例物业费", 10.0, 100, a_long + a_wrong),
             _form("示例外包费", 5.0, 200, b_long + b_wrong)]
    found = _found(_doc(wrong, [10.0, 5.0]), "PROJECT.INDICATOR_SWAPPED")
    assert len(found) == 1 and _lines(found[0]) == [121, 122, 201, 202]


def test_project_names() -> None:
    forms = [_form("示例基金监管专项经费", 10.0, 100)]
    assert not _found(_doc(forms, [10.0]), "PROJECT.NAME", info=True)
    forms = [_form("示例监管项经费项目", 10.0, 100)]
    doc = _doc(forms, [10.0], narrative=["示例基金监管专项经费"])
    doc.projects[0].name = "示例基金监管专项经费"
    found = _found(doc, "PROJECT.NAME")
    assert len(found) == 1 and _lines(found[0]) == [101, 10, 50]


def test_unit_names() -> None:
    good = [_form("甲经费", 10.0, 100, unit="示例市示例区核查中心"),
            _form("乙经费", 5.0, 200, unit="示例市示例区核查中心")]
    assert not run_rules(_doc(good, [10.0, 5.0]), only=["PROJECT.UNIT_NAME"])
    bad = [_form("甲经费", 10.0, 100, unit="示例市示例区核查中心"),
           _form("乙经费", 5.0, 200, unit="示例市示例区示例区核查中心")]
    found = run_rules(_doc(bad, [10.0, 5.0]), only=["PROJECT.UNIT_NAME"])
    assert len(found) == 1 and _lines(found[0]) == [202, 102]


def test_tokens_keep_units_with_values() -> None:
    assert tokens("≥1 次/年 ≥1 次/年 ≥12次/年") == ["≥1次/年", "≥1次/年", "≥12次/年"]
    assert tokens("=80 家") == ["=80家"]
    assert tokens("医疗保险 参保人业 务完成率") == ["医疗保险参保人业务完成率"]


def test_indicator_rows_split_levels() -> None:
    from yusuan.model import Line
    text = ["长期目标1：", "产出指标 数量指标 组织检查次数 ≥1 次/年 计划标准",
            "服务对象满意度指标参保人员满意度 ≥90% 计划标准", "年度目标1：",
            "产出指标 数量指标 组织检查次数 ≥1 次/年 ≥2 次/年 计划标准"]
    lines = [Line(i + 1, t) for i, t in enumerate(text)]
    rows = indicator_rows(lines, 1, len(lines), "dept")
    assert [(r.name, r.values[-1], r.period) for r in rows] == [
        ("组织检查次数", "≥1次/年", "long"), ("参保人员满意度", "≥90%", "long"),
        ("组织检查次数", "≥2次/年", "annual")]
    assert rows[1].level2 == "服务对象满意度指标"


def test_dept_funding() -> None:
    def dept(spent_prior: float) -> DeptForm:
        cells = {"income_total": (100.0, 90.0, 60), "expenditure_total": (100.0, spent_prior, 64),
                 "人员类项目支出": (60.0, 50.0, 61), "运转类项目支出": (20.0, 20.0, 62),
                 "特定目标类项目支出": (20.0, 20.0, 63)}
        funding = {k: {"current": Amount(c, 2, ln), "2023": Amount(p, 2, ln)}
                   for k, (c, p, ln) in cells.items()}
        return DeptForm(lines=(59, 70), funding=funding, years=["2023"])
    doc = _doc([_form("示例经费", 20.0, 100)], [20.0], dept=dept(90.0))
    assert not run_rules(doc, only=["PROJECT.DEPT_FUNDING"])
    doc = _doc([_form("示例经费", 20.0, 100)], [20.0], dept=dept(95.0))
    found = _found(doc, "PROJECT.DEPT_FUNDING")
    # one wrong 支出合计 breaks both equalities: one finding naming it, listing both
    assert [_lines(f)[:3] for f in found] == [[64, 60, 61]]
    assert len(found[0].folded) == 2


def test_rate_targets_put_in_words_are_targets() -> None:
    """大于95%, 小于十万分之一, 98%以上, 降低, 良好, 每月报销一次 (a 及时率 as a frequency): a
    rate's target in words, in its own row."""
    for worded in ("大于95%", "均大于95%", "小于十万分之一", "初次报告98%以上", "降低", "良好",
                   "每月报销一次", "及时"):
        rows = [_ind("满意率", [worded], 101, "annual")]
        assert not _found(_doc([_form("示例经费", 20.0, 100, rows)], [20.0]),
                          "PROJECT.INDICATOR_VALUE"), worded
    rows = [_ind("满意率", ["成效显著"], 101, "annual")]
    assert _found(_doc([_form("示例经费", 20.0, 100, rows)], [20.0]), "PROJECT.INDICATOR_VALUE")


def test_a_share_of_a_whole_above_100_percent_cannot_be_met() -> None:
    """泉州: 验收合格率 =1100%, 群众满意度 ≥1100% (100% mistyped); a 完成率 may exceed 100%
    and a 满意度 of ≥95% is fine."""
    from yusuan.model import Document, Source
    from yusuan.readers.text import text_to_lines
    from yusuan.rules import run_rules

    def found(rows: str) -> list[str]:
        text = "办公设备购置项目绩效目标表\n绩效目标指标\t一级指标\t二级指标\t三级指标\t目标值\n" + rows
        doc = Document(Source("t.txt", "text", "", text_to_lines(text)), year=2026,
                       kind="部门预算", unit="万元")
        return [f.message for f in run_rules(doc, only=["PROJECT.INDICATOR_OVER_WHOLE"])]

    good = ("\t产出指标\t数量指标\t办公设备完成率\t≥110%\n"
            "\t满意度指标\t服务对象满意度指标\t群众满意度\t≥95%\n")
    assert found(good) == []
    bad = good.replace("≥95%", "≥1100%") + "\t产出指标\t质量指标\t验收合格率\t=1100%\n"
    assert found(bad) == ["比例类指标的目标值超过 100%，不可能达到：群众满意度 ≥1100%；验收合格率 =1100%"]


def test_swapped_pairs_are_those_every_pair_compared_gives() -> None:
    import random

    from yusuan.rules.performance.indicators import _swap_pairs

    rng = random.Random(7)
    pool = [f"指标{i}" for i in range(6)]

    def form() -> tuple[set[str], set[str]]:  # 年度 names mostly apart from the 长期 ones
        long = set(rng.sample(pool, rng.randint(1, 3)))
        rest = [n for n in pool if n not in long] if rng.random() < 0.8 else pool
        return long, set(rng.sample(rest, rng.randint(0, min(3, len(rest)))))

    found = 0
    for _ in range(200):
        names = [form() for _ in range(rng.randint(0, 9))]
        every = [(a, b) for a in range(len(names)) for b in range(a + 1, len(names))
                 if names[a][1] and names[b][1] and not names[a][1] & names[a][0]
                 and not names[b][1] & names[b][0] and len(names[a][1] & names[b][0]) >= 2
                 and len(names[b][1] & names[a][0]) >= 2]
        assert [(a, b) for a, b in _swap_pairs(names)
                if len(names[b][1] & names[a][0]) >= 2] == every
        found += len(every)
    assert found > 10
