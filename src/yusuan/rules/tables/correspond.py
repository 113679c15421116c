"""Functional ↔ economic correspondences in a single-source (一般公共预算 only) document.

These are accounting conventions rather than identities, so a mismatch is a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.model import Document, Finding, Location, Table
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import Amount, amount, equal_finding
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.engine.sources import is_single_source

register_messages({
    "FUNC_ECON": {
        "zh": "经济分类 {economic} 为 {reported}，功能分类 {functional} 基本支出为 {computed}，差 {difference}",
        "en": "Economic {economic} is {reported}, functional {functional} basic spending "
              "{computed}, difference {difference}",
    },
    "FUNC_ECON.PUBLIC": {
        "zh": "{what}：{reported} 与公用经费合计 {computed} 不符，差 {difference}",
        "en": "{what}: {reported} differs from the public-funds total {computed}, "
              "difference {difference}",
    },
    "FUNC_ECON.PERSONNEL": {
        "zh": "{what}：人员经费 {reported} ≠ 301 + 303 之和 {computed}，差 {difference}",
        "en": "{what}: personnel funds {reported} ≠ 301 + 303 {computed}, "
              "difference {difference}",
    },
    "FUNC_ECON.TRANSFERS_DEFINED_AWAY": {
        "zh": "303 对个人和家庭的补助有 {amount} 列在公用经费栏，而本文件的名词解释称人员经费包括对个人和家庭的补助",
        "en": "{amount} of 303 (transfers to individuals and families) stands in the public-funds "
              "column, though the document's own glossary counts those transfers as personnel funds",
    },
    "FUNC_ECON.GOODS_AS_PERSONNEL": {
        "zh": "302 商品和服务支出中有 {amount} 列在人员经费（人员类）栏，人员经费与公用经费已按此核对",
        "en": "{amount} of 302 (goods and services) stands in the personnel column; personnel and "
              "public funds were checked accordingly",
    },
    "FUNC_ECON.CONTRIBUTION_AS_PUBLIC": {
        "zh": "{code} {name}（对应经济分类 {economic}，属人员经费）在{title}的公用经费栏列 {amount}",
        "en": "{code} {name} (economic {economic}, a personnel cost) has {amount} in the "
              "public-funds column of {title}",
    },
    "FUNC_ECON.TRANSFERS_AS_PUBLIC": {
        "zh": "303 对个人和家庭的补助中有 {amount} 列在公用经费栏，人员经费与公用经费已按此核对",
        "en": "{amount} of 303 (transfers to individuals and families) stands in the public-funds "
              "column; personnel and public funds were checked accordingly",
    },
})

@dataclass(frozen=True, slots=True)
class Correspondence:
    """An economic 款 whose basic spending is booked on the given functional 项 (or, where
    the 项 are not printed, on their 款). `extra` may be booked on the same 项 as well."""

    economic: str
    functional: tuple[str, ...]
    extra: tuple[str, ...] = ()

    @property
    def family(self) -> str:
        return self.functional[0][:5]


PAIRS: tuple[Correspondence, ...] = (
    Correspondence("30108", ("2080505",)),
    Correspondence("30109", ("2080506",)),
    Correspondence("30110", ("2101101", "2101102")),
    Correspondence("30111", ("2101103",), extra=("30307",)),  # 医疗费补助 is charged there too
    Correspondence("30113", ("2210201",)),
)


@dataclass(slots=True)
class Pair:
    """The basic-spending table by economic class beside the table by function."""

    basic: Table
    functional: Table


def _general_budget(table: Table) -> bool:
    return "一般公共预算" in table.title


def tables_pair(doc: Document) -> Pair | None:
    """The basic and functional tables, when both cover the same (一般公共预算) funds."""
    basic = doc.table("basic_expenditure")
    functional = doc.table("general_budget_expenditure")
    if basic is None or functional is None:
        return None
    same_funds = _general_budget(basic) and _general_budget(functional)
    return Pair(basic, functional) if same_funds or is_single_source(doc) else None


def summed(doc: Document, table: Table, codes: tuple[str, ...], key: str) -> Amount | None:
    """Σ of `codes` in `table` under `key`; None when none of them is printed, or when one is
    printed more than once (the table lists each budget unit's lines: no one line is the
    whole)."""
    if key == "total" and not table.column("total") and table.column("actual"):
        key = "actual"
    if any(sum(row.code == code for row in table.rows) > 1 for code in codes):
        return None
    found = [amount(doc, table, row, key) for code in codes
             if (row := table.row_by_code(code)) is not None]
    present = [a for a in found if a is not None]
    if not present:
        return None
    return Amount(sum(a.value for a in present), max(a.decimals for a in present),
                  present[0].location)


def _functional_basic(doc: Document, table: Table, codes: tuple[str, ...]) -> Amount | None:
    key = "basic" if table.column("basic") else "total"
    return summed(doc, table, codes, key)


def _check(doc: Document, pair: Pair, spec: Correspondence) -> Finding | None:
    """The pair's finding, or None when it agrees (with or without its `extra` lines)."""
    right = _functional_basic(doc, pair.functional, spec.functional)
    codes = tuple(spec.economic.split("+"))
    left = summed(doc, pair.basic, codes, "total")
    if right is None or left is None:
        return None
    readings = [(spec.economic, left)]
    with_extra = summed(doc, pair.basic, (*codes, *spec.extra), "total")
    if spec.extra and with_extra is not None and with_extra.value != left.value:
        readings.append(("+".join((spec.economic, *spec.extra)), with_extra))
    functional = "+".join(spec.functional)
    found = [equal_finding("FUNC_ECON.PAIRS", amount_, right, f"{label} ↔ {functional}",
                           message_id="FUNC_ECON",
                           economic=label, functional=functional)
             for label, amount_ in readings]
    if any(f is None for f in found):
        return None
    return min(found, key=lambda f: abs(f.values["difference"]))  # type: ignore[union-attr]


def _checks(doc: Document, pair: Pair) -> list[tuple[Correspondence, Finding]]:
    out = []
    for spec in PAIRS:
        found = _check(doc, pair, spec)
        if found is not None and _sibling_booked_here(doc, pair, spec):
            family = [p for p in PAIRS if p.family == spec.family]
            found = _check(doc, pair, Correspondence(
                "+".join(p.economic for p in family),
                tuple(code for p in family for code in p.functional)))
        elif found is None and pair.functional.row_by_code(spec.functional[0]) is None:
            # the 项 are not printed: compare the economic lines of the whole 款
            family = tuple(p.economic for p in PAIRS if p.family == spec.family)
            if spec.economic == family[0]:
                found = _check(doc, pair, Correspondence("+".join(family), (spec.family,)))
        if found is not None:
            out.append((spec, found))
    return out


def _sibling_booked_here(doc: Document, pair: Pair, spec: Correspondence) -> bool:
    """Another contribution of the family (30111 公务员医疗补助) has an amount but no 项 of its
    own (no 2101103 printed): it is booked under a printed sibling 项, which the pair alone
    would take for a second amount of the same contribution."""
    for sibling in PAIRS:
        if sibling is spec or sibling.family != spec.family:
            continue
        economic = summed(doc, pair.basic, tuple(sibling.economic.split("+")), "total")
        if economic is not None and economic.value and all(
                pair.functional.row_by_code(code) is None for code in sibling.functional):
            return True
    return False


@rule("FUNC_ECON.PAIRS", category="cross_table", severity="error",
      title_zh="经济分类与功能分类对应科目一致",
      title_en="Economic lines match their functional counterparts",
      tables=("basic_expenditure",),
      rationale="30108 ↔ 2080505, 30109 ↔ 2080506, 30110 ↔ 2101101 + 2101102, 30111 (+ 30307 "
                "医疗费补助) ↔ 2101103, 30113 ↔ 2210201 in the 一般公共预算 basic tables: the "
                "same contribution booked at two amounts. One finding per functional 款; a "
                "contribution whose 项 is not printed is compared with its family as a whole.")
def economic_matches_functional(doc: Document) -> Iterator[Finding]:
    """Basic spending on a social-insurance or housing-fund line equals its functional 项
    (info when every pair shows more on the economic side: a convention of the document).

    Passes: 30108 34.27; 2080505 basic 34.27.  30111 21.89 + 30307 1.10; 2101103 22.99.
    Fails:  30113 23.15; 2210201 basic 18.06.
    """
    pair = tables_pair(doc)
    if pair is None:
        return
    checks = _checks(doc, pair)
    systematic = _all_economic_above(doc, pair, checks)
    by_family: dict[str, list[Finding]] = {}
    for spec, found in checks:
        if found.severity == "info":
            yield found
        elif systematic:
            found.severity = "info"
            yield found
        else:
            by_family.setdefault(spec.family, []).append(found)
    for group in by_family.values():
        yield group[0] if len(group) == 1 else _combined(group)


ADMINISTRATIVE_ITEMS = ("行政运行", "一般行政管理事务", "机关服务", "事业运行")


def _all_economic_above(doc: Document, pair: Pair,
                        checks: list[tuple[Correspondence, Finding]]) -> bool:
    """Every pair (three or more) shows more on the economic line than on its functional 项,
    and the functional table books basic spending on the 项 of units' own work (公立医院,
    学前教育…) that could hold the difference: units that book part of these contributions
    under their work's 项 — a convention of the whole document, not a misprinted figure."""
    serious = [found for _, found in checks if found.severity != "info"]
    if len(serious) < 3 or any(f.values["difference"] <= 0 for f in serious):
        return False
    families = {spec.family for spec in PAIRS}
    key = "basic" if pair.functional.column("basic") else "total"
    own_work = sum(row.values.get(key) or 0.0 for row in pair.functional.rows
                   if row.code and len(row.code) == 7 and row.code[:5] not in families
                   and not row.name.strip().startswith(("其他", *ADMINISTRATIVE_ITEMS)))
    return own_work >= sum(f.values["difference"] for f in serious)


def _combined(group: list[Finding]) -> Finding:
    first = group[0]
    locations = [loc for f in group for loc in f.locations]
    values = {"difference": round(sum(f.values["difference"] for f in group), 2)}
    return Finding(first.rule, first.severity, first.category,
                   "；".join(f.message for f in group), locations, values,
                   folded=[f.message for f in group[1:]], message_id=first.message_id,
                   args=first.args)


@rule("FUNC_ECON.PUBLIC", category="cross_table", severity="warning",
      title_zh="商品和服务支出与公用经费对应", title_en="302 matches public funds",
      tables=("basic_expenditure",),
      rationale="公用经费 is 302 商品和服务支出 (+ 310 资本性支出 where printed).")
def goods_and_services_is_public(doc: Document) -> Iterator[Finding]:
    """302 (+ 310) in the basic table = 公用经费 合计.

    Passes: 302 1.00, 公用经费 合计 1.00.  Fails: 302 1.00, 公用经费 合计 2.00.
    """
    for table in doc.tables_of("basic_expenditure"):
        total_row = table.total_row()
        public = amount(doc, table, total_row, "public") if total_row else None
        transfers = _transfers_as_public(doc, table)
        goods = _goods_as_personnel(doc, table)
        with_capital = _less(_plus(summed(doc, table, ("302", "310"), "total"), transfers), goods)
        only_302 = _less(_plus(summed(doc, table, ("302",), "total"), transfers), goods)
        if public is None or only_302 is None or with_capital is None:
            continue
        capital = "302 + 310" if with_capital.value != only_302.value else "302"
        checks = [equal_finding("FUNC_ECON.PUBLIC", c, public, label)
                  for c, label in ((with_capital, capital), (only_302, "302"))]
        if all(checks):
            yield checks[0]  # type: ignore[misc]


@rule("FUNC_ECON.PERSONNEL", category="cross_table", severity="warning",
      title_zh="人员经费等于工资福利与对个人和家庭的补助",
      title_en="Personnel funds = 301 + 303", tables=("basic_expenditure",),
      rationale="人员经费 covers 301 工资福利支出 and 303 对个人和家庭的补助; 303 is not 公用经费.")
def personnel_is_wages_and_transfers(doc: Document) -> Iterator[Finding]:
    """人员经费 合计 = 301 + 303, less the part of 303 the table itself prints in the 公用经费
    column (some provinces book 30399 there; noted at info) — unless the document's own 名词解释
    defines 人员经费 as 301 and 303, when that part contradicts it.

    Passes: 301 8.00, 303 1.00, 人员经费 合计 9.00.
    Fails:  301 8.00, 303 1.00, 人员经费 合计 8.00.
    """
    for table in doc.tables_of("basic_expenditure"):
        total_row = table.total_row()
        personnel = amount(doc, table, total_row, "personnel") if total_row else None
        transfers = _transfers_as_public(doc, table)
        parts = summed(doc, table, ("301", "303"), "total")
        goods = _goods_as_personnel(doc, table)
        parts = _plus(_less(parts, transfers), goods)
        if personnel is not None and parts is not None:
            found = equal_finding("FUNC_ECON.PERSONNEL", personnel, parts, table.title)
            if found:
                yield found
        yield from _transfers_defined_away(doc, table)
        if transfers is not None:
            yield make_finding("FUNC_ECON.PERSONNEL", [transfers.location], {},
                               severity="info", message_id="FUNC_ECON.TRANSFERS_AS_PUBLIC",
                               amount=transfers.value)
        if goods is not None:
            yield make_finding("FUNC_ECON.PERSONNEL", [goods.location], {},
                               severity="info", message_id="FUNC_ECON.GOODS_AS_PERSONNEL",
                               amount=goods.value)


# the document's own 名词解释: "人员经费指…“工资福利支出”和“对个人和家庭的补助”"
# (read without punctuation: some text layers print the punctuation on a line of its own)
_NOT_WORD = regexes.compile(r"\W")
_PERSONNEL_DEFINED = regexes.compile(r"人员经费(?:是|指|为|包括).{0,30}工资福利支出.{0,6}对个人和家庭的补助")


def defines_personnel_as_301_303(doc: Document) -> bool:
    """The document itself says 人员经费 is 工资福利支出 and 对个人和家庭的补助."""
    text = _NOT_WORD.sub("", "".join(line.text for line in doc.source.lines))
    return bool(_PERSONNEL_DEFINED.search(text))


def _transfers_as_public(doc: Document, table: Table) -> Amount | None:
    """The part of 303 the basic table prints in its 公用经费 column, when there is one and the
    document does not define 人员经费 as the whole of 301 and 303 (some provinces book 30399
    其他对个人和家庭的补助 as 公用经费)."""
    row = table.row_by_code("303")
    public = amount(doc, table, row, "public") if row else None
    if public is None or not public.value or defines_personnel_as_301_303(doc):
        return None
    return Amount(public.value, public.decimals,
                  Location(public.location.line, table.kind, "303", "public"))


def _goods_as_personnel(doc: Document, table: Table) -> Amount | None:
    """The part of 302 the basic table prints in its 人员经费 column (长沙's 人员类 books part of
    30299 there), when the document does not define 人员经费 as 301 and 303 alone."""
    row = table.row_by_code("302")
    personnel = amount(doc, table, row, "personnel") if row else None
    if personnel is None or not personnel.value or defines_personnel_as_301_303(doc):
        return None
    return Amount(personnel.value, personnel.decimals,
                  Location(personnel.location.line, table.kind, "302", "personnel"))


def _less(left: Amount | None, right: Amount | None) -> Amount | None:
    return _plus(left, right, -1)


def _transfers_defined_away(doc: Document, table: Table) -> Iterator[Finding]:
    """303 printed as 公用经费 although the document defines 人员经费 as 301 + 303."""
    row = table.row_by_code("303")
    public = amount(doc, table, row, "public") if row else None
    if public is None or not public.value or not defines_personnel_as_301_303(doc):
        return
    yield make_finding("FUNC_ECON.PERSONNEL",
                       [Location(public.location.line, table.kind, "303", "public")],
                       {"reported": public.value}, message_id="FUNC_ECON.TRANSFERS_DEFINED_AWAY",
                       amount=f"{public.value:.{public.decimals}f}")


def _plus(left: Amount | None, right: Amount | None, sign: int = 1) -> Amount | None:
    """`left` + `right` (− with sign −1) at `left`'s place; `left` when either is missing."""
    if left is None or right is None:
        return left
    return Amount(left.value + sign * right.value, max(left.decimals, right.decimals),
                  left.location)


# the functional 项 whose basic spending is a 301 工资福利 contribution (养老保险, 职业年金,
# 医疗保险, 住房公积金): 人员经费 by nature, never 公用经费
PERSONNEL_ITEMS = {code: pair.economic for pair in PAIRS if pair.economic.startswith("301")
                   for code in pair.functional}
SPLIT_TABLES = ("general_budget_expenditure", "basic_expenditure", "expenditure")


@rule("FUNC_ECON.CONTRIBUTION_AS_PUBLIC", category="classification", severity="warning",
      title_zh="社会保险和住房公积金缴费列在人员经费栏",
      title_en="Social-insurance and housing-fund contributions stand as personnel funds",
      tables=SPLIT_TABLES,
      rationale="养老保险、职业年金、医疗保险缴费 and 住房公积金 (2080505, 2080506, 2101101-03, "
                "2210201) are 301 工资福利支出: in a table that splits 基本支出 into 人员经费 and "
                "公用经费, their amount stands as 人员经费.")
def contribution_as_public(doc: Document) -> Iterator[Finding]:
    """A contribution 项 with an amount in the 公用经费 column.

    Passes: 2080506 机关事业单位职业年金缴费支出 32.05 under 人员经费.
    Fails:  2080506 机关事业单位职业年金缴费支出 32.05 under 公用经费.
    """
    for kind in SPLIT_TABLES:
        for table in doc.tables_of(kind):
            if not table.column("personnel") or not table.column("public"):
                continue
            for row in table.rows:
                public = amount(doc, table, row, "public") if row.code in PERSONNEL_ITEMS else None
                if public is None or not public.value:
                    continue
                yield make_finding("FUNC_ECON.CONTRIBUTION_AS_PUBLIC",
                                   [Location(public.location.line, table.kind, row.code, "public",
                                             page=row.page)],
                                   {"amount": public.value}, code=row.code, name=row.name,
                                   economic=PERSONNEL_ITEMS[row.code or ""], title=table.title,
                                   amount=f"{public.value:.{public.decimals}f}")
