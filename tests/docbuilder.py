"""A builder of fully consistent 部门预算 disclosures, for looking for false accusations.

`Budget` describes one department's budget: its units, the functional 项 each unit books
(人员经费, 公用经费, 项目支出), the economic lines of its basic spending, its projects, 三公,
prior-year figures and a few narrative facts. `Budget.check()` proves the description is
consistent (every table identity holds exactly); `render(budget, layout=…, order=…)` prints
the disclosure the way real ones are printed: a title line, 第一部分 概况, 第二部分 the
standard tables (laid out by one of the renderers of `renderers.py`), 第三部分 情况说明 with
every figure computed from the data, 第四部分 名词解释.

Money is held in whole 元 (ints). A budget printed in 万元 shows each cell rounded to two
decimals on its own, as the accounting systems print them; one whose amounts are whole
hundreds of 元 prints exactly. Percentages are computed from the exact amounts and printed
with two decimals.

Three departments are ready (`culture_bureau`: a 区 bureau with a 文化馆, 万元;
`labour_bureau`: one unit, 元; `urban_bureau`: 万元 with thousands separators and a
政府性基金 project), and the knobs real documents differ in: the table order, the narrative
style (A: a sentence per figure; B: compact, each total with its parts), the narrative's unit,
thousands separators, codes in 类 | 款 | 项 columns, the 收支总表 listing every 类 or only the
used ones, a 三公 table printing last year beside this year, the performance forms (a
项目支出绩效目标表 per project, the 部门整体支出绩效目标表), 事业收入 beside 一般公共预算
(`with_own_income`), amounts to the 元 (`odd_yuan`), a bigger department (`scaled`).
`Misprint` and `render(check=False)` put one defect in.

The names and figures are invented; none comes from the seeds.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from renderers import RENDERERS

from yusuan.codes import lookup

# ---------------------------------------------------------------- the data


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    kind: str = "行政"  # 行政 / 事业 / 参公


@dataclass(frozen=True)
class Line:
    """What one unit books on one functional 项 (元)."""

    unit: str
    code: str
    personnel: int = 0
    public: int = 0
    project: int = 0  # 一般公共预算 project spending
    own_funds: int = 0  # project spending paid from the unit's own income (事业收入)
    gov_fund: int = 0  # project spending paid by 政府性基金预算拨款

    @property
    def basic(self) -> int:
        return self.personnel + self.public

    @property
    def general(self) -> int:
        return self.basic + self.project

    @property
    def total(self) -> int:
        return self.general + self.gov_fund + self.own_funds


@dataclass(frozen=True)
class Econ:
    """One economic 款 of the basic table (元)."""

    code: str
    personnel: int = 0
    public: int = 0

    @property
    def total(self) -> int:
        return self.personnel + self.public


@dataclass(frozen=True)
class Project:
    name: str
    unit: str
    code: str  # the functional 项 it is booked on
    amount: int  # 一般公共预算
    purpose: str
    own_funds: int = 0  # paid from the unit's own income
    gov_fund: int = 0  # paid by 政府性基金预算拨款
    prior: int | None = None  # last year's budget (None: the same as this year's)
    output: tuple[str, int, str] = ("开展活动场次", 12, "场")  # 数量指标: name, target, unit
    long_target: int | None = None  # the 长期 target when it is not the 年度 one (cumulative)

    @property
    def total(self) -> int:
        return self.amount + self.gov_fund + self.own_funds


@dataclass(frozen=True)
class Sangong:
    outbound: int = 0
    vehicle_purchase: int = 0
    vehicle_operation: int = 0
    reception: int = 0

    @property
    def vehicle(self) -> int:
        return self.vehicle_purchase + self.vehicle_operation

    @property
    def total(self) -> int:
        return self.outbound + self.vehicle + self.reception


@dataclass(frozen=True)
class Misprint:
    """One table cell printed wrong: `table` is a key of TABLE_TITLES, `row` the row's code
    (or its name when it has none), `column` the header word of the column."""

    table: str
    row: str
    column: str
    text: str


@dataclass
class Budget:
    department: str
    short: str  # the department as the unit tables name it ("某区文化和旅游局")
    dept_code: str
    year: int
    money: str  # "万元" or "元"
    units: list[Unit]
    lines: list[Line]
    economic: list[Econ]
    projects: list[Project]
    sangong: Sangong
    prior_sangong: Sangong
    prior_total: int
    prior_items: dict[str, int]  # functional 项 → last year's 一般公共预算 (0: a new 项)
    prior_agency: int
    procurement: tuple[int, int, int]  # goods, works, services
    duties: list[str]
    staffing: tuple[int, int, int, int, int]  # 编制: 行政, 事业; 实有: 行政, 事业, 离退休
    vehicles: tuple[int, int]  # 一般公务用车, 执法执勤用车
    level: str = "区"  # 区 / 县: the 财政 the glossary names
    names: dict[str, str] = field(default_factory=dict)  # 类/款/项 names missing from the lists
    reasons: dict[str, str] = field(default_factory=dict)  # 项 → why it changed
    prior_general: int | None = None  # last year's 一般公共预算, when not the whole budget
    prior_gov: int = 0  # last year's 政府性基金预算拨款
    gov_purpose: str = ""  # what the 政府性基金 pays for
    dropped_items: dict[str, int] = field(default_factory=dict)  # last year's 项 with no budget
    own_income: str = "事业收入"  # what the units' own funds are
    sangong_in_projects: Sangong = Sangong()  # the 三公 that project spending carries
    all_classes: bool = True  # 收支总表 lists every 类, not only the ones used
    split_basic: bool = True  # 一般公共预算支出表 splits 基本支出 into 人员经费 and 公用经费
    thousands: bool = False  # 1,234,567 in the tables
    narrative_money: str | None = None  # the narrative's unit, when not the tables'
    style: str = "A"  # A: one sentence per figure; B: compact, with the parts of each total
    split_codes: str = ""  # "full" / "sparse": codes in 类 | 款 | 项 columns (every part / once)
    # the 三公 table prints last year's budget beside this year's, under these two labels
    # ("{prior}" and "{year}" stand for the years): ("上年预算数", "本年预算数")
    sangong_groups: tuple[str, str] | None = None
    # the 三公 table also prints 会议费 and 培训费, in a 上年 block, a 本年 block and their
    # 增减 (西安's 部门综合预算): last year's meeting and training, then this year's
    meetings: tuple[int, int, int, int] | None = None
    forms: bool = False  # print a 项目支出绩效目标表 for every project
    dept_form: bool = False  # print the 部门整体支出绩效目标表
    # the 项目支出绩效目标表 as one list (湖南): 合计, each unit, each project with its 资金总额
    # and 绩效目标, its indicators below; the last project printed again as on a new page
    project_list: bool = False
    # a 项目支出情况表 numbered 一、二 (each unit) and 1、2 (its projects), 合计 first, as a
    # 绩效自评 report prints it (湖南): 预算批复 | 预算到位 | 实际执行 | 执行率 | 指标结余
    project_use: bool = False
    # the 基本支出表 as detail lines only (北京 06表): 政府经济分类 | 部门经济分类 | figures,
    # one line per 款, the 合计 last under the second column
    flat_basic: bool = False
    # its funding block: "years" (收入构成 and 支出构成, this year and the two before) or
    # "total" (福建: 年度预算安排 | 资金总额, then 项目支出, 基本支出, 其他资金) or "headed"
    # (北京: 预算支出总额 | 财政拨款 合计, 基本支出, 项目支出 | 其他资金 …, the figures below)
    # or "tasks" (西安: no funding block; 年度主要任务 | 任务名称 | 主要内容 | 预算金额（万元）,
    # a task a project and one 基本履职 task of the 基本支出, then 金额合计)
    dept_funding: str = "years"
    # the narrative against its own figures: a 机构设置 tagging each unit with its kind, the
    # 机关运行经费 of so many 行政单位, a 合计 after the 基本支出's parts, comparison grids (one
    # 经济分类 row side by side, one 功能科目 item in a block of three rows) with a sentence each
    own_figures: bool = False
    misprints: list[Misprint] = field(default_factory=list)

    # -------------------------------------------------------------- derived figures

    @property
    def total(self) -> int:
        """All funds: 一般公共预算 and the units' own."""
        return sum(line.total for line in self.lines)

    @property
    def general(self) -> int:
        return sum(line.general for line in self.lines)

    @property
    def own_funds(self) -> int:
        return sum(line.own_funds for line in self.lines)

    @property
    def gov(self) -> int:
        """政府性基金预算拨款 (all of it project spending)."""
        return sum(line.gov_fund for line in self.lines)

    @property
    def fiscal(self) -> int:
        """财政拨款: 一般公共预算 and 政府性基金预算."""
        return self.general + self.gov

    @property
    def personnel(self) -> int:
        return sum(line.personnel for line in self.lines)

    @property
    def public(self) -> int:
        return sum(line.public for line in self.lines)

    @property
    def basic(self) -> int:
        return self.personnel + self.public

    @property
    def project(self) -> int:
        """一般公共预算 project spending."""
        return sum(line.project for line in self.lines)

    @property
    def prior_general_total(self) -> int:
        return self.prior_total - self.prior_gov if self.prior_general is None \
            else self.prior_general

    @property
    def prior_fiscal(self) -> int:
        return self.prior_general_total + self.prior_gov

    @property
    def agency_costs(self) -> int:
        """机关运行经费: the 公用经费 of the 行政 (and 参公) units."""
        admin = {u.code for u in self.units if u.kind in ("行政", "参公")}
        return sum(line.public for line in self.lines if line.unit in admin)

    def unit_lines(self, unit: str) -> list[Line]:
        return [line for line in self.lines if line.unit == unit]

    def by_code(self, code: str) -> tuple[int, int, int, int]:
        """(personnel, public, project, own funds) of a 类, 款 or 项 over every unit."""
        rows = [line for line in self.lines if line.code.startswith(code)]
        return (sum(r.personnel for r in rows), sum(r.public for r in rows),
                sum(r.project for r in rows), sum(r.own_funds for r in rows))

    def general_of(self, code: str) -> int:
        return sum(self.by_code(code)[:3])

    def gov_of(self, code: str) -> int:
        return sum(line.gov_fund for line in self.lines if line.code.startswith(code))

    def fiscal_of(self, code: str) -> int:
        return self.general_of(code) + self.gov_of(code)

    def total_of(self, code: str) -> int:
        return sum(self.by_code(code)) + self.gov_of(code)

    def codes(self, *, general: bool = False, scope: str = "") -> list[str]:
        """类, 款 and 项 codes in table order: all, or those a fund pays for (`scope`
        general / gov / fiscal; `general=True` is scope general)."""
        scope = scope or ("general" if general else "all")
        paid = {"all": lambda x: x.total, "general": lambda x: x.general,
                "gov": lambda x: x.gov_fund, "fiscal": lambda x: x.general + x.gov_fund}[scope]
        items = sorted({line.code for line in self.lines if paid(line)})
        out: list[str] = []
        for item in items:
            for code in (item[:3], item[:5], item):
                if code not in out:
                    out.append(code)
        return out

    def classes(self, *, general: bool = False, scope: str = "") -> list[str]:
        return [c for c in self.codes(general=general, scope=scope) if len(c) == 3]

    def items(self, *, general: bool = False, scope: str = "") -> list[str]:
        return [c for c in self.codes(general=general, scope=scope) if len(c) == 7]

    def name(self, code: str) -> str:
        if code in self.names:
            return self.names[code]
        entry = lookup(code, self.year)
        if entry is None:
            raise KeyError(f"no name for {code}: give it in Budget.names")
        return entry.name

    def econ(self, code: str) -> int:
        return sum(e.total for e in self.economic if e.code.startswith(code))

    def econ_part(self, code: str) -> tuple[int, int]:
        rows = [e for e in self.economic if e.code.startswith(code)]
        return sum(e.personnel for e in rows), sum(e.public for e in rows)

    # -------------------------------------------------------------- consistency

    def check(self) -> None:
        """Raise AssertionError when the description is not a consistent budget."""
        unit_codes = {u.code for u in self.units}
        assert all(line.unit in unit_codes for line in self.lines)
        assert sum(e.personnel for e in self.economic) == self.personnel, \
            (sum(e.personnel for e in self.economic), self.personnel)
        assert sum(e.public for e in self.economic) == self.public, \
            (sum(e.public for e in self.economic), self.public)
        assert all(e.personnel == 0 or e.public == 0 for e in self.economic)
        assert all((e.code[:3] in ("301", "303")) == (e.personnel > 0) for e in self.economic)
        pairs = (("30108", ("2080505",)), ("30109", ("2080506",)),
                 ("30110", ("2101101", "2101102")), ("30111", ("2101103",)),
                 ("30113", ("2210201",)))
        for econ, items in pairs:
            functional = sum(self.by_code(c)[0] + self.by_code(c)[1] for c in items)
            assert self.econ(econ) == functional, (econ, self.econ(econ), functional)
        for code, key in (("30212", "outbound"), ("30217", "reception"),
                          ("30231", "vehicle_operation"), ("31013", "vehicle_purchase")):
            in_basic = getattr(self.sangong, key) - getattr(self.sangong_in_projects, key)
            assert self.econ(code) == in_basic, (code, key)
        for line in self.lines:
            mine = [p for p in self.projects if p.code == line.code and p.unit == line.unit]
            assert sum(p.amount for p in mine) == line.project, (line.code, line.unit)
            assert sum(p.own_funds for p in mine) == line.own_funds, (line.code, line.unit)
            assert sum(p.gov_fund for p in mine) == line.gov_fund, (line.code, line.unit)
        assert set(self.prior_items) == set(self.items(general=True))
        assert not set(self.dropped_items) & set(self.prior_items)
        assert sum(self.procurement) > 0


# ---------------------------------------------------------------- printing figures

def _round(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def money(budget: Budget, yuan: int, *, unit: str | None = None, thousands: bool | None = None
          ) -> str:
    """An amount as printed in `unit` (the tables' unit by default)."""
    unit = unit or budget.money
    sep = budget.thousands if thousands is None else thousands
    if unit == "万元":
        value = _round(Decimal(yuan) / 10000, 2)
        return f"{value:,.2f}" if sep else f"{value:.2f}"
    return f"{yuan:,d}" if sep else f"{yuan:d}"


def pct(part: int, whole: int) -> str:
    """A percentage of exact amounts, rounded half up to two decimals."""
    return f"{_round(Decimal(part) * 100 / Decimal(whole), 2):.2f}"


# ---------------------------------------------------------------- tables

CLASS_LIST = ["一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出",
              "文化旅游体育与传媒支出", "社会保障和就业支出", "卫生健康支出", "节能环保支出",
              "城乡社区支出", "农林水支出", "交通运输支出", "资源勘探工业信息等支出",
              "商业服务业等支出", "金融支出", "援助其他地区支出", "自然资源海洋气象等支出",
              "住房保障支出", "粮油物资储备支出", "灾害防治及应急管理支出", "其他支出"]
NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三",
            "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三",
            "二十四", "二十五"]
INCOME_LIST = ["一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入",
               "财政专户管理资金收入", "事业收入", "事业单位经营收入", "上级补助收入",
               "附属单位上缴收入", "其他收入"]
TABLE_TITLES = {
    "summary": "部门收支总表",
    "income": "部门收入总表",
    "expenditure": "部门支出总表",
    "fiscal_summary": "财政拨款收支总表",
    "general": "一般公共预算支出表",
    "basic": "一般公共预算基本支出表",
    "sangong": "一般公共预算“三公”经费支出表",
    "gov_fund": "政府性基金预算支出表",
    "soe_capital": "国有资本经营预算支出表",
    "projects": "项目支出表",
}
ORDERS = {
    # the order of most provincial templates (收支总表 first)
    "standard": ["summary", "income", "expenditure", "fiscal_summary", "general", "basic",
                 "sangong", "gov_fund", "soe_capital", "projects"],
    # 财政拨款 tables first, the department's own tables after them
    "fiscal_first": ["fiscal_summary", "general", "basic", "sangong", "gov_fund", "summary",
                     "income", "expenditure", "soe_capital", "projects"],
}


def _m(budget: Budget, yuan: int, blank_zero: bool = True) -> str:
    return "" if blank_zero and yuan == 0 else money(budget, yuan)


def _class_amounts(budget: Budget, *, general: bool = False, scope: str = "") -> dict[str, int]:
    scope = scope or ("general" if general else "all")
    amount = {"all": budget.total_of, "general": budget.general_of, "gov": budget.gov_of,
              "fiscal": budget.fiscal_of}[scope]
    return {budget.name(c): amount(c) for c in budget.classes(scope=scope)}


def _two_sided(budget: Budget, income: list[tuple[str, int]],
               spending: list[tuple[str, int]]) -> list[list[str]]:
    rows = [["收 入", "", "支 出", ""], ["项 目", "预算数", "项 目", "预算数"]]
    for i in range(max(len(income), len(spending))):
        left = income[i] if i < len(income) else ("", 0)
        right = spending[i] if i < len(spending) else ("", 0)
        rows.append([left[0], _m(budget, left[1]), right[0], _m(budget, right[1])])
    return rows


def table_summary(budget: Budget) -> list[list[str]]:
    classes = _class_amounts(budget, general=False)
    sources = {"一般公共预算拨款收入": budget.general, "政府性基金预算拨款收入": budget.gov,
               budget.own_income: budget.own_funds}
    income = [(f"{NUMERALS[i]}、{name}", sources.get(name, 0))
              for i, name in enumerate(INCOME_LIST)]
    names = CLASS_LIST if budget.all_classes else [n for n in CLASS_LIST if n in classes]
    spending = [(f"{NUMERALS[i]}、{name}", classes.get(name, 0)) for i, name in enumerate(names)]
    total = money(budget, budget.total)
    return _two_sided(budget, income, spending) + [
        ["本年收入合计", total, "本年支出合计", total],
        ["上年结转结余", "", "年终结转结余", ""],
        ["收 入 总 计", total, "支 出 总 计", total]]


INCOME_SOURCES = ["一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "事业收入",
                  "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入"]


def table_income(budget: Budget) -> list[list[str]]:
    sources = INCOME_SOURCES
    rows = [["部门（单位）代码", "部门（单位）名称", "合计", "本年收入", *[""] * len(sources),
             "上年结转结余"],
            ["", "", "", "小计", *sources, ""]]
    own_column = sources.index(budget.own_income)

    def line(code: str, name: str, lines: list[Line]) -> list[str]:
        total = sum(x.total for x in lines)
        cells = [""] * len(sources)
        cells[0] = _m(budget, sum(x.general for x in lines))
        cells[1] = _m(budget, sum(x.gov_fund for x in lines))
        cells[own_column] = _m(budget, sum(x.own_funds for x in lines))
        return [code, name, money(budget, total), money(budget, total), *cells, ""]

    rows.append(line("", "合计", budget.lines))
    rows.append(line(budget.dept_code, budget.short, budget.lines))
    for unit in budget.units:
        rows.append(line(unit.code, unit.name, budget.unit_lines(unit.code)))
    return rows


def _functional_rows(budget: Budget, *, general: bool, split_basic: bool) -> list[list[str]]:
    def cells(personnel: int, public: int, project: int, own: int, gov: int) -> list[str]:
        basic = personnel + public
        project += 0 if general else own + gov
        out = [money(budget, basic + project), _m(budget, basic)]
        if split_basic:
            out += [_m(budget, personnel), _m(budget, public)]
        return out + [_m(budget, project)]

    rows = [["", "合计", *cells(budget.personnel, budget.public, budget.project,
                                budget.own_funds, budget.gov)]]
    for code in budget.codes(general=general):
        rows.append([code, budget.name(code), *cells(*budget.by_code(code), budget.gov_of(code))])
    return rows


def split_codes(budget: Budget, rows: list[list[str]], parts: int) -> list[list[str]]:
    """Header rows then data rows whose first cell is a code: the code in `parts` columns
    headed 类 | 款 (| 项), each part on every row ("full") or on the row it begins ("sparse")."""
    if not budget.split_codes:
        return rows
    headers = rows[:next(i for i, r in enumerate(rows) if r[1] == "合计")]
    out = [[r[0], *[""] * (parts - 1), *r[1:]] for r in headers]
    out.append(["类", "款", "项"][:parts] + [""] * (len(rows[0]) - 1))
    previous = ["", "", ""]
    for row in rows[len(headers):]:
        code = row[0]
        cut = [code[:3], code[3:5], code[5:7]][:parts] if code else [""] * parts
        if budget.split_codes == "sparse":
            shown = [part if part and (part != previous[i] or any(
                cut[j] != previous[j] for j in range(i))) and not any(cut[i + 1:]) else ""
                for i, part in enumerate(cut)]
        else:
            shown = cut
        previous = cut
        out.append([*shown, *row[1:]])
    return out


def table_expenditure(budget: Budget) -> list[list[str]]:
    return split_codes(budget, [["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
                                *_functional_rows(budget, general=False, split_basic=False)], 3)


def table_general(budget: Budget) -> list[list[str]]:
    rows = _functional_rows(budget, general=True, split_basic=budget.split_basic)
    if not budget.split_basic:
        return split_codes(budget, [["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
                                    *rows], 3)
    return split_codes(budget, [["科目编码", "科目名称", "合计", "基本支出", "", "", "项目支出"],
                                ["", "", "", "小计", "人员经费", "公用经费", ""], *rows], 3)


def table_fiscal_summary(budget: Budget) -> list[list[str]]:
    classes = _class_amounts(budget, scope="fiscal")
    total = money(budget, budget.fiscal)
    income = [("一、本年收入", budget.fiscal), ("（一）一般公共预算拨款", budget.general),
              ("（二）政府性基金预算拨款", budget.gov), ("（三）国有资本经营预算拨款", 0),
              ("二、上年结转", 0), ("（一）一般公共预算拨款", 0), ("（二）政府性基金预算拨款", 0),
              ("（三）国有资本经营预算拨款", 0)]
    names = CLASS_LIST if budget.all_classes else [n for n in CLASS_LIST if n in classes]
    spending = [("一、本年支出", budget.fiscal)] + [
        (f"（{NUMERALS[i]}）{name}", classes.get(name, 0)) for i, name in enumerate(names)
    ] + [("二、年终结转结余", 0)]
    return _two_sided(budget, income, spending) + [["收入总计", total, "支出总计", total]]


GOVERNMENT_ECONOMIC = {"301": "50101-工资奖金津补贴", "302": "50201-办公经费",
                       "303": "50999-其他对个人和家庭的补助", "310": "50306-设备购置"}


def _flat_basic(budget: Budget) -> list[list[str]]:
    rows = [["政府支出经济分类科目", "部门支出经济分类科目", "预算数", "", ""],
            ["", "", "合计", "人员经费", "公用经费"]]
    rows += [[GOVERNMENT_ECONOMIC[e.code[:3]], f"{e.code}-{_econ_name(e.code)}",
              money(budget, e.total), _m(budget, e.personnel), _m(budget, e.public)]
             for e in sorted(budget.economic, key=lambda e: e.code)]
    return rows + [["", "合计", money(budget, budget.basic), money(budget, budget.personnel),
                    money(budget, budget.public)]]


def table_basic(budget: Budget) -> list[list[str]]:
    if budget.flat_basic:
        return _flat_basic(budget)
    rows = [["部门预算支出经济分类科目", "", "本年一般公共预算基本支出", "", ""],
            ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
            ["", "合计", money(budget, budget.basic), money(budget, budget.personnel),
             money(budget, budget.public)]]
    classes = sorted({e.code[:3] for e in budget.economic})
    for cls in classes:
        personnel, public = budget.econ_part(cls)
        rows.append([cls, _econ_name(cls), money(budget, personnel + public),
                     _m(budget, personnel), _m(budget, public)])
        for e in sorted(budget.economic, key=lambda e: e.code):
            if e.code.startswith(cls):
                rows.append([e.code, _econ_name(e.code), money(budget, e.total),
                             _m(budget, e.personnel), _m(budget, e.public)])
    return split_codes(budget, rows, 2)


def _econ_name(code: str) -> str:
    entry = lookup(code)
    assert entry is not None, code
    return entry.name


def table_sangong(budget: Budget) -> list[list[str]]:
    def cells(s: Sangong) -> list[str]:
        return [money(budget, s.total), money(budget, s.outbound), money(budget, s.vehicle),
                money(budget, s.vehicle_purchase), money(budget, s.vehicle_operation),
                money(budget, s.reception)]

    if budget.meetings is not None:
        return _sangong_with_meetings(budget)
    if budget.sangong_groups is None:
        return [["“三公”经费合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
                ["", "", "小计", "公务用车购置费", "公务用车运行费", ""], cells(budget.sangong)]
    years = {"prior": budget.year - 1, "year": budget.year}
    before, now = (label.format(**years) for label in budget.sangong_groups)
    return [[before, "", "", "", "", "", now, "", "", "", "", ""],
            ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"] * 2,
            ["", "", "小计", "公务用车购置费", "公务用车运行费", ""] * 2,
            cells(budget.prior_sangong) + cells(budget.sangong)]


def _sangong_with_meetings(budget: Budget) -> list[list[str]]:
    """上年 | 本年 | 增减变化情况, each: 合计, 三公 (小计, 出国, 接待, 用车 小计/购置/运行), 会议费,
    培训费."""
    assert budget.meetings is not None
    prior_meeting, prior_training, meeting, training = budget.meetings

    def figures(s: Sangong, meet: int, train: int) -> list[int]:
        return [s.total + meet + train, s.total, s.outbound, s.reception, s.vehicle,
                s.vehicle_purchase, s.vehicle_operation, meet, train]

    before = figures(budget.prior_sangong, prior_meeting, prior_training)
    now = figures(budget.sangong, meeting, training)
    change = [b - a for a, b in zip(before, now, strict=True)]
    tops = (f"{budget.year - 1}年", f"{budget.year}年", "增减变化情况")
    return [[word for top in tops for word in [top] + [""] * 8],
            ["合计", "一般公共预算拨款安排的“三公”经费预算", "", "", "", "", "", "会议费",
             "培训费"] * 3,
            ["", "小计", "因公出国（境）费用", "公务接待费", "公务用车购置及运行费", "", "",
             "", ""] * 3,
            ["", "", "", "", "小计", "公务用车购置费", "公务用车运行费", "", ""] * 3,
            [money(budget, v) for v in before + now + change]]


def table_empty_fund(budget: Budget, kind: str) -> list[list[str]]:
    return [["科目编码", "科目名称", f"本年{kind}支出", "", ""],
            ["", "", "合计", "基本支出", "项目支出"]]


def table_gov_fund(budget: Budget) -> list[list[str]]:
    rows = table_empty_fund(budget, "政府性基金预算")
    if not budget.gov:
        return rows
    rows.append(["", "合计", money(budget, budget.gov), "", money(budget, budget.gov)])
    for code in budget.codes(scope="gov"):
        amount = money(budget, budget.gov_of(code))
        rows.append([code, budget.name(code), amount, "", amount])
    return rows


def table_projects(budget: Budget) -> list[list[str]]:
    def cells(projects: list[Project]) -> list[str]:
        general = sum(p.amount for p in projects)
        gov = sum(p.gov_fund for p in projects)
        own = sum(p.own_funds for p in projects)
        return [money(budget, general + gov + own), _m(budget, general), _m(budget, gov), "",
                "", "", "", "", _m(budget, own)]

    rows = [["项目名称", "项目单位", "合计", "本年拨款", "", "", "财政拨款结转结余", "", "",
             "财政专户管理资金", "单位资金"],
            ["", "", "", "一般公共预算", "政府性基金预算", "国有资本经营预算", "一般公共预算",
             "政府性基金预算", "国有资本经营预算", "", ""],
            ["", "", *cells(budget.projects)],
            [budget.short, "", *cells(budget.projects)]]
    for unit in budget.units:
        own = [p for p in budget.projects if p.unit == unit.code]
        if not own:
            continue
        rows.append([unit.name, "", *cells(own)])
        for project in own:
            rows.append([project.name, unit.name, *cells([project])])
    return rows


def table_rows(budget: Budget, key: str) -> list[list[str]]:
    builders = {
        "summary": table_summary, "income": table_income, "expenditure": table_expenditure,
        "fiscal_summary": table_fiscal_summary, "general": table_general,
        "basic": table_basic, "sangong": table_sangong,
        "gov_fund": table_gov_fund,
        "soe_capital": lambda b: table_empty_fund(b, "国有资本经营预算"),
        "projects": table_projects,
    }
    rows = builders[key](budget)
    for misprint in budget.misprints:
        if misprint.table == key:
            _apply(rows, misprint)
    return rows


def _apply(rows: list[list[str]], misprint: Misprint) -> None:
    header = next(r for r in rows if misprint.column in r)
    column = header.index(misprint.column)
    for row in rows:
        if misprint.row in row[:3] and row is not header:
            row[column] = misprint.text
            return
    raise KeyError(misprint)


# ---------------------------------------------------------------- project forms

def project_form(budget: Budget, index: int, project: Project) -> list[list[str]]:
    """A 项目支出绩效目标表 in the shape most provinces use: identity, budget, funding, the
    测算明细 (quantity × price = amount), goals and the long-term and annual indicators."""
    y, unit = budget.year, budget.money
    unit_name = next(u.name for u in budget.units if u.code == project.unit)
    prior = project.total if project.prior is None else project.prior
    amount = money(budget, project.total)
    first = project.total * 3 // 5 // 1000 * 1000
    parts = [(first, 10), (project.total - first, 5)]
    name, target, measure = project.output
    details = []
    for number, (part, quantity) in enumerate(parts, start=1):
        price = part // quantity
        basis = (f"{quantity}{measure}×{price}元/{measure}={part}元" if price * quantity == part
                 else f"按实际工作量据实结算，共计{part}元")
        details.append([f"活动{number}", f"{project.name}第{number}部分工作", "委托业务费",
                        money(budget, part), basis, ""])
    long_rows = [["长期绩效目标", "产出指标", "数量指标", name,
                  f"≥{project.long_target or target}{measure}", "计划标准"],
                 ["", "", "质量指标", "工作任务完成率", "≥95%", "计划标准"],
                 ["", "效益指标", "社会效益指标", "服务群众覆盖面", "逐步扩大", "计划标准"],
                 ["", "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "计划标准"]]
    annual_rows = [["年度绩效目标", "产出指标", "数量指标", name] + [f"≥{target}{measure}"] * 3
                   + ["计划标准"],
                   ["", "", "质量指标", "工作任务完成率", "≥95%", "≥95%", "≥95%", "计划标准"],
                   ["", "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "≥90%", "≥90%",
                    "计划标准"]]
    return [
        ["项目名称", project.name, "项目编码", f"4201{y % 100:02d}{budget.dept_code}T{index:09d}"],
        ["项目主管部门", budget.short, "项目执行单位", unit_name],
        ["项目负责人", "李明", "联系电话", f"8657{index:04d}"],
        ["单位地址", "某区文化路18号", "邮政编码", "435000"],
        ["项目属性", "常年性项目", "", ""],
        ["支出项目类别", "本级支出项目", "", ""],
        ["起始年度", str(y), "终止年度", str(y)],
        ["项目申请理由", f"根据本部门职责，{project.purpose}。", "", ""],
        ["项目主要内容", project.purpose, "", ""],
        ["项目总预算", amount, "项目当年预算", amount],
        ["项目前两年预算及当年预算变动情况",
         f"{y - 1}年预算{money(budget, prior)}{unit}；{y}年预算{amount}{unit}。", "", ""],
        ["项目当年资金来源", "来源项目", "金额", ""],
        ["", "合计", amount, ""],
        ["", "1. 一般公共预算财政拨款", _m(budget, project.amount), ""],
        ["", "其中：申请本级财力年初安排", _m(budget, project.amount), ""],
        ["", "2. 政府性基金预算财政拨款", _m(budget, project.gov_fund), ""],
        ["", "3. 国有资本经营预算财政拨款", "", ""],
        ["", "4. 财政专户管理资金", "", ""],
        ["", "5. 单位资金", _m(budget, project.own_funds), ""],
        ["项目支出明细测算", "", "", ""],
        ["项目活动", "活动内容表述", "支出经济分类", "金额", "测算依据及说明", "备注"],
        *details,
        ["项目绩效总目标", "", "", ""],
        ["名称", "目标说明", "", ""],
        ["长期绩效目标", f"持续{project.purpose}，提升公共服务水平。", "", ""],
        ["年度绩效目标", f"{y}年完成{name}{target}{measure}以上。", "", ""],
        ["长期绩效目标表", "", "", ""],
        ["目标名称", "一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"],
        *long_rows,
        ["年度绩效目标表", "", "", ""],
        ["目标名称", "一级指标", "二级指标", "三级指标", "指标值", "", "", "指标值确定依据"],
        ["", "", "", "", "前年", "上年", "预计当年实现", ""],
        *annual_rows,
    ]


def prior_split(budget: Budget) -> tuple[int, int, int]:
    """Last year's 人员类, 运转类 and 特定目标类 spending (they add up to last year's total):
    the projects' own prior budgets, the 公用经费 moved by the 机关运行经费's change."""
    special = sum(p.total if p.prior is None else p.prior for p in budget.projects)
    public = budget.public - budget.agency_costs + budget.prior_agency
    return budget.prior_total - special - public, public, special


def dept_form_rows(budget: Budget) -> list[list[str]]:
    """The 部门整体支出绩效目标表: funding by source and class for this year and the two
    before, duties, tasks, the project list, goals and indicators."""
    y = budget.year

    def cells(now: int, last: int, whole: int) -> list[str]:
        before = last * 9 // 10 // 100 * 100
        share = "100%" if now == whole else f"{pct(now, whole)}%"
        return [money(budget, now), share if now else "0", money(budget, before),
                money(budget, last)]

    personnel_before, public_before, special_before = prior_split(budget)
    own_before = budget.prior_total - budget.prior_fiscal
    rows = [["部门（单位）名称", budget.short, "", "", "", "", ""],
            ["填报人", "张华", "联系电话", "86570000", "", "", ""],
            ["部门总体资金情况", "总体资金情况", "", "当年金额", "占比", "近两年收支金额", ""],
            ["", "", "", "", "", f"{y - 2}年", f"{y - 1}年"],
            ["", "收入构成", "财政拨款", *cells(budget.fiscal, budget.prior_fiscal, budget.total)],
            ["", "", "财政专户管理资金", "0", "0", "0", "0"],
            ["", "", "单位资金", *cells(budget.own_funds, own_before, budget.total)],
            ["", "", "合计", *cells(budget.total, budget.prior_total, budget.total)],
            ["", "支出构成", "人员类项目支出", *cells(budget.personnel, personnel_before,
                                                    budget.total)],
            ["", "", "运转类项目支出", *cells(budget.public, public_before, budget.total)],
            ["", "", "特定目标类项目支出", *cells(budget.project + budget.gov + budget.own_funds,
                                                  special_before, budget.total)],
            ["", "", "合计", *cells(budget.total, budget.prior_total, budget.total)],
            ["部门职能概述", "".join(budget.duties), "", "", "", "", ""],
            ["年度工作任务", "；".join(p.purpose for p in budget.projects) + "。", "", "", "", "", ""],
            ["项目支出情况", "项目名称", "支出项目类别", "项目总预算", "项目本年度预算",
             "项目主要支出方向和用途", ""]]
    rows += [["", p.name, "特定目标类项目", money(budget, p.total), money(budget, p.total),
              p.purpose, ""] for p in budget.projects]
    if budget.dept_funding == "total":
        rows[2:12] = [
            [f"年度预算安排（{budget.money}）", "资金总额", money(budget, budget.total)],
            ["", "项目支出", money(budget, budget.project + budget.gov + budget.own_funds)],
            ["", "基本支出", money(budget, budget.personnel + budget.public)],
            ["", "其他资金", money(budget, 0)]]
    if budget.dept_funding == "headed":
        basic = budget.personnel + budget.public
        rows[2:12] = [
            [f"总体资金情况（{budget.money}）", "", "预算支出总额", "财政拨款", "", "", "其他资金",
             "", ""],
            ["", "", "", "合计", "基本支出", "项目支出", "合计", "基本支出", "项目支出"],
            ["", "", money(budget, budget.total), money(budget, budget.fiscal),
             money(budget, basic), money(budget, budget.fiscal - basic),
             money(budget, budget.own_funds), money(budget, 0), money(budget, budget.own_funds)]]
    if budget.dept_funding == "tasks":  # nor a funding block nor a project list
        rows[2:] = dept_task_rows(budget)
    first = budget.projects[0].output
    rows += [["整体绩效总目标", f"长期目标（截止{y + 2}年）", "", "", "年度目标", "", ""],
             ["", "目标1：全面履行部门职责，提升公共服务水平。", "", "",
              f"目标1：完成{y}年度各项工作任务。", "", ""],
             ["长期绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据", ""],
             ["", "产出指标", "数量指标", first[0], f"≥{first[1]}{first[2]}", "计划标准", ""],
             ["", "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "计划标准", ""],
             ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "", "", "指标值确定依据"],
             ["", "", "", "", "前年", "上年", "预计当年实现", ""],
             ["", "产出指标", "数量指标", first[0], *[f"≥{first[1]}{first[2]}"] * 3, "计划标准"],
             ["", "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "≥90%", "≥90%",
              "计划标准"]]
    return rows


def dept_task_rows(budget: Budget) -> list[list[str]]:
    """西安's 年度主要任务: a task a project, the 基本履职 task last, their 金额合计, in 万元."""
    tasks = [(f"{i}、{p.name}", p.purpose, p.total)
             for i, p in enumerate(budget.projects, start=1)]
    tasks.append((f"{len(tasks) + 1}、基本履职", "单位人员经费、公用经费等基本支出。",
                  budget.personnel + budget.public))
    total = sum(amount for _, _, amount in tasks)

    def wan(yuan: int) -> str:
        return money(budget, yuan, unit="万元", thousands=False)

    return [["年度主要任务", "任务名称", "主要内容", "预算金额（万元）", "", "", ""],
            ["", "", "", "总额", "财政拨款", "其他资金", ""],
            *[["", name, content, wan(amount), wan(amount), "", ""]
              for name, content, amount in tasks],
            ["", "金额合计", "", wan(total), wan(total), "", ""]]


def project_list_rows(budget: Budget) -> list[list[str]]:
    """单位编码 | 单位（项目）名称 | 资金总额 | 绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值."""
    total = sum(p.total for p in budget.projects)
    rows = [["单位编码", "单位（项目）名称", "资金总额", "绩效目标", "一级指标", "二级指标",
             "三级指标", "指标值"],
            ["合计", "", money(budget, total), "", "", "", "", ""]]
    for unit in budget.units:
        mine = [p for p in budget.projects if p.unit == unit.code]
        if not mine:
            continue
        rows.append([unit.code, unit.name, money(budget, sum(p.total for p in mine)), "", "",
                     "", "", ""])
        for project in mine:
            name, target, measure = project.output
            head = [unit.code, project.name, money(budget, project.total), project.purpose]
            rows += [head + ["产出指标", "数量指标", name, f"≥{target}{measure}"],
                     ["", "", "", "", "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%"]]
    last = budget.projects[-1]
    rows.append([last.unit, last.name, money(budget, last.total), last.purpose, "效益指标",
                 "社会效益指标", "服务群众覆盖面", "逐步扩大"])
    return rows


def project_use_rows(budget: Budget) -> list[list[str]]:
    def cells(amount: int) -> list[str]:
        spent = amount * 9 // 10
        return [money(budget, amount), money(budget, amount), money(budget, spent),
                f"{pct(spent, amount)}%", money(budget, amount - spent)]

    rows = [["序号", "项目名称", "预算批复", "预算到位", "实际执行", "执行率", "指标结余"]]
    groups = [(u, [p for p in budget.projects if p.unit == u.code]) for u in budget.units]
    groups = [(u, mine) for u, mine in groups if mine]
    total = sum(p.total for p in budget.projects)
    rows.append(["", "合计", money(budget, total), money(budget, total),
                 money(budget, sum(p.total * 9 // 10 for p in budget.projects)),
                 "", money(budget, sum(p.total - p.total * 9 // 10 for p in budget.projects))])
    for number, (unit, mine) in enumerate(groups):
        whole = sum(p.total for p in mine)
        spent = sum(p.total * 9 // 10 for p in mine)
        rows.append([NUMERALS[number], unit.name, money(budget, whole), money(budget, whole),
                     money(budget, spent), f"{pct(spent, whole)}%", money(budget, whole - spent)])
        rows += [[str(i), p.name, *cells(p.total)] for i, p in enumerate(mine, start=1)]
    rows[2][5] = rows[2][5] or ""
    return rows


def forms_part(budget: Budget, number: int, layout: str) -> list[str]:
    out: list[str] = []
    if budget.project_use:
        out += [f"表{number} 项目支出情况表", "", f"单位：{budget.money}", ""]
        out += RENDERERS[layout](project_use_rows(budget)) + [""]
        number += 1
    if budget.project_list:
        rows = project_list_rows(budget)
        out += [f"表{number} 项目支出绩效目标表", "", f"单位：{budget.money}", ""]
        out += RENDERERS[layout](rows) + [""]
        number += 1
    if budget.dept_form:
        rows = dept_form_rows(budget)
        width = max(len(r) for r in rows)
        out += [f"表{number} 部门整体支出绩效目标表", "",
                f"填报日期：{budget.year - 1}年10月15日", "", f"单位：{budget.money}", ""]
        out += RENDERERS[layout]([r + [""] * (width - len(r)) for r in rows]) + [""]
        number += 1
    if not budget.forms:
        return out
    for index, project in enumerate(budget.projects, start=1):
        out += [f"表{number}-{index} 项目支出绩效目标表", "", f"填报日期：{budget.year - 1}年10月15日",
                "", f"单位：{budget.money}", ""]
        rows = project_form(budget, index, project)
        width = max(len(r) for r in rows)
        out += RENDERERS[layout]([r + [""] * (width - len(r)) for r in rows]) + [""]
    return out


EMPTY_NOTES = {"gov_fund": "政府性基金预算拨款", "soe_capital": "国有资本经营预算拨款"}


def tables_part(budget: Budget, layout: str, order: str) -> list[str]:
    render = RENDERERS[layout]
    out = [f"第二部分 {budget.department}{budget.year}年部门预算表", ""]
    for number, key in enumerate(ORDERS[order], start=1):
        title = TABLE_TITLES[key]
        out += [f"表{number} {title}", "", f"单位：{budget.money}", ""]
        out += render(table_rows(budget, key))
        if key in EMPTY_NOTES and not (key == "gov_fund" and budget.gov):
            out += ["", f"注：本部门{budget.year}年没有使用{EMPTY_NOTES[key]}安排的支出，故本表无数据。"]
        out.append("")
    if budget.forms or budget.dept_form or budget.project_list or budget.project_use:
        out += forms_part(budget, len(ORDERS[order]) + 1, layout)
    return out


# ---------------------------------------------------------------- narrative

def _n(budget: Budget, yuan: int) -> str:
    """An amount in the narrative, with its unit ('0万元' for nothing)."""
    unit = budget.narrative_money or budget.money
    if yuan == 0:
        return "0" + unit
    return money(budget, yuan, unit=unit) + unit


def _change(budget: Budget, now: int, before: int, base: str) -> str:
    """'比2024年预算增加12.30万元，增长4.85%' (or 减少/下降, or 持平)."""
    if now == before:
        return f"与{base}持平"
    word, rate_word = ("增加", "增长") if now > before else ("减少", "下降")
    if before == 0:
        return f"比{base}{word}{_n(budget, abs(now - before))}"
    return (f"比{base}{word}{_n(budget, abs(now - before))}，"
            f"{rate_word}{pct(abs(now - before), before)}%")


def _list(names: list[str]) -> str:
    return "、".join(names)


def _heading(i: int) -> str:
    return f"{NUMERALS[i]}、"


def _sub(i: int) -> str:
    return f"（{NUMERALS[i]}）"


def overview_part(budget: Budget) -> list[str]:
    d, y = budget.department, budget.year
    out = [f"第一部分 {d}概况", "", "一、部门主要职责", ""]
    out += [f"{i}. {duty}" for i, duty in enumerate(budget.duties, start=1)]
    out += ["", "二、部门机构设置", ""]
    if budget.own_figures:
        tagged = "、".join(f"{unit.name}（{unit.kind}单位）" for unit in budget.units)
        out.append(f"从预算单位构成看，{d}部门预算包括：{tagged}预算。")
    elif len(budget.units) > 1:
        out.append(f"从预算单位构成看，{d}部门预算包括本级预算和所属单位预算。")
    else:
        out.append(f"从预算单位构成看，{d}部门预算由本级预算组成。")
    admin_staff, inst_staff, admin_now, inst_now, retired = budget.staffing
    out.append(f"本部门编制{admin_staff + inst_staff}人，其中：行政编制{admin_staff}人、"
               f"事业编制{inst_staff}人；实有人数{admin_now + inst_now}人，其中：行政"
               f"{admin_now}人、事业{inst_now}人；离退休人员{retired}人。")
    out += ["", f"纳入{d}{y}年部门预算编制范围的预算单位包括：", ""]
    out += [f"{i}. {unit.name}" for i, unit in enumerate(budget.units, start=1)]
    return out + [""]


def narrative_part(budget: Budget) -> list[str]:
    return narrative_b(budget) if budget.style == "B" else narrative_a(budget)


def narrative_a(budget: Budget) -> list[str]:
    b, y, d = budget, budget.year, budget.department
    prior = f"{y - 1}年预算"
    own = b.own_income if b.own_funds else ""
    gov = "政府性基金预算财政拨款收入" if b.gov else ""
    classes = [(b.name(c), b.total_of(c)) for c in b.classes()]
    general_classes = [(b.name(c), b.general_of(c)) for c in b.classes(general=True)]
    fiscal_classes = [(b.name(c), b.fiscal_of(c)) for c in b.classes(scope="fiscal")]
    out = [f"第三部分 {d}{y}年部门预算情况说明", ""]
    income_kinds = _list(["一般公共预算财政拨款收入", *(k for k in (gov, own) if k)])
    out += [_heading(0) + "收支预算总体安排情况", "",
            (f"按照综合预算的原则，{d}所有收入和支出均纳入部门预算管理。收入包括：{income_kinds}；"
            f"支出包括：{_list([n for n, _ in classes])}。"
            f"{y}年部门收支总预算{_n(b, b.total)}，{_change(b, b.total, b.prior_total, prior)}，"
            "主要原因是人员经费和业务工作经费调整。"), ""]
    if own or gov:
        parts = "".join(f"{k}{_n(b, v)}，占{pct(v, b.total)}%；" for k, v in (
            ("一般公共预算财政拨款收入", b.general), (gov, b.gov), (own, b.own_funds)) if k)
    else:
        parts = f"一般公共预算财政拨款收入{_n(b, b.general)}，占100%；"
    zeros = [k for k in ("政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "事业收入",
                         "其他收入") if k not in (own, gov)]
    out += [_heading(1) + "收入预算安排情况", "",
            f"{y}年部门预算收入{_n(b, b.total)}，其中：{parts}"
            + "；".join(f"{k}{_n(b, 0)}" for k in zeros) + "。", ""]
    projects = b.project + b.gov + b.own_funds
    out += [_heading(2) + "支出预算安排情况", "",
            (f"{y}年部门预算支出{_n(b, b.total)}，其中：基本支出{_n(b, b.basic)}，占"
            f"{pct(b.basic, b.total)}%；项目支出{_n(b, projects)}，占{pct(projects, b.total)}%。"),
            ""]
    spent = "；".join(f"{name}{_n(b, amount)}" for name, amount in fiscal_classes)
    out += [_heading(3) + "财政拨款收支预算总体情况", "",
            (f"{y}年财政拨款收支总预算{_n(b, b.fiscal)}。收入包括：一般公共预算财政拨款本年收入"
            f"{_n(b, b.general)}；政府性基金预算财政拨款本年收入{_n(b, b.gov)}；国有资本经营预算财政"
            f"拨款本年收入{_n(b, 0)}。支出包括：{spent}。"), ""]
    out += [_heading(4) + "一般公共预算支出安排情况", "",
            _sub(0) + "一般公共预算拨款规模变化情况", "",
            (f"{y}年一般公共预算拨款{_n(b, b.general)}，"
            f"{_change(b, b.general, b.prior_general_total, prior)}，主要原因是人员经费和业务"
            "工作经费调整。"), "", _sub(1) + "一般公共预算拨款结构情况", "",
            (f"基本支出{_n(b, b.basic)}，占{pct(b.basic, b.general)}%，其中：人员经费"
            f"{_n(b, b.personnel)}、公用经费{_n(b, b.public)}；项目支出{_n(b, b.project)}，占"
            f"{pct(b.project, b.general)}%。"), "",
            "按支出功能分类科目，" + "；".join(
                f"{name}{_n(b, amount)}，占{pct(amount, b.general)}%"
                for name, amount in general_classes) + "。", "",
            _sub(2) + "一般公共预算拨款具体使用情况", ""]
    for code in b.items(general=True):
        now, before = b.general_of(code), b.prior_items[code]
        reason = b.reasons.get(code, "新增该项支出" if before == 0 else "人员及业务工作变动")
        tail = "。" if now == before else f"，主要原因是{reason}。"
        out += [(f"{_item_name(b, code)}{y}年预算数{_n(b, now)}，"
                f"{_change(b, now, before, prior)}{tail}"), ""]
    for code, before in b.dropped_items.items():
        out += [(f"{_item_name(b, code)}{y}年预算数{_n(b, 0)}，{_change(b, 0, before, prior)}，"
                f"主要原因是{b.reasons.get(code, '该项工作已完成')}。"), ""]
    out += _basic_section(b)
    out += _sangong_section(b)
    out += [_heading(7) + "政府性基金预算支出安排情况", "", *_gov_fund_section(b),
            _heading(8) + "国有资本经营预算支出安排情况", "",
            f"本部门{y}年没有使用国有资本经营预算拨款安排的支出。", ""]
    funded = f"一般公共预算本年拨款{_n(b, b.project)}"
    if b.gov:
        funded += f"、政府性基金预算本年拨款{_n(b, b.gov)}"
    if b.own_funds:
        funded += f"、单位资金{_n(b, b.own_funds)}"
    out += [_heading(9) + "项目支出安排情况", "",
            f"{y}年项目支出{_n(b, projects)}，其中：{funded}。具体使用情况如下：", ""]
    for i, project in enumerate(b.projects):
        out += [f"{_sub(i)}{project.name}{_n(b, project.total)}，主要用于{project.purpose}。", ""]
    out += _other_section(b)
    return out


def _gov_fund_section(budget: Budget) -> list[str]:
    b, y = budget, budget.year
    if not b.gov:
        return [f"本部门{y}年没有使用政府性基金预算拨款安排的支出。", ""]
    items = "；".join(f"{_item_name(b, code)}{_n(b, b.gov_of(code))}"
                     for code in b.items(scope="gov"))
    return [(f"{y}年政府性基金预算拨款支出{_n(b, b.gov)}，"
            f"{_change(b, b.gov, b.prior_gov, f'{y - 1}年预算')}，主要用于{b.gov_purpose}。"
            f"其中：{items}。"), ""]


def _item_name(budget: Budget, code: str) -> str:
    return (f"{budget.name(code[:3])}（类）{budget.name(code[:5])}（款）"
            f"{budget.name(code)}（项）")


def _basic_section(budget: Budget) -> list[str]:
    b, y = budget, budget.year

    def named(prefix: str) -> str:
        return _list([_econ_name(e.code) for e in sorted(b.economic, key=lambda e: e.code)
                      if e.code.startswith(prefix)])

    wages, transfers = b.econ("301"), b.econ("303")
    lines = [_heading(5) + "一般公共预算基本支出安排情况", "",
             f"{y}年一般公共预算基本支出{_n(b, b.basic)}，其中：", "",
             f"{_sub(0)}人员经费{_n(b, b.personnel)}，包括：", "",
             f"1. 工资福利支出{_n(b, wages)}，主要用于：{named('301')}等。", ""]
    if transfers:
        lines += [f"2. 对个人和家庭的补助{_n(b, transfers)}，主要用于{named('303')}。", ""]
    lines += [f"{_sub(1)}公用经费{_n(b, b.public)}，主要用于{named('302')}等。", ""]
    return lines + (_own_grids(b) if b.own_figures else [])


WAGE_RISE, PUBLIC_RISE = 12_300, 10_000  # the grids' changes on last year


def _own_grids(budget: Budget) -> list[str]:
    """A 合计 after its parts; 工资福利支出 against last year, in a sentence and a grid row; the
    first 项's 人员经费 and 公用经费 against last year, in a block whose reason states them."""
    b, y = budget, budget.year
    unit = b.narrative_money or b.money

    def m(yuan: int) -> str:
        return money(b, yuan, unit=unit)

    wages = b.econ("301")
    code = b.items(general=True)[0]
    total, before = b.general_of(code), b.prior_items[code]
    personnel = sum(line.personnel for line in b.lines if line.code == code)
    public = sum(line.public for line in b.lines if line.code == code)
    public_before = public - PUBLIC_RISE
    personnel_before = before - public_before - (total - personnel - public)
    return [
        (f"一般公共预算基本支出按用途分，人员经费{_n(b, b.personnel)}；公用经费{_n(b, b.public)}，"
         f"合计基本支出{_n(b, b.basic)}。"), "",
        f"工资福利支出（301）{_n(b, wages)}，较上年增加{_n(b, WAGE_RISE)}，主要原因是人员调整。", "",
        f"经济分类科目\t{y}年\t{y - 1}年\t{y}比{y - 1}\t主要原因",
        f"工资福利支出（301）\t{m(wages)}\t{m(wages - WAGE_RISE)}\t{m(WAGE_RISE)}\t人员调整。", "",
        "功能科目\t年度\t合计\t人员经费\t公用经费\t主要原因",
        (f"{b.name(code)}\t{y}\t{m(total)}\t{m(personnel)}\t{m(public)}\t人员经费较{y - 1}年度"
         f"增加{_n(b, personnel - personnel_before)}；公用经费增加{_n(b, PUBLIC_RISE)}。"),
        f"\t{y - 1}\t{m(before)}\t{m(personnel_before)}\t{m(public_before)}\t",
        (f"\t{y}比{y - 1}\t{m(total - before)}\t{m(personnel - personnel_before)}"
         f"\t{m(PUBLIC_RISE)}\t"), ""]


def _sangong_section(budget: Budget) -> list[str]:
    b, y = budget, budget.year
    s, p = b.sangong, b.prior_sangong
    prior = f"{y - 1}年预算"

    def said(now: int, before: int) -> str:
        return _change(b, now, before, prior)

    return [
        _heading(6) + "一般公共预算“三公”经费支出安排情况", "",
        (f"{y}年一般公共预算“三公”经费支出{_n(b, s.total)}，{said(s.total, p.total)}，主要原因是"
        "厉行节约、压减公务用车运行维护费。其中："), "",
        f"1. 因公出国（境）费{_n(b, s.outbound)}，{said(s.outbound, p.outbound)}。", "",
        (f"2. 公务用车购置及运行维护费{_n(b, s.vehicle)}，{said(s.vehicle, p.vehicle)}。其中："
        f"公务用车购置费{_n(b, s.vehicle_purchase)}；公务用车运行维护费"
        f"{_n(b, s.vehicle_operation)}。"), "",
        f"3. 公务接待费{_n(b, s.reception)}，{said(s.reception, p.reception)}。", "",
        *_meetings_said(budget, said)]


def _meetings_said(budget: Budget, said: Callable[[int, int], str]) -> list[str]:
    """'会议费X万元，比上年…；培训费…' when the 三公 table prints 会议费 and 培训费."""
    if budget.meetings is None:
        return []
    prior_meeting, prior_training, meeting, training = budget.meetings
    return [(f"{budget.year}年会议费预算{_n(budget, meeting)}，{said(meeting, prior_meeting)}；"
             f"培训费预算{_n(budget, training)}，{said(training, prior_training)}。"), ""]


def _other_section(budget: Budget) -> list[str]:
    b, y = budget, budget.year
    goods, works, services = b.procurement
    general, enforcement = b.vehicles
    return [
        _heading(10) + "其他重要事项的情况说明", "",
        _sub(0) + "机关运行经费情况", "",
        (f"{y}年本部门{_admin_units(b)}机关运行经费{_n(b, b.agency_costs)}，"
        f"{_change(b, b.agency_costs, b.prior_agency, f'{y - 1}年预算')}，主要原因是"
        "办公用房水电费等日常运转支出调整。"), "",
        _sub(1) + "政府采购预算情况", "",
        (f"{y}年本部门政府采购预算总额{_n(b, goods + works + services)}，其中：货物类"
        f"{_n(b, goods)}、工程类{_n(b, works)}、服务类{_n(b, services)}。"), "",
        _sub(2) + "国有资产占有使用情况", "",
        (f"截至{y - 1}年12月31日，本部门共有车辆{general + enforcement}辆，其中：一般公务用车"
        f"{general}辆、执法执勤用车{enforcement}辆；单价100万元（含）以上设备（不含车辆）0台（套）。"),
        "", _sub(3) + "预算绩效管理情况", "",
        (f"{y}年，本部门{len(b.projects)}个项目全部实施绩效目标管理，设置了部门整体支出绩效目标和"
        f"{len(b.projects)}个项目支出绩效目标，涉及一般公共预算拨款{_n(b, b.project)}"
        + (f"、政府性基金预算拨款{_n(b, b.gov)}" if b.gov else "") + "。"), ""]


def _admin_units(budget: Budget) -> str:
    """'某局本级等1家行政单位的' when the narrative counts its units (own_figures), else ''."""
    admin = [unit.name for unit in budget.units if unit.kind == "行政"]
    if not budget.own_figures or not admin:
        return ""
    return f"{'、'.join(admin)}等{len(admin)}家行政单位的"


def narrative_b(budget: Budget) -> list[str]:
    """The compact style: '较上年…增加…，增长…%', each total followed by its parts."""
    b, y, d = budget, budget.year, budget.department
    own = b.own_income if b.own_funds else ""
    sources = f"一般公共预算拨款收入{_n(b, b.general)}" + (
        f"，政府性基金预算拨款收入{_n(b, b.gov)}" if b.gov else "") + (
        f"，{own}{_n(b, b.own_funds)}" if own else "")
    classes = "，".join(f"{b.name(c)}{_n(b, b.total_of(c))}" for c in b.classes())
    fiscal_classes = "，".join(f"{b.name(c)}{_n(b, b.fiscal_of(c))}"
                               for c in b.classes(scope="fiscal"))
    fiscal_sources = f"一般公共预算财政拨款{_n(b, b.general)}" + (
        f"，政府性基金预算财政拨款{_n(b, b.gov)}" if b.gov else "")

    def versus(what: str, now: int, before: int) -> str:
        if now == before:
            return f"与{y - 1}年{what}持平"
        word = "增加" if now > before else "减少"
        return (f"较{y - 1}年{what}{word}{_n(b, abs(now - before))}，"
                f"{word}{pct(abs(now - before), before)}%")

    total_in = f"{y}年部门预算总收入{_n(b, b.total)}，{versus('部门预算总收入', b.total, b.prior_total)}"
    total_out = f"{y}年部门预算总支出{_n(b, b.total)}，{versus('部门预算总支出', b.total, b.prior_total)}"
    out = [f"第三部分 {d}{y}年部门预算情况说明", "",
           _heading(0) + "收支预算总体安排情况", "",
           f"{total_in}。其中：{sources}。", "", f"{total_out}。主要包括{classes}。", "",
           _heading(1) + "收入预算安排情况", "", f"{total_in}。其中：{sources}。", "",
           _heading(2) + "支出预算安排情况", "", f"{total_out}。其中：{classes}。", "",
           _heading(3) + "财政拨款收支预算总体情况", "",
           (f"{y}年部门预算财政拨款总收入{_n(b, b.fiscal)}，"
           f"{versus('部门预算财政拨款总收入', b.fiscal, b.prior_fiscal)}。其中：{fiscal_sources}。"),
           "",
           (f"{y}年部门预算财政拨款总支出{_n(b, b.fiscal)}，"
           f"{versus('部门预算财政拨款总支出', b.fiscal, b.prior_fiscal)}。主要包括"
           f"{fiscal_classes}。"), "",
           _heading(4) + "一般公共预算支出安排情况", ""]
    by_class = []
    for cls in b.classes(general=True):
        kuans = [c for c in b.codes(general=True) if len(c) == 5 and c.startswith(cls)]
        parts = "、".join(f"{b.name(k)}{_n(b, b.general_of(k))}" for k in kuans)
        by_class.append(f"{b.name(cls)}{_n(b, b.general_of(cls))}，其中：{parts}。")
    out += [f"{y}年一般公共预算支出{_n(b, b.general)}，"
            f"{versus('一般公共预算支出', b.general, b.prior_general_total)}。" + "".join(by_class),
            ""]
    personnel = "、".join(f"{_econ_name(e.code)}{_n(b, e.total)}"
                          for e in sorted(b.economic, key=lambda e: e.code) if e.personnel)
    public = "、".join(f"{_econ_name(e.code)}{_n(b, e.total)}"
                       for e in sorted(b.economic, key=lambda e: e.code) if e.public)
    out += [_heading(5) + "一般公共预算基本支出安排情况", "",
            (f"{y}年一般公共预算基本支出{_n(b, b.basic)}，其中：人员经费{_n(b, b.personnel)}，"
            f"主要包括：{personnel}；公用经费{_n(b, b.public)}，主要包括：{public}。"), ""]
    s, p = b.sangong, b.prior_sangong

    def sangong_item(number: str, name: str, now: int, before: int) -> str:
        if now == 0 and before == 0:
            return f"{number}{name}预算未安排。"
        return f"{number}{name}{_n(b, now)}，{versus('预算', now, before)}。"

    out += [_heading(6) + "一般公共预算“三公”经费支出安排情况", "",
            (f"{y}年部门财政拨款资金安排“三公”经费预算{_n(b, s.total)}，"
            f"{versus('预算', s.total, p.total)}。"), "",
            sangong_item("（一）", "因公出国（境）经费", s.outbound, p.outbound), "",
            sangong_item("（二）", "公务用车购置及运行维护费", s.vehicle, p.vehicle)
            + f"其中：1. 公务用车购置费{_n(b, s.vehicle_purchase)}。2. 公务用车运行维护费"
              f"{_n(b, s.vehicle_operation)}。", "",
            sangong_item("（三）", "公务接待费", s.reception, p.reception), "",
            _heading(7) + "政府性基金预算支出预算情况", "",
            *([f"{y}年本部门无政府性基金预算支出安排。", ""] if not b.gov else
              [(f"{y}年政府性基金预算支出{_n(b, b.gov)}，"
               f"{versus('政府性基金预算支出', b.gov, b.prior_gov)}，主要用于{b.gov_purpose}。"),
               ""]),
            _heading(8) + "国有资本经营预算支出安排情况", "",
            f"{y}年本部门无国有资本经营预算支出安排。", ""]
    out += [_heading(9) + "项目支出安排情况", "",
            f"{y}年部门项目支出{_n(b, b.project + b.gov + b.own_funds)}。其中：", ""]
    for i, project in enumerate(b.projects, start=1):
        out += [f"{i}、项目{project.name}{_n(b, project.total)}，主要用于{project.purpose}。", ""]
    goods, works, services = b.procurement
    general, enforcement = b.vehicles
    agency = f"{d}机关运行经费{y}年预算金额{_n(b, b.agency_costs)}"
    if b.agency_costs == b.public:
        agency += f"，其中：{public}"
    out += [_heading(10) + "其他重要事项的情况说明", "", _sub(0) + "机关运行经费情况", "",
            agency + "。", "", _sub(1) + "政府采购预算情况", "",
            (f"{y}年本部门政府采购预算金额共计{_n(b, goods + works + services)}。其中，货物类"
            f"{_n(b, goods)}、工程类{_n(b, works)}、服务类{_n(b, services)}。"), "",
            _sub(2) + "国有资产占用使用情况", "",
            (f"截止{y - 1}年12月31日，本部门共有车辆{general + enforcement}辆，其中：一般公务用车"
            f"{general}辆、执法执勤用车{enforcement}辆。"), "",
            _sub(3) + "预算绩效管理情况", "",
            f"{d}{y}年设置绩效目标项目个数{len(b.projects)}个，" + (
                f"金额{_n(b, b.project + b.gov + b.own_funds)}，占项目预算金额100%。" if b.own_funds
                else f"金额{_n(b, b.project + b.gov)}，占财政拨款项目预算金额100%。"), ""]
    return out


ITEM_DESCRIPTIONS = {
    "行政运行": "反映行政单位（包括实行公务员管理的事业单位）的基本支出",
    "一般行政管理事务": "反映行政单位（包括实行公务员管理的事业单位）未单独设置项级科目的其他项目支出",
    "事业运行": "反映事业单位的基本支出，不包括行政单位（包括实行公务员管理的事业单位）后勤服务中心、"
                "医务室等附属事业单位",
    "机关事业单位基本养老保险缴费支出": "反映机关事业单位实施养老保险制度由单位缴纳的基本养老保险费支出",
    "机关事业单位职业年金缴费支出": "反映机关事业单位实施职业年金制度由单位实际缴纳的职业年金支出",
    "行政单位医疗": "反映财政部门安排的行政单位（包括实行公务员管理的事业单位）基本医疗保险缴费经费",
    "事业单位医疗": "反映财政部门安排的事业单位基本医疗保险缴费经费",
    "公务员医疗补助": "反映财政部门安排的公务员医疗补助经费",
    "住房公积金": "反映行政事业单位按人力资源和社会保障部、财政部规定的基本工资和津贴补贴以及规定"
                 "比例为职工缴纳的住房公积金",
    "提租补贴": "反映按房改政策规定的标准，行政事业单位向职工（含离退休人员）发放的租金补贴",
}


def glossary_part(budget: Budget) -> list[str]:
    level = f"{budget.level}级财政"
    out = ["第四部分 名词解释", "",
           f"一、一般公共预算财政拨款收入：指{level}一般公共预算当年拨付的资金。", "",
           "二、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。", "",
           "三、项目支出：指在基本支出之外为完成特定的行政任务和事业发展目标所发生的支出。", "",
           "四、本部门使用的主要支出功能分类科目（项级）：", ""]
    for i, code in enumerate(budget.items(), start=1):
        name = budget.name(code)
        what = ITEM_DESCRIPTIONS.get(name, f"反映{name}方面的支出")
        out += [f"{i}. {_item_name(budget, code)}：{what}。", ""]
    out += [("五、“三公”经费：纳入财政一般公共预算管理的“三公”经费，是指用一般公共预算财政拨款安排的"
            "因公出国（境）费、公务用车购置及运行维护费和公务接待费。其中，因公出国（境）费反映单位公务"
            "出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置及"
            "运行维护费反映单位公务用车购置支出（含车辆购置税、牌照费）及燃料费、维修费、过路过桥费、"
            "保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。"),
            "",
            ("六、机关运行经费：指为保障行政单位（包括参照公务员法管理的事业单位）运行用于购买货物和"
            "服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及"
            "一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及"
            "其他费用。"), ""]
    return out


def render(budget: Budget, layout: str = "tabbed", order: str = "standard", *,
           check: bool = True) -> str:
    """The whole disclosure as text (`check=False` prints a budget with a defect put in)."""
    if check:
        budget.check()
    lines = ["", f"{budget.department}{budget.year}年部门预算", ""]
    lines += overview_part(budget)
    lines += tables_part(budget, layout, order)
    lines += narrative_part(budget)
    lines += glossary_part(budget)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- two departments

def culture_bureau(**changes: object) -> Budget:
    """A 区 culture and tourism bureau with a 文化馆, in 万元 (whole hundreds of 元)."""
    own, hall = "402001", "402002"
    budget = Budget(
        department="某市某区文化和旅游局", short="某区文化和旅游局", dept_code="402",
        year=2025, money="万元",
        units=[Unit(own, "某区文化和旅游局本级", "行政"), Unit(hall, "某区文化馆", "事业")],
        lines=[
            Line(own, "2070101", personnel=2_156_300, public=418_600),
            Line(own, "2070102", project=180_000),
            Line(own, "2070112", project=126_500),
            Line(own, "2070113", project=120_000),
            Line(hall, "2070109", personnel=1_034_200, public=152_300, project=300_000),
            Line(hall, "2070111", project=180_000),
            Line(own, "2080505", personnel=262_400),
            Line(hall, "2080505", personnel=125_600),
            Line(own, "2101101", personnel=118_700),
            Line(hall, "2101102", personnel=56_900),
            Line(own, "2101103", personnel=47_500),
            Line(own, "2210201", personnel=196_800),
            Line(hall, "2210201", personnel=94_200),
        ],
        economic=[
            Econ("30101", personnel=1_021_800), Econ("30102", personnel=1_108_400),
            Econ("30103", personnel=247_300), Econ("30107", personnel=788_000),
            Econ("30108", personnel=388_000), Econ("30110", personnel=175_600),
            Econ("30111", personnel=47_500), Econ("30112", personnel=21_400),
            Econ("30113", personnel=291_000), Econ("30309", personnel=3_600),
            Econ("30201", public=96_000), Econ("30205", public=18_000),
            Econ("30206", public=52_000), Econ("30207", public=21_500),
            Econ("30211", public=64_300), Econ("30216", public=23_000),
            Econ("30217", public=15_000), Econ("30228", public=61_200),
            Econ("30229", public=40_800), Econ("30231", public=36_000),
            Econ("30239", public=98_400), Econ("30299", public=44_700),
        ],
        projects=[
            Project("文化旅游综合业务工作经费", own, "2070102", 180_000,
                    "保障文化旅游行业管理、统计调查和综合协调等业务工作"),
            Project("文化市场综合执法专项经费", own, "2070112", 126_500,
                    "开展文化、旅游市场日常巡查和专项整治"),
            Project("全域旅游宣传推介经费", own, "2070113", 120_000,
                    "开展区域旅游形象宣传和节会推介活动"),
            Project("公共文化惠民演出活动经费", hall, "2070109", 300_000,
                    "组织送戏进社区、群众文艺汇演等公益性文化活动"),
            Project("非物质文化遗产保护传承经费", hall, "2070111", 180_000,
                    "开展非物质文化遗产项目调查记录和传承人培训"),
        ],
        sangong=Sangong(vehicle_operation=36_000, reception=15_000),
        prior_sangong=Sangong(vehicle_operation=40_000, reception=15_000),
        prior_total=5_312_400,
        prior_items={"2070101": 2_498_300, "2070102": 160_000, "2070112": 126_500,
                     "2070113": 150_000, "2070109": 1_402_100, "2070111": 150_000,
                     "2080505": 371_200, "2101101": 112_300, "2101102": 53_600,
                     "2101103": 45_200, "2210201": 243_200},
        prior_agency=402_500,
        procurement=(86_000, 0, 300_000),
        duties=["贯彻执行文化和旅游工作的方针政策，拟订全区文化和旅游发展规划并组织实施。",
                "统筹推进全区公共文化服务体系建设，指导群众文化活动。",
                "负责全区文化和旅游市场的行业监管和综合执法工作。",
                "完成区委、区政府交办的其他任务。"],
        staffing=(20, 18, 19, 17, 6),
        vehicles=(1, 1),
        names={"207": "文化旅游体育与传媒支出", "20701": "文化和旅游", "2070101": "行政运行",
               "2070102": "一般行政管理事务", "2070109": "群众文化",
               "2070111": "文化创作与保护", "2070112": "文化和旅游市场管理",
               "2070113": "旅游宣传"},
    )
    return dataclasses.replace(budget, **changes)  # type: ignore[arg-type]


def labour_bureau(**changes: object) -> Budget:
    """A 区 human-resources bureau of one unit, in 元 (amounts to the 元)."""
    own = "215001"
    budget = Budget(
        department="某市某区人力资源和社会保障局", short="某区人力资源和社会保障局",
        dept_code="215", year=2024, money="元",
        units=[Unit(own, "某区人力资源和社会保障局本级", "行政")],
        lines=[
            Line(own, "2080101", personnel=3_418_562, public=604_317),
            Line(own, "2080102", project=258_000),
            Line(own, "2080106", project=1_236_480),
            Line(own, "2080505", personnel=402_316),
            Line(own, "2080506", personnel=160_926),
            Line(own, "2101101", personnel=180_694),
            Line(own, "2101103", personnel=72_278),
            Line(own, "2210201", personnel=361_387),
            Line(own, "2210202", personnel=48_960),
        ],
        economic=[
            Econ("30101", personnel=986_412), Econ("30102", personnel=1_281_418),
            Econ("30103", personnel=312_640), Econ("30107", personnel=850_870),
            Econ("30108", personnel=402_316), Econ("30109", personnel=160_926),
            Econ("30110", personnel=180_694), Econ("30111", personnel=72_278),
            Econ("30112", personnel=36_182), Econ("30113", personnel=361_387),
            Econ("30201", public=103_450), Econ("30202", public=28_600),
            Econ("30207", public=36_000), Econ("30209", public=82_500),
            Econ("30211", public=71_280), Econ("30215", public=18_000),
            Econ("30216", public=25_400), Econ("30217", public=12_000),
            Econ("30228", public=67_310), Econ("30229", public=54_860),
            Econ("30231", public=48_000), Econ("30239", public=45_917),
            Econ("30299", public=11_000),
        ],
        projects=[
            Project("劳动保障监察执法经费", own, "2080102", 258_000,
                    "开展劳动用工专项检查和欠薪案件查处"),
            Project("就业创业服务专项经费", own, "2080106", 1_236_480,
                    "举办招聘会、开展就业困难人员帮扶和创业指导"),
        ],
        sangong=Sangong(vehicle_operation=48_000, reception=12_000),
        prior_sangong=Sangong(vehicle_operation=52_000, reception=15_000),
        prior_total=6_590_218,
        prior_items={"2080101": 3_980_115, "2080102": 258_000, "2080106": 1_102_300,
                     "2080505": 395_020, "2080506": 158_008, "2101101": 176_410,
                     "2101103": 70_604, "2210201": 354_297, "2210202": 47_520},
        prior_agency=588_930,
        procurement=(64_200, 0, 396_000),
        duties=[("贯彻执行人力资源和社会保障方面的法律法规和政策，拟订全区人力资源和社会保障事业"
                "发展规划。"),
                "负责全区促进就业工作，统筹城乡就业创业服务。",
                "负责全区劳动保障监察工作，依法查处违反劳动保障法律法规的行为。",
                "完成区委、区政府交办的其他任务。"],
        staffing=(31, 0, 29, 0, 12),
        vehicles=(2, 0),
    )
    return dataclasses.replace(budget, **changes)  # type: ignore[arg-type]


# ---------------------------------------------------------------- variations

def shift(budget: Budget, unit: str, code: str, field_name: str, delta: int,
          econ: str | None = None, project: str | None = None) -> Budget:
    """Move one amount by `delta` 元 and keep the budget consistent: the economic line `econ`
    (basic spending) or the project named `project` moves with it."""
    lines = [dataclasses.replace(line, **{field_name: getattr(line, field_name) + delta})
             if (line.unit, line.code) == (unit, code) else line for line in budget.lines]
    economic = [dataclasses.replace(e, **{("personnel" if e.personnel else "public"):
                                          e.total + delta})
                if e.code == econ else e for e in budget.economic]
    projects = [dataclasses.replace(p, amount=p.amount + delta) if p.name == project else p
                for p in budget.projects]
    return dataclasses.replace(budget, lines=lines, economic=economic, projects=projects)


def odd_yuan(budget: Budget) -> Budget:
    """The culture bureau with amounts to the 元: 万元 cells are rounded one by one."""
    own, hall = budget.units[0].code, budget.units[1].code
    for unit, code, name, delta, econ, project in (
            (own, "2070101", "personnel", 37, "30101", None),
            (own, "2070101", "public", 44, "30201", None),
            (own, "2080505", "personnel", 53, "30108", None),
            (hall, "2080505", "personnel", 48, "30108", None),
            (own, "2101101", "personnel", 61, "30110", None),
            (hall, "2101102", "personnel", 46, "30110", None),
            (hall, "2210201", "personnel", 29, "30113", None),
            (own, "2210201", "personnel", 47, "30113", None),
            (hall, "2070109", "personnel", 71, "30107", None),
            (hall, "2070109", "public", 58, "30299", None),
            (own, "2070102", "project", 45, None, "文化旅游综合业务工作经费"),
            (own, "2070112", "project", 66, None, "文化市场综合执法专项经费"),
            (hall, "2070111", "project", 54, None, "非物质文化遗产保护传承经费")):
        budget = shift(budget, unit, code, name, delta, econ, project)
    return budget


def with_own_income(budget: Budget) -> Budget:
    """The culture bureau's 文化馆 pays part of one project, and one project of its own, from
    its 事业收入: the department's tables count them, the 一般公共预算 tables do not."""
    hall = budget.units[1].code
    lines = [dataclasses.replace(line, own_funds=64_000)
             if (line.unit, line.code) == (hall, "2070109") else line for line in budget.lines]
    lines.append(Line(hall, "2070199", own_funds=85_000))
    projects = [dataclasses.replace(p, own_funds=64_000) if p.unit == hall and
                p.code == "2070109" else p for p in budget.projects]
    projects.append(Project("文化艺术培训服务项目", hall, "2070199", 0,
                            "面向社会开展文化艺术培训", own_funds=85_000))
    names = {**budget.names, "2070199": "其他文化和旅游支出"}
    return dataclasses.replace(budget, lines=lines, projects=projects, names=names,
                               prior_general=budget.prior_total,
                               prior_total=budget.prior_total + 140_000)


def scaled(budget: Budget, factor: int) -> Budget:
    """Every amount times `factor` (sums stay exact): a bigger department."""
    def s(obj: object) -> object:
        names = [f.name for f in dataclasses.fields(obj) if f.type in ("int", int)]  # type: ignore[arg-type]
        return dataclasses.replace(obj, **{n: getattr(obj, n) * factor for n in names})  # type: ignore[type-var]
    return dataclasses.replace(
        budget, lines=[s(x) for x in budget.lines], economic=[s(x) for x in budget.economic],
        projects=[s(x) for x in budget.projects], sangong=s(budget.sangong),
        prior_sangong=s(budget.prior_sangong), sangong_in_projects=s(budget.sangong_in_projects),
        prior_total=budget.prior_total * factor,
        prior_general=None if budget.prior_general is None else budget.prior_general * factor,
        prior_items={k: v * factor for k, v in budget.prior_items.items()},
        dropped_items={k: v * factor for k, v in budget.dropped_items.items()},
        prior_agency=budget.prior_agency * factor,
        procurement=tuple(v * factor for v in budget.procurement))  # type: ignore[arg-type]


def urban_bureau(**changes: object) -> Budget:
    """A 区 urban-management bureau with an 环境卫生服务中心, in 万元 with thousands
    separators, whose road works are paid by 政府性基金预算拨款 (国有土地使用权出让收入)."""
    own, centre = "516001", "516002"
    budget = Budget(
        department="某市某区城市管理执法局", short="某区城市管理执法局", dept_code="516",
        year=2026, money="万元", thousands=True,
        units=[Unit(own, "某区城市管理执法局本级", "行政"),
               Unit(centre, "某区环境卫生服务中心", "事业")],
        lines=[
            Line(own, "2120101", personnel=3_862_400, public=702_300),
            Line(own, "2120104", project=1_450_000),
            Line(centre, "2120501", personnel=2_140_600, public=385_200, project=6_800_000),
            Line(own, "2120803", gov_fund=3_200_000),
            Line(own, "2080505", personnel=456_000), Line(centre, "2080505", personnel=252_800),
            Line(own, "2080506", personnel=182_400), Line(centre, "2080506", personnel=101_100),
            Line(own, "2101101", personnel=206_500), Line(centre, "2101102", personnel=114_300),
            Line(own, "2101103", personnel=82_600),
            Line(own, "2210201", personnel=342_000), Line(centre, "2210201", personnel=189_600),
        ],
        economic=[
            Econ("30101", personnel=1_652_000), Econ("30102", personnel=2_080_000),
            Econ("30103", personnel=475_000), Econ("30107", personnel=1_750_000),
            Econ("30108", personnel=708_800), Econ("30109", personnel=283_500),
            Econ("30110", personnel=320_800), Econ("30111", personnel=82_600),
            Econ("30112", personnel=40_000), Econ("30113", personnel=531_600),
            Econ("30309", personnel=6_000),
            Econ("30201", public=180_000), Econ("30205", public=36_000),
            Econ("30206", public=96_000), Econ("30207", public=42_000),
            Econ("30211", public=58_000), Econ("30213", public=85_000),
            Econ("30216", public=30_000), Econ("30217", public=12_000),
            Econ("30228", public=118_000), Econ("30229", public=92_000),
            Econ("30231", public=156_000), Econ("30239", public=138_500),
            Econ("30299", public=44_000),
        ],
        projects=[
            Project("城市管理综合执法专项经费", own, "2120104", 900_000,
                    "开展市容秩序、户外广告和渣土运输等综合执法",
                    output=("开展执法巡查次数", 240, "次")),
            Project("违法建设治理经费", own, "2120104", 550_000, "拆除和查处违法建设",
                    output=("拆除违法建设面积", 8000, "平方米")),
            Project("环卫作业市场化服务经费", centre, "2120501", 6_800_000,
                    "购买城区道路清扫保洁和垃圾清运服务",
                    output=("道路清扫保洁面积", 320, "万平方米")),
            Project("城区道路及附属设施维护工程", own, "2120803", 0,
                    "维修城区道路、人行道和排水设施", gov_fund=3_200_000,
                    output=("维修道路长度", 12, "公里")),
        ],
        sangong=Sangong(vehicle_operation=156_000, reception=12_000),
        prior_sangong=Sangong(vehicle_operation=168_000, reception=15_000),
        prior_total=19_491_000, prior_gov=2_800_000,
        prior_items={"2120101": 4_380_000, "2120104": 1_450_000, "2120501": 8_960_000,
                     "2080505": 690_000, "2080506": 276_000, "2101101": 205_000,
                     "2101102": 110_000, "2101103": 80_000, "2210201": 520_000},
        prior_agency=688_000,
        procurement=(320_000, 0, 6_800_000),
        gov_purpose="城区道路及附属设施维护",
        duties=["贯彻执行城市管理方面的法律法规，拟订全区城市管理发展规划。",
                "负责全区市容环境卫生管理和城市管理综合执法工作。",
                "负责城区道路、桥梁和排水等市政设施的维护管理。",
                "完成区委、区政府交办的其他任务。"],
        staffing=(45, 30, 43, 28, 15),
        vehicles=(3, 6),
    )
    return dataclasses.replace(budget, **changes)  # type: ignore[arg-type]
