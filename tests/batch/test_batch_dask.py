"""`yusuan check PATH... --dask ADDRESS` on a real Dask cluster (a LocalCluster): the summary,
the reports, findings.csv/xlsx and the manifest are those of the local pool; a task that raises
or whose worker dies is a refused file and the batch goes on; no dask or no scheduler is one
sentence and exit 2."""

from __future__ import annotations

import json
import operator
import os
import signal
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest
from batchfiles import ENV, add_bad_files, copy_real_files, run_yusuan

from yusuan.batch.one import refused


def folder_contents(folder: Path) -> dict[str, object]:
    """Every file of an output folder as what it holds (the xlsx's cells, the manifest parsed)."""
    from openpyxl import load_workbook

    out: dict[str, object] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".xlsx":
            sheet = load_workbook(path, read_only=True).active
            out[path.name] = [list(row) for row in sheet.iter_rows(values_only=True)]
        elif path.name == "yusuan-batch.json":
            out[path.name] = json.loads(path.read_text(encoding="utf-8"))
        else:
            out[path.name] = path.read_bytes()
    return out


def test_a_batch_on_the_cluster_writes_what_the_local_pool_writes(
        tmp_path: Path, dask_scheduler: str) -> None:
    copy_real_files(tmp_path / "in")
    add_bad_files(tmp_path / "in")
    local = run_yusuan("check", str(tmp_path / "in"), "-o", str(tmp_path / "local"), "--jobs", "2")
    cluster = run_yusuan("check", str(tmp_path / "in"), "-o", str(tmp_path / "cluster"),
                         "--dask", dask_scheduler)
    assert cluster.returncode == local.returncode == 2, cluster.stderr
    assert cluster.stdout == local.stdout
    assert "已检查" in cluster.stdout and "未检查：broken.pdf 不是可读的 PDF" in cluster.stdout
    assert folder_contents(tmp_path / "cluster") == folder_contents(tmp_path / "local")


def test_one_file_on_the_cluster_prints_the_summary_json(tmp_path: Path,
                                                         dask_scheduler: str) -> None:
    good = copy_real_files(tmp_path / "in")
    seed = good["docs/001_cef01461b897d751.txt"]
    run = run_yusuan("check", str(seed), "--format", "json", "--dask", dask_scheduler)
    assert run.returncode == 0, run.stderr
    entry = json.loads(run.stdout)["files"][0]
    assert (entry["name"], entry["status"], entry["errors"]) == (seed.name, "checked", 0)


def test_a_task_that_raises_or_loses_its_worker_refuses_its_file_only(
        dask_scheduler: str) -> None:
    from distributed import Client

    from yusuan.batch.cluster import DaskPool

    dividing = DaskPool(dask_scheduler, operator.truediv, refused, "zh")
    outcomes = dict(dividing.run([(0, 1, 2), (1, 1, 0), (2, 3, 4)]))
    assert outcomes[0] == 0.5 and outcomes[2] == 0.75
    assert outcomes[1]["status"] == "refused" and outcomes[1]["exit"] == 2
    assert outcomes[1]["reason"] == "检查时出错（ZeroDivisionError）"

    with Client(dask_scheduler, set_as_default=False) as client:
        worker_pid = next(iter(client.run(os.getpid).values()))
    killing = DaskPool(dask_scheduler, partial(os.kill), refused, "zh")
    harmless = [(index, os.getpid(), 0) for index in range(1, 7)]  # signal 0 only asks
    outcomes = dict(killing.run([(0, worker_pid, signal.SIGKILL), *harmless]))
    died = "检查这个文件的进程意外退出（Dask 工作进程已终止），可能是文件损坏或内存不足"
    assert sorted(outcomes) == list(range(7))
    assert outcomes[0]["reason"] == died
    # what ran beside it on the same worker died with it; the rest ran on the worker restarted
    assert all(outcome is None or outcome["reason"] == died for outcome in outcomes.values())
    assert outcomes[6] is None


def test_an_unreachable_scheduler_is_one_sentence(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    good = copy_real_files(tmp_path / "in")
    run = run_yusuan("check", *map(str, good.values()), "--dask", "tcp://127.0.0.1:9")
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.startswith("yusuan: 无法连接 Dask 调度器 tcp://127.0.0.1:9：")
    assert len(run.stderr.splitlines()) == 1 and "Traceback" not in run.stderr


def test_without_dask_installed_the_flag_is_one_sentence(tmp_path: Path) -> None:
    good = copy_real_files(tmp_path / "in")
    code = ("import sys; sys.modules['distributed'] = None; from yusuan.cli import main; "
            "sys.exit(main(sys.argv[1:]))")
    run = subprocess.run([sys.executable, "-c", code, "check", *map(str, good.values()),
                          "--dask", "tcp://127.0.0.1:9"], capture_output=True, text=True,
                         timeout=120, check=False, env=ENV)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == "yusuan: 使用 --dask 须先安装 dask：pip install 'yusuan[cluster]'。\n"
