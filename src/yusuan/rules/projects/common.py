"""Helpers for the project rules: the forms of a document, their projects, printed amounts."""

from __future__ import annotations

from typing import Any

from yusuan.model import Document, Finding, Location, Project
from yusuan.recognise.projects.model import DeptForm, ProjectForm
from yusuan.recognise.projects.text import Amount as FormAmount
from yusuan.rules.engine.common import Amount
from yusuan.rules.engine.messages import render
from yusuan.rules.engine.tolerance import Interval, interval_sum


def project_forms(doc: Document) -> list[ProjectForm]:
    return [f for f in doc.forms if isinstance(f, ProjectForm)]


def dept_form(doc: Document) -> DeptForm | None:
    return next((f for f in doc.forms if isinstance(f, DeptForm)), None)


def form_project(doc: Document, form: ProjectForm) -> Project | None:
    """The project whose forms list this form (by its index in doc.forms, the first form equal
    to it, as list.index finds it): looked up in maps made once per document."""
    positions, owners = _form_maps(doc)
    index = positions.get(id(form))
    if index is None:
        index = doc.forms.index(form)
    return owners.get(index)


# the last document, its forms list and a copy of it (holding the forms, so no id is reused)
_LAST_MAPS: list[tuple[Document, list[Any], tuple[Any, ...], dict[int, int],
                       dict[Any, Project]]] = []


def _form_maps(doc: Document) -> tuple[dict[int, int], dict[Any, Project]]:
    """id(form) → index of the first form equal to it; form index → the first project listing
    it. Kept for the last document only (the rules ask again and again for one document)."""
    if _LAST_MAPS:
        last, forms, held, positions, owners = _LAST_MAPS[0]
        if last is doc and forms is doc.forms and len(held) == len(forms):
            return positions, owners
    by_name: dict[Any, list[int]] = {}
    positions = {}
    for index, form in enumerate(doc.forms):
        earlier = by_name.setdefault((type(form), getattr(form, "name", None)), [])
        positions[id(form)] = next((i for i in earlier if doc.forms[i] == form), index)
        earlier.append(index)
    owners = {}
    for project in doc.projects:
        for listed in project.extra.get("forms", []):
            owners.setdefault(listed.get("index"), project)
    _LAST_MAPS[:] = [(doc, doc.forms, tuple(doc.forms), positions, owners)]
    return positions, owners


def printed(amount: FormAmount | None, where: str, name: str | None = None) -> Amount | None:
    if amount is None:
        return None
    return Amount(amount.value, amount.decimals, Location(amount.line, table=where, name=name))


def from_json(found: dict[str, Any] | None, where: str, name: str | None = None) -> Amount | None:
    if not found:
        return None
    return Amount(float(found["value"]), int(found["decimals"]),
                  Location(int(found["line"]), table=where, name=name))


def table_amount(project: Project) -> Amount | None:
    if project.amount is None or project.extra.get("source") != "table":
        return None
    line = int(project.extra.get("amount_line", project.line))
    return Amount(project.amount, project.decimals or 2,
                  Location(line, table="project_expenditure", name=project.name))


def in_form_money(amount: Amount | None, money: str) -> Amount | None:
    """A narrative figure (the narrative lists projects in 万元) in a form's unit."""
    if amount is None or money != "元":
        return amount
    return Amount(round(amount.value * 10000, 2), amount.decimals - 4, amount.location)


def narrative_amount(project: Project) -> Amount | None:
    found = project.extra.get("narrative")
    return from_json(found.get("amount") if found else None, "narrative", project.name)


def dept_amount(project: Project) -> Amount | None:
    found = project.extra.get("dept_form")
    if not found or project.extra.get("source") == "dept_form":
        return None
    return from_json(found.get("total"), "dept_performance", found.get("name"))


def as_printed(amount: Amount) -> str:
    """The figure as the document prints it (12.345 stays 12.345, not 12.35)."""
    return f"{amount.value:.{max(amount.decimals, 0)}f}"


def form_interval(amount: Amount) -> Interval:
    """The values a printed amount may stand for. An integer in a 万元 form ("N") counts as
    printed to 2 decimals: it is N.00 without the zeros, not N ± 0.5. A 万元 figure put in 元
    keeps its own precision (123.65万元 is 1236500 ± 50)."""
    return Interval.printed(amount.value, amount.decimals if amount.decimals < 0
                            else max(amount.decimals, 2))


def same_figure(left: Amount, right: Amount) -> bool:
    """Two printings of one figure whose intervals meet (12.345 and 12.35 do, 12.345 and
    12.34 do not)."""
    return form_interval(left).meets(form_interval(right))


def same_sum(total: Amount, parts: list[Amount]) -> bool:
    """A total whose interval meets the sum of its parts' intervals."""
    return form_interval(total).meets(interval_sum(form_interval(p) for p in parts))


def show_printed(found: Finding, left: Amount, right: Amount | None = None) -> Finding:
    """Re-render a finding's message with its figures as printed (12.345, not 12.35)."""
    args = dict(found.args, reported=as_printed(left))
    if right is not None:
        args["computed"] = as_printed(right)
    found.args = args
    if found.message_id:
        found.message = render(found.message_id, "zh", **args)
    return found
