"""Column headers printed in the wordings real tables use are keyed, so a table a reader reads
without hesitation is not held in doubt for a header yusuan did not know."""

from __future__ import annotations

from yusuan.recognise.columns import meetings_beside_sangong, path_key


def test_meeting_and_training_columns_are_keyed() -> None:
    """江苏 三公经费、会议费、培训费支出表: 会议费 and 培训费 beside the 三公 columns."""
    assert path_key(["会议费"]) == "meeting"
    assert path_key(["培训费"]) == "training"
    assert path_key(["本年", "会议费"]) == "meeting"


def test_an_of_which_column_takes_the_key_of_what_it_names() -> None:
    """广州 一般公共预算支出: 小计 | 其中：基本支出 | 项目支出; 长沙 三公: 其中：公务用车购置."""
    assert path_key(["一般公共预算支出", "其中：基本支出"]) == "basic"
    assert path_key(["三公经费预（决）算数（财政拨款）", "其中：公务用车购置"]) == "vehicle_purchase"
    assert path_key(["三公经费预（决）算数（财政拨款）", "其中:公务用车运行费"]) == "vehicle_operation"


def test_an_of_which_column_of_unknown_words_is_a_part_no_sum_counts() -> None:
    """深圳 支出总表: 政府采购项目 | 其中：…预留给中小企业的项目资金规模; 长沙: 其中:经费拨款."""
    assert path_key(["2026 年政府采购项目", "其中：2026 年政府采购项目中预留给中小企业的项目资金规模"]
                    ) == "of_which"
    assert path_key(["本级财政拨款", "其中:经费拨款"]) == "of_which"


def test_this_years_income_total_of_a_final_account_is_keyed() -> None:
    """收入决算表: 本年收入合计 | 财政拨款收入 | 上级补助收入 …"""
    assert path_key(["本年收入合计"]) == "total"


def test_special_account_funds_are_keyed_by_what_they_hold() -> None:
    """广州 收入总体情况表: 财政专户拨款收入 / 教育收费 | 其他专户收入拨款."""
    assert path_key(["财政专户拨款收入", "教育收费"]) == "special_account_education"
    assert path_key(["财政专户拨款收入", "其他专户收入拨款"]) == "special_account_other"
    assert path_key(["财政专户拨款"]) == "special_account"
    assert path_key(["财政专户管理事业收入"]) == "special_account"
    assert path_key(["其他资金"]) == "other"


def test_income_wordings_of_other_layouts_are_keyed() -> None:
    """长沙 部门收入总体情况表: 本级财政拨款 / 金额, 事业单位经营服务收入, 其它收入; 烟台:
    事业收入（不含教育收费）."""
    assert path_key(["本级财政拨款", "金额"]) == "fiscal"
    assert path_key(["事业单位经营服务收入"]) == "operating"
    assert path_key(["其它收入"]) == "other"
    assert path_key(["事业收入（不含教育收费）"]) == "business"
    assert path_key(["使用非财政拨款结余"]) == "business_fund"


def test_a_function_subject_column_holds_the_names() -> None:
    """长沙: 类 | 款 | 项 | 功能科目 — the names stand under 功能科目."""
    assert path_key(["功能科目"]) == "name"
    assert path_key(["部门经济分类科目名称"]) == "name"  # 上海 基本支出部门预算经济分类预算表


def test_a_spending_classification_name_column_holds_the_names() -> None:
    """长春/烟台: 科目编码 | 支出经济分类科目名称 — the names of a 基本支出表 stand under it."""
    assert path_key(["支出经济分类科目名称"]) == "name"
    assert path_key(["支出功能分类科目名称"]) == "name"


def test_the_office_running_costs_column_is_keyed() -> None:
    """上海 “三公”经费和机关运行经费预算表: 机关运行经费预算数."""
    assert path_key(["机关运行经费预算数"]) == "running_costs"
    assert path_key(["机关运行经费"]) == "running_costs"


def test_a_procurement_tables_item_columns_hold_names() -> None:
    """江苏 政府采购预算表: 采购品目大类 | 专项名称 | 经济科目 | 采购物品名称 | 采购组织形式 | 总计."""
    assert path_key(["采购品目大类"]) == "name"
    assert path_key(["专项名称"]) == "name"
    assert path_key(["采购物品名称"]) == "name"


def test_a_sangong_table_with_meetings_keeps_the_sangong_subtotal_as_its_total() -> None:
    """江苏 “三公”经费、会议费、培训费支出预算表: 合计 | “三公”经费 / 小计 … | 会议费 | 培训费 —
    the 合计 holds all three; the 三公 小计 is what the 三公 rules and the narrative mean."""
    paths = [["合计"], ["“三公”经费", "小计"], ["“三公”经费", "因公出国（境）费"],
             ["“三公”经费", "公务接待费"], ["会议费"], ["培训费"]]
    keys = [path_key(p) for p in paths]
    assert meetings_beside_sangong(paths, keys) == [
        "total_with_meetings", "total", "outbound", "reception", "meeting", "training"]
    alone = [["合计"], ["因公出国（境）费"], ["公务接待费"]]
    assert meetings_beside_sangong(alone, [path_key(p) for p in alone]) == [
        "total", "outbound", "reception"]


def test_last_years_execution_columns_are_keyed_apart() -> None:
    """国家信访局 一般公共预算支出表: 2025 年执行数 / 执行数 | 扣除中央基建投资后执行数 beside
    the 2026 年预算数 — figures of their own that no rule reads as this year's."""
    assert path_key(["2025 年执行数", "执行数"]) == "executed"
    assert path_key(["2025 年执行数", "扣除中央基建投资后执行数"]) == "executed"
    assert path_key(["2026 年预算数比 2025 年执行数", "增减额"]) == "change"
    assert path_key(["2026 年预算数比 2025 年执行数", "增减(%)"]) == "change_rate"


def test_the_newly_compiled_budget_beside_the_carry_over_is_keyed() -> None:
    """长春 收支总表: 本年预算 | 编制预算 | 上年结转."""
    assert path_key(["预算单位：长春市信访局", "收入", "编制预算"]) == "current"


def test_a_project_tables_execution_columns_are_keyed() -> None:
    """长沙 绩效评价报告 项目支出情况表: 预算批复 | 预算到位 | 实际执行 | 执行率 | 指标结余."""
    assert path_key(["预算批复"]) == "approved"
    assert path_key(["预算到位"]) == "arrived"
    assert path_key(["实际执行"]) == "executed"
    assert path_key(["指标结余"]) == "balance"


def test_the_sangong_subtotal_of_this_years_block_is_the_sangong_total() -> None:
    """西安 layout: 上年 | 本年 | 增减变化情况, each 合计 | 一般公共预算拨款安排的“三公”经费预算 /
    小计 … | 会议费 | 培训费: this year's 三公 小计 is the 三公 total."""
    paths = [["上年", "合计"], ["上年", "一般公共预算拨款安排的“三公”经费预算", "小计"],
             ["上年", "会议费"], ["本年", "合计"], ["本年", "一般公共预算拨款安排的“三公”经费预算", "小计"],
             ["本年", "会议费"], ["本年", "培训费"]]
    keys = meetings_beside_sangong(paths, [path_key(p) for p in paths])
    assert keys[3:] == ["total_with_meetings", "total", "meeting", "training"]
