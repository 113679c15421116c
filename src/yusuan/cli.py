"""The `yusuan` command: text, extract, check, rules."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from yusuan.errors import InputError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="yusuan", description="Read and check 预决算公开 documents.")
    commands = parser.add_subparsers(dest="command", required=True)
    text = commands.add_parser("text", help="the normalised, line-numbered text the reader produced")
    text.add_argument("file")
    extract = commands.add_parser("extract", help="tables, rows, facts and projects")
    extract.add_argument("file")
    extract.add_argument("--format", choices=("json", "text"), default="json")
    check = commands.add_parser("check", help="find inconsistencies")
    check.add_argument("file")
    check.add_argument("--format", choices=("text", "json"), default="text")
    commands.add_parser("rules", help="list the rule catalog")
    return parser


def run_text(args: argparse.Namespace) -> int:
    from yusuan.readers import read_source

    source = read_source(args.file)
    for line in source.lines:
        page = f"p{line.page}:" if line.page else ""
        sys.stdout.write(f"{page}{line.number:>6}  {line.text}\n")
    return 0


def run_extract(args: argparse.Namespace) -> int:
    from yusuan.pipeline import read_document
    from yusuan.report.json_report import extract_json
    from yusuan.report.text_report import extract_text

    document = read_document(args.file)
    if args.format == "json":
        sys.stdout.write(json.dumps(extract_json(document), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(extract_text(document))
    return 0


def run_check(args: argparse.Namespace) -> int:
    from yusuan.pipeline import read_document
    from yusuan.report.json_report import check_json
    from yusuan.report.text_report import check_text
    from yusuan.rules import run_rules

    document = read_document(args.file)
    findings = run_rules(document)
    if args.format == "json":
        sys.stdout.write(json.dumps(check_json(document, findings), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(check_text(document, findings))
    return 1 if any(f.severity == "error" for f in findings) else 0


def run_rules_list(args: argparse.Namespace) -> int:
    from yusuan.rules import catalog

    for spec in catalog():
        sys.stdout.write(f"{spec.id:<32} {spec.severity:<8} {spec.category:<20} {spec.title_zh}\n")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "text": run_text, "extract": run_extract, "check": run_check, "rules": run_rules_list,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except InputError as error:
        sys.stderr.write(f"yusuan: {error}\n")
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
