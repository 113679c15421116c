"""The pool: a few worker processes, each driven by one thread of the server.

A thread takes the next job folder from the queue, marks the job running and hands it to its
worker process (`yusuan.web.worker`), then waits for the answer, the worker's death or the
time limit, whichever comes first. A dead or stopped worker fails only its own job, with a
reason in words, and is replaced before the next job; no job stays running past the limit.
"""

from __future__ import annotations

import logging
import queue
import signal
import threading
import time
from multiprocessing import get_context
from multiprocessing.connection import wait
from pathlib import Path

from yusuan.batch.pool import how_it_ended
from yusuan.web.jobs import read_json, update_job
from yusuan.web.settings import Settings
from yusuan.web.worker import RESTART, serve_jobs

log = logging.getLogger(__name__)
START_SECONDS = 120.0
FINISHED = ("done", "failed")


def timeout_reason(seconds: float) -> str:
    return f"检查超过了时间限制（{seconds:g} 秒），已停止。"


def death_reason(exitcode: int | None) -> str:
    if exitcode == -signal.SIGKILL:
        return "检查这个文件的进程被强行终止（可能是内存用尽），未能完成。"
    how = how_it_ended(exitcode, "退出码", "信号")
    return f"检查这个文件的进程意外退出（{how}），可能是文件损坏或内存不足，未能完成。"


class Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, settings: Settings) -> None:
        context = get_context("spawn")
        self.connection, child_end = context.Pipe()
        limits = {"memory_bytes": settings.worker_memory_bytes, "memory_mb": settings.worker_memory_mb}
        self.process = context.Process(target=serve_jobs, args=(child_end, limits),
                                       name="yusuan-worker", daemon=True)
        self.process.start()
        child_end.close()
        self.ready = False

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.is_alive()

    def answer(self, timeout: float) -> str:
        """The worker's next message, or "died" / "timeout"."""
        ready = wait([self.connection, self.process.sentinel], timeout)
        if self.connection in ready:
            try:
                return str(self.connection.recv())
            except (EOFError, OSError):
                pass
        if ready:
            self.process.join(5)
            return "died"
        return "timeout"

    def start(self) -> bool:
        self.ready = self.answer(START_SECONDS) == "ready"
        return self.ready

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        try:
            self.connection.close()
        except OSError:  # already closed by the thread that was waiting on it
            pass


class WorkerPool:
    """`workers` threads, each with a worker process, taking job folders from one queue."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.jobs: queue.Queue[Path | None] = queue.Queue()
        self.active: set[str] = set()
        self.current: dict[int, tuple[Worker, Path | None]] = {}
        self.lock = threading.Lock()
        self.closing = threading.Event()
        self.threads = [threading.Thread(target=self._drive, name=f"yusuan-pool-{n}", daemon=True)
                        for n in range(settings.workers)]
        for thread in self.threads:
            thread.start()

    def submit(self, folder: Path) -> None:
        with self.lock:
            self.active.add(folder.name)
        self.jobs.put(folder)

    def is_active(self, job_id: str) -> bool:
        with self.lock:
            return job_id in self.active

    def close(self) -> None:
        """Stop the workers; a job cut short is queued again for the next start."""
        self.closing.set()
        for _ in self.threads:
            self.jobs.put(None)
        with self.lock:
            running = list(self.current.values())
        for worker, _folder in running:
            worker.stop()
        for thread in self.threads:
            thread.join(10)

    def _drive(self) -> None:
        worker: Worker | None = None
        while not self.closing.is_set():
            if worker is None or not worker.alive():
                worker = self._new_worker()
            folder = self.jobs.get()
            if folder is None or self.closing.is_set():
                break
            try:
                worker = self._run(worker, folder)
            except Exception:  # a broken job folder must not stop the thread
                log.exception("job %s could not be run", folder.name)
                worker = _stopped(worker)
                if self.closing.is_set():
                    requeue_job(folder)
                else:
                    fail_job(folder, "检查这个文件时服务器出错，未能完成。")
            finally:
                with self.lock:
                    self.active.discard(folder.name)
        if worker is not None:
            worker.stop()

    def _new_worker(self) -> Worker | None:
        worker = Worker(self.settings)
        with self.lock:
            self.current[threading.get_ident()] = (worker, None)
        if worker.start():
            return worker
        if not self.closing.is_set():
            log.error("a worker process did not start (exit code %s)", worker.process.exitcode)
        worker.stop()
        return None

    def _run(self, worker: Worker | None, folder: Path) -> Worker | None:
        """Run one job; the worker to keep for the next job (None: start a new one)."""
        job = read_json(folder / "job.json")
        if job is None or job.get("state") in FINISHED:
            return worker
        if worker is None or not worker.alive():
            _stopped(worker)
            worker = self._new_worker()
        if worker is None:
            fail_job(folder, "无法启动检查进程，请稍后再试。")
            return None
        update_job(folder, state="running", stage="reading", started=time.time(),
                   attempts=int(job.get("attempts") or 0) + 1, worker=worker.pid)
        with self.lock:
            self.current[threading.get_ident()] = (worker, folder)
        worker.connection.send(str(folder))
        outcome = worker.answer(self.settings.job_timeout_seconds)
        with self.lock:
            self.current[threading.get_ident()] = (worker, None)
        if outcome == "done":
            return worker
        if self.closing.is_set():
            requeue_job(folder)
        elif outcome == "timeout":
            fail_job(folder, timeout_reason(self.settings.job_timeout_seconds))
        elif outcome != RESTART:
            fail_job(folder, death_reason(worker.process.exitcode))
        return _stopped(worker)


def _stopped(worker: Worker | None) -> None:
    if worker is not None:
        worker.stop()


def fail_job(folder: Path, reason: str) -> None:
    """Mark a job failed with `reason`, unless it finished meanwhile."""
    job = read_json(folder / "job.json")
    if job is not None and job.get("state") not in FINISHED:
        log.warning("job %s failed: %s", folder.name, reason)
        update_job(folder, state="failed", stage="failed", error=reason, finished=time.time())


def requeue_job(folder: Path) -> None:
    """The server stopped the job, not the file: queue it again without counting the try."""
    job = read_json(folder / "job.json")
    if job is not None and job.get("state") not in FINISHED:
        update_job(folder, state="queued", stage="queued", attempts=max(0, int(job.get("attempts") or 1) - 1))
