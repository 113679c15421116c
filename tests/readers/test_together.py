"""A disclosure published as two files (情况说明 and 报表) read --together: the narrative of
one is checked against the tables of the other, and each finding names its file and line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from accusations import accusations
from docbuilder import culture_bureau, render

from yusuan.pipeline import document_from_text, read_document, read_together
from yusuan.rules import run_rules


def _split(text: str) -> tuple[str, str]:
    """(情况说明, 报表): the parts without and with the tables, each under the document's title."""
    lines = text.splitlines()
    tables = next(i for i, line in enumerate(lines) if line.startswith("第二部分"))
    narrative = next(i for i, line in enumerate(lines) if line.startswith("第三部分"))
    title = lines[1]
    return ("\n".join(lines[:tables] + lines[narrative:]),
            "\n".join(["", title, "", *lines[tables:narrative]]))


def _write(tmp_path: Path, text: str) -> tuple[str, str]:
    narrative, tables = _split(text)
    paths = (tmp_path / "情况说明.txt", tmp_path / "报表.txt")
    paths[0].write_text(narrative, encoding="utf-8")
    paths[1].write_text(tables, encoding="utf-8")
    return str(paths[0]), str(paths[1])


def test_parts_read_together_are_the_whole_document(tmp_path: Path) -> None:
    whole = document_from_text(render(culture_bureau()))
    together = read_together(list(_write(tmp_path, render(culture_bureau()))))
    assert [t.kind for t in together.tables] == [t.kind for t in whole.tables]
    assert together.headline.keys() == whole.headline.keys()
    assert accusations(together) == []
    assert [p.path.endswith(name) for p, name in zip(together.source.parts, ("情况说明.txt", "报表.txt"),
                                                      strict=True)] == [True, True]


def test_a_narrative_slip_is_found_only_with_the_tables(tmp_path: Path) -> None:
    text = render(culture_bureau()).replace("公用经费57.09万元", "公用经费59.09万元", 1)
    narrative, tables = _write(tmp_path, text)
    alone = [f.rule for f in run_rules(read_document(narrative)) if f.severity != "info"]
    assert "NARRATIVE.TABLE" not in alone
    found = [f for f in run_rules(read_together([narrative, tables])) if f.rule == "NARRATIVE.TABLE"]
    assert found and found[0].severity == "error"


def test_the_cli_cites_each_file_with_its_own_lines(tmp_path: Path) -> None:
    text = render(culture_bureau()).replace("公用经费57.09万元", "公用经费59.09万元", 1)
    narrative, tables = _write(tmp_path, text)
    run = subprocess.run([sys.executable, "-m", "yusuan.cli", "check", narrative, tables, "--together",
                          "--format", "json"], check=False, capture_output=True, text=True)
    report = json.loads(run.stdout)
    assert run.returncode == 1 and [p["path"] for p in report["source"]["parts"]] == [narrative, tables]
    finding = next(f for f in report["findings"] if f["rule"] == "NARRATIVE.TABLE")
    cited = {loc["file"]: loc["line"] for loc in finding["locations"]}
    assert set(cited) == {narrative, tables}
    for path, line in cited.items():
        printed = Path(path).read_text(encoding="utf-8").splitlines()[line - 1]
        assert any(ch.isdigit() for ch in printed), (path, line, printed)
    assert "59.09" in Path(narrative).read_text(encoding="utf-8").splitlines()[cited[narrative] - 1]


@pytest.mark.parametrize("together", [False, True])
def test_several_files_need_together(tmp_path: Path, together: bool) -> None:
    narrative, tables = _write(tmp_path, render(culture_bureau()))
    args = [sys.executable, "-m", "yusuan.cli", "check", narrative, tables] + (["--together"] if together else [])
    run = subprocess.run(args, check=False, capture_output=True, text=True)
    if together:
        assert run.returncode == 0, run.stderr
    else:  # `check` takes them as a batch, each file on its own; `extract` asks for --together
        assert "共 2 个文件：已检查 2 个" in run.stdout and "Traceback" not in run.stderr
        extract = subprocess.run([sys.executable, "-m", "yusuan.cli", "extract", narrative, tables],
                                 check=False, capture_output=True, text=True)
        assert extract.returncode == 2 and "--together" in extract.stderr
        assert "Traceback" not in extract.stderr
