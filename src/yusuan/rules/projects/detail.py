"""测算明细 against the form: detail lines add up to the budget; quantity × price = amount."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location
from yusuan.recognise.projects.model import ProjectForm
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import Amount, sum_finding
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.engine.tolerance import Verdict, compare_values
from yusuan.rules.projects.common import form_project, printed, project_forms, table_amount

register_messages({
    "PROJECT.DETAIL_SUM": {
        "zh": "项目“{name}”{what} {reported} ≠ 测算明细合计 {computed}，差 {difference}",
        "en": "Project {name}: {what} {reported} ≠ Σ detail lines {computed}, "
              "difference {difference}",
    },
    "PROJECT.QTY_PRICE": {
        "zh": "项目“{name}”测算“{text}”：数量 × 单价 = {computed}，而金额为 {reported}，差 {difference}",
        "en": "Project {name}: quantity × price in \"{text}\" = {computed}, stated {reported}, "
              "difference {difference}",
    },
})

PRODUCT = regexes.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(元|万元)?\s*/?\s*([^\d\s*×xX，。；,、/]{0,3})\s*[*×xX]\s*"
                     r"(\d[\d,]*(?:\.\d+)?)\s*(元|万元)?\s*(?:/\s*[^\d\s，。；,]{1,2})?")
STATED_TOTAL = regexes.compile(r"(?:共计|合计|总计)\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)")
STATED_PART = regexes.compile(r"(?:需资金|需|计)\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)")
PRICE_FIRST = regexes.compile(r"(\d[\d,]*(?:\.\d+)?)\s*元\s*/\s*[人户家个月次件]\s*[^\d。；]{0,20}?"
                         r"(\d[\d,]*(?:\.\d+)?)\s*[人户家个]")


@rule("PROJECT.DETAIL_SUM", category="arithmetic", title_zh="项目测算明细之和等于项目预算",
      title_en="Detail lines add up to the project budget",
      rationale="The 项目支出明细测算 lines are the project's budget broken down; their sum is the "
                "form's 项目当年预算 (and the 项目支出表 amount).")
def details_add_up(doc: Document) -> Iterator[Finding]:
    """Passes: 2.00 + 3.00 = 5.00. Fails: 40 + 40 + 20 = 100 against 120.00."""
    for form in project_forms(doc):
        if not form.details:
            continue
        whole = printed(form.current or form.total, "project_performance", form.name)
        what = "项目当年预算"
        if whole is None and form.detail_total is not None:
            whole, what = printed(form.detail_total, "project_performance", form.name), "明细合计"
        if whole is None:
            continue
        parts = [Amount(d.amount.value, d.amount.decimals,
                        Location(d.line, table="project_performance", name=d.item[:20]))
                 for d in form.details]
        found = sum_finding("PROJECT.DETAIL_SUM", whole, parts, what, name=form.name)
        if found is None:
            continue
        project = form_project(doc, form)
        extra = table_amount(project) if project else None
        if extra is not None:
            found.locations.append(extra.location)
        yield found


@rule("PROJECT.QTY_PRICE", category="measurement_basis", severity="warning",
      title_zh="测算依据中数量 × 单价等于金额", title_en="Quantity × price equals the amount",
      rationale="A basis that states a quantity and a unit price (\"213737 人*65 元/人\") implies an "
                "amount; it must match the line's (or the form's) amount.")
def quantity_times_price(doc: Document) -> Iterator[Finding]:
    """Passes: "62 家*5000 元/家计 31 万元" with 31. Fails: "213737 人*65 元/人" against 1390."""
    for form in project_forms(doc):
        scale = 10000 if form.money == "元" else 1  # the texts are read in 万元
        for text, line, stated in _bases(form):
            computed = _products(text)
            if computed is None:
                computed = _stated(text)
            if computed is None or stated is None:
                continue
            computed *= scale
            cmp = compare_values(stated.printed, computed, stated.printed.half_width + 0.005)
            if cmp.verdict is not Verdict.MISMATCH:
                continue
            yield make_finding("PROJECT.QTY_PRICE", [Location(line, table="project_performance"),
                                                      stated.location],
                               {"reported": stated.value, "computed": round(computed, 2),
                                "difference": round(stated.value - computed, 2)},
                               name=form.name, text=text[:40], reported=stated.value,
                               computed=round(computed, 2),
                               difference=round(stated.value - computed, 2))


def _bases(form: ProjectForm) -> Iterator[tuple[str, int, Amount | None]]:
    total = printed(form.current or form.total, "project_performance", form.name)
    for detail in form.details:
        if detail.basis:
            yield detail.basis, detail.basis_line or detail.line, \
                printed(detail.amount, "project_performance")
    for text, line in form.basis_text:
        yield text, line, printed(form.detail_total, "project_performance") or total


def _stated(text: str) -> float | None:
    """The amount the text itself states: its 共计, else the sum of its 需/计 parts, in 万元."""
    whole = STATED_TOTAL.findall(text)
    parts = whole[-1:] if whole else STATED_PART.findall(text)
    if not parts:
        return None
    return sum(_num(v) / (1 if u == "万元" else 10000) for v, u in parts)


def _products(text: str) -> float | None:
    """Σ quantity × price in 万元 for every product the text states, None when it states none.

    Texts with more factors than a quantity and a price (months, rates) are left alone.
    """
    if any(w in text for w in ("月", "%", "$", "\\", "比例")):
        return None
    found: list[float] = []
    for match in PRODUCT.finditer(text):
        left, right = _num(match.group(1)), _num(match.group(4))
        unit = match.group(2) or match.group(5) or "元"
        found.append(left * right / (1 if unit == "万元" else 10000))
    if not found:
        for match in PRICE_FIRST.finditer(text):
            found.append(_num(match.group(1)) * _num(match.group(2)) / 10000)
    return sum(found) if found else None


def _num(text: str) -> float:
    return float(text.replace(",", ""))
