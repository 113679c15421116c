"""A table every column of which a rule proved read where it is printed is not doubted as
misread, however many of its rows other checks find wrong (宣传部 表13: an error proven by the
table's 增减 block had the table called "多半是读取有误" by a second check of the same sum); a
proof of some of its cells alone vouches for no more than those."""

from __future__ import annotations

from yusuan.model import Finding, Location
from yusuan.rules.engine.confidence import (
    MISREAD_SUFFIX,
    PROVEN,
    TABLE_PROVEN,
    doubt_misread_tables,
)

from .builders import document, table


def _failing(line: int, **values: object) -> Finding:
    return Finding("SANGONG.TOTAL", "error", "arithmetic", "合计 ≠ 各项之和",
                   [Location(line, table="sangong", column="total")], dict(values))


def _four_rows():
    return table("sangong", [(None, f"单位{i}", {"total": "1.00", "meeting": "2.00"})
                             for i in range(4)])


def test_many_failing_rows_make_a_table_doubted() -> None:
    sangong = _four_rows()
    findings = [_failing(row.line) for row in sangong.rows]
    doubt_misread_tables(document(sangong), findings)
    assert [d for d in sangong.doubts if d.endswith(MISREAD_SUFFIX)]


def test_a_table_proven_read_whole_is_not_doubted() -> None:
    sangong = _four_rows()
    findings = [_failing(row.line) for row in sangong.rows]
    findings.append(_failing(sangong.rows[0].line, **{PROVEN: True, TABLE_PROVEN: True}))
    doubt_misread_tables(document(sangong), findings)
    assert sangong.doubts == []


def test_a_finding_proving_only_its_own_cells_leaves_its_table_doubted() -> None:
    """CROSS.FISCAL_CAP or ROW.NUMBERED prove the cells they cite, not every column: a
    shifted column elsewhere in the table still makes it doubted."""
    sangong = _four_rows()
    findings = [_failing(row.line) for row in sangong.rows]
    findings.append(_failing(sangong.rows[0].line, **{PROVEN: True}))
    doubt_misread_tables(document(sangong), findings)
    assert [d for d in sangong.doubts if d.endswith(MISREAD_SUFFIX)]


def test_a_proven_table_vouches_for_no_other_table() -> None:
    sangong, other = _four_rows(), _four_rows()
    findings = [_failing(row.line) for row in sangong.rows]
    findings.append(_failing(other.rows[0].line, **{PROVEN: True, TABLE_PROVEN: True}))
    doubt_misread_tables(document(sangong, other), findings)
    assert [d for d in sangong.doubts if d.endswith(MISREAD_SUFFIX)] and other.doubts == []
