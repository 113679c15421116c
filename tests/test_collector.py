"""The collector's threshold is raised while yusuan reads and checks, and put back after."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator

import pytest
from docbuilder import culture_bureau, render

from yusuan.collector import YOUNG_THRESHOLD, fewer_collections
from yusuan.pipeline import read_document
from yusuan.rules import run_rules


@pytest.fixture()
def default_threshold() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield gc.get_threshold()
    gc.set_threshold(*before)


def test_the_young_generation_is_collected_less_while_working_and_as_before_after(
        default_threshold: tuple[int, int, int]) -> None:
    seen = fewer_collections(gc.get_threshold)()
    assert seen == (YOUNG_THRESHOLD, 10, 10)
    assert gc.get_threshold() == default_threshold


def test_the_threshold_is_put_back_when_the_work_fails(default_threshold: tuple[int, int, int]) -> None:
    @fewer_collections
    def failing() -> None:
        raise ValueError("bad input")

    with pytest.raises(ValueError):
        failing()
    assert gc.get_threshold() == default_threshold


def test_a_callers_rarer_collection_is_kept() -> None:
    before = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD * 2, 20, 20)
    try:
        assert fewer_collections(gc.get_threshold)() == (YOUNG_THRESHOLD * 2, 20, 20)
    finally:
        gc.set_threshold(*before)


def test_reading_and_checking_leave_the_callers_threshold(
        default_threshold: tuple[int, int, int], tmp_path) -> None:
    path = tmp_path / "budget.txt"
    path.write_text(render(culture_bureau()), encoding="utf-8")
    run_rules(read_document(str(path)))
    assert gc.get_threshold() == default_threshold


@pytest.mark.parametrize("command", ["check", "extract", "text"])
def test_a_document_command_imports_and_works_with_fewer_collections(
        command: str, default_threshold: tuple[int, int, int], tmp_path, monkeypatch,
        capsys) -> None:
    """The modules a command needs are imported inside it (thousands of objects made): the
    raised threshold covers the command from its start, not only the reading, and is put
    back after."""
    import yusuan.readers
    from yusuan import cli

    seen: list[tuple[int, int, int]] = []
    # what each command calls first, outside the pipeline's own raised threshold
    owner, name = (cli, "read_files") if command != "text" else (yusuan.readers, "read_source")
    first = getattr(owner, name)

    def watched(*args):
        seen.append(gc.get_threshold())
        return first(*args)

    monkeypatch.setattr(owner, name, watched)
    path = tmp_path / "budget.txt"
    path.write_text(render(culture_bureau()), encoding="utf-8")
    cli.main([command, str(path)])
    capsys.readouterr()
    assert seen == [(YOUNG_THRESHOLD, 10, 10)]
    assert gc.get_threshold() == default_threshold


LEAVING = """
import atexit, sys, threading, time
from yusuan import cli
def late_thread():
    time.sleep(0.2)
    print("thread finished", file=sys.stderr, flush=True)
def main():
    threading.Thread(target=late_thread).start()
    atexit.register(lambda: sys.stdout.write("written at exit, not flushed"))
    return 3
cli.main = main
cli.run()
print("not reached")
"""


def test_the_program_leaves_with_mains_status_after_what_any_exit_does() -> None:
    """`yusuan` (console script, `python -m yusuan`) ends without the interpreter's teardown,
    yet as any exit ends: other threads finished, exit handlers run, output flushed."""
    done = subprocess.run([sys.executable, "-c", LEAVING], capture_output=True, text=True,
                          check=False, timeout=60)
    assert done.returncode == 3
    assert done.stdout == "written at exit, not flushed"
    assert done.stderr == "thread finished\n"
