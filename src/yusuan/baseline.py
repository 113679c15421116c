"""A baseline of reviewed findings: `yusuan check --write-baseline FILE` lists every finding of a
document as reviewed; `--baseline FILE` keeps those quiet next time.

A finding is matched by its rule, its document (the file's sha256, or its name when the file was
re-saved) and its message — never by line number, so an edit above it does not wake it. Each
entry quiets one finding: a second identical finding is new. One baseline file may hold several
documents; writing it again replaces only the entries of the document checked.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from yusuan import regexes
from yusuan.errors import InputError
from yusuan.model import Document, Finding

SCHEMA = "yusuan.baseline/1"
LINE_NUMBERS = regexes.compile(r"第\s*\d+(?:\s*[、，,\-–~至]\s*\d+)*\s*行")


def document_identity(document: Document) -> dict[str, str]:
    return {"sha256": document.source.sha256, "name": Path(document.source.path).name}


def entry(document: Document, finding: Finding) -> dict[str, Any]:
    return {"rule": finding.rule, **document_identity(document), "message": finding.message}


def read_baseline(path: str) -> list[dict[str, Any]]:
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"基线文件 {path} 不存在。", f"baseline {path}: no such file.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise InputError(f"基线文件 {path} 无法读取（不是 yusuan 写的基线）。",
                         f"baseline {path} cannot be read (not a yusuan baseline).") from None
    if not isinstance(payload, dict) or payload.get("schema") != SCHEMA:
        raise InputError(f"基线文件 {path} 不是 yusuan 写的基线。",
                         f"baseline {path} is not a yusuan baseline.")
    return [e for e in payload.get("findings", []) if isinstance(e, dict)]


def comparable(message: str) -> str:
    """A message without the line numbers it cites (第212行, 第3、15行): an edit above a finding
    moves them, not what the finding says."""
    return LINE_NUMBERS.sub("第…行", message)


def _key(entry: dict[str, Any]) -> tuple[str, str]:
    return (str(entry.get("rule")), comparable(str(entry.get("message"))))


def _same_document(entry: dict[str, Any], identity: dict[str, str]) -> bool:
    return entry.get("sha256") == identity["sha256"] or entry.get("name") == identity["name"]


def without_reviewed(document: Document, findings: list[Finding],
                     entries: list[dict[str, Any]]) -> list[Finding]:
    """The findings the baseline does not list as reviewed for this document."""
    identity = document_identity(document)
    reviewed = Counter(_key(e) for e in entries if _same_document(e, identity))
    fresh = []
    for finding in findings:
        key = (finding.rule, comparable(finding.message))
        if reviewed[key] > 0:
            reviewed[key] -= 1
        else:
            fresh.append(finding)
    return fresh


def write_baseline(path: str, document: Document, findings: list[Finding]) -> int:
    """List every finding as reviewed (keeping other documents' entries); the number written."""
    identity = document_identity(document)
    kept: list[dict[str, Any]] = []
    if Path(path).exists():
        kept = [e for e in read_baseline(path) if not _same_document(e, identity)]
    entries = kept + [entry(document, f) for f in findings]
    text = json.dumps({"schema": SCHEMA, "findings": entries}, ensure_ascii=False, indent=1) + "\n"
    _write_atomically(Path(path), text)
    return len(findings)


def _write_atomically(path: Path, text: str) -> None:
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".",
                                             prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError as error:
        raise InputError(f"无法写入 {path}：{error.strerror or error}",
                         f"cannot write {path}: {error.strerror or error}") from None
