"""Settings from a configuration file, found as ruff finds its own: from the working folder up,
the first `yusuan.toml` (settings at its top level) or `pyproject.toml` with a `[tool.yusuan]`
table. Command-line options win over the file.

    select = ["TOTAL", "arithmetic"]   # rule ids, prefixes or categories
    ignore = ["NARRATIVE.UNITS"]
    min-severity = "warning"           # error | warning | info
    fail-on = "warning"                # error | warning
    baseline = "yusuan-baseline.json"  # relative to the configuration file
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from yusuan.errors import InputError
from yusuan.kept.dataclass_code import dataclass, field

KEYS = ("select", "ignore", "min-severity", "fail-on", "baseline")


@dataclass(frozen=True, slots=True)
class Config:
    """The settings read from the configuration file (none when there is no file)."""

    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def baseline(self) -> str | None:
        """The baseline file, relative to the configuration file's folder."""
        value = self.values.get("baseline")
        if not value or self.path is None:
            return value
        return str(self.path.parent / str(value))


def find_config(start: Path | None = None) -> Path | None:
    """The nearest yusuan.toml, or pyproject.toml with [tool.yusuan], from `start` up."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / "yusuan.toml"
        if own.is_file():
            return own
        project = candidate / "pyproject.toml"
        if project.is_file() and _names_yusuan(project) and "yusuan" in _load(project).get(
                "tool", {}):
            return project
    return None


def _names_yusuan(project: Path) -> bool:
    """Whether `project` may hold a [tool.yusuan] table: a pyproject.toml of another tool,
    never naming yusuan, is passed over without the TOML parser (a few milliseconds a run)."""
    try:
        return b"yusuan" in project.read_bytes()
    except OSError:
        return True  # let the parser's reading say what is wrong


def load_config(path: str | Path | None = None, start: Path | None = None) -> Config:
    """The settings of `path`, or of the configuration file found from `start` up."""
    found = Path(path) if path else find_config(start)
    if found is None:
        return Config()
    if not found.is_file():
        raise InputError(f"配置文件 {found} 不存在。", f"configuration file {found}: no such file.")
    data = _load(found)
    if found.name == "pyproject.toml":
        data = data.get("tool", {}).get("yusuan", {})
    values = {key.replace("_", "-"): value for key, value in data.items()}
    unknown = sorted(set(values) - set(KEYS))
    if unknown:
        raise InputError(f"配置文件 {found} 中有未知的设置：{'、'.join(unknown)}"
                         f"（可用：{'、'.join(KEYS)}）。",
                         f"configuration file {found}: unknown setting(s) {', '.join(unknown)} "
                         f"(known: {', '.join(KEYS)}).")
    return Config(found, values)


def _load(path: Path) -> dict[str, Any]:
    import tomllib  # only when a configuration file is found: most checks have none

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise InputError(f"配置文件 {path} 无法读取：{error}",
                         f"configuration file {path} cannot be read: {error}") from None
