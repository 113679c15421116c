"""Link the 项目支出表 projects with the narrative list, the department form and project forms."""

from __future__ import annotations

from typing import Any

from yusuan.model import Project
from yusuan.recognise.projects.match import assign
from yusuan.recognise.projects.model import DeptForm, ListItem, ProjectForm
from yusuan.recognise.projects.narrative import PerformanceTotal
from yusuan.recognise.projects.text import Amount


def amount_json(amount: Amount | None) -> dict[str, Any] | None:
    if amount is None:
        return None
    return {"value": amount.value, "decimals": amount.decimals, "line": amount.line}


def link_projects(table: list[Project], items: list[ListItem], forms: list[Any],
                  total: PerformanceTotal | None) -> list[Project]:
    dept = next((f for f in forms if isinstance(f, DeptForm)), None)
    projects = table or _from_dept(dept) or _from_items(items)
    units = sorted({p.unit for p in projects if p.unit})
    names = [p.name for p in projects]
    for p in projects:
        p.extra.setdefault("forms", [])
        p.extra.setdefault("match_confidence", {})
    if dept is not None and projects and projects[0].extra.get("source") != "dept_form":
        for i, (j, score) in assign(names, [d.name for d in dept.projects], units).items():
            row = dept.projects[j]
            projects[i].extra["dept_form"] = {"name": row.name, "line": row.line,
                                              "category": row.category,
                                              "total": amount_json(row.total),
                                              "current": amount_json(row.current)}
            projects[i].extra["match_confidence"]["dept_form"] = score
    if projects and projects[0].extra.get("source") != "narrative":
        for i, (j, score) in assign(names, [it.name for it in items], units).items():
            item = items[j]
            projects[i].extra["narrative"] = _narrative(item)
            projects[i].extra["match_confidence"]["narrative"] = score
    project_forms = [(k, f) for k, f in enumerate(forms) if isinstance(f, ProjectForm)]
    matched = assign(names, [f.name for _, f in project_forms], units)
    for i, (j, score) in matched.items():
        index, form = project_forms[j]
        form.project, form.match_confidence = projects[i].name, score
        projects[i].extra["forms"].append({"index": index, "name": form.name,
                                           "line": form.name_line, "confidence": score})
        projects[i].extra["match_confidence"]["form"] = score
    if total is not None:
        for p in projects[:1]:
            p.extra.setdefault("performance_total", {**(amount_json(total.amount) or {}),
                                                     "fund": total.fund})
    return projects


def _from_dept(dept: DeptForm | None) -> list[Project]:
    if dept is None:
        return []
    return [Project(name=r.name, line=r.line, amount=r.total.value if r.total else None,
                    decimals=r.total.decimals if r.total else None, category=r.category,
                    extra={"source": "dept_form", "amount_line": r.line,
                           "dept_form": {"name": r.name, "line": r.line,
                                         "total": amount_json(r.total),
                                         "current": amount_json(r.current)}})
            for r in dept.projects]


def _from_items(items: list[ListItem]) -> list[Project]:
    return [Project(name=i.name, line=i.line, amount=i.amount.value, decimals=i.amount.decimals,
                    category=i.category,
                    extra={"source": "narrative", "amount_line": i.line,
                           "narrative": _narrative(i)})
            for i in items]


def _narrative(item: ListItem) -> dict[str, Any]:
    out = {"name": item.name, "line": item.line, "amount": amount_json(item.amount),
           "quotes": _quotes(item)}
    if item.spent is not None:
        out["spent"] = amount_json(item.spent)
    return out


def _quotes(item: ListItem) -> list[dict[str, Any]]:
    return [{"name": q.name, "value": q.value, "number": q.number, "unit": q.unit,
             "line": q.line} for q in item.quotes]
