"""The real corpus beside this checkout (../shared/corpus), its hand-made fixtures, and each
document read once per session."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from yusuan.errors import InputError
from yusuan.model import Document
from yusuan.pipeline import read_document

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures" / "corpus"


def fixture_names() -> list[str]:
    """Corpus paths (province/file) that have a hand-made fixture."""
    return sorted(str(p.relative_to(FIXTURES))[:-len(".json")] for p in FIXTURES.glob("*/*.json"))


def fixture(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def require_corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{name} is not in ../shared/corpus")
    return path


@functools.cache
def corpus_document(name: str) -> Document | InputError:
    """The document as yusuan reads it, or the InputError that refused it."""
    try:
        return read_document(str(CORPUS / name))
    except InputError as refused:
        return refused
