"""Name matching on names we vary ourselves: close variants match, different projects do not."""

from __future__ import annotations

from yusuan.recognise.projects.match import assign, best_match, similarity

NAMES = ["开展医疗保险宣传等工作经费", "医保政策宣传经费", "医保业务培训、督导检查等工作经费",
         "特殊人群医保工作经费", "业务政策培训费"]


def test_variants_match() -> None:
    assert similarity("开展医疗保险宣传等工作经费", "开展医保宣传等工作经费") == 1.0
    assert similarity("2024城乡居民参保工作经费", "城乡居民参保工作经费") == 1.0
    assert similarity("医保 政策 宣传经费", "医保政策宣传经费") == 1.0
    assert similarity("示例局本级医保政策宣传经费", "医保政策宣传经费", ["示例局本级"]) == 1.0
    assert similarity("医疗保障业务经费.....", "医疗保障业务经费") == 1.0


def test_different_projects_do_not_match() -> None:
    assert best_match("医保政策培训费", NAMES) is None or \
        NAMES[best_match("医保政策培训费", NAMES)[0]] != "医保政策宣传经费"  # type: ignore[index]
    assert best_match("医疗救助经费", NAMES) is None
    assert best_match("城乡居民基本医疗保险基金支出", ["城乡居民医疗保险区级补助"]) is None


def test_assign_is_one_to_one() -> None:
    forms = ["业务政策培训费", "医保政策宣传经费", "开展医保宣传等工作经费"]
    got = assign(NAMES, forms)
    assert got[0][0] == 2 and got[1][0] == 1 and got[4][0] == 0
    assert 2 not in got and 3 not in got
