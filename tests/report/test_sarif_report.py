"""SARIF 2.1.0: valid against the schema shipped here, rules from the catalog, results with
line regions, ruleIds and levels."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from report_sample import SAMPLE, checked_bundle, hand_bundle

from yusuan.report.sarif import render_sarif
from yusuan.rules import catalog

jsonschema = pytest.importorskip("jsonschema")
# The official OASIS SARIF 2.1.0 schema (2.1.0-rtm.5), as shipped in the MIT-licensed npm package
# @microsoft/jest-sarif 1.0.0-beta.0 (lib/schemas/sarif-2.1.0-rtm.5.json), copied unchanged.
SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(log: dict) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_validates_in_both_languages() -> None:
    validate(render_sarif(hand_bundle(), "zh"))
    validate(render_sarif(checked_bundle(), "en"))


def test_schema_rejects_a_broken_log() -> None:
    log = render_sarif(hand_bundle())
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(AssertionError):
        validate(log)


def test_rules_come_from_the_catalog() -> None:
    driver = render_sarif(hand_bundle(), "en")["runs"][0]["tool"]["driver"]
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids[:len(catalog())] == [spec.id for spec in catalog()]
    rollup = driver["rules"][ids.index("TOTAL.ROLLUP")]
    assert rollup["shortDescription"]["text"] == "Functional classes add up"
    assert "类 = Σ 款" in rollup["help"]["text"]
    assert rollup["defaultConfiguration"]["level"] == "error"


def test_results_point_at_lines() -> None:
    run = render_sarif(hand_bundle())["runs"][0]
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note", "note"]
    first = results[0]
    assert first["ruleId"] == "TOTAL.ROLLUP"
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "TOTAL.ROLLUP"
    regions = [loc["physicalLocation"]["region"]["startLine"] for loc in first["locations"]]
    assert regions == [14, 15, 16]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "sample_budget.txt"
    assert first["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == \
        "general_budget_expenditure/20126/total"
    assert first["properties"]["difference"] == -1.0


def test_cli_sarif_stdout() -> None:
    result = subprocess.run([sys.executable, "-m", "yusuan.cli", "check", str(SAMPLE), "--format", "sarif",
                             "--lang", "en"], check=False, capture_output=True, text=True, timeout=60)
    log = json.loads(result.stdout)
    validate(log)
    assert log["runs"][0]["artifacts"][0]["location"]["uri"].startswith("file:///")


def test_every_seed_report_validates() -> None:
    from seedfiles import SEED_NAMES, seed_document

    from yusuan.report.bundle import report_bundle
    from yusuan.rules import run_rules

    for name in SEED_NAMES:
        document = seed_document(name)
        validate(render_sarif(report_bundle(document, run_rules(document)), "zh"))
