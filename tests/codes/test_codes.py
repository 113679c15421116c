"""Tests for the 政府收支分类科目 lists and their loader."""

from __future__ import annotations

import csv
import io
from importlib import resources

import pytest

from yusuan import codes
from yusuan.codes import CodeEntry

FILES = {"functional": "functional.csv", "economic": "economic.csv", "gov_economic": "gov_economic.csv"}
LEVEL_LENGTH = {"类": 3, "款": 5, "项": 7}


def raw_rows(kind: str) -> list[dict[str, str]]:
    text = resources.files("yusuan.codes").joinpath(FILES[kind]).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


ALL_KINDS = list(FILES)


# ---------------------------------------------------------------- data integrity

@pytest.mark.parametrize("kind", ALL_KINDS)
def test_header(kind: str) -> None:
    text = resources.files("yusuan.codes").joinpath(FILES[kind]).read_text(encoding="utf-8")
    assert text.splitlines()[0] == "code,name,level,valid_from,valid_to,aliases,source"


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_code_length_matches_level(kind: str) -> None:
    for row in raw_rows(kind):
        assert row["code"].isdigit(), row
        assert LEVEL_LENGTH[row["level"]] == len(row["code"]), row
        assert codes.level_of(row["code"]) == row["level"], row


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_code_prefix_matches_list(kind: str) -> None:
    for row in raw_rows(kind):
        assert codes.kind_of(row["code"]) == kind, row


def test_economic_lists_have_no_items() -> None:
    for kind in ("economic", "gov_economic"):
        assert {row["level"] for row in raw_rows(kind)} == {"类", "款"}


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_row_has_name_and_source(kind: str) -> None:
    for row in raw_rows(kind):
        assert row["name"].strip() == row["name"] and row["name"], row
        assert row["source"].startswith("财政部《"), row
        assert "》" in row["source"], row


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_years_are_sane(kind: str) -> None:
    for row in raw_rows(kind):
        lo = int(row["valid_from"]) if row["valid_from"] else None
        hi = int(row["valid_to"]) if row["valid_to"] else None
        for year in (lo, hi):
            assert year is None or 2007 <= year <= 2100, row
        assert lo is None or hi is None or lo <= hi, row


def _overlap(a: CodeEntry, b: CodeEntry) -> bool:
    lo = max(a.valid_from or 0, b.valid_from or 0)
    hi = min(a.valid_to or 10_000, b.valid_to or 10_000)
    return lo <= hi


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_no_duplicate_code_in_overlapping_years(kind: str) -> None:
    by_code: dict[str, list[CodeEntry]] = {}
    for entry in codes.all_entries(kind):
        by_code.setdefault(entry.code, []).append(entry)
    for code, entries in by_code.items():
        for i, a in enumerate(entries):
            for b in entries[i + 1:]:
                assert not _overlap(a, b), code


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_child_has_a_parent_valid_as_long(kind: str) -> None:
    entries = codes.all_entries(kind)
    for entry in entries:
        parent = codes.parent_code(entry.code)
        if parent is None:
            continue
        parents = [p for p in entries if p.code == parent]
        assert parents, f"{entry.code} {entry.name}: parent {parent} missing"
        for year in (entry.valid_from, entry.valid_to):
            if year is not None:
                assert any(p.valid_in(year) for p in parents), (entry.code, year)


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_names_are_unique_among_siblings(kind: str) -> None:
    seen: dict[tuple[str | None, str], str] = {}
    for entry in codes.all_entries(kind):
        key = (codes.parent_code(entry.code), codes.normalise_name(entry.name))
        assert key not in seen, (entry.code, seen.get(key), entry.name)
        seen[key] = entry.code


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_aliases_are_well_formed(kind: str) -> None:
    for entry in codes.all_entries(kind):
        assert len(entry.aliases) == len(entry.alias_periods)
        assert entry.name not in entry.aliases
        for alias, (lo, hi) in zip(entry.aliases, entry.alias_periods):
            assert alias and "@" not in alias, entry
            assert lo is None or hi is None or lo <= hi, entry


def test_standard_item_names() -> None:
    """xxxxx01/02/03/50 are 行政运行/一般行政管理事务/机关服务/事业运行 wherever used."""
    standard = {"01": "行政运行", "02": "一般行政管理事务", "03": "机关服务", "50": "事业运行"}
    for entry in codes.all_entries("functional"):
        if entry.level == "项" and entry.name in standard.values():
            if entry.code.startswith("21301"):  # 农业农村 predates the convention
                continue
            assert standard.get(entry.code[-2:]) == entry.name, entry.code


# ---------------------------------------------------------------- known facts

@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("201", "一般公共服务支出"),
        ("205", "教育支出"),
        ("208", "社会保障和就业支出"),
        ("210", "卫生健康支出"),
        ("212", "城乡社区支出"),
        ("213", "农林水支出"),
        ("221", "住房保障支出"),
        ("224", "灾害防治及应急管理支出"),
        ("229", "其他支出"),
        ("2010101", "行政运行"),
        ("2050201", "学前教育"),
        ("2050205", "高等教育"),
        ("20805", "行政事业单位养老支出"),
        ("2080505", "机关事业单位基本养老保险缴费支出"),
        ("2080506", "机关事业单位职业年金缴费支出"),
        ("21011", "行政事业单位医疗"),
        ("2101101", "行政单位医疗"),
        ("2101102", "事业单位医疗"),
        ("2101103", "公务员医疗补助"),
        ("21015", "医疗保障管理事务"),
        ("2101501", "行政运行"),
        ("2210201", "住房公积金"),
        ("2210202", "提租补贴"),
        ("2210203", "购房补贴"),
    ],
)
def test_known_functional_names(code: str, name: str) -> None:
    entry = codes.lookup(code, 2023)
    assert entry is not None and entry.name == name


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("30101", "基本工资"),
        ("30108", "机关事业单位基本养老保险缴费"),
        ("30113", "住房公积金"),
        ("30201", "办公费"),
        ("30211", "差旅费"),
        ("30217", "公务接待费"),
        ("30231", "公务用车运行维护费"),
        ("30299", "其他商品和服务支出"),
        ("31002", "办公设备购置"),
        ("31013", "公务用车购置"),
        ("50101", "工资奖金津补贴"),
        ("50201", "办公经费"),
        ("50208", "公务用车运行维护费"),
        ("50905", "离退休费"),
    ],
)
def test_known_economic_names(code: str, name: str) -> None:
    entry = codes.lookup(code, 2023)
    assert entry is not None and entry.name == name


def test_all_functional_classes_present() -> None:
    classes = {c for c, e in codes.functional_codes(2023).items() if e.level == "类"}
    expected = {str(n) for n in range(201, 218)} | {str(n) for n in range(219, 225)}
    expected |= {"227", "229", "230", "231", "232", "233"}
    assert expected <= classes


def test_21015_created_2019() -> None:
    assert codes.lookup("21015", 2018) is None
    assert codes.lookup("2101501", 2018) is None
    assert codes.lookup("21015", 2019) is not None


def test_224_from_2019() -> None:
    assert codes.lookup("224", 2018) is None
    entry = codes.lookup("224", 2019)
    assert entry is not None and entry.name == "灾害防治及应急管理支出"


def test_department_economic_from_2018() -> None:
    assert codes.lookup("30108", 2017) is None
    assert codes.lookup("30108", 2018) is not None


# ---------------------------------------------------------------- aliases and names

def test_210_alias() -> None:
    entry = codes.lookup("210")
    assert entry is not None
    assert codes.name_matches(entry, "卫生健康支出")
    assert codes.name_matches(entry, "医疗卫生与计划生育支出")
    assert codes.name_matches(entry, "医疗卫生与计划生育支出", 2018)
    assert not codes.name_matches(entry, "医疗卫生与计划生育支出", 2020)
    assert not codes.name_matches(entry, "医疗健康支出")


def test_names_of_earlier_and_later_years() -> None:
    """21208 bore the 专项债务 wording until the rename; 2100206 妇产医院 became 妇幼保健医院."""
    land = codes.lookup("21208")
    assert land is not None
    assert codes.name_matches(land, "国有土地使用权出让收入及对应专项债务收入安排的支出", 2019)
    assert not codes.name_matches(land, "国有土地使用权出让收入及对应专项债务收入安排的支出", 2024)
    hospital = codes.lookup("2100206")
    assert hospital is not None
    assert codes.name_matches(hospital, "妇幼保健医院", 2026)
    assert not codes.name_matches(hospital, "妇幼保健医院", 2020)


def test_name_normalisation() -> None:
    entry = codes.lookup("30212")
    assert entry is not None
    assert codes.name_matches(entry, "因公出国(境)费用")
    assert codes.name_matches(entry, " 因公出国（境） 费用 ")
    assert codes.name_matches(entry, "因公出国\u3000（境）费用")
    assert not codes.name_matches(entry, "因公出国费用")
    gov = codes.lookup("20103")
    assert gov is not None and codes.name_matches(gov, "政府办公厅(室)及相关机构事务")
    assert codes.name_matches(codes.lookup("2130508"), '"三西"农业建设专项补助')


def test_name_mismatch_detected() -> None:
    entry = codes.lookup("2101501", 2023)
    assert entry is not None
    assert not codes.name_matches(entry, "一般行政管理事务")


# ---------------------------------------------------------------- routing and API

def test_lookup_routes_by_shape() -> None:
    econ = codes.lookup("30108")
    assert econ is not None and econ.kind == "economic"
    assert econ.name == "机关事业单位基本养老保险缴费"
    func = codes.lookup("2080505")
    assert func is not None and func.kind == "functional"
    gov = codes.lookup("50102")
    assert gov is not None and gov.kind == "gov_economic" and gov.name == "社会保障缴费"
    assert codes.lookup("3010801") is None  # economic codes have no 7-digit level
    assert codes.lookup("12345") is None
    assert codes.lookup("abc") is None


def test_lookup_normalises_code() -> None:
    assert codes.lookup(" 2101501 ") == codes.lookup("2101501")
    assert codes.lookup("２１０") == codes.lookup("210")


def test_level_of() -> None:
    assert codes.level_of("210") == "类"
    assert codes.level_of("21015") == "款"
    assert codes.level_of("2101501") == "项"
    assert codes.level_of("30101") == "款"
    assert codes.level_of("3010101") == ""
    assert codes.level_of("1234") == ""


def test_parent_code() -> None:
    assert codes.parent_code("2101501") == "21015"
    assert codes.parent_code("21015") == "210"
    assert codes.parent_code("210") is None


def test_year_filtering_returns_copies() -> None:
    a = codes.functional_codes(2023)
    a.pop("210")
    assert "210" in codes.functional_codes(2023)
    assert codes.economic_codes(2023)["30101"].name == "基本工资"
    assert codes.gov_economic_codes(None)["501"].name == "机关工资福利支出"


def test_entry_is_frozen() -> None:
    entry = codes.lookup("210")
    assert entry is not None
    with pytest.raises(AttributeError):
        entry.name = "x"  # type: ignore[misc]


def test_unknown_kind() -> None:
    with pytest.raises(ValueError):
        codes.all_entries("revenue")
