"""`yusuan compare --department … --years …` from the corpus, in DuckDB and PostgreSQL."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from docbuilder import render
from finalbuilder import render_final
from pairs import budget_2024, budget_after, final_of

from yusuan.cli import main


def _fill(database_target: str, folder: Path) -> None:
    before = budget_2024()
    initial = {code: before.general_of(code) for code in before.items(general=True)}
    initial["2070109"] += 60_000
    folder.mkdir()
    (folder / "b24.txt").write_text(render(before), encoding="utf-8")
    (folder / "b25.txt").write_text(render(budget_after(before)), encoding="utf-8")
    (folder / "f24.txt").write_text(render_final(final_of(before, initial=initial)),
                                    encoding="utf-8")
    assert main(["db", "add", "--db", database_target, str(folder)]) == 0


def test_compare_two_years_from_the_corpus(database_target: str, tmp_path: Path, capsys) -> None:
    _fill(database_target, tmp_path / "files")
    capsys.readouterr()
    assert main(["compare", "--db", database_target, "--department", "文化和旅游局",
                 "--years", "2024", "2025", "--kind", "预算", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    item = next(line for line in payload["lines"]
                if (line["section"], line["key"]) == ("functional", "2070101"))
    assert (item["first"]["yuan"], item["second"]["yuan"]) == (2_574_900, 2_624_900)
    assert payload["findings"] == []


def test_compare_a_budget_with_its_final_accounts_from_the_corpus(
        database_target: str, tmp_path: Path, capsys) -> None:
    _fill(database_target, tmp_path / "files")
    capsys.readouterr()
    assert main(["compare", "--db", database_target, "--department", "某市某区文化和旅游局",
                 "--years", "2024", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert (payload["first"]["kind"], payload["second"]["kind"]) == ("部门预算", "部门决算")
    assert "ACROSS.INITIAL_BUDGET" in {f["rule"] for f in payload["findings"]}


def test_a_choice_of_other_than_two_documents_is_refused(database_target: str, tmp_path: Path,
                                                         capsys) -> None:
    _fill(database_target, tmp_path / "files")
    capsys.readouterr()
    assert main(["compare", "--db", database_target, "--department", "文化和旅游局"]) == 2
    err = capsys.readouterr().err
    assert "符合条件的文件有 3 份" in err and "b25.txt" in err


def test_files_moved_since_they_were_added_are_noted(database_target: str, tmp_path: Path,
                                                     capsys) -> None:
    _fill(database_target, tmp_path / "files")
    shutil.move(tmp_path / "files", tmp_path / "elsewhere")
    capsys.readouterr()
    assert main(["compare", "--db", database_target, "--department", "文化和旅游局",
                 "--years", "2024", "2025", "--kind", "预算"]) == 0
    out = capsys.readouterr().out
    assert "2070101 行政运行" in out and "跨文件检查未运行" in out
