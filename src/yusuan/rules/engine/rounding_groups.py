"""Group rounding-level findings: the same printed figures off by the same rounding gap in
several tables (支出总表 and 一般公共预算支出表 both print 20805 105.18 against Σ项 105.19) are
one finding that lists every place, not one per table."""

from __future__ import annotations

from yusuan.model import Finding
from yusuan.rules.engine.messages import register_messages, render

register_messages({
    "ROUNDING.COLUMN.SAME": {
        "zh": "{what}（{column}）：{reported} 与 {computed} 相差 {difference}，在舍入范围内"
              "（±{bound}）；同样的舍入差另见 {count} 处（第{lines}行）",
        "en": "{what} ({column}): {reported} vs {computed}, difference {difference} within "
              "rounding (±{bound}); the same gap in {count} more places (lines {lines})",
    },
    "ROUNDING.SAME": {
        "zh": "{what}：{reported} 与 {computed} 相差 {difference}，在舍入范围内（±{bound}）；"
              "同样的舍入差另见 {count} 处（第{lines}行）",
        "en": "{what}: {reported} vs {computed}, difference {difference} within rounding "
              "(±{bound}); the same gap in {count} more places (lines {lines})",
    },
})

# identities of the same kind under different rule ids
FAMILY = {"SUMMARY.EXPENDITURE_ITEMS": "TOTAL.TABLE", "SUMMARY.INCOME_ITEMS": "TOTAL.TABLE"}


def _is_rounding(finding: Finding) -> bool:
    return finding.severity == "info" and finding.category == "rounding" \
        and "reported" in finding.values and "computed" in finding.values


def _key(finding: Finding) -> tuple[object, ...]:
    family = FAMILY.get(finding.rule, finding.rule)
    return (family, finding.values["reported"], finding.values["computed"])


def _figure(finding: Finding) -> tuple[object, ...]:
    """The printed figure a rounding finding starts from: two identities off by the same gap
    at the same figure (合计 ≠ 基本 + 项目 and 合计 ≠ Σ类) have one cause."""
    first = finding.locations[0] if finding.locations else None
    where = (first.line, first.column) if first else None
    return ("figure", where, finding.values["reported"], finding.values["computed"])


def _code(finding: Finding) -> str:
    return next((loc.code for loc in finding.locations if loc.code), "") or ""


def _related(a: str, b: str) -> bool:
    """The same line, or a line and its only child (208 and 20805 printing one figure)."""
    return a.startswith(b) or b.startswith(a)


def group_rounding(findings: list[Finding]) -> list[Finding]:
    """Merge rounding findings with the same identity, figures and (related) code."""
    out: list[Finding] = []
    groups: dict[tuple[object, ...], list[Finding]] = {}
    also: dict[int, list[int]] = {}
    for finding in findings:
        if not _is_rounding(finding):
            out.append(finding)
            continue
        candidates = groups.setdefault(_key(finding), [])
        primary = next((g for g in candidates if _related(_code(g), _code(finding))), None)
        primary = primary or groups.get(_figure(finding), [None])[0]
        if primary is None:
            candidates.append(finding)
            groups[_figure(finding)] = [finding]
            out.append(finding)
            continue
        primary.locations.extend(loc for loc in finding.locations
                                 if loc not in primary.locations)
        primary.folded.append(f"{finding.rule}: {finding.message}")
        also.setdefault(id(primary), []).append(finding.locations[0].line)
    for finding in out:
        if id(finding) in also:
            _retitle(finding, also[id(finding)])
    return out


def _retitle(primary: Finding, lines: list[int]) -> None:
    shown = "、".join(str(n) for n in lines)
    if primary.message_id not in ("ROUNDING", "ROUNDING.COLUMN"):
        primary.message += f"；同样的舍入差另见 {len(lines)} 处（第{shown}行）"
        return
    args = dict(primary.args, count=len(lines), lines=shown)
    primary.args = args
    primary.message_id = f"{primary.message_id}.SAME"
    primary.message = render(primary.message_id, "zh", **args)
