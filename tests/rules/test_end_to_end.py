"""Small tab-separated documents through the pipeline and the rules."""

from __future__ import annotations

import pytest

pipeline = pytest.importorskip("yusuan.pipeline")

from yusuan.rules import run_rules

TEXT = """测试局2023年部门预算
一般公共预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t12.00\t9.00\t3.00
208\t社会保障和就业支出\t10.00\t7.00\t3.00
20805\t行政事业单位养老支出\t10.00\t7.00\t3.00
2080505\t机关事业单位基本养老保险缴费支出\t{xiang}\t7.00\t3.00
210\t卫生健康支出\t2.00\t2.00\t
21011\t行政事业单位医疗\t2.00\t2.00\t
2101101\t行政单位医疗\t2.00\t2.00\t
"""


def _errors(xiang: str) -> list:
    doc = pipeline.document_from_text(TEXT.format(xiang=xiang))
    if not doc.tables or not doc.tables[0].rows:
        pytest.skip("pipeline does not read this layout yet")
    return [f for f in run_rules(doc) if f.severity == "error"]


def test_clean_table_has_no_errors() -> None:
    assert _errors("10.00") == []


def test_wrong_item_is_reported_once() -> None:
    errors = _errors("11.00")
    assert len(errors) == 1
    assert errors[0].locations[0].code == "2080505"
