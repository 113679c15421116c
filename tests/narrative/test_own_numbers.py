"""The narrative against its own numbers: rates from nothing, rates in brackets, a reason the
other way, one change stated twice, shares of a total the narrative gives, counts after 其中,
the SME shares by kind of procurement."""

from __future__ import annotations

from tests.narrative.test_rules import doc, rules
from yusuan.model import Table, TableRow
from yusuan.rules import run_rules

FROM_NOTHING = "四、三公经费\n1.因公出国（境）费13万元，比上年增加{change}万元，增长{rate}%，主要原因是需要。"


def test_a_rate_of_growth_from_nothing_is_found() -> None:
    found = run_rules(doc(FROM_NOTHING.format(change="13", rate="0")), only=["NARRATIVE.RATE"])
    assert len(found) == 1 and found[0].severity == "warning"
    assert "比较的基数为 0，增长率无从计算，写作 0%" in found[0].message


def test_growth_of_100_from_nothing_is_a_warning() -> None:
    """'13万元，比上年增加13万元，增长100%': last year's figure is nothing, so no rate of growth
    follows from it; the convention does not make it computable (issue 13)."""
    found = run_rules(doc(FROM_NOTHING.format(change="13", rate="100")), only=["NARRATIVE.RATE"])
    assert [f.severity for f in found] == ["warning"]
    assert "比较的基数为 0，增长率无从计算，写作 100%" in found[0].message
    assert "新增" in found[0].message and "常见写法" not in found[0].message
    assert "new" in found[0].args["text_en"] and "common" not in found[0].args["text_en"]


def test_growth_of_100_that_a_small_prior_allows_is_not_reported() -> None:
    """'0.1万元，比上年增加0.1万元，增长100%': printed to one place, last year may have been 0.05
    (0.10 this year, 0.05 more), and then 100% is right."""
    text = "四、三公经费\n1.公务接待费0.1万元，比上年增加0.1万元，增长100%，主要原因是需要。"
    assert rules(doc(text), "NARRATIVE.RATE") == []


def test_a_rate_from_a_prior_year_passes() -> None:
    assert rules(doc(FROM_NOTHING.format(change="3", rate="30")), "NARRATIVE.RATE") == []


def test_a_decrease_to_nothing_is_a_rate_of_100() -> None:
    text = "四、三公经费\n公务用车运行维护费 0 万元，较上年减少 8 万元（100%），原因是压减。"
    assert rules(doc(text), "NARRATIVE.RATE") == []


BRACKETS = "四、会议费\n会议费 32 万元，较上年减少 14.2 万元（{rate}%），减少的原因是压减。"


def test_a_rate_in_brackets_after_its_change_is_checked() -> None:
    assert rules(doc(BRACKETS.format(rate="30.74")), "NARRATIVE.RATE") == []
    found = rules(doc(BRACKETS.format(rate="44.38")), "NARRATIVE.RATE")
    assert len(found) == 1 and "增减率应为 30.74%，写作 44.38%" in found[0]


REASON = "四、三公经费\n“三公”经费预算支出6.51万元，较上年{word}9.49万元，减少的主要原因是厉行节约。"


def test_a_reason_for_the_other_direction_is_found() -> None:
    assert rules(doc(REASON.format(word="减少")), "NARRATIVE.DIRECTION") == []
    found = rules(doc(REASON.format(word="增加")), "NARRATIVE.DIRECTION")
    assert len(found) == 1 and "随后说明“减少的原因”" in found[0]


TWICE = ("一、支出预算\n（10）住房公积金（2210201）192.99 万元，较上年增加 15.96 万元，原因是调资。\n"
         "（11）购房补贴（2210203）99.45 万元，较上年增加 16.627 万元，原因是调资。\n"
         "二、基本支出\n⑥住房公积金（2210201）192.99 万元，较上年增加 {again} 万元，原因是调资。\n"
         "⑦购房补贴（2210203）99.45 万元，较上年增加 16.62 万元，原因是调资。")


def test_one_change_stated_twice_differently_is_found_at_both_lines() -> None:
    found = run_rules(doc(TWICE.format(again="15.95")), only=["NARRATIVE.CHANGE"])
    assert len(found) == 1
    assert "一处写作比上年增加 15.96，另一处写作增加 15.95" in found[0].message
    assert [loc.line for loc in found[0].locations] == [2, 5]


def test_one_change_stated_twice_alike_or_cut_passes() -> None:
    assert rules(doc(TWICE.format(again="15.96")), "NARRATIVE.CHANGE") == []


ASSETS = ("五、国有资产\n本单位固定资产总量为4295.98万元，房屋和构筑物3773.63万元，占固定资产总额的87.84%，"
          "设备335.24万元，占固定资产总额的{share}%，家具和用具172.11万元，占固定资产总额的4%。")


def test_asset_shares_are_of_the_asset_total_stated_before_them() -> None:
    assert rules(doc(ASSETS.format(share="7.80")), "NARRATIVE.SHARE") == []
    found = rules(doc(ASSETS.format(share="7.90")), "NARRATIVE.SHARE")
    assert len(found) == 1 and "设备 335.24 占 4295.98 应为 7.80%" in found[0]


def test_an_asset_share_without_a_total_before_it_is_not_judged() -> None:
    text = "五、国有资产\n房屋3773.63万元，设备335.24万元，占固定资产总额的7.90%。"
    assert rules(doc(text), "NARRATIVE.SHARE") == []


SANGONG = ("四、三公经费\n“三公”经费预算支出中，因公出国（境）费支出 222.5万元，占“三公”经费的 {a}%；"
           "公务用车购置及运行费支出 183.6 万元，占“三公”经费的 {b}%；公务接待费支出427.5 万元，"
           "占“三公”经费的 {c}%。")


def test_shares_of_the_three_sangong_items_are_of_their_sum() -> None:
    assert rules(doc(SANGONG.format(a="26.69", b="22.02", c="51.28")), "NARRATIVE.SHARE") == []
    found = rules(doc(SANGONG.format(a="8.75", b="7.22", c="16.81")), "NARRATIVE.SHARE")
    assert len(found) == 3 and "因公出国（境）费支出 222.5 占 三项“三公”经费之和 833.6 应为 26.69%" in found[0]


COUNTS = "六、国有资产\n单位价值50万元以上设备8台，其中，单位价值100万元以上设备{part}台。"


def test_a_count_after_qizhong_above_its_whole_is_found() -> None:
    assert rules(doc(COUNTS.format(part="5")), "NARRATIVE.COUNT_PART") == []
    found = rules(doc(COUNTS.format(part="15")), "NARRATIVE.COUNT_PART")
    assert len(found) == 1 and "其中所列 15台 多于总数 8台" in found[0]


def test_a_change_before_qizhong_is_no_whole() -> None:
    text = "一、人员\n实有人数比上年减少2人，其中：退休3人，调入1人。"
    assert rules(doc(text), "NARRATIVE.COUNT_PART") == []


SME = ("九、政府采购支出说明\n2024 年度政府采购支出总额 1967.42 万元，其中：政府采购货物支出 171.7 万元、"
       "政府采购工程支出 3 万元、政府采购服务支出 1792.72 万元。授予中小企业合同金额 1820.69 万元，"
       "占政府采购支出总额的 92.54%；货物采购授予中小企业合同金额占货物支出金额的{goods}%，"
       "服务采购授予中小企业合同金额占服务支出金额的{services}%。")


def test_sme_shares_by_kind_that_cannot_make_the_sme_amount_are_found() -> None:
    found = rules(doc(SME.format(goods="9.16", services="90.84")), "NARRATIVE.PROCUREMENT_PART")
    assert len(found) == 1 and "中小企业合同金额至多 1647.84万元，写作 1820.69万元" in found[0]


def test_sme_shares_by_kind_that_allow_the_sme_amount_pass() -> None:
    assert rules(doc(SME.format(goods="100", services="95")), "NARRATIVE.PROCUREMENT_PART") == []


def fiscal_summary(total: float) -> Table:
    row = TableRow("收入总计", 40, values={"total": total}, decimals={"total": 2}, side="income")
    return Table("fiscal_summary", "财政拨款收支总表", (39, 41), rows=[row])


FISCAL = "二、财政拨款收支预算\n2026 年国家信访局财政拨款收支总预算 18,728.91 万元。"


def test_the_fiscal_grand_total_is_the_fiscal_summary_tables() -> None:
    assert rules(doc(FISCAL, [fiscal_summary(18728.91)]), "NARRATIVE.TABLE") == []
    found = rules(doc(FISCAL, [fiscal_summary(18728.94)]), "NARRATIVE.TABLE")
    assert len(found) == 1 and "18728.94" in found[0]


SELF_EVAL = ("十三、绩效\n（一）绩效管理\n本部门在部门决算中反映机场入境人员核酸检测费用等{first}个\n一级项目的绩效自评结果。\n"
             "（三）项目绩效自评结果。\n本部门在部门决算中反映病媒生物防制项目等87个一\n级项目的绩效自评结果。")


def test_the_number_of_self_evaluated_projects_is_one() -> None:
    assert rules(doc(SELF_EVAL.format(first="87")), "NARRATIVE.SELF_EVAL_COUNT") == []
    found = run_rules(doc(SELF_EVAL.format(first="82")), only=["NARRATIVE.SELF_EVAL_COUNT"])
    assert len(found) == 1 and "一处写 82 个；一处写 87 个" in found[0].message
    assert [loc.line for loc in found[0].locations] == [3, 6]


def general_budget(item: float) -> Table:
    rows = [TableRow("一般公共服务支出", 50, code="201", values={"total": 10528.33}, decimals={"total": 2}),
            TableRow("人大事务", 51, code="20101", values={"total": 10528.33}, decimals={"total": 2}),
            TableRow("行政运行", 52, code="2010101", values={"total": item}, decimals={"total": 2}),
            TableRow("人大会议", 53, code="2010104", values={"total": 10528.33 - item},
                     decimals={"total": 2})]
    return Table("general_budget_expenditure", "一般公共预算支出表", (49, 53), rows=rows)


ITEM = ("三、财政拨款支出预算\n江苏省人大常委会办公厅 2017 年财政拨款预算支出 10528.33 万元，其中：\n"
        "1. 人大事务行政运行（项）支出 10528.33 万元，与上年相比减少 17.89 万元。")


def test_an_item_named_with_its_kuan_is_the_item_line() -> None:
    assert rules(doc(ITEM, [general_budget(10528.33)]), "NARRATIVE.TABLE") == []
    found = rules(doc(ITEM, [general_budget(4545.94)]), "NARRATIVE.TABLE")
    assert len(found) == 1 and "2010101 行政运行 为 4545.94" in found[0]


SPENT = ("二、项目支出\n③困难企业特困救助、职工帮扶资金预算3,087万元，实际\n支出{whole}万元，预算执行率84.69%。其中：\n"
         "关停企业困难补助预算600万元，实际支出600万元，预算执行率100%。\n"
         "三户特困企业特困救助预算57万元，实际支出54.54万元，预算执行率95.68%。\n"
         "留守机构补助资金预算2,430万元，实际支出1,959.58万元，预算执行率80.64%。\n"
         "④困难企业安全生产隐患整改引导资金预算到位400万元，实际支出385万元。")


def test_spending_of_parts_whose_budgets_make_the_whole() -> None:
    assert rules(doc(SPENT.format(whole="2,614.12")), "NARRATIVE.PARTS") == []
    found = run_rules(doc(SPENT.format(whole="2,614.42")), only=["NARRATIVE.PARTS"])
    assert len(found) == 1 and "实际支出相加却为 2614.12 万元" in found[0].message
    assert [loc.line for loc in found[0].locations] == [3, 4, 5, 6]


BREAKDOWN = ("二、项目支出情况\n关停企业困难补助预算600万元，实际支出600万元，预算执行率100%。用于：工改办负责的企业22家，"
             "资金420.8万元；商改办负责的企业4家，资金48万元；城镇联社负责的企业13\n家，资金110.4万元；"
             "市国资集团负责的企业1家，资金20.8万元。\n三、产出成果\n关停企业困难补助资金覆盖企业{covered}家，"
             "较上年减少3家。")


def test_counts_listed_by_part_that_add_up_to_the_count_stated_elsewhere_pass() -> None:
    assert rules(doc(BREAKDOWN.format(covered="40")), "NARRATIVE.COUNT_BREAKDOWN") == []


def test_counts_listed_by_part_that_do_not_add_up_to_the_count_stated_elsewhere_are_found() -> None:
    found = run_rules(doc(BREAKDOWN.format(covered="41")), only=["NARRATIVE.COUNT_BREAKDOWN"])
    assert [f.message for f in found] == [
        ("“关停企业困难补助”分项所列企业 22 + 4 + 13 + 1 = 40家（资金 420.8 + 48 + 110.4 + 20.8 = 600 万元），"
         "另处写“关停企业困难补助资金覆盖企业41家”")]
    assert [loc.line for loc in found[0].locations] == [2, 3, 5]


def test_a_whole_before_its_parts_is_no_part() -> None:
    """'用于解决28家企业…，其中：A负责的10家企业…': the parts are those after 其中."""
    text = ("整改引导资金预算400万元，实际支出385万元。用于解决28家企业隐患整改，其中：工改办负责的10家企业、"
            "商改办负责的18家企业。\n四、目标\n整改引导资金：完成{done}家企业隐患整改。")
    assert rules(doc(text.format(done="28")), "NARRATIVE.COUNT_BREAKDOWN") == []
    assert len(rules(doc(text.format(done="30")), "NARRATIVE.COUNT_BREAKDOWN")) == 1


def test_another_project_a_part_without_its_noun_or_a_rough_count_is_not_compared() -> None:
    other = BREAKDOWN.format(covered="41").replace("关停企业困难补助资金覆盖", "留守机构补助资金覆盖")
    rough = BREAKDOWN.format(covered="41").replace("覆盖企业41家", "覆盖企业41家以上")
    bare = BREAKDOWN.format(covered="41").replace("商改办负责的企业4家", "商改办负责的4家")
    earlier = BREAKDOWN.format(covered="41").replace("资金覆盖", "资金累计覆盖")
    assert [rules(doc(t), "NARRATIVE.COUNT_BREAKDOWN")
            for t in (other, rough, bare, earlier)] == [[], [], [], []]


AMPLITUDE = ("五、财政拨款支出预算情况说明\n3.检察监督支出（项） 1,895\n万元，与上年相比减少 134 万元，{word} {rate} %。"
             "主要原因是减少了办案费。")


def test_a_rate_named_by_its_amplitude_is_checked() -> None:
    """'降幅 0.66 %' / '增幅' name the rate of the change before them, as '下降' does."""
    assert rules(doc(AMPLITUDE.format(word="降幅", rate="6.6")), "NARRATIVE.RATE") == []
    found = rules(doc(AMPLITUDE.format(word="降幅", rate="0.66")), "NARRATIVE.RATE")
    assert len(found) == 1 and "增减率应为 6.60%，写作 0.66%" in found[0]
    found = rules(doc(AMPLITUDE.format(word="降幅为", rate="0.66")), "NARRATIVE.RATE")
    assert len(found) == 1


def test_an_amplitude_the_other_way_is_a_direction_finding() -> None:
    found = rules(doc(AMPLITUDE.format(word="增幅", rate="6.6")), "NARRATIVE.DIRECTION")
    assert len(found) == 1


def fiscal_tables(general: float = 500.0, fiscal: float = 500.0, carried: float | None = 0.0
                  ) -> list[Table]:
    """A 财政拨款收支总表 (一般公共预算 income, 上年结转 and the 合计) and a 一般公共预算支出表 合计."""
    rows = [TableRow("一般公共预算", 40, values={"budget": general}, decimals={"budget": 2},
                     side="income"),
            TableRow("政府性基金预算", 41, values={"budget": round(fiscal - general, 2)}
                     if fiscal != general else {}, decimals={"budget": 2}, side="income"),
            TableRow("上年结转", 42, values={"budget": carried} if carried else {},
                     decimals={"budget": 2}, side="income"),
            TableRow("收入合计", 43, values={"budget": fiscal}, decimals={"budget": 2},
                     side="income")]
    rows = [row for row in rows if carried is not None or "结转" not in row.name]
    summary = Table("fiscal_summary", "财政拨款收支预算总表", (39, 43), rows=rows)
    total = TableRow("合计", 50, values={"total": general}, decimals={"total": 2})
    return [summary, Table("general_budget_expenditure", "一般公共预算支出表", (49, 50),
                           rows=[total])]


ONE_TOTAL = ("一、收入预算\n（1）一般公共预算收入预算 500.00 万元，与上年相比增加 {first} 万元，原因是调资。\n"
             "二、财政拨款收支预算\n2024年度财政拨款收、支总预算 500.00 万元。比上年收、支总计各增加 {second} "
             "万元，原因是调资。\n"
             "三、一般公共预算支出预算\n2024年一般公共预算财政拨款支出预算 500.00 万元，与上年相比增加 {third} 万元。")


def test_one_total_stated_with_two_changes_is_found_at_every_line() -> None:
    text = ONE_TOTAL.format(first="50.30", second="50.00", third="50.00")
    found = run_rules(doc(text, fiscal_tables()), only=["NARRATIVE.CHANGE"])
    assert len(found) == 1 and found[0].severity == "warning"
    assert "本年同为 500" in found[0].message and "增加 50.3，" in found[0].message
    assert [loc.line for loc in found[0].locations] == [2, 4, 6]


def test_one_total_stated_with_one_change_passes() -> None:
    text = ONE_TOTAL.format(first="50.00", second="50.00", third="50")
    assert rules(doc(text, fiscal_tables()), "NARRATIVE.CHANGE") == []


def test_fiscal_and_general_budget_are_two_monies_when_the_tables_hold_a_fund() -> None:
    """With 政府性基金 money the 财政拨款 total is another figure, and income and spending of one
    money may have changed differently (a carry-over last year)."""
    text = ONE_TOTAL.format(first="50.30", second="50.00", third="50.00")
    assert rules(doc(text, fiscal_tables(fiscal=520.0)), "NARRATIVE.CHANGE") == []


def test_a_grand_total_is_this_years_income_only_when_the_tables_show_nothing_carried() -> None:
    """The 收、支总计 holds carried money: it is the 本年收入 when the tables print their 上年结转
    line empty, and not known to be when they print none."""
    text = ONE_TOTAL.format(first="50.30", second="50.00", third="50.30")
    assert len(rules(doc(text, fiscal_tables()), "NARRATIVE.CHANGE")) == 1
    assert rules(doc(text, fiscal_tables(carried=None)), "NARRATIVE.CHANGE") == []


def test_a_fund_that_changed_keeps_the_two_monies_apart() -> None:
    text = ONE_TOTAL.format(first="50.30", second="50.00", third="50.00") + \
        "\n四、政府性基金预算\n政府性基金预算支出 0 万元，比上年减少 0.30 万元。"
    assert rules(doc(text, fiscal_tables()), "NARRATIVE.CHANGE") == []


def test_a_part_or_a_figure_the_tables_do_not_print_as_a_total_is_not_a_total() -> None:
    text = ("一、收入预算\n一般公共预算收入预算 500.00 万元，与上年相比增加 50.30 万元。\n"
            "二、基本支出\n2024年一般公共预算基本支出 500.00 万元，与上年相比增加 10.00 万元。")
    assert rules(doc(text, fiscal_tables()), "NARRATIVE.CHANGE") == []
    twice = ONE_TOTAL.format(first="50.30", second="50.00", third="50.00")
    assert rules(doc(twice), "NARRATIVE.CHANGE") == []  # no tables: no total to be sure of


LISTED = ("五、项目支出\n4.研究调研活动 166.02 万元，主要包括：政府重要文稿起草及调研工作 116.3 万元，用于文稿起草的"
          "支出；党建及业务专题培训 49.72 万元，用于专题培训的支出。较 2025 年年初预算增加 28.46 万元，增幅 {rate}%。")


def test_a_change_after_a_list_of_parts_is_of_neither_the_whole_nor_its_last_part() -> None:
    """The sentence after the list may compare the whole (166.02, +28.46 = 20.7%) or its last
    part (49.72): read with no confidence, it accuses nothing."""
    for rate in ("20.7", "30.7", "57.2"):
        assert rules(doc(LISTED.format(rate=rate), year=2026), "NARRATIVE.RATE") == []
