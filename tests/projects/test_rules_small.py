"""Each project rule on small documents of our own: one passing, one failing."""

from __future__ import annotations

from yusuan.model import Document, Project, Source
from yusuan.recognise.projects.link import link_projects
from yusuan.recognise.projects.model import DetailLine, ListItem, ProjectForm, Reference, YearFigure
from yusuan.recognise.projects.text import Amount
from yusuan.rules.engine import run_rules


def _doc(form: ProjectForm, table_amount: float = 20.0, narrative: float = 20.0,
         code: str | None = "42010124001T000000001") -> Document:
    project = Project(name="2024示例监管经费", line=10, code=code, unit="示例局本级",
                      amount=table_amount, decimals=2, category="特定目标类",
                      extra={"source": "table", "amount_line": 11})
    items = [ListItem("示例监管经费", Amount(narrative, 2, 50), 50)]
    forms = [form]
    projects = link_projects([project], items, forms, None)
    return Document(source=Source("t.txt", "text", "", []), year=2024, kind="部门预算",
                    projects=projects, forms=forms)


def _form(total: float = 20.0, **kw: object) -> ProjectForm:
    form = ProjectForm(lines=(100, 200), name="示例监管经费", name_line=101,
                       total=Amount(total, 2, 120), current=Amount(total, 2, 120))
    for key, value in kw.items():
        setattr(form, key, value)
    return form


def _rules(doc: Document, rule_id: str) -> list:
    return [f for f in run_rules(doc, only=[rule_id]) if f.severity != "info"]


def test_form_budget() -> None:
    assert not _rules(_doc(_form(20.0)), "PROJECT.FORM_BUDGET")
    found = _rules(_doc(_form(5.0)), "PROJECT.FORM_BUDGET")
    assert len(found) == 1 and [loc.line for loc in found[0].locations] == [120, 11, 50]


def test_detail_sum() -> None:
    good = [DetailLine("a", Amount(12, 0, 130), 130), DetailLine("b", Amount(8, 0, 131), 131)]
    assert not _rules(_doc(_form(details=good)), "PROJECT.DETAIL_SUM")
    bad = [DetailLine("a", Amount(12, 0, 130), 130), DetailLine("b", Amount(5, 0, 131), 131)]
    found = _rules(_doc(_form(details=bad)), "PROJECT.DETAIL_SUM")
    assert [loc.line for loc in found[0].locations] == [120, 130, 131, 11]


def test_quantity_times_price() -> None:
    fine = [DetailLine("a", Amount(31, 0, 130), 130, "62 家*5000 元/家计 31 万元", 131)]
    assert not _rules(_doc(_form(31.0, details=fine), 31.0, 31.0), "PROJECT.QTY_PRICE")
    wrong = [DetailLine("a", Amount(20, 0, 130), 130, "按标准65元/人，2000人测算", 131)]
    found = _rules(_doc(_form(details=wrong)), "PROJECT.QTY_PRICE")
    assert [loc.line for loc in found[0].locations] == [131, 130]


def test_change_text() -> None:
    ok = [YearFigure(2023, 18, 0, 125), YearFigure(2024, 20, 0, 125)]
    assert not _rules(_doc(_form(change_figures=ok)), "PROJECT.CHANGE_TEXT")
    bad = [YearFigure(2023, 18, 0, 125), YearFigure(2024, 67, 0, 126)]
    found = _rules(_doc(_form(change_figures=bad)), "PROJECT.CHANGE_TEXT")
    assert [loc.line for loc in found[0].locations] == [126, 120]


def test_code() -> None:
    same = _form(code="42010124001T000000001", code_line=102)
    assert not _rules(_doc(same), "PROJECT.CODE")
    other = _form(code="42010124001T000000009", code_line=102)
    found = _rules(_doc(other), "PROJECT.CODE")
    assert [loc.line for loc in found[0].locations] == [102, 10]


def test_year_reference() -> None:
    old_law = [Reference("《示例条例》", [], 140, "basis")]
    assert not run_rules(_doc(_form(references=old_law)), only=["PROJECT.YEAR_REFERENCE"])
    stale = [Reference("《示例市2023年专项整治实施方案》", [2023], 141, "basis")]
    found = run_rules(_doc(_form(references=stale)), only=["PROJECT.YEAR_REFERENCE"])
    assert [loc.line for loc in found[0].locations] == [141, 101]
