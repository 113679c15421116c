"""绩效自评表 checks: 执行率 = 执行数 / 预算数, no 得分 above its 分值, and the 自评得分 the
narrative states is the form's 总分."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location, Project
from yusuan.recognise.projects.model import DeptForm, ProjectForm
from yusuan.recognise.projects.selfeval import Execution
from yusuan.recognise.projects.text import parse_number
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import Amount, paragraphs
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.projects.common import from_json, in_form_money, table_amount
from yusuan.rules.tables.summary import read_side, side_amount

register_messages({
    "PROJECT.SELF_RATE": {
        "zh": "绩效自评表“{name}”{label}：执行数 {actual} ÷ 预算数 {budget} = {computed}%，"
              "而执行率为 {reported}%",
        "en": "Self-evaluation {name}, {label}: spent {actual} / budget {budget} = {computed}%, "
              "but the execution rate is {reported}%",
    },
    "PROJECT.SELF_SPENT": {
        "zh": "绩效自评表“{name}”{label}执行数为 {actual}，而{what}为 {table}{same}",
        "en": "Self-evaluation {name}, {label}: spent {actual}, but the tables' {what_en} is "
              "{table}{same_en}",
    },
    "PROJECT.SELF_SCORE": {
        "zh": "绩效自评表“{name}”指标“{indicator}”得分 {score} 超过分值 {weight}",
        "en": "Self-evaluation {name}: indicator {indicator} scores {score}, above its weight {weight}",
    },
})

SLACK = 1e-6
UNSCORED = ("其中", "上年结转", "其他资金")
MANY_FIGURES = 3  # more figures before a rate (总额 | 财政拨款 | 其他 each year): which two divide is a guess


def explained_otherwise(row: object) -> bool:
    """A row printed with a blank cell (fewer figures than its header's columns: the columns
    were read one place off) whose two figures, spent over budget, give the printed rate."""
    figures = [f for f in getattr(row, "figures", ()) if f > 0]
    if not getattr(row, "shifted", False) and len(figures) <= MANY_FIGURES:
        return False  # three figures in their columns: budget, budget, spent are sure
    rate = getattr(row, "rate", None)
    if rate is None:
        return False
    half = 0.5 * 10 ** -getattr(row, "rate_decimals", 0)
    return any(abs(figures[j] / figures[i] * 100 - rate) <= half + 0.01
               for i in range(len(figures)) for j in range(len(figures)) if i != j)


def _name(form: object) -> str:
    return form.name if isinstance(form, ProjectForm) else "部门整体"


def _table(form: object) -> str:
    return "project_performance" if isinstance(form, ProjectForm) else "dept_performance"


@rule("PROJECT.SELF_RATE", category="arithmetic", severity="warning",
      title_zh="自评表执行率等于执行数除以预算数", title_en="Execution rate is spent / budget",
      rationale="A 绩效自评表 prints 预算数 (A), 执行数 (B) and 执行率 (B/A); the rate, rounded "
                "as printed, must be B / A.")
def self_rate(doc: Document) -> Iterator[Finding]:
    """Passes: 76.8 | 76.8 | 100%. Fails: 80 | 76.8 | 100% (96%).
    Not judged: a rate that two other figures of the row give (the columns were read one
    place off: a blank 年初预算数, a 分值 beside the amounts), and the 0% the template prints in
    its unscored 其中 / 上年结转 lines.
    """
    for form in doc.forms:
        for row in getattr(form, "execution", []):
            if not row.budget.value or row.rate is None:
                continue
            if explained_otherwise(row) or (row.rate == 0 and row.label.startswith(UNSCORED)):
                continue
            computed = row.actual.value / row.budget.value * 100
            half = 0.5 * 10 ** -row.rate_decimals
            # the figures themselves are rounded: widen by their half-units
            spread = computed * (0.5 * 10 ** -row.actual.decimals / max(row.actual.value, SLACK)
                                 + 0.5 * 10 ** -row.budget.decimals / row.budget.value)
            if abs(computed - row.rate) <= half + spread + SLACK:
                continue
            yield make_finding("PROJECT.SELF_RATE",
                               [Location(row.line, table=_table(form), name=_name(form))],
                               {"reported": row.rate, "computed": round(computed, 2)},
                               name=_name(form), label=row.label, actual=row.actual.value,
                               budget=row.budget.value, computed=f"{computed:.2f}",
                               reported=row.rate)


@rule("PROJECT.SELF_SCORE", category="arithmetic", severity="warning",
      title_zh="自评得分不超过分值", title_en="Scores within their weights",
      rationale="An indicator's 得分 cannot exceed the 分值 it is scored out of.")
def self_score(doc: Document) -> Iterator[Finding]:
    """Passes: 分值 10, 得分 10. Fails: 分值 10, 得分 12."""
    for form in doc.forms:
        for ind in getattr(form, "indicators", []):
            weight, score = parse_number(ind.weight or ""), parse_number(ind.score or "")
            if weight is None or score is None or score[0] <= weight[0] + SLACK:
                continue
            yield make_finding("PROJECT.SELF_SCORE",
                               [Location(ind.line, table=_table(form), name=_name(form))],
                               {"reported": score[0], "computed": weight[0]},
                               name=_name(form), indicator=ind.name, score=ind.score,
                               weight=ind.weight)


# the 决算 figures a 部门整体 执行数 may stand for: 本年支出合计, 支出总计, 基本 + 项目
SPENT_KEYS = ("total_expenditure", "expenditure_grand_total")
NOTE = ("执行数为", "实际支出")


def _close(a: float, b: float, decimals: int) -> bool:
    """Equal as printed; a negative `decimals` (a 万元 figure put in 元) widens to its precision."""
    return abs(a - b) <= 0.5 * 10 ** -min(decimals, 2) + SLACK


def _dept_spent(doc: Document) -> tuple[float, int] | None:
    """本年支出合计 of the 决算 tables, with its line."""
    found = doc.headline.get("total_expenditure") or {}
    if found.get("value") is None or found.get("source") == "narrative":
        return None
    return float(found["value"]), int(found.get("line", 0))


def _others(doc: Document) -> list[float]:
    out = [float(doc.headline[k]["value"]) for k in SPENT_KEYS
           if (doc.headline.get(k) or {}).get("value") is not None]
    parts = [doc.headline.get(k) or {} for k in ("basic_expenditure", "project_expenditure")]
    if all(p.get("value") is not None for p in parts):
        out.append(sum(float(p["value"]) for p in parts))
    return out


def _note_line(doc: Document, form: DeptForm) -> int | None:
    for number in range(form.lines[0], form.lines[1] + 1):
        if all(word in doc.line_text(number) for word in NOTE):
            return number
    return None


@rule("PROJECT.SELF_SPENT", category="cross_table", severity="warning",
      title_zh="自评表执行数与决算数一致", title_en="Self-evaluation spending matches the 决算",
      rationale="In a 决算, a 绩效自评表's 执行数 is the actual spending: for the 部门整体 form the "
                "year's expenditure in the tables (and its 财政拨款 执行数 the 财政拨款收入支出决算"
                "总表's), for a project form its 决算 in the project table or, without one, the "
                "执行数 the narrative states for the project.")
def self_spent(doc: Document) -> Iterator[Finding]:
    """Passes: 整体 执行数 566.40 with 本年支出合计 566.40. Fails: 执行数 512.30 (the budget
    figure) with 本年支出合计 566.40."""
    if "决算" not in (doc.kind or ""):
        return
    spent = _dept_spent(doc)
    yield from _fiscal_spent(doc)
    for form in doc.forms:
        rows = getattr(form, "execution", [])
        if isinstance(form, DeptForm) and spent is not None and len(rows) == 1:
            row = rows[0]
            if any(_close(row.actual.value, v, row.actual.decimals) for v in _others(doc)):
                continue
            note = _note_line(doc, form)
            locations = [Location(row.actual.line, table="dept_performance", name="部门整体")]
            locations += [Location(note, table="dept_performance")] if note else []
            locations.append(Location(spent[1], table="summary"))
            yield _spent(locations, row, "部门整体", spent[0], "决算表本年支出合计",
                         "total expenditure of the year")
        elif isinstance(form, ProjectForm) and form.project and len(rows) == 1:
            project = next((p for p in doc.projects if p.name == form.project), None)
            if project is None:
                continue
            amount, what, what_en = table_amount(project), "决算表项目支出", "project expenditure"
            if amount is None:
                amount = in_form_money(stated_spent(project), form.money)
                what, what_en = "情况说明所述执行数", "narrative's stated spending"
            row = rows[0]
            if amount is None or _close(row.actual.value, amount.value, amount.decimals):
                continue
            locations = [Location(row.actual.line, table="project_performance", name=form.name),
                         amount.location]
            yield _spent(locations, row, form.name, amount.value, what, what_en)


# the 部门整体 self-evaluation's money columns: 全年预算数 and 全年执行数, each 总额 | 财政拨款 |
# 其他资金
SPLIT_HEADS = ("总额", "财政拨款", "其他资金")


def _split_columns(doc: Document, form: DeptForm) -> bool:
    """The form heads 全年执行数 over 总额 | 财政拨款 | 其他资金, after 全年预算数's three."""
    for number in range(form.lines[0], form.lines[1]):
        if "全年执行数" not in doc.line_text(number):
            continue
        below = [c.strip() for c in doc.line_text(number + 1).split("\t") if c.strip()]
        return below[:6] == [*SPLIT_HEADS, *SPLIT_HEADS]
    return False


def _fiscal_spent(doc: Document) -> Iterator[Finding]:
    """The 部门整体 form's 金额合计 执行数 of 财政拨款 against the 财政拨款收入支出决算总表's
    本年支出合计, where its 执行数 总额 is the 决算's 本年支出合计 and 财政拨款 + 其他资金
    (which proves the columns)."""
    spent, fiscal = _dept_spent(doc), doc.tables_of("fiscal_summary")[:1]
    if spent is None or not fiscal:
        return
    current = read_side(fiscal[0], "expenditure").named.get("expenditure_current")
    table = side_amount(doc, fiscal[0], current)
    for form in doc.forms:
        rows = [r for r in getattr(form, "execution", []) if r.label == "金额合计"]
        if not isinstance(form, DeptForm) or len(rows) != 1 or table is None or \
                len(rows[0].figures) < 6 or not _split_columns(doc, form):
            continue
        whole, own, other = rows[0].figures[3:6]
        if not (_close(whole, spent[0], 2) and _close(whole, own + other, 2)) or \
                _close(own, table.value, table.decimals):
            continue
        locations = [Location(rows[0].line, table="dept_performance", name="部门整体"),
                     table.location]
        yield make_finding("PROJECT.SELF_SPENT", locations,
                           {"reported": own, "computed": table.value}, name="部门整体",
                           label="金额合计（财政拨款）：", actual=own,
                           what="财政拨款收入支出决算总表本年支出合计",
                           what_en="fiscal total expenditure of the year", table=table.value,
                           same="", same_en="")


def stated_spent(project: Project) -> Amount | None:
    """The 执行数 the narrative states for a project ("…执行数为 21 万元"), in 万元."""
    narrative = project.extra.get("narrative") or {}
    return from_json(narrative.get("spent"), "narrative", project.name)


def _spent(locations: list[Location], row: Execution, name: str, table: float, what: str,
           what_en: str) -> Finding:
    actual, budget = row.actual, row.budget
    same = actual.value == budget.value
    return make_finding("PROJECT.SELF_SPENT", locations,
                        {"reported": actual.value, "computed": table},
                        name=name, label=f"{row.label}：", actual=actual.value,
                        what=what, what_en=what_en, table=table,
                        same="（执行数与预算数相同，疑将预算数填作执行数）" if same else "",
                        same_en=" (spent equals the budget: the budget figure seems to be "
                                "filled in)" if same else "")


register_messages({
    "PROJECT.SELF_TOTAL": {
        "zh": "情况说明写“{name}”项目自评得分为 {stated} 分，其绩效自评表总分为 {total}",
        "en": "The narrative gives project {name} a self-evaluation score of {stated}, its form's "
              "总分 is {total}",
    },
})
STATED_SCORE = regexes.compile(r"自评得分为?\s*(\d+(?:\.\d+)?)\s*分")


@rule("PROJECT.SELF_TOTAL", category="narrative_vs_table", severity="warning",
      title_zh="说明所写自评得分与自评表总分一致",
      title_en="A self-evaluation score the narrative states is its form's 总分",
      rationale="The narrative's '…项目自评得分为 88.5 分' restates the 总分 of that project's "
                "绩效自评表; two different scores cannot both be the result.")
def stated_scores(doc: Document) -> Iterator[Finding]:
    """Passes: '信息化运行维护…项目自评得分为 90.5 分', 总分 90.5. Fails: the same with 88.5 分."""
    totals = {"".join(f.name.split()): total for f in doc.forms
              if isinstance(f, ProjectForm) and f.name and (total := _form_total(doc, f))}
    if not totals:
        return
    for paragraph in paragraphs(doc):
        text = paragraph.text
        compact = "".join(text.split())
        matches = list(STATED_SCORE.finditer(compact))
        at = [i for i, ch in enumerate(text) if not ch.isspace()] if matches else []
        floor = 0
        for match in matches:
            before = compact[floor:match.start()]
            named = [(before.rfind(name), name) for name in totals if name in before]
            floor = match.end()
            if not named:
                continue
            _, name = max(named)
            total, total_line = totals[name]
            stated = float(match.group(1))
            if abs(stated - total) < 1e-9:
                continue
            line = paragraph.line_at(at[match.start(1)])
            yield make_finding("PROJECT.SELF_TOTAL",
                               [Location(line), Location(total_line, table="project_performance",
                                                         name=name)],
                               {"reported": stated, "computed": total},
                               name=name, stated=match.group(1), total=f"{total:g}")


def _form_total(doc: Document, form: ProjectForm) -> tuple[float, int] | None:
    """The 总分 of a 绩效自评表: its row's last figure, after the 100 it is out of."""
    for number in range(form.lines[0], form.lines[1] + 1):
        text = doc.source.line_text(number)
        if "分" not in text:  # no 总分 in its first cell
            continue
        cells = [c.strip() for c in text.split("\t")]
        if not cells or "".join(cells[0].split()) != "总分":
            continue
        figures = [parse_number(c) for c in cells[1:] if c]
        values = [f[0] for f in figures if f is not None]
        if len(values) == 2 and values[0] == 100:
            return values[1], number
    return None
