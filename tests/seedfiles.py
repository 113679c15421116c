"""Shared test helpers: where the seeds are, and reading a seed once per session."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from yusuan.model import Document
from yusuan.pipeline import read_document

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"
SEED_NAMES = sorted(path.name for path in SEEDS.glob("*.txt")) if SEEDS.exists() else []


@functools.cache
def seed_document(name: str) -> Document:
    return read_document(str(SEEDS / name))


def require_seed(name: str) -> None:
    """Skip the calling test when the seed `name` (file name or stem) is not beside this checkout."""
    if name not in SEED_NAMES and f"{name}.txt" not in SEED_NAMES:
        pytest.skip(f"seed {name} is not in ../shared/seeds")


def require_seeds() -> None:
    """Skip the calling test when the seed documents are not beside this checkout."""
    if not SEED_NAMES:
        pytest.skip("the seed documents (../shared/seeds) are not beside this checkout")
