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
第四部分 名词解释.

Money is whole 元; a 万元 document prints each cell rounded to two decimals on its own.
Percentages are computed from the exact amounts and printed with two decimals. Two departments
are ready: `culture_final` (a 区 culture bureau with a 文化馆, 万元) and `labour_final` (one
unit, 元, amounts to the 元). The names and figures are invented; none comes from the seeds.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from docbuilder import (
    CLASS_LIST,
    ITEM_DESCRIPTIONS,
    NUMERALS,
    Budget,
    Misprint,
    Sangong,
    _apply,
    _econ_name,
    _item_name,
    _list,
    culture_bureau,
    labour_bureau,
    money,
    pct,
)
from renderers import RENDERERS


@dataclass
class Final:
    budget: Budget  # the year's actual figures (决算)
    initial: dict[str, int]  # 一般公共预算 项 → its 年初预算 (元)
    sangong_budget: Sangong  # the 三公 预算数
    general_columns: str = "split"  # "split": 本年支出 小计/基本/项目; "execution": 年初预算数 beside
    numbered: bool = True  # 行次 columns and a 栏次 row, as the 财政部 template prints them
    misprints: list[Misprint] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)  # 项 → why 决算 ≠ 年初预算

    @property
    def initial_total(self) -> int:
        return sum(self.initial.values())

    def initial_of(self, code: str) -> int:
        return sum(v for k, v in self.initial.items() if k.startswith(code))

    def check(self) -> None:
        b = self.budget
        b.check()
        assert set(self.initial) == set(b.items(general=True)), \
            set(self.initial) ^ set(b.items(general=True))
        assert not b.gov and not b.forms and not b.dept_form


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
    sources = {"一般公共预算财政拨款收入": b.general, "事业收入": b.own_funds}
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
    total = money(b, b.total)
    tail = [("本年收入合计", total, "本年支出合计", total),
            ("使用非财政拨款结余", _z(b, 0), "结余分配", _z(b, 0)),
            ("年初结转和结余", _z(b, 0), "年末结转和结余", _z(b, 0)),
            ("", "", "", ""),
            ("总计", total, "总计", total)]
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
        fiscal = b.general if code is None else b.general_of(code)
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
        return [money(b, personnel + public + project + own), _m(b, personnel + public),
                _m(b, project + own), "", "", ""]

    return [["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出",
             "对附属单位补助支出"], *_functional(f, general=False, cells=cells)]


def table_fiscal_summary(f: Final) -> list[list[str]]:
    b = f.budget
    classes = {b.name(c): b.general_of(c) for c in b.classes(general=True)}
    income = [("一、一般公共预算财政拨款", b.general), ("二、政府性基金预算财政拨款", 0),
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
        amount = classes.get(name, 0)
        rows.append([left[0], str(i + 1), "" if left[1] is None else _m(b, left[1]),
                     f"{NUMERALS[i]}、{name}", str(n + 7 + i), _m(b, amount), _m(b, amount), "",
                     ""])
    total = money(b, b.general)
    tail = [["本年收入合计", total, "本年支出合计", total, total, "", ""],
            ["年初财政拨款结转和结余", "", "年末财政拨款结转和结余", "", "", "", ""],
            ["一般公共预算财政拨款", "", "", "", "", "", ""],
            ["政府性基金预算财政拨款", "", "", "", "", "", ""],
            ["国有资本经营预算财政拨款", "", "", "", "", "", ""],
            ["总计", total, "总计", total, total, "", ""]]
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
    return [["科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"],
            ["", "", "", "", "小计", "基本支出", "项目支出", ""]]


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
        if key in EMPTY_NOTES:
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
    if len(b.units) > 1:
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
            (f"{y}年度收、支总计{_n(b, b.total)}。"
             f"{_versus(b, '收、支总计各', b.total, b.prior_total)}，主要原因是人员经费和业务工作"
             "经费调整。"), ""]
    if b.own_funds:
        parts = (f"财政拨款收入{_n(b, b.general)}，占本年收入{pct(b.general, b.total)}%；"
                 f"事业收入{_n(b, b.own_funds)}，占本年收入{pct(b.own_funds, b.total)}%")
    else:
        parts = f"财政拨款收入{_n(b, b.general)}，占本年收入100.00%"
    projects = b.project + b.own_funds
    out += ["二、收入决算情况说明", "", f"{y}年度收入合计{_n(b, b.total)}。其中：{parts}。", "",
            "三、支出决算情况说明", "",
            (f"{y}年度支出合计{_n(b, b.total)}。其中：基本支出{_n(b, b.basic)}，占本年支出"
             f"{pct(b.basic, b.total)}%；项目支出{_n(b, projects)}，占本年支出"
             f"{pct(projects, b.total)}%。"), ""]
    out += ["四、财政拨款收入支出决算总体情况说明", "",
            (f"{y}年度财政拨款收、支总计{_n(b, b.general)}。"
             f"{_versus(b, '财政拨款收、支总计各', b.general, prior_general)}，主要原因是人员经费和"
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
        out += [(f"{i}. {_short_class(b.name(cls))}（类）支出{_n(b, amount)}，占"
                f"{pct(amount, b.general)}%。"), ""]
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
    out += ["七、政府性基金预算财政拨款收入支出决算情况说明", "",
            f"本部门{y}年度无政府性基金预算财政拨款收入支出。", "",
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
        (f"{y}年度{d}机关运行经费支出{_n(b, b.agency_costs)}，"
         f"{_versus(b, '', b.agency_costs, b.prior_agency)}。主要原因是办公用房水电费等日常运转"
         "支出调整。"), "",
        "十一、政府采购支出说明", "",
        (f"{y}年度{d}政府采购支出总额{_n(b, goods + works + services)}，其中：政府采购货物支出"
         f"{_n(b, goods)}、政府采购工程支出{_n(b, works)}、政府采购服务支出{_n(b, services)}。"),
        "", "十二、国有资产占用情况说明", "",
        (f"截至{y}年12月31日，{d}共有车辆{general + enforcement}辆，其中：一般公务用车{general}辆、"
         f"执法执勤用车{enforcement}辆；单价100万元（含）以上设备（不含车辆）0台（套）。"), "",
        "十三、预算绩效情况说明", "",
        "（一）预算绩效管理工作开展情况", "",
        (f"根据预算绩效管理要求，本部门组织对{y}年度一般公共预算项目支出全面开展绩效自评，共涉及"
         f"项目{len(projects)}个，资金{_n(b, b.project)}，占一般公共预算项目支出总额的100%。"), "",
        "（二）部门整体支出绩效自评结果", "",
        (f"本部门组织对{y}年度部门整体支出开展绩效自评，涉及资金{_n(b, b.general)}，从评价情况来看，"
         "各项工作任务均已完成，绩效目标基本实现。"), ""]


def glossary_part(f: Final) -> list[str]:
    b = f.budget
    level = f"{b.level}级财政"
    out = ["第四部分 名词解释", "",
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


def render_final(f: Final, layout: str = "tabbed", order: str = "standard", *,
                 check: bool = True) -> str:
    if check:
        f.check()
    b = f.budget
    lines = ["", f"{b.department}{b.year}年度部门决算", ""]
    lines += overview_part(f)
    lines += tables_part(f, layout, order)
    lines += narrative_part(f)
    lines += glossary_part(f)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- two departments

def culture_final(**changes: object) -> Final:
    """The culture bureau's 2024 决算 in 万元: some 项 above their 年初预算, some below."""
    budget = culture_bureau(year=2024)
    final = Final(
        budget=budget,
        initial={"2070101": 2_480_000, "2070102": 200_000, "2070109": 1_450_000,
                 "2070111": 180_000, "2070112": 150_000, "2070113": 100_000,
                 "2080505": 380_000, "2101101": 115_000, "2101102": 55_000,
                 "2101103": 47_500, "2210201": 285_000},
        sangong_budget=Sangong(vehicle_operation=40_000, reception=18_000))
    return dataclasses.replace(final, **changes)  # type: ignore[arg-type]


def labour_final(**changes: object) -> Final:
    """The labour bureau's 2023 决算 in 元, amounts to the 元."""
    budget = labour_bureau(year=2023)
    final = Final(
        budget=budget,
        initial={"2080101": 3_950_000, "2080102": 260_000, "2080106": 1_100_000,
                 "2080505": 398_000, "2080506": 160_000, "2101101": 178_500,
                 "2101103": 72_278, "2210201": 355_000, "2210202": 48_000},
        sangong_budget=Sangong(vehicle_operation=50_000, reception=12_000))
    return dataclasses.replace(final, **changes)  # type: ignore[arg-type]
