"""PROJECT.LIST_TOTAL: the 项目支出绩效目标表 printed as one list adds up to its 合计."""

from __future__ import annotations

from yusuan.pipeline import document_from_text
from yusuan.rules import run_rules

HEAD = ["2025年项目支出绩效目标表", "单位：万元",
        "单位编码\t单位（项目）名称\t资金总额\t绩效目标\t一级指标\t二级指标\t三级指标\t指标值"]
PROJECTS = ["106001\t某局\t{unit}\t\t\t\t\t",
            "106001\t办案经费\t10.00\t保障办案\t产出指标\t数量指标\t办案数\t≥10件",
            "\t\t\t\t满意度指标\t服务对象满意度指标\t群众满意度\t≥90%",
            "106001\t装备购置经费\t20.00\t购置装备\t产出指标\t数量指标\t装备数\t≥5台",
            # the same project printed again at the top of the next page
            "106001\t装备购置经费\t20.00\t购置装备\t效益指标\t社会效益指标\t保障水平\t提升"]


def _found(total: str, unit: str = "30.00") -> list:
    lines = HEAD + [f"合计\t\t{total}\t\t\t\t\t"] + [p.format(unit=unit) for p in PROJECTS]
    doc = document_from_text("\n".join(lines) + "\n")
    return [f for f in run_rules(doc) if f.rule == "PROJECT.LIST_TOTAL"]


def test_a_list_whose_projects_add_up_to_its_total() -> None:
    assert _found("30.00") == []


def test_a_list_total_above_its_projects() -> None:
    found = _found("31.00", unit="31.00")
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].values["difference"] == 1.0 and "2 个项目" in found[0].message


def test_an_indicator_line_is_no_project() -> None:
    """Its cells begin empty (单位编码, 名称, 资金总额, 绩效目标 blank): the 指标值 100 under
    三级指标 is no 资金总额."""
    lines = HEAD + ["合计\t\t30.00\t\t\t\t\t"] + [p.format(unit="30.00") for p in PROJECTS]
    lines.insert(6, "\t\t\t\t\t质量指标\t完成率\t100\t完成率100%")
    doc = document_from_text("\n".join(lines) + "\n")
    assert [f for f in run_rules(doc) if f.rule == "PROJECT.LIST_TOTAL"] == []
