"""Every module of yusuan imported, for the tests that look at what all of them define."""

from __future__ import annotations

import importlib
import pkgutil

import yusuan


def import_every_module() -> None:
    """Import each module of the package but `__main__` (it would run the command); a module
    whose optional library (OCR, a database driver) is not installed is passed over."""
    for info in pkgutil.walk_packages(yusuan.__path__, "yusuan."):
        if info.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(info.name)
        except ImportError:
            continue
