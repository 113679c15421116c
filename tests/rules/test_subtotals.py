"""SUBTOTAL.PART: a numbered line under a 小计 holds no more than it (the 资金来源 lines of a
绩效自评表, which no table rule reads)."""

from __future__ import annotations

from yusuan.pipeline import document_from_text
from yusuan.rules import run_rules

FORM = (
    "部门整体绩效自评表\n"
    "财政资金安排和使用情况\t\t\t预算安排\t\t拨付情况\t\t分值\n"
    "\t\t\t年初预算安排金额①\t年中调整金额②\t年度拨付金额③\t支出实现率(%)④=③/①\t\n"
    "\t合计\t\t9209.55\t790.22\t8874.74\t96.36\t10\n"
    "\t财政资金小计\t\t{subtotal}\t790.22\t8874.74\t{rate}\t\n"
    "\t①中央财政资金\t\t0.00\t0.00\t0.00\t0.00\t\n"
    "\t②省级财政资金\t\t0.00\t0.00\t0.00\t0.00\t\n"
    "\t③地方财政资金\t\t9209.55\t790.22\t8874.74\t96.36\t\n"
    "\t其他资金小计\t\t0.00\t0.00\t0.00\t0.00\t\n"
    "年度总体目标\t完成各项工作\n"
)


def found(text: str) -> list:
    return run_rules(document_from_text(text), only=["SUBTOTAL.PART"])


def test_a_subtotal_that_holds_its_parts_passes() -> None:
    assert found(FORM.format(subtotal="9209.55", rate="96.36")) == []


def test_a_subtotal_printed_as_zero_over_a_larger_part_is_found_at_both_lines() -> None:
    findings = found(FORM.format(subtotal="0.00", rate="96.36"))
    assert len(findings) == 1
    assert findings[0].message == ("“财政资金小计”（年初预算安排金额①）印为 0.00，其下分项“③地方财政资金”"
                                   "却为 9209.55：分项大于小计")
    assert [loc.line for loc in findings[0].locations] == [5, 8]


def test_a_rate_column_is_not_summed() -> None:
    assert found(FORM.format(subtotal="9209.55", rate="50.00")) == []


def test_a_column_without_a_header_is_not_judged() -> None:
    text = FORM.format(subtotal="0.00", rate="96.36").replace(
        "\t\t\t年初预算安排金额①\t年中调整金额②", "\t\t\t\t年中调整金额②").replace(
        "\t\t\t预算安排\t", "\t\t\t\t")
    assert found(text) == []


def test_the_header_is_read_only_above_a_subtotal_with_parts(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from yusuan.rules.tables import groups

    read: list[int] = []
    header = groups._header

    def counted(rows, index, columns):  # type: ignore[no-untyped-def]
        read.append(index + 1)
        return header(rows, index, columns)

    monkeypatch.setattr(groups, "_header", counted)
    assert len(found(FORM.format(subtotal="0.00", rate="96.36"))) == 1
    assert read == [5]  # 财政资金小计; not 合计 nor 其他资金小计, which have no ①② under them
