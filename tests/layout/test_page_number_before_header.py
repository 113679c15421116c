"""A page number printed between a table's title and its header rows (the title at the foot
of one page, the table at the top of the next) is not a header row."""

from __future__ import annotations

from yusuan.model import Line, Source
from yusuan.pipeline import source_to_document

GROUP = ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"]
PARTS = ["", "", "小计", "公务用车购置费", "公务用车运行维护费", ""]
LINES = [
    ("财政拨款“三公”经费支出决算表", 4), ("金额单位：万元", 4), ("- 4 -", 4),
    ("\t".join(["预算数"] + [""] * 5 + ["决算数"] + [""] * 5), 5),
    ("\t".join(GROUP * 2), 5), ("\t".join(PARTS * 2), 5),
    ("5.80\t0.00\t4.00\t0.00\t4.00\t1.80\t5.10\t0.00\t3.60\t0.00\t3.60\t1.50", 5),
]


def test_page_number_is_not_a_header_row() -> None:
    source = Source("x.pdf", "pdf", "", [Line(number, text, page) for number, (text, page)
                                         in enumerate(LINES, start=1)], pages=5)
    table = source_to_document(source).table("sangong")
    assert table is not None
    assert [column.header[0] for column in table.columns] == ["预算数"] * 6 + ["决算数"] * 6
    assert table.header_lines == (4, 6)


def test_a_contents_entry_above_a_page_number_in_cells_is_no_table() -> None:
    """北京 情况说明's 目录: “十、政府采购预算明细表” and the page's foot “- 1 -”, laid out in three
    cells (-, 1, -): no table whose figure is the page number."""
    lines = [("目录", 1), ("九、财政拨款“三公”经费支出表", 1), ("十、政府采购预算明细表", 1),
             ("-\t1\t-", 1), ("十一、财政拨款政府购买服务明细表", 2), ("—\t2\t—", 2),
             ("第一部分 2026 年度部门预算情况说明", 3), ("一、部门情况说明", 3)]
    source = Source("x.pdf", "pdf", "", [Line(number, text, page) for number, (text, page)
                                         in enumerate(lines, start=1)], pages=3)
    doc = source_to_document(source)
    assert not [t for t in doc.tables if any(row.values for row in t.rows)]
