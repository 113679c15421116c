"""三公经费: the table adds up, and agrees with the economic lines of the basic table."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Table, TableRow
from yusuan.recognise.columns import label_key, path_key
from yusuan.rules.engine import FINAL_KINDS, make_finding, remembered, rule, rule_memo
from yusuan.rules.engine.common import (
    Amount,
    amount,
    equal_finding,
    row_label,
    sum_finding,
    table_unit,
)
from yusuan.rules.engine.confidence import PROVEN as _PROVEN
from yusuan.rules.engine.confidence import TABLE_PROVEN as _TABLE_PROVEN
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.engine.tolerance import Verdict, compare_equal

register_messages({
    "SANGONG.TOTAL": {
        "zh": "三公经费{what}{column} {reported} ≠ {items} {computed}，差 {difference}",
        "en": "Three public expenses{what} {column} {reported} ≠ {items} {computed}, "
              "difference {difference}",
    },
    "SANGONG.ECONOMIC": {
        "zh": "基本支出表 {code} 为 {reported}，三公经费表{column}为 {computed}，差 {difference}",
        "en": "Basic table {code} is {reported}, three-public-expenses {column} {computed}, "
              "difference {difference}",
    },
})

# the 三公 table may print a 预算 and a 决算 group side by side
PREFIXES = ("", "budget_", "actual_")
GROUP_NAMES = {"budget_": "预算数", "actual_": "决算数"}
ECONOMIC_LINES = (("30212", "outbound"), ("30217", "reception"),
                  ("30231", "vehicle_operation"), ("31013", "vehicle_purchase"))


def key_of(prefix: str, name: str) -> str:
    return prefix.rstrip("_") if name == "total" and prefix else prefix + name


def group_keys(table: Table) -> dict[str, dict[str, str]]:
    """The 预算数 and 决算数 groups of a 三公 table printed side by side, read from the column
    headers: 'budget_' / 'actual_' → {total, outbound, vehicle, …} → the column key (the
    second group's keys carry a position suffix: outbound_2). Asked for every cell a rule
    reads: worked out once a rule."""
    return remembered(rule_memo(), ("sangong_group_keys", id(table)), (table,),
                      lambda: _group_keys(table))


def _group_keys(table: Table) -> dict[str, dict[str, str]]:
    groups: dict[str, dict[str, str]] = {}
    for column in table.columns:
        if len(column.header) < 2 or label_key(column.header[0]) not in ("budget", "actual"):
            continue
        name = path_key(column.header[1:])
        if name is not None:
            groups.setdefault(f"{label_key(column.header[0])}_", {}).setdefault(name, column.key)
    return groups


def column_of(table: Table, prefix: str, name: str) -> str:
    """The key of `name` in the group `prefix` ("" for a table of one group)."""
    return group_keys(table).get(prefix, {}).get(name) or key_of(prefix, name)


def _prefixes(table: Table) -> tuple[str, ...]:
    groups = group_keys(table)
    return tuple(p for p in ("budget_", "actual_") if p in groups) or PREFIXES


def data_rows(table: Table) -> list[TableRow]:
    return [r for r in table.rows if r.values]


def _check(doc: Document, table: Table, row: TableRow, prefix: str, total: str,
           parts: tuple[str, ...], shown: str) -> Finding | None:
    whole = amount(doc, table, row, column_of(table, prefix, total))
    if whole is None and not prefix and total == "total":
        whole = amount(doc, table, row, "budget")  # 合计 under 本年预算数, beside 上年预算数
    found = [amount(doc, table, row, column_of(table, prefix, p)) for p in parts]
    present = [a for a in found if a is not None]
    if whole is None or not present:
        return None
    # a blank part could only fill a gap where the total exceeds the parts
    blank = len(present) < len(parts) and whole.value > sum(a.value for a in present)
    severity = "warning" if blank else None
    label = f"（{GROUP_NAMES.get(prefix, prefix.rstrip('_'))}）" if prefix else ""
    return sum_finding("SANGONG.TOTAL", whole, present, label, severity=severity,
                       column=total, items=shown)


@rule("SANGONG.TOTAL", category="arithmetic", title_zh="三公经费合计等于各项之和",
      title_en="Three public expenses add up", tables=("sangong",),
      rationale="合计 = 因公出国(境) + 公务用车购置及运行 + 公务接待; 公务用车购置及运行 = 购置 + 运行; "
                "where 会议费 and 培训费 stand beside them, their 合计 = 三公 + 会议费 + 培训费.")
def sangong_adds_up(doc: Document) -> Iterator[Finding]:
    """total = outbound + vehicle + reception; vehicle = purchase + operation; a 合计 of 三公,
    会议费 and 培训费 = their sum.

    Passes: total 3.20, vehicle 3.20 (operation 3.20), reception blank.
    Fails:  total 3.20, vehicle 3.20, reception 3.20.
    """
    for table in doc.tables_of("sangong"):
        if _sums_checked_by_years(table):
            continue  # SANGONG.MEETING_TRAINING checks these sums, year by year, on a proven reading
        for row in data_rows(table):
            for prefix in _prefixes(table):
                checks = (
                    _check(doc, table, row, prefix, "total",
                           ("outbound", "vehicle", "reception"), "因公出国(境)+公务用车+公务接待"),
                    _check(doc, table, row, prefix, "vehicle",
                           ("vehicle_purchase", "vehicle_operation"), "购置+运行"),
                    _check(doc, table, row, prefix, "total_with_meetings",
                           ("total", "meeting", "training"), "三公经费+会议费+培训费"),
                )
                yield from (c for c in checks if c)


def sangong_amount(doc: Document, key: str) -> Amount | None:
    """The 三公 table's figure for `key`: of the 决算数 group in a 决算 (its 基本支出表 holds
    决算 figures), else of the 预算数."""
    for table in doc.tables_of("sangong"):
        groups = group_keys(table)
        order = ("actual_", "budget_") if doc.kind in FINAL_KINDS else ("budget_", "actual_")
        prefixes = [p for p in order if p in groups] or ["", "budget_"]
        for row in data_rows(table):
            for prefix in prefixes:
                found = amount(doc, table, row, column_of(table, prefix, key))
                if found is not None:
                    return found
    return None


def same_units(doc: Document, basic: Table) -> bool:
    """The 三公 tables print in the basic table's unit (上海: 元 beside a 三公 table in 万元)."""
    return all(table_unit(doc, t) == table_unit(doc, basic) for t in doc.tables_of("sangong"))


@rule("SANGONG.ECONOMIC", category="cross_table", title_zh="三公经费与经济分类科目一致",
      title_en="Three public expenses agree with the economic lines",
      tables=("sangong", "basic_expenditure"),
      rationale="30212 因公出国(境), 30217 公务接待, 30231 公务用车运行维护 and 31013 公务用车购置 of "
                "the basic table cannot exceed the 三公 table; a smaller basic line is a warning, "
                "or info when the document's 项目支出 could carry the rest.")
def sangong_matches_economic(doc: Document) -> Iterator[Finding]:
    """A basic-table 三公 line ≤ the 三公 table figure (equal unless projects carry some).

    Passes: 30217 0.42; 三公 reception 0.42.
    Fails:  30231 3.20; 三公 vehicle_operation blank and reception 3.20 → 30231 3.20 vs 0 (skipped
    when blank); 30217 1.00 vs reception 0.50 → error.
    """
    basic = doc.table("basic_expenditure")
    if basic is None or not same_units(doc, basic):
        return
    for code, key in ECONOMIC_LINES:
        row = basic.row_by_code(code)
        line = amount(doc, basic, row, "total") if row else None
        figure = sangong_amount(doc, key)
        if line is None or figure is None:
            continue
        cmp = compare_equal(line.printed, figure.printed)
        severity = None
        if cmp.verdict is Verdict.MISMATCH and line.value < figure.value:
            carried = figure.value - line.value <= _project_spending(doc) + 1e-9
            severity = "info" if carried else "warning"
        found = equal_finding("SANGONG.ECONOMIC", line, figure, code, severity=severity,
                              code=code, column=key)
        if found:
            yield found


def _project_spending(doc: Document) -> float:
    """The 项目支出 the 三公 table may include beyond the basic table (0 when none is shown)."""
    stated = doc.headline.get("project_expenditure") or {}
    value = stated.get("value")
    return float(value) if value else 0.0


register_messages({
    "SANGONG.COLUMN": {
        "zh": "三公经费表{column}为 {reported}，基本支出表无对应的 {code}；而基本支出表 {other_code} "
              "为 {computed}，三公经费表{other_column}却为空：数额可能填错栏次",
        "en": "Three public expenses: {column} is {reported} with no {code} in the basic table, "
              "while the basic table's {other_code} is {computed} and {other_column} is blank: "
              "the figure may sit in the wrong column",
    },
})


def _basic_value(doc: Document, basic: Table, code: str) -> Amount | None:
    row = basic.row_by_code(code)
    return amount(doc, basic, row, "total") if row else None


@rule("SANGONG.COLUMN", category="cross_table", severity="warning",
      title_zh="三公经费填错栏次", title_en="A 三公 figure in the wrong column",
      tables=("sangong", "basic_expenditure"),
      rationale="A 三公 item with no economic line, while another item's economic line carries "
                "exactly that amount and its 三公 cell is blank: the amount was typed into the "
                "wrong column (公务接待费 for 公务用车运行费).")
def sangong_in_wrong_column(doc: Document) -> Iterator[Finding]:
    """Passes: reception 3.20; 30217 3.20.
    Fails:  reception 3.20, vehicle_operation blank; no 30217, 30231 3.20.
    """
    basic = doc.table("basic_expenditure")
    if basic is None or not same_units(doc, basic) or not any(
            r.code and r.code.startswith("302") and len(r.code) == 5 for r in basic.rows):
        return
    for code, key in ECONOMIC_LINES:
        figure = sangong_amount(doc, key)
        own = _basic_value(doc, basic, code)
        if figure is None or not figure.value or (own is not None and own.value):
            continue
        for other_code, other_key in ECONOMIC_LINES:
            other = _basic_value(doc, basic, other_code)
            other_cell = sangong_amount(doc, other_key)
            if other is None or (other_cell is not None and other_cell.value) or \
                    compare_equal(figure.printed, other.printed).verdict is Verdict.MISMATCH:
                continue
            yield make_finding("SANGONG.COLUMN", [figure.location, other.location],
                               {"reported": figure.value, "computed": other.value},
                               column=key, code=code, other_code=other_code,
                               other_column=other_key, reported=figure.value,
                               computed=other.value)
            break


register_messages({
    "SANGONG.MEETING_TRAINING": {
        "zh": "三公经费及会议费、培训费表{group}{what}：{row}{reported} ≠ {items} {computed}，"
              "差 {difference}{others}",
        "en": "Three public expenses, meetings and training {group}{what}: {row}{reported} ≠ "
              "{items} {computed}, difference {difference}{others}",
    },
})

# a column's part in one year block of the 三公及会议费、培训费 table, by the words its header
# path holds (printed headers are often clipped: 因公出国（, 务用车购置及运行维护, 费会议费)
_ROLE_WORDS = (("meeting", "会议"), ("training", "培训"), ("outbound", "出国"),
               ("reception", "接待"), ("purchase", "购置费"), ("purchase", "购置经费"),
               ("operation", "运行"))
# (sum, its parts, how the page names them)
_IDENTITIES = (("total", ("subtotal", "meeting", "training"), "合计", "三公小计+会议费+培训费"),
               ("subtotal", ("outbound", "reception", "vehicle"), "三公小计",
                "因公出国(境)+公务接待+公务用车"),
               ("vehicle", ("purchase", "operation"), "公务用车小计", "购置+运行"))


def _role(path: list[str]) -> str | None:
    last = regexes.sub(r"\s+", "", path[-1])
    if len(path) == 2 and last in ("合计", "总计"):
        return "total"
    if "购置" in last and "运行" in last:
        return "vehicle"
    if last == "小计":
        return {3: "subtotal", 4: "vehicle"}.get(len(path))
    return next((role for role, word in _ROLE_WORDS if word in last), None)


def year_blocks(table: Table) -> list[tuple[str, dict[str, str]]]:
    """The table's blocks (上年, 本年, 增减) in column order: each its top header and its roles
    → column key; none unless every block has each role once and 会议费 and 培训费 are there."""
    blocks: dict[str, dict[str, list[str]]] = {}
    for column in table.columns:
        role = _role(column.header) if len(column.header) >= 2 else None
        if role:
            blocks.setdefault(column.header[0], {}).setdefault(role, []).append(column.key)
    out = [(top, {role: keys[0] for role, keys in roles.items()})
           for top, roles in blocks.items()]
    if len(out) != 3 or any(len(keys) != 1 for roles in blocks.values()
                            for keys in roles.values()):
        return []
    if not all({"total", "meeting", "training"} <= set(roles) for _, roles in out):
        return []
    return out


def _value(row: TableRow, key: str | None) -> float:
    return float(row.values.get(key) or 0.0) if key else 0.0


def change_proves_reading(table: Table, blocks: list[tuple[str, dict[str, str]]]) -> bool:
    """The third block is the second less the first in every cell of every row: the columns
    were read where the page prints them (a shifted column breaks this at once)."""
    (_, before), (_, after), (top, change) = blocks
    if "增减" not in top:
        return False
    checked = 0
    for row in data_rows(table):
        for role, key in change.items():
            if role not in before or role not in after:
                continue
            gap = _value(row, key) - (_value(row, after[role]) - _value(row, before[role]))
            if abs(gap) > 0.011:
                return False
            checked += 1
    return checked >= 8


def proven_year_blocks(table: Table) -> list[tuple[str, dict[str, str]]]:
    """The table's year blocks when its 增减 block proves them read where they are printed,
    else none."""
    blocks = year_blocks(table)
    return blocks if blocks and change_proves_reading(table, blocks) else []


# the parts of a year block whose sums SANGONG.TOTAL checks (合计, 三公, 公务用车)
_TOTAL_ROLES = frozenset({"total", "subtotal", "meeting", "training", "outbound", "reception",
                          "vehicle"})


def _sums_checked_by_years(table: Table) -> bool:
    """SANGONG.MEETING_TRAINING checks the sums SANGONG.TOTAL would, on a proven reading: each
    year block prints every part of them (a block without its 三公小计 leaves 合计 to TOTAL)."""
    blocks = proven_year_blocks(table)
    return bool(blocks) and all(_TOTAL_ROLES <= set(roles) for _, roles in blocks[:2])


# a 三公 item as the narrative names it → its part in a year block
YEAR_ROLES = {"total": "subtotal", "outbound": "outbound", "reception": "reception",
              "vehicle": "vehicle", "vehicle_purchase": "purchase", "vehicle_operation": "operation",
              "meeting": "meeting", "training": "training"}


def prior_and_current(table: Table) -> tuple[dict[str, str], dict[str, str], dict[str, str]] | None:
    """The 上年, 本年 and 增减 blocks (each part → its column key) of a 三公、会议费、培训费
    table read with confidence (the 增减 block is the later year less the earlier in every
    cell), the earlier year's block first; None for any other table."""
    blocks = proven_year_blocks(table)
    if not blocks:
        return None
    (first_top, first), (second_top, second), (_, change) = blocks
    years = [regexes.search(r"(\d{4})", top) for top in (first_top, second_top)]
    if years[0] and years[1]:
        earlier = int(years[0].group(1)) < int(years[1].group(1))
    else:
        earlier = "上年" in first_top and "本年" in second_top
    return (first, second, change) if earlier else None


@rule("SANGONG.MEETING_TRAINING", category="arithmetic", severity="error",
      title_zh="三公经费及会议费、培训费表各年合计等于各项之和",
      title_en="The 三公, meetings and training table adds up in each year",
      tables=("sangong",),
      rationale="In each year block 合计 = 三公小计 + 会议费 + 培训费, 三公小计 = 因公出国(境) + "
                "公务接待 + 公务用车, 公务用车 = 购置 + 运行; checked only when the 增减 block is "
                "the later year less the earlier in every cell, which proves the columns were "
                "read where they are printed.")
def meeting_training_adds_up(doc: Document) -> Iterator[Finding]:
    """Passes: 合计 36.97 = 小计 2.86 + 会议费 4.32 + 培训费 29.79, 增减 = 本年 − 上年.
    Fails: 合计 24.08 with 小计 2.86, 会议费 4.32, 培训费 29.79 (the 增减 block agreeing)."""
    for table in doc.tables_of("sangong"):
        blocks = proven_year_blocks(table)
        for top, roles in blocks[:2]:
            for whole, parts, what, items in _IDENTITIES:
                if whole in roles and all(p in roles for p in parts):
                    yield from _block_sum(doc, table, top, roles, (whole, parts, what, items))


def _block_sum(doc: Document, table: Table, top: str, roles: dict[str, str],
               identity: tuple[str, tuple[str, ...], str, str]) -> Iterator[Finding]:
    """One finding per identity of a year block, at the first row it fails in (the 合计 row
    comes first), naming how many rows fail in all."""
    whole, parts, what, items = identity
    failing = []
    for row in data_rows(table):
        total = amount(doc, table, row, roles[whole])
        if total is None:
            continue
        present = [a for p in parts if (a := amount(doc, table, row, roles[p])) is not None]
        found = sum_finding("SANGONG.MEETING_TRAINING", total, present, what, group=top,
                            row=f"{row_label(row)} ", items=items, others="")
        if found is not None and found.severity != "info":
            failing.append(found)
    if failing:
        first = failing[0]
        others = f"（另有 {len(failing) - 1} 行同样不符）" if len(failing) > 1 else ""
        yield make_finding("SANGONG.MEETING_TRAINING", first.locations,
                           dict(first.values, **{_PROVEN: True, _TABLE_PROVEN: True}),
                           **dict(first.args, others=others))
