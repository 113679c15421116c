"""The `yusuan` command: text, extract, check, rules, serve."""

from __future__ import annotations

import argparse
import atexit
import gc
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, NoReturn

from yusuan import cli_words
from yusuan.arguments import dash_files_as_paths
from yusuan.collector import fewer_collections
from yusuan.errors import InputError
from yusuan.output import refuse_overwriting_inputs, write_report, write_stdout

if TYPE_CHECKING:
    from yusuan.model import Document


def build_parser(lang: str = "zh", command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; given the `command` the arguments name, of that one alone
    (describing the others' arguments, and importing the corpus commands' code for theirs,
    was a sixth of a check's start-up; a subcommand's own usage and errors never show them)."""
    words = cli_words.words(lang)
    parser = cli_words.Parser(prog="yusuan", description=words["description"])
    parser.add_argument("--version", action=VersionAction, nargs=0, help=words["version"])
    add_lang_argument(parser, words)
    commands = parser.add_subparsers(dest="command", required=True, metavar=words["commands"])
    for name, each in COMMANDS.items():
        if command is None or command == name:
            each.add_parser(commands, lang)
    return parser


def named_command(argv: list[str]) -> str | None:
    """The command the arguments name (the first word after the options before it), or None
    when it is not one of yusuan's or help is asked for before it (the whole parser then says
    what the commands are)."""
    skip = False
    for arg in argv:
        if arg in ("-h", "--help") and not skip:
            return None
        if skip or arg.startswith("-"):
            skip = arg == "--lang"
            continue
        return arg if arg in COMMANDS else None
    return None


def add_text_parser(commands: argparse._SubParsersAction, lang: str) -> None:  # type: ignore[type-arg]
    words = cli_words.words(lang)
    text = commands.add_parser("text", help=words["text"], description=words["text"])
    text.add_argument("file", help=words["file"])
    add_lang_argument(text, words)


def add_extract_parser(commands: argparse._SubParsersAction, lang: str) -> None:  # type: ignore[type-arg]
    words = cli_words.words(lang)
    extract = commands.add_parser("extract", help=words["extract"], description=words["extract"])
    add_files_argument(extract, words)
    extract.add_argument("--format", choices=("json", "text", "xlsx", "csv"), default="json",
                         help=words["extract_format"])
    extract.add_argument("-o", "--output", help=words["output"])
    add_lang_argument(extract, words)


def add_rules_parser(commands: argparse._SubParsersAction, lang: str) -> None:  # type: ignore[type-arg]
    words = cli_words.words(lang)
    rules = commands.add_parser("rules", help=words["rules"], description=words["rules"])
    rules.add_argument("rule_id", nargs="?", help=words["rule_id"])
    rules.add_argument("--format", choices=("text", "json"), default="text",
                       help=words["rules_format"])
    add_lang_argument(rules, words)


def add_db_parser(commands: argparse._SubParsersAction, lang: str) -> None:  # type: ignore[type-arg]
    """`db` (the corpus), its words with its code."""
    from yusuan.store.commands import add_db_parser as add

    add(commands, lang)


def add_compare_parser(commands: argparse._SubParsersAction, lang: str) -> None:  # type: ignore[type-arg]
    """`compare` (documents side by side), its words with its code."""
    from yusuan.compare.commands import add_compare_parser as add

    add(commands, lang)


def add_check_parser(commands: argparse._SubParsersAction, lang: str) -> None:  # type: ignore[type-arg]
    words = cli_words.words(lang)
    check = commands.add_parser("check", help=words["check"], description=words["check_long"])
    check.add_argument("file", nargs="+", help=words["check_files"])
    check.add_argument("--together", action="store_true", help=words["together"])
    check.add_argument("--format", choices=("text", "json", "html", "sarif", "csv", "pdf"),
                       default="text",
                       help=words["check_format"])
    check.add_argument("-o", "--output", help=words["output"])
    add_lang_argument(check, words)
    check.add_argument("--select", action="append", metavar="ID", help=words["select"])
    check.add_argument("--ignore", action="append", metavar="ID", help=words["ignore"])
    check.add_argument("--min-severity", metavar="{error,warning,info}", help=words["min_severity"])
    check.add_argument("--fail-on", metavar="{error,warning}", help=words["fail_on"])
    check.add_argument("--config", metavar="FILE", help=words["config"])
    check.add_argument("--no-config", action="store_true", help=words["no_config"])
    check.add_argument("--baseline", metavar="FILE", help=words["baseline"])
    check.add_argument("--write-baseline", metavar="FILE", help=words["write_baseline"])
    check.add_argument("--jobs", type=positive_int, metavar="N", help=words["jobs"])
    check.add_argument("--dask", metavar="ADDRESS", help=words["dask"])
    check.add_argument("--timeout", type=float, metavar="SECONDS", help=words["timeout"])
    check.add_argument("--resume", action="store_true", help=words["resume"])


def positive_int(text: str) -> int:
    number = int(text)
    if number < 1:
        raise ValueError(text)
    return number


def add_lang_argument(command: argparse.ArgumentParser, words: dict[str, str]) -> None:
    command.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS,
                         help=words["lang"])


class VersionAction(argparse.Action):
    """`yusuan --version`: the installed version on a line of its own."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        write_stdout(f"yusuan {version()}\n")
        parser.exit()


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("yusuan")
    except PackageNotFoundError:
        return "0+unknown"


def add_files_argument(command: argparse.ArgumentParser, words: dict[str, str]) -> None:
    command.add_argument("file", nargs="+", help=words["files"])
    command.add_argument("--together", action="store_true", help=words["together"])


def read_files(args: argparse.Namespace) -> Document:
    """The document the command line names: one file, or several read --together."""
    from yusuan.pipeline import read_document, read_together

    if len(args.file) > 1 and not args.together:
        raise InputError("一次检查一份公开文件；同一份公开文件分为几个文件（情况说明与报表）时，请加 --together。",
                         "Check one disclosure at a time; when one disclosure is published as "
                         "several files (情况说明 and 报表), add --together.")
    return read_together(args.file) if args.together else read_document(args.file[0])


def add_serve_parser(commands: argparse._SubParsersAction, lang: str) -> None:  # type: ignore[type-arg]
    words = cli_words.words(lang)
    serve = commands.add_parser("serve", help=words["serve"], description=words["serve"])
    serve.add_argument("--host", help=words["host"])
    serve.add_argument("--port", type=int, help=words["port"])
    serve.add_argument("--data-dir", help=words["data_dir"])
    serve.add_argument("--max-upload-mb", type=float, help=words["max_upload_mb"])
    serve.add_argument("--workers", type=int, help=words["workers"])
    serve.add_argument("--retention-hours", type=float, help=words["retention_hours"])
    serve.add_argument("--token", help=words["token"])
    add_lang_argument(serve, words)


@fewer_collections  # the modules a document needs are imported here: thousands of objects
def run_text(args: argparse.Namespace) -> int:
    """Print the reader's lines, numbered as the reports cite them.

    A PDF's lines are numbered within each page ("p3 L12", as `check` and the JSON cite them),
    each page under a "── 第 3 页 ──" heading ("── page 3 ──" with --lang en); a workbook's lines under their sheet's name, each
    with the address of the row's first cell (A5); other files number their lines 1, 2, …
    Table cells stay TAB-separated. The reader's notes (pages not read) go to stderr.
    """
    from yusuan.readers import read_source
    from yusuan.report.text_listing import source_listing

    source = read_source(args.file)
    write_stdout(source_listing(source, args.lang))
    for note in source.notes:
        sys.stderr.write(f"yusuan: {note}\n")
    return 0


@fewer_collections  # the modules a document needs are imported here: thousands of objects
def run_extract(args: argparse.Namespace) -> int:
    from yusuan.report.json_report import extract_json
    from yusuan.report.text_report import extract_text

    if args.format == "xlsx" and not args.output:
        raise InputError("xlsx 格式须用 -o 指定输出文件。", "--format xlsx needs -o FILE.")
    if args.output:
        refuse_overwriting_inputs(args.output, args.file)
    document = read_files(args)
    if args.format == "xlsx":
        from yusuan.report.xlsx_export import write_xlsx

        write_xlsx(document, args.output)
        return 0
    if args.format == "csv":
        from yusuan.report.xlsx_export import values_csv

        out = values_csv(document, bom=bool(args.output))
    elif args.format == "json":
        import json

        out = json.dumps(extract_json(document), ensure_ascii=False, indent=1) + "\n"
    else:
        out = extract_text(document)
    write_output(out, args.output, args.file)
    return 0


@fewer_collections  # the modules a document needs are imported here: thousands of objects
def run_check(args: argparse.Namespace) -> int:
    from yusuan.batch.files import is_batch
    from yusuan.batch.one import render_report, triaged_findings
    from yusuan.triage_options import triage_settings

    if args.dask and args.together:
        raise InputError("--together 的几个文件是一份公开文件，不能分到 Dask 集群上检查。",
                         "--together files are one disclosure; they are not checked on a Dask "
                         "cluster.")
    if is_batch(args.file, args.together) or args.dask:
        from yusuan.batch.command import run_batch

        if args.format == "pdf":
            raise InputError("--format pdf 只能用于单个 PDF 文件：批量检查请选其他格式。",
                             "--format pdf takes a single PDF; choose another format for a batch.")

        return run_batch(args)
    if args.output:
        refuse_overwriting_inputs(args.output, args.file)
    if args.format == "pdf":
        from yusuan.report.pages.cli import refuse_before_reading

        refuse_before_reading(args.file, args.output)
    settings = triage_settings(args)
    document = read_files(args)
    if args.write_baseline:
        from yusuan.baseline import write_baseline
        from yusuan.rules import run_rules

        findings = settings.triage.apply(run_rules(document))
        count = write_baseline(args.write_baseline, document, findings)
        sys.stderr.write(cli_words.baseline_written(args.lang, count, args.write_baseline))
        return 0
    findings = triaged_findings(document, settings)
    if args.format == "pdf":
        from yusuan.report.bundle import report_bundle
        from yusuan.report.pages.cli import write_pdf

        write_pdf(document, report_bundle(document, findings), args.file[0], args.output, args.lang)
        return 1 if settings.triage.fails(findings) else 0
    out = render_report(document, findings, args.format, args.lang,
                        bom=bool(args.output) and args.format == "csv")
    write_output(out, args.output, args.file)
    return 1 if settings.triage.fails(findings) else 0


def write_output(text: str, path: str | None, inputs: list[str]) -> None:
    """The report on stdout, or written whole to `path` (never over an input)."""
    if path is None:
        write_stdout(text)
        return
    write_report(text, path, inputs)


def run_serve(args: argparse.Namespace) -> int:
    from yusuan.web.server import serve
    from yusuan.web.settings import Settings

    overrides = {"host": args.host, "port": args.port, "data_dir": args.data_dir,
                 "max_upload_mb": args.max_upload_mb, "workers": args.workers,
                 "retention_hours": args.retention_hours, "token": args.token}
    try:
        settings = Settings.from_env(**{k: v for k, v in overrides.items() if v is not None})
    except ValueError as error:
        raise InputError(str(error)) from None
    serve(settings)
    return 0


def run_rules_list(args: argparse.Namespace) -> int:
    from yusuan.report.rule_explain import catalog_json, catalog_text, explain_text, rule_json
    from yusuan.rules import catalog

    if args.rule_id and args.rule_id not in {spec.id for spec in catalog()}:
        raise InputError(f"没有编号为 {args.rule_id} 的规则（运行 yusuan rules 查看全部规则）。",
                         f"no rule {args.rule_id} (see `yusuan rules`).")
    if args.format == "json":
        import json

        payload = rule_json(args.rule_id) if args.rule_id else catalog_json()
        write_stdout(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    elif args.rule_id:
        write_stdout(explain_text(args.rule_id, args.lang))
    else:
        write_stdout(catalog_text(args.lang))
    return 0


def run_corpus_command(args: argparse.Namespace) -> int:
    from yusuan.store.commands import run_db

    return run_db(args, version())


def run_compare_command(args: argparse.Namespace) -> int:
    from yusuan.compare.commands import run_compare

    return run_compare(args)


class Command(NamedTuple):
    """A command: what adds its parser (its words), and what runs it."""

    add_parser: Callable[[argparse._SubParsersAction, str], None]  # type: ignore[type-arg]
    run: Callable[[argparse.Namespace], int]


COMMANDS: dict[str, Command] = {
    "text": Command(add_text_parser, run_text),
    "extract": Command(add_extract_parser, run_extract),
    "check": Command(add_check_parser, run_check),
    "rules": Command(add_rules_parser, run_rules_list),
    "serve": Command(add_serve_parser, run_serve),
    "db": Command(add_db_parser, run_corpus_command),
    "compare": Command(add_compare_parser, run_compare_command),
}


def main(argv: list[str] | None = None) -> int:
    argv = dash_files_as_paths(sys.argv[1:] if argv is None else argv)
    lang = cli_words.chosen_lang(argv)
    try:  # parsing too: --version and --help write to standard output
        with cli_words.argparse_in(lang):
            args = build_parser(lang, named_command(argv)).parse_args(argv)
        args.lang = lang
        return COMMANDS[args.command].run(args)
    except InputError as error:
        sys.stderr.write(f"yusuan: {error.message(lang)}\n")
        return 2
    except BrokenPipeError:
        return 0


def run() -> None:
    """The `yusuan` program (its console script and `python -m yusuan`): `main`, then the
    process's exit (`leave`); `main` called in a process that goes on is left as is."""
    leave(main())


def leave(status: int) -> NoReturn:
    """End the process as the interpreter ends it, without taking it apart first.

    Other threads are waited for, the exit handlers run (the kept files are written there) and
    the standard streams are flushed, as at any exit; a stream that cannot be flushed makes a
    status of 0 into 120, as the interpreter's exit does (an error already said keeps its
    status, and nothing more is said). Then the process ends at once: the interpreter would walk
    every object it made with the cycle collector (about 20 ms of a PDF check) and then free
    each module and object one by one (a few ms more), all of which the operating system
    reclaims whole."""
    gc.freeze()  # what the handlers allocate triggers no collection of the rest
    threading = sys.modules.get("threading")
    if threading is not None:
        threading._shutdown()  # type: ignore[attr-defined] - what the interpreter calls first
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None and not stream.closed:
                stream.flush()
        except (OSError, ValueError):
            status = status or 120  # an error already said keeps its status
    os._exit(status)


if __name__ == "__main__":
    run()
