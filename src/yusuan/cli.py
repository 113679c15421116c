"""The `yusuan` command: text, extract, check, rules, serve."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from yusuan.arguments import dash_files_as_paths
from yusuan.errors import InputError
from yusuan.output import refuse_overwriting_inputs, write_report

if TYPE_CHECKING:
    from yusuan.model import Document


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="yusuan", description="Read and check 预决算公开 documents.")
    commands = parser.add_subparsers(dest="command", required=True)
    text = commands.add_parser("text", help="the normalised, line-numbered text the reader produced")
    text.add_argument("file")
    extract = commands.add_parser("extract", help="tables, rows, facts and projects")
    add_files_argument(extract)
    extract.add_argument("--format", choices=("json", "text"), default="json")
    check = commands.add_parser("check", help="find inconsistencies")
    add_files_argument(check)
    check.add_argument("--format", choices=("text", "json", "html", "sarif", "csv"), default="text")
    check.add_argument("-o", "--output", help="write the report to this file instead of stdout")
    check.add_argument("--lang", choices=("zh", "en"), default="zh",
                       help="language of the report's messages (default zh)")
    commands.add_parser("rules", help="list the rule catalog")
    add_serve_parser(commands)
    return parser


def add_files_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument("file", nargs="+", help="the disclosure; with --together, all its files")
    command.add_argument("--together", action="store_true",
                         help="the files are one disclosure published in parts (情况说明 and 报表): "
                              "read them as one document")


def read_files(args: argparse.Namespace) -> Document:
    """The document the command line names: one file, or several read --together."""
    from yusuan.pipeline import read_document, read_together

    if len(args.file) > 1 and not args.together:
        raise InputError("一次检查一份公开文件；同一份公开文件分为几个文件（情况说明与报表）时，请加 --together。")
    return read_together(args.file) if args.together else read_document(args.file[0])


def add_serve_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    serve = commands.add_parser("serve", help="the web app: upload files, read their reports")
    serve.add_argument("--host", help="address to listen on (YUSUAN_HOST, default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (YUSUAN_PORT, default 8000)")
    serve.add_argument("--data-dir", help="where uploads and results are kept (YUSUAN_DATA_DIR)")
    serve.add_argument("--max-upload-mb", type=float, help="largest file (YUSUAN_MAX_UPLOAD_MB, 20)")
    serve.add_argument("--workers", type=int, help="files checked at once (YUSUAN_WORKERS, 2)")
    serve.add_argument("--retention-hours", type=float,
                       help="remove jobs older than this (YUSUAN_RETENTION_HOURS, 24)")


def run_text(args: argparse.Namespace) -> int:
    """Print the reader's lines, numbered as the reports cite them.

    A PDF's lines are numbered within each page ("p3 L12", as `check` and the JSON cite them),
    each page under a "── page 3 ──" heading; other files number their lines 1, 2, … Table
    cells stay TAB-separated. The reader's notes (pages not read) go to stderr.
    """
    from yusuan.readers import read_source

    source = read_source(args.file)
    if source.pages:
        page, number = None, 0
        for line in source.lines:
            if line.page != page:
                page, number = line.page, 0
                sys.stdout.write(f"── page {page} ──\n")
            number += 1
            sys.stdout.write(f"{f'p{page} L{number}':<11} {line.text}\n")
    else:
        for line in source.lines:
            sys.stdout.write(f"{line.number:>6}  {line.text}\n")
    for note in source.notes:
        sys.stderr.write(f"yusuan: {note}\n")
    return 0


def run_extract(args: argparse.Namespace) -> int:
    from yusuan.report.json_report import extract_json
    from yusuan.report.text_report import extract_text

    document = read_files(args)
    if args.format == "json":
        sys.stdout.write(json.dumps(extract_json(document), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(extract_text(document))
    return 0


def run_check(args: argparse.Namespace) -> int:
    from yusuan.report.json_report import check_json
    from yusuan.report.text_report import check_text
    from yusuan.rules import run_rules

    if args.output:
        refuse_overwriting_inputs(args.output, args.file)
    document = read_files(args)
    findings = run_rules(document)
    if args.format == "json":
        out = json.dumps(check_json(document, findings), ensure_ascii=False, indent=1) + "\n"
    elif args.format == "text":
        out = check_text(document, findings, args.lang)
    else:
        from yusuan.report.bundle import report_bundle
        from yusuan.report.formats import render_bundle

        out = render_bundle(report_bundle(document, findings), args.format, args.lang,
                            bom=bool(args.output) and args.format == "csv")
    write_output(out, args.output, args.file)
    return 1 if any(f.severity == "error" for f in findings) else 0


def write_output(text: str, path: str | None, inputs: list[str]) -> None:
    """The report on stdout, or written whole to `path` (never over an input)."""
    if path is None:
        sys.stdout.write(text)
        return
    write_report(text, path, inputs)


def run_serve(args: argparse.Namespace) -> int:
    from yusuan.web.server import serve
    from yusuan.web.settings import Settings

    overrides = {"host": args.host, "port": args.port, "data_dir": args.data_dir,
                 "max_upload_mb": args.max_upload_mb, "workers": args.workers,
                 "retention_hours": args.retention_hours}
    serve(Settings.from_env(**{k: v for k, v in overrides.items() if v is not None}))
    return 0


def run_rules_list(args: argparse.Namespace) -> int:
    from yusuan.rules import catalog

    for spec in catalog():
        sys.stdout.write(f"{spec.id:<32} {spec.severity:<8} {spec.category:<20} {spec.title_zh}\n")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "text": run_text, "extract": run_extract, "check": run_check, "rules": run_rules_list,
    "serve": run_serve,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(dash_files_as_paths(sys.argv[1:] if argv is None else argv))
    try:
        return COMMANDS[args.command](args)
    except InputError as error:
        sys.stderr.write(f"yusuan: {error}\n")
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
