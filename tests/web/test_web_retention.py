"""Jobs are removed once they are older than the retention setting; settings from env."""

from __future__ import annotations

import json
import time
from pathlib import Path

from yusuan.web.jobs import JobStore
from yusuan.web.pool import WorkerPool
from yusuan.web.settings import Settings


def test_sweep_removes_old_jobs(tmp_path: Path) -> None:
    settings = Settings(data_dir=str(tmp_path), retention_hours=1)
    store = JobStore(settings, WorkerPool(settings))
    old = tmp_path / "jobs" / ("a" * 32)
    new = tmp_path / "jobs" / ("b" * 32)
    for folder, created in ((old, time.time() - 7200), (new, time.time())):
        folder.mkdir(parents=True)
        (folder / "job.json").write_text(json.dumps({"id": folder.name, "state": "done", "created": created}))
    assert store.sweep() == 1
    assert not old.exists() and new.exists()
    store.close()


def test_settings_from_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("YUSUAN_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("YUSUAN_PORT", "9123")
    monkeypatch.setenv("YUSUAN_MAX_UPLOAD_MB", "3")
    settings = Settings.from_env(port=9200)
    assert settings.data_dir == str(tmp_path) and settings.port == 9200
    assert settings.max_upload_bytes == 3 * 1024 * 1024
    assert Settings().host == "127.0.0.1"


def test_sweep_removes_a_job_left_running_by_a_crash(tmp_path: Path) -> None:
    settings = Settings(data_dir=str(tmp_path), retention_hours=1)
    store = JobStore(settings, WorkerPool(settings))
    stuck = tmp_path / "jobs" / ("d" * 32)
    stuck.mkdir(parents=True)
    (stuck / "job.json").write_text(json.dumps({"id": stuck.name, "state": "running",
                                                "created": time.time() - 7200}))
    assert store.sweep() == 1 and not stuck.exists()
    store.close()
