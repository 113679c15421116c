"""What a check of a text document loads: the text reader and the rules, nothing heavier."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("pypdfium2", "rapidocr_onnxruntime", "onnxruntime", "numpy", "fastapi", "starlette",
         "uvicorn", "yusuan.web", "docx", "python_calamine", "lxml", "duckdb", "dask",
         "distributed", "psycopg", "openpyxl", "jinja2", "reportlab", "yusuan.store.connect",
         "yusuan.compare.diff", "yusuan.report.pages", "ctypes", "yusuan.readers.pdf")

PROGRAM = """
import json, sys
from yusuan.cli import main
main(["check", "--format", "json", sys.argv[1]])
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def test_checking_a_text_document_imports_no_pdf_ocr_or_web_code(tmp_path: Path) -> None:
    document = tmp_path / "budget.txt"
    document.write_text("某某单位2026年部门预算\n一、收支总表\n单位：万元\n项目\t预算数\n合计\t1.00\n",
                        encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", PROGRAM, str(document)], capture_output=True,
                          text=True, check=False, timeout=120)
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert done.returncode == 0 or done.stdout
    heavy = sorted(name for name in loaded if name.split(".")[0] in HEAVY or name.startswith(HEAVY))
    assert heavy == []


MODULE_RUN = """
import atexit, json, runpy, sys
sys.argv = ["yusuan", "check", "--format", "json", sys.argv[1]]
# the program leaves without returning here: what it loaded is listed as it exits
atexit.register(lambda: print(json.dumps(sorted(sys.modules)), file=sys.stderr))
runpy.run_module("yusuan", run_name="__main__")
"""


def test_python_dash_m_yusuan_checks_a_text_document_with_the_same_light_imports(
        tmp_path: Path) -> None:
    document = tmp_path / "budget.txt"
    document.write_text("某某单位2026年部门预算\n一、收支总表\n单位：万元\n项目\t预算数\n合计\t1.00\n",
                        encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", MODULE_RUN, str(document)], capture_output=True,
                          text=True, check=False, timeout=120)
    assert '"schema": "yusuan.check/1"' in done.stdout  # `python -m yusuan check`'s report
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    heavy = sorted(name for name in loaded if name.split(".")[0] in HEAVY or name.startswith(HEAVY))
    assert heavy == []


@pytest.mark.parametrize("pyproject", [None, '[project]\nname = "x"\n\n[tool.ruff]\nline-length = 100\n'],
                         ids=["no configuration file", "another tool's pyproject.toml"])
def test_a_check_without_yusuan_settings_loads_no_toml_parser(tmp_path: Path,
                                                              pyproject: str | None) -> None:
    if pyproject is not None:
        (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    document = tmp_path / "budget.txt"
    document.write_text("某某单位2026年部门预算\n一、收支总表\n单位：万元\n项目\t预算数\n合计\t1.00\n",
                        encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", PROGRAM, str(document)], capture_output=True,
                          text=True, check=False, timeout=120, cwd=tmp_path)
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "yusuan.config" in loaded
    assert "tomllib" not in loaded


LABELS_ASKED = """
import sys
from yusuan.cli import main
from yusuan.recognise.projects import labels
try:
    main(["check", "--format", "json", sys.argv[1]])
except SystemExit:
    pass
print(labels.field_pattern.cache_info().currsize + labels.any_label.cache_info().currsize,
      file=sys.stderr)
"""


def test_a_check_of_a_document_without_forms_compiles_no_form_label_pattern(
        tmp_path: Path) -> None:
    document = tmp_path / "budget.txt"
    document.write_text("某某单位2026年部门预算\n一、收支总表\n单位：万元\n项目\t预算数\n合计\t1.00\n",
                        encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", LABELS_ASKED, str(document)],
                          capture_output=True, text=True, check=False, timeout=120)
    assert '"schema": "yusuan.check/1"' in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "0"


LIGHT_PROGRAM = """
import json, sys
from yusuan.cli import main
main(["check", sys.argv[1]])
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""

# standard modules a check of one document has no use for: temporary files (only `-o` writes
# one), ZIP archives (only a Word or Excel file is one), logging (only a failing rule logs),
# importlib.resources (the code lists are files beside their module)
UNNEEDED_STANDARD = ("tempfile", "zipfile", "logging", "importlib.resources")


def test_a_text_check_imports_no_standard_module_it_does_not_use(tmp_path: Path) -> None:
    document = tmp_path / "budget.txt"
    document.write_text("某某单位2026年部门预算\n一、收支总表\n单位：万元\n项目\t预算数\n合计\t1.00\n"
                        "2010101\t行政运行\t1.00\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", LIGHT_PROGRAM, str(document)],
                          capture_output=True, text=True, check=False, timeout=120, cwd=tmp_path)
    assert done.stdout  # the report
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert sorted(name for name in loaded if name in UNNEEDED_STANDARD) == []


REFUSED = """
import json, sys
from yusuan.cli import main
status = main(["check", sys.argv[1]])
print(json.dumps([status, sorted(sys.modules)]), file=sys.stderr)
"""


def test_a_check_loads_the_rules_only_once_the_document_is_read(tmp_path: Path) -> None:
    """Without --select or --ignore nothing asks for the catalog before the rules run: a file
    refused as no disclosure loads none of them (and a long PDF's reading does not carry them)."""
    document = tmp_path / "notes.txt"
    document.write_text("会议纪要\n今天讨论了三件事。\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", REFUSED, str(document)], capture_output=True,
                          text=True, check=False, timeout=120, cwd=tmp_path)
    status, loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert status == 2
    assert sorted(name for name in loaded if name.startswith(("yusuan.rules.tables.",
                                                              "yusuan.rules.narrative."))) == []


TEXT_REPORT_RUN = """
import sys
from yusuan.cli import main
main(["check", sys.argv[1]])
print(" ".join(sorted(sys.modules)), file=sys.stderr)
"""


def test_a_text_report_loads_neither_json_nor_shutil(tmp_path: Path) -> None:
    """json is for JSON reports; shutil (with bz2 and lzma) was argparse's way to the terminal's
    width."""
    document = tmp_path / "budget.txt"
    document.write_text("某某单位2026年部门预算\n一、收支总表\n单位：万元\n项目\t预算数\n合计\t1.00\n",
                        encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", TEXT_REPORT_RUN, str(document)],
                          capture_output=True, text=True, check=False, timeout=120)
    assert "部门预算" in done.stdout  # the text report
    loaded = set(done.stderr.strip().splitlines()[-1].split())
    assert "yusuan.rules.engine" in loaded  # the check ran
    assert sorted(loaded & {"json", "shutil", "bz2", "lzma"}) == []
