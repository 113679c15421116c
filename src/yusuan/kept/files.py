"""One file of entries kept between runs in the user's cache folder.

The folder is `$XDG_CACHE_HOME/yusuan`, else `~/.cache/yusuan` (none when neither is an absolute
path). A file holds one marshalled dict; its name carries the Python's cache tag and a CRC of
its header (the Python build and whatever else decides whether an entry is valid), and the file
starts with that header and a CRC of the dict, so a file of another Python, a damaged or foreign
file, or one another user could have written reads as empty. Entries a run adds are written
when the process ends, the file read again and joined with them, then written whole into a
temporary file renamed over the old one: a run never reads half a file, and runs at once at
worst write the same file twice. A folder that cannot be written is passed over silently.
YUSUAN_CACHE=off turns every such file off (each may have its own switch besides).
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
import zlib
from typing import Any

_OFF = frozenset({"off", "0", "no"})
SWITCH = "YUSUAN_CACHE"  # every kept file's


class Kept:
    """One file's entries: those loaded from it (on the first `get`), those this run added
    and the keys it asked for."""

    def __init__(self, stem: str, header: tuple[Any, ...], most: int,
                 switch: str = SWITCH) -> None:
        self.stem, self.header, self.most, self.switch = stem, header, most, switch
        self.known: dict[Any, Any] | None = None
        self.added: dict[Any, Any] = {}
        self.asked: set[Any] = set()
        self.path: str | None = None  # where added entries go; None when they cannot be kept

    @property
    def learns(self) -> bool:
        """Whether entries added now are kept (known after the first `get`)."""
        return self.path is not None

    def cache_path(self) -> str | None:
        """This file's path, or None when turned off or without a cache folder."""
        return cache_path(self.stem, self.header, self.switch)

    def get(self, key: Any) -> Any:
        """The entry kept for `key`, or None."""
        known = self.known if self.known is not None else self._load_known()
        self.asked.add(key)
        return known.get(key)

    def forget(self, key: Any) -> None:
        """Drop an entry this run found unusable (it is not written again unless re-added)."""
        if self.known is not None:
            self.known.pop(key, None)

    def add(self, key: Any, value: Any) -> None:
        """Keep `value` for `key`, written at exit; nothing when the file cannot be written."""
        if self.path is None:
            return
        if not self.added:
            atexit.register(self.save_added)
        self.added[key] = value
        if self.known is not None:
            self.known[key] = value

    def _load_known(self) -> dict[Any, Any]:
        """The kept entries; a run that could not write the file learns none (it would work out
        every new entry twice for nothing)."""
        path = self.cache_path()
        self.known = load(path, self.header) if path else {}
        self.path = path if path and writable(os.path.dirname(path)) else None
        return self.known

    def save_added(self) -> None:
        """At exit: this run's new entries joined to what the file holds by now (another run
        may have written it meanwhile); past `most` entries only those this run asked for."""
        path = self.path
        if path is None or not self.added:
            return
        entries = load(path, self.header)
        entries.update(self.added)
        if len(entries) > self.most:
            known = self.known or {}
            entries = {key: known[key] for key in self.asked if key in known}
        try:
            save(path, self.header, entries)
        except (OSError, ValueError):
            pass
        self.added = {}


def cache_path(stem: str, header: tuple[Any, ...], switch: str) -> str | None:
    """The file `stem` for `header`, or None when YUSUAN_CACHE or the file's own `switch` is
    off, or there is no cache folder."""
    if any(os.environ.get(name, "").lower() in _OFF for name in {SWITCH, switch}):
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):  # no home folder: no cache, rather than one in the working folder
        return None
    tag = f"{sys.implementation.cache_tag}-{zlib.crc32(repr(header).encode()):08x}"
    return os.path.join(base, "yusuan", f"{stem}-{tag}.marshal")


def load(path: str, header: tuple[Any, ...]) -> dict[Any, Any]:
    """The entries kept in `path`; empty when it is missing, damaged, untrusted or its header
    is not `header`."""
    try:
        with open(path, "rb") as file:
            if not _trusted(os.fstat(file.fileno())) or not _trusted(os.stat(os.path.dirname(path))):
                return {}
            kept_header, checksum, payload = marshal.loads(file.read())
        if kept_header != header or zlib.crc32(payload) != checksum:
            return {}
        entries = marshal.loads(payload)
    except Exception:  # noqa: BLE001 - a damaged file raises many types: read as empty
        return {}
    return entries if isinstance(entries, dict) else {}


def _trusted(status: os.stat_result) -> bool:
    """Whether a file or folder of the cache is the user's own and only theirs to write: what
    is read from it is run as what it claims to be."""
    if os.name != "posix":
        return True
    return status.st_uid == os.geteuid() and not status.st_mode & 0o022


def save(path: str, header: tuple[Any, ...], entries: dict[Any, Any]) -> None:
    """Write `entries` to `path` whole: a temporary file beside it, renamed over it."""
    payload = marshal.dumps(entries)
    data = marshal.dumps((header, zlib.crc32(payload), payload))
    import tempfile  # only a run that learnt something pays for it

    folder = os.path.dirname(path)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def writable(folder: str) -> bool:
    """Whether `folder` can be written, or made in the nearest folder above it that exists."""
    while not os.path.lexists(folder) and os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
    return os.path.isdir(folder) and os.access(folder, os.W_OK)
