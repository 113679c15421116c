"""A 项目支出绩效目标表 that lists every project under one header row (北京's 预算12表) is not read
project by project: it is said once at info, and it opens no form for a project named after
its header."""

from __future__ import annotations

from yusuan.pipeline import document_from_text
from yusuan.recognise.projects import MANY_PROJECTS
from yusuan.rules import run_rules

HEAD = ["某某局2026年部门预算", "预算01表 收支总表", "金额单位：万元", "项目\t预算数", "合计\t480.00",
        "预算12表 项目支出绩效目标表", "金额单位：万元"]
LISTING = [("项目名称\t项目总额\t其中：\t\t绩效目标\t一级指标\t二级指标\t三级指标\t绩效指标性质\t"
            "本年绩效指标值\t绩效度量单位"),
           "\t\t财政资金\t其他资金\t\t\t\t\t\t\t",
           "3562-千家万盆鲜花祝福祖国\t30.000000\t30.000000\t\t向先进代表赠送花卉\t\t\t\t\t\t",
           "\t\t\t\t\t产出指标\t数量指标\t赠送花卉\t=\t800\t个",
           "\t\t\t\t\t满意度指标\t服务对象满意度指标\t群众满意度\t≥\t90\t%",
           "6140-全民参与花园城市建设实践\t450.000000\t450.000000\t\t开展活动\t\t\t\t\t\t",
           "\t\t\t\t\t产出指标\t数量指标\t市民花园展示活动\t=\t1\t次"]
ONE_FORM = ["项目名称\t千家万盆鲜花祝福祖国", "项目总额\t30.00", "绩效目标\t向先进代表赠送花卉",
            "一级指标\t二级指标\t三级指标\t指标值",
            "产出指标\t数量指标\t赠送花卉\t800个"]


def test_a_table_listing_many_projects_is_said_once_at_info_and_opens_no_form() -> None:
    document = document_from_text("\n".join(HEAD + LISTING))
    [listing] = document.tables_of("project_performance")
    assert listing.doubts == [MANY_PROJECTS]
    unsure = [f for f in run_rules(document) if f.rule == "TABLE.UNSURE"]
    assert [(f.severity, f.locations[0].line) for f in unsure] == [("info", listing.lines[0])]
    assert not [form for form in document.forms if "项目总额" in getattr(form, "name", "")]


def test_a_form_of_one_project_is_no_listing() -> None:
    document = document_from_text("\n".join(HEAD + ONE_FORM))
    assert [t.doubts for t in document.tables_of("project_performance")] == [[]]
    assert [form.name.startswith("千家万盆鲜花祝福祖国") for form in document.forms] == [True]
