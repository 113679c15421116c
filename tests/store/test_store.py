"""`yusuan db`: the corpus in DuckDB and in PostgreSQL (a real server), one schema."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from docbuilder import culture_bureau, labour_bureau, render
from finalbuilder import culture_final, render_final

from yusuan.cli import main
from yusuan.store.add import add_paths
from yusuan.store.connect import open_database
from yusuan.store.export import fdp_rows


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "disclosures"
    (folder / "sub").mkdir(parents=True)
    (folder / "culture_2025.txt").write_text(render(culture_bureau()), encoding="utf-8")
    (folder / "sub" / "labour_2025.txt").write_text(render(labour_bureau()), encoding="utf-8")
    (folder / "sub" / "culture_2024_final.txt").write_text(
        render_final(culture_final(general_columns="execution")), encoding="utf-8")
    (folder / "notes.txt").write_text("会议纪要\n今天天气很好。\n", encoding="utf-8")
    (folder / "ignored.png").write_bytes(b"\x89PNG")
    return folder


def counts(target: str) -> dict[str, int]:
    database = open_database(target)
    try:
        return {table: database.query(f"SELECT COUNT(*) FROM {table}")[1][0][0]
                for table in ("documents", "doc_tables", "table_values", "facts", "projects",
                              "findings")}
    finally:
        database.close()


def test_adding_a_folder_keeps_every_document_and_refuses_what_is_none(
        database_target: str, files: Path) -> None:
    database = open_database(database_target)
    results = add_paths(database, [str(files)], "1.0")
    database.close()
    by_name = {Path(r.path).name: r for r in results}
    assert set(by_name) == {"culture_2025.txt", "labour_2025.txt", "culture_2024_final.txt",
                            "notes.txt"}
    assert by_name["notes.txt"].status == "refused" and "不是预算或决算" in by_name["notes.txt"].reason
    assert by_name["culture_2025.txt"].status == "added"
    assert (by_name["culture_2025.txt"].year, by_name["culture_2025.txt"].kind) == (2025, "部门预算")
    assert counts(database_target)["documents"] == 4


def test_adding_the_same_file_twice_changes_nothing(database_target: str, files: Path) -> None:
    database = open_database(database_target)
    add_paths(database, [str(files)], "1.0")
    before = counts(database_target)
    again = add_paths(database, [str(files / "culture_2025.txt"), str(files)], "1.0")
    database.close()
    assert {r.status for r in again} == {"unchanged"}
    assert counts(database_target) == before


def test_a_new_version_checks_again_and_replaces_the_rows(database_target: str,
                                                          files: Path) -> None:
    database = open_database(database_target)
    add_paths(database, [str(files)], "1.0")
    before = counts(database_target)
    again = add_paths(database, [str(files)], "2.0")
    _, versions = database.query("SELECT DISTINCT yusuan_version FROM documents")
    database.close()
    assert {r.status for r in again} == {"rechecked", "refused"}
    assert counts(database_target) == before
    assert versions == [("2.0",)]


def test_every_figure_has_its_line_and_its_amount_in_yuan(database_target: str,
                                                          files: Path) -> None:
    database = open_database(database_target)
    add_paths(database, [str(files / "culture_2025.txt")], "1.0")
    _, rows = database.query(
        "SELECT v.value, v.unit, v.value_yuan, v.line, v.name, v.code FROM table_values v "
        "WHERE v.table_kind = ? AND v.column_key = ? ORDER BY v.row_no", ["expenditure", "total"])
    _, facts = database.query("SELECT COUNT(*) FROM facts WHERE line IS NULL OR line < 1")
    _, projects = database.query("SELECT name, amount, amount_yuan FROM projects ORDER BY project_no")
    database.close()
    text = (files / "culture_2025.txt").read_text(encoding="utf-8").splitlines()
    assert rows and all(unit == "万元" and yuan == pytest.approx(value * 10_000)
                        for value, unit, yuan, *_ in rows)
    for value, _unit, _yuan, line, name, _code in rows:
        assert name.replace(" ", "") in text[line - 1].replace(" ", "")
        assert f"{value:.2f}" in text[line - 1].replace(",", "")
    assert ("2070101", "行政运行") in {(code, name) for *_, name, code in rows}
    assert facts == [(0,)]
    assert ("公共文化惠民演出活动经费", 30.0, 300_000.0) in projects


def test_a_failure_while_writing_leaves_the_corpus_as_it_was(
        database_target: str, files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from yusuan.store.connect import Database

    database = open_database(database_target)
    add_paths(database, [str(files / "sub" / "labour_2025.txt")], "1.0")
    before = counts(database_target)
    original = Database.insert_many

    def failing(self, table, columns, rows):  # type: ignore[no-untyped-def]
        if table == "findings" or table == "projects":
            raise RuntimeError("disk full")
        return original(self, table, columns, rows)

    monkeypatch.setattr(Database, "insert_many", failing)
    with pytest.raises(RuntimeError):
        add_paths(database, [str(files / "sub" / "culture_2024_final.txt")], "1.0")
    database.close()
    assert counts(database_target) == before


def test_query_prints_a_table_csv_or_json(database_target: str, files: Path, capsys) -> None:
    assert main(["db", "add", "--db", database_target, str(files / "culture_2025.txt")]) == 0
    capsys.readouterr()
    sql = "SELECT department, year, kind FROM documents"
    assert main(["db", "query", "--db", database_target, sql]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["department", "year", "kind"]
    assert table[2].split() == ["某市某区文化和旅游局", "2025", "部门预算"]
    assert main(["db", "query", "--db", database_target, "--format", "json", sql]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"department": "某市某区文化和旅游局", "year": 2025, "kind": "部门预算"}]
    assert main(["db", "query", "--db", database_target, "--format", "csv", sql]) == 0
    assert list(csv.reader(io.StringIO(capsys.readouterr().out)))[1] == [
        "某市某区文化和旅游局", "2025", "部门预算"]
    literal = "SELECT '?' AS mark, COUNT(*) AS n FROM documents WHERE department LIKE '%文化%'"
    assert main(["db", "query", "--db", database_target, "--format", "json", literal]) == 0
    assert json.loads(capsys.readouterr().out) == [{"mark": "?", "n": 1}]


def test_a_bad_query_is_one_sentence_and_status_2(database_target: str, files: Path,
                                                  capsys) -> None:
    assert main(["db", "add", "--db", database_target, str(files / "culture_2025.txt")]) == 0
    capsys.readouterr()
    assert main(["db", "query", "--db", database_target, "SELECT nothing FROM nowhere"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("yusuan: 查询无法执行：") and "Traceback" not in err
    assert main(["db", "query", "--db", database_target, "SELECT COUNT(*) AS n FROM documents"]) == 0


def test_export_fdp_marks_budget_approved_and_final_accounts_executed(
        database_target: str, files: Path, tmp_path: Path) -> None:
    assert main(["db", "add", "--db", database_target, str(files)]) == 0
    out = tmp_path / "fdp"
    assert main(["db", "export", "--db", database_target, "--format", "fdp", "-o", str(out)]) == 0
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    measures = package["model"]["measures"]
    assert (measures["approved"]["phase"], measures["executed"]["phase"]) == ("approved", "executed")
    dimensions = package["model"]["dimensions"]
    assert dimensions["functional-classification"]["classificationType"] == "functional"
    assert dimensions["economic-classification"]["classificationType"] == "economic"
    rows = list(csv.DictReader((out / "budget.csv").open(encoding="utf-8")))
    assert [f["name"] for f in package["resources"][0]["schema"]["fields"]] == list(rows[0])
    budget = [r for r in rows if r["document_kind"] == "部门预算" and r["functional_code"] == "2070101"
              and r["department"] == "某市某区文化和旅游局"]
    assert len(budget) == 1 and float(budget[0]["approved"]) == 2_574_900 and not budget[0]["executed"]
    assert budget[0]["functional_level"] == "项"
    final = [r for r in rows if r["document_kind"] == "部门决算" and r["functional_code"] == "2070101"
             and r["fund"] == "一般公共预算"]
    assert len(final) == 1 and float(final[0]["approved"]) == 2_480_000
    assert float(final[0]["executed"]) == 2_574_900
    assert any(r["economic_code"] == "30101" and r["economic_level"] == "款" for r in rows)


def test_export_csv_and_xlsx(database_target: str, files: Path, tmp_path: Path, capsys) -> None:
    from openpyxl import load_workbook

    assert main(["db", "add", "--db", database_target, str(files / "culture_2025.txt")]) == 0
    capsys.readouterr()
    assert main(["db", "export", "--db", database_target]) == 0
    figures = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert figures and {"department", "code", "value", "value_yuan", "page", "line"} <= set(figures[0])
    target = tmp_path / "corpus.xlsx"
    assert main(["db", "export", "--db", database_target, "--format", "xlsx", "-o", str(target)]) == 0
    book = load_workbook(target, read_only=True)
    assert book.sheetnames == ["documents", "doc_tables", "table_values", "facts", "projects",
                               "findings"]
    assert main(["db", "export", "--db", database_target, "--format", "xlsx"]) == 2


def test_fdp_rows_of_an_empty_corpus(database_target: str) -> None:
    database = open_database(database_target)
    assert fdp_rows(database) == []
    database.close()


def test_a_missing_duckdb_file_is_refused_for_query(tmp_path: Path, capsys) -> None:
    assert main(["db", "query", "--db", str(tmp_path / "none.duckdb"), "SELECT 1"]) == 2
    assert "不存在" in capsys.readouterr().err
    assert not (tmp_path / "none.duckdb").exists()


def test_the_default_database_is_yusuan_duckdb_in_the_working_folder(
        files: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["db", "add", str(files / "culture_2025.txt")]) == 0
    assert (tmp_path / "yusuan.duckdb").is_file()
    assert "已添加 1" in capsys.readouterr().out


def test_an_unreachable_postgres_is_one_sentence(capsys) -> None:
    from pgserver import free_port

    url = f"postgresql://nobody@127.0.0.1:{free_port()}/none?connect_timeout=5"
    assert main(["db", "query", "--db", url, "SELECT 1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("yusuan: 无法连接 PostgreSQL 数据库") and "Traceback" not in err


def test_a_missing_path_is_refused(tmp_path: Path, capsys) -> None:
    assert main(["db", "add", "--db", str(tmp_path / "c.duckdb"), str(tmp_path / "nothing")]) == 2
    assert "不存在" in capsys.readouterr().err


def test_the_rules_across_documents_are_kept_once_with_both_documents(
        database_target: str, tmp_path: Path) -> None:
    from pairs import budget_2024

    before = budget_2024()
    initial = {code: before.general_of(code) for code in before.items(general=True)}
    initial["2070109"] += 60_000
    folder = tmp_path / "pair"
    folder.mkdir()
    (folder / "a_budget.txt").write_text(render(before), encoding="utf-8")
    (folder / "b_final.txt").write_text(render_final(final_of_2024(initial)), encoding="utf-8")
    database = open_database(database_target)
    sql = ("SELECT f.rule, f.line, f.other_sha256 = b.sha256 AS other_is_the_budget, d.file_name "
           "FROM findings f JOIN documents d ON d.sha256 = f.sha256 "
           "JOIN documents b ON b.file_name = 'a_budget.txt' WHERE f.rule LIKE 'ACROSS.%'")
    try:
        add_paths(database, [str(folder)], "1.0")
        _, first = database.query(sql, None)
        add_paths(database, [str(folder)], "2.0")
        _, again = database.query(sql, None)
    finally:
        database.close()
    assert first and {(rule, other, name) for rule, _, other, name in first} == {
        ("ACROSS.INITIAL_BUDGET", True, "b_final.txt")}
    assert all(line and line > 0 for _, line, _, _ in first)
    assert len(again) == len(first)  # replaced, not doubled, when either is checked again


def final_of_2024(initial: dict[str, int]):  # type: ignore[no-untyped-def]
    from pairs import budget_2024, final_of

    return final_of(budget_2024(), initial=initial)
