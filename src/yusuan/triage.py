"""Which findings a run reports and which fail it: --select / --ignore by rule id or category
(a prefix of a rule id is enough: `TOTAL` holds TOTAL.ROLLUP and TOTAL.TABLE), --min-severity,
--fail-on. The same settings may come from a configuration file (`yusuan.config`)."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.errors import InputError
from yusuan.kept.dataclass_code import dataclass
from yusuan.model import Finding

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
SEVERITY_WORDS = {"错误": "error", "警告": "warning", "提示": "info"}


@dataclass(frozen=True, slots=True)
class Triage:
    """Which findings are reported and which fail the run."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: str = "info"
    fail_on: str = "error"

    def reports(self, finding: Finding) -> bool:
        """The finding is selected, not ignored, and at least `min_severity`."""
        if SEVERITY_RANK.get(finding.severity, 2) > SEVERITY_RANK[self.min_severity]:
            return False
        if self.select and not any(matches(s, finding) for s in self.select):
            return False
        return not any(matches(s, finding) for s in self.ignore)

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        return [f for f in findings if self.reports(f)]

    def fails(self, findings: Iterable[Finding]) -> bool:
        """A reported finding is at least as severe as `fail_on`."""
        bar = SEVERITY_RANK[self.fail_on]
        return any(SEVERITY_RANK.get(f.severity, 2) <= bar for f in findings)


def matches(selector: str, finding: Finding) -> bool:
    """A rule id, a prefix of one (TOTAL, TOTAL.), or a category (arithmetic or 算术)."""
    category = CATEGORY_WORDS.get(selector, selector.lower())
    if finding.category == category:
        return True
    rule, wanted = finding.rule.upper(), selector.upper().rstrip(".")
    return rule == wanted or rule.startswith(wanted + ".") or (
        "." not in wanted and rule.startswith(wanted))


def severity(value: str, option: str) -> str:
    """A severity as written on the command line or in a config file (error or 错误)."""
    word = SEVERITY_WORDS.get(value.strip(), value.strip().lower())
    if word not in SEVERITY_RANK:
        raise InputError(f"{option} 的取值 “{value}” 无效：请用 error、warning 或 info。",
                         f"{option}: {value!r} is not a severity; use error, warning or info.")
    return word


def selectors(values: Iterable[str] | str | None) -> tuple[str, ...]:
    """Comma-separated selectors (repeated options and lists joined)."""
    if values is None:
        return ()
    items = [values] if isinstance(values, str) else list(values)
    return tuple(part.strip() for item in items for part in str(item).split(",") if part.strip())


def check_selectors(chosen: Iterable[str], option: str) -> None:
    """Each selector names some rule or category of the catalog (a typo would quietly select
    nothing)."""
    from yusuan.rules import catalog

    for selector in chosen:  # none chosen: the catalog is not loaded before the check needs it
        probes = [Finding(spec.id, spec.severity, spec.category, "") for spec in catalog()]
        probes.append(Finding("", "info", "rounding", ""))
        if not any(matches(selector, probe) for probe in probes):
            raise InputError(f"{option} 中的 “{selector}” 不是已知的规则编号或类别"
                             "（运行 yusuan rules 查看全部规则）。",
                             f"{option}: {selector!r} is no rule id or category "
                             "(see `yusuan rules`).")


def _category_words() -> dict[str, str]:
    from yusuan.report.i18n import CATEGORY_LABELS

    return {label: key for key, label in CATEGORY_LABELS["zh"].items()}


CATEGORY_WORDS = _category_words()
