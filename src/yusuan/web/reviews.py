"""Findings a reader marked in the web app: 已复核 (reviewed) or 误报 (false positive).

A mark belongs to the document (its sha256), not to the job: the same file uploaded again shows
its marks, after the job itself has expired. A finding is known by its rule and message with
the cited line numbers left out (as in a baseline, `yusuan.baseline`). One JSON file per
document under `<data dir>/reviews/`, written whole (temporary file, then rename).
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from yusuan import regexes
from yusuan.baseline import comparable

MARKS = ("reviewed", "false_positive")
SHA256 = regexes.compile(r"^[0-9a-f]{64}$")
_LOCK = threading.Lock()


def finding_key(finding: dict[str, Any]) -> str:
    return f"{finding.get('rule')}\n{comparable(str(finding.get('message', '')))}"


class Reviews:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, sha256: str) -> Path | None:
        return self.folder / f"{sha256}.json" if SHA256.match(sha256 or "") else None

    def marks(self, sha256: str) -> dict[str, str]:
        path = self._path(sha256)
        if path is None or not path.is_file():
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and v in MARKS}

    def mark(self, sha256: str, key: str, mark: str | None) -> None:
        """Set a finding's mark (None removes it)."""
        path = self._path(sha256)
        if path is None:
            raise ValueError("not a document digest")
        if mark is not None and mark not in MARKS:
            raise ValueError(f"unknown mark {mark!r}")
        with _LOCK:
            marks = self.marks(sha256)
            if mark is None:
                marks.pop(key, None)
            else:
                marks[key] = mark
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(marks, out, ensure_ascii=False)
            os.replace(temporary, path)


def with_marks(bundle: dict[str, Any], marks: dict[str, str]) -> dict[str, Any]:
    """A copy of the bundle whose findings carry their mark (`review`)."""
    findings = [{**f, "review": marks[finding_key(f)]} if finding_key(f) in marks else f
                for f in bundle["check"]["findings"]]
    return {**bundle, "check": {**bundle["check"], "findings": findings}}
