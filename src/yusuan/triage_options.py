"""The triage settings of one `yusuan check`: its options over the configuration file's."""

from __future__ import annotations

import argparse

from yusuan.config import Config, load_config
from yusuan.errors import InputError
from yusuan.kept.dataclass_code import dataclass
from yusuan.triage import Triage, check_selectors, selectors, severity


@dataclass(frozen=True, slots=True)
class CheckSettings:
    """The triage and the baseline a check applies."""

    triage: Triage
    baseline: str | None


def triage_settings(args: argparse.Namespace) -> CheckSettings:
    config = Config() if args.no_config else load_config(args.config)
    select = selectors(args.select) or selectors(config.get("select"))
    ignore = selectors(args.ignore) or selectors(config.get("ignore"))
    check_selectors(select, "--select")
    check_selectors(ignore, "--ignore")
    min_severity = severity(args.min_severity or config.get("min-severity", "info"),
                            "--min-severity")
    fail_on = severity(args.fail_on or config.get("fail-on", "error"), "--fail-on")
    if fail_on == "info":
        raise InputError("--fail-on 只能是 error 或 warning。", "--fail-on is error or warning.")
    baseline = args.baseline or config.baseline()
    if args.baseline and args.write_baseline:
        raise InputError("--baseline 与 --write-baseline 不能同时使用。",
                         "--baseline and --write-baseline cannot be used together.")
    return CheckSettings(Triage(select, ignore, min_severity, fail_on), baseline)
