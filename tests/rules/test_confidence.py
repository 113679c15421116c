"""TABLE.UNSURE: a table read with doubt is named once at info and accuses nothing."""

from yusuan.pipeline import document_from_text
from yusuan.recognise.confidence import reading_doubts
from yusuan.rules import run_rules

from .builders import document, table


def _spending(projects: list[str]):
    """An expenditure table whose rows print 合计 10.00 = 基本 7.00 + 项目 (given)."""
    rows = [(f"2080{i}", f"款{i}", {"total": "10.00", "basic": "7.00", "project": project})
            for i, project in enumerate(projects, start=1)]
    return table("expenditure", rows)


def _serious(findings):
    return [f for f in findings if f.severity != "info"]


def test_one_wrong_row_among_many_is_reported() -> None:
    doc = document(_spending(["3.00"] * 7 + ["2.00"]))
    found = run_rules(doc, only=["ROW.TOTAL", "TABLE.UNSURE"])
    assert [f.rule for f in _serious(found)] == ["ROW.TOTAL"]
    assert not any(f.rule == "TABLE.UNSURE" for f in found)


def test_most_rows_wrong_is_a_misread_named_once_at_info() -> None:
    doc = document(_spending(["2.00", "2.00", "2.00", "3.00"]))
    found = run_rules(doc, only=["ROW.TOTAL", "TABLE.UNSURE"])
    assert _serious(found) == []
    unsure = [f for f in found if f.rule == "TABLE.UNSURE"]
    assert len(unsure) == 1 and unsure[0].severity == "info"
    assert "3 行" in unsure[0].message


def test_unread_column_header_withholds_the_tables_findings() -> None:
    t = table("income", [("208", "社会保障和就业支出", {"total": "10.00", "col_6": "9.00",
                                                 "other": "1.00"})])
    t.columns[1].header = []  # printed without a header that could be read
    t.doubts = reading_doubts(t)
    assert t.doubts and "第6列" in t.doubts[0]
    found = run_rules(document(t), only=["ROW.INCOME", "TABLE.UNSURE"])
    assert [f.rule for f in found] == ["TABLE.UNSURE"]


def test_keyed_columns_raise_no_doubt() -> None:
    t = table("income", [("208", "社会保障和就业支出", {"total": "10.00", "general_budget": "9.00",
                                                 "other": "1.00"})])
    assert reading_doubts(t) == []


def test_codes_out_of_their_cells_are_doubted() -> None:
    rows = [("301", "01", {"total": "5.00"}), ("301", "02", {"total": "5.00"}),
            ("30103", "奖金", {"total": "5.00"})]
    assert reading_doubts(table("basic_expenditure", rows)) != []
    rows = [("301", "工资福利支出", {"total": "10.00"}), ("30101", "基本工资", {"total": "10.00"})]
    assert reading_doubts(table("basic_expenditure", rows)) == []


def test_doubts_reach_the_extract_json() -> None:
    from yusuan.report.json_report import extract_json

    text = "收入总表\n单位：万元\n科目编码\t科目名称\t合计\t一般公共预算拨款收入\t甲乙丙丁收入\n208\t社会保障和就业支出\t10.00\t9.00\t1.00\n\t合计\t10.00\t9.00\t1.00"
    tables = extract_json(document_from_text(text))["tables"]
    assert tables and tables[0]["kind"] == "income"
    assert tables[0].get("doubts"), tables[0]


def test_names_run_into_their_amounts_are_doubted() -> None:
    rows = [("30101", "基本工资1,015.15", {"total": "5.00"}), ("30102", "津贴补贴1,822.05", {"total": "5.00"}),
            ("30103", "奖金", {"total": "5.00"})]
    assert reading_doubts(table("basic_expenditure", rows)) != []
    assert reading_doubts(table("other", rows)) != []
    rows = [("30101", "基本工资", {"total": "5.00"}), ("30102", "津贴补贴", {"total": "5.00"})]
    assert reading_doubts(table("basic_expenditure", rows)) == []


def test_a_second_code_column_read_as_amounts_is_doubted() -> None:
    """部门经济分类 301 beside 政府经济分类 501: the 501 is no amount."""
    rows = [("301", "工资福利支出", {"budget": "501", "basic": "590.30"}),
            ("302", "商品和服务支出", {"budget": "502", "basic": "90.15"}),
            ("30101", "基本工资", {"budget": "50501", "basic": "144.43"})]
    assert reading_doubts(table("basic_expenditure", rows)) != []
    rows = [("301", "工资福利支出", {"budget": "590.30"}), ("302", "商品和服务支出", {"budget": "90.15"})]
    assert reading_doubts(table("basic_expenditure", rows)) == []


def test_a_document_checked_twice_is_judged_afresh() -> None:
    doc = document(_spending(["2.00", "2.00", "2.00", "3.00"]))
    run_rules(doc, only=["ROW.TOTAL", "TABLE.UNSURE"])
    run_rules(doc)
    assert len(doc.tables[0].doubts) == 1
    found = run_rules(doc, only=["TABLE.UNSURE"])  # no table rule ran: no misread doubt is left
    assert found == [] and doc.tables[0].doubts == []


def test_cells_read_one_per_row_are_doubted() -> None:
    """A 三公 table whose every cell became a row of one nameless figure."""
    columns = ["total", "outbound", "vehicle", "reception"]
    scattered = [(None, "", {key: value}) for key, value in
                 zip(columns * 2, ["28.10", "0", "19.90", "8.20", "25.02", "0", "17.40", "7.62"])]
    assert reading_doubts(table("sangong", scattered, columns=columns)) != []
    one_row = [(None, "", {"total": "25.02", "outbound": "0", "vehicle": "17.40",
                           "reception": "7.62"})]
    assert reading_doubts(table("sangong", one_row, columns=columns)) == []


def test_a_page_whose_text_layer_scrambles_its_figures_accuses_nothing() -> None:
    """Figures apart from their 万元 and lines of punctuation alone: the page's text is named
    once at info and its sentences support no warning or error; a clean page's still do."""
    from yusuan.model import Finding, Line, Location, Source
    from yusuan.recognise.confidence import scrambled_pages
    from yusuan.rules.engine.confidence import unsure_pages, withhold_doubtful

    scrambled = ["二、支出预算情况", "年年初预算数      万元 其中 教育支出     万元",
                 "( )    :   、   。  :", "商业服务业等支出 7,686.68 万元，住房保障 支出     万元",
                 "“      ”  “         ”;", "， 。 ："]
    clean = ["二、支出预算情况", "商业服务业等支出 7,686.68 万元，主要用于商务发展。"]
    texts = scrambled + clean
    lines = [Line(i + 1, t, page=1 if i < len(scrambled) else 2) for i, t in enumerate(texts)]
    doc = document()
    doc.source = Source("t.pdf", "pdf", "", lines)
    assert list(scrambled_pages(doc.source)) == [1]
    assert [f.rule for f in unsure_pages(doc)] == ["TEXT.UNSURE"]

    def accusation(line: int) -> Finding:
        return Finding("NARRATIVE.TABLE", "error", "narrative_vs_table", "x", [Location(line)])

    kept = withhold_doubtful(doc, [accusation(4), accusation(len(scrambled) + 2)])
    assert [f.locations[0].line for f in kept] == [len(scrambled) + 2]
