"""NARRATIVE.TABLE: a figure the narrative gives for a table figure equals it (within rounding)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from yusuan import regexes
from yusuan.model import Document, Fact, Finding, Location, Table, TableRow
from yusuan.recognise.headline import SANGONG_SUBTOTAL
from yusuan.rules.engine import FINAL_KINDS, make_finding, remembered, rule, rule_memo
from yusuan.rules.engine.sources import is_single_source
from yusuan.rules.engine.tolerance import Interval
from yusuan.rules.narrative.common import (
    fact_location,
    finding_args,
    fmt,
    in_unit,
    narrative_facts,
    table_value,
)
from yusuan.rules.narrative.text import MONEY_UNITS, SKIP_UNIT_CONCEPTS, narrative_unit
from yusuan.rules.tables.crosstable import PANEL_TOTALS
from yusuan.rules.tables.sangong import YEAR_ROLES, group_keys, prior_and_current

# concept → (table kind, column) tried in order on the table's total row
TOTAL_ROW = {
    "general_budget_expenditure": [("general_budget_expenditure", "total"),
                                   ("general_budget_expenditure", "actual")],
    "basic_expenditure": [("general_budget_expenditure", "basic"), ("expenditure", "basic")],
    "project_expenditure": [("general_budget_expenditure", "project"), ("expenditure", "project")],
    "personnel_funds": [("general_budget_expenditure", "personnel"),
                        ("basic_expenditure", "personnel")],
    "public_funds": [("general_budget_expenditure", "public"), ("basic_expenditure", "public")],
    "gov_fund_expenditure": [("gov_fund", "total")],
    "soe_capital_expenditure": [("soe_capital", "total")],
}
DEPARTMENT_TOTAL_ROW = {
    "basic_expenditure": [("expenditure", "basic")],
    "project_expenditure": [("expenditure", "project")],
}
# narrative concept → the headline keys it may stand for (总收入 is 收入总计 in some documents)
HEADLINE_KEYS = {
    "total_income": ("total_income", "income_grand_total"),
    "income_grand_total": ("income_grand_total",),
    "total_expenditure": ("total_expenditure", "expenditure_grand_total"),
    "general_budget_income": ("general_budget_income",),
    "carryover_in": ("carryover_in",),
    "agency_operating_costs": ("agency_operating_costs",),
    "procurement_total": ("procurement_total",),
}
HEADLINE_SCOPES = ("department", "general_budget", None)
SANGONG = {"sangong_total": "total", "sangong_outbound": "outbound", "sangong_vehicle": "vehicle",
           "sangong_vehicle_purchase": "vehicle_purchase",
           "sangong_vehicle_operation": "vehicle_operation", "sangong_reception": "reception",
           "sangong_meeting": "meeting", "sangong_training": "training"}
FUNCTIONAL_TABLES = {"department": ("expenditure", "general_budget_expenditure"),
                     "other": ("general_budget_expenditure", "expenditure")}


@rule("NARRATIVE.TABLE", category="narrative_vs_table", severity="error",
      title_zh="情况说明数字与表格一致", title_en="Narrative figures agree with the tables")
def narrative_matches_tables(doc: Document) -> Iterator[Finding]:
    """A figure the narrative gives for a table figure equals the table's (a difference within
    rounding is info).

    Passes: 一般公共预算支出 310.00万元; the table's 合计 310.00.
    Fails:  一般公共预算支出 310.00万元; the table's 合计 320.00.
    """
    for fact in narrative_facts(doc):
        if fact.value is None or fact.unit in (None, "%") or fact.extra.get("part_of"):
            continue
        if fact.concept in HEADLINE_KEYS and fact.extra.get("scope") in HEADLINE_SCOPES:
            if other_subject(fact):
                continue  # "…项目绩效自评综述：全年预算数…": not the department's total
            finding = _compare_headline(doc, fact)
            if finding is not None:
                yield finding
            continue
        if fact.concept in PANEL_CONCEPTS and (of_unit(fact) or other_subject(fact)):
            continue  # "局机关日常公用经费 87.36万元": one unit's, not the department's 合计
        target = table_figure(doc, fact)
        if target is not None and fact.concept == "economic_item" and agrees_elsewhere(doc, fact):
            continue  # the same-named line of the 一般公共预算 table by economic class
        if target is not None:
            finding = _compare(doc, fact, *target)
            if finding is not None:
                yield finding
            budget = _budget_target(fact, *target)
            finding = _compare(doc, _as_budget(fact), *budget) if budget else None
            if finding is not None:
                yield finding


# subjects of a sentence that make a bare 预算数 / 支出决算 / 执行数 someone else's figure
# a sentence that opens on a project is about that project to its end
SENTENCE_SUBJECTS = regexes.compile(r"项目|专项")
OTHER_SUBJECTS = regexes.compile(r"项目|自评|机关运行经费|三公|采购|专项|绩效|单位：|所属|下属")


def other_subject(fact: Fact) -> str | None:
    """The subject named before a figure's label in its sentence when it is not the department
    (a project, the 机关运行经费, a self-evaluation): a department total is no measure for it."""
    label = str(fact.extra.get("label") or "")
    text = "".join(fact.text.split())
    at = text.find("".join(label.split())) if label else -1
    before = text[:at] if at > 0 else ""
    clauses = regexes.split(r"[。；;，,]", regexes.split(r"[。；;]", before)[-1])
    # the clause of the label, and the one before it when that is a parallel statement with its
    # own amount ("机关运行经费预算627.62万元，支出决算627.62万元")
    near = [clauses[-1]] + ([clauses[-2]] if len(clauses) > 1 and regexes.search(r"\d", clauses[-2]) else [])
    match = next((m for clause in near if (m := OTHER_SUBJECTS.search(clause))), None)
    opening = SENTENCE_SUBJECTS.search(clauses[0]) if len(clauses) > 1 else None
    return (match or opening).group(0) if (match or opening) else None


# a unit named before 人员经费 / 公用经费 ("西安市社会科学院日常公用经费", "局机关公用经费")
_UNIT_PREFIX = regexes.compile(r"(院|局机关|机关|中心|所|站|队|馆|学校|医院|办公室|委员会|局|厅)(的)?"
                          r"(日常)?(人员|公用)经费")


def of_unit(fact: Fact) -> bool:
    """The figure's label names a unit before its 人员经费 / 公用经费: that unit's figure."""
    return bool(_UNIT_PREFIX.search("".join(str(fact.extra.get("label") or "").split())))


def agrees_elsewhere(doc: Document, fact: Fact) -> bool:
    """An economic item's figure equals the line of that name in the 一般公共预算 table by
    economic class (basic and project spending together), which the narrative may mean."""
    found = _by_name(doc, ("general_budget_expenditure", "other"), fact.extra.get("name", ""))
    if found is None:
        return False
    finding = _compare(doc, fact, *found)
    return finding is None or finding.severity == "info"


def _budget_target(fact: Fact, table: Table, row: TableRow, key: str
                   ) -> tuple[Table, TableRow, str] | None:
    """The cell of the table's 年初预算 (预算数) beside the 决算 figure the fact was compared
    with, when the narrative gives that 年初预算 too ('年初预算为…，支出决算为…')."""
    if "budget" not in fact.extra or "actual" not in fact.extra:
        return None
    if table.kind == "sangong":
        column = group_keys(table).get("budget_", {}).get(SANGONG.get(fact.concept, ""))
    else:
        column = "budget" if key != "budget" else None
    return (table, row, column) if column and column != key and column in row.values else None


def _as_budget(fact: Fact) -> Fact:
    """The fact's 年初预算 figure as a fact of its own (compared like any figure)."""
    extra = {k: v for k, v in fact.extra.items()
             if k not in ("actual", "execution_rate", "change", "rate", "share")}
    extra["label"] = f"{fact.extra.get('label') or fact.concept}（预算数）"
    return dataclasses.replace(fact, value=fact.extra["budget"],
                               decimals=fact.extra.get("budget_decimals", fact.decimals),
                               line=fact.extra.get("budget_line", fact.line), extra=extra)


def table_figure(doc: Document, fact: Fact) -> tuple[Table, TableRow, str] | None:
    """The table cell the fact names, if the tables print it."""
    concept, scope = fact.concept, fact.extra.get("scope", "department")
    if concept in SANGONG:
        key = SANGONG[concept]
        table = doc.table("sangong")
        years = prior_and_current(table) if table is not None else None
        if years:  # 上年 | 本年 | 增减: this year's block
            role = years[1].get(YEAR_ROLES[key])
            return _first_row(doc, "sangong", role) if role else None
        groups = group_keys(table) if table is not None else {}
        if groups:  # 预算数 and 决算数 side by side: the group the figure is of
            group = groups.get(_sangong_group(doc, fact)) or next(iter(groups.values()))
            return _first_row(doc, "sangong", group[key]) if key in group else None
        found = _first_row(doc, "sangong", key)
        # 合计 under 本年预算数, when the table prints last year's figures beside this year's
        return found or (_first_row(doc, "sangong", "budget") if key == "total" else None)
    if concept in TOTAL_ROW:
        choices = DEPARTMENT_TOTAL_ROW.get(concept) if scope == "department" else None
        for kind, key in (choices or []) + TOTAL_ROW[concept]:
            found = _total_cell(doc, kind, key)
            if found:
                return found
        if concept in PANEL_CONCEPTS:  # 人员经费 | 公用经费 panels, each with its 合计 line
            return _panel_total(doc, PANEL_CONCEPTS[concept])
    if concept == "fiscal_grand_total":
        return _fiscal_grand_total(doc)
    if concept == "functional_item":
        return _functional(doc, fact, scope)
    if concept == "economic_item":
        return _by_name(doc, ("basic_expenditure",), fact.extra.get("name", ""))
    if concept == "amount":  # a bare name: a project's first (项 are named with “（项）”)
        if "经济" in str(fact.extra.get("section") or ""):
            return None  # a part of an economic class ("（502）… 专项业务费806.10万元")
        label = fact.extra.get("label", "")
        return _by_name(doc, ("project_expenditure", "general_budget_expenditure"), label)
    return None


_GRAND_TOTAL = regexes.compile(r"^(收入总计|总计)$")
_YEAR_ROW = regexes.compile(r"([0-9]{4})\s*年度?")  # a row of a table whose rows are years


def _fiscal_grand_total(doc: Document) -> tuple[Table, TableRow, str] | None:
    """The 收入总计 of the 财政拨款收支总表 ('财政拨款收支总预算 18,728.91 万元')."""
    table = doc.table("fiscal_summary")
    if table is None:
        return None
    for row in table.rows:
        if row.side == "income" and _GRAND_TOTAL.match("".join(row.name.split())):
            key = next((k for k in ("total", "budget", "actual") if k in row.values), None)
            return (table, row, key) if key else None
    return None


def _sangong_group(doc: Document, fact: Fact) -> str:
    """'budget_' for a 预算 figure ('预算为 5.80 万元' with no 决算 after it), 'actual_' for a
    决算 one; a bare figure is of the document's kind (a 决算 reports what was spent)."""
    extra = fact.extra
    if "actual" in extra:
        return "actual_"
    label = str(extra.get("label", ""))
    if "budget" in extra or ("预算" in label and "决算" not in label):
        return "budget_"
    if "决算" in label:
        return "actual_"
    return "actual_" if doc.kind in FINAL_KINDS else "budget_"


PANEL_CONCEPTS = {"personnel_funds": "personnel", "public_funds": "public"}


def _panel_total(doc: Document, panel: str) -> tuple[Table, TableRow, str] | None:
    """The 人员经费合计 / 公用经费合计 line of a basic table printed as two panels."""
    for table in doc.tables_of("basic_expenditure"):
        for row in table.rows:
            if PANEL_TOTALS.get("".join(row.name.split())) == panel:
                key = next((k for k in ("total", "actual", "budget") if k in row.values), None)
                return (table, row, key) if key else None
    return None


def _first_row(doc: Document, kind: str, key: str) -> tuple[Table, TableRow, str] | None:
    table = doc.table(kind)
    if table is None or not table.rows:
        return None
    subtotal = next((r for r in table.rows if SANGONG_SUBTOTAL.match(r.name.replace(" ", ""))), None)
    row = subtotal or table.total_row() or year_row(table, doc.year) or table.rows[0]
    return (table, row, key) if key in row.values else None


def year_row(table: Table, year: int | None) -> TableRow | None:
    """In a table whose rows are years ("2025年", "2026年", 增减变化), the document's year."""
    if year is None:
        return None
    return next((r for r in table.rows if (named := _YEAR_ROW.fullmatch(r.name.strip()))
                 and int(named.group(1)) == year), None)


def _total_cell(doc: Document, kind: str, key: str) -> tuple[Table, TableRow, str] | None:
    table = doc.table(kind)
    row = table.total_row() if table else None
    if table is None or row is None or key not in row.values:
        return None
    return table, row, key


def _functional(doc: Document, fact: Fact, scope: str) -> tuple[Table, TableRow, str] | None:
    if scope == "fiscal":
        # the 财政拨款收支总表's 类 line (it may spend a carry-over the 一般公共预算 table does
        # not print); where other funds carry the 类 too, that line or no single cell
        fiscal_line = _fiscal_class(doc, fact)
        if fiscal_line is not None or _other_funds_carry(doc, fact):
            return fiscal_line
    kinds = FUNCTIONAL_TABLES["department" if scope == "department" else "other"]
    if scope in OTHER_FISCAL_FUNDS:
        kinds = (scope,)  # a 政府性基金 section's 类 is a line of the fund's own table
    if scope == "department" and not is_single_source(doc):
        kinds = ("expenditure",)  # the 一般公共预算 table holds only part of the department's money
    for kind in kinds:
        table = doc.table(kind)
        if table is None:
            continue
        row = _functional_row(table, fact)
        if row is not None:
            found = table_value(table, row)
            return (table, row, found[0]) if found else None
    return None


OTHER_FISCAL_FUNDS = ("gov_fund", "soe_capital")


def _other_funds_carry(doc: Document, fact: Fact) -> bool:
    """A 政府性基金 or 国有资本经营 table prints a line of the fact's 类."""
    prefix = str(fact.extra.get("class_code") or "")
    return any(r.code and r.code.startswith(prefix) and table_value(t, r)
               for kind in OTHER_FISCAL_FUNDS for t in doc.tables_of(kind) for r in t.rows)


def _fiscal_class(doc: Document, fact: Fact) -> tuple[Table, TableRow, str] | None:
    """The 财政拨款收支总表's expenditure line of the fact's 类 (a 类 figure only)."""
    extra = fact.extra
    if "item" in extra or "kuan" in extra or not extra.get("class"):
        return None
    table = doc.table("fiscal_summary")
    name = _plain(str(extra["class"]))
    rows = [r for r in table.rows if r.side == "expenditure" and _plain(r.name) == name] \
        if table else []
    found = table_value(table, rows[0]) if table and len(rows) == 1 else None
    return (table, rows[0], found[0]) if table and found else None


def _functional_row(table: Table, fact: Fact) -> TableRow | None:
    extra = fact.extra
    items = extra.get("items") or []
    if len(items) > 1:
        return None
    code = extra.get("class_code") if "item" not in extra and "section" not in extra else None
    if "section" in extra and isinstance(extra.get("section"), str) and "item" not in extra \
            and "class_code" in extra and extra.get("name") == extra.get("class"):
        code = extra.get("class_code")
    if code:
        return table.row_by_code(code)
    name = _plain(extra.get("item") or extra.get("name") or "")
    rows = [r for r in table.rows if r.code and len(r.code) == 7 and _plain(r.name) == name]
    if not rows and len(name) > 4:  # '人大事务行政运行（项）': the 款's name before the 项's
        name = regexes.sub(r"^\d+[.、．]", "", name)
        rows = [r for r in table.rows if r.code and len(r.code) == 7
                and (kuan := table.row_by_code(r.code[:5])) is not None
                and _plain(kuan.name) + _plain(r.name) == name]
    if extra.get("class_code"):
        rows = [r for r in rows if r.code and r.code.startswith(extra["class_code"])]
    return rows[0] if len(rows) == 1 else None


def _by_name(doc: Document, kinds: tuple[str, ...], name: str) -> tuple[Table, TableRow, str] | None:
    plain = _plain(name)
    if len(plain) < 2:
        return None
    for kind in kinds:
        for table in _tables_of(doc, kind):
            rows = _rows_by_plain_name(table).get(plain, [])
            if len(rows) == 1:
                found = table_value(table, rows[0])
                if found:
                    return table, rows[0], found[0]
    return None


def _tables_of(doc: Document, kind: str) -> list[Table]:
    """`doc.tables_of(kind)`, worked out once a rule (asked for each figure of the narrative,
    of a document of hundreds of project forms)."""
    return remembered(rule_memo(), ("tables_of", id(doc), kind), (doc,),
                      lambda: doc.tables_of(kind))


def _rows_by_plain_name(table: Table) -> dict[str, list[TableRow]]:
    """The table's rows by their plain names, in order: worked out once a rule (asked for
    each figure of the narrative)."""
    return remembered(rule_memo(), ("rows_by_plain_name", id(table)), (table,),
                      lambda: _by_plain_name(table.rows))


def _by_plain_name(rows: list[TableRow]) -> dict[str, list[TableRow]]:
    found: dict[str, list[TableRow]] = {}
    for row in rows:
        found.setdefault(_plain(row.name), []).append(row)
    return found


@lru_cache(maxsize=1 << 14)  # every row name is made plain again for each figure
def _plain(name: str) -> str:
    return "".join(name.split()).replace("（", "(").replace("）", ")").removeprefix("项目")


def _compare(doc: Document, fact: Fact, table: Table, row: TableRow, key: str) -> Finding | None:
    unit = table.unit or doc.unit or "万元"
    value = row.values[key]
    shown = in_unit(fact.value or 0.0, fact.unit, unit)
    decimals = (fact.decimals or 0) + _shift(fact.unit, unit)
    narrative = converted_interval(shown, decimals, _shift(fact.unit, unit))
    printed = Interval.printed(value, row.decimals.get(key, 2))
    difference = round(shown - value, 6)
    if abs(difference) < 1e-9 or unit_word_slip(doc, fact, value):
        return None
    what = row.name if not row.code else f"{row.code} {row.name}"
    if table.kind == "sangong" and (column := table.column(key)) and column.header:
        what = f"{what}（{column.header[-1]}）"  # 合计 of which column: 培训费, 公务接待费
    rounding = narrative.meets(printed)
    text = (f"情况说明写 {fact.extra.get('label') or fact.concept} {fmt(fact.value or 0)}{fact.unit}，"
            f"{table.title} {what} 为 {fmt(value)}{_converted(value, unit, fact.unit)}"
            ) + _execution_note(fact, value, rounding)
    locations = [fact_location(fact),
                 Location(row.line_of(key), table=table.kind, code=row.code, column=key,
                          page=row.page, name=None if row.code else row.name)]
    return make_finding(
        "NARRATIVE.TABLE", locations,
        {"reported": fact.value, "table": value, "difference": round(difference, 4)},
        severity="info" if rounding else None, category="rounding" if rounding else None,
        **_args(text, fact, what, value))


def _converted(value: float, unit: str, said: str | None) -> str:
    """'294400元（29.44万元）': a table in another unit than the narrative's figure, both shown."""
    if not said or said == unit or said not in MONEY_UNITS or unit not in MONEY_UNITS:
        return ""
    exact = f"{in_unit(value, unit, said):.6f}".rstrip("0").rstrip(".")  # every digit, not rounded
    return f"{unit}（{exact}{said}）"


def unit_word_slip(doc: Document, fact: Fact, value: float) -> bool:
    """The table's number written with a unit word the rest of the narrative does not use
    (“1682.76元” among 万元): NARRATIVE.UNIT's finding, not a second one here."""
    if abs((fact.value or 0.0) - value) > 1e-9:
        return False
    facts = [f for f in narrative_facts(doc) if f.unit in MONEY_UNITS and f.value is not None
             and f.concept not in SKIP_UNIT_CONCEPTS]
    return fact.unit != narrative_unit(doc.unit, Counter(f.unit for f in facts))


def _args(text: str, fact: Fact, what: str, value: float) -> dict[str, str]:
    text_en = (f"the narrative gives {fact.concept} {fmt(fact.value or 0)} {fact.unit}; "
               f"the table gives {what} {fmt(value)}")
    return finding_args(text, text_en)


def converted_interval(shown: float, decimals: int, shift: int) -> Interval:
    """What a narrative figure may stand for in the table's unit. Converted from a finer unit
    (万元 text over 元 tables), it may be cut rather than rounded (87.70万元 for 877,080元):
    up to a whole last place beyond it, away from zero; towards zero only rounding's half place
    (29.45万元 is neither 294,400元 rounded nor cut)."""
    if shift >= 0:
        return Interval.printed(shown, decimals)
    place, half = 10.0 ** (-decimals), 0.5 * 10.0 ** (-decimals)
    if shown < 0:
        return Interval(shown - place, shown + half)
    return Interval(shown - half, shown + place)


def _shift(unit: str | None, target: str) -> int:
    factors = {"元": 0, "万元": 4, "亿元": 8}
    return factors.get(target, 4) - factors.get(unit or target, 4)


def _compare_headline(doc: Document, fact: Fact) -> Finding | None:
    keys = [k for k in HEADLINE_KEYS[fact.concept] if k in doc.headline]
    if not keys or fact.value is None:
        return None
    shown = in_unit(fact.value, fact.unit, doc.unit)
    shift = _shift(fact.unit, doc.unit or "万元")
    narrative = converted_interval(shown, (fact.decimals or 0) + shift, shift)
    candidates = []
    for key in keys:
        entry = doc.headline[key]
        if entry.get("source") == "narrative":
            continue  # the narrative's own figure, not a table's
        value = float(entry.get("value", 0.0))
        if abs(shown - value) < 1e-9 or unit_word_slip(doc, fact, value):
            return None
        meets = narrative.meets(Interval.printed(value, int(entry.get("decimals", 2))))
        candidates.append((not meets, key, entry, value))
    if not candidates:
        return None
    # the figure it may stand for within rounding (收入总计 beside 本年收入合计), else the first
    far, key, entry, value = min(candidates, key=lambda c: c[0])
    rounding = not far
    line = int(entry.get("line", 0))
    text = (f"情况说明写 {fact.extra.get('label') or fact.concept} {fmt(fact.value)}{fact.unit}，"
            f"{_printed_figure(doc, line)}为 {fmt(value)}")
    locations = [fact_location(fact), Location(line, table=_table_at(doc, line), name=key)]
    return make_finding(
        "NARRATIVE.TABLE", locations,
        {"reported": fact.value, "table": value, "difference": round(shown - value, 4)},
        severity="info" if rounding else None, category="rounding" if rounding else None,
        **_args(text, fact, key, value))


def _printed_figure(doc: Document, line: int) -> str:
    """The table figure on `line` as the page names it: the table's title and the row's name."""
    for table in doc.tables:
        if not table.lines or not table.lines[0] <= line <= table.lines[-1]:
            continue
        row = next((r for r in table.rows
                    if r.line == line or line in r.value_lines.values()), None)
        return f"{table.title}“{row.name}”" if row else table.title
    return "表格"


def _table_at(doc: Document, line: int) -> str | None:
    """The kind of the table printed over `line` (a headline figure's table)."""
    return next((t.kind for t in doc.tables if t.lines and t.lines[0] <= line <= t.lines[-1]), None)


def _execution_note(fact: Fact, value: float, rounding: bool) -> str:
    """A 决算 amount with a 完成率: the rate that the table's amount gives (one cause, one
    finding — NARRATIVE.EXECUTION does not report the rate again)."""
    extra = fact.extra
    if rounding or "actual" not in extra or not extra.get("budget"):
        return ""
    rate = value / extra["budget"] * 100
    stated = extra.get("execution_rate")
    if stated is not None and abs(rate - stated) <= 0.5 * 10.0 ** -(extra.get(
            "execution_decimals") or 0) + 1e-9:
        return (f"；所写完成率 {fmt(stated)}% 正是表格数 {fmt(value)} / 年初预算 "
                f"{fmt(extra['budget'])}，决算数写错")
    return f"；按表格数计算，完成年初预算的 {rate:.2f}%"


def actual_reported_wrong(doc: Document, fact: Fact) -> bool:
    """The fact's 决算 amount disagrees with the table beyond rounding (NARRATIVE.TABLE reports
    it, and any execution rate built on it is the same cause)."""
    if "actual" not in fact.extra or fact.extra.get("part_of"):
        return False
    target = table_figure(doc, fact)
    if target is None:
        return False
    table, row, key = target
    unit = table.unit or doc.unit or "万元"
    shown = Interval.printed(in_unit(fact.value or 0.0, fact.unit, unit), fact.decimals)
    return not shown.meets(Interval.printed(row.values[key], row.decimals.get(key, 2)))
