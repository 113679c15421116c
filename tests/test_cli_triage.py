"""Triage of `yusuan check`: --select / --ignore (rule ids, prefixes, categories), --min-severity,
--fail-on, the same settings from yusuan.toml or [tool.yusuan], and a baseline of reviewed
findings matched by rule, document and message (not by line)."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from corpus.corpusfiles import require_corpus_file
from seedfiles import SEEDS, require_seed

from yusuan.cli import main

SEED = "001_cef01461b897d751.txt"  # warnings and infos, no error
CORPUS_PDF = "guangdong/2026年深圳市财政局部门预算.pdf"


def check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    """Exit status and the check JSON of `yusuan check … --format json`."""
    try:
        status = main(["check", *argv, "--format", "json"])
    except SystemExit as leaving:
        status = int(leaving.code or 0)
    out, err = capsys.readouterr()
    return status, (json.loads(out) if out else {"error": err})


@pytest.fixture()
def seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seed, copied into a folder of its own that is also the working folder."""
    require_seed(SEED)
    monkeypatch.chdir(tmp_path)
    return Path(shutil.copy(SEEDS / SEED, tmp_path / SEED))


def rules_of(payload: dict) -> Counter[str]:
    return Counter(f["rule"] for f in payload["findings"])


def test_without_options_everything_is_reported(capsys, seed: Path) -> None:
    status, payload = check(capsys, str(seed))
    assert status == 0
    assert payload["summary"]["warning"] and payload["summary"]["info"]
    assert not payload["summary"]["error"]


def test_select_by_rule_prefix_and_category(capsys, seed: Path) -> None:
    _, every = check(capsys, str(seed))
    _, by_prefix = check(capsys, str(seed), "--select", "PROJECT")
    assert by_prefix["findings"] and all(f["rule"].startswith("PROJECT.") for f in by_prefix["findings"])
    assert len(by_prefix["findings"]) == sum(1 for f in every["findings"] if f["rule"].startswith("PROJECT."))
    _, by_category = check(capsys, str(seed), "--select", "rounding")
    assert by_category["findings"] and {f["category"] for f in by_category["findings"]} == {"rounding"}
    _, by_chinese = check(capsys, str(seed), "--select", "舍入")
    assert by_chinese["findings"] == by_category["findings"]


def test_ignore_by_rule_id_and_category(capsys, seed: Path) -> None:
    _, every = check(capsys, str(seed))
    rule = every["findings"][0]["rule"]
    _, ignored = check(capsys, str(seed), "--ignore", f"{rule},rounding")
    assert rule not in rules_of(ignored)
    assert "rounding" not in {f["category"] for f in ignored["findings"]}
    kept = [f for f in every["findings"] if f["rule"] != rule and f["category"] != "rounding"]
    assert len(ignored["findings"]) == len(kept) > 0


def test_min_severity_and_fail_on(capsys, seed: Path) -> None:
    _, warnings = check(capsys, str(seed), "--min-severity", "warning")
    assert warnings["findings"] and {f["severity"] for f in warnings["findings"]} == {"warning"}
    assert check(capsys, str(seed))[0] == 0
    assert check(capsys, str(seed), "--fail-on", "warning")[0] == 1
    assert check(capsys, str(seed), "--fail-on", "warning", "--select", "rounding")[0] == 0
    assert check(capsys, str(seed), "--fail-on", "警告", "--select", "rounding,NARRATIVE")[0] == 1


def test_unknown_selector_or_severity_is_refused(capsys, seed: Path) -> None:
    status, payload = check(capsys, str(seed), "--select", "NO.SUCH")
    assert status == 2 and "不是已知的规则编号或类别" in payload["error"]
    status, payload = check(capsys, str(seed), "--min-severity", "fatal")
    assert status == 2 and "无效" in payload["error"]


def test_yusuan_toml_in_the_working_folder(capsys, seed: Path) -> None:
    (seed.parent / "yusuan.toml").write_text('select = ["rounding"]\nfail-on = "warning"\n',
                                             encoding="utf-8")
    status, payload = check(capsys, str(seed))
    assert {f["category"] for f in payload["findings"]} == {"rounding"}
    assert status == 0  # only infos are selected: nothing fails
    status, payload = check(capsys, str(seed), "--select", "NARRATIVE")
    assert status == 1 and all(f["rule"].startswith("NARRATIVE") for f in payload["findings"])
    assert check(capsys, str(seed), "--no-config")[1]["summary"]["warning"]


def test_pyproject_tool_table_found_from_a_subfolder(capsys, seed: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (seed.parent / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.yusuan]\n'
                                                'min-severity = "warning"\n', encoding="utf-8")
    below = seed.parent / "a" / "b"
    below.mkdir(parents=True)
    monkeypatch.chdir(below)
    _, payload = check(capsys, str(seed))
    assert payload["findings"] and {f["severity"] for f in payload["findings"]} == {"warning"}


def test_config_with_an_unknown_setting_is_refused(capsys, seed: Path) -> None:
    (seed.parent / "yusuan.toml").write_text('selekt = ["TOTAL"]\n', encoding="utf-8")
    status, payload = check(capsys, str(seed))
    assert status == 2 and "selekt" in payload["error"]


def test_baseline_quiets_reviewed_findings_not_new_ones(capsys, seed: Path) -> None:
    baseline = seed.parent / "reviewed.json"
    assert main(["check", str(seed), "--write-baseline", str(baseline)]) == 0
    capsys.readouterr()
    status, payload = check(capsys, str(seed), "--baseline", str(baseline), "--fail-on", "warning")
    assert (status, payload["findings"]) == (0, [])
    # lines added above every finding: still the same findings, still quiet
    seed.write_text("\n\n\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    assert check(capsys, str(seed), "--baseline", str(baseline))[1]["findings"] == []
    # a finding the baseline does not hold is reported
    entries = json.loads(baseline.read_text(encoding="utf-8"))
    dropped = entries["findings"].pop()
    baseline.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    _, payload = check(capsys, str(seed), "--baseline", str(baseline))
    assert [(f["rule"], f["message"]) for f in payload["findings"]] == \
        [(dropped["rule"], dropped["message"])]


def test_baseline_from_the_config_file(capsys, seed: Path) -> None:
    assert main(["check", str(seed), "--write-baseline", "reviewed.json"]) == 0
    capsys.readouterr()
    (seed.parent / "yusuan.toml").write_text('baseline = "reviewed.json"\n', encoding="utf-8")
    assert check(capsys, str(seed))[1]["findings"] == []


def test_triage_on_a_corpus_pdf(capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = str(require_corpus_file(CORPUS_PDF))
    monkeypatch.chdir(tmp_path)
    _, every = check(capsys, pdf)
    assert every["findings"]
    _, errors = check(capsys, pdf, "--min-severity", "error")
    assert [f for f in every["findings"] if f["severity"] == "error"] == errors["findings"]
    first = every["findings"][0]["rule"]
    _, ignored = check(capsys, pdf, "--ignore", first)
    assert first not in rules_of(ignored)
    assert main(["check", pdf, "--write-baseline", "b.json"]) == 0
    capsys.readouterr()
    status, quiet = check(capsys, pdf, "--baseline", "b.json", "--fail-on", "warning")
    assert (status, quiet["findings"]) == (0, [])
