from yusuan.rules import run_rules

from .builders import document, table


def _only(doc, rule_id):
    return run_rules(doc, only=[rule_id])


def _spending(project: str, public: str = "1.00"):
    return table("expenditure", [
        ("208", "社会保障和就业支出", {"total": "10.00", "basic": "7.00", "project": project,
                                "personnel": "6.00", "public": public}),
    ])


def test_total_is_basic_plus_project() -> None:
    assert _only(document(_spending("3.00")), "ROW.TOTAL") == []
    found = _only(document(_spending("2.00")), "ROW.TOTAL")
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].values["difference"] == 1.0


def test_total_with_blank_part_is_a_warning() -> None:
    t = _spending("3.00")
    del t.rows[0].values["project"]
    found = _only(document(t), "ROW.TOTAL")
    assert len(found) == 1 and found[0].severity == "warning"


def test_basic_is_personnel_plus_public() -> None:
    assert _only(document(_spending("3.00")), "ROW.BASIC") == []
    found = _only(document(_spending("3.00", public="2.00")), "ROW.BASIC")
    assert len(found) == 1 and found[0].locations[0].column == "basic"


def test_basic_table_total_is_personnel_plus_public() -> None:
    t = table("basic_expenditure", [(None, "合计", {"total": 900, "personnel": 800,
                                                   "public": 200})], unit="元")
    found = _only(document(t, unit="元"), "ROW.BASIC")
    assert len(found) == 1 and found[0].severity == "error"


def _income(total: str, carry: str | None):
    cells = {"total": total, "current_income": "9.00", "general_budget": "8.00",
             "business": "1.00"}
    if carry:
        cells["carryover"] = carry
    return table("income", [(None, "合计", cells)],
                 columns=["total", "current_income", "general_budget", "business", "carryover"])


def test_income_is_sum_of_sources() -> None:
    assert _only(document(_income("10.00", "1.00")), "ROW.INCOME") == []
    found = _only(document(_income("10.50", "1.00")), "ROW.INCOME")
    assert len(found) == 1 and found[0].severity == "error"


def test_income_with_stripped_zeros_keeps_table_precision() -> None:
    # "10.1" in a table of 2-decimal values means 10.10, not 10.1 ± 0.05
    found = _only(document(_income("10.1", "1")), "ROW.INCOME")
    assert len(found) == 1 and found[0].severity == "error"
