"""Performance-management coverage the narrative states: the amount a 绩效自评 / 绩效目标
statement covers, against the 项目支出 it claims a share of, and the 整体支出 it names."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Fact, Finding, Location, Table, TableRow
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.tolerance import Interval, interval_sum
from yusuan.rules.narrative.common import (
    fact_location,
    finding_args,
    fmt,
    in_unit,
    narrative_facts,
)

Cell = tuple[Table, TableRow, str]


def _total_cell(doc: Document, kind: str, key: str) -> Cell | None:
    for table in doc.tables_of(kind):
        row = table.total_row()
        if row is not None and key in row.values:
            return table, row, key
    return None


def _cell_location(cell: Cell) -> Location:
    table, row, key = cell
    return Location(row.line_of(key), table=table.kind, column=key, page=row.page,
                    name=row.name)


@rule("NARRATIVE.COVERAGE", category="narrative_vs_table", severity="warning",
      title_zh="绩效管理覆盖的金额与支出数一致",
      title_en="The amount under performance management agrees with the spending it covers")
def coverage(doc: Document) -> Iterator[Finding]:
    """The amount a 绩效自评 statement covers: its share of 项目支出 is amount / the tables'
    项目支出, and a 整体支出 self-evaluation covers the department's whole spending.

    Passes: 项目支出 合计 200.00; “对项目支出全面开展绩效自评，资金 200.00 万元，占项目支出总额的 100%”.
    Fails:  项目支出 合计 200.00; “…资金 160.00 万元，占项目支出总额的 100%” (实占 80%).
    """
    for fact in narrative_facts(doc, "performance_coverage"):
        if fact.value is None:
            continue
        if "share" in fact.extra and _of_printed_projects(fact):
            finding = _project_share(doc, fact)
        elif "整体支出" in fact.text and "项目" not in fact.text:
            finding = _whole_amount(doc, fact)
        else:
            finding = None
        if finding is not None:
            yield finding


EXCLUSION = regexes.compile(r"除外|不含|扣除|剔除")


def _of_printed_projects(fact: Fact) -> bool:
    """Whether the share is of a 项目支出 the tables print: not of a base with parts taken
    out ('占财政性资金(…项目支出除外)总额')."""
    of = str(fact.extra.get("share_of", ""))
    return "项目" in of and not EXCLUSION.search(of)


def _project_share(doc: Document, fact: Fact) -> Finding | None:
    """'资金 183.8 万元，占一般公共预算项目支出总额的 100%' against the tables' 项目支出. In a
    决算 the amount is the projects' budget and the tables print what was spent, which the
    budget may exceed: only a share too large for the amount is certain there. The base is the
    一般公共预算 table's when the share names it, with the 政府性基金 and 国有资本经营 tables'
    for 财政拨款, and any of these or the department's own (部门支出总表, which counts
    事业收入 too) when it names no fund."""
    bases = _share_bases(doc, _share_fund(fact))
    if not bases:
        return None
    stated = fact.extra["share"]
    shown = Interval.printed(stated, fact.extra.get("share_decimals"))
    spent = "决算" in (doc.kind or "")
    for table, base in bases:
        ratio = _printed(doc, fact, table).ratio(base)
        if ratio is None or ratio.meets(shown) or (spent and ratio.low > shown.high):
            return None
    table, first = bases[0]
    projects = (first.low + first.high) / 2
    cell = _total_cell(doc, table.kind, "project")
    assert cell is not None
    computed = in_unit(fact.value or 0.0, fact.unit, table.unit or doc.unit) / projects * 100
    text = (f"绩效管理覆盖资金 {fmt(fact.value or 0)} {fact.unit or '万元'}，写作占项目支出的 {fmt(stated)}%；"
            f"{table.title} 项目支出为 {fmt(projects)}，实占 {computed:.2f}%")
    text_en = (f"performance management is said to cover {fmt(fact.value or 0)}, {fmt(stated)}% "
               f"of project spending; the table's project spending is {fmt(projects)}, "
               f"so the share is {computed:.2f}%")
    locations = [fact_location(fact, fact.extra.get("share_line")), _cell_location(cell)]
    return make_finding("NARRATIVE.COVERAGE", locations,
                        {"reported": stated, "computed": round(computed, 2)},
                        **finding_args(text, text_en))


OTHER_FISCAL_FUNDS = ("gov_fund", "soe_capital")


def _share_bases(doc: Document, fund: str) -> list[tuple[Table, Interval]]:
    """The 项目支出 a share may be of, each with the table whose unit it is printed in."""
    cells = {kind: cell for kind in ("general_budget_expenditure", "expenditure",
                                     *OTHER_FISCAL_FUNDS)
             if (cell := _total_cell(doc, kind, "project")) is not None}
    general = cells.get("general_budget_expenditure")
    out: list[tuple[Table, Interval]] = []
    if general is not None:
        others = [cells[k] for k in OTHER_FISCAL_FUNDS if k in cells]
        if fund in ("general", "any") or not others:
            out.append((general[0], _interval(general)))
        if fund in ("fiscal", "any") and others:
            out.append((general[0], interval_sum(_interval(c) for c in [general, *others])))
    if fund == "any" and "expenditure" in cells:
        out.append((cells["expenditure"][0], _interval(cells["expenditure"])))
    return out


def _interval(cell: Cell) -> Interval:
    _, row, key = cell
    return Interval.printed(row.values[key], row.decimals.get(key, 2))


def _share_fund(fact: Fact) -> str:
    of = str(fact.extra.get("share_of", ""))
    return "general" if "一般公共预算" in of else "fiscal" if "财政拨款" in of else "any"


def _printed(doc: Document, fact: Fact, table: Table) -> Interval:
    """The fact's amount as an interval in the table's unit (a 万元 narrative beside 元 tables)."""
    unit = table.unit or doc.unit or "万元"
    shift = {"元": 0, "万元": 4, "亿元": 8}
    decimals = (fact.decimals or 0) + shift.get(fact.unit or unit, 4) - shift.get(unit, 4)
    return Interval.printed(in_unit(fact.value or 0.0, fact.unit, unit), decimals)


def _whole_amount(doc: Document, fact: Fact) -> Finding | None:
    """'开展整体支出绩效自评，资金 183.8 万元': the whole department's spending, not a part."""
    totals = _whole_totals(doc, fact.unit or doc.unit or "万元")
    if not totals:
        return None
    shown = Interval.printed(fact.value or 0.0, fact.decimals)
    if any(shown.meets(Interval.printed(value, 2)) for value, _ in totals):
        return None
    value, where = totals[0]
    project = _total_cell(doc, "general_budget_expenditure", "project")
    text = (f"部门整体支出绩效自评涉及资金写作 {fmt(fact.value or 0)} {fact.unit or '万元'}，"
            f"部门整体支出为 {fmt(value)}（{where.name or where.table}）"
            + (f"，项目支出为 {fmt(project[1].values['project'])}" if project else "")
            + "；所写金额不是整体支出")
    text_en = (f"the department-wide self-evaluation is said to cover {fmt(fact.value or 0)}, "
               f"but the department's whole spending is {fmt(value)}")
    return make_finding("NARRATIVE.COVERAGE", [fact_location(fact), where],
                        {"reported": fact.value, "computed": value},
                        **finding_args(text, text_en))


def _whole_totals(doc: Document, unit: str) -> list[tuple[float, Location]]:
    """The whole spending as the document prints it, in `unit`: the tables' 合计 and the
    narrative's 年初预算 of the same total."""
    found = []
    for kind in ("general_budget_expenditure", "expenditure"):
        cell = _total_cell(doc, kind, "total")
        if cell is not None:
            value = in_unit(cell[1].values["total"], cell[0].unit or doc.unit, unit)
            found.append((value, _cell_location(cell)))
    for fact in narrative_facts(doc, "general_budget_expenditure", "total_expenditure"):
        values = [fact.extra[key] for key in ("budget", "actual") if key in fact.extra]
        found += [(in_unit(float(v), fact.unit, unit), fact_location(fact))
                  for v in values + [fact.value] if v]
    return found


# "…涉及预算拨款 39,560.87 万元，均为一般公共预算拨款": the whole amount claimed for one source
ALL_OF_ONE_FUND = regexes.compile(r"(?:均|全部|全)(?:为|是|系|属于?)(?P<fund>一般公共预算|财政)拨款")


@rule("NARRATIVE.FUND_CLAIM", category="narrative_vs_table", severity="warning",
      title_zh="说明称全部为财政拨款的金额不超过财政拨款总额",
      title_en="An amount said to be all 财政拨款 fits within the 财政拨款")
def fund_claim(doc: Document) -> Iterator[Finding]:
    """An amount the narrative says is all 一般公共预算拨款 (or all 财政拨款) — “涉及预算拨款
    39,560.87 万元，均为一般公共预算拨款” — cannot exceed the department's whole 财政拨款 as
    the document states it (财政拨款收支总预算); when it matches the department's 项目支出 of
    every source, that is named too.

    Passes: 财政拨款收支总预算 18,728.91 万元；“涉及预算拨款 6,593.94 万元，均为一般公共预算拨款”.
    Fails:  财政拨款收支总预算 18,728.91 万元；“涉及预算拨款 39,560.87 万元，均为一般公共预算拨款”.
    """
    caps = [f for f in narrative_facts(doc, "fiscal_grand_total") if f.value]
    if not caps:
        return
    cap = min(caps, key=lambda f: in_unit(f.value or 0.0, f.unit, "万元"))
    ceiling = Interval.printed(in_unit(cap.value or 0.0, cap.unit, "万元"), cap.decimals)
    for fact in narrative_facts(doc, "performance_coverage"):
        claim = ALL_OF_ONE_FUND.search(fact.text)
        if fact.value is None or claim is None:
            continue
        stated = Interval.printed(in_unit(fact.value, fact.unit, "万元"), fact.decimals)
        if stated.low <= ceiling.high:
            continue
        fund = f"{claim.group('fund')}拨款"
        projects = _all_funds_projects(doc, stated)
        text = (f"说明称 {fmt(fact.value)} {fact.unit or '万元'}“{claim.group(0)}”，超过财政拨款"
                f"收支总额 {fmt(cap.value or 0.0)} {cap.unit or '万元'}，不可能全部是{fund}"
                + ("；该数是部门支出总表中全部资金的项目支出" if projects else ""))
        text_en = (f"{fmt(fact.value)} is said to be all {claim.group('fund')} funding, but the "
                   f"department's whole 财政拨款 is {fmt(cap.value or 0.0)}")
        locations = [fact_location(fact), fact_location(cap), *projects]
        yield make_finding("NARRATIVE.FUND_CLAIM", locations,
                           {"reported": fact.value, "ceiling": cap.value},
                           **finding_args(text, text_en))


def _all_funds_projects(doc: Document, stated: Interval) -> list[Location]:
    """The 部门支出总表's 项目支出 cell, when it is the amount stated."""
    cell = _total_cell(doc, "expenditure", "project")
    if cell is None:
        return []
    table, row, key = cell
    printed = Interval.printed(in_unit(row.values[key], table.unit or doc.unit, "万元"),
                               row.decimals.get(key, 2))
    return [_cell_location(cell)] if printed.meets(stated) else []
