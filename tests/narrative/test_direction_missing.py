"""NARRATIVE.DIRECTION and NARRATIVE.MISSING, each on a passing and a failing narrative."""

from __future__ import annotations

from tests.narrative.test_rules import doc, rules

AGREE = "一、收支总体情况\n2024年部门预算总收入 120.00 万元，比 2023 年预算增加 20.00 万元，增长 20%。"


def test_change_and_rate_point_the_same_way() -> None:
    assert rules(doc(AGREE), "NARRATIVE.DIRECTION") == []
    disagree = AGREE.replace("增长 20%", "下降 20%")
    found = rules(doc(disagree), "NARRATIVE.DIRECTION")
    assert len(found) == 1 and "增加" in found[0] and "下降" in found[0]


def test_agency_costs_statement_without_its_amount() -> None:
    stated = "五、机关运行经费\n2024年本部门的机关运行经费 12.30 万元，主要用于办公费、水电费。"
    assert rules(doc(stated), "NARRATIVE.MISSING") == []
    missing = "五、机关运行经费\n2024年本部门的机关运行经费"
    found = rules(doc(missing), "NARRATIVE.MISSING")
    assert len(found) == 1 and "机关运行经费" in found[0]


def test_saying_there_are_none_needs_no_amount() -> None:
    for said in ("本单位无机关运行经费。",
                 "机关运行经费支出 0.00 万元，与上年持平。主要原因是本单位没有机关运行经费。",
                 "落实过紧日子要求，进一步压减机关运行经费。"):
        assert rules(doc(f"五、机关运行经费\n{said}"), "NARRATIVE.MISSING") == [], said


def test_a_city_named_wu_still_needs_its_amount() -> None:
    missing = "五、机关运行经费\n2024年无锡市某局的机关运行经费"
    assert len(rules(doc(missing), "NARRATIVE.MISSING")) == 1
