"""政府采购 parts against their total: "拟购买服务支出" is the 服务 part, also when wrapped."""

from __future__ import annotations

from tests.narrative.test_rules import doc, rules
from yusuan.rules import run_rules

TEXT = ("十二、政府采购支出预算情况说明\n2018 年度政府采购支出预算总额 1,281.76 万元，其中：拟\n"
        "采购货物支出 355.67 万元、拟采购工程支出 0 万元、拟购买服\n务支出 {services} 万元。")


def test_goods_works_and_services_add_up() -> None:
    assert rules(doc(TEXT.format(services="926.09")), "NARRATIVE.PARTS") == []


def test_parts_that_do_not_add_up_are_found() -> None:
    found = rules(doc(TEXT.format(services="916.09")), "NARRATIVE.PARTS")
    assert len(found) == 1


SME = ("九、政府采购支出说明\n2024 年度政府采购支出总额 1967.42 万元，其中：政府采购货物支出 171.7 万元、"
       "政府采购工程\n支出 3 万元、政府采购服务支出 1792.72 万元。授予中小企业\n合同金额 {sme} 万元，"
       "占政府采购支出总额的 92.54%，其中：\n授予小微企业合同金额 {micro} 万元，占授予中小企业合同金额的\n55.78%。")


def test_sme_and_small_business_amounts_within_their_wholes_pass() -> None:
    text = SME.format(sme="1820.69", micro="1015.5")
    assert rules(doc(text), "NARRATIVE.PROCUREMENT_PART") == []
    assert rules(doc(text), "NARRATIVE.PARTS") == []


def test_small_business_amount_is_not_read_as_the_procurement_total() -> None:
    facts = doc(SME.format(sme="1820.69", micro="1015.5")).facts
    assert [f.value for f in facts if f.concept == "procurement_total"] == [1967.42]
    assert [f.value for f in facts if f.concept == "procurement_small_micro"] == [1015.5]


def test_sme_amount_above_the_procurement_total_is_found_at_both_lines() -> None:
    found = run_rules(doc(SME.format(sme="2820.69", micro="1015.5")),
                      only=["NARRATIVE.PROCUREMENT_PART"])
    assert len(found) == 1
    assert "授予中小企业合同金额 2820.69万元" in found[0].message
    assert "政府采购总额 1967.42万元" in found[0].message
    assert [loc.line for loc in found[0].locations] == [2, 4]


def test_small_business_amount_above_the_sme_amount_is_found() -> None:
    found = rules(doc(SME.format(sme="1820.69", micro="1915.5")), "NARRATIVE.PROCUREMENT_PART")
    assert len(found) == 1 and "大于它所属的授予中小企业合同金额 1820.69万元" in found[0]
