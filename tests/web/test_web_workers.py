"""Each document is checked in a worker process with a memory and a time limit: a file that
needs more memory or time than allowed, or a worker killed mid-job, fails only its own job
with a reason in words; the server stays up and the next job is checked as usual."""

from __future__ import annotations

import json
import os
import re
import signal
import time
from pathlib import Path

import pytest
from web_server import SEED, Server, get, start_server, stop_server, upload, wait_for_job

from yusuan.web.jobs import read_json

CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def big_document() -> bytes:
    """A long but ordinary disclosure (a seed 24 times over, 2 MB, under the readers' 100,000-line
    bound): seconds of work."""
    if not SEED.exists():
        pytest.skip("the seed documents (../shared/seeds) are not beside this checkout")
    return min(SEED.parent.glob("*.txt")).read_bytes() * 24


def limited_server(tmp_path: Path, **env: str) -> Server:
    settings = {f"YUSUAN_{name.upper()}": value for name, value in env.items()}
    return start_server(tmp_path / "data", tmp_path / "server.log", env=settings,
                        args=("--max-upload-mb", "8", "--workers", "1"))


def check_one(server: Server, name: str, data: bytes) -> dict:
    status, _headers, body = upload(f"{server.url}/api/check", [(name, data)])
    assert status in (200, 202), body
    return json.loads(body)["jobs"][0]  # type: ignore[no-any-return]


def still_serves(server: Server) -> None:
    assert server.process.poll() is None
    assert get(server.url + "/healthz")[0] == 200
    job = wait_for_job(server.url, check_one(server, "after.txt", SEED.read_bytes())["id"])
    assert job["state"] == "done", job


def failed_in_words(job: dict, words: str) -> None:
    assert job["state"] == "failed", job
    assert words in job["error"] and CHINESE.search(job["error"]), job["error"]
    assert "Error" not in job["error"] and "input." not in job["error"]


def test_a_file_beyond_the_memory_limit_fails_alone(tmp_path: Path, big_document: bytes) -> None:
    server = limited_server(tmp_path, worker_memory_mb="30")
    try:
        still_serves(server)
        job = wait_for_job(server.url, check_one(server, "big.txt", big_document)["id"], seconds=120)
        failed_in_words(job, "内存")
        still_serves(server)
    finally:
        stop_server(server)


def running_worker(server: Server, job_id: str, seconds: float = 30) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = read_json(server.data_dir / "jobs" / job_id / "job.json") or {}
        if job.get("state") == "running" and job.get("worker"):
            return int(job["worker"])
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not start")


def test_time_limit_and_a_killed_worker_fail_only_their_job(tmp_path: Path, big_document: bytes) -> None:
    server = limited_server(tmp_path, job_timeout_seconds="2")
    try:
        started = time.monotonic()
        job = wait_for_job(server.url, check_one(server, "slow.txt", big_document)["id"], seconds=60)
        failed_in_words(job, "时间限制")
        assert time.monotonic() - started < 30
        still_serves(server)

        job_id = check_one(server, "victim.txt", big_document)["id"]
        worker = running_worker(server, job_id)
        os.kill(worker, signal.SIGKILL)
        failed_in_words(wait_for_job(server.url, job_id, seconds=60), "终止")
        still_serves(server)
    finally:
        stop_server(server)


def test_a_cell_at_xfd1048576_fails_only_its_job(server: Server, tmp_path: Path) -> None:
    """A 5 KB workbook whose one far cell makes calamine ask for 512 GB (issue 19, item 2): the
    worker dies or the reader refuses; either way the job fails in words, the server lives on."""
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "部门预算"
    workbook.active["XFD1048576"] = 1
    workbook.save(tmp_path / "far.xlsx")
    job = wait_for_job(server.url, check_one(server, "far.xlsx", (tmp_path / "far.xlsx").read_bytes())["id"])
    assert job["state"] == "failed" and job["error"] and "input." not in job["error"]
    still_serves(server)
