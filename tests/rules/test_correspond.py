from yusuan.rules import run_rules

from .builders import document, table


def _doc(housing: str = "3.00", public: str = "1.00", personnel: str = "9.00",
         capital: str | None = None):
    gbe = table("general_budget_expenditure", [
        ("21011", "行政事业单位医疗", {"total": "2.00", "basic": "2.00"}),
        ("2210201", "住房公积金", {"total": "3.00", "basic": "3.00"}),
    ])
    basic = table("basic_expenditure", [
        (None, "合计", {"total": "10.00", "personnel": personnel, "public": public}),
        ("301", "工资福利支出", {"total": "8.00", "personnel": "8.00"}),
        ("30110", "职工基本医疗保险缴费", {"total": "1.50", "personnel": "1.50"}),
        ("30111", "公务员医疗补助缴费", {"total": "0.50", "personnel": "0.50"}),
        ("30113", "住房公积金", {"total": housing, "personnel": housing}),
        ("302", "商品和服务支出", {"total": "1.00", "public": "1.00"}),
        ("303", "对个人和家庭的补助", {"total": "1.00", "personnel": "1.00"}),
        *([("310", "资本性支出", {"total": capital, "public": capital})] if capital else []),
    ])
    income = table("income", [(None, "合计", {"total": "10.00", "general_budget": "10.00"})])
    return document(gbe, basic, income)


def test_pairs_pass_and_fail() -> None:
    assert run_rules(_doc(), only=["FUNC_ECON.PAIRS"]) == []
    found = run_rules(_doc(housing="4.00"), only=["FUNC_ECON.PAIRS"])
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].locations[0].code == "30113"


def test_section_compared_when_items_not_printed() -> None:
    gbe = table("general_budget_expenditure", [
        ("21011", "行政事业单位医疗", {"total": "2.00", "basic": "2.00"})],
        title="一般公共预算支出表")
    basic = table("basic_expenditure", [("30110", "职工基本医疗保险缴费", {"total": "1.50"}),
                                        ("30111", "公务员医疗补助缴费", {"total": "0.80"})],
                  title="一般公共预算基本支出表")
    found = run_rules(document(gbe, basic), only=["FUNC_ECON.PAIRS"])
    assert len(found) == 1 and found[0].values["difference"] == 0.3


def _medical(admin: str, civil: str, extra: str | None = None):
    gbe = table("general_budget_expenditure", [
        ("21011", "行政事业单位医疗", {"total": "5.00", "basic": "5.00"}),
        ("2101101", "行政单位医疗", {"total": "2.00", "basic": "2.00"}),
        ("2101103", "公务员医疗补助", {"total": "3.00", "basic": "3.00"}),
    ], title="一般公共预算支出表")
    rows = [("30110", "职工基本医疗保险缴费", {"total": admin}),
            ("30111", "公务员医疗补助缴费", {"total": civil})]
    if extra:
        rows.append(("30307", "医疗费补助", {"total": extra}))
    basic = table("basic_expenditure", rows, title="一般公共预算基本支出表")
    return document(gbe, basic)


def test_medical_items_pair_one_by_one() -> None:
    assert run_rules(_medical("2.00", "3.00"), only=["FUNC_ECON.PAIRS"]) == []
    # 30307 医疗费补助 charged to 2101103 as well
    assert run_rules(_medical("2.00", "2.50", extra="0.50"), only=["FUNC_ECON.PAIRS"]) == []
    found = run_rules(_medical("4.00", "5.00"), only=["FUNC_ECON.PAIRS"])
    assert len(found) == 1 and found[0].severity == "error"  # one finding for 21011
    assert {"30110", "30111", "2101101", "2101103"} <= {loc.code for loc in found[0].locations}


def test_a_sibling_contribution_with_no_item_of_its_own_is_counted_with_its_family() -> None:
    """上海 审计局: no 2101103 公务员医疗补助 printed; 2101101 行政单位医疗 6,100,000 holds 30110
    4,220,000 and 30111 1,880,000 — the family agrees, no contribution is booked twice."""
    def medical(admin: str) -> object:
        gbe = table("general_budget_expenditure", [
            ("21011", "行政事业单位医疗", {"total": "6100000", "basic": "6100000"}),
            ("2101101", "行政单位医疗", {"total": "6100000", "basic": "6100000"}),
        ], title="一般公共预算支出表", unit="元")
        basic = table("basic_expenditure", [
            ("30110", "职工基本医疗保险缴费", {"total": admin}),
            ("30111", "公务员医疗补助缴费", {"total": "1880000"})], title="一般公共预算基本支出表",
            unit="元")
        return document(gbe, basic, unit="元")
    assert run_rules(medical("4220000"), only=["FUNC_ECON.PAIRS"]) == []
    found = run_rules(medical("4320000"), only=["FUNC_ECON.PAIRS"])
    assert len(found) == 1 and abs(found[0].values["difference"]) == 100000


def test_medical_rounding_is_info() -> None:
    found = run_rules(_medical("2.01", "3.00"), only=["FUNC_ECON.PAIRS"])
    assert [f.severity for f in found] == ["info"]


def test_public_funds_pass_and_fail() -> None:
    assert run_rules(_doc(), only=["FUNC_ECON.PUBLIC"]) == []
    assert len(run_rules(_doc(public="2.00"), only=["FUNC_ECON.PUBLIC"])) == 1


def test_public_funds_name_the_310_they_count() -> None:
    """公用经费 2.50 against 302 1.00 + 310 0.50: the message names both, not '302：1.50'."""
    found = run_rules(_doc(public="2.50", capital="0.50"), only=["FUNC_ECON.PUBLIC"])
    assert [f.message.split("：")[0] for f in found] == ["302 + 310"]


def test_personnel_pass_and_fail() -> None:
    assert run_rules(_doc(), only=["FUNC_ECON.PERSONNEL"]) == []
    found = run_rules(_doc(personnel="8.00"), only=["FUNC_ECON.PERSONNEL"])
    assert len(found) == 1 and found[0].severity == "warning"


def _split_transfers(personnel: str, public: str, text: list[str] | None = None):
    """303 1.00 printed as 0.60 人员经费 + 0.40 公用经费 (30399 booked as 公用经费)."""
    basic = table("basic_expenditure", [
        (None, "合计", {"total": "10.00", "personnel": personnel, "public": public}),
        ("301", "工资福利支出", {"total": "8.00", "personnel": "8.00"}),
        ("302", "商品和服务支出", {"total": "1.00", "public": "1.00"}),
        ("303", "对个人和家庭的补助", {"total": "1.00", "personnel": "0.60", "public": "0.40"}),
    ])
    return document(basic, text=text)


DEFINITION = ["（九）基本支出：指为保障机构正常运转而发生的人员经费和公用经费。其中：人员经费指",
              "政府收支分类经济科目中的“工资福利支出”和“对个人和家庭的补助”。"]


def test_transfers_as_public_funds_against_the_documents_own_definition_are_found() -> None:
    """The 名词解释 defines 人员经费 as 301 + 303: 0.40 of 303 as 公用经费 contradicts it."""
    found = run_rules(_split_transfers("8.60", "1.40", DEFINITION),
                      only=["FUNC_ECON.PERSONNEL", "FUNC_ECON.PUBLIC"])
    assert {f.rule for f in found if f.severity == "warning"} == {"FUNC_ECON.PERSONNEL",
                                                                  "FUNC_ECON.PUBLIC"}
    assert any(f.message.startswith("303 对个人和家庭的补助有 0.40 列在公用经费栏") for f in found)


def test_transfers_printed_as_public_funds_are_counted_where_printed() -> None:
    """人员经费 8.60 = 301 + 303 − 0.40, 公用经费 1.40 = 302 + 0.40: a note, no warning; a wrong
    total is still found by each rule."""
    rules = ["FUNC_ECON.PERSONNEL", "FUNC_ECON.PUBLIC"]
    found = run_rules(_split_transfers("8.60", "1.40"), only=rules)
    assert [f.severity for f in found] == ["info"]
    assert {f.rule for f in run_rules(_split_transfers("9.00", "1.40"), only=rules)
            if f.severity == "warning"} == {"FUNC_ECON.PERSONNEL"}
    assert {f.rule for f in run_rules(_split_transfers("8.60", "1.00"), only=rules)
            if f.severity == "warning"} == {"FUNC_ECON.PUBLIC"}


def _all_above(housing: str, pension: str, medical: str, hospital: str = "5.00"):
    """Every contribution larger on its economic line than on its functional 项; a hospital's
    basic spending booked on its own 项."""
    gbe = table("general_budget_expenditure", [
        ("2100201", "综合医院", {"total": hospital, "basic": hospital}),
        ("2080505", "机关事业单位基本养老保险缴费支出", {"total": "2.00", "basic": "2.00"}),
        ("2101101", "行政单位医疗", {"total": "1.00", "basic": "1.00"}),
        ("2210201", "住房公积金", {"total": "3.00", "basic": "3.00"}),
    ], title="一般公共预算支出表")
    basic = table("basic_expenditure", [
        ("30108", "机关事业单位基本养老保险缴费", {"total": pension}),
        ("30110", "职工基本医疗保险缴费", {"total": medical}),
        ("30113", "住房公积金", {"total": housing}),
    ], title="一般公共预算基本支出表")
    return document(gbe, basic)


def test_every_pair_larger_on_the_economic_side_is_a_convention_at_info() -> None:
    """A 汇总 whose hospitals book part of each contribution under their own 项: every pair
    differs the same way — info; one pair off, the others equal — an error; every pair off
    with no 项 of units' own work to hold the difference — errors."""
    found = run_rules(_all_above("3.50", "2.40", "1.20"), only=["FUNC_ECON.PAIRS"])
    assert found and {f.severity for f in found} == {"info"}
    found = run_rules(_all_above("3.50", "2.40", "1.20", hospital="0.50"), only=["FUNC_ECON.PAIRS"])
    assert found and {f.severity for f in found} == {"error"}
    found = run_rules(_all_above("3.50", "2.00", "1.00"), only=["FUNC_ECON.PAIRS"])
    assert [f.severity for f in found] == ["error"]


def test_the_documents_definition_is_read_only_for_a_303_printed_as_public_funds(monkeypatch) -> None:
    """Reading the whole text for the 名词解释 is needed only when 303 has 公用经费."""
    from yusuan.rules.tables import correspond

    calls = []
    real = correspond.defines_personnel_as_301_303
    monkeypatch.setattr(correspond, "defines_personnel_as_301_303",
                        lambda doc: calls.append(1) or real(doc))
    run_rules(_doc(), only=["FUNC_ECON.PERSONNEL", "FUNC_ECON.PUBLIC"])
    assert calls == []
    found = run_rules(_split_transfers("8.60", "1.40", DEFINITION),
                      only=["FUNC_ECON.PERSONNEL", "FUNC_ECON.PUBLIC"])
    assert calls and {f.rule for f in found if f.severity == "warning"} == {
        "FUNC_ECON.PERSONNEL", "FUNC_ECON.PUBLIC"}


def test_part_of_302_printed_as_personnel_is_counted_there() -> None:
    """长沙 基本支出表 (人员类 | 公用经费): 302 2,128.48 printed as 83.47 人员类 + 2,045.01 公用经费."""
    def basic(personnel: str, public: str):
        return document(table("basic_expenditure", [
            (None, "合计", {"total": "10.00", "personnel": personnel, "public": public}),
            ("301", "工资福利支出", {"total": "8.00", "personnel": "8.00"}),
            ("302", "商品和服务支出", {"total": "1.00", "personnel": "0.30", "public": "0.70"}),
            ("303", "对个人和家庭的补助", {"total": "1.00", "personnel": "1.00"}),
        ]))

    found = run_rules(basic("9.30", "0.70"), only=["FUNC_ECON.PERSONNEL", "FUNC_ECON.PUBLIC"])
    assert [(f.severity, f.message_id) for f in found] == [("info", "FUNC_ECON.GOODS_AS_PERSONNEL")]
    wrong = run_rules(basic("9.00", "0.70"), only=["FUNC_ECON.PERSONNEL"])
    assert any(f.severity == "warning" for f in wrong)


def test_a_table_listing_each_units_lines_is_not_read_for_one_301() -> None:
    """西安 表8: 合计, then each budget unit with its own 301, 302, 303 lines — the first 301 is
    one unit's, not the whole."""
    def basic(second_unit_301: str):
        return table("basic_expenditure", [
            (None, "合计", {"total": "20.00", "personnel": "16.00", "public": "4.00"}),
            ("301", "工资福利支出", {"total": "8.00", "personnel": "8.00"}),
            ("302", "商品和服务支出", {"total": "2.00", "public": "2.00"}),
            ("301", "工资福利支出", {"total": second_unit_301, "personnel": second_unit_301}),
            ("302", "商品和服务支出", {"total": "2.00", "public": "2.00"}),
        ])
    for rule_id in ("FUNC_ECON.PERSONNEL", "FUNC_ECON.PUBLIC"):
        assert run_rules(document(basic("8.00")), only=[rule_id]) == []
    single = table("basic_expenditure", [
        (None, "合计", {"total": "20.00", "personnel": "16.00", "public": "4.00"}),
        ("301", "工资福利支出", {"total": "8.00", "personnel": "8.00"}),
        ("302", "商品和服务支出", {"total": "2.00", "public": "2.00"}),
    ])
    assert len(run_rules(document(single), only=["FUNC_ECON.PERSONNEL"])) == 1


def test_a_contribution_in_the_public_funds_column_is_reported() -> None:
    """应急 表5: 2080506 机关事业单位职业年金缴费支出 32.05 under 公用经费."""
    def gbe(column: str):
        return table("general_budget_expenditure", [
            ("2080506", "机关事业单位职业年金缴费支出", {"total": "32.05", column: "32.05"}),
            ("2240101", "行政运行", {"total": "10.00", "personnel": "6.00", "public": "4.00"}),
        ])
    rule_id = "FUNC_ECON.CONTRIBUTION_AS_PUBLIC"
    assert run_rules(document(gbe("personnel")), only=[rule_id]) == []
    found = run_rules(document(gbe("public")), only=[rule_id])
    assert len(found) == 1 and found[0].severity == "warning"
    assert found[0].locations[0].code == "2080506"
