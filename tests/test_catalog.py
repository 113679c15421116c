"""The rule catalog keeps its promises: every rule documents a passing and a failing example,
is named by some test, and has its messages in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.rules import catalog
from yusuan.rules.engine import spec_of
from yusuan.rules.engine.messages import render

TESTS = Path(__file__).resolve().parent
TEST_TEXT = "\n".join(path.read_text(encoding="utf-8") for path in TESTS.rglob("test_*.py"))
RULE_IDS = [spec.id for spec in catalog()]
# The categories of the output contract (../shared/spec/output-contract.md).
CONTRACT_CATEGORIES = {
    "arithmetic", "cross_table", "narrative_vs_table", "year_over_year", "percentage",
    "performance_vs_budget", "measurement_basis", "indicator", "naming", "year_reference",
    "missing_content", "unit", "classification", "definition", "plausibility", "rounding",
}


def rule_function(rule_id: str):
    from yusuan.rules.engine import _REGISTRY

    return _REGISTRY.funcs[rule_id]


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_documents_a_passing_and_a_failing_example(rule_id: str) -> None:
    doc = rule_function(rule_id).__doc__ or ""
    assert "Passes" in doc and "Fails" in doc, f"{rule_id}: docstring lacks Passes/Fails examples"


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_is_named_by_a_test(rule_id: str) -> None:
    assert rule_id in TEST_TEXT


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_has_titles_in_both_languages(rule_id: str) -> None:
    spec = spec_of(rule_id)
    assert spec.title_zh and spec.title_en and spec.title_zh != spec.title_en
    assert spec.severity in ("error", "warning", "info")
    assert spec.category in CONTRACT_CATEGORIES


def test_unknown_message_id_does_not_crash_rendering() -> None:
    assert isinstance(render("NO.SUCH.RULE", "en"), str)


def test_seed_findings_use_contract_severities_and_categories() -> None:
    from seedfiles import SEED_NAMES, seed_document

    from yusuan.rules import run_rules

    for name in SEED_NAMES:
        for finding in run_rules(seed_document(name)):
            assert finding.severity in ("error", "warning", "info")
            assert finding.category in CONTRACT_CATEGORIES
            assert finding.locations and all(location.line > 0 for location in finding.locations)
