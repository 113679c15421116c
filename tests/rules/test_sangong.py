from yusuan.rules import run_rules

from .builders import document, table


def _sangong(**cells: str):
    return table("sangong", [(None, "", cells)],
                 columns=["total", "outbound", "vehicle", "vehicle_purchase",
                          "vehicle_operation", "reception"])


def test_sangong_adds_up() -> None:
    ok = _sangong(total="3.20", vehicle="3.20", vehicle_operation="3.20")
    assert run_rules(document(ok), only=["SANGONG.TOTAL"]) == []
    bad = _sangong(total="3.20", vehicle="3.20", vehicle_operation="3.20", reception="3.20")
    found = run_rules(document(bad), only=["SANGONG.TOTAL"])
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].values["difference"] == -3.2


def test_vehicle_is_purchase_plus_operation() -> None:
    bad = _sangong(total="3.00", vehicle="3.00", vehicle_purchase="1.00",
                   vehicle_operation="1.00")
    found = run_rules(document(bad), only=["SANGONG.TOTAL"])
    assert len(found) == 1 and found[0].locations[0].column == "vehicle"


def _basic(reception: str):
    return table("basic_expenditure", [("30217", "公务接待费", {"total": reception})])


def test_economic_lines_agree() -> None:
    s = _sangong(total="0.42", reception="0.42")
    assert run_rules(document(s, _basic("0.42")), only=["SANGONG.ECONOMIC"]) == []
    over = run_rules(document(s, _basic("1.00")), only=["SANGONG.ECONOMIC"])
    assert len(over) == 1 and over[0].severity == "error"
    under = run_rules(document(s, _basic("0.20")), only=["SANGONG.ECONOMIC"])
    assert len(under) == 1 and under[0].severity == "warning"


def test_a_sangong_table_in_wan_beside_a_basic_table_in_yuan_is_not_compared_as_equal() -> None:
    """普陀: the basic table in 元 (30217 9,500.00), the 三公 table in 万元 (公务接待费 0.95)."""
    s = table("sangong", [(None, "", {"total": "0.95", "reception": "0.95"})], unit="万元")
    basic = table("basic_expenditure", [("30217", "公务接待费", {"total": "9500.00"})], unit="元")
    assert run_rules(document(s, basic, unit="元"), only=["SANGONG.ECONOMIC", "SANGONG.COLUMN"]) == []


def test_basic_line_below_the_table_when_projects_can_carry_the_rest() -> None:
    s = _sangong(total="0.42", reception="0.42")
    doc = document(s, _basic("0.20"))
    doc.headline["project_expenditure"] = {"value": 0.22, "line": 3}
    carried = run_rules(doc, only=["SANGONG.ECONOMIC"])
    assert len(carried) == 1 and carried[0].severity == "info"
    doc.headline["project_expenditure"] = {"value": 0.10, "line": 3}
    too_much = run_rules(doc, only=["SANGONG.ECONOMIC"])
    assert len(too_much) == 1 and too_much[0].severity == "warning"


def test_figure_in_the_wrong_column() -> None:
    def basic(code: str):
        return table("basic_expenditure", [("30201", "办公费", {"total": "1.00"}),
                                           (code, "x", {"total": "3.20"})])
    misplaced = _sangong(total="3.20", vehicle="3.20", reception="3.20")
    right = _sangong(total="3.20", reception="3.20")
    assert run_rules(document(right, basic("30217")), only=["SANGONG.COLUMN"]) == []
    found = run_rules(document(misplaced, basic("30231")), only=["SANGONG.COLUMN"])
    assert len(found) == 1 and found[0].severity == "warning"
    assert found[0].locations[0].column == "reception" and "30231" in found[0].message


# a 决算's 三公 table: the 预算数 group, then the 决算数 group (keys suffixed _2 by position)
_LEAVES = (("total", ["合计"]), ("outbound", ["因公出国（境）费"]),
           ("vehicle", ["公务用车购置及运行维护费", "小计"]),
           ("vehicle_purchase", ["公务用车购置及运行维护费", "公务用车购置费"]),
           ("vehicle_operation", ["公务用车购置及运行维护费", "公务用车运行维护费"]),
           ("reception", ["公务接待费"]))


def _final_sangong(budget: dict[str, str], actual: dict[str, str]):
    from yusuan.model import Column

    def key(group: str, name: str) -> str:
        if name == "total":
            return group
        return name if group == "budget" else f"{name}_2"

    cells = {key("budget", k): v for k, v in budget.items()}
    cells.update({key("actual", k): v for k, v in actual.items()})
    t = table("sangong", [(None, "", cells)])
    t.columns = [Column(key(group, name), [label, *path]) for group, label in
                 (("budget", "预算数"), ("actual", "决算数")) for name, path in _LEAVES]
    return t


def test_sangong_actual_group_adds_up() -> None:
    ok = _final_sangong({"total": "5.80", "outbound": "0.00", "vehicle": "4.00", "vehicle_operation": "4.00",
                         "reception": "1.80"},
                        {"total": "5.10", "outbound": "0.00", "vehicle": "3.60", "vehicle_operation": "3.60",
                         "reception": "1.50"})
    assert not [f for f in run_rules(document(ok, kind="部门决算")) if f.rule == "SANGONG.TOTAL"]
    bad = _final_sangong({"total": "5.80", "outbound": "0.00", "vehicle": "4.00", "vehicle_operation": "4.00",
                          "reception": "1.80"},
                         {"total": "5.30", "outbound": "0.00", "vehicle": "3.60", "vehicle_operation": "3.60",
                          "reception": "1.50"})
    found = [f for f in run_rules(document(bad, kind="部门决算")) if f.rule == "SANGONG.TOTAL"]
    assert len(found) == 1 and found[0].severity == "error", found
    assert found[0].locations[0].column == "actual"


def test_sangong_economic_lines_of_a_final_are_its_actual_figures() -> None:
    """The 基本支出决算表 holds 决算 figures: 30231 is compared with the 决算数 group."""
    s = _final_sangong({"total": "4.00", "vehicle": "4.00", "vehicle_operation": "4.00"},
                       {"total": "3.60", "vehicle": "3.60", "vehicle_operation": "3.60"})
    for line, expected in (("3.60", set()), ("4.00", {"SANGONG.ECONOMIC"})):
        basic = table("basic_expenditure", [("30231", "公务用车运行维护费", {"total": line})])
        fired = {f.rule for f in run_rules(document(s, basic, kind="部门决算"))
                 if f.rule == "SANGONG.ECONOMIC" and f.severity != "info"}
        assert fired == expected, line


def _meetings_text(before_total: str, change_total: str) -> str:
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).parents[1]))
    from docbuilder import culture_bureau, render

    text = render(culture_bureau(meetings=(20_000, 30_000, 25_000, 41_000)))
    old = "10.50\t5.50\t0.00"
    assert old in text and "4.10\t1.20\t-0.40" in text
    text = text.replace(old, f"{before_total}\t5.50\t0.00", 1)
    return text.replace("4.10\t1.20\t-0.40", f"4.10\t{change_total}\t-0.40", 1)


def test_meetings_and_training_add_up_in_each_year_block() -> None:
    from yusuan.pipeline import document_from_text

    def found(text: str) -> list:
        return [f for f in run_rules(document_from_text(text))
                if f.rule == "SANGONG.MEETING_TRAINING"]

    assert found(_meetings_text("10.50", "1.20")) == []
    left_out = found(_meetings_text("5.50", "6.20"))  # 会议费 2.00 and 培训费 3.00 left out
    assert len(left_out) == 1 and left_out[0].severity == "error"
    assert left_out[0].values["difference"] == -5.0 and "上年" in left_out[0].message
    # the 增减 block no longer the difference of the years: the columns' reading is not
    # proven, and the table's doubt withholds the sum
    assert found(_meetings_text("5.50", "1.20")) == []


def test_a_sum_of_proven_year_blocks_is_checked_once() -> None:
    """SANGONG.TOTAL leaves the 合计 of 三公, 会议费 and 培训费 to SANGONG.MEETING_TRAINING where
    the 增减 block proves the year blocks read: one error, not two."""
    from yusuan.pipeline import document_from_text

    text = _meetings_text("10.50", "1.20")
    row = "\t2.00\t3.00\t11.70\t5.10\t0.00\t1.50\t3.60\t0.00\t3.60\t2.50\t4.10\t1.20\t"
    assert row in text
    text = text.replace(row, row.replace("11.70", "6.70").replace("4.10\t1.20", "4.10\t-3.80"))
    proven = run_rules(document_from_text(text), only=["SANGONG.MEETING_TRAINING"])
    assert len(proven) == 1 and "本年" in proven[0].message
    assert proven[0].values["difference"] == -5.0
    assert run_rules(document_from_text(text), only=["SANGONG.TOTAL"]) == []


def test_sangong_meetings_and_training_add_up_to_the_grand_total() -> None:
    """合计 (三公+会议费+培训费) | 三公 小计 | … | 会议费 | 培训费, one block."""
    def grand(total: str) -> object:
        return table("sangong", [(None, "", {"total_with_meetings": total, "total": "675.10",
                                            "outbound": "106.00", "vehicle": "156.60",
                                            "reception": "412.50", "meeting": "884.16",
                                            "training": "97.60"})])
    assert run_rules(document(grand("1656.86")), only=["SANGONG.TOTAL"]) == []
    found = run_rules(document(grand("1384.74")), only=["SANGONG.TOTAL"])
    assert len(found) == 1 and found[0].values["reported"] == 1384.74


def _year_blocks_table(with_subtotal: bool):
    """上年 | 本年 | 增减变化 blocks, each 合计, (三公 小计,) 因公出国, 公务接待, 公务用车购置及运行费,
    会议费, 培训费; two rows whose 增减 is 本年 less 上年 in every cell."""
    from yusuan.model import Column

    parts = [("total", ["合计"]), ("outbound", ["三公", "因公出国（境）费"]),
             ("reception", ["三公", "公务接待费"]), ("vehicle", ["三公", "公务用车购置及运行费"]),
             ("meeting", ["会议费"]), ("training", ["培训费"])]
    if with_subtotal:
        parts.insert(1, ("subtotal", ["三公", "小计"]))
    before = {"total": 10.0, "subtotal": 4.0, "outbound": 1.0, "reception": 1.0, "vehicle": 2.0,
              "meeting": 3.0, "training": 3.0}
    after = {key: value + 1 for key, value in before.items()}
    columns, cells = [], {}
    for block, top, values in (("a", "2020年", before), ("b", "2021年", after),
                               ("c", "增减变化情况", {k: after[k] - before[k] for k in before})):
        for role, path in parts:
            columns.append(Column(f"{block}_{role}", [top, *path]))
            cells[f"{block}_{role}"] = f"{values[role]:.2f}"
    t = table("sangong", [(None, "合计", cells), (None, "某单位", cells)])
    t.columns = columns
    return t


def test_sangong_total_leaves_only_the_sums_the_year_blocks_check() -> None:
    from yusuan.rules.tables.sangong import _sums_checked_by_years, proven_year_blocks

    without, whole = _year_blocks_table(with_subtotal=False), _year_blocks_table(with_subtotal=True)
    assert proven_year_blocks(without) and proven_year_blocks(whole)
    assert _sums_checked_by_years(whole)
    assert not _sums_checked_by_years(without)  # no 三公小计: its 合计 is left to SANGONG.TOTAL
