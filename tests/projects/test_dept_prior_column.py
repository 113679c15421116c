"""PROJECT.DEPT_FUNDING when only one of the two prior-year columns is filled: its 收入合计
and 支出合计 still agree (which year they stand under is not named)."""

from __future__ import annotations

from yusuan.model import Document, Source
from yusuan.recognise.projects.model import DeptForm
from yusuan.recognise.projects.text import Amount
from yusuan.rules.engine import run_rules


def _dept(prior_income: float, prior_spent: float) -> Document:
    cells = {"income_total": (480.0, prior_income, 31), "expenditure_total": (480.0, prior_spent, 35)}
    funding = {key: {"current": Amount(now, 2, line), "2028": Amount(before, 2, line)}
               for key, (now, before, line) in cells.items()}
    form = DeptForm(lines=(28, 40), funding=funding, years=["2028", "2029"])
    return Document(source=Source("t.txt", "text", "", []), year=2030, kind="部门预算",
                    forms=[form])


def test_one_filled_prior_column_that_balances() -> None:
    assert run_rules(_dept(75.0, 75.0), only=["PROJECT.DEPT_FUNDING"]) == []


def test_one_filled_prior_column_that_does_not_balance() -> None:
    found = run_rules(_dept(75.0, 19.5), only=["PROJECT.DEPT_FUNDING"])
    assert len(found) == 1 and found[0].severity == "info"
    assert [loc.line for loc in found[0].locations] == [35, 31]
    assert "近两年所填的一列" in found[0].message and "2028" not in found[0].message


def test_seed_with_one_prior_column_filled() -> None:
    """Seed 002: the 部门整体 form fills one prior-year column, 收入 90 against 支出 24.32."""
    from seedfiles import SEED_NAMES, require_seeds, seed_document

    require_seeds()
    name = next(n for n in SEED_NAMES if n.startswith("002"))
    found = run_rules(seed_document(name), only=["PROJECT.DEPT_FUNDING"])
    assert [(f.severity, [loc.line for loc in f.locations]) for f in found] == [
        ("info", [509, 506])]
