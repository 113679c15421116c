from yusuan.model import Finding, Location, Table
from yusuan.rules import catalog, run_rules
from yusuan.rules.engine import sort_findings
from yusuan.rules.engine.fold import fold_shared_causes
from yusuan.rules.engine.messages import render

from .builders import document, table


def test_catalog_lists_discovered_rules() -> None:
    ids = {spec.id for spec in catalog()}
    assert {"TOTAL.ROLLUP", "TOTAL.ECONOMIC", "TOTAL.TABLE"} <= ids
    for spec in catalog():
        assert spec.severity in ("error", "warning", "info")
        assert spec.title_zh and spec.title_en


def test_messages_render_in_both_languages() -> None:
    zh = render("TOTAL.ROLLUP", "zh", what="208 社保", column="total", reported=1.0,
                computed=2.0, difference=-1.0, level="kuan")
    en = render("TOTAL.ROLLUP", "en", what="208 社保", column="total", reported=1.0,
                computed=2.0, difference=-1.0, level="kuan")
    assert "合计" in zh and "款" in zh
    assert "total" in en and "section" in en


def _f(rule: str, line: int, column: str, diff: float, severity: str = "error") -> Finding:
    return Finding(rule, severity, "arithmetic", f"{rule} msg",
                   [Location(line, column=column), Location(line + 100, column=column)],
                   {"reported": 1.0, "computed": 1.0 - diff, "difference": diff})


def test_fold_one_figure_in_two_sums() -> None:
    folded = fold_shared_causes([_f("A", 5, "total", 1.0), _f("B", 5, "total", -1.0)])
    assert len(folded) == 1
    assert folded[0].locations[0].line == 5
    assert len(folded[0].folded) == 2


def test_narrative_and_table_sum_off_at_one_cell_fold_under_the_table_rule() -> None:
    said = _f("NARRATIVE.TABLE", 5, "total", -1.0)
    said.category = "narrative_vs_table"
    said.locations = [Location(300), Location(5, column="total")]
    folded = fold_shared_causes([said, _f("SANGONG.TOTAL", 5, "total", 1.0)])
    assert len(folded) == 1 and folded[0].rule == "SANGONG.TOTAL"
    assert folded[0].locations[0].line == 5 and len(folded[0].folded) == 2
    apart = fold_shared_causes([said, _f("SANGONG.TOTAL", 5, "total", 2.0)])
    assert len(apart) == 2


def test_one_form_line_in_two_checks_is_one_finding() -> None:
    detail = Location(40, table="project_performance", name="委托业务费")
    total = Finding("PROJECT.DETAIL_SUM", "error", "arithmetic", "sum",
                    [Location(30, table="project_performance"), detail],
                    {"reported": 18.0, "computed": 19.0, "difference": -1.0})
    basis = Finding("PROJECT.QTY_PRICE", "warning", "measurement_basis", "qty",
                    [detail], {"reported": 11.8, "computed": 10.8, "difference": 1.0})
    folded = fold_shared_causes([total, basis])
    assert len(folded) == 1 and folded[0].locations[0].line == 40
    assert "None" not in folded[0].message and "第40行" in folded[0].message


def test_no_fold_when_differences_differ() -> None:
    out = fold_shared_causes([_f("A", 5, "total", 1.0), _f("B", 5, "total", 3.0)])
    assert len(out) == 2


def test_sort_by_severity_then_line() -> None:
    out = sort_findings([_f("A", 9, "x", 1), _f("B", 3, "x", 1, "info"), _f("C", 5, "x", 1)])
    assert [f.rule for f in out] == ["C", "A", "B"]


def test_run_rules_folds_a_wrong_kuan() -> None:
    # 20805 is wrong: it breaks 208 = Σ 款 and 20805 = Σ 项, by the same 1.00
    t = table("general_budget_expenditure", [
        ("208", "社会保障和就业支出", {"total": "10.00"}),
        ("20805", "行政事业单位养老支出", {"total": "11.00"}),
        ("2080501", "行政单位离退休", {"total": "4.00"}),
        ("2080505", "机关事业单位基本养老保险缴费支出", {"total": "6.00"}),
    ])
    findings = [f for f in run_rules(document(t)) if f.rule == "TOTAL.ROLLUP"]
    assert len(findings) == 1
    assert findings[0].locations[0].code == "20805"
    assert len(findings[0].folded) == 2


def _rounding(rule: str, line: int, code: str | None, reported: float = 10.0,
              table: str = "t") -> Finding:
    return Finding(rule, "info", "rounding", f"{rule} msg",
                   [Location(line, table=table, code=code, column="total"),
                    Location(line + 1, table=table, code=code and code + "01",
                             column="total")],
                   {"reported": reported, "computed": reported + 0.01, "difference": -0.01})


def test_same_rounding_gap_in_two_tables_is_one_finding() -> None:
    out = fold_shared_causes([_rounding("TOTAL.ROLLUP", 5, "20805"),
                              _rounding("TOTAL.ROLLUP", 50, "20805", table="u"),
                              _rounding("TOTAL.ROLLUP", 70, "21011", reported=3.0)])
    assert len(out) == 2
    assert {loc.line for loc in out[0].locations} >= {5, 50}
    assert "另见 1 处" in out[0].message


def test_two_identities_off_at_one_figure_are_one_finding() -> None:
    out = fold_shared_causes([_rounding("ROW.TOTAL", 5, None), _rounding("TOTAL.TABLE", 5, None)])
    assert len(out) == 1 and len(out[0].folded) == 1


def test_same_gap_in_several_columns_of_one_row_is_one_finding() -> None:
    a = _rounding("TOTAL.ROLLUP", 5, "20805")
    b = _rounding("TOTAL.ROLLUP", 6, "20805")  # the same row, another column on its own line
    b.locations = [Location(6, table="t", code="20805", column="basic"),
                   Location(7, table="t", code="2080501", column="basic")]
    b.values["reported"] = 9.0
    out = fold_shared_causes([a, b])
    assert len(out) == 1 and {loc.column for loc in out[0].locations} == {"total", "basic"}


def test_a_kuan_short_of_its_items_where_classified_items_were_left_out_is_info() -> None:
    """烟台: '部分涉密事项在预算公开时予以剔除' — a 款 whose printed 项 fall short of it is told,
    not accused; one whose 项 exceed it is still an error."""
    def found(kuan: str, text: list[str]) -> list[Finding]:
        t = table("general_budget_expenditure", [
            ("20828", "退役军人管理事务", {"total": kuan}),
            ("2082801", "行政运行", {"total": "4.00"}),
            ("2082850", "事业运行", {"total": "6.00"}),
        ])
        return [f for f in run_rules(document(t, text=text)) if f.rule == "TOTAL.ROLLUP"]

    secret = ["八、其他特殊事项说明", "根据国家保密法律法规的规定，部分涉密事项在预", "算公开时予以剔除。"]
    [short] = found("15.00", secret)
    assert short.severity == "info" and "涉密" in short.message
    assert found("15.00", [])[0].severity == "error"
    assert found("9.00", secret)[0].severity == "error"


def _xinfang(first: str, second: str) -> Table:
    """A 款 of 1378.41 over three 项; 长春市信访局's 预算表3 prints two of them 0.00 (the
    一般公共预算支出表 prints 458.00 and 16.56)."""
    return table("general_budget_expenditure", [
        ("201", "一般公共服务支出", {"total": "1378.41"}),
        ("20140", "信访事务", {"total": "1378.41"}),
        ("2014001", "行政运行", {"total": "903.85"}),
        ("2014002", "一般行政管理事务", {"total": first}),
        ("2014099", "其他信访事务支出", {"total": second}),
    ], title="一般公共预算支出表")


def test_a_sum_off_by_what_two_parts_are_off_elsewhere_is_one_finding() -> None:
    wrong, right = _xinfang("0.00", "0.00"), _xinfang("458.00", "16.56")
    serious = [f for f in run_rules(document(wrong, right)) if f.severity != "info"]
    assert len(serious) == 1
    [found] = serious
    assert found.rule == "TOTAL.ROLLUP" and found.locations[0].code == "20140"
    assert [f.split(":")[0] for f in found.folded] == ["TOTAL.ROLLUP", "CROSS.CODE", "CROSS.CODE"]
    # the folded finding still cites every line the three findings cited
    assert {loc.line for loc in found.locations} >= {
        row.line for t in (wrong, right) for row in t.rows if row.code in ("2014002", "2014099")}
    assert "458" in found.message and "16.56" in found.message


def test_parts_that_do_not_make_up_the_whole_gap_stay_findings_of_their_own() -> None:
    # 2014099 is off by 16.56 elsewhere, but the 款's gap is 458.00 + 16.56 + 1.00
    wrong = _xinfang("0.00", "0.00")
    wrong.rows[1].values["total"] = 1379.41
    wrong.rows[0].values["total"] = 1379.41
    serious = [f for f in run_rules(document(wrong, _xinfang("458.00", "16.56")))
               if f.severity != "info"]
    assert sorted(f.rule for f in serious) == ["CROSS.CODE", "CROSS.CODE", "CROSS.CODE",
                                               "CROSS.CODE", "TOTAL.ROLLUP"]
