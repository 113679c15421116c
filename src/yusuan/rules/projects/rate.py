"""A 测算依据 that prices an item as a rate of another project ("按照医疗救助支付金额的1%"):
the rate times that project's budget is the item's amount."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location, Project
from yusuan.recognise.projects.model import ProjectForm
from yusuan.recognise.projects.text import compact
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.projects.common import project_forms

register_messages({
    "PROJECT.RATE_BASE": {
        "zh": "项目“{name}”测算“{basis}”：{base} {base_amount} × {rate}% = {computed}，"
              "而金额为 {reported}",
        "en": "Project {name}: \"{basis}\": {base} {base_amount} × {rate}% = {computed}, "
              "but the amount is {reported}",
    },
})

RATE_OF = regexes.compile(r"按(?:照)?(?P<base>[\u4e00-\u9fff（）()]{2,30}?)的\s*(?P<rate>\d+(?:\.\d+)?)\s*[%％]")
YEAR_PREFIX = regexes.compile(r"^(?:20\d\d)年?(?:度)?")
MIN_NAME = 4
SLACK = 0.05  # a rate of a budget is an estimate: 5% either way is the same figure


def _bare(name: str) -> str:
    return YEAR_PREFIX.sub("", compact(name))


def base_project(base: str, projects: list[Project], own: str | None) -> Project | None:
    """The project the base names: the longest project name inside it, not the form's own."""
    text = compact(base)
    found = [p for p in projects if p.amount and p.name != own
             and len(_bare(p.name)) >= MIN_NAME and _bare(p.name) in text]
    return max(found, key=lambda p: len(_bare(p.name)), default=None)


@rule("PROJECT.RATE_BASE", category="arithmetic", severity="warning",
      title_zh="按比例测算的金额 = 比例 × 基数项目预算",
      title_en="An amount costed as a rate of another project equals rate × that budget",
      rationale="When a 测算依据 prices an item as a percentage of another project's amount "
                "(\"按照医疗救助支付金额的1%\"), that percentage of the project's budget is the item's "
                "budget; a different amount means the rate or the amount is wrong.")
def rate_of_base(doc: Document) -> Iterator[Finding]:
    """Passes: 1% of 医疗救助 300 with 3. Fails: 1% of 医疗救助 1800 (18) with 3."""
    for form in project_forms(doc):
        for detail in form.details:
            match = RATE_OF.search(detail.basis)
            if match is None:
                continue
            base = base_project(match.group("base"), doc.projects, form.project)
            if base is None or base.amount is None:
                continue
            rate = float(match.group("rate"))
            computed = round(base.amount * rate / 100, 2)
            if abs(computed - detail.amount.value) <= SLACK * max(computed, detail.amount.value):
                continue
            yield _finding(doc, form, detail.basis, detail.basis_line or detail.line,
                           detail.amount.line, base, rate, computed, detail.amount.value)


def _finding(doc: Document, form: ProjectForm, basis: str, basis_line: int, amount_line: int,
             base: Project, rate: float, computed: float, reported: float) -> Finding:
    locations = [Location(basis_line, table="project_performance", name=form.name),
                 Location(amount_line, table="project_performance", name=form.name)]
    locations += [Location(n, name=form.name) for n in _restated(doc, basis, basis_line)]
    locations += [Location(n, table=t, name=base.name) for n, t in _base_lines(doc, base)]
    return make_finding("PROJECT.RATE_BASE", locations,
                        {"reported": reported, "computed": computed, "rate": rate,
                         "base": base.amount},
                        name=form.name, basis=basis.strip()[:40], base=base.name,
                        base_amount=f"{base.amount:g}", rate=f"{rate:g}",
                        computed=f"{computed:g}", reported=f"{reported:g}")


def _restated(doc: Document, basis: str, own: int) -> list[int]:
    """Other lines of the document that state the same rule ("按照…的1%")."""
    key = compact(basis).strip("　。.")
    if len(key) < MIN_NAME:
        return []
    # compact only drops characters and turns brackets ASCII: a line holding the key holds its
    # first other character as printed
    probe = next((ch for ch in key if ch not in "()[]"), "")
    return [line.number for line in doc.source.lines
            if line.number != own and probe in line.text and key in compact(line.text)]


def _base_lines(doc: Document, base: Project) -> list[tuple[int, str]]:
    """Where the base project's budget is printed: its form's total, else the table."""
    out: list[tuple[int, str]] = []
    for entry in base.extra.get("forms", []):
        index = entry.get("index")
        form = doc.forms[index] if isinstance(index, int) and index < len(doc.forms) else None
        if isinstance(form, ProjectForm) and form.total is not None:
            out.append((form.total.line, "project_performance"))
    if not out:
        out.append((int(base.extra.get("amount_line", base.line)), "project_expenditure"))
    return out
