"""The glossary's 类/款 entries with their 项 below, against the tables' codes and levels."""

from __future__ import annotations

from tests.narrative.test_rules import doc, rules
from yusuan.model import Table, TableRow


def _row(code: str, name: str, line: int, total: float) -> TableRow:
    return TableRow(name, line, code=code, values={"total": total}, decimals={"total": 2})


def petition_table() -> Table:
    rows = [_row("201", "一般公共服务支出", 60, 30.0), _row("20140", "信访事务", 61, 30.0),
            _row("2014001", "行政运行", 62, 20.0), _row("2014004", "信访业务", 63, 10.0)]
    return Table("general_budget_expenditure", "一般公共预算支出表", (59, 63), rows=rows)


# the 款 entry wraps onto a second line, so the entries below it read as its own section
RIGHT = ("第四部分 名词解释\n一、基本支出：指人员支出和公用支出。\n"
         "二、一般公共服务（类）信访事务（款）：指本局开展信访业\n务活动的支出。\n"
         "行政运行（项）：指本局机关保障机构正常运转的基本支出。\n"
         "信访业务（项）：指本局专项用于信访业务工作的项目支出。\n")
OLD = ("第四部分 名词解释\n一、基本支出：指人员支出和公用支出。\n"
       "二、一般公共服务（类）政府办公厅（室）及相关机构\n事务（款）：指本局开展信访业务活动的支出。\n"
       "行政运行（项）：指本局机关保障机构正常运转的基本支出。\n"
       "信访事务（项）：指本局专项用于信访业务工作的项目支出。\n")


def test_a_glossary_in_the_tables_codes_passes() -> None:
    assert rules(doc(RIGHT, [petition_table()]), "NARRATIVE.GLOSSARY") == []


def test_items_under_a_kuan_the_tables_do_not_print_are_found() -> None:
    found = rules(doc(OLD, [petition_table()]), "NARRATIVE.GLOSSARY")
    assert any("表格中列在 20140 信访事务 之下（2014001 行政运行）" in m for m in found), found


def test_an_item_the_tables_print_as_a_kuan_is_found() -> None:
    found = rules(doc(OLD, [petition_table()]), "NARRATIVE.GLOSSARY")
    assert "“信访事务”写作项，表格中没有此项，20140 信访事务为款" in found, found


def test_an_inherited_kuan_is_judged_once() -> None:
    renamed = RIGHT.replace("信访事务（款）", "信访事物（款）")
    found = rules(doc(renamed, [petition_table()]), "NARRATIVE.GLOSSARY")
    assert [m for m in found if "信访事物" in m] == ["款名写作“信访事物”，表格中 20140 为“信访事务”"]


def test_a_running_head_between_an_entry_and_its_wrapped_rest_is_left_out() -> None:
    """The 款 entry ends a page; the next page opens with the running head, then the 项."""
    from yusuan.model import Document, Line, Source
    from yusuan.recognise.narrative import extract_facts
    from yusuan.rules.engine import run_rules

    head = "某市信访局 2026 年度部门预算公开"
    pages = [[head, "第四部分 名词解释", "一、基本支出：指人员支出和公用支出。"],
             [head, "二、一般公共服务支出（类）信访事务（款）"],
             [head, "信访业务（项）：指本局专项用于信访业务工作的项目支出。"]]
    lines = [Line(0, text, page) for page, texts in enumerate(pages, start=1) for text in texts]
    lines = [Line(number, line.text, line.page) for number, line in enumerate(lines, start=1)]
    source = Source("t.pdf", "pdf", "", lines)
    document = Document(source, department="某市信访局", year=2026, kind="部门预算", unit="万元",
                        tables=[petition_table()], facts=extract_facts(source))
    items = [f.extra.get("items") for f in document.facts if f.concept == "glossary_item"]
    assert ["信访业务"] in items, items
    assert [f.message for f in run_rules(document, only=["NARRATIVE.GLOSSARY"])] == []
