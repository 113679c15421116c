"""NARRATIVE.FUND_CLAIM: an amount said to be all 一般公共预算拨款 fits within the 财政拨款."""

from __future__ import annotations

from tests.narrative.test_rules import doc, rules

TEXT = ("一、收支总体情况\n2026 年国家信访局财政拨款收支总预算 18,728.91 万元。\n"
        "（六）预算绩效情况\n2026 年本局对项目支出全面实施绩效目标管理，涉及预算拨款 {amount} 万元，"
        "均为一般公共预算拨款。\n")


def test_an_amount_within_the_fiscal_total_passes() -> None:
    assert rules(doc(TEXT.format(amount="6,593.94"), year=2026), "NARRATIVE.FUND_CLAIM") == []


def test_an_amount_beyond_the_fiscal_total_is_found() -> None:
    found = rules(doc(TEXT.format(amount="39,560.87"), year=2026), "NARRATIVE.FUND_CLAIM")
    assert found == [("说明称 39560.87 万元“均为一般公共预算拨款”，超过财政拨款收支总额 18728.91 万元，"
                     "不可能全部是一般公共预算拨款")]
