"""Plain records for what the projects stage reads: list items, forms, detail lines, indicators."""

from __future__ import annotations

from typing import Any

from yusuan.kept.dataclass_code import dataclass, field
from yusuan.recognise.projects.text import Amount


@dataclass(slots=True)
class Quote:
    """An indicator the narrative quotes with a value ("基金收支审计服务次数 ≥ 2 次")."""

    name: str
    value: str  # as printed, blanks removed ("≥2次")
    number: float
    unit: str
    line: int


@dataclass(slots=True)
class ListItem:
    """A project named with its amount in the narrative ("（3）医保政策宣传经费 20.00万元")."""

    name: str
    amount: Amount
    line: int
    category: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    spent: Amount | None = None  # "执行数为…万元": the 决算 a 绩效自评 paragraph states


@dataclass(slots=True)
class DetailLine:
    """One 测算明细 line: what is bought, its amount, and how it was worked out."""

    item: str
    amount: Amount
    line: int
    basis: str = ""
    basis_line: int | None = None


@dataclass(slots=True)
class Indicator:
    """One performance indicator row: levels, name, values as printed (last is the target)."""

    name: str
    values: list[str]
    line: int
    level1: str = ""
    level2: str = ""
    table: str = ""  # "long" (长期), "annual" (年度) or "dept"
    period: str = ""  # "long" or "annual"; for the department form, its goal's period
    value_line: int = 0  # the line of the target (last value)
    value_lines: list[int] = field(default_factory=list)
    label: str = ""  # the row's goal label: "长期" (长期目标01) or "年度" (年度目标01)
    label_line: int = 0
    actual: str = ""  # 绩效自评表: 实际完成值, 分值, 得分, 偏差原因, and the 年度目标 it sits under
    weight: str = ""
    score: str = ""
    reason: str = ""
    goal: str = ""


@dataclass(slots=True)
class Reference:
    """A document cited as basis (立项依据 / 实施方案) or a dated phrase, with the years it names."""

    text: str
    years: list[int]
    line: int
    section: str


@dataclass(slots=True)
class YearFigure:
    """A year and amount stated in the 预算变动情况 text ("2022年度预算20万元")."""

    year: int
    value: float
    decimals: int
    line: int


@dataclass(slots=True)
class ProjectForm:
    """One 项目支出绩效目标表 / 项目申报表."""

    lines: tuple[int, int]
    title: str = ""
    name: str = ""
    name_line: int = 0
    code: str | None = None
    code_line: int | None = None
    unit: str | None = None
    unit_line: int | None = None
    department: str | None = None
    address: str | None = None
    postcode: str | None = None
    postcode_line: int | None = None
    category: str | None = None
    date: str | None = None
    date_line: int | None = None
    total: Amount | None = None
    current: Amount | None = None
    funding: dict[str, Amount] = field(default_factory=dict)
    change_text: str = ""
    change_line: int | None = None
    change_figures: list[YearFigure] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    details: list[DetailLine] = field(default_factory=list)
    detail_total: Amount | None = None
    basis_text: list[tuple[str, int]] = field(default_factory=list)
    goals: list[tuple[str, str, int]] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    project: str | None = None
    match_confidence: float = 0.0
    execution: list[Any] = field(default_factory=list)  # 绩效自评表: selfeval.Execution rows
    money: str = "万元"  # the unit the form's amounts are printed in

    @property
    def kind(self) -> str:
        return "project_form"


@dataclass(slots=True)
class DeptProject:
    """A row of the department form's 项目支出情况 list."""

    name: str
    line: int
    category: str | None = None
    total: Amount | None = None
    current: Amount | None = None


@dataclass(slots=True)
class DeptTask:
    """A row of the department form's 年度主要任务: its name, what it covers, its 总额."""

    name: str
    content: str
    total: Amount
    line: int


@dataclass(slots=True)
class DeptForm:
    """The 部门整体支出绩效目标表: funding by class and year, tasks, goals, indicators."""

    lines: tuple[int, int]
    title: str = ""
    date: str | None = None
    date_line: int | None = None
    funding: dict[str, dict[str, Amount]] = field(default_factory=dict)
    blank: dict[str, int] = field(default_factory=dict)  # funding labels with no amount: line
    label_lines: dict[str, int] = field(default_factory=dict)  # every funding label: line
    years: list[str] = field(default_factory=list)
    tasks: list[tuple[str, int]] = field(default_factory=list)
    task_rows: list[DeptTask] = field(default_factory=list)  # 年度主要任务 with a 预算金额
    task_total: Amount | None = None  # their 金额合计
    task_money: str | None = None  # the unit the 预算金额 head names (万元 or 元)
    goals: list[tuple[str, int]] = field(default_factory=list)
    projects: list[DeptProject] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    execution: list[Any] = field(default_factory=list)  # 绩效自评表: selfeval.Execution rows

    @property
    def kind(self) -> str:
        return "dept_form"
