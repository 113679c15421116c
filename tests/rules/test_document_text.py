"""The document as printed: TABLE.LABEL_FORM (table labels in one form), TEXT.STRAY (stray
characters), TEXT.KIND_WORD (a budget's heading naming a 决算)."""

from __future__ import annotations

from dataclasses import replace

from yusuan.model import Document, Line, Source, Table
from yusuan.readers.text import text_to_lines
from yusuan.rules.document.repeated import repeated_items
from yusuan.rules.document.twice import _opens_block
from yusuan.rules.engine import run_rules


def document(text: str, kind: str = "部门预算", tables: list[tuple[int, int]] = ()) -> Document:
    source = Source("t.txt", "text", "", text_to_lines(text))
    return Document(source, department="某局", year=2026, kind=kind, unit="万元",
                    tables=[Table("other", source.line_text(first), (first, last))
                            for first, last in tables])


def messages(doc: Document, rule_id: str) -> list[str]:
    return [f.message for f in run_rules(doc, only=[rule_id])]


LABELS = ["预算10表 政府采购预算明细表", "预算11表 政府购买服务明细表", "预算12表 项目支出绩效目标表",
          "预算13表 部门整体支出绩效目标表"]


def labelled(labels: list[str]) -> Document:
    text = "".join(f"{label}\n项目\t金额\n合计\t1.00\n" for label in labels)
    return document(text, tables=[(1 + 3 * i, 3 + 3 * i) for i in range(len(labels))])


def test_labels_in_one_form_pass() -> None:
    assert messages(labelled(LABELS), "TABLE.LABEL_FORM") == []


def test_a_label_with_its_characters_reordered_is_reported() -> None:
    labels = [label.replace("预算12表", "预算表12") for label in LABELS]
    assert messages(labelled(labels), "TABLE.LABEL_FORM") == [
        "表格编号写法与其他表不同：“预算表12”，其他3张表写作“预算10表”"]


def test_labels_too_few_or_of_other_words_are_not_judged() -> None:
    assert messages(labelled([LABELS[0], "预算表11 政府购买服务明细表", LABELS[2]]),
                    "TABLE.LABEL_FORM") == []
    mixed = [LABELS[0], LABELS[1], LABELS[2], "附表4 部门整体支出绩效目标表"]
    assert messages(labelled(mixed), "TABLE.LABEL_FORM") == []


CLEAN = "2026年，本局主要任务是深化改革，持续向好发展。\n"


def test_plain_text_has_no_stray_characters() -> None:
    assert messages(document(CLEAN + "符合A类标准，共2026年。\n"), "TEXT.STRAY") == []


def test_stray_characters_are_reported_once_per_kind() -> None:
    for stray, what in (("2026A 年", "年份中夹有字母或符号"), ("202·年", "年份中夹有字母或符号")):
        assert messages(document(CLEAN.replace("2026年", stray)), "TEXT.STRAY") == [
            f"文字中有多余字符（{what}）：“{stray}”"]
    assert messages(document(CLEAN.replace("发展。", "发展。？") * 2), "TEXT.STRAY") == [
        "文字中有多余字符（句号后多出问号）：“。？”"]


HEADINGS = "一、部门职责\n二、机构设置及部门预算单位构成\n纳入财政预决算管理的经费。\n"


def test_a_budget_heading_naming_the_budget_passes() -> None:
    assert messages(document(HEADINGS), "TEXT.KIND_WORD") == []
    assert messages(document(HEADINGS.replace("预算单位", "决算单位"), kind="部门决算"),
                    "TEXT.KIND_WORD") == []


def test_a_budget_heading_naming_a_final_account_is_reported() -> None:
    assert messages(document(HEADINGS.replace("预算单位", "决算单位")), "TEXT.KIND_WORD") == [
        "部门预算的标题写作“二、机构设置及部门决算单位构成”（“部门决算”）"]


GOALS = ("项目名称\t年度绩效目标\n航道养护\t2026年完成航道养护。\n航道建设\t2026年完成航道建设前期工作。\n"
         "指标\t时效指标\t项目完成时间\t2026年12月31日\n")


def goals(text: str, kind: str = "部门预算") -> Document:
    doc = document(text, kind=kind)
    doc.tables = [Table("project_performance", "项目支出绩效目标表", (1, 4))]
    return doc


def test_goals_of_the_budget_year_pass() -> None:
    assert messages(goals(GOALS), "PROJECT.PAST_YEAR") == []


def test_a_goal_or_a_completion_date_of_an_earlier_year_is_reported() -> None:
    past = GOALS.replace("2026年完成航道建设", "2025年按照职责完成航道建设")
    assert messages(goals(past), "PROJECT.PAST_YEAR") == [
        "2026年度预算的项目（项目支出绩效目标表）写“2025年按照职责完成航道建设前…”（2025年）"]
    late = GOALS.replace("2026年12月31日", "2025年12月31日")
    assert messages(goals(late), "PROJECT.PAST_YEAR") == [
        "2026年度预算的项目绩效指标写“完成时间2025年12月31日”（2025年）"]
    assert messages(goals(late, kind="部门决算"), "PROJECT.PAST_YEAR") == []


def test_a_table_in_doubt_for_its_figures_keeps_the_findings_on_its_words() -> None:
    doc = goals(GOALS.replace("2026年12月31日", "2025年12月31日"))
    doc.tables[0].doubts.append("列标题未能识别")
    assert len(messages(doc, "PROJECT.PAST_YEAR")) == 1


ROWS = "".join(f"{name}\t{n}\t0.00\n" for n, name in enumerate(
    ["一、一般公共服务支出", "二、外交支出", "三、国防支出", "四、公共安全支出", "五、教育支出"], start=28))


def numbered(text: str) -> Document:
    doc = document("项目\t行次\t金额\n" + text)
    doc.tables = [Table("fiscal_summary", "财政拨款收入支出决算总表", (1, 6))]
    return doc


def test_row_numbers_in_sequence_pass() -> None:
    assert messages(numbered(ROWS), "TABLE.ROW_NUMBER") == []
    assert messages(numbered(ROWS.replace("\t29\t", "\t\t")), "TABLE.ROW_NUMBER") == []


def test_a_row_number_out_of_sequence_is_reported() -> None:
    assert messages(numbered(ROWS.replace("\t29\t", "\t39\t")), "TABLE.ROW_NUMBER") == [
        "财政拨款收入支出决算总表“二、外交支出”的行次印作 39，前后两行为 28 和 30，应为 29"]


def test_a_row_number_header_printed_with_a_space_is_read() -> None:
    doc = numbered(ROWS.replace("\t29\t", "\t39\t"))
    doc.source.lines[0] = replace(doc.source.lines[0], text="项目\t行 次\t金额")
    assert len(messages(doc, "TABLE.ROW_NUMBER")) == 1


def test_a_row_number_header_printed_with_a_blank_is_read() -> None:
    doc = numbered(ROWS.replace("\t29\t", "\t39\t"))
    doc.source.lines[0] = Line(1, "项目\t行　次\t金额")
    assert messages(doc, "TABLE.ROW_NUMBER") == [
        "财政拨款收入支出决算总表“二、外交支出”的行次印作 39，前后两行为 28 和 30，应为 29"]


ITEMS = ("项目概况\t一是开展测绘行业质量检查、成果审查、信用监管等相关工作，保障地理信息管理工作顺利开展；"
         "二是统筹开展地质灾害防治基础建设工作，全面提升我市地质灾害防治能力，力争取得重大突破进展。"
         "三是主要用于开展永久基本农田保护管理、落实占补平衡改革要求，完成耕地保护责任目标考核等相关工作。\n")


def test_items_printed_once_pass() -> None:
    assert messages(document(ITEMS), "TEXT.REPEATED") == []
    # items alike under different labels are not one item twice
    alike = ITEMS.replace("二是统筹开展地质灾害防治基础建设工作", "二是开展测绘行业质量检查、成果审查、信用监管等相关工作")
    assert messages(document(alike), "TEXT.REPEATED") == []


def test_an_item_printed_twice_is_reported() -> None:
    third = ITEMS[ITEMS.index("三是"):].strip()
    assert messages(document(ITEMS.strip() + " " + third + "\n"), "TEXT.REPEATED") == [
        "同一条目印了两次：“三是主要用于开展永久基本农田保护管理、落实占补平衡改革要求，完成耕地保护责任目标考核…”"]


def test_the_shortest_cell_an_item_can_be_printed_twice_in_is_read() -> None:
    # 一是 and forty characters, then 一是 again two characters on: the same forty-two
    # characters printed from two starts (the rule skips shorter cells unread)
    cell = "一是" * 22
    assert repeated_items(cell) == [cell[:42]]
    assert len(messages(document(f"说明\t{cell}\n"), "TEXT.REPEATED")) == 1
    assert all(repeated_items(cell[:n]) == [] for n in range(43))


def test_the_shortest_cell_that_holds_an_item_twice_is_searched() -> None:
    # two labels of two characters, the second followed by forty: 44 characters, blanks aside
    for cell in ("一是" * 22, "一是" * 11 + "\u3000 " + "一是" * 11):
        assert messages(document(f"说明\t{cell}\n"), "TEXT.REPEATED") == [
            f"同一条目印了两次：“{'一是' * 21}…”"]
        assert messages(document(f"说明\t{cell[:-1]}\n"), "TEXT.REPEATED") == []


def test_a_line_that_is_only_the_shortest_cell_with_an_item_twice_is_searched() -> None:
    cell = "一是" * 22  # 44 characters: the shortest that can hold an item twice
    assert len(messages(document(f"{cell}\n"), "TEXT.REPEATED")) == 1
    assert messages(document(f"{cell[:-1]}\n"), "TEXT.REPEATED") == []


GOAL = "年度目标\t通过专栏畅通帮扶渠道，汇聚更多社会力量关心关爱特殊少年群体，提升全市孤弃儿童福利保障水平。\n"
INDICATORS = "".join(f"\t产出指标\t数量指标\t指标{i}\t≥{i}个\n" for i in range(1, 6))


def two_forms(second_goal: str, extra: str = "") -> Document:
    first = "项目名称\t关爱帮扶专栏\n" + GOAL + INDICATORS
    second = "项目名称\t康复补助资金\n" + second_goal + INDICATORS + extra
    doc = document(first + second)
    end_first = first.count("\n")
    doc.tables = [Table("project_performance", "关爱帮扶专栏项目绩效目标表", (1, end_first)),
                  Table("project_performance", "康复补助资金项目绩效目标表",
                        (end_first + 1, end_first + second.count("\n")))]
    return doc


def test_two_forms_sharing_a_goal_pass() -> None:
    assert messages(two_forms(GOAL), "TABLE.PRINTED_TWICE") == []


def test_a_form_block_printed_again_inside_another_form_is_reported() -> None:
    own = GOAL.replace("特殊少年群体", "自闭症儿童群体")
    assert messages(two_forms(own, GOAL + INDICATORS), "TABLE.PRINTED_TWICE") == [(
        "第 2 行起的6行（“年度目标通过专栏畅通帮扶渠道，汇聚更多社…”）又印了一次，"
        "印在康复补助资金项目绩效目标表的“年度目标”之后")]


def test_a_block_printed_again_with_other_blanks_is_reported_as_the_same() -> None:
    own = GOAL.replace("特殊少年群体", "自闭症儿童群体")
    again = GOAL.replace("\t", "\t ") + INDICATORS.replace("≥", " ≥")
    assert messages(two_forms(own, again), "TABLE.PRINTED_TWICE") == [(
        "第 2 行起的6行（“年度目标通过专栏畅通帮扶渠道，汇聚更多社…”）又印了一次，"
        "印在康复补助资金项目绩效目标表的“年度目标”之后")]
    unlike = GOAL + INDICATORS.replace("指标5", "指标6")
    assert messages(two_forms(own, unlike), "TABLE.PRINTED_TWICE") == [(
        "第 2 行起的5行（“年度目标通过专栏畅通帮扶渠道，汇聚更多社…”）又印了一次，"
        "印在康复补助资金项目绩效目标表的“年度目标”之后")]


def test_a_block_is_placed_in_the_first_table_listed_that_spans_it() -> None:
    own = GOAL.replace("特殊少年群体", "自闭症儿童群体")
    doc = two_forms(own, GOAL + INDICATORS)
    whole = Table("project_performance", "项目绩效目标表", (1, len(doc.source.lines)))
    doc.tables.insert(0, whole)  # one table spans both forms: no block is printed in another
    assert messages(doc, "TABLE.PRINTED_TWICE") == []
    doc.tables.append(whole)
    doc.tables.pop(0)
    assert len(messages(doc, "TABLE.PRINTED_TWICE")) == 1


CONTENTS = ("目录\n七、一般公共预算财政拨款“三公”经费支出决算表……11\n八、政府性基金预算财政拨款收入支出决算表……12\n"
            "九、国有资本经营预算财政拨款支出决算表……13\n")
TABLES = {"sangong": "一般公共预算财政拨款“三公”经费支出决算表", "gov_fund": "政府性基金预算财政拨款收入支出决算表",
          "soe_capital": "国有资本经营预算财政拨款支出决算表"}


def test_a_block_opens_with_a_cell_of_thirty_chinese_characters() -> None:
    assert _opens_block("年度目标\t" + "甲" * 30)
    assert not _opens_block("年度目标\t" + "甲" * 29 + "，")


def printed(order: list[str]) -> Document:
    text = CONTENTS + "".join(f"{TABLES[kind]}\n项目\t金额\n" for kind in order)
    doc = document(text, kind="部门决算")
    doc.tables = [Table(kind, TABLES[kind], (5 + 2 * i, 6 + 2 * i)) for i, kind in enumerate(order)]
    return doc


def test_contents_in_printed_order_pass() -> None:
    assert messages(printed(["sangong", "gov_fund", "soe_capital"]), "TOC.ORDER") == []


def test_contents_in_another_order_are_reported() -> None:
    assert messages(printed(["gov_fund", "soe_capital", "sangong"]), "TOC.ORDER") == [(
        "目录所列表格次序与正文不同：目录为“三公”经费支出表、政府性基金预算支出表、国有资本经营预算支出表，"
        "正文为政府性基金预算支出表、国有资本经营预算支出表、“三公”经费支出表")]


def marked_empty(amount: str) -> Document:
    text = ("目录\n表15\t2019年专项资金整体绩效目标表\t是\t本单位无专项资金预算\n附表15\n专项资金整体支出绩效目标表\n"
            f"资金金额（万元）\t{amount}\n")
    doc = document(text)
    doc.tables = [Table("project_performance", "专项资金整体支出绩效目标表", (4, 5), number="附表15")]
    return doc


def test_a_table_marked_empty_and_printed_blank_passes() -> None:
    assert messages(marked_empty("0.00"), "TOC.EMPTY") == []


def test_a_table_marked_empty_and_printed_with_money_is_reported() -> None:
    assert messages(marked_empty("1620.98"), "TOC.EMPTY") == [(
        "目录注明表15“2019年专项资金整体绩效目标表”为空表（本单位无专项资金预算），"
        "正文所印附表15“专项资金整体支出绩效目标表”却有金额 1620.98")]


SANGONG = "（二）公务用车购置及运行费0万元，其中：公务用车购置费0万元；公务用车运行费0万元。公务车辆3辆。\n"


def test_sangong_items_named_as_classified_pass() -> None:
    assert messages(document(SANGONG), "NAME.SANGONG") == []


def test_misnamed_sangong_items_are_reported() -> None:
    slips = SANGONG.replace("公务用车购置及", "公务车购置及").replace("公务用车运行费", "公务车用车运行费")
    assert messages(document(slips + "公务接待费费1.00万元。\n"), "NAME.SANGONG") == [(
        "“三公”经费项目名称写错：“公务车购置及运行费”应为“公务用车购置及运行费”、"
        "“公务车用车运行费”应为“公务用车运行费”、“公务接待费费”应为“公务接待费”")]


def test_a_slip_split_by_spaces_is_read_and_a_line_without_one_is_not() -> None:
    assert messages(document("公务 车运行费2.00万元。\n"), "NAME.SANGONG") == [
        "“三公”经费项目名称写错：“公务车运行费”应为“公务用车运行费”"]
    assert messages(document("公务用车购置费0万元，公务接待费1.00万元。\n"), "NAME.SANGONG") == []


def test_misnamed_sangong_items_are_found_across_blanks() -> None:
    slips = SANGONG.replace("公务用车购置及", "公务 车购置及")
    assert messages(document(slips + "公务接待费\u3000费1.00万元。\n"), "NAME.SANGONG") == [(
        "“三公”经费项目名称写错：“公务车购置及运行费”应为“公务用车购置及运行费”、"
        "“公务接待费费”应为“公务接待费”")]


ROWS_NAMED = ("项目名称\t单位\t金额\n广州市政务服务和数据管理局运营服务项目\t运营中心\t1,391.47\n"
              "重点项目\t金额\n{name}\t1,391.47\n")


def test_one_name_for_one_amount_passes() -> None:
    text = ROWS_NAMED.format(name="广州市政务服务和数据管理局运营服务项目")
    assert messages(document(text), "NAME.ROW_VARIANT") == []
    other = ROWS_NAMED.format(name="广州市政务服务和数据管理局信息化运维项目")
    assert messages(document(other), "NAME.ROW_VARIANT") == []


def test_one_amount_under_a_name_without_its_joining_word_is_reported() -> None:
    text = ROWS_NAMED.format(name="广州市政务服务数据管理局运营服务项目")
    assert messages(document(text), "NAME.ROW_VARIANT") == [(
        "同一金额 1391.47 的项目名称两处不同：“广州市政务服务和数据管理局运营服务项目”与"
        "“广州市政务服务数据管理局运营服务项目”（漏了“和”）")]


def test_names_and_amounts_are_read_with_their_blanks_taken_out() -> None:
    text = ("广州市政务服务和数据管理局运营服务项目\t1,391.47\n"
            "广州市 政务服务数据管理局运营服务项目\t 1,391. 47 \n")
    assert len(messages(document(text), "NAME.ROW_VARIANT")) == 1
    short = "甲 乙 丙 丁 戊 己 庚\t1.00\n甲乙丙丁和戊己庚\t1.00\n"  # seven characters: no name
    assert messages(document(short), "NAME.ROW_VARIANT") == []
    assert messages(document(short.replace("庚", "庚辛")), "NAME.ROW_VARIANT") != []
    eight = "甲乙丙丁戊己庚辛\t1.00\n甲乙丙丁和戊己庚辛\t1.00\n"  # the shortest name, no blank
    assert messages(document(eight), "NAME.ROW_VARIANT") != []


def titled(printed: str) -> Document:
    text = f"目录\n表9\t2019年部门综合预算政府性基金收支表\t是\n表9\n2019年{printed}\n项目\t金额\n"
    doc = document(text)
    doc.tables = [Table("gov_fund", printed, (4, 5), number="表9")]
    return doc


def test_a_page_titled_as_the_contents_pass() -> None:
    for printed in ("部门综合预算政府性基金收支表", "部门综合预算政府性基金收支表（不含上年结转）"):
        assert messages(titled(printed), "TOC.TITLE") == []


def titled_detail(printed: str) -> Document:
    text = ("目录\n表6\t2021年部门综合预算一般公共预算支出明细表（按支出经济分类科目）\t\n表6\n"
            f"2021年{printed}\n项目\t金额\n")
    doc = document(text)
    doc.tables = [Table("general_budget_expenditure", printed, (4, 5), number="表6")]
    return doc


def test_a_qualifier_inside_the_closing_bracket_passes() -> None:
    passing = titled_detail("部门综合预算一般公共预算支出明细表（按支出经济分类科目-不含上年结转）")
    failing = titled_detail("部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）")
    assert messages(passing, "TOC.TITLE") == []
    assert len(messages(failing, "TOC.TITLE")) == 1


def test_a_page_titled_otherwise_than_the_contents_is_reported() -> None:
    assert messages(titled("部门综合预算政府性基金收支总表"), "TOC.TITLE") == [
        "目录中表9名为“部门综合预算政府性基金收支表”，正文表题为“部门综合预算政府性基金收支总表”"]
