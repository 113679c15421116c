"""The real corpus beside this checkout (../shared/corpus), its hand-made fixtures, and each
document read once per session."""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
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


def rewrite_failures(path: Path, cases: Iterable[tuple[str, Any, Callable[[], bool]]]
                     ) -> tuple[int, int]:
    """Write to `path` (JSON: file name → keys) the cases of the corpus files present whose
    check fails, and return (passed, checked): the list of strict xfails a test file reads."""
    failing: dict[str, list[Any]] = defaultdict(list)
    checked = 0
    for name, key, check in cases:
        if not (CORPUS / name).exists():
            continue
        checked += 1
        if not check():
            failing[name].append(key)
    path.write_text(json.dumps(dict(sorted(failing.items())), ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    return checked - sum(map(len, failing.values())), checked
