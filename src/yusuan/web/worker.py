"""The worker process: checks one job's file at a time, within a memory limit.

A worker is started by the pool (`yusuan.web.pool`), loads the pipeline once, then limits its
own address space (RLIMIT_AS: what it uses once loaded plus the configured memory) and waits
for job folders on its pipe. It writes the job's state and report into the folder and answers
on the pipe; when it dies (a native library aborts, the kernel or a person kills it) the pool
fails the job and starts another worker. With PR_SET_PDEATHSIG it dies with the server.
"""

from __future__ import annotations

import logging
import os
import resource
import signal
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from yusuan.batch.pool import die_with_parent
from yusuan.progress import listening
from yusuan.web.jobs import update_job, write_json

log = logging.getLogger(__name__)
RESTART = "restart"
PAGE_SECONDS = 0.3


class MemorySeen(logging.Handler):
    """Notices a MemoryError that library code logged and swallowed (a rule that failed)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.seen = False

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and record.exc_info[0] is not None \
                and issubclass(record.exc_info[0], MemoryError):
            self.seen = True


def memory_reason(limit_mb: float) -> str:
    return f"检查这个文件需要的内存超过了限制（每个文件 {limit_mb:g} MB），已停止。"


def caused_by_memory(error: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, MemoryError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


class PagesRead:
    """Writes the pages read so far into the job (at most every PAGE_SECONDS, and the last)."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.written = folder, 0.0

    def __call__(self, _name: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self.written >= PAGE_SECONDS:
            update_job(self.folder, pages={"done": done, "total": total})
            self.written = now


def check_folder(folder: Path, watcher: MemorySeen, limit_mb: float) -> bool:
    """Check one job; False when memory ran out and the worker should be replaced."""
    from yusuan.errors import InputError
    from yusuan.pipeline import read_document
    from yusuan.report.bundle import report_bundle
    from yusuan.report.pages.cli import with_pages
    from yusuan.rules import run_rules

    job = update_job(folder, stage="reading", pages=None)
    input_path = folder / job["input"]
    watcher.seen = False
    try:
        with listening(PagesRead(folder)):
            document = read_document(str(input_path))
        update_job(folder, stage="checking")
        findings = run_rules(document)
        if watcher.seen:
            raise MemoryError("a rule ran out of memory")
        update_job(folder, stage="rendering")
        bundle = with_pages(report_bundle(document, findings, display_path=job["name"]),
                            str(input_path))
        write_json(folder / "result.json", bundle)
    except BaseException as error:  # every failure is this job's, told in words
        memory = caused_by_memory(error) or watcher.seen
        if isinstance(error, InputError) and not memory:
            reason = str(error).replace(str(input_path), job["name"]).replace(input_path.name, job["name"])
        elif memory:
            reason = memory_reason(limit_mb)
        else:
            log.exception("job %s failed", folder.name)
            reason = f"{job['name']} 检查时出错，未能完成。"
        update_job(folder, state="failed", stage="failed", error=reason, finished=time.time())
        if not isinstance(error, Exception):
            raise
        return not memory
    update_job(folder, state="done", stage="done", finished=time.time(),
               summary=bundle["check"]["summary"], document=bundle["check"]["document"])
    return True


def address_space() -> int:
    """Bytes of address space this process holds now (VmSize), 0 when unknown."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def limit_memory(extra_bytes: int) -> None:
    limit = address_space() + extra_bytes
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def load_pipeline() -> None:
    """Import the pipeline, its readers and its rules once, before any job."""
    import importlib

    from yusuan.readers import READER_MODULES
    from yusuan.rules import catalog

    for name in ("yusuan.pipeline", "yusuan.report.bundle",
                 *(f"yusuan.readers.{module}" for module in set(READER_MODULES.values()))):
        importlib.import_module(name)
    catalog()


def serve_jobs(connection: Connection, limits: dict[str, Any]) -> None:
    """The worker's main loop (the target of the pool's process)."""
    die_with_parent()
    os.umask(0o077)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watcher = MemorySeen()
    logging.getLogger().addHandler(watcher)
    logging.getLogger().addHandler(logging.StreamHandler())
    load_pipeline()
    limit_memory(int(limits["memory_bytes"]))
    connection.send("ready")
    while True:
        try:
            folder = connection.recv()
        except (EOFError, OSError):
            return
        if folder is None:
            return
        healthy = check_folder(Path(folder), watcher, float(limits["memory_mb"]))
        connection.send("done" if healthy else RESTART)
        if not healthy:
            return
