"""The `yusuan db` command line: add, query, export (words in both languages here, so the
command's help is with its code)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from yusuan.errors import InputError

WORDS = {
    "zh": {
        "db": "公开文件库：添加文件（抽取并检查），查询，导出",
        "db_add": "把文件或文件夹（递归）中的公开文件抽取、检查后存入文件库",
        "db_query": "用 SQL 查询文件库",
        "db_export": "导出文件库：csv（每个数一行）、xlsx（每张库表一个工作表）、fdp（财政数据包）",
        "db_target": "数据库：DuckDB 文件（默认当前文件夹的 yusuan.duckdb）或 postgresql://… 地址",
        "paths": "文件或文件夹",
        "dask": "在 Dask 集群上抽取、检查：调度器地址，如 tcp://scheduler:8786（须安装 yusuan[cluster]）",
        "sql": "SQL 语句",
        "query_format": "输出格式（默认 table）",
        "export_format": "导出格式（默认 csv）",
        "export_output": "输出文件（fdp 为文件夹）；csv 省略时输出到屏幕",
    },
    "en": {
        "db": "the corpus: add files (extracted and checked), query, export",
        "db_add": "extract and check the disclosures in files or folders (recursively) into the corpus",
        "db_query": "ask the corpus in SQL",
        "db_export": "export the corpus: csv (a line per figure), xlsx (a sheet per corpus "
                     "table), fdp (Fiscal Data Package)",
        "db_target": "database: a DuckDB file (default yusuan.duckdb in the working folder) or "
                     "a postgresql://… URL",
        "paths": "files or folders",
        "dask": "extract and check on a Dask cluster: the scheduler's address, e.g. "
                "tcp://scheduler:8786 (needs yusuan[cluster])",
        "sql": "the SQL statement",
        "query_format": "output format (default table)",
        "export_format": "export format (default csv)",
        "export_output": "output file (a folder for fdp); csv without it goes to stdout",
    },
}

STATUS = {
    "zh": {"added": "已添加", "rechecked": "已重新检查", "unchanged": "未变", "refused": "拒收"},
    "en": {"added": "added", "rechecked": "rechecked", "unchanged": "unchanged",
           "refused": "refused"},
}


def add_db_parser(commands: Any, lang: str) -> None:
    words = WORDS[lang]
    db = commands.add_parser("db", help=words["db"], description=words["db"])
    actions = db.add_subparsers(dest="db_command", required=True, metavar="{add,query,export}")
    add = actions.add_parser("add", help=words["db_add"], description=words["db_add"])
    add.add_argument("paths", nargs="+", help=words["paths"])
    add.add_argument("--dask", metavar="ADDRESS", help=words["dask"])
    query = actions.add_parser("query", help=words["db_query"], description=words["db_query"])
    query.add_argument("sql", help=words["sql"])
    query.add_argument("--format", choices=("table", "csv", "json"), default="table",
                       help=words["query_format"])
    export = actions.add_parser("export", help=words["db_export"], description=words["db_export"])
    export.add_argument("--format", choices=("csv", "xlsx", "fdp"), default="csv",
                        help=words["export_format"])
    export.add_argument("-o", "--output", help=words["export_output"])
    for parser in (add, query, export):
        parser.add_argument("--db", metavar="FILE|URL", help=words["db_target"])
        parser.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS)


def run_db(args: argparse.Namespace, version: str) -> int:
    """`yusuan db add|query|export`; `version` is the installed yusuan's (what `add` records)."""
    from yusuan.store.connect import open_database

    args.yusuan_version = version
    if getattr(args, "dask", None):
        from yusuan.batch.cluster import connect

        connect(args.dask).close()  # no scheduler: said before the database is touched
    database = open_database(args.db, create=args.db_command == "add")
    try:
        return {"add": _add, "query": _query, "export": _export}[args.db_command](database, args)
    finally:
        database.close()


def _add(database: Any, args: argparse.Namespace) -> int:
    from yusuan.store.add import add_paths

    words = STATUS[args.lang]

    def report(added: Any) -> None:
        detail = (f" {added.department or '?'} {added.year or '?'} {added.kind or '?'}"
                  f" E{added.errors} W{added.warnings}" if added.status in ("added", "rechecked")
                  else f" {added.reason}" if added.reason else "")
        sys.stderr.write(f"{words[added.status]}: {added.path}{detail}\n")

    if args.dask:
        from yusuan.store.cluster import add_on_cluster
        from yusuan.store.files import disclosure_files

        results = add_on_cluster(database, disclosure_files(args.paths), args.yusuan_version,
                                 args.lang, report, args.dask)
    else:
        results = add_paths(database, args.paths, args.yusuan_version, args.lang, report)
    counts = {status: sum(r.status == status for r in results) for status in words}
    summary = "，".join(f"{words[s]} {n}" for s, n in counts.items()) if args.lang == "zh" \
        else ", ".join(f"{n} {words[s]}" for s, n in counts.items())
    sys.stdout.write(summary + "\n")
    return 0


def _query(database: Any, args: argparse.Namespace) -> int:
    from yusuan.store.query import render_answer, run_query

    names, rows = run_query(database, args.sql)
    sys.stdout.write(render_answer(names, rows, args.format))
    return 0


def _export(database: Any, args: argparse.Namespace) -> int:
    from yusuan.store.export import figures_csv, write_fdp, write_xlsx

    if args.format in ("xlsx", "fdp") and not args.output:
        raise InputError(f"{args.format} 格式须用 -o 指定输出位置。", f"--format {args.format} needs -o.")
    if args.format == "xlsx":
        write_xlsx(database, args.output)
    elif args.format == "fdp":
        write_fdp(database, args.output)
    elif args.output:
        from pathlib import Path

        Path(args.output).write_text(figures_csv(database, bom=True), encoding="utf-8")
    else:
        sys.stdout.write(figures_csv(database))
    return 0
