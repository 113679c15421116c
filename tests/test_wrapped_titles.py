"""Table titles the page wraps onto a second line read as one title."""

from yusuan.pipeline import document_from_text

SANGONG_ROWS = [
    "部门：某某院\t单位：万元",
    "合计\t“三公”经费\t\t\t\t\t\t会议费\t培训费",
    "\t小计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t\t",
    "\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t",
    "1,384.74\t484.30\t100.00\t267.80\t\t267.80\t116.50\t200.44\t700.00",
]


def test_a_numbered_title_wrapped_before_its_last_words() -> None:
    """江苏 检察院: '公开 09 表：一般公共预算“三公”经费、会议费、培训费' / '支出预算表' is one
    三公 table, not a 三公 title without a table and a 支出预算表 of its own."""
    lines = ["2018年某某院部门预算", "公开 09 表：一般公共预算“三公”经费、会议费、培训费", "支出预算表",
             *SANGONG_ROWS]
    doc = document_from_text("\n".join(lines))
    assert [t.kind for t in doc.tables] == ["sangong"]
    assert doc.tables[0].title.endswith("培训费支出预算表")
    assert doc.headline["sangong_total"]["value"] == 484.30



def test_a_numbered_title_ending_in_its_table_word_takes_no_next_line() -> None:
    lines = ["2018年某某院部门预算", "公开 09 表：“三公”经费、会议费、培训费支出预算表", "支出预算表",
             *SANGONG_ROWS]
    doc = document_from_text("\n".join(lines))
    assert not any(t.title.endswith("表支出预算表") for t in doc.tables)
