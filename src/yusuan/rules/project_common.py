"""Helpers for the project rules: the forms of a document, their projects, printed amounts."""

from __future__ import annotations

from typing import Any

from yusuan.model import Document, Location, Project
from yusuan.recognise.projects.model import DeptForm, ProjectForm
from yusuan.recognise.projects.text import Amount as FormAmount
from yusuan.rules.common import Amount


def project_forms(doc: Document) -> list[ProjectForm]:
    return [f for f in doc.forms if isinstance(f, ProjectForm)]


def dept_form(doc: Document) -> DeptForm | None:
    return next((f for f in doc.forms if isinstance(f, DeptForm)), None)


def form_project(doc: Document, form: ProjectForm) -> Project | None:
    index = doc.forms.index(form)
    for project in doc.projects:
        if any(f.get("index") == index for f in project.extra.get("forms", [])):
            return project
    return None


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


def narrative_amount(project: Project) -> Amount | None:
    found = project.extra.get("narrative")
    return from_json(found.get("amount") if found else None, "narrative", project.name)


def dept_amount(project: Project) -> Amount | None:
    found = project.extra.get("dept_form")
    if not found or project.extra.get("source") == "dept_form":
        return None
    return from_json(found.get("total"), "dept_performance", found.get("name"))
