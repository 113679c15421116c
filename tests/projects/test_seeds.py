"""Projects and forms of the seeds, counted by hand, and the audited form defects."""

from __future__ import annotations

import pytest
from seedfiles import require_seeds, seed_document

from yusuan.recognise.projects import DeptForm, ProjectForm
from yusuan.rules.engine import run_rules

S000 = "000_b680242db27468d2.txt"
S001 = "001_cef01461b897d751.txt"
S002 = "002_8e2d522cdd50f71d.txt"
S004 = "004_e2d4bd9db9ce1fd8.txt"

COUNTS = {S000: (10, 10), S001: (3, 3), S002: (3, 3), S004: (10, 9)}


@pytest.mark.parametrize("seed", sorted(COUNTS))
def test_counts(seed: str) -> None:
    require_seeds()
    doc = seed_document(seed)
    projects, forms = COUNTS[seed]
    assert len(doc.projects) == projects
    assert len([f for f in doc.forms if isinstance(f, ProjectForm)]) == forms
    assert len([f for f in doc.forms if isinstance(f, DeptForm)]) == 1
    assert all(f.project for f in doc.forms if isinstance(f, ProjectForm))


def test_hand_checked_000() -> None:
    require_seeds()
    doc = seed_document(S000)
    p = next(p for p in doc.projects if p.name.endswith("开展医疗保险宣传等工作经费"))
    assert (p.code, p.amount, p.category) == ("42011622083T000000100", 150.0, "特定目标类")
    assert p.unit == "武汉市黄陂区医疗保障服务中心"
    assert p.extra["narrative"]["name"] == "开展医保宣传等工作经费"
    form = next(f for f in doc.forms if isinstance(f, ProjectForm) and f.name == "开展医疗保险宣传等工作经费")
    assert form.total is not None and form.total.line == 3038
    assert [d.amount.value for d in form.details] == [50, 50, 30]
    assert [(y.year, y.value) for y in form.change_figures] == [(2021, 158), (2022, 178), (2023, 150)]
    dept = next(f for f in doc.forms if isinstance(f, DeptForm))
    assert dept.funding["特定目标类项目支出"]["current"].value == 513.0
    assert len(dept.projects) == 10


def test_hand_checked_001_004() -> None:
    require_seeds()
    doc = seed_document(S001)
    p = next(p for p in doc.projects if p.name == "医保基金监管专项经费")
    assert p.extra["forms"][0]["name"] == "医保监管项经费项目"
    assert p.unit == "武昌区医疗保障局本级" and p.amount == 10.0
    doc = seed_document(S004)
    p = next(p for p in doc.projects if p.code == "42011425056T000000108")
    assert (p.name, p.amount) == ("医疗保险经办服务工作经费", 7.5)
    form = next(f for f in doc.forms if isinstance(f, ProjectForm) and f.project == p.name)
    assert sum(d.amount.value for d in form.details) == 7.5


def _lines(seed: str, rule_id: str) -> list[list[int]]:
    doc = seed_document(seed)
    return [[loc.line for loc in f.locations] for f in run_rules(doc, only=[rule_id])
            if f.severity != "info"]


def test_form_vs_budget_defects() -> None:
    require_seeds()
    found = _lines(S000, "PROJECT.FORM_BUDGET")
    assert [2305, 2313, 999, 239, 1219, 328] in found  # with the total it causes (L328)
    assert [2444, 2452, 990, 237, 1217] in found
    assert not _lines(S000, "PROJECT.FORMS_TOTAL")
    assert [2723, 2721] in _lines(S000, "PROJECT.CHANGE_TEXT")
    assert [3816, 3813] in _lines(S004, "PROJECT.CHANGE_TEXT")


def test_detail_defects() -> None:
    require_seeds()
    assert [3038, 3097, 3112, 3126, 1087] in _lines(S000, "PROJECT.DETAIL_SUM")
    assert [655, 645] in _lines(S002, "PROJECT.QTY_PRICE")
    assert [2791, 2790] in _lines(S004, "PROJECT.QTY_PRICE")
    assert [3209, 3208] in _lines(S004, "PROJECT.QTY_PRICE")


def test_codes_and_years() -> None:
    require_seeds()
    codes = _lines(S004, "PROJECT.CODE")
    assert sorted(c[0] for c in codes) == [2707, 3343, 4001]
    years = [f.locations[0].line for f in run_rules(seed_document(S000),
                                                    only=["PROJECT.YEAR_REFERENCE"])]
    assert 1953 in years and 3026 in years
    assert not run_rules(seed_document(S002), only=["PROJECT.YEAR_REFERENCE"])


def test_no_form_errors_where_none_audited() -> None:
    require_seeds()
    for rule_id in ("PROJECT.FORM_BUDGET", "PROJECT.DETAIL_SUM"):
        assert not _lines(S001, rule_id)
        assert not _lines(S004, rule_id)


def _all(seed: str, rule_id: str) -> list[tuple[str, list[int]]]:
    doc = seed_document(seed)
    return [(f.severity, [loc.line for loc in f.locations])
            for f in run_rules(doc, only=[rule_id])]


def _has(seed: str, rule_id: str, lines: list[int], severity: str | None = None) -> bool:
    return any(set(lines) <= set(found) and (severity is None or sev == severity)
               for sev, found in _all(seed, rule_id))


def test_indicator_defects_000() -> None:
    require_seeds()
    rule_id = "PROJECT.INDICATOR_TARGET"
    assert _has(S000, rule_id, [2069, 2040, 1377, 1678], "warning")  # 000-09
    assert _has(S000, rule_id, [2042, 1383], "info")  # 000-10
    assert _has(S000, rule_id, [2044, 1389], "info")
    assert _has(S000, rule_id, [2046, 1395], "info")
    assert _has(S000, rule_id, [1480, 1794, 2509, 2535], "warning")  # 000-11
    assert _has(S000, rule_id, [2553, 2519, 1502, 1816], "warning")  # 000-12
    assert _has(S000, rule_id, [2827, 2797, 1625, 1322], "warning")  # 000-13
    assert _has(S000, "PROJECT.INDICATOR_VALUE", [3507, 3517, 3458], "warning")  # 000-14
    assert _has(S000, rule_id, [3737, 3696], "warning")  # 000-15


def test_indicator_defects_001_002_004() -> None:
    require_seeds()
    assert _has(S001, "PROJECT.INDICATOR_TARGET", [386, 526, 371, 445], "warning")  # 001-07
    assert _has(S001, "PROJECT.INDICATOR_SWAPPED", [453, 454, 456, 525, 526, 528])  # 001-08
    assert _has(S001, "PROJECT.INDICATOR_PERCENT_COUNT", [372, 387, 454, 515])  # 001-09
    assert _has(S002, "PROJECT.INDICATOR_TARGET", [707, 539], "warning")  # 002-14
    assert _has(S004, "PROJECT.INDICATOR_TARGET", [2176, 3962], "warning")  # 004-19


def test_naming_defects() -> None:
    require_seeds()
    assert _has(S000, "PROJECT.NAME", [251, 3005])  # 000-16
    assert _has(S000, "PROJECT.UNIT_NAME", [3534, 3284])  # 000-18
    assert _has(S001, "PROJECT.NAME", [537, 360, 328, 718], "warning")  # 001-10
    assert _has(S004, "PROJECT.NAME", [4232, 2916], "warning")  # 004-09


def _above_info(seed: str, rule_prefix: str = "PROJECT.") -> list[tuple[str, list[int]]]:
    doc = seed_document(seed)
    return [(f.rule, [loc.line for loc in f.locations]) for f in run_rules(doc)
            if f.rule.startswith(rule_prefix) and f.severity != "info"]


def test_not_defects() -> None:
    require_seeds()
    # 001: 79.008 on the forms is 79.01 rounded; 408.93 = 79.008 + 319.92 + 10
    found = _above_info(S001)
    # (L350 is cited by PROJECT.PRIOR_YEAR for 001-04: the 2025 project total, not 79.008)
    assert not [f for f in found if {356, 417, 420, 330, 350} & set(f[1])
                and f[0] != "PROJECT.PRIOR_YEAR"]
    assert not _all(S001, "PROJECT.DEPT_SPECIAL") and not _all(S001, "PROJECT.FORM_BUDGET")
    # 000: 0.23 vs 23%, 1 vs 100%; "2023" prefixes of project names; the ten projects add up
    found = _above_info(S000)
    assert not [f for f in found if {1446, 1758, 2214, 2249, 1541, 1856, 1496, 1810} & set(f[1])]
    assert not [f for f in found if f[0] == "PROJECT.NAME"]
    assert not _all(S000, "PROJECT.FORMS_TOTAL") and not _all(S000, "PROJECT.DEPT_SPECIAL")
    # 004: 救助人次数 上年 ≥50000 vs 当年 ≥40000 is a lowered target
    assert not [f for f in _above_info(S004) if {1716, 1717, 2453, 2454} & set(f[1])]


def test_dept_funding_000() -> None:
    require_seeds()
    assert _has(S000, "PROJECT.DEPT_FUNDING", [1125, 769], "info")  # 000-39 (公用经费 of the 基本支出表)
    assert _has(S000, "PROJECT.DEPT_FUNDING", [1129, 377], "info")
    assert _has(S000, "PROJECT.DEPT_FUNDING", [1129, 1119], "info")  # 000-40


def test_form_defects_001_004() -> None:
    require_seeds()
    assert _has(S001, "PROJECT.PRIOR_YEAR", [480, 665, 350], "warning")  # 001-04
    assert _has(S004, "PROJECT.RATE_BASE", [2584, 2583, 1633, 2527, 2614, 2309], "warning")  # 004-24
    assert _has(S004, "PROJECT.DEPT_BLANK", [1553, 1578, 1586, 1569, 1594, 1562], "warning")  # 004-17
    assert _has(S004, "PROJECT.TASK_PROMISE", [1615, 1725, 1726, 2462, 2463], "warning")  # 004-28
    assert _has(S004, "PROJECT.PRIOR_YEAR_SIZE", [2953, 2948], "info")  # 004-29
    assert not _all(S000, "PROJECT.PRIOR_YEAR") and not _all(S004, "PROJECT.PRIOR_YEAR")
    assert not _all(S000, "PROJECT.DEPT_BLANK") and not _all(S001, "PROJECT.DEPT_BLANK")


def test_goal_labels_000() -> None:
    require_seeds()
    found = _all(S000, "PROJECT.GOAL_LABEL")  # 乡村振兴's 年度 rows labelled 长期目标01
    assert len(found) == 1 and found[0][1][0] == 2975
    assert not _all(S001, "PROJECT.GOAL_LABEL") and not _all(S004, "PROJECT.GOAL_LABEL")


def test_unit_missing_is_same_value() -> None:
    require_seeds()
    # 000: 选派驻村工作队人数 "3" on the project form, "3人" in the department form
    found = [f for f in _all(S000, "PROJECT.INDICATOR_TARGET")
             if {2949, 2975, 1577, 1891} & set(f[1])]
    assert not found


def test_indicator_levels_001() -> None:
    require_seeds()
    found = [lines for _, lines in _all(S001, "PROJECT.INDICATOR_LEVEL")]
    assert [514] in found  # 001-15
    assert [448] in found and [518] in found  # 001-16
    assert [588] in found  # 001-17
    assert not _all(S000, "PROJECT.INDICATOR_LEVEL") and not _all(S002, "PROJECT.INDICATOR_LEVEL")


def test_indicator_typos() -> None:
    require_seeds()
    assert _has(S000, "PROJECT.INDICATOR_TYPO", [2998, 2965, 1600])  # 000-17
    assert _has(S001, "PROJECT.INDICATOR_TYPO", [591, 381, 603])  # 001-12
    assert len(_all(S000, "PROJECT.INDICATOR_TYPO")) == 1  # 居保/职保 are two indicators


def test_postcode_001() -> None:
    require_seeds()
    assert _has(S001, "PROJECT.POSTCODE", [540, 408, 468], "warning")  # 001-11
    assert not _all(S000, "PROJECT.POSTCODE")


def test_title_typos_002() -> None:
    require_seeds()
    assert _has(S002, "PROJECT.TITLE_TYPO", [675, 578, 627])  # 002-16
    assert not _all(S000, "PROJECT.TITLE_TYPO") and not _all(S004, "PROJECT.TITLE_TYPO")


def test_fund_class_004() -> None:
    require_seeds()
    assert _all(S004, "PROJECT.FUND_CLASS") == [("warning", [2789, 2788])]  # 004-21 only


S003 = "003_53d0a35ed6c3822b.txt"


def test_self_evaluation_003() -> None:
    require_seeds()
    found = [lines for _, lines in _all(S003, "PROJECT.INDICATOR_LEVEL")]
    assert [666] in found and [727] in found  # 003-16: 时效指标 under 效益指标
    assert _has(S003, "PROJECT.INDICATOR_TYPO", [658, 702])  # 003-19
    assert not _all(S003, "PROJECT.INDICATOR_TARGET")  # "90%。" is 90%
    assert not _all(S003, "PROJECT.SELF_RATE") and not _all(S003, "PROJECT.SELF_SCORE")


def test_self_spent_003() -> None:
    require_seeds()
    # 003-09: 整体 执行数 401.75 (the budget figure) vs 本年支出合计 442.86; the project forms'
    # 执行数 have no 决算 table figure to meet (003-01, the narrative's 401.75, is NARRATIVE.TABLE's)
    assert _all(S003, "PROJECT.SELF_SPENT") == [("warning", [653, 684, 128])]


def test_self_evaluation_forms_linked_003() -> None:
    require_seeds()
    doc = seed_document(S003)
    forms = [f for f in doc.forms if isinstance(f, ProjectForm)]
    assert [f.name for f in forms if f.project] == [f.name for f in forms]  # 基金审计经费 too


def test_narrative_indicators_003() -> None:
    require_seeds()
    rule_id = "PROJECT.NARRATIVE_INDICATOR"
    assert _has(S003, rule_id, [537, 725], "info")  # 003-17: 基金收支审计服务次数 ~ 购买审计服务次数
    assert _has(S003, rule_id, [537, 718], "warning")  # 003-17: no 预算执行率偏离度 on the form
    assert _has(S003, rule_id, [541, 752, 753], "info")  # 003-18: 受众调查问卷满意度比率
    assert len(_all(S003, rule_id)) == 3
    for seed in (S000, S001, S002, S004):
        assert not _all(seed, rule_id)


def test_doc_number_titles() -> None:
    require_seeds()
    rule_id = "PROJECT.DOC_NUMBER_TITLE"
    assert _all(S001, rule_id) == [("info", [415, 477, 495, 720])]  # 001-13
    # two different notices cited with one number 武劳社[2006]41号 on one line
    assert _all(S004, rule_id) == [("info", [2945])]
    for seed in (S000, S002, S003):  # same title each time (000 L1953/1958, L3300/3550)
        assert not _all(seed, rule_id)


def test_long_term_rows_004() -> None:
    require_seeds()
    doc = seed_document(S004)
    form = next(f for f in doc.forms if isinstance(f, ProjectForm) and f.name == "2025年医疗救助")
    rows = [(i.table, i.name, i.values[-1]) for i in form.indicators]
    assert ("long", "对救助对象的报销时效", "即时报销") in rows  # text values are read
    assert ("long", "医疗救助工作情况", "切实做好") in rows
    assert ("annual", "对救助对象的报销时效", "即时报销") in rows
    assert ("annual", "受众调查问卷满意度比率", "≥90%") in rows
    three = next(f for f in doc.forms if isinstance(f, ProjectForm) and "三保" in f.name)
    assert ("long", "可持续发展指标") in [(i.table, i.name) for i in three.indicators]
    assert ("annual", "服务对象满意度") in [(i.table, i.name) for i in three.indicators]
    # the rows newly read agree between the 长期 and 年度 tables and with the 部门整体 form
    assert [lines for _, lines in _all(S004, "PROJECT.INDICATOR_TARGET")] == [
        [3962, 2176, 3963, 2177]]  # 004-19 only
    assert not _all(S004, "PROJECT.INDICATOR_VALUE")
