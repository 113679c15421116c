"""The files a batch checks: files named on the command line as they are, folders searched
recursively for the suffixes yusuan reads."""

from __future__ import annotations

import os
from pathlib import Path

SUFFIXES = (".pdf", ".xlsx", ".xlsm", ".xls", ".docx", ".html", ".htm", ".shtml", ".txt")


def is_batch(paths: list[str], together: bool) -> bool:
    """Several disclosures, or a folder of them (several files --together are one disclosure)."""
    if together:
        return False
    return len(paths) > 1 or any(os.path.isdir(path) for path in paths)


def gather(paths: list[str], skip: str | None = None) -> list[tuple[str, str]]:
    """(path, name shown) of every file to check, in order, each once; nothing a folder holds
    under `skip` (the output folder). A folder's files are named by their path within it."""
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    skipped = os.path.realpath(skip) + os.sep if skip else None
    for given in paths:
        if os.path.isdir(given):
            candidates = [(str(file), str(file.relative_to(given)))
                          for file in folder_files(Path(given)) if not skipped
                          or not os.path.realpath(file).startswith(skipped)]
        else:
            candidates = [(given, Path(given).name)]
        for path, name in candidates:
            real = os.path.realpath(path)
            if real in seen:
                continue
            seen.add(real)
            found.append((path, name))
    return found


def folder_files(folder: Path) -> list[Path]:
    """Files under `folder` with a suffix yusuan reads, sorted; hidden files and folders left out."""
    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(Path(root) / name for name in sorted(files)
                   if not name.startswith(".") and name.lower().endswith(SUFFIXES))
    return out
