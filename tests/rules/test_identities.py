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


def _special_account_income(education: str) -> object:
    """广州: 合计 | 一般公共预算 | 财政专户拨款收入 / 教育收费 | 其他专户收入拨款 (no 小计)."""
    return table("income", [(None, "合计", {"total": "10.00", "general_budget": "7.00",
                                           "special_account_education": education,
                                           "special_account_other": "1.00"})])


def test_income_counts_the_special_account_breakdown_without_its_subtotal() -> None:
    assert _only(document(_special_account_income("2.00")), "ROW.INCOME") == []
    found = _only(document(_special_account_income("3.00")), "ROW.INCOME")
    assert len(found) == 1 and abs(found[0].values["difference"]) == 1.0


def test_income_with_stripped_zeros_keeps_table_precision() -> None:
    # "10.1" in a table of 2-decimal values means 10.10, not 10.1 ± 0.05
    found = _only(document(_income("10.1", "1")), "ROW.INCOME")
    assert len(found) == 1 and found[0].severity == "error"


def _numbered(total: str, groups: tuple[str, str] = ("6,000.00", "3,000.00"),
              item: str = "1,000.00") -> list:
    from yusuan.pipeline import document_from_text

    rows = ["项目支出情况表", "单位：万元",
            "序号\t项目名称\t预算批复\t预算到位\t实际执行\t执行率\t指标结余",
            f"\t合计\t9,000.00\t{total}\t8,900.00\t98.89%\t100.00",
            f"一\t改制资金\t6,000.00\t{groups[0]}\t5,900.00\t98.33%\t100.00",
            "1\t缺口弥补\t5,000.00\t5,000.00\t4,900.00\t98.00%\t100.00",
            f"2\t启动资金\t1,000.00\t{item}\t1,000.00\t100.00%\t",
            f"二\t社保补助\t3,000.00\t{groups[1]}\t3,000.00\t100.00%\t",
            "1\t欠费补助\t2,000.00\t2,000.00\t2,000.00\t100.00%\t",
            "2\t退休补助\t1,000.00\t1,000.00\t1,000.00\t100.00%\t"]
    doc = document_from_text("\n".join(rows) + "\n")
    return [f for f in run_rules(doc) if f.rule == "ROW.NUMBERED"]


def test_a_numbered_table_adds_up() -> None:
    assert _numbered("9,000.00") == []


def test_a_numbered_tables_total_above_its_groups() -> None:
    found = _numbered("9,210.00")
    assert len(found) == 1 and found[0].severity == "error"
    assert "合计（预算到位）" in found[0].message and found[0].values["difference"] == 210.0


def test_a_numbered_table_failing_everywhere_is_taken_for_a_misreading() -> None:
    """Most of its sums fail: the columns were not read where they stand; nothing is said."""
    assert _numbered("9,210.00", groups=("6,500.00", "3,400.00"), item="1,300.00") == []
