"""The department form's funding block: income and expenditure 合计 agree in every year
column, the expenditure classes add up to their 合计, and the current year matches the tables."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location
from yusuan.recognise.projects.model import DeptForm
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import Amount, equal_finding, sum_finding
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.projects.common import dept_form, printed

register_messages({
    "PROJECT.DEPT_FUNDING": {
        "zh": "部门整体绩效目标表{what}（{year}）{reported} ≠ {other} {computed}，差 {difference}",
        "en": "Department form {what} ({year}) {reported} ≠ {other} {computed}, "
              "difference {difference}",
    },
    "PROJECT.DEPT_BLANK": {
        "zh": "部门整体绩效目标表资金情况未填金额：{labels}{filled}",
        "en": "Department form: no amount given for {labels_en}{filled_en}",
    },
})

REQUIRED = {"财政拨款": "财政拨款", "income_total": "收入合计", "expenditure_total": "支出合计",
            "基本支出": "基本支出", "项目支出": "项目支出", "人员类项目支出": "人员类项目支出",
            "运转类项目支出": "运转类项目支出", "特定目标类项目支出": "特定目标类项目支出"}
CLASSES = ("人员类项目支出", "运转类项目支出", "特定目标类项目支出")
HEADLINE = (("expenditure_total", "total_expenditure", "本年支出合计", "支出合计"),
            ("人员类项目支出", "personnel_funds", "人员经费", "人员类项目支出"),
            ("运转类项目支出", "public_funds", "公用经费", "运转类项目支出"))


@rule("PROJECT.DEPT_FUNDING", category="arithmetic", severity="warning",
      title_zh="部门整体绩效目标表资金情况自洽并与报表一致",
      title_en="The department form's funding block adds up and matches the tables",
      rationale="Each year column's 收入合计 equals its 支出合计 and the sum of 人员类, 运转类 "
                "and 特定目标类; the current year's figures are the tables' 本年支出合计, "
                "人员经费 and 公用经费.")
def dept_funding(doc: Document) -> Iterator[Finding]:
    """Passes: 900.00 = 400.00 + 120.00 + 380.00. Fails: 900.00 vs 900.01 in one column."""
    dept = dept_form(doc)
    if dept is None:
        return
    funding = dept.funding
    full = all(len(funding.get(k, {})) == 1 + len(dept.years)
               for k in ("income_total", "expenditure_total"))
    for year in ["current", *dept.years] if full else ["current"]:
        label = "当年" if year == "current" else f"{year}年"
        income = printed(funding.get("income_total", {}).get(year), "dept_performance")
        spent = printed(funding.get("expenditure_total", {}).get(year), "dept_performance")
        parts = [a for c in CLASSES
                 if (a := printed(funding.get(c, {}).get(year), "dept_performance"))]
        if found := _balance(income, spent, label):
            yield found
        if spent and len(parts) == len(CLASSES) and (found := sum_finding(
                "PROJECT.DEPT_FUNDING", spent, parts, "支出合计", other="各类支出之和",
                year=label)):
            yield found
    if not full:
        yield from _single_prior_column(funding)
    yield from _against_tables(doc, funding)


def _single_prior_column(funding: dict) -> Iterator[Finding]:
    """Only one of the prior-year columns filled: its 收入合计 and 支出合计 still agree. Which
    year the figures stand under is uncertain when a column is left blank, so no year is named."""
    prior = {key: [a for year, a in funding.get(key, {}).items() if year != "current"]
             for key in ("income_total", "expenditure_total")}
    if any(len(amounts) != 1 for amounts in prior.values()):
        return
    income = printed(prior["income_total"][0], "dept_performance")
    spent = printed(prior["expenditure_total"][0], "dept_performance")
    if found := _balance(income, spent, "近两年所填的一列", severity="info"):
        yield found


def _balance(income: Amount | None, spent: Amount | None, year: str,
             severity: str | None = None) -> Finding | None:
    """A year column's 支出合计 against its 收入合计."""
    if income is None or spent is None:
        return None
    return equal_finding("PROJECT.DEPT_FUNDING", spent, income, "支出合计", other="收入合计",
                         year=year, severity=severity)


def _against_tables(doc: Document, funding: dict) -> Iterator[Finding]:
    for key, head, other, what in HEADLINE:
        mine = printed(funding.get(key, {}).get("current"), "dept_performance")
        stated = doc.headline.get(head)
        if mine is None or not stated or stated.get("value") is None:
            continue
        table = Amount(float(stated["value"]), 2, Location(int(stated.get("line", 0)),
                                                            name=head))
        found = equal_finding("PROJECT.DEPT_FUNDING", mine, table, what,
                              other=other, year="当年")
        if found:
            yield found


@rule("PROJECT.DEPT_BLANK", category="missing_content", severity="warning",
      title_zh="部门整体绩效目标表资金金额已填写",
      title_en="The department form's funding amounts are filled in",
      rationale="The 资金情况 block of the 部门整体支出绩效目标表 states the year's 财政拨款, "
                "基本支出, 项目支出 and their 合计; a row printed with no amount leaves the "
                "form without its budget.")
def dept_blank(doc: Document) -> Iterator[Finding]:
    """Passes: every row has its amount. Fails: 财政拨款 and 合计 rows printed empty."""
    dept = dept_form(doc)
    if dept is None:
        return
    blank = {k: n for k, n in dept.blank.items() if k in REQUIRED}
    if not blank or any(amounts_below(doc, line) for line in blank.values()):
        return  # the labels head columns whose amounts stand on the next line: not blank
    filled = [(k, a.line) for k, v in dept.funding.items()
              if (a := v.get("current")) is not None]
    names = "、".join(REQUIRED[k] for k in blank)
    shown = "；仅填写" + "、".join(_filled(dept, k) for k, _ in filled) if filled else ""
    locations = [Location(n, table="dept_performance", name=REQUIRED[k])
                 for k, n in sorted(blank.items(), key=lambda kv: kv[1])]
    locations += [Location(n, table="dept_performance", name=_label(k)) for k, n in filled]
    yield make_finding("PROJECT.DEPT_BLANK", locations, {"blank": list(blank)},
                       labels=names, labels_en=", ".join(blank), filled=shown,
                       filled_en=f" (only {', '.join(k for k, _ in filled)} filled)"
                       if filled else "")


_AMOUNT = regexes.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\d%])|(?<![\d.])\d+\.\d+(?!%)")


FUNDING_LABELS = regexes.compile(r"^(财政拨款|其他资金|合计|收入合计|支出合计|基本支出|项目支出)")


def amounts_below(doc: Document, line: int) -> bool:
    """One of the two lines after `line` holds two or more amounts and is not the next funding
    row ("其他资金 | 1,055.00"): the figures of a header row whose labels head columns."""
    for number in (line + 1, line + 2):
        text = doc.line_text(number).strip()
        amounts = [m for m in _AMOUNT.findall(text) if "." in m or "," in m]
        if len(amounts) >= 2 and not FUNDING_LABELS.match(text.replace(" ", "")):
            return True
    return False


def _label(key: str) -> str:
    return REQUIRED.get(key, key)


def _filled(dept: DeptForm, key: str) -> str:
    amount = dept.funding[key]["current"]
    return f"{_label(key)} {amount.value:.{amount.decimals}f}"
