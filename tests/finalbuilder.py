"""A builder of fully consistent 部门决算 (final accounts) disclosures, for looking for false
accusations. It reuses `docbuilder`'s data: a `Budget` holds the year's actual figures (决算),
and `Final` adds what only a 决算 prints: the 年初预算 of every 一般公共预算 项, the 三公
预算数 beside its 决算数, last year's 决算 totals (the budget's `prior_total`,
`prior_general`, `prior_agency`), and the 绩效自评 of the projects.

`render_final(final, layout=…, order=…)` prints the disclosure the way the 财政部 template
prints it: a title, 第一部分 概况, 第二部分 the nine 决算 tables (收入支出决算总表 with its
行次, 收入决算表 and 支出决算表 by functional 科目, 财政拨款收入支出决算总表, the
一般公共预算财政拨款支出决算表 split into 基本/项目 or printing the 年初预算数 beside the
决算数, the 基本支出决算表 with 人员经费 and 公用经费 side by side, the empty 政府性基金
and 国有资本经营 tables with their notes, the 三公 table with 预算数 and 决算数 groups),
第三部分 情况说明 with every figure, share, change and execution rate computed from the data,
第四部分 重点工作完成情况 (numbered sections "一、…。" with their points "一是…。二是…。" and
the 主要工作重要事项 table restating each section in a row titled with its heading),
第五部分 名词解释, and 第六部分 附件: the 部门整体支出绩效自评表 and a 项目支出绩效自评表 per
project in the 财政部 template (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分,
indicators with 年度指标值 | 实际完成值 | 分值 | 得分), the 执行数 being the 决算 (the year's
spending, each project's spending) and the rates 执行数 / 全年预算数; the narrative's 绩效自评
paragraphs quote each project's 全年预算数, 执行数, rate and two of its indicators.

Money is whole 元; a 万元 document prints each cell rounded to two decimals on its own.
Percentages are computed from the exact amounts and printed with two decimals. Two departments
are ready: `culture_final` (a 区 culture bureau with a 文化馆, 万元) and `labour_final` (one
unit, 元, amounts to the 元). `Final.carried` puts 财政拨款结转和结余 at both ends of the year (the
year's 财政拨款收入 is then the spending plus what the balance grew by); `with_gov_fund` adds a
project paid by 政府性基金预算财政拨款 (彩票公益金). The names and figures are invented; none comes from the seeds.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal

from docbuilder import (
    CLASS_LIST,
    ITEM_DESCRIPTIONS,
    NUMERALS,
    Budget,
    Line,
    Misprint,
    Project,
    Sangong,
    _admin_units,
    _apply,
    _econ_name,
    _item_name,
    _list,
    _own_grids,
    _round,
    culture_bureau,
    labour_bureau,
    money,
    pct,
)
from renderers import RENDERERS


@dataclass(frozen=True)
class Work:
    """One section of the 重点工作完成情况: its heading, its points ("一是…") and what each
    achieved; the 重要事项 table restates it in one row."""

    title: str
    points: tuple[str, ...]
    results: tuple[str, ...]


@dataclass
class Final:
    budget: Budget  # the year's actual figures (决算)
    initial: dict[str, int]  # 一般公共预算 项 → its 年初预算 (元)
    sangong_budget: Sangong  # the 三公 预算数
    general_columns: str = "split"  # "split": 本年支出 小计/基本/项目; "execution": 年初预算数 beside
    numbered: bool = True  # 行次 columns and a 栏次 row, as the 财政部 template prints them
    misprints: list[Misprint] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)  # 项 → why 决算 ≠ 年初预算
    # project → how its 绩效自评表's 年初预算数 and 全年预算数 exceed its 决算 (default: 0, 0)
    project_budgets: dict[str, tuple[int, int]] = field(default_factory=dict)
    selfeval: bool = True  # the 绩效自评 paragraphs and forms (第六部分 附件)
    works: list[Work] = field(default_factory=list)  # 第四部分 重点工作完成情况
    # 一般公共预算 财政拨款结转和结余 at the start and the end of the year; the year's 财政拨款收入
    # is the spending plus what the balance grew by, booked on the 项 `carry_code`
    carried: tuple[int, int] = (0, 0)
    carry_code: str = ""
    # the 部门整体 自评表 lists its tasks, each with 全年预算数 and 全年执行数 split into 总额 |
    # 财政拨款 | 其他资金, and their 金额合计 (西安)
    dept_tasks: bool = False

    @property
    def grown(self) -> int:
        """What the 结转和结余 grew by: the 财政拨款收入 above the spending."""
        return self.carried[1] - self.carried[0]

    @property
    def general_income(self) -> int:
        return self.budget.general + self.grown

    @property
    def income(self) -> int:
        """本年收入合计."""
        return self.budget.total + self.grown

    def general_income_of(self, code: str) -> int:
        extra = self.grown if self.carry_code.startswith(code) else 0
        return self.budget.general_of(code) + extra

    @property
    def initial_total(self) -> int:
        return sum(self.initial.values())

    def initial_of(self, code: str) -> int:
        return sum(v for k, v in self.initial.items() if k.startswith(code))

    def budgets_of(self, project: Project) -> tuple[int, int]:
        """(年初预算数, 全年预算数) of a project's 绩效自评表."""
        initial, unspent = self.project_budgets.get(project.name, (0, 0))
        return project.total + initial, project.total + unspent

    def check(self) -> None:
        b = self.budget
        assert set(self.project_budgets) <= {p.name for p in b.projects}
        assert all(unspent >= 0 for _, unspent in self.project_budgets.values())
        assert min(self.carried) >= 0 and (not self.grown or self.carry_code in b.items(
            general=True)) and self.general_income_of(self.carry_code or "0") >= 0
        assert all(len(w.points) == len(w.results) >= 2 for w in self.works)
        b.check()
        assert set(self.initial) == set(b.items(general=True)), \
            set(self.initial) ^ set(b.items(general=True))
        assert not b.forms and not b.dept_form


# ---------------------------------------------------------------- tables

TITLES = {
    "summary": "收入支出决算总表",
    "income": "收入决算表",
    "expenditure": "支出决算表",
    "fiscal_summary": "财政拨款收入支出决算总表",
    "general": "一般公共预算财政拨款支出决算表",
    "basic": "一般公共预算财政拨款基本支出决算表",
    "gov_fund": "政府性基金预算财政拨款收入支出决算表",
    "soe_capital": "国有资本经营预算财政拨款支出决算表",
    "sangong": "财政拨款“三公”经费支出决算表",
}
ORDERS = {
    "standard": ["summary", "income", "expenditure", "fiscal_summary", "general", "basic",
                 "gov_fund", "soe_capital", "sangong"],
    "fiscal_first": ["fiscal_summary", "general", "basic", "sangong", "gov_fund", "soe_capital",
                     "summary", "income", "expenditure"],
}
FINAL_INCOME = ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入",
                "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]


def _m(b: Budget, yuan: int) -> str:
    return "" if yuan == 0 else money(b, yuan)


def _z(b: Budget, yuan: int) -> str:
    """A zero printed as 0.00 (or 0), the way 决算 systems fill their summary tables."""
    return money(b, yuan)


def table_summary(f: Final) -> list[list[str]]:
    b = f.budget
    classes = {b.name(c): b.total_of(c) for c in b.classes()}
    sources = {"一般公共预算财政拨款收入": f.general_income, "政府性基金预算财政拨款收入": b.gov,
               "事业收入": b.own_funds}
    income = [(f"{NUMERALS[i]}、{name}", sources.get(name, 0)) for i, name in enumerate(FINAL_INCOME)]
    spending = [(f"{NUMERALS[i]}、{name}", classes.get(name, 0)) for i, name in enumerate(CLASS_LIST)]
    n = len(spending)
    rows = [["收入", "", "", "支出", "", ""], ["项目", "行次", "金额", "项目", "行次", "金额"]]
    if f.numbered:
        rows.append(["栏次", "", "1", "栏次", "", "2"])
    for i in range(n):
        left = income[i] if i < len(income) else ("", None)
        right = spending[i]
        rows.append([left[0], str(i + 1), "" if left[1] is None else _z(b, left[1]),
                     right[0], str(n + 6 + i), _z(b, right[1])])
    begin, end = f.carried
    grand = money(b, b.total + end)
    tail = [("本年收入合计", money(b, f.income), "本年支出合计", money(b, b.total)),
            ("使用非财政拨款结余", _z(b, 0), "结余分配", _z(b, 0)),
            ("年初结转和结余", _z(b, begin), "年末结转和结余", _z(b, end)),
            ("", "", "", ""),
            ("总计", grand, "总计", grand)]
    for i, (a, x, c, y) in enumerate(tail):
        rows.append([a, str(n + 1 + i), x, c, str(2 * n + 6 + i), y])
    if not f.numbered:
        rows = [[cell for j, cell in enumerate(r) if j not in (1, 4)] for r in rows]
    return rows


def _functional(f: Final, *, general: bool, cells: object) -> list[list[str]]:
    b = f.budget
    rows = [["", "合计", *cells(None)]]  # type: ignore[operator]
    for code in b.codes(general=general):
        rows.append([code, b.name(code), *cells(code)])  # type: ignore[operator]
    return rows


def table_income(f: Final) -> list[list[str]]:
    b = f.budget

    def cells(code: str | None) -> list[str]:
        fiscal = (f.general_income + b.gov if code is None
                  else f.general_income_of(code) + b.gov_of(code))
        own = b.own_funds if code is None else b.by_code(code)[3]
        return [money(b, fiscal + own), _m(b, fiscal), "", _m(b, own), "", "", ""]

    return [["科目编码", "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入",
             "经营收入", "附属单位上缴收入", "其他收入"],
            *_functional(f, general=False, cells=cells)]


def table_expenditure(f: Final) -> list[list[str]]:
    b = f.budget

    def cells(code: str | None) -> list[str]:
        personnel, public, project, own = (
            (b.personnel, b.public, b.project, b.own_funds) if code is None else b.by_code(code))
        project += b.gov if code is None else b.gov_of(code)
        return [money(b, personnel + public + project + own), _m(b, personnel + public),
                _m(b, project + own), "", "", ""]

    return [["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出",
             "对附属单位补助支出"], *_functional(f, general=False, cells=cells)]


def table_fiscal_summary(f: Final) -> list[list[str]]:
    b = f.budget
    classes = {b.name(c): (b.general_of(c), b.gov_of(c)) for c in b.classes(scope="fiscal")}
    income = [("一、一般公共预算财政拨款", f.general_income), ("二、政府性基金预算财政拨款", b.gov),
              ("三、国有资本经营预算财政拨款", 0)]
    n = len(CLASS_LIST)
    rows = [["收入", "", "", "支出", "", "", "", "", ""],
            ["项目", "行次", "决算数", "项目", "行次", "决算数", "", "", ""],
            ["", "", "", "", "", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款",
             "国有资本经营预算财政拨款"]]
    if f.numbered:
        rows.append(["栏次", "", "1", "栏次", "", "2", "3", "4", "5"])
    for i, name in enumerate(CLASS_LIST):
        left = income[i] if i < len(income) else ("", None)
        general, gov = classes.get(name, (0, 0))
        rows.append([left[0], str(i + 1), "" if left[1] is None else _m(b, left[1]),
                     f"{NUMERALS[i]}、{name}", str(n + 7 + i), _m(b, general + gov),
                     _m(b, general), _m(b, gov), ""])
    total, general = money(b, b.fiscal), money(b, b.general)
    begin, end = _m(b, f.carried[0]), _m(b, f.carried[1])
    gov = _m(b, b.gov)
    grand, grand_general = money(b, b.fiscal + f.carried[1]), money(b, b.general + f.carried[1])
    tail = [["本年收入合计", money(b, f.general_income + b.gov), "本年支出合计", total, general, gov,
             ""],
            ["年初财政拨款结转和结余", begin, "年末财政拨款结转和结余", end, end, "", ""],
            ["一般公共预算财政拨款", begin, "", "", "", "", ""],
            ["政府性基金预算财政拨款", "", "", "", "", "", ""],
            ["国有资本经营预算财政拨款", "", "", "", "", "", ""],
            ["总计", grand, "总计", grand, grand_general, gov, ""]]
    for i, r in enumerate(tail):
        right_no = str(2 * n + 7 + i) if r[2] else ""
        rows.append([r[0], str(n + 1 + i), r[1], r[2], right_no, *r[3:]])
    if not f.numbered:
        rows = [[cell for j, cell in enumerate(r) if j not in (1, 4)] for r in rows]
    return rows


def table_general(f: Final) -> list[list[str]]:
    b = f.budget

    def split(code: str | None) -> list[str]:
        personnel, public, project, _ = (
            (b.personnel, b.public, b.project, 0) if code is None else b.by_code(code))
        return [money(b, personnel + public + project), _m(b, personnel + public), _m(b, project)]

    if f.general_columns == "execution":
        def cells(code: str | None) -> list[str]:
            initial = f.initial_total if code is None else f.initial_of(code)
            return [money(b, initial), *split(code)]
        return [["科目编码", "科目名称", "年初预算数", "决算数", "", ""],
                ["", "", "", "合计", "基本支出", "项目支出"],
                *_functional(f, general=True, cells=cells)]
    return [["科目编码", "科目名称", "本年支出", "", ""], ["", "", "小计", "基本支出", "项目支出"],
            *_functional(f, general=True, cells=split)]


def table_basic(f: Final) -> list[list[str]]:
    b = f.budget

    def side(classes: tuple[str, ...]) -> list[list[str]]:
        out = []
        for cls in classes:
            lines = sorted((e for e in b.economic if e.code.startswith(cls)), key=lambda e: e.code)
            if not lines:
                continue
            out.append([cls, _econ_name(cls), money(b, b.econ(cls))])
            out += [[e.code, _econ_name(e.code), money(b, e.total)] for e in lines]
        return out

    personnel, public = side(("301", "303")), side(("302", "310"))
    rows = [["人员经费", "", "", "公用经费", "", ""],
            ["科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数"]]
    for i in range(max(len(personnel), len(public))):
        left = personnel[i] if i < len(personnel) else ["", "", ""]
        right = public[i] if i < len(public) else ["", "", ""]
        rows.append(left + right)
    rows.append(["人员经费合计", "", money(b, b.personnel), "公用经费合计", "", money(b, b.public)])
    return rows


def table_gov_fund(f: Final) -> list[list[str]]:
    b = f.budget
    rows = [["科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"],
            ["", "", "", "", "小计", "基本支出", "项目支出", ""]]
    if not b.gov:
        return rows
    rows.append(["", "合计", "", money(b, b.gov), money(b, b.gov), "", money(b, b.gov), ""])
    for code in b.codes(scope="gov"):
        amount = money(b, b.gov_of(code))
        rows.append([code, b.name(code), "", amount, amount, "", amount, ""])
    return rows


def table_soe_capital(f: Final) -> list[list[str]]:
    return [["科目编码", "科目名称", "本年支出", "", ""], ["", "", "合计", "基本支出", "项目支出"]]


def table_sangong(f: Final) -> list[list[str]]:
    b = f.budget

    def cells(s: Sangong) -> list[str]:
        return [money(b, s.total), money(b, s.outbound), money(b, s.vehicle),
                money(b, s.vehicle_purchase), money(b, s.vehicle_operation), money(b, s.reception)]

    return [["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""],
            ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"] * 2,
            ["", "", "小计", "公务用车购置费", "公务用车运行维护费", ""] * 2,
            cells(f.sangong_budget) + cells(b.sangong)]


BUILDERS = {"summary": table_summary, "income": table_income, "expenditure": table_expenditure,
            "fiscal_summary": table_fiscal_summary, "general": table_general,
            "basic": table_basic, "gov_fund": table_gov_fund, "soe_capital": table_soe_capital,
            "sangong": table_sangong}
EMPTY_NOTES = {"gov_fund": "政府性基金预算财政拨款收入、支出及结转和结余",
               "soe_capital": "国有资本经营预算财政拨款支出"}


def table_rows(f: Final, key: str) -> list[list[str]]:
    rows = BUILDERS[key](f)
    for misprint in f.misprints:
        if misprint.table == key:
            _apply(rows, misprint)
    return rows


def tables_part(f: Final, layout: str, order: str) -> list[str]:
    b = f.budget
    out = [f"第二部分 {b.department}{b.year}年度部门决算表", ""]
    for number, key in enumerate(ORDERS[order], start=1):
        out += [f"表{number} {TITLES[key]}", "", f"部门：{b.department}", "",
                f"金额单位：{b.money}", ""]
        out += RENDERERS[layout](table_rows(f, key))
        if key in EMPTY_NOTES and not (key == "gov_fund" and b.gov):
            out += ["", f"注：本部门{b.year}年度没有{EMPTY_NOTES[key]}，故本表无数据。"]
        out.append("")
    return out


# ---------------------------------------------------------------- narrative

def _n(b: Budget, yuan: int) -> str:
    unit = b.narrative_money or b.money
    return ("0" if yuan == 0 else money(b, yuan, unit=unit)) + unit


def _versus(b: Budget, what: str, now: int, before: int) -> str:
    """'与2023年度相比，{what}增加12.30万元，增长4.85%'."""
    head = f"与{b.year - 1}年度相比，{what}"
    if now == before:
        return f"{head}持平"
    word, rate_word = ("增加", "增长") if now > before else ("减少", "下降")
    return f"{head}{word}{_n(b, abs(now - before))}，{rate_word}{pct(abs(now - before), before)}%"


def _execution(b: Budget, initial: int, actual: int, word: str = "年初预算") -> str:
    """'年初预算为…，支出决算为…，完成年初预算的…%' (no rate when nothing was budgeted)."""
    text = f"{word}为{_n(b, initial)}，支出决算为{_n(b, actual)}"
    return text + (f"，完成{word}的{pct(actual, initial)}%" if initial else "")


def _short_class(name: str) -> str:
    return name.removesuffix("支出")


def overview_part(f: Final) -> list[str]:
    b = f.budget
    out = [f"第一部分 {b.department}概况", "", "一、部门主要职能", ""]
    out += [f"（{NUMERALS[i]}）{duty}" for i, duty in enumerate(b.duties)]
    out += ["", "二、部门决算单位构成", ""]
    if b.own_figures:
        tagged = "、".join(f"{u.name}（{u.kind}单位）" for u in b.units)
        out.append(f"从单位构成看，{b.department}部门决算包括：{tagged}决算。")
    elif len(b.units) > 1:
        out.append(f"从单位构成看，{b.department}部门决算由本级决算和所属{len(b.units) - 1}家"
                   "单位决算组成，纳入决算编制范围的单位包括：")
        out += [f"{i}. {u.name}" for i, u in enumerate(b.units, start=1)]
    else:
        out.append(f"从单位构成看，{b.department}部门决算由纳入独立核算的单位本级决算组成。")
    return out + [""]


def narrative_part(f: Final) -> list[str]:
    b, y, d = f.budget, f.budget.year, f.budget.department
    prior_general = b.prior_general_total
    out = [f"第三部分 {d}{y}年度部门决算情况说明", ""]
    out += ["一、收入支出决算总体情况说明", "",
            (f"{y}年度收、支总计{_n(b, b.total + f.carried[1])}。"
             f"{_versus(b, '收、支总计各', b.total + f.carried[1], b.prior_total)}，主要原因是人员经费和业务工作"
             "经费调整。"), ""]
    if b.own_funds:
        parts = (f"财政拨款收入{_n(b, f.general_income + b.gov)}，占本年收入"
                 f"{pct(f.general_income + b.gov, f.income)}%；"
                 f"事业收入{_n(b, b.own_funds)}，占本年收入{pct(b.own_funds, f.income)}%")
    else:
        parts = f"财政拨款收入{_n(b, f.general_income + b.gov)}，占本年收入100.00%"
    projects = b.project + b.own_funds + b.gov
    out += ["二、收入决算情况说明", "", f"{y}年度收入合计{_n(b, f.income)}。其中：{parts}。", "",
            "三、支出决算情况说明", "",
            (f"{y}年度支出合计{_n(b, b.total)}。其中：基本支出{_n(b, b.basic)}，占本年支出"
             f"{pct(b.basic, b.total)}%；项目支出{_n(b, projects)}，占本年支出"
             f"{pct(projects, b.total)}%。"), ""]
    out += ["四、财政拨款收入支出决算总体情况说明", "",
            (f"{y}年度财政拨款收、支总计{_n(b, b.fiscal + f.carried[1])}。"
             f"{_versus(b, '财政拨款收、支总计各', b.fiscal + f.carried[1], b.prior_fiscal)}，主要原因是人员经费和"
             "业务工作经费调整。"), ""]
    out += ["五、一般公共预算财政拨款支出决算情况说明", "",
            "（一）一般公共预算财政拨款支出决算总体情况", "",
            (f"{y}年度一般公共预算财政拨款支出{_n(b, b.general)}，占本年支出合计的"
             f"{pct(b.general, b.total)}%。"
             f"{_versus(b, '一般公共预算财政拨款支出', b.general, prior_general)}。主要原因是人员"
             "经费和业务工作经费调整。"), "",
            "（二）一般公共预算财政拨款支出决算结构情况", "",
            f"{y}年度一般公共预算财政拨款支出{_n(b, b.general)}，主要用于以下方面：", ""]
    for i, cls in enumerate(b.classes(general=True), start=1):
        amount = b.general_of(cls)
        uses = _list([b.name(c) for c in b.codes(general=True) if len(c) == 5
                      and c.startswith(cls)])
        out += [(f"{i}. {_short_class(b.name(cls))}（类）支出{_n(b, amount)}，占"
                f"{pct(amount, b.general)}%。主要用于{uses}。"), ""]
    out += ["（三）一般公共预算财政拨款支出决算具体情况", "",
            (f"{y}年度一般公共预算财政拨款支出{_execution(b, f.initial_total, b.general)}。"
             f"其中：基本支出{_n(b, b.basic)}，项目支出{_n(b, b.project)}。"), ""]
    for i, code in enumerate(b.items(general=True), start=1):
        initial, actual = f.initial[code], b.general_of(code)
        line = f"{i}. {_item_name(b, code)}。{_execution(b, initial, actual)}。"
        if actual != initial:
            word = "大于" if actual > initial else "小于"
            reason = f.reasons.get(code, "年中追加人员经费和业务工作经费" if actual > initial
                                   else "厉行节约，压减一般性支出")
            line += f"决算数{word}年初预算数的主要原因是{reason}。"
        out += [line, ""]
    out += ["六、一般公共预算财政拨款基本支出决算情况说明", "",
            f"{y}年度一般公共预算财政拨款基本支出{_n(b, b.basic)}，其中：", "",
            (f"人员经费{_n(b, b.personnel)}，主要包括："
             f"{_named(b, ('301', '303'))}。"), "",
            f"公用经费{_n(b, b.public)}，主要包括：{_named(b, ('302', '310'))}。", ""]
    out += _own_grids(b) if b.own_figures else []
    if b.gov:
        items = "；".join(f"{_item_name(b, code)}{_n(b, b.gov_of(code))}"
                         for code in b.items(scope="gov"))
        gov = [(f"{y}年度政府性基金预算财政拨款收入{_n(b, b.gov)}，支出{_n(b, b.gov)}，主要用于"
                f"{b.gov_purpose}。其中：{items}。")]
    else:
        gov = [f"本部门{y}年度无政府性基金预算财政拨款收入支出。"]
    out += ["七、政府性基金预算财政拨款收入支出决算情况说明", "", *gov, "",
            "八、国有资本经营预算财政拨款支出决算情况说明", "",
            f"本部门{y}年度无国有资本经营预算财政拨款支出。", ""]
    out += _sangong_part(f)
    out += _other_part(f)
    return out


def _named(b: Budget, prefixes: tuple[str, ...]) -> str:
    return _list([_econ_name(e.code) for e in sorted(b.economic, key=lambda e: e.code)
                  if e.code.startswith(prefixes)])


def _sangong_part(f: Final) -> list[str]:
    b, y = f.budget, f.budget.year
    s, p = b.sangong, f.sangong_budget

    def item(name: str, budget: int, actual: int) -> str:
        if budget == 0 and actual == 0:
            return f"{name}支出决算为{_n(b, 0)}，{y}年度未安排该项支出。"
        return f"{name}支出{_execution(b, budget, actual, '预算')}。"

    total = f"{y}年度“三公”经费财政拨款支出{_execution(b, p.total, s.total, '预算')}。"
    if s.total < p.total:
        total += "决算数小于预算数的主要原因是厉行节约，严格控制“三公”经费支出。"
    return ["九、财政拨款“三公”经费支出决算情况说明", "",
            "（一）“三公”经费财政拨款支出决算总体情况说明", "", total, "",
            "（二）“三公”经费财政拨款支出决算具体情况说明", "",
            item("1. 因公出国（境）费", p.outbound, s.outbound), "",
            item("2. 公务用车购置及运行维护费", p.vehicle, s.vehicle)
            + f"其中：公务用车购置费{_n(b, s.vehicle_purchase)}；公务用车运行维护费"
              f"{_n(b, s.vehicle_operation)}。", "",
            item("3. 公务接待费", p.reception, s.reception), ""]


def _other_part(f: Final) -> list[str]:
    b, y, d = f.budget, f.budget.year, f.budget.department
    goods, works, services = b.procurement
    general, enforcement = b.vehicles
    projects = [p for p in b.projects if p.amount]
    return [
        "十、机关运行经费支出说明", "",
        (f"{y}年度{d}{_admin_units(b)}机关运行经费支出{_n(b, b.agency_costs)}，"
         f"{_versus(b, '', b.agency_costs, b.prior_agency)}。主要原因是办公用房水电费等日常运转"
         "支出调整。"), "",
        "十一、政府采购支出说明", "",
        (f"{y}年度{d}政府采购支出总额{_n(b, goods + works + services)}，其中：政府采购货物支出"
         f"{_n(b, goods)}、政府采购工程支出{_n(b, works)}、政府采购服务支出{_n(b, services)}。"
         f"授予中小企业合同金额{_n(b, services)}，其中：授予小微企业合同金额{_n(b, services // 2)}。"),
        "", "十二、国有资产占用情况说明", "",
        (f"截至{y}年12月31日，{d}共有车辆{general + enforcement}辆，其中：一般公务用车{general}辆、"
         f"执法执勤用车{enforcement}辆；单价100万元（含）以上设备（不含车辆）0台（套）。"), "",
        "十三、预算绩效情况说明", "",
        "（一）预算绩效管理工作开展情况", "",
        (f"根据预算绩效管理要求，本部门组织对{y}年度一般公共预算项目支出全面开展绩效自评，共涉及"
         f"项目{len(projects)}个，资金{_n(b, b.project)}，占一般公共预算项目支出总额的100%。"), "",
        "（二）部门整体支出绩效自评结果", "",
        (f"本部门组织对{y}年度部门整体支出开展绩效自评，涉及资金{_n(b, b.general)}，从评价情况来看，"
         "各项工作任务均已完成，绩效目标基本实现。"), "", *(selfeval_narrative(f) if f.selfeval else [])]


def glossary_part(f: Final, number: int = 4) -> list[str]:
    b = f.budget
    level = f"{b.level}级财政"
    out = [f"第{NUMERALS[number - 1]}部分 名词解释", "",
           f"（一）一般公共预算财政拨款收入：指{level}一般公共预算当年拨付的资金。", "",
           f"（二）政府性基金预算财政拨款收入：指{level}政府性基金预算当年拨付的资金。", "",
           "（三）年初结转和结余：指单位以前年度尚未完成、结转到本年仍按原规定用途继续使用的资金。", "",
           "（四）基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。", "",
           "（五）项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。", "",
           "（六）本部门使用的支出功能分类科目（到项级）：", ""]
    for i, code in enumerate(b.items(), start=1):
        name = b.name(code)
        what = ITEM_DESCRIPTIONS.get(name, f"反映{name}方面的支出")
        out += [f"{i}. {_item_name(b, code)}：{what}。", ""]
    out += [("（七）“三公”经费：纳入区级财政预决算管理的“三公”经费，是指用财政拨款安排的因公出国（境）费、"
             "公务用车购置及运行维护费和公务接待费。").replace("区级", f"{b.level}级"), "",
            ("（八）机关运行经费：指为保障行政单位（包括参照公务员法管理的事业单位）运行用于购买货物和服务"
             "的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备"
             "购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。"),
            ""]
    return out


# ---------------------------------------------------------------- 绩效自评

EXECUTION_WEIGHT = 10  # the 预算执行率 row's 分值; the indicators share the other 90


def _score(spent: int, full: int) -> Decimal:
    """The 预算执行率 row's 得分: its 分值 times the rate, two decimals."""
    return _round(Decimal(EXECUTION_WEIGHT) * Decimal(spent) / Decimal(full), 2)


def _points(score: Decimal) -> str:
    return f"{score:.2f}".rstrip("0").rstrip(".")


def _achieved(target: int) -> int:
    return target + max(1, target // 6)


def project_indicators(p: Project) -> list[tuple[str, str, str, str, str, int]]:
    """(一级, 二级, 三级, 年度指标值, 实际完成值, 分值) of a project's 绩效自评表."""
    name, target, measure = p.output
    return [("产出指标", "数量指标", name, f"≥{target}{measure}", f"{_achieved(target)}{measure}", 20),
            ("", "质量指标", "工作任务完成率", "≥95%", "100%", 15),
            ("", "时效指标", "任务按时完成率", "100%", "100%", 15),
            ("效益指标", "社会效益指标", "服务群众覆盖面", "逐步扩大", "有效扩大", 30),
            ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", 10)]


def dept_indicators(f: Final) -> list[tuple[str, str, str, str, str, int]]:
    tasks = max(len(f.works), 1)
    return [("产出指标", "数量指标", "完成重点工作任务数", f"≥{tasks}项", f"{tasks}项", 30),
            ("", "质量指标", "项目绩效自评覆盖率", "100%", "100%", 20),
            ("效益指标", "社会效益指标", "公共服务水平", "稳步提升", "稳步提升", 20),
            ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", 20)]


def _indicator_rows(rows: list[tuple[str, str, str, str, str, int]], execution: Decimal
                    ) -> list[list[str]]:
    out = [["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
            "偏差原因分析及改进措施"]]
    out += [["", a, b, c, target, actual, str(weight), str(weight), ""]
            for a, b, c, target, actual, weight in rows]
    total = execution + sum(r[5] for r in rows)
    out.append(["总分", "", "", "", "", "", "100", _points(total), ""])
    return out


def _funds(f: Final, label: str, initial: int, full: int, spent: int) -> list[list[str]]:
    b = f.budget
    return [[label, "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
            ["", "年度资金总额", money(b, initial), money(b, full), money(b, spent),
             str(EXECUTION_WEIGHT), f"{pct(spent, full)}%", _points(_score(spent, full)), ""]]


def selfeval_projects(f: Final) -> list[Project]:
    return [p for p in f.budget.projects if p.total]


def project_selfeval_rows(f: Final, p: Project) -> list[list[str]]:
    b = f.budget
    initial, full = f.budgets_of(p)
    unit = next(u.name for u in b.units if u.code == p.unit)
    name, target, measure = p.output
    return [["项目名称", p.name, "", "", "", "", "", "", ""],
            ["主管部门", b.short, "", "", "实施单位", unit, "", "", ""],
            *_funds(f, f"项目资金（{b.money}）", initial, full, p.total),
            ["年度总体目标", "预期目标", "", "", "", "实际完成情况", "", "", ""],
            ["", f"{p.purpose}，完成{name}{target}{measure}以上。", "", "", "",
             f"已{p.purpose}，完成{name}{_achieved(target)}{measure}。", "", "", ""],
            *_indicator_rows(project_indicators(p), _score(p.total, full))]


def dept_full(f: Final) -> tuple[int, int, int]:
    """The 部门整体 (年初预算数, 全年预算数, 全年执行数): the 年初预算 and the projects' budgets
    around the year's spending."""
    b = f.budget
    unspent = sum(f.budgets_of(p)[1] - p.total for p in b.projects)
    return f.initial_total + b.own_funds + b.gov, b.total + unspent, b.total


def _task_rows(f: Final) -> list[list[str]]:
    """任务名称 | 主要内容 | 完成情况 | 预算 总额, 财政拨款, 其他资金 | 执行 the same | 分值 |
    执行率 | 得分, one task for the basic spending and one per project, 金额合计 last."""
    b = f.budget
    basic = b.personnel + b.public
    tasks = [("基本支出", "保障机构正常运转。", (basic, basic, 0), (basic, basic, 0))]
    for p in selfeval_projects(f):
        unspent = f.budgets_of(p)[1] - p.total
        own = p.amount + p.gov_fund
        tasks.append((p.name, f"{p.purpose}。", (p.total + unspent, own + unspent, p.own_funds),
                      (p.total, own, p.own_funds)))
    weight = 10 // len(tasks)
    rows = [["年度主要任务完成情况", "任务名称", "主要内容", "完成情况", f"全年预算数（{b.money}）",
             "", "", f"全年执行数（{b.money}）", "", "", "分值", "执行率", "得分"],
            ["", "", "", "", "总额", "财政拨款", "其他资金", "总额", "财政拨款", "其他资金", "",
             "", ""]]
    for name, content, full, spent in tasks:
        rows.append(["", name, content, "任务完成", *(money(b, v) for v in full + spent),
                     str(weight), f"{pct(spent[0], full[0])}%", str(weight)])
    full = tuple(sum(t[2][i] for t in tasks) for i in range(3))
    spent = tuple(sum(t[3][i] for t in tasks) for i in range(3))
    rows.append(["", "金额合计", "", "", *(money(b, v) for v in full + spent),
                 str(weight * len(tasks)), f"{pct(spent[0], full[0])}%", str(weight * len(tasks))])
    return rows


def dept_selfeval_rows(f: Final) -> list[list[str]]:
    b = f.budget
    initial, full, spent = dept_full(f)
    if f.dept_tasks:
        rows = [["部门（单位）名称", b.short], *_task_rows(f),
                *_indicator_rows(dept_indicators(f), _score(spent, full))]
        return [r + [""] * (13 - len(r)) for r in rows]
    return [["部门（单位）名称", b.short, "", "", "", "", "", "", ""],
            *_funds(f, f"预算执行情况（{b.money}）", initial, full, spent),
            ["年度总体目标", "预期目标", "", "", "", "实际完成情况", "", "", ""],
            ["", "全面履行部门职责，完成年度重点工作任务，提升公共服务水平。", "", "", "",
             "各项工作任务均已完成，绩效目标基本实现。", "", "", ""],
            *_indicator_rows(dept_indicators(f), _score(spent, full))]


def selfeval_part(f: Final, layout: str, number: int) -> list[str]:
    b, y = f.budget, f.budget.year
    out = [f"第{NUMERALS[number - 1]}部分 附件", "",
           f"一、{y}年度部门整体支出绩效自评表", "", f"单位名称：{b.short}", "",
           f"金额单位：{b.money}", ""]
    out += RENDERERS[layout](dept_selfeval_rows(f)) + [""]
    for i, p in enumerate(selfeval_projects(f), start=2):
        out += [f"{NUMERALS[i - 1]}、{y}年度{p.name}项目支出绩效自评表", "",
                f"单位名称：{b.short}", "", f"金额单位：{b.money}", ""]
        out += RENDERERS[layout](project_selfeval_rows(f, p)) + [""]
    return out


def selfeval_narrative(f: Final) -> list[str]:
    """(三) 项目支出绩效自评结果: each project's budget, spending, rate and two indicators."""
    b, y = f.budget, f.budget.year
    projects = selfeval_projects(f)
    out = ["（三）项目支出绩效自评结果", "",
           f"本部门在{y}年度部门决算中反映{len(projects)}个项目的绩效自评结果。", ""]
    for i, p in enumerate(projects, start=1):
        _, full = f.budgets_of(p)
        name, target, measure = p.output
        out += [(f"{i}. {p.name}：项目全年预算数为{_n(b, full)}，执行数为{_n(b, p.total)}，"
                 f"完成预算的{pct(p.total, full)}%。主要产出和效益是：一是{name}≥{target}{measure}。"
                 "二是服务对象满意度≥90%。"), ""]
    return out


# ---------------------------------------------------------------- 重点工作完成情况

def works_part(f: Final, layout: str) -> list[str]:
    b, y = f.budget, f.budget.year
    out = [f"第四部分 {y}年重点工作完成情况", "",
           f"{y}年，{b.short}围绕年度目标任务，扎实推进各项重点工作。现将主要工作完成情况报告如下：", ""]
    for i, work in enumerate(f.works):
        out += [f"{NUMERALS[i]}、{work.title}。", ""]
        out += ["".join(f"{NUMERALS[j]}是{point}。{result}。"
                        for j, (point, result) in enumerate(zip(work.points, work.results,
                                                                strict=True))), ""]
    rows = [["序号", "重要事项", "工作内容及目标", "完成情况"]]
    for i, work in enumerate(f.works, start=1):
        rows.append([str(i), f"{work.title}。",
                     "".join(f"{NUMERALS[j]}是{p}。" for j, p in enumerate(work.points)),
                     "".join(f"{r}。" for r in work.results)])
    out += ["主要工作重要事项", ""] + RENDERERS[layout](rows) + [""]
    return out


def render_final(f: Final, layout: str = "tabbed", order: str = "standard", *,
                 check: bool = True) -> str:
    if check:
        f.check()
    b = f.budget
    lines = ["", f"{b.department}{b.year}年度部门决算", ""]
    lines += overview_part(f)
    lines += tables_part(f, layout, order)
    lines += narrative_part(f)
    if f.works:
        lines += works_part(f, layout)
    lines += glossary_part(f, 5 if f.works else 4)
    if f.selfeval:
        lines += selfeval_part(f, layout, 6 if f.works else 5)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- two departments

CULTURE_WORKS = [
    Work("推进公共文化服务体系建设，丰富群众精神文化生活",
         ("组织送戏进社区演出", "举办群众文艺汇演", "推进基层综合文化服务站建设"),
         ("全年送戏进社区86场，惠及群众3万余人次", "举办广场文艺汇演12场",
          "新建提升基层综合文化服务站8个")),
    Work("加强非遗保护传承，赓续历史文脉",
         ("开展非物质文化遗产项目调查记录", "组织非遗代表性传承人培训"),
         ("完成12个非遗项目的影像记录", "培训传承人和学员260人次")),
    Work("规范文化旅游市场，优化消费环境",
         ("开展文化旅游市场日常巡查", "开展文化市场专项整治行动", "开展区域旅游形象宣传推介"),
         ("出动执法人员1200人次，检查经营场所640家次", "查处违法违规案件15起",
          "参加节会推介活动6场")),
]
LABOUR_WORKS = [
    Work("稳定和扩大就业，兜牢民生底线",
         ("举办线上线下招聘活动", "开展就业困难人员精准帮扶", "加强创业指导服务"),
         ("举办招聘会48场，提供就业岗位1.2万个", "帮扶就业困难人员就业520人",
          "发放创业担保贷款3200万元")),
    Work("强化劳动保障监察，维护劳动者权益",
         ("开展劳动用工专项检查", "开展欠薪案件集中查处"),
         ("检查用人单位860户次", "为1300名劳动者追回工资待遇2100万元")),
    Work("深化人事制度改革，提升服务效能",
         ("推进事业单位公开招聘", "优化人社政务服务"),
         ("组织事业单位公开招聘3批次", "实现人社服务事项全程网办率95%以上")),
]


def culture_final(**changes: object) -> Final:
    """The culture bureau's 2024 决算 in 万元: some 项 above their 年初预算, some below."""
    budget = culture_bureau(year=2024)
    final = Final(
        budget=budget,
        initial={"2070101": 2_480_000, "2070102": 200_000, "2070109": 1_450_000,
                 "2070111": 180_000, "2070112": 150_000, "2070113": 100_000,
                 "2080505": 380_000, "2101101": 115_000, "2101102": 55_000,
                 "2101103": 47_500, "2210201": 285_000},
        sangong_budget=Sangong(vehicle_operation=40_000, reception=18_000),
        project_budgets={"公共文化惠民演出活动经费": (-20_000, 20_000),
                         "全域旅游宣传推介经费": (30_000, 30_000)},
        works=CULTURE_WORKS)
    return dataclasses.replace(final, **changes)  # type: ignore[arg-type]


def labour_final(**changes: object) -> Final:
    """The labour bureau's 2023 决算 in 元, amounts to the 元."""
    budget = labour_bureau(year=2023)
    final = Final(
        budget=budget,
        initial={"2080101": 3_950_000, "2080102": 260_000, "2080106": 1_100_000,
                 "2080505": 398_000, "2080506": 160_000, "2101101": 178_500,
                 "2101103": 72_278, "2210201": 355_000, "2210202": 48_000},
        sangong_budget=Sangong(vehicle_operation=50_000, reception=12_000),
        project_budgets={"就业创业服务专项经费": (-136_480, 13_520)},
        works=LABOUR_WORKS)
    return dataclasses.replace(final, **changes)  # type: ignore[arg-type]


def with_gov_fund(final: Final) -> Final:
    """The culture bureau also spends 彩票公益金 (政府性基金预算财政拨款) on sports events: one
    more 类 (229 其他支出) in the department's and the 财政拨款 tables, the 政府性基金 table filled,
    one more project with its 绩效自评."""
    b = final.budget
    own = b.units[0].code
    project = Project("全民健身赛事活动经费", own, "2296003", 0, "举办全民健身赛事和群众体育活动",
                      gov_fund=260_000, output=("举办赛事活动场次", 8, "场"))
    budget = dataclasses.replace(
        b, lines=[*b.lines, Line(own, "2296003", gov_fund=260_000)],
        projects=[*b.projects, project], prior_gov=240_000, prior_total=b.prior_total + 240_000,
        gov_purpose="举办全民健身赛事和群众体育活动")
    return dataclasses.replace(final, budget=budget)
