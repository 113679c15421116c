"""The department form's funding block: income and expenditure 合计 agree in every year
column, the expenditure classes add up to their 合计, and the current year matches the tables."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.model import Document, Finding, Location
from yusuan.rules.common import Amount, equal_finding, sum_finding
from yusuan.rules.engine import rule
from yusuan.rules.messages import register_messages
from yusuan.rules.project_common import dept_form, printed

register_messages({
    "PROJECT.DEPT_FUNDING": {
        "zh": "部门整体绩效目标表{what}（{year}）{reported} ≠ {other} {computed}，差 {difference}",
        "en": "Department form {what} ({year}) {reported} ≠ {other} {computed}, "
              "difference {difference}",
    },
})

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
    """Passes: 933.79 = 430.24 + 94.62 + 408.93. Fails: 7940.73 vs 7940.74 in one column."""
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
        if income and spent and (found := equal_finding(
                "PROJECT.DEPT_FUNDING", spent, income, "支出合计", other="收入合计",
                year=label)):
            yield found
        if spent and len(parts) == len(CLASSES) and (found := sum_finding(
                "PROJECT.DEPT_FUNDING", spent, parts, "支出合计", other="各类支出之和",
                year=label)):
            yield found
    yield from _against_tables(doc, funding)


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
