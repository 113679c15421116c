"""NARRATIVE.WRONG_CODE_KEPT: the narrative says an amount went to a wrong 科目, the tables
still print it there."""

from __future__ import annotations

from tests.narrative.test_rules import doc, rules
from yusuan.model import Table, TableRow


def _row(code: str, name: str, line: int, total: float) -> TableRow:
    return TableRow(name, line, code=code, values={"total": total}, decimals={"total": 2})


def final_table(*, misbooked: bool) -> Table:
    rows = [_row("210", "卫生健康支出", 62, 4448.24), _row("21004", "公共卫生", 63, 4448.24),
            _row("2100405", "应急救治机构", 64, 4448.24 - (0 if misbooked else 56))]
    if misbooked:
        rows = [_row("201", "一般公共服务支出", 59, 56.0), _row("20104", "发展与改革事务", 60, 56.0),
                _row("2010405", "日常经济运行调节", 61, 56.0), *rows]
    return Table("general_budget_expenditure", "一般公共预算财政拨款支出决算表", (58, 64), rows=rows)


ADMITTED = ("五、一般公共预算财政拨款支出决算情况说明\n"
            "1.一般公共服务支出（类）发展与改革事务（款）日常经济运行调节（项）。年初预算0万元，"
            "支出决算56万元，决算数大于年初预算数的主要原因是：急救中心对该功能科目使用错误，"
            "实际应使用卫生健康支出（类）公共卫生（款）应急救治机构（项）追加人员工资预算。\n")
PLAIN = ("五、一般公共预算财政拨款支出决算情况说明\n"
         "1.卫生健康支出（类）公共卫生（款）应急救治机构（项）。年初预算4000万元，"
         "支出决算4448.24万元，决算数大于年初预算数的主要原因是：追加人员工资预算。\n")


def test_an_admitted_wrong_code_the_tables_still_print_is_found() -> None:
    found = rules(doc(ADMITTED, [final_table(misbooked=True)]), "NARRATIVE.WRONG_CODE_KEPT")
    assert found == [("情况说明称一般公共服务支出（类）发展与改革事务（款）日常经济运行调节（项）"
                     "“功能科目使用错误”，应为卫生健康支出（类）公共卫生（款）应急救治机构（项），"
                     "表格仍在 2010405 日常经济运行调节 列 56")]


def test_a_corrected_table_passes() -> None:
    assert rules(doc(ADMITTED, [final_table(misbooked=False)]), "NARRATIVE.WRONG_CODE_KEPT") == []


def test_a_reason_that_admits_nothing_passes() -> None:
    assert rules(doc(PLAIN, [final_table(misbooked=True)]), "NARRATIVE.WRONG_CODE_KEPT") == []


def test_a_line_without_a_bracketed_2_names_no_code() -> None:
    """NARRATIVE.CODE reads only the lines where _BRACKETED finds an opening bracket before a
    2: on made-up lines, NAMED_CODE finds nothing in the others (their blanks taken out)."""
    import random

    from yusuan.rules.narrative.names import _BRACKETED, NAMED_CODE

    alphabet = ["行政运行", "（", "(", "）", ")", " ", "\u3000", "\t", "2", "0", "1", "3", "201",
                "32", "项", "万元"]
    rng = random.Random(18)
    for _ in range(30000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16)))
        if _BRACKETED.search(text) is None:
            assert NAMED_CODE.search("".join(text.split())) is None, text
