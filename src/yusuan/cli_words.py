"""The command line's own words in Chinese and English: the help of every command and option,
argparse's stock phrases ("usage:", "the following arguments are required", …) and the choice of
language (`--lang en` anywhere on the line, else the environment variable YUSUAN_LANG, else zh)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

LANG_ENV = "YUSUAN_LANG"

HELP: dict[str, dict[str, str]] = {
    "zh": {
        "description": "读取并检查预决算公开文件：抽取表格，找出不一致之处。",
        "commands": "命令",
        "text": "输出读取后的逐行文本（行号与报告引用的一致）",
        "extract": "抽取表格、行、事实与项目",
        "check": "检查文件，列出发现的问题",
        "rules": "列出规则目录，或解释一条规则",
        "serve": "启动网页应用：上传文件，阅读检查报告",
        "file": "要读取的文件",
        "files": "公开文件；加 --together 时为它的全部文件",
        "together": "这几个文件是分开发布的同一份公开文件（情况说明与报表），合在一起读",
        "extract_format": "输出格式（默认 json）；xlsx 每张表一个工作表（须加 -o），csv 每个数一行，"
                          "均带页码和行号",
        "check_format": "报告格式（默认 text）；pdf：给原 PDF 的副本加高亮批注（须加 -o）",
        "output": "把报告写入这个文件，而不是输出到屏幕",
        "lang": "界面与报告的语言（默认 zh，或取环境变量 YUSUAN_LANG）",
        "version": "显示版本号后退出",
        "select": "只报告这些规则或类别（逗号分隔，可用前缀，如 TOTAL 或 arithmetic）",
        "ignore": "不报告这些规则或类别（逗号分隔，可用前缀）",
        "min_severity": "只报告不低于此严重程度的问题：error、warning 或 info",
        "fail_on": "出现此严重程度及以上的问题时退出状态为 1（默认 error）",
        "config": "配置文件（默认从当前文件夹向上查找 yusuan.toml 或 pyproject.toml 的 [tool.yusuan]）",
        "no_config": "不读取任何配置文件",
        "baseline": "基线文件：其中已复核的问题不再报告",
        "write_baseline": "把本次发现的全部问题写入基线文件（视为已复核）",
        "check_long": "检查文件，列出发现的问题。给出多个文件或文件夹时逐个检查（文件夹按扩展名递归查找），"
                      "最后列出汇总表；加 -o 文件夹时每个文件写一份报告，另有全部问题的 findings.csv 与 "
                      "findings.xlsx。退出状态取各文件中最差的一个。",
        "check_files": "要检查的文件或文件夹（可给多个）；加 --together 时为同一份公开文件的全部文件",
        "jobs": "同时检查的文件数（默认为处理器核数）",
        "dask": "在 Dask 集群上检查：调度器地址，如 tcp://scheduler:8786（须安装 yusuan[cluster]）",
        "timeout": "每个文件的检查时间上限，秒（默认 1800）；超时的文件记为未检查",
        "resume": "接着上次中断的检查做：跳过 -o 文件夹中已记下的文件（按文件的 sha256 识别）",
        "rule_id": "要解释的规则编号（省略时列出全部规则）",
        "rules_format": "输出格式（默认 text）",
        "host": "监听地址（YUSUAN_HOST，默认 127.0.0.1）",
        "port": "端口（YUSUAN_PORT，默认 8000）",
        "data_dir": "上传文件与结果的存放位置（YUSUAN_DATA_DIR）",
        "max_upload_mb": "单个文件的大小上限，MB（YUSUAN_MAX_UPLOAD_MB，默认 20）",
        "workers": "同时检查的文件数（YUSUAN_WORKERS，默认 2）",
        "retention_hours": "超过此时长（小时）的任务会被删除（YUSUAN_RETENTION_HOURS，默认 24）",
        "token": "访问令牌：每个请求都须带上它（YUSUAN_TOKEN）；不设令牌时只在本机地址 127.0.0.1 上提供服务",
    },
    "en": {
        "description": "Read and check 预决算公开 documents: extract the tables, find the "
                       "inconsistencies.",
        "commands": "command",
        "text": "the normalised, line-numbered text the reader produced",
        "extract": "tables, rows, facts and projects",
        "check": "find inconsistencies",
        "rules": "list the rule catalog, or explain one rule",
        "serve": "the web app: upload files, read their reports",
        "file": "the file to read",
        "files": "the disclosure; with --together, all its files",
        "together": "the files are one disclosure published in parts (情况说明 and 报表): "
                    "read them as one document",
        "extract_format": "output format (default json); xlsx: one sheet per table (needs -o), "
                          "csv: one line per value, both with pages and lines",
        "check_format": "report format (default text); pdf: a copy of the PDF with highlight "
                        "annotations (needs -o)",
        "output": "write the report to this file instead of stdout",
        "lang": "language of the interface and the report (default zh, or YUSUAN_LANG)",
        "version": "show the version and exit",
        "select": "report only these rules or categories (comma-separated, prefixes allowed, "
                  "e.g. TOTAL or arithmetic)",
        "ignore": "do not report these rules or categories (comma-separated, prefixes allowed)",
        "min_severity": "report only findings at least this severe: error, warning or info",
        "fail_on": "exit 1 when a finding at least this severe is reported (default error)",
        "config": "configuration file (default: yusuan.toml, or [tool.yusuan] in "
                  "pyproject.toml, found from the working folder up)",
        "no_config": "read no configuration file",
        "baseline": "baseline file: the reviewed findings it lists are not reported",
        "write_baseline": "write every finding of this run to a baseline file (as reviewed)",
        "check_long": "find inconsistencies. Given several files or folders (searched "
                      "recursively by suffix), check each and end with a summary table; with -o "
                      "DIR write one report per file plus findings.csv and findings.xlsx of all "
                      "files. The exit status is the worst file's.",
        "check_files": "files or folders to check (several allowed); with --together, all the "
                       "files of one disclosure",
        "jobs": "files checked at once (default: the number of cores)",
        "dask": "check on a Dask cluster: the scheduler's address, e.g. tcp://scheduler:8786 "
                "(needs yusuan[cluster])",
        "timeout": "time limit per file in seconds (default 1800); a file past it is refused",
        "resume": "continue an interrupted batch: skip the files the -o folder records as done "
                  "(known by their sha256)",
        "rule_id": "the rule to explain (all rules when left out)",
        "rules_format": "output format (default text)",
        "host": "address to listen on (YUSUAN_HOST, default 127.0.0.1)",
        "port": "port (YUSUAN_PORT, default 8000)",
        "data_dir": "where uploads and results are kept (YUSUAN_DATA_DIR)",
        "max_upload_mb": "largest file in MB (YUSUAN_MAX_UPLOAD_MB, default 20)",
        "workers": "files checked at once (YUSUAN_WORKERS, default 2)",
        "retention_hours": "remove jobs older than this many hours (YUSUAN_RETENTION_HOURS, 24)",
        "token": "access token every request must carry (YUSUAN_TOKEN); without one the app "
                 "serves on 127.0.0.1 only",
    },
}

# argparse's own phrases (it looks them up through gettext at the moment it prints them).
ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助后退出",
    "show program's version number and exit": "显示版本号后退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项：%(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个参数值",
    "expected at least one argument": "至少需要一个参数值",
    "expected at most one argument": "至多一个参数值",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "选项不明确：%(option)s 可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同用",
    "one of the arguments %s is required": "参数 %s 中必须给出一个",
    "ignored explicit argument %r": "忽略了多余的参数值 %r",
}


def terminal_columns() -> int:
    """The terminal's width as `shutil.get_terminal_size` finds it (COLUMNS, else standard
    output's terminal, else 80)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class Formatter(argparse.HelpFormatter):
    """argparse's help formatter, given the terminal's width: argparse makes one for every
    argument added, and the stock one imports shutil to find the width (with bz2 and lzma, a
    hundredth of a check's start-up)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None, **more: Any) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         terminal_columns() - 2 if width is None else width, **more)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help headings end in a full-width colon when they are Chinese,
    its help laid out by `Formatter`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)

    def format_help(self) -> str:
        text = super().format_help()
        for heading in ("位置参数", "选项"):
            text = text.replace(f"\n{heading}:\n", f"\n{heading}：\n")
        return text


def chosen_lang(argv: Sequence[str], environ: dict[str, str] | None = None) -> str:
    """The language the command line asks for: `--lang X` / `--lang=X`, else YUSUAN_LANG."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "zh"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "zh"
    env = (os.environ if environ is None else environ).get(LANG_ENV, "")
    return "en" if env.strip().lower().startswith("en") else "zh"


def words(lang: str) -> dict[str, str]:
    return HELP["en" if lang == "en" else "zh"]


@contextlib.contextmanager
def argparse_in(lang: str) -> Iterator[None]:
    """argparse's stock phrases in `lang` while the block runs (parsing, help, usage errors)."""
    if lang == "en":
        yield
        return
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = (  # type: ignore[attr-defined]
        lambda text: ARGPARSE_ZH[text] if text in ARGPARSE_ZH else original(text))  # gettext only when needed
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def baseline_written(lang: str, count: int, path: str) -> str:
    if lang == "en":
        return f"yusuan: {count} finding(s) written to the baseline {path} as reviewed.\n"
    return f"yusuan：已把 {count} 条问题作为已复核写入基线 {path}。\n"
