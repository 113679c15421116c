"""What a batch has done, kept in its output folder (`yusuan-batch.json`) so that a batch run
again with --resume skips it: one entry per file, keyed by the file's sha256 and the settings it
was checked with (another format, triage or yusuan version checks it again). Written whole after
each file (a temporary file renamed over it), so a kill leaves the last good state."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

NAME = "yusuan-batch.json"
SCHEMA = "yusuan.batch/1"
CHUNK = 1024 * 1024


def file_sha256(path: str) -> str | None:
    """The sha256 of a regular file; None for what cannot be read (the check will say why)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def settings_key(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


class Manifest:
    """The entries of an output folder; `done(sha, key)` is a file already checked."""

    def __init__(self, folder: Path, resume: bool) -> None:
        self.path = folder / NAME
        self.entries: dict[str, dict[str, Any]] = self._load() if resume else {}

    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            payload = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        entries = payload.get("files") if isinstance(payload, dict) else None
        return entries if isinstance(entries, dict) else {}

    def done(self, sha: str | None, key: str) -> dict[str, Any] | None:
        entry = self.entries.get(sha) if sha else None
        return entry if entry and entry.get("settings") == key else None

    def record(self, sha: str, key: str, outcome: dict[str, Any]) -> None:
        self.entries[sha] = {**outcome, "settings": key}
        self.save()

    def save(self) -> None:
        text = json.dumps({"schema": SCHEMA, "files": self.entries}, ensure_ascii=False)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=f".{NAME}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
