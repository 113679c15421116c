from yusuan.rules import run_rules

from .builders import document, table


def _gbe(kuan: str, xiang: str, total: str = "12.00", unit: str = "万元"):
    return table("general_budget_expenditure", [
        (None, "合计", {"total": total, "basic": total}),
        ("208", "社会保障和就业支出", {"total": "10.00", "basic": "10.00"}),
        ("20805", "行政事业单位养老支出", {"total": kuan, "basic": kuan}),
        ("2080501", "行政单位离退休", {"total": "4.00", "basic": "4.00"}),
        ("2080505", "机关事业单位基本养老保险缴费支出", {"total": xiang, "basic": xiang}),
        ("210", "卫生健康支出", {"total": "2.00", "basic": "2.00"}),
        ("21011", "行政事业单位医疗", {"total": "2.00", "basic": "2.00"}),
        ("2101101", "行政单位医疗", {"total": "2.00", "basic": "2.00"}),
    ], unit=unit)


def _only(doc, rule_id):
    return [f for f in run_rules(doc, only=[rule_id])]


def test_rollup_passes() -> None:
    assert _only(document(_gbe("10.00", "6.00")), "TOTAL.ROLLUP") == []


def test_rollup_fails_on_xiang() -> None:
    found = _only(document(_gbe("10.00", "5.00")), "TOTAL.ROLLUP")
    assert {f.severity for f in found} == {"error"}
    assert found[0].values["difference"] == 1.0
    assert found[0].locations[0].code == "20805"


def test_rollup_rounding_is_info() -> None:
    found = _only(document(_gbe("10.00", "6.01")), "TOTAL.ROLLUP")
    assert found and all(f.severity == "info" and f.category == "rounding" for f in found)


def test_rollup_blank_child_is_skipped_not_zero() -> None:
    t = _gbe("10.00", "6.00")
    del t.rows[3].values["basic"]  # 2080501 basic blank
    found = _only(document(t), "TOTAL.ROLLUP")
    assert any(f.locations[0].column == "basic" for f in found)  # 10 vs 6: still off
    t.rows[4].values["basic"] = 10.0
    assert _only(document(t), "TOTAL.ROLLUP") == []


def test_table_total_passes_and_fails() -> None:
    assert _only(document(_gbe("10.00", "6.00")), "TOTAL.TABLE") == []
    found = _only(document(_gbe("10.00", "6.00", total="13.00")), "TOTAL.TABLE")
    assert len(found) == 1 and found[0].severity == "error"
    assert {loc.column for loc in found[0].locations} == {"total", "basic"}  # merged columns


def test_rollup_in_yuan_integers() -> None:
    t = table("expenditure", [
        ("201", "一般公共服务支出", {"total": 1000}),
        ("20101", "人大事务", {"total": 600}),
        ("20102", "政协事务", {"total": 405}),
    ], unit="元")
    found = _only(document(t, unit="元"), "TOTAL.ROLLUP")
    assert len(found) == 1 and found[0].severity == "error"
    t.rows[2].values["total"] = 400.0
    assert _only(document(t, unit="元"), "TOTAL.ROLLUP") == []


def test_economic_rollup() -> None:
    def basic(x: str):
        return table("basic_expenditure", [
            ("301", "工资福利支出", {"total": "9.00", "personnel": "9.00"}),
            ("30101", "基本工资", {"total": "5.00", "personnel": "5.00"}),
            ("30102", "津贴补贴", {"total": x, "personnel": x}),
        ])
    assert _only(document(basic("4.00")), "TOTAL.ECONOMIC") == []
    found = _only(document(basic("3.00")), "TOTAL.ECONOMIC")
    assert len(found) == 1 and found[0].locations[0].code == "301"
    assert {loc.column for loc in found[0].locations} == {"total", "personnel"}


def _details(total: str):
    """北京 03表: 功能科目 × 经济科目 detail lines (codes repeated), 合计 last."""
    lines = [("2010301", "行政运行", "5.00"), ("2010301", "行政运行", "4.00"),
             ("2010302", "一般行政管理事务", "1.00"), ("2010302", "一般行政管理事务", "1.50"),
             ("2080505", "机关事业单位基本养老保险缴费支出", "0.50")]
    return table("expenditure", [(code, name, {"total": v, "basic": v}) for code, name, v in lines]
                 + [(None, "合计", {"total": total, "basic": total})])


def test_a_table_of_detail_lines_adds_up_to_its_total() -> None:
    assert _only(document(_details("12.00")), "TOTAL.DETAIL") == []
    found = _only(document(_details("14.00")), "TOTAL.DETAIL")  # lines left off the page
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].values["difference"] == 2.0 and "全部 5 行明细" in found[0].message


def test_a_hierarchy_is_no_table_of_detail_lines() -> None:
    """类, 款 and 项 lines: TOTAL.TABLE's business (the 合计 is the sum of the 类 alone)."""
    assert _only(document(_gbe("10.00", "6.00")), "TOTAL.DETAIL") == []


def test_a_sub_item_whose_own_section_is_not_printed_counts_in_its_class() -> None:
    """西安 表8: 301 over 30101, 3010201 津贴补贴 and 3010202 改革性补贴 (no 30102 line)."""
    def basic(x: str):
        return table("basic_expenditure", [
            ("301", "工资福利支出", {"total": "9.00", "personnel": "9.00"}),
            ("30101", "基本工资", {"total": "5.00", "personnel": "5.00"}),
            ("3010201", "津贴补贴", {"total": x, "personnel": x}),
            ("3010202", "改革性补贴", {"total": "1.00", "personnel": "1.00"}),
        ])
    assert _only(document(basic("3.00")), "TOTAL.ECONOMIC") == []
    found = _only(document(basic("2.00")), "TOTAL.ECONOMIC")
    assert len(found) == 1 and found[0].values["difference"] == 1.0
