"""Files of a batch checked on a Dask cluster (`--dask tcp://scheduler:8786`) instead of the
local pool: one task per file, submitted to the dask.distributed scheduler; each task runs on a
worker exactly what a local child runs and returns the same outcome. A task that raises, or
whose worker dies (the scheduler gives up on it after its retries), makes its file refused with
the reason; the batch goes on. Workers read the files at the paths the client names, so they
need yusuan installed and the files at the same paths (a shared folder).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

from yusuan.batch.pool import REASONS
from yusuan.errors import InputError

CONNECT_SECONDS = 10
LOST = {"zh": "Dask 工作进程已终止", "en": "the Dask worker was lost"}
# (path, name) → outcome; runs on a worker, so it must pickle (a module function or a partial)
Task = Callable[[str, str], Any]


def connect(address: str) -> Any:
    """A client of the scheduler at `address`; InputError when dask is missing or the scheduler
    does not answer."""
    try:
        from distributed import Client
    except ImportError:
        raise InputError("使用 --dask 须先安装 dask：pip install 'yusuan[cluster]'。",
                         "--dask needs dask: pip install 'yusuan[cluster]'.") from None
    try:
        return Client(address, timeout=f"{CONNECT_SECONDS}s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise InputError(f"无法连接 Dask 调度器 {address}：{reason}",
                         f"cannot reach the Dask scheduler {address}: {reason}") from None


def guarded(task: Task, refuse: Callable[[str, str], Any], reason: str, path: str,
            name: str) -> Any:
    """`task(path, name)` on a worker; an unforeseen failure is the file's refusal, in words
    (what a local child does)."""
    try:
        return task(path, name)
    except Exception as error:  # noqa: BLE001 - an unforeseen failure is this file's, in words
        return refuse(name, reason.format(error=type(error).__name__))


class DaskPool:
    """`run(items)` yields (index, outcome) as files finish on the cluster, like Pool."""

    def __init__(self, address: str, task: Task, refuse: Callable[[str, str], Any],
                 lang: str) -> None:
        self.task, self.refuse = task, refuse
        self.lang = "en" if lang == "en" else "zh"
        self.reasons = REASONS[self.lang]
        self.client = connect(address)

    def run(self, items: list[tuple[int, str, str]]) -> Iterator[tuple[int, Any]]:
        from distributed import as_completed

        client = self.client
        run = uuid.uuid4().hex  # keys of this run only: other clients may share the scheduler
        try:
            futures, files = [], {}
            for index, path, name in items:
                future = client.submit(guarded, self.task, self.refuse, self.reasons["error"],
                                       path, name, key=f"yusuan-{run}-{index}", pure=False)
                futures.append(future)
                files[future.key] = (index, name)
            for future in as_completed(futures, loop=client.loop):
                index, name = files[future.key]
                yield index, self.outcome(future, name)
        finally:
            client.close()

    def outcome(self, future: Any, name: str) -> Any:
        """The task's outcome, or the file refused: its worker died, or the cluster failed."""
        try:
            return future.result()
        except Exception as error:  # noqa: BLE001 - the cluster's failure is this file's
            if type(error).__name__ == "KilledWorker":
                return self.refuse(name, self.reasons["died"].format(how=LOST[self.lang]))
            return self.refuse(name, self.reasons["error"].format(error=type(error).__name__))
        finally:
            future.release()

