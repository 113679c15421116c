from yusuan.rules import run_rules
from yusuan.rules.tables.completeness import BUDGET_CORE, table_number

from .builders import document, table


def _core(*skip: str, year: int = 2019, text: list[str] | None = None):
    tables = [table(k, [("208", "x", {"total": "1.00"})], first_line=100 + 10 * i)
              for i, k in enumerate(BUDGET_CORE) if k not in skip]  # after the text
    return document(*tables, year=year, text=text)


CONTENTS = ["目  录", "一、收支总表", "二、收入总表", "三、支出总表", "四、财政拨款收支总表",
            "五、一般公共预算支出表", "六、一般公共预算基本支出表", "七、一般公共预算“三公”经费支出表",
            "八、政府性基金预算支出表…………………12"]


def test_a_table_the_contents_announce_must_be_printed() -> None:
    found = run_rules(_core("gov_fund", text=CONTENTS), only=["MISSING.TABLE"])
    warnings = [f for f in found if f.severity == "warning"]
    assert len(warnings) == 1 and warnings[0].category == "missing_content"
    assert warnings[0].locations[0].line == len(CONTENTS)  # the contents entry first
    assert run_rules(_core(text=CONTENTS), only=["MISSING.TABLE"]) == []


def test_a_table_nobody_announced_is_not_missing() -> None:
    """The tables are often a separate file: absent and unannounced accuses nothing."""
    assert run_rules(_core("gov_fund", "summary", text=["x"] * 5), only=["MISSING.TABLE"]) == []


def test_a_printed_title_that_was_not_read_is_not_missing() -> None:
    text = [*CONTENTS, *["x"] * 60, "2023年政府性基金预算支出表"]
    assert run_rules(_core("gov_fund", text=text), only=["MISSING.TABLE"]) == []


def test_a_sentence_announces_too() -> None:
    text = ["x", "具体见《政府性基金预算支出表》。"]
    found = run_rules(_core("gov_fund", text=text), only=["MISSING.TABLE"])
    assert [(f.severity, f.locations[0].line) for f in found] == [("warning", 2)]


def _narrative(lines: int = 40) -> list[str]:
    return ["第三部分 2023年部门预算情况说明", *["x"] * (lines - 1)]


def _judged(empty, text):
    """EMPTY.TABLE on a document with the empty table and one filled table."""
    full = table("expenditure", [("208", "x", {"total": "1.00"})], first_line=70)
    return run_rules(document(empty, full, text=text), only=["EMPTY.TABLE"])


def test_empty_table_explained_or_not() -> None:
    empty = table("gov_fund", [], first_line=50)
    empty.empty = True
    text = _narrative()
    assert len(_judged(empty, text)) == 1
    text[30] = "本单位没有使用政府性基金预算拨款安排的支出，故本表无数据。"
    assert _judged(empty, text) == []


def test_empty_table_explained_by_note() -> None:
    for note in ("本年度没有国有资本经营预算支出，故本表无数据", "注：本部门无该项目"):
        empty = table("soe_capital", [], note=note, first_line=50)
        empty.empty = True
        assert _judged(empty, _narrative()) == [], note


def test_empty_table_marked_empty_in_the_contents() -> None:
    empty = table("project_expenditure", [], title="部门综合预算财政拨款上年结转资金支出表", first_line=50)
    empty.empty = True
    text = _narrative()
    assert len(_judged(empty, text)) == 1
    text[5] = "表11  部门综合预算财政拨款上年结转资金支出表  是  空表  不涉及"
    assert _judged(empty, text) == []


def test_tables_alone_or_a_blank_template_are_not_judged() -> None:
    empty = table("gov_fund", [], first_line=50)
    empty.empty = True
    full = table("expenditure", [("208", "x", {"total": "1.00"})], first_line=60)
    assert run_rules(document(empty, full, text=["x"] * 40), only=["EMPTY.TABLE"]) == []
    blank = table("expenditure", [], first_line=60)
    blank.empty = True
    assert run_rules(document(empty, blank, text=_narrative()), only=["EMPTY.TABLE"]) == []
    # a template's tables print their row names and no figure
    names_only = table("expenditure", [("208", "社会保障和就业支出", {})], first_line=60)
    assert run_rules(document(empty, names_only, text=_narrative()), only=["EMPTY.TABLE"]) == []
    assert len(run_rules(document(empty, full, text=_narrative()), only=["EMPTY.TABLE"])) == 1


def test_a_table_whose_figures_stand_apart_below_its_heading_is_not_judged_empty() -> None:
    """Every cell on a line of its own (a span-placed web page): the table read as a heading
    with no rows (lines 50-52), its amounts on the lines below it."""
    empty = table("summary", [], title="收支总体情况表", first_line=50)
    empty.empty = True
    cells = ["一、财政拨款收入", "28,685.65", "一般公共预算收入", "28,467.65", "政府性基金预算收入",
             "218.00"]
    text = _narrative(52)
    assert _judged(empty, text + ["x"] * len(cells)) != []
    assert _judged(empty, text + cells) == []


def test_numbering() -> None:
    def doc(*numbers: str):
        return document(*(table("other", [], number=n) for n in numbers), text=["x"])
    assert run_rules(doc("表1", "表2", "表3"), only=["TABLE.NUMBERING"]) == []
    found = run_rules(doc("表1", "表2", "表4"), only=["TABLE.NUMBERING"])
    assert len(found) == 1 and found[0].severity == "info"


def test_table_number_forms() -> None:
    forms = ["表1", "表 5-1", "表二", "公开 01 表", "附表4-5", "表十二"]
    assert [table_number(f) for f in forms] == [1, 5, 2, 1, 5, 12]


def test_missing_table_cites_the_text_on_its_subject() -> None:
    text = ["x"] * 5 + ["七、国有资本经营预算财政拨款支出预算情况"]
    found = run_rules(_core(year=2023, text=text), only=["MISSING.TABLE"])
    soe = next(f for f in found if f.locations[0].table == "soe_capital")
    assert 6 in {loc.line for loc in soe.locations}


def test_missing_table_is_placed_between_its_neighbours() -> None:
    tables = [table(k, [("208", "x", {"total": "1.00"})]) for k in BUDGET_CORE]
    tables.append(table("project_expenditure", [("208", "x", {"total": "1.00"})]))
    text = ["目录", "九、国有资本经营预算支出表"]
    found = run_rules(document(*tables, year=2023, text=text), only=["MISSING.TABLE"])
    assert len(found) == 1 and found[0].locations[0].table == "soe_capital"
    gov_fund, projects = tables[BUDGET_CORE.index("gov_fund")], tables[-1]
    assert [loc.line for loc in found[0].locations] == [2, gov_fund.lines[0], projects.lines[0]]


def test_tables_published_as_an_attachment_are_not_missing() -> None:
    """Beijing and Jiangsu publish the 情况说明 and the 报表 as two files."""
    text = [*CONTENTS, "x", "附件：北京市某某局2026年度部门预算报表"]
    assert run_rules(document(text=text, year=2023), only=["MISSING.TABLE"]) == []
    wrapped = [*CONTENTS, "x", "附件：北京市某某局 2026年度部门预", "算报表"]
    assert run_rules(document(text=wrapped, year=2023), only=["MISSING.TABLE"]) == []
    spaced = [*CONTENTS, "x", "", "附 件：北京市某某局 2026年度部门预", "算报表"]  # 附 件, blank before
    assert run_rules(document(text=spaced, year=2023), only=["MISSING.TABLE"]) == []
    found = run_rules(document(text=CONTENTS, year=2023), only=["MISSING.TABLE"])
    assert len(found) == 8 and {f.severity for f in found} == {"info"}


def test_a_narrative_that_prints_none_of_its_tables_is_told_at_info() -> None:
    """江苏省委办公厅: the 情况说明 file's contents list 第二部分's tables, printed in a file of
    their own; one table printed and the others missing is still a warning."""
    found = run_rules(document(text=CONTENTS, year=2023), only=["MISSING.TABLE"])
    assert found and all(f.severity == "info" for f in found)
    one = table("summary", [(None, "收入总计", {"budget": "1.00"})])
    found = run_rules(document(one, text=CONTENTS, year=2023), only=["MISSING.TABLE"])
    assert found and all(f.severity == "warning" for f in found)


def test_a_title_run_into_a_row_of_the_table_before_is_printed() -> None:
    """Beijing 报表: "预算07表政府性基金预算支出表 | 合计 | …" on one line of the table before."""
    before = table("general_budget_expenditure", [("208", "x", {"total": "1.00"})], first_line=100)
    tables = [t for t in _core("gov_fund", text=CONTENTS).tables if t.kind != "general_budget_expenditure"]
    text = [*CONTENTS, *["x"] * 92, "\t208\tx\t1.00", "\t预算07表政府性基金预算支出表\t合计\t\t"]
    assert before.lines[0] <= len(text) <= before.lines[1] + 1
    before.lines = (before.lines[0], len(text))
    found = run_rules(document(*tables, before, text=text), only=["MISSING.TABLE"])
    assert [f for f in found if f.severity == "warning"] == []


def test_the_contents_may_word_the_empty_tables_title_a_little_differently() -> None:
    empty = table("project_expenditure", [], title="2022部门综合预算财政拨款结转资金支出表", first_line=50)
    empty.empty = True
    text = _narrative()
    text[5] = "表 11\t2022 年部门综合预算财政拨款上年结转资金支出表\t是\t不涉及"
    assert _judged(empty, text) == []


def test_a_sentence_wrapped_through_a_heading_word_is_no_narrative() -> None:
    """A form's text "…通过印制 / 决算编制说明材 / 料，…" in a file of tables alone: no 情况说明."""
    empty = table("gov_fund", [], first_line=50)
    empty.empty = True
    full = table("expenditure", [("208", "x", {"total": "1.00"})], first_line=60)
    text = ["x"] * 20 + ["基础，通过印制", "决算编制说明材", "料，明确决算编"] + ["x"] * 20
    assert run_rules(document(empty, full, text=text), only=["EMPTY.TABLE"]) == []
    text[20] = "第二部分 2026年部门预算情况说明"
    assert len(run_rules(document(empty, full, text=text), only=["EMPTY.TABLE"])) == 1
