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


DETAIL_ROWS = [
    "单位：元",
    "功能科目编码\t功能科目名称\t合计\t人员经费支出\t公用经费支出\t专项业务经费支出",
    "\t合计\t30.00\t10.00\t5.00\t15.00",
    "201\t一般公共服务支出\t30.00\t10.00\t5.00\t15.00",
]
ECONOMIC_ROWS = [
    "单位：元",
    "部门经济科目编码\t部门经济科目名称\t政府经济科目编码\t政府经济科目名称\t合计\t人员经费支出\t公用经费支出\t专项业务经费支出",
    "\t合计\t\t\t30.00\t10.00\t5.00\t15.00",
    "301\t工资福利支出\t\t\t10.00\t10.00\t0.00\t0.00",
    "30101\t基本工资\t50101\t工资奖金津补贴\t10.00\t10.00\t0.00\t0.00",
]


def test_a_title_wrapped_inside_its_bracket_keeps_the_tail_out_of_the_header() -> None:
    """'…支出明细表（按支出功能分类科' / '目-不含上年结转）': one title; the tail is no column
    header."""
    lines = ["2021年某某部部门预算", "表5", "2021年部门综合预算一般公共预算支出明细表（按支出功能分类科",
             "目-不含上年结转）", *DETAIL_ROWS]
    table = document_from_text("\n".join(lines)).tables[0]
    assert table.title.endswith("（按支出功能分类科目-不含上年结转）")
    assert table.columns[0].header == ["合计"]


def test_a_number_on_its_own_line_starts_a_new_table_of_the_same_kind() -> None:
    """'表5' … rows, then '表6' over a title of the same kind: two tables, not one continued
    over a page break."""
    lines = ["2021年某某部部门预算", "表5", "2021年部门综合预算一般公共预算支出明细表（按支出功能分类科目）",
             *DETAIL_ROWS, "表6", "2021年部门综合预算一般公共预算支出明细表（按支出经济分类科目）",
             *ECONOMIC_ROWS]
    tables = document_from_text("\n".join(lines)).tables
    assert [t.number for t in tables] == ["表5", "表6"]
    assert tables[1].rows[-1].name == "基本工资"
