"""Two snapshots lined up: every key of every section with both values, the change and the
rate, and whether the line is in one document only."""

from __future__ import annotations

from yusuan.compare.snapshot import Figure, Snapshot
from yusuan.kept.dataclass_code import dataclass, field

FUNCTIONAL_LEVELS = {3: "类", 5: "款", 7: "项"}
ECONOMIC_LEVELS = {3: "类", 5: "款", 7: "项"}


@dataclass(frozen=True, slots=True)
class Line:
    """One figure of the two documents side by side (None where a document lacks it)."""

    section: str
    key: str
    name: str
    level: str
    first: Figure | None
    second: Figure | None

    @property
    def change(self) -> float | None:
        if self.first is None or self.second is None:
            return None
        return round(self.second.yuan - self.first.yuan, 2)

    @property
    def rate(self) -> float | None:
        """The change as a percentage of the first value (None when it is zero or missing)."""
        if self.change is None or not self.first or self.first.yuan == 0:
            return None
        return round(self.change / self.first.yuan * 100, 2)

    @property
    def status(self) -> str:
        if self.first is None:
            return "added"
        if self.second is None:
            return "removed"
        return "same" if abs(self.change or 0) < 0.005 else "changed"


@dataclass(slots=True)
class Comparison:
    """Two documents' snapshots, their lines side by side, what differs and why."""

    first: Snapshot
    second: Snapshot
    lines: list[Line] = field(default_factory=list)
    findings: list = field(default_factory=list)  # type: ignore[type-arg]
    notes: list[str] = field(default_factory=list)

    def section(self, name: str) -> list[Line]:
        return [line for line in self.lines if line.section == name]


def _level(section: str, key: str) -> str:
    if section in ("functional", "general", "economic") and key.isdigit():
        return FUNCTIONAL_LEVELS.get(len(key), "")
    return ""


def _order(section: str, key: str) -> tuple[int, str]:
    return (0 if key == "total" else 1, key) if section != "projects" else (0, "")


def compare_snapshots(first: Snapshot, second: Snapshot) -> Comparison:
    """Every line either document prints, section by section, coded lines in code order."""
    comparison = Comparison(first, second)
    for section in first.sections.keys() | second.sections.keys():
        mine, theirs = first.sections.get(section, {}), second.sections.get(section, {})
        keys = list(mine) + [k for k in theirs if k not in mine]
        if section not in ("projects", "sangong", "parts", "totals"):
            keys.sort(key=lambda k: _order(section, k))
        for key in keys:
            figure = mine.get(key) or theirs.get(key)
            assert figure is not None
            comparison.lines.append(Line(section, key, figure.name, _level(section, key),
                                         mine.get(key), theirs.get(key)))
    order = list(SECTION_ORDER)
    comparison.lines.sort(key=lambda line: order.index(line.section)
                          if line.section in order else len(order))
    return comparison


SECTION_ORDER = ("totals", "parts", "sangong", "functional", "general", "economic", "projects")
