"""'X收入 A万元，支出 B万元': the bare 支出 is X's spending, the bare 收入 X's income."""

from __future__ import annotations

from tests.narrative.test_rules import doc


def _concepts(text: str) -> list[tuple[str, float | None]]:
    return [(f.concept, f.value) for f in doc(text).facts if f.value is not None]


def test_bare_spending_after_a_fund_income() -> None:
    text = "七、政府性基金预算财政拨款收入支出情况\n2030年政府性基金预算财政拨款收入12.50万元，支出11.00万元。"
    assert _concepts(text) == [("gov_fund_income", 12.5), ("gov_fund_expenditure", 11.0)]


def test_bare_spending_in_another_sentence_is_not_the_fund() -> None:
    text = ("七、政府性基金预算财政拨款收入支出情况\n2030年政府性基金预算财政拨款收入12.50万元。"
            "另有支出11.00万元。")
    assert ("gov_fund_expenditure", 11.0) not in _concepts(text)
