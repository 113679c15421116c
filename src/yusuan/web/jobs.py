"""Jobs: one uploaded file each, kept in its own folder under the data directory with a
generated name (never the user's file name as a path), checked by the worker pool.

A job folder holds `job.json` (state), `input.<suffix>` and, when done, `result.json` (the
report bundle). The state lives on disk, so worker processes write it and a restarted server
finds it: queued jobs run again, a job cut short by a crash is run once more, then failed.
Folders are the server user's only (0700), files too (0600).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import time
import uuid
from pathlib import Path
from typing import Any, Protocol

from yusuan import regexes
from yusuan.web.settings import Settings

log = logging.getLogger(__name__)

JOB_ID = regexes.compile(r"^[0-9a-f]{32}$")
STAGES = {"queued": 5, "reading": 25, "checking": 65, "rendering": 90, "done": 100, "failed": 100}
MAX_ATTEMPTS = 2
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable by this user only."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    os.chmod(path, PRIVATE_DIR)
    return path


def open_private(path: Path) -> int:
    """A new file only this user can read (fails if it exists)."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Write atomically, so a reader never sees half a file."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    with os.fdopen(open_private(tmp), "w", encoding="utf-8") as handle:
        handle.write(json.dumps(data, ensure_ascii=False))
    os.replace(tmp, path)


def read_json(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except (OSError, ValueError):
        return None


def update_job(folder: Path, **changes: Any) -> dict[str, Any]:
    job = read_json(folder / "job.json") or {}
    job.update(changes)
    write_json(folder / "job.json", job)
    return job


class Runner(Protocol):
    """What runs the jobs (the worker pool)."""

    def submit(self, folder: Path) -> None: ...

    def is_active(self, job_id: str) -> bool: ...

    def close(self) -> None: ...


class JobStore:
    """Create, look up, recover and expire jobs; `runner` checks them."""

    def __init__(self, settings: Settings, runner: Runner) -> None:
        self.settings = settings
        self.root = settings.jobs_dir
        private_dir(Path(settings.data_dir))
        private_dir(self.root)
        private_dir(settings.incoming_dir)
        self.runner = runner
        self.recover()

    def folder(self, job_id: str) -> Path | None:
        if not JOB_ID.match(job_id):
            return None
        folder = self.root / job_id
        return folder if (folder / "job.json").exists() else None

    def get(self, job_id: str) -> dict[str, Any] | None:
        folder = self.folder(job_id)
        return read_json(folder / "job.json") if folder else None

    def result(self, job_id: str) -> dict[str, Any] | None:
        folder = self.folder(job_id)
        return read_json(folder / "result.json") if folder else None

    def create(self, name: str, suffix: str, data_path: Path, size: int) -> dict[str, Any]:
        """A job for an uploaded file already saved at `data_path` (moved into the job folder)."""
        job_id = uuid.uuid4().hex
        folder = self.root / job_id
        folder.mkdir(mode=PRIVATE_DIR)
        input_name = f"input.{suffix}"
        os.replace(data_path, folder / input_name)
        job = {"id": job_id, "name": name, "input": input_name, "size": size, "state": "queued",
               "stage": "queued", "error": None, "created": time.time(), "started": None,
               "finished": None, "summary": None, "document": None, "attempts": 0, "pages": None}
        write_json(folder / "job.json", job)
        self.runner.submit(folder)
        return job

    def recover(self) -> None:
        """After a start: queue the jobs left queued, and those a crash cut short once more."""
        for part in self.settings.incoming_dir.iterdir():
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)
        found = [(job, folder) for folder in self.root.iterdir()
                 if (job := read_json(folder / "job.json") if folder.is_dir() else None)]
        for job, folder in sorted(found, key=lambda pair: float(pair[0].get("created") or 0)):
            private_tree(folder)
            state = job.get("state")
            if state == "running" and int(job.get("attempts") or 0) >= MAX_ATTEMPTS:
                update_job(folder, state="failed", stage="failed", finished=time.time(),
                           error="服务器两次在检查这个文件时中断，已不再重试。")
            elif state in ("queued", "running"):
                update_job(folder, state="queued", stage="queued")
                self.runner.submit(folder)
        log.info("%d jobs found at start", len(found))

    def sweep(self, now: float | None = None) -> int:
        """Remove jobs older than the retention setting, unless being checked; how many went."""
        now = now or time.time()
        limit = now - self.settings.retention_seconds
        removed = 0
        for folder in self.root.iterdir():
            job = (read_json(folder / "job.json") if folder.is_dir() else None) or {}
            created = float(job.get("created") or _mtime(folder))
            if created < limit and not self.runner.is_active(folder.name):
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        stale = now - 2 * self.settings.upload_seconds
        for part in self.settings.incoming_dir.iterdir():
            if _mtime(part) < stale:
                with contextlib.suppress(OSError):
                    part.unlink(missing_ok=True)
        return removed

    def close(self) -> None:
        self.runner.close()


def private_tree(folder: Path) -> None:
    """Make a job folder kept by an earlier version readable by this user only."""
    with contextlib.suppress(OSError):
        os.chmod(folder, PRIVATE_DIR)
        for path in folder.iterdir():
            if path.is_file() and not path.is_symlink():
                os.chmod(path, PRIVATE_FILE)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def progress(job: dict[str, Any]) -> int:
    """Per cent done: by stage, and while reading by the pages read."""
    stage = str(job.get("stage"))
    pages = job.get("pages") or {}
    if stage == "reading" and pages.get("total"):
        share = min(1.0, int(pages.get("done") or 0) / int(pages["total"]))
        return STAGES["reading"] + int((STAGES["checking"] - STAGES["reading"]) * share)
    return STAGES.get(stage, 5)
