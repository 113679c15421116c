"""The disclosures under the paths given: files as named, folders searched recursively for the
formats yusuan reads."""

from __future__ import annotations

from pathlib import Path

from yusuan.errors import InputError
from yusuan.readers.grid import file_sha256

__all__ = ["disclosure_files", "file_sha256"]

DISCLOSURE_SUFFIXES = frozenset({".pdf", ".xlsx", ".xlsm", ".xls", ".docx", ".html", ".htm",
                                 ".txt"})


def disclosure_files(paths: list[str]) -> list[Path]:
    """Each named file, and every disclosure file inside each named folder, once, in order."""
    found: list[Path] = []
    for text in paths:
        path = Path(text)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*")
                            if p.is_file() and p.suffix.lower() in DISCLOSURE_SUFFIXES)
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{text} 不存在。", f"{text} does not exist.")
    seen: set[Path] = set()
    return [p for p in found if not (p.resolve() in seen or seen.add(p.resolve()))]
