"""`yusuan check PATH...` with several files or a folder: gather the files, skip those an
earlier run of the same batch already did (--resume), check the rest in the pool with a bar on
the terminal, write the reports and findings.csv/xlsx into -o DIR, print the summary; the exit
status is the worst file's (2 refused, 1 failing findings, 0 clean)."""

from __future__ import annotations

import argparse
import json
import os
from functools import partial
from pathlib import Path
from typing import Any

import yusuan
from yusuan.batch.files import SUFFIXES, gather
from yusuan.batch.manifest import Manifest, file_sha256, settings_key
from yusuan.batch.one import CheckOptions, check_one, refused
from yusuan.batch.outputs import report_name, write_file_report, write_findings
from yusuan.batch.summary import summary_json, summary_text
from yusuan.errors import InputError
from yusuan.output import write_stdout
from yusuan.progress import Bar

DEFAULT_TIMEOUT = 1800.0


def run_batch(args: argparse.Namespace) -> int:
    from yusuan.triage_options import triage_settings

    if args.write_baseline:
        raise InputError("--write-baseline 一次只用于一个文件。", "--write-baseline takes one file at a time.")
    settings = triage_settings(args)
    folder = output_folder(args.output, args.file) if args.output else None
    if args.resume and folder is None:
        raise InputError("--resume 须与 -o 文件夹同用：做完的文件记在那个文件夹里。",
                         "--resume needs -o DIR: the files done are remembered in that folder.")
    files = gather(args.file, skip=args.output)
    if not files:
        suffixes = " ".join(SUFFIXES)
        raise InputError(f"没有找到可检查的文件（读取 {suffixes}）。",
                         f"no file to check was found (yusuan reads {suffixes}).")
    options = CheckOptions(settings, args.format, args.lang, bom=folder is not None and args.format == "csv")
    baseline = file_sha256(settings.baseline) if settings.baseline else None
    key = settings_key(yusuan.__version__, args.format, args.lang, settings, baseline)
    outcomes = Batch(files, folder, key, options, args).run()
    if folder is None and args.format == "json":
        write_stdout(json.dumps(summary_json(outcomes), ensure_ascii=False, indent=1) + "\n")
    else:
        write_stdout(summary_text(outcomes, args.lang))
    return max(int(outcome["exit"]) for outcome in outcomes)


def output_folder(path: str, inputs: list[str]) -> Path:
    """The -o folder, made if needed; never a folder being checked (its reports would be read)."""
    folder = Path(path)
    if any(os.path.isdir(given) and os.path.realpath(given) == os.path.realpath(path)
           for given in inputs):
        raise InputError(f"{path} 是要检查的文件夹；请把报告写到另一个文件夹（-o）。",
                         f"{path} is a folder being checked; write the reports to another folder "
                         "(-o).")
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{path} 是一个文件；检查多个文件时 -o 须是一个文件夹。",
                         f"{path} is a file; with several files -o names a folder.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"无法创建文件夹 {path}：{error.strerror or error}。",
                         f"cannot create the folder {path}: {error.strerror or error}.") from None
    return folder


def cores() -> int:
    """The cores this process may run on (a container's share, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Batch:
    """One run: the files, what is already done, the pool, the bar and the output folder."""

    def __init__(self, files: list[tuple[str, str]], folder: Path | None, key: str,
                 options: CheckOptions, args: argparse.Namespace) -> None:
        self.files, self.folder, self.key, self.options = files, folder, key, options
        self.jobs = args.jobs or cores()
        self.dask: str | None = getattr(args, "dask", None)
        self.timeout = DEFAULT_TIMEOUT if args.timeout is None else args.timeout
        self.manifest = Manifest(folder, args.resume) if folder else None
        self.inputs = [path for path, _name in files]
        used = {Path(path).name.lower() for path in self.inputs if folder is not None
                and os.path.realpath(Path(path).parent) == os.path.realpath(folder)}
        self.report_files = [report_name(name, options.fmt, used) for _path, name in files]
        self.shas: list[str | None] = [None] * len(files)
        self.outcomes: list[dict[str, Any] | None] = [None] * len(files)

    def run(self) -> list[dict[str, Any]]:
        from yusuan.batch.pool import Pool, load_pipeline

        todo = self.pending()
        cluster = self.cluster() if self.dask and todo else None  # unreachable: said before a bar
        bar = Bar(len(self.files), self.options.lang)
        bar.done = len(self.files) - len(todo)
        bar.draw()
        pool: Any = cluster
        if pool is None:
            load_pipeline()
            pool = Pool(self.work, refused, self.jobs, self.timeout, self.options.lang,
                        bar.reading)
        try:
            for index, outcome in pool.run(todo):
                self.finish(index, outcome)
                bar.advance(self.files[index][1])
        except KeyboardInterrupt:
            bar.close()
            done = sum(1 for outcome in self.outcomes if outcome is not None)
            raise InputError(f"检查被中断：已做完 {done} 个文件；加 --resume 再次运行可跳过做完的文件。",
                             f"interrupted: {done} files done; run again with --resume to skip "
                             "them.") from None
        finally:
            bar.close()
        if self.folder is not None:
            rows = [row for outcome in self.outcomes if outcome for row in outcome.get("rows", [])]
            write_findings(self.folder, rows, self.inputs)
        return [outcome for outcome in self.outcomes if outcome is not None]

    def cluster(self) -> Any:
        from yusuan.batch.cluster import DaskPool

        return DaskPool(str(self.dask), partial(check_one, options=self.options), refused,
                        self.options.lang)

    def pending(self) -> list[tuple[int, str, str]]:
        """The files still to check; those done before (same sha256, same settings) are filled in."""
        todo = []
        for index, (path, name) in enumerate(self.files):
            self.shas[index] = sha = file_sha256(path) if self.manifest else None
            entry = self.manifest.done(sha, self.key) if self.manifest else None
            if entry is not None:
                self.outcomes[index] = {**entry, "name": name}
            else:
                todo.append((index, path, name))
        return todo

    def work(self, path: str, name: str) -> dict[str, Any]:
        return check_one(path, name, self.options)

    def finish(self, index: int, outcome: dict[str, Any]) -> None:
        report = outcome.pop("report", None)
        if self.folder is not None and report is not None:
            outcome["report_file"] = self.report_files[index]
            write_file_report(self.folder, self.report_files[index], report, self.inputs)
        sha = self.shas[index]
        if self.manifest is not None and sha is not None:
            self.manifest.record(sha, self.key, outcome)
        self.outcomes[index] = outcome
