"""Jobs: one uploaded file each, kept in its own folder under the data directory with a
generated name (never the user's file name as a path), checked in a small pool.

A job folder holds `job.json` (state), `input.<suffix>` and, when done, `result.json` (the
report bundle). The state lives on disk so that a process pool can update it too.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import time
import uuid
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from yusuan.web.settings import Settings

log = logging.getLogger(__name__)

JOB_ID = re.compile(r"^[0-9a-f]{32}$")
STAGES = {"queued": 5, "reading": 25, "checking": 65, "rendering": 90, "done": 100, "failed": 100}


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Write atomically, so a reader never sees half a file."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
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


def run_job(folder_name: str) -> None:
    """Check one job's file and store its report bundle (runs in the pool)."""
    from yusuan.errors import InputError
    from yusuan.pipeline import read_document
    from yusuan.report.bundle import report_bundle
    from yusuan.rules import run_rules

    folder = Path(folder_name)
    job = update_job(folder, state="running", stage="reading", started=time.time())
    input_path = folder / job["input"]
    try:
        document = read_document(str(input_path))
        update_job(folder, stage="checking")
        findings = run_rules(document)
        update_job(folder, stage="rendering")
        bundle = report_bundle(document, findings, display_path=job["name"])
        write_json(folder / "result.json", bundle)
    except InputError as error:
        reason = str(error).replace(input_path.name, job["name"]).replace(str(input_path), job["name"])
        update_job(folder, state="failed", stage="failed", error=reason, finished=time.time())
        return
    except Exception as error:  # a broken file must give a readable job error, not a crash
        log.exception("job %s failed", folder.name)
        update_job(folder, state="failed", stage="failed", finished=time.time(),
                   error=f"{job['name']} could not be checked ({type(error).__name__}).")
        return
    update_job(folder, state="done", stage="done", finished=time.time(),
               summary=bundle["check"]["summary"], document=bundle["check"]["document"])


def make_executor(settings: Settings) -> Executor:
    if settings.pool == "process":
        return ProcessPoolExecutor(settings.workers, mp_context=get_context("spawn"))
    return ThreadPoolExecutor(settings.workers, thread_name_prefix="yusuan-job")


class JobStore:
    """Create, look up, run and expire jobs."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.root = settings.jobs_dir
        self.root.mkdir(parents=True, exist_ok=True)
        self.executor = make_executor(settings)

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
        folder.mkdir()
        input_name = f"input.{suffix}"
        shutil.move(str(data_path), folder / input_name)
        job = {"id": job_id, "name": name, "input": input_name, "size": size, "state": "queued",
               "stage": "queued", "error": None, "created": time.time(), "started": None,
               "finished": None, "summary": None, "document": None}
        write_json(folder / "job.json", job)
        self.executor.submit(run_job, str(folder))
        return job

    def sweep(self, now: float | None = None) -> int:
        """Remove jobs older than the retention setting; returns how many went."""
        limit = (now or time.time()) - self.settings.retention_seconds
        removed = 0
        for folder in self.root.iterdir():
            job = (read_json(folder / "job.json") if folder.is_dir() else None) or {}
            created = float(job.get("created") or _mtime(folder))
            running = job.get("state") == "running"
            if created < limit and not running:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        return removed

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def progress(job: dict[str, Any]) -> int:
    return STAGES.get(str(job.get("stage")), 5)
