"""`yusuan compare`: two generated years of one department, a budget and its 决算, two
departments; every format; bad input refused."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from docbuilder import labour_bureau, render
from finalbuilder import render_final
from pairs import budget_2024, budget_after, final_of

from yusuan.cli import main


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    before = budget_2024()
    initial = {code: before.general_of(code) for code in before.items(general=True)}
    initial["2070109"] += 60_000  # a planted mismatch with the published 2024 budget
    texts = {"b24": render(before), "b25": render(budget_after(before)),
             "f24": render_final(final_of(before)),
             "f24_bad": render_final(final_of(before, initial=initial)),
             "labour": render(labour_bureau())}
    out = {}
    for name, text in texts.items():
        out[name] = tmp_path / f"{name}.txt"
        out[name].write_text(text, encoding="utf-8")
    return out


def _json(capsys, *argv: str) -> dict:
    assert main(["compare", *argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def _line(payload: dict, section: str, key: str) -> dict:
    return next(line for line in payload["lines"] if (line["section"], line["key"]) == (section, key))


def test_two_years_show_each_changed_row_with_both_values(files, capsys) -> None:
    payload = _json(capsys, str(files["b25"]), str(files["b24"]))  # either order: 2024 first
    assert (payload["first"]["year"], payload["second"]["year"]) == (2024, 2025)
    changed = {(line["section"], line["key"]) for line in payload["lines"]
               if line["status"] == "changed"}
    sums = {(section, key) for section in ("functional", "general")
            for key in ("2070101", "20701", "207", "total")}
    assert sums | {("economic", "30101"), ("economic", "301"), ("economic", "total"),
                   ("parts", "personnel"), ("parts", "basic"), ("totals", "income"),
                   ("totals", "expenditure")} == changed
    income = _line(payload, "totals", "income")
    assert (income["name"], income["first"]["yuan"], income["second"]["yuan"]) == (
        "本年收入合计", 5_570_000, 5_620_000)
    item = _line(payload, "functional", "2070101")
    assert item["first"]["yuan"] == 2_574_900 and item["second"]["yuan"] == 2_624_900
    assert item["change_yuan"] == 50_000 and item["rate"] == 1.94 and item["level"] == "项"
    assert item["first"]["line"] > 0 and item["second"]["line"] > 0
    assert _line(payload, "sangong", "total")["status"] == "same"
    assert payload["findings"] == []


def test_text_report_is_chinese_with_both_values_of_a_changed_row(files, capsys) -> None:
    assert main(["compare", str(files["b24"]), str(files["b25"])]) == 0
    out = capsys.readouterr().out
    assert "■ 支出（功能分类）" in out and "■ “三公”经费" in out and "■ 项目支出" in out
    row = next(line for line in out.splitlines() if "2070101 行政运行" in line)
    assert row.split()[-4:] == ["257.49", "262.49", "5.00", "+1.94%"]
    assert "跨文件检查未发现问题" in out


def test_a_planted_initial_budget_mismatch_is_found(files, capsys) -> None:
    payload = _json(capsys, str(files["b24"]), str(files["f24_bad"]))
    rules = [f["rule"] for f in payload["findings"]]
    assert "ACROSS.INITIAL_BUDGET" in rules
    finding = next(f for f in payload["findings"] if f["locations"][0].get("code") == "2070109")
    assert {loc["file"] for loc in finding["locations"]} == {"b24.txt", "f24_bad.txt"}
    assert _json(capsys, str(files["b24"]), str(files["f24"]))["findings"] == []


def test_budget_against_its_final_accounts(files, capsys) -> None:
    payload = _json(capsys, str(files["f24"]), str(files["b24"]))
    assert (payload["first"]["kind"], payload["second"]["kind"]) == ("部门预算", "部门决算")
    assert _line(payload, "parts", "personnel")["status"] == "same"
    assert _line(payload, "functional", "2070101")["status"] == "same"


def test_two_departments_side_by_side(files, capsys) -> None:
    payload = _json(capsys, str(files["b25"]), str(files["labour"]))
    statuses = {line["status"] for line in payload["lines"]}
    assert {"added", "removed"} <= statuses
    assert payload["first"]["department"] != payload["second"]["department"]
    assert [f["rule"] for f in payload["findings"]] == ["ACROSS.DEPARTMENT"]


def test_csv_and_html(files, capsys, tmp_path: Path) -> None:
    assert main(["compare", str(files["b24"]), str(files["b25"]), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    item = next(r for r in rows if (r["section"], r["key"]) == ("functional", "2070101"))
    assert (item["first_yuan"], item["second_yuan"], item["status"]) == ("2574900.0", "2624900.0",
                                                                         "changed")
    target = tmp_path / "compare.html"
    assert main(["compare", str(files["b24"]), str(files["b25"]), "--format", "html",
                 "-o", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    assert "2070101 行政运行" in page and 'class="bar up"' in page
    assert page.count("<script") == 2 and "<script src" not in page and "<link" not in page
    assert 'id="chart-totals"' in page and "Licensed to the Apache Software Foundation" in page
    assert len(page.encode("utf-8")) < 1_200_000  # echarts.min.js is 1,034,102 bytes of it


def test_compare_needs_two_readable_files(files, capsys, tmp_path: Path) -> None:
    assert main(["compare", str(files["b24"])]) == 2
    assert "两个文件" in capsys.readouterr().err
    other = tmp_path / "notes.txt"
    other.write_text("会议纪要\n", encoding="utf-8")
    assert main(["compare", str(files["b24"]), str(other)]) == 2
    err = capsys.readouterr().err
    assert "不是预算或决算" in err and "Traceback" not in err


def test_a_finals_projects_are_compared_by_what_they_spent(tmp_path: Path, capsys) -> None:
    before = budget_2024()
    final = final_of(before, project_budgets={"全域旅游宣传推介经费": (30_000, 30_000)})
    (tmp_path / "b.txt").write_text(render(before), encoding="utf-8")
    (tmp_path / "f.txt").write_text(render_final(final), encoding="utf-8")
    payload = _json(capsys, str(tmp_path / "b.txt"), str(tmp_path / "f.txt"))
    line = _line(payload, "projects", "全域旅游宣传推介经费")
    assert (line["first"]["yuan"], line["second"]["yuan"]) == (120_000, 120_000)  # 执行数, not 15
    assert [f["rule"] for f in payload["findings"]] == ["ACROSS.PROJECT_BUDGET"]


def test_budget_against_final_totals_take_the_final_figure(files, capsys) -> None:
    payload = _json(capsys, str(files["b24"]), str(files["f24"]))
    spent = _line(payload, "totals", "expenditure")
    assert spent["first"]["yuan"] == spent["second"]["yuan"] == 5_570_000
    assert spent["status"] == "same" and spent["second"]["line"] > 0


def test_charts_of_two_departments_name_them() -> None:
    from pairs import budget_doc

    from yusuan.compare.charts import year_charts
    from yusuan.compare.snapshot import snapshot_of_document

    shots = [snapshot_of_document(budget_doc(budget_2024())),
             snapshot_of_document(budget_doc(labour_bureau()))]
    charts = year_charts(shots)
    labels = charts[0]["option"]["xAxis"]["data"]
    assert labels[0].startswith(shots[0].department) and labels[1].startswith(shots[1].department)
    assert [c["id"] for c in charts] == ["totals", "parts", "staff", "sangong", "treemap-0",
                                         "treemap-1"]
    assert charts[0]["option"]["series"][0]["data"] == [
        round(shot.sections["totals"]["income"].yuan / 10_000, 2) for shot in shots]


def test_a_chart_without_figures_is_left_out_and_quotes_survive_the_attribute() -> None:
    import html
    import re

    from yusuan.compare.charts import chart_divs, year_charts
    from yusuan.compare.snapshot import Figure, Snapshot

    shot = Snapshot("x", "某局\"<'&", 2024, "部门预算", "x.txt", "0" * 64,
                    {"totals": {"income": Figure("本年收入合计", 12_345.0, 1, 2)}})
    charts = year_charts([shot, Snapshot("y", "某局", 2025, "部门预算", "y.txt", "1" * 64)])
    assert [c["id"] for c in charts] == ["totals"]
    assert charts[0]["option"]["series"] == [
        {"name": "本年收入合计", "type": "bar", "data": [1.23, None], "barMaxWidth": 36}]
    attribute = re.search(r'data-option="([^"]*)"', chart_divs(charts)).group(1)
    assert json.loads(html.unescape(attribute)) == charts[0]["option"]


def _summary_row(name: str, side: str, yuan: float, line: int) -> dict:
    return {"table_kind": "summary", "table_no": 1, "row_no": line, "code": None, "name": name,
            "side": side, "column_key": "budget", "value_yuan": yuan, "page": 3,
            "page_line": line, "line": line}


def test_totals_fall_back_to_the_grand_total_only_when_nothing_is_carried_over() -> None:
    from yusuan.compare.snapshot import totals_section

    rows = [_summary_row("一般公共预算", "income", 100.0, 1),
            _summary_row("支 出 总 计", "expenditure", 100.0, 2)]
    found = totals_section(rows, final=False)
    assert list(found) == ["expenditure"] and found["expenditure"].name == "本年支出合计"
    assert found["expenditure"].yuan == 100.0 and found["expenditure"].line == 2
    carried = [*rows, _summary_row("年末结转和结余", "expenditure", 20.0, 3)]
    assert totals_section(carried, final=False) == {}
    printed = [*carried, _summary_row("本年支出合计", "expenditure", 80.0, 4)]
    assert totals_section(printed, final=False)["expenditure"].yuan == 80.0


def test_a_treemap_shows_each_document_s_classes_with_their_kuan_and_xiang() -> None:
    """The 功能分类 treemap: 类 → 款 → 项 as the 支出总表 prints them, in 万元."""
    from pairs import budget_doc

    from yusuan.compare.charts import year_charts
    from yusuan.compare.snapshot import snapshot_of_document

    shot = snapshot_of_document(budget_doc(budget_2024()))
    treemap = next(c for c in year_charts([shot]) if c["id"] == "treemap-0")
    data = treemap["option"]["series"][0]["data"]
    section = shot.sections["functional"]
    classes = sorted(code for code in section if len(code) == 3)
    assert [node["name"].split()[0] for node in data] == classes
    for node in data:
        code = node["name"].split()[0]
        assert node["value"] == round(section[code].yuan / 10_000, 2)
        for child in node.get("children", []):
            assert child["name"].startswith(code)
            assert all(leaf["name"].startswith(child["name"].split()[0])
                       for leaf in child.get("children", []))
    assert any(node.get("children") for node in data)
