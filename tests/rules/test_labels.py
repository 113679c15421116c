from yusuan.rules import run_rules
from yusuan.rules.tables.labels import variants

from .builders import document, side_rows, table


def _summary(name: str):
    return side_rows("summary", [(name, {"budget": "1.00"})],
                     [("卫生健康支出", {"budget": "1.00"})])


def _income(name: str):
    return table("income", [(None, name, {"budget": "1.00"})])


def test_same_label_everywhere_passes() -> None:
    doc = document(_summary("（1）行政事业性收费收入安排的拨款"),
                   _income("(1) 行政事业性收费收入安排的拨款"))
    assert run_rules(doc, only=["LABEL.VARIANT"]) == []


def test_label_spelt_two_ways_is_info() -> None:
    doc = document(_summary("（1）行政事业性收入安排的拨款"),
                   _income("行政事业性收费收入安排的拨款"),
                   side_rows("fiscal_summary", [("行政事业性收费收入安排的拨款", {"budget": "1"})],
                             []))
    found = run_rules(doc, only=["LABEL.VARIANT"])
    assert len(found) == 1 and found[0].severity == "info"
    assert found[0].locations[0].table == "summary"  # the odd one first


def test_variants() -> None:
    assert variants("国有资源(资产)有偿使用收入安排的拨款", "国有(资源)资产有偿使用收入安排的拨款")
    assert not variants("一般公共预算拨款收入", "一般公共预算拨款")  # a generic word dropped
    assert not variants("一般公共预算财政拨款结转", "政府性基金预算财政拨款结转")


def test_labels_more_than_two_edits_apart_fail_the_cheap_test_first() -> None:
    """`within_two_edits` only ever turns away labels the edit distance puts more than two
    edits apart: on made-up pairs, every pair it turns away is."""
    import random

    from yusuan.codes.slips import edit_distance
    from yusuan.rules.tables.labels import within_two_edits

    rng = random.Random(18)
    alphabet = "收入支出拨款财政专户资金"
    for _ in range(20000):
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        b = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        if not within_two_edits(a, b):
            assert edit_distance(a, b) > 2, (a, b)
