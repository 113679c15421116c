"""Each file of a batch in a process of its own, `jobs` at a time.

The parent loads the pipeline once and forks a child per file; the child checks the file, sends
the pages it reads (for the bar) and then its outcome on a pipe, and exits. A child that dies
without an outcome (a native library aborts, the kernel kills it) or runs past the time limit
(then killed) makes its file refused with the reason, and the batch goes on. Children die with
the parent (PR_SET_PDEATHSIG) and leave Ctrl-C to it.
"""

from __future__ import annotations

import ctypes
import os
import signal
import time
from collections.abc import Callable, Iterator
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from typing import Any

from yusuan.kept.dataclass_code import dataclass, field
from yusuan.progress import listening

PR_SET_PDEATHSIG = 1
POLL_SECONDS = 0.5  # how often the children are looked at when no time limit is nearer
# (path, name) → outcome; runs in the child
Work = Callable[[str, str], dict[str, Any]]
REASONS = {
    "zh": {"timeout": "检查超过了时间限制（{seconds:g} 秒），已停止",
           "died": "检查这个文件的进程意外退出（{how}），可能是文件损坏或内存不足",
           "error": "检查时出错（{error}）"},
    "en": {"timeout": "the check ran past the time limit ({seconds:g} s) and was stopped",
           "died": "the process checking this file ended unexpectedly ({how}); the file may be "
                   "damaged or memory ran out",
           "error": "the check failed ({error})"},
}


def die_with_parent() -> None:
    """Ask Linux to kill this process when the thread that started it goes (a kill -9 too)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def how_it_ended(exitcode: int | None, exit_word: str, signal_word: str) -> str:
    """A process's end in words: the signal's name (SIGKILL), or "exit 3"."""
    if exitcode is not None and exitcode < 0:
        try:
            return signal.Signals(-exitcode).name
        except ValueError:
            return f"{signal_word} {-exitcode}"
    return f"{exit_word} {exitcode}"


def load_pipeline() -> None:
    """Import the readers and the rules once, in the parent, so each child starts warm."""
    import importlib

    from yusuan.readers import READER_MODULES
    from yusuan.rules import catalog

    for module in ("yusuan.pipeline", "yusuan.report.bundle", "yusuan.report.csv_report",
                   *(f"yusuan.readers.{name}" for name in set(READER_MODULES.values()))):
        importlib.import_module(module)
    catalog()


def _child(connection: Connection, path: str, name: str, work: Work,
           refuse: Callable[[str], dict[str, Any]]) -> None:
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held by the parent's fork
    outcome: dict[str, Any]
    try:
        with listening(lambda shown, done, total: connection.send(("page", shown, done, total))):
            outcome = work(path, name)
    except Exception as error:  # noqa: BLE001 - an unforeseen failure is this file's, in words
        outcome = refuse(type(error).__name__)
    connection.send(("done", outcome))
    connection.close()
    os._exit(0)


@dataclass
class Running:
    """A child checking one file: its pipe, when it started, its outcome once sent."""

    index: int
    path: str
    name: str
    process: Any
    connection: Connection
    started: float = field(default_factory=time.monotonic)
    outcome: dict[str, Any] | None = None


class Pool:
    """`run(items)` yields (index, outcome) as files finish; `on_page(name, done, total)` hears
    the pages being read."""

    def __init__(self, work: Work, refuse: Callable[[str, str], dict[str, Any]], jobs: int,
                 timeout: float, lang: str, on_page: Callable[[str, int, int], None]) -> None:
        self.work, self.refuse, self.jobs, self.timeout = work, refuse, max(1, jobs), timeout
        self.reasons = REASONS["en" if lang == "en" else "zh"]
        self.on_page = on_page
        self.context = get_context("fork")
        self.running: list[Running] = []

    def run(self, items: list[tuple[int, str, str]]) -> Iterator[tuple[int, dict[str, Any]]]:
        waiting = list(reversed(items))
        try:
            while waiting or self.running:
                while waiting and len(self.running) < self.jobs:
                    self._start(*waiting.pop())
                yield from self._collect()
        finally:
            self.stop()

    def _start(self, index: int, path: str, name: str) -> None:
        parent_end, child_end = self.context.Pipe(duplex=False)
        refuse_here = self.refuse

        def refuse(error: str) -> dict[str, Any]:
            return refuse_here(name, self.reasons["error"].format(error=error))

        process = self.context.Process(target=_child, name="yusuan-batch", daemon=True,
                                       args=(child_end, path, name, self.work, refuse))
        # Ctrl-C while forking would land in an at-fork hook, where Python only prints it and
        # goes on: it waits until the child is started and known, then interrupts the batch
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            process.start()
            child_end.close()
            self.running.append(Running(index, path, name, process, parent_end))
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)

    def _collect(self) -> Iterator[tuple[int, dict[str, Any]]]:
        handles = [r.connection for r in self.running] + [r.process.sentinel for r in self.running]
        ready = wait(handles, timeout=self._patience())
        for job in list(self.running):
            if job.connection in ready:
                self._read(job)
            outcome = job.outcome
            if outcome is None and job.process.sentinel in ready:
                self._read(job)  # what it sent just before it ended
                outcome = job.outcome or self.refuse(job.name, self._death(job.process))
            elif outcome is None and self.timeout and time.monotonic() - job.started > self.timeout:
                reason = self.reasons["timeout"].format(seconds=self.timeout)
                outcome = self.refuse(job.name, reason)
            if outcome is not None:
                self._end(job)
                yield job.index, outcome

    def _patience(self) -> float:
        """How long to wait for a child: half a second, or until the soonest time limit runs
        out (a check still running then is stopped, whatever it would send a moment later)."""
        if not self.timeout or not self.running:
            return POLL_SECONDS
        soonest = min(job.started for job in self.running) + self.timeout
        return max(0.0, min(POLL_SECONDS, soonest - time.monotonic()))

    def _read(self, job: Running) -> None:
        try:
            while job.outcome is None and job.connection.poll():
                message = job.connection.recv()
                if message[0] == "page":
                    self.on_page(*message[1:])
                else:
                    job.outcome = message[1]
        except (EOFError, OSError):
            return

    def _death(self, process: Any) -> str:
        process.join(5)
        return self.reasons["died"].format(how=how_it_ended(process.exitcode, "exit", "signal"))

    def _end(self, job: Running) -> None:
        if job.process.is_alive():
            job.process.kill()
        job.process.join(5)
        job.connection.close()
        self.running.remove(job)

    def stop(self) -> None:
        """Kill what still runs (an interrupted batch); its files stay to do."""
        for job in list(self.running):
            self._end(job)
