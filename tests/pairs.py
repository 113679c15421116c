"""Generated pairs of one department's documents for the rules across documents and the
comparisons: the culture bureau's 2024 预算, its 2025 预算 (last-year figures taken from the
2024 one, 行政运行 raised) and its 2024 决算 (年初预算数 taken from the 2024 预算)."""

from __future__ import annotations

import dataclasses

from docbuilder import Budget, culture_bureau, render, shift
from finalbuilder import Final, culture_final, render_final

from yusuan.model import Document
from yusuan.pipeline import document_from_text

RAISE = 50_000  # 元 more 行政运行 personnel spending in 2025


def budget_2024(**changes: object) -> Budget:
    return culture_bureau(year=2024, **changes)


def budget_after(before: Budget, **changes: object) -> Budget:
    """Next year's budget, its last-year figures those `before` printed."""
    own = before.units[0].code
    after = shift(dataclasses.replace(before, year=before.year + 1), own, "2070101",
                  "personnel", RAISE, econ="30101")
    priors = {"prior_items": {code: before.general_of(code) for code in before.items(general=True)},
              "prior_total": before.total, "prior_sangong": before.sangong,
              "prior_agency": before.agency_costs}
    return dataclasses.replace(after, **{**priors, **changes})


def final_of(budget: Budget, **changes: object) -> Final:
    """The 决算 of `budget`'s year, its 年初预算数 (rows, 三公, projects) those `budget` printed."""
    initial = {code: budget.general_of(code) for code in budget.items(general=True)}
    options = {"general_columns": "execution", "initial": initial,
               "sangong_budget": budget.sangong, "project_budgets": {}, **changes}
    return culture_final(**options)


def budget_doc(budget: Budget, name: str | None = None) -> Document:
    return document_from_text(render(budget), name or f"{budget.year}年部门预算.txt")


def final_doc(final: Final, name: str | None = None) -> Document:
    return document_from_text(render_final(final),
                              name or f"{final.budget.year}年部门决算.txt")
