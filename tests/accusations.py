"""What the rules accuse a document of (warnings and errors), for the generated-document tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from yusuan.model import Document, Finding
from yusuan.pipeline import document_from_text
from yusuan.rules import run_rules


def accusations(document: Document) -> list[Finding]:
    return [f for f in run_rules(document) if f.severity in ("warning", "error")]


def said(findings: list[Finding]) -> list[str]:
    return [f"{f.rule}: {f.message}" for f in findings]


def assert_found_by(text: str, expected: set[str], allowed: set[str]) -> None:
    """The expected rules fire on the text, and no rule beyond them and the allowed ones."""
    found = accusations(document_from_text(text))
    fired = {f.rule for f in found}
    assert expected <= fired, said(found)
    assert fired <= expected | allowed, said(found)


@dataclass
class Read:
    """A generated document written to a file and read back through the readers."""

    name: str
    path: Path
    document: Document
