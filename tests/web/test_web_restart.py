"""Jobs survive a crash: kill -9 the server while 24 jobs wait or run, start it again on the
same data folder, and every job ends done or failed with a reason; nothing stays running."""

from __future__ import annotations

import json
import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from web_server import SEED, start_server, stop_server, upload, wait_for_job

from yusuan.web.jobs import JobStore, read_json
from yusuan.web.pool import WorkerPool
from yusuan.web.settings import Settings

SEEDS = sorted(SEED.parent.glob("*.txt"))
FINISHED = ("done", "failed")


def states(data_dir: Path, ids: list[str]) -> dict[str, str]:
    return {i: (read_json(data_dir / "jobs" / i / "job.json") or {}).get("state", "?") for i in ids}


def gone(pid: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return True
        if "\nState:\tZ" in status:
            return True
        time.sleep(0.1)
    return False


def test_kill_nine_in_the_middle_of_24_jobs(tmp_path: Path) -> None:
    if not SEED.exists():
        pytest.skip("the seed documents (../shared/seeds) are not beside this checkout")
    data_dir, log = tmp_path / "data", tmp_path / "server.log"
    server = start_server(data_dir, log)

    def submit(i: int) -> str:
        seed = SEEDS[i % len(SEEDS)]
        status, _headers, body = upload(f"{server.url}/api/check", [(f"{i:02d}-{seed.name}", seed.read_bytes())])
        assert status in (200, 202), body
        return str(json.loads(body)["jobs"][0]["id"])

    with ThreadPoolExecutor(8) as pool:
        ids = list(pool.map(submit, range(24)))
    time.sleep(0.5)
    os.kill(server.process.pid, signal.SIGKILL)
    server.process.wait(10)
    at_kill = states(data_dir, ids)
    assert sum(state not in FINISHED for state in at_kill.values()) >= 4, at_kill
    for job_id, state in at_kill.items():
        worker = (read_json(data_dir / "jobs" / job_id / "job.json") or {}).get("worker")
        if state == "running" and worker:
            assert gone(int(worker)), f"worker {worker} outlived the server"

    again = start_server(data_dir, log)
    try:
        finished = [wait_for_job(again.url, job_id, seconds=120) for job_id in ids]
    finally:
        stop_server(again)
    assert all(job["state"] in FINISHED for job in finished)
    assert all(job["error"] for job in finished if job["state"] == "failed")
    assert sum(job["state"] == "done" for job in finished) >= 22
    for job in finished:
        if job["state"] == "done":
            assert job["summary"] is not None and job["document"]["department"]


def write_job(root: Path, job_id: str, state: str, attempts: int, created: float) -> Path:
    folder = root / "jobs" / job_id
    folder.mkdir(parents=True)
    (folder / "input.txt").write_bytes(SEED.read_bytes())
    job = {"id": job_id, "name": f"{job_id[:4]}.txt", "input": "input.txt", "size": 1, "state": state,
           "stage": "reading" if state == "running" else "queued", "error": None, "created": created,
           "attempts": attempts}
    (folder / "job.json").write_text(json.dumps(job))
    return folder


def test_recovery_reruns_once_then_fails(tmp_path: Path) -> None:
    if not SEED.exists():
        pytest.skip("the seed documents (../shared/seeds) are not beside this checkout")
    now = time.time()
    queued = write_job(tmp_path, "a" * 32, "queued", 0, now)
    cut_once = write_job(tmp_path, "b" * 32, "running", 1, now + 1)
    cut_twice = write_job(tmp_path, "c" * 32, "running", 2, now + 2)
    (tmp_path / "incoming").mkdir()
    (tmp_path / "incoming" / "left-over.part").write_bytes(b"half an upload")
    settings = Settings(data_dir=str(tmp_path), workers=1)
    store = JobStore(settings, WorkerPool(settings))
    try:
        assert not list((tmp_path / "incoming").iterdir())
        failed = store.get(cut_twice.name) or {}
        assert failed["state"] == "failed" and "中断" in failed["error"]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and any(
                (store.get(f.name) or {}).get("state") not in FINISHED for f in (queued, cut_once)):
            time.sleep(0.1)
        assert (store.get(queued.name) or {})["state"] == "done"
        rerun = store.get(cut_once.name) or {}
        assert rerun["state"] == "done" and rerun["attempts"] == 2
        assert oct(cut_once.stat().st_mode & 0o777) == "0o700"
        assert {oct(p.stat().st_mode & 0o777) for p in cut_once.iterdir()} == {"0o600"}
    finally:
        store.close()
