"""The web app's settings: options win over environment variables, which win over defaults."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import fields
from pathlib import Path
from typing import Any

from yusuan.kept.dataclass_code import dataclass, field

ALLOWED_SUFFIXES = ("pdf", "xlsx", "xls", "docx", "html", "htm", "txt", "md")
LOOPBACK = "127.0.0.1"


def default_data_dir() -> str:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "yusuan" / "web")


@dataclass(slots=True)
class Settings:
    """How the web app runs: where it listens, its limits, workers and storage."""

    host: str = LOOPBACK
    port: int = 8000
    data_dir: str = field(default_factory=default_data_dir)
    token: str = field(default="", repr=False)
    corpus_db: str = ""  # the corpus the /corpus pages show (a DuckDB file or postgresql://…)
    max_upload_mb: float = 20.0
    max_request_mb: float = 100.0
    max_files: int = 20
    workers: int = 2
    worker_memory_mb: float = 3072.0
    job_timeout_seconds: float = 600.0
    retention_hours: float = 24.0
    sweep_seconds: float = 300.0
    uploads_per_minute: int = 30
    requests_per_minute: int = 1200
    connections_per_ip: int = 128
    max_connections: int = 2000
    header_timeout_seconds: float = 15.0
    body_timeout_seconds: float = 30.0
    upload_seconds: float = 600.0
    allowed_suffixes: tuple[str, ...] = ALLOWED_SUFFIXES

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def max_request_bytes(self) -> int:
        return int(self.max_request_mb * 1024 * 1024)

    @property
    def worker_memory_bytes(self) -> int:
        return int(self.worker_memory_mb * 1024 * 1024)

    @property
    def retention_seconds(self) -> float:
        return self.retention_hours * 3600

    @property
    def jobs_dir(self) -> Path:
        return Path(self.data_dir) / "jobs"

    @property
    def incoming_dir(self) -> Path:
        return Path(self.data_dir) / "incoming"

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Settings from `YUSUAN_<NAME>` environment variables, then `overrides`."""
        values: dict[str, Any] = {}
        defaults = cls()
        for item in fields(cls):
            raw = os.environ.get(f"YUSUAN_{item.name.upper()}")
            if raw is None or item.name == "allowed_suffixes":
                continue
            values[item.name] = _convert(item.name, raw, type(getattr(defaults, item.name)))
        values.update(overrides)
        settings = cls(**values)
        settings.validate()
        return settings

    def validate(self) -> None:
        positive = ("workers", "max_files", "max_upload_mb", "max_request_mb", "worker_memory_mb",
                    "job_timeout_seconds", "uploads_per_minute", "requests_per_minute",
                    "connections_per_ip", "max_connections", "header_timeout_seconds",
                    "body_timeout_seconds", "upload_seconds")
        for name in positive:
            if getattr(self, name) <= 0:
                raise ValueError(f"YUSUAN_{name.upper()} 必须大于 0。")
        if self.max_request_mb < self.max_upload_mb:
            raise ValueError("YUSUAN_MAX_REQUEST_MB 不能小于 YUSUAN_MAX_UPLOAD_MB。")

    def bind_host(self) -> str:
        """The address to listen on: without a token only the loopback address."""
        return self.host if self.token or is_loopback(self.host) else LOOPBACK


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _convert(name: str, raw: str, kind: type) -> Any:
    try:
        return kind(raw) if kind in (int, float) else raw
    except ValueError:
        raise ValueError(f"YUSUAN_{name.upper()} 应是一个数，而不是 {raw!r}。") from None
