"""Report the cause once: one wrong figure that breaks several sums becomes one finding.

A figure is a (line, column) pair. A figure wrong by δ puts every sum it enters off by ±δ, so
when two or more non-info arithmetic, cross-table or narrative-vs-table findings cite the same
figure and are off by the same amount (a table total that disagrees with its items and with the
narrative, which agree with each other), they are folded into one finding that names the figure first and lists,
in `folded`, the rules and messages of the sums it breaks.

A sum can also be off by what several of its parts are off: a 款 whose 项 do not add up because
two 项 cells print 0.00 where another table prints 458.00 and 16.56. When the findings that
accuse parts of a sum, one part each, together make up its whole gap to the cent, the parts are
the cause: they are folded into the sum's finding, which keeps its own locations first, adds
theirs, and lists every message in `folded`.
"""

from __future__ import annotations

from collections import Counter

from yusuan.model import Document, Finding, Location
from yusuan.rules.engine.messages import render
from yusuan.rules.engine.printed import describe_location
from yusuan.rules.engine.rounding_groups import group_rounding

FOLDABLE = frozenset({"arithmetic", "cross_table", "narrative_vs_table", "measurement_basis",
                      "performance_vs_budget"})
# a performance form prints one figure a line: its line is the figure
FORM_TABLES = frozenset({"project_performance", "dept_performance"})
Figure = tuple[int, str]
Cause = tuple[int, str, float]  # figure and |difference|


def _figures(finding: Finding) -> set[Figure]:
    return {(loc.line, loc.column or str(loc.table)) for loc in finding.locations
            if loc.column or loc.table in FORM_TABLES}


def _causes(finding: Finding) -> set[Cause]:
    gap = round(abs(float(finding.values["difference"])), 4)
    return {(line, column, gap) for line, column in _figures(finding)}


def _foldable(finding: Finding) -> bool:
    difference = finding.values.get("difference")
    return (finding.severity != "info" and finding.category in FOLDABLE
            and isinstance(difference, (int, float)) and difference != 0)


def _row_key(loc: Location) -> object:
    """A row's identity: its table and code or name (one-cell-per-line layouts put each column
    of one row on a line of its own), else its line."""
    return (loc.table, loc.code, loc.name) if loc.code or loc.name else loc.line


def merge_columns(findings: list[Finding]) -> list[Finding]:
    """One finding per rule, rows and difference: the same sum broken in several columns
    of the same rows (合计, 基本支出, 人员经费) is one finding listing every column."""
    merged: dict[tuple[object, ...], Finding] = {}
    out: list[Finding] = []
    for finding in findings:
        key = (finding.rule, finding.severity, finding.values.get("difference"),
               tuple(_row_key(loc) for loc in finding.locations))
        first = merged.get(key)
        if first is None or "difference" not in finding.values:
            merged[key] = finding
            out.append(finding)
            continue
        first.locations.extend(loc for loc in finding.locations if loc not in first.locations)
        first.folded.append(f"{finding.rule}: {finding.message}")
        _add_column(first, finding)
    return out


def _add_column(first: Finding, other: Finding) -> None:
    """Name every column the merged finding covers in its message."""
    column, more = first.args.get("column"), other.args.get("column")
    if column is None or more is None or first.message_id is None:
        return
    columns = list(column) if isinstance(column, list) else [column]
    if more not in columns:
        columns.append(more)
    first.args = dict(first.args, column=columns)
    first.message = render(first.message_id, "zh", **first.args)


def fold_shared_causes(findings: list[Finding], doc: Document | None = None) -> list[Finding]:
    findings = fold_explained_sums(group_rounding(merge_columns(findings)))
    kept = [f for f in findings if not _foldable(f)]
    pending = [f for f in findings if _foldable(f)]
    while pending:
        cause, count = _most_shared(pending)
        if count < 2:
            break
        group = [f for f in pending if cause in _causes(f)]
        pending = [f for f in pending if cause not in _causes(f)]
        kept.append(_fold((cause[0], cause[1]), group, doc))
    return kept + pending


def _most_shared(findings: list[Finding]) -> tuple[Cause, int]:
    counts: Counter[Cause] = Counter()
    for finding in findings:
        counts.update(_causes(finding))
    if not counts:
        return (0, "", 0.0), 0
    # most findings first, then the earliest line, for a stable choice
    return min(counts.items(), key=lambda item: (-item[1], item[0]))


def _figure_location(figure: Figure, group: list[Finding]) -> Location:
    return next(loc for f in group for loc in f.locations
                if (loc.line, loc.column or str(loc.table)) == figure)


def _fold(figure: Figure, group: list[Finding], doc: Document | None) -> Finding:
    order = {"error": 0, "warning": 1}
    # the table's own rule names the cause; a narrative that disagrees with the cell follows
    group = sorted(group, key=lambda f: (order.get(f.severity, 2),
                                         f.category == "narrative_vs_table"))
    where = _figure_location(figure, group)
    broken = "；".join(f.message for f in group)
    args = {"figure": describe_location(doc, where), "count": len(group), "broken": broken}
    return _folded(group, [where], group[0].severity, "FOLD", args)


def _folded(group: list[Finding], first: list[Location], severity: str, message_id: str,
            args: dict[str, object]) -> Finding:
    """One finding for `group`, in the name of its first: `first` cited, then every line the
    group cites; the folded messages kept."""
    primary = group[0]
    locations = list(first)
    for finding in group:
        locations.extend(loc for loc in finding.locations if loc not in locations)
    return Finding(
        rule=primary.rule,
        severity=severity,
        category=primary.category,
        message=render(message_id, "zh", **args),
        locations=locations,
        values=dict(primary.values),
        folded=[f"{f.rule}: {f.message}" for f in group],
        message_id=message_id,
        args=args,
    )


def _cells(finding: Finding) -> set[Figure]:
    return {(loc.line, loc.column) for loc in finding.locations if loc.column}


def _gap(finding: Finding) -> float:
    return float(finding.values["difference"])


def _explaining_parts(total: Finding, others: list[Finding]) -> list[Finding]:
    """The findings that accuse one part each of `total` (a cell it sums, not its own) and
    together make up its whole gap, off in the same direction; else none."""
    first = total.locations[0]
    own = {(first.line, first.column)}
    parts = {(loc.line, loc.column) for loc in total.locations[1:] if loc.column} - own
    accusing = [f for f in others if f is not total and _foldable(f)
                and len(_cells(f) & parts) == 1 and not _cells(f) & own]
    cells = [next(iter(_cells(f) & parts)) for f in accusing]
    if len(accusing) < 2 or len(set(cells)) < len(cells):
        return []
    gaps = [_gap(f) for f in accusing]
    same_way = all(g > 0 for g in gaps) or all(g < 0 for g in gaps)
    return accusing if same_way and abs(sum(map(abs, gaps)) - abs(_gap(total))) <= 0.005 else []


def fold_explained_sums(findings: list[Finding]) -> list[Finding]:
    """Fold into a sum's finding the findings of the parts that make up its whole gap."""
    out = list(findings)
    for total in findings:
        if all(f is not total for f in out) or not _foldable(total) or len(total.locations) < 3:
            continue
        parts = _explaining_parts(total, [f for f in out if f is not total])
        if parts:
            out = [f for f in out if f is not total and all(f is not p for p in parts)]
            out.append(_fold_parts(total, parts))
    return out


def _fold_parts(total: Finding, parts: list[Finding]) -> Finding:
    order = {"error": 0, "warning": 1}
    group = [total, *parts]
    args = {"sum": total.message, "difference": abs(_gap(total)), "count": len(parts),
            "parts": "；".join(f.message for f in parts)}
    severity = min((f.severity for f in group), key=lambda s: order.get(s, 2))
    return _folded(group, list(total.locations), severity, "FOLD.PARTS", args)
