"""Subject codes printed in parts, one column each for 类, 款 and 项 ("207 | 01 | 01"), the way
many provincial templates and Excel exports print them: the row's code is the parts joined,
a part left blank is the one of the row above."""

from __future__ import annotations

import pytest
from renderers import RENDERERS

from yusuan.pipeline import document_from_text
from yusuan.rules import run_rules

HEADER = [["科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"],
          ["类", "款", "项", "", "", "", ""]]
# every part printed on every row
FULL = [["", "", "", "合计", "300.00", "200.00", "100.00"],
        ["207", "", "", "文化旅游体育与传媒支出", "260.00", "160.00", "100.00"],
        ["207", "01", "", "文化和旅游", "260.00", "160.00", "100.00"],
        ["207", "01", "01", "行政运行", "160.00", "160.00", ""],
        ["207", "01", "02", "一般行政管理事务", "100.00", "", "100.00"],
        ["221", "", "", "住房保障支出", "40.00", "40.00", ""],
        ["221", "02", "", "住房改革支出", "40.00", "40.00", ""],
        ["221", "02", "01", "住房公积金", "40.00", "40.00", ""]]
# each part printed once, on the row it begins
SPARSE = [FULL[0],
          ["207", "", "", *FULL[1][3:]], ["", "01", "", *FULL[2][3:]],
          ["", "", "01", *FULL[3][3:]], ["", "", "02", *FULL[4][3:]],
          ["221", "", "", *FULL[5][3:]], ["", "02", "", *FULL[6][3:]],
          ["", "", "01", *FULL[7][3:]]]
CODES = ["207", "20701", "2070101", "2070102", "221", "22102", "2210201"]


def _text(rows: list[list[str]], layout: str) -> str:
    lines = ["某市某区某局2025年部门预算", "", "表1 部门支出总表", "单位：万元",
             *RENDERERS[layout](HEADER + rows), ""]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("layout", ["tabbed", "pipe", "cell_per_line"])
@pytest.mark.parametrize("rows", [FULL, SPARSE], ids=["full", "sparse"])
def test_parts_join_into_the_code(rows: list[list[str]], layout: str) -> None:
    document = document_from_text(_text(rows, layout))
    table = document.table("expenditure")
    assert table is not None
    assert [r.code for r in table.rows if r.code] == CODES
    assert [r.name for r in table.rows if r.code][2] == "行政运行"
    assert [f.rule for f in run_rules(document)
            if f.severity != "info" and f.rule != "MISSING.TABLE"] == []
