"""政府采购 parts against their total: "拟购买服务支出" is the 服务 part, also when wrapped."""

from __future__ import annotations

from tests.narrative.test_rules import doc, rules

TEXT = ("十二、政府采购支出预算情况说明\n2018 年度政府采购支出预算总额 1,281.76 万元，其中：拟\n"
        "采购货物支出 355.67 万元、拟采购工程支出 0 万元、拟购买服\n务支出 {services} 万元。")


def test_goods_works_and_services_add_up() -> None:
    assert rules(doc(TEXT.format(services="926.09")), "NARRATIVE.PARTS") == []


def test_parts_that_do_not_add_up_are_found() -> None:
    found = rules(doc(TEXT.format(services="916.09")), "NARRATIVE.PARTS")
    assert len(found) == 1
