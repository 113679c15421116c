"""`yusuan compare`: two document files, or two documents of the corpus chosen by department,
year and kind; the rules across documents run on the pair (from the corpus, when the files
are still where they were added from)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from yusuan.errors import InputError

WORDS = {
    "zh": {
        "compare": "比较两份公开文件：同一部门不同年度（预算与预算、同年预算与决算），或两个部门",
        "files": "两个文件（或用 --department 从文件库中选）",
        "department": "部门名称（从文件库中选；给两次为两个部门并排比较）",
        "years": "年度（一个或两个）",
        "kind": "只选这种文件：预算 或 决算（或完整的 部门预算、单位决算 等）",
        "format": "输出格式（默认 text）",
        "output": "把结果写入这个文件",
        "db": "数据库（默认 yusuan.duckdb，或 postgresql://… 地址）",
    },
    "en": {
        "compare": "compare two disclosures: one department across years (budget against "
                   "budget, a year's budget against its 决算), or two departments",
        "files": "two files (or choose from the corpus with --department)",
        "department": "department name (from the corpus; twice for two departments side by side)",
        "years": "year(s): one or two",
        "kind": "only documents of this kind: 预算 or 决算 (or 部门预算, 单位决算, …)",
        "format": "output format (default text)",
        "output": "write the result to this file",
        "db": "database (default yusuan.duckdb, or a postgresql://… URL)",
    },
}


def add_compare_parser(commands: Any, lang: str) -> None:
    words = WORDS[lang]
    compare = commands.add_parser("compare", help=words["compare"], description=words["compare"])
    compare.add_argument("file", nargs="*", help=words["files"])
    compare.add_argument("--department", action="append", help=words["department"])
    compare.add_argument("--years", nargs="+", type=int, metavar="YEAR", help=words["years"])
    compare.add_argument("--kind", help=words["kind"])
    compare.add_argument("--db", metavar="FILE|URL", help=words["db"])
    compare.add_argument("--format", choices=("text", "json", "csv", "html"), default="text",
                         help=words["format"])
    compare.add_argument("-o", "--output", help=words["output"])
    compare.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS)


def run_compare(args: argparse.Namespace) -> int:
    from yusuan.compare.render import render

    if args.file and args.department:
        raise InputError("请给两个文件，或用 --department 从文件库中选，不要同时给。",
                         "give two files or --department, not both.")
    if args.department:
        comparison = compare_from_database(args)
    elif len(args.file) == 2:
        comparison = compare_files(args.file[0], args.file[1])
    else:
        raise InputError("比较须给两个文件（或用 --department 从文件库中选两份文件）。",
                         "compare needs two files (or --department to choose from the corpus).")
    out = render(comparison, args.format, bom=bool(args.output) and args.format == "csv")
    if args.output:
        from yusuan.output import write_report

        write_report(out, args.output, args.file)
    else:
        sys.stdout.write(out)
    return 0


def compare_files(first: str, second: str) -> Any:
    from yusuan.compare.diff import compare_snapshots
    from yusuan.compare.snapshot import snapshot_of_document
    from yusuan.pipeline import read_document
    from yusuan.rules.engine import document_order, run_pair_rules

    a, b = read_document(first), read_document(second)
    if a.department == b.department:  # one department: the earlier year (a year's 预算) first
        a, b = sorted((a, b), key=document_order)
    comparison = compare_snapshots(snapshot_of_document(a), snapshot_of_document(b))
    comparison.findings = run_pair_rules(a, b)
    return comparison


def _records(database: Any, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    names, rows = database.query(sql, params)
    return [dict(zip(names, row)) for row in rows]


def chosen_documents(database: Any, args: argparse.Namespace) -> list[dict[str, Any]]:
    """The checked documents of the corpus the department, years and kind name, in order."""
    found = []
    for department in args.department:
        rows = _records(database, "SELECT * FROM documents WHERE status = 'checked' AND "
                        "department LIKE ? ORDER BY year, kind, path", [f"%{department}%"])
        if args.years:
            rows = [r for r in rows if r["year"] in args.years]
        if args.kind:
            rows = [r for r in rows if r["kind"] and args.kind in r["kind"]]
        found += [r for r in rows if r["sha256"] not in {f["sha256"] for f in found}]
    if len(args.department) == 1:  # one department: the earlier year (a year's 预算) first
        found.sort(key=lambda d: (d["year"] or 0, 1 if str(d["kind"]).endswith("决算") else 0))
    return found


def compare_from_database(args: argparse.Namespace) -> Any:
    from yusuan.compare.diff import compare_snapshots
    from yusuan.compare.snapshot import snapshot
    from yusuan.store.connect import open_database

    database = open_database(args.db, create=False)
    try:
        documents = chosen_documents(database, args)
        if len(documents) != 2:
            listed = "；".join(f"{d['department']} {d['year']} {d['kind']}（{d['file_name']}）"
                              for d in documents) or "没有"
            raise InputError(f"文件库中符合条件的文件有 {len(documents)} 份（{listed}），"
                             "比较须恰好两份；请用 --years、--kind 缩小范围。",
                             f"{len(documents)} documents of the corpus match; compare needs "
                             "exactly two (narrow with --years, --kind).")
        shots = []
        for document in documents:
            values = _records(database, "SELECT * FROM table_values WHERE sha256 = ? "
                              "ORDER BY table_no, row_no", [document["sha256"]])
            projects = _records(database, "SELECT * FROM projects WHERE sha256 = ? "
                                "ORDER BY project_no", [document["sha256"]])
            shots.append(snapshot(document, values, projects))
    finally:
        database.close()
    comparison = compare_snapshots(*shots)
    _pair_rules_from_files(comparison, documents)
    return comparison


def _pair_rules_from_files(comparison: Any, documents: list[dict[str, Any]]) -> None:
    """Run the rules across documents on the files the corpus was filled from, when they are
    still there unchanged."""
    from yusuan.pipeline import read_document
    from yusuan.rules.engine import run_pair_rules
    from yusuan.store.files import file_sha256

    read = []
    for document in documents:
        path = Path(document["path"])
        if not path.is_file() or file_sha256(path) != document["sha256"]:
            comparison.notes.append(f"{document['file_name']} 已不在添加时的位置（或已改动），"
                                    "跨文件检查未运行。")
            return
        read.append(read_document(str(path)))
    comparison.findings = run_pair_rules(*read)
