"""The batch pool: every file gets an outcome in its own process — a child that dies, one that
raises and one that runs past the limit are refused with the reason, the others go on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import Any

from yusuan.batch.one import refused
from yusuan.batch.pool import Pool


def work(path: str, name: str) -> dict[str, Any]:
    if path == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    if path == "raise":
        raise RuntimeError("boom")
    if path == "hang":
        time.sleep(60)
    if path == "slow":  # past a short limit, yet done before the pool's half-second look
        time.sleep(0.3)
        return {**refused(name, ""), "status": "checked", "exit": 0}
    from yusuan.progress import Progress

    progress = Progress(name, 2)
    progress.step(1)
    progress.step(2)
    return {**refused(name, ""), "status": "checked", "exit": 0}


def test_a_dead_a_failing_and_a_hung_file_are_refused_and_the_rest_checked() -> None:
    pages: list[tuple[str, int, int]] = []
    pool = Pool(work, refused, jobs=2, timeout=3, lang="zh",
                on_page=lambda name, done, total: pages.append((name, done, total)))
    items = [(0, "ok", "a"), (1, "die", "b"), (2, "raise", "c"), (3, "hang", "d"), (4, "ok", "e")]
    started = time.monotonic()
    outcomes = dict(pool.run(items))
    assert time.monotonic() - started < 30
    assert sorted(outcomes) == [0, 1, 2, 3, 4]
    assert outcomes[0]["status"] == outcomes[4]["status"] == "checked"
    assert "进程意外退出（SIGKILL）" in outcomes[1]["reason"]
    assert outcomes[2]["reason"] == "检查时出错（RuntimeError）"
    assert outcomes[3]["reason"] == "检查超过了时间限制（3 秒），已停止"
    assert all(outcomes[i]["exit"] == 2 for i in (1, 2, 3))
    assert ("a", 2, 2) in pages and ("e", 1, 2) in pages
    assert not pool.running


def test_a_check_past_its_limit_is_stopped_when_the_limit_runs_out() -> None:
    """Not at the pool's next look at its children: a check that would end between the limit
    and that look was taken as done in time."""
    pool = Pool(work, refused, jobs=1, timeout=0.1, lang="zh", on_page=lambda *_: None)
    outcomes = dict(pool.run([(0, "slow", "a")]))
    assert outcomes[0]["reason"] == "检查超过了时间限制（0.1 秒），已停止"


CTRL_C_WHILE_FORKING = """
import os, signal
from yusuan.batch.one import refused
from yusuan.batch.pool import Pool
signal.signal(signal.SIGINT, signal.default_int_handler)
os.register_at_fork(before=lambda: os.kill(os.getpid(), signal.SIGINT))
pool = Pool(lambda path, name: refused(name, ""), refused, jobs=1, timeout=10, lang="zh",
            on_page=lambda *page: None)
try:
    outcomes = list(pool.run([(0, "a", "a"), (1, "b", "b"), (2, "c", "c")]))
except KeyboardInterrupt:
    print("interrupted", len(pool.running))
else:
    print("finished", len(outcomes))
"""


def test_ctrl_c_while_a_child_is_forked_interrupts_the_batch() -> None:
    """A Ctrl-C that comes while the pool forks (most likely on a busy machine) is not lost in
    the fork's hooks: the batch stops, its children stopped with it."""
    done = subprocess.run([sys.executable, "-c", CTRL_C_WHILE_FORKING], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.stdout.split() == ["interrupted", "0"], done.stderr
