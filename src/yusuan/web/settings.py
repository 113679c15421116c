"""The web app's settings: options win over environment variables, which win over defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

ALLOWED_SUFFIXES = ("pdf", "xlsx", "xls", "docx", "html", "htm", "txt", "md")


def default_data_dir() -> str:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "yusuan" / "web")


@dataclass(slots=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    data_dir: str = field(default_factory=default_data_dir)
    max_upload_mb: float = 20.0
    max_files: int = 20
    workers: int = 2
    pool: str = "thread"
    retention_hours: float = 24.0
    sweep_seconds: float = 300.0
    allowed_suffixes: tuple[str, ...] = ALLOWED_SUFFIXES

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def retention_seconds(self) -> float:
        return self.retention_hours * 3600

    @property
    def jobs_dir(self) -> Path:
        return Path(self.data_dir) / "jobs"

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Settings from `YUSUAN_<NAME>` environment variables, then `overrides`."""
        values: dict[str, Any] = {}
        for item in fields(cls):
            raw = os.environ.get(f"YUSUAN_{item.name.upper()}")
            if raw is None or item.name == "allowed_suffixes":
                continue
            values[item.name] = _convert(item.name, raw)
        values.update(overrides)
        settings = cls(**values)
        settings.validate()
        return settings

    def validate(self) -> None:
        if self.pool not in ("thread", "process"):
            raise ValueError(f"YUSUAN_POOL must be thread or process, not {self.pool!r}")
        if self.workers < 1 or self.max_files < 1 or self.max_upload_mb <= 0:
            raise ValueError("workers, max_files and max_upload_mb must be positive")


def _convert(name: str, raw: str) -> Any:
    if name in ("port", "max_files", "workers"):
        return int(raw)
    if name in ("max_upload_mb", "retention_hours", "sweep_seconds"):
        return float(raw)
    return raw
