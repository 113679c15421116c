"""A finding: what a rule reports, with every location it compares."""

from __future__ import annotations

from typing import Any

from yusuan.kept.dataclass_code import dataclass, field


@dataclass(slots=True)
class Location:
    """Where a finding points: a line, and the page, table, code and column when known."""

    line: int
    table: str | None = None
    code: str | None = None
    column: str | None = None
    page: int | None = None
    name: str | None = None
    file: str | None = None  # the file, for a finding across two documents

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"line": self.line}
        for key in ("page", "table", "code", "column", "name", "file"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out


@dataclass(slots=True)
class Finding:
    """One thing a rule found: what, how severe, where, and the figures it compared."""

    rule: str
    severity: str
    category: str
    message: str
    locations: list[Location] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    folded: list[str] = field(default_factory=list)
    message_id: str | None = None
    args: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "category": self.category,
            "message": self.message,
            "locations": [loc.to_json() for loc in self.locations],
            "values": self.values,
        }
        if self.folded:
            out["folded"] = self.folded
        if self.message_id:
            out["message_id"] = self.message_id
            out["message_args"] = self.args
        return out
