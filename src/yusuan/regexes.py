"""Regular expressions compiled once per installation, not once per run.

`compile(pattern, flags)` returns the same `re.Pattern` as `re.compile`. Compiling yusuan's
several hundred patterns (a CJK range such as [\u4e00-\u9fff] alone takes a millisecond) was
about half of what a `yusuan check` spends before it reads anything, so the program the regular
expression compiler makes of each pattern is kept in one file in the user's cache folder
(`$XDG_CACHE_HOME/yusuan`, else `~/.cache/yusuan`) and a later run only hands it to `_sre`.

The file is keyed by the Python build, the regular expression engine's version and the widest
character; a file of another Python, a damaged or foreign file, or a program the engine refuses
is ignored and the pattern compiled as usual. A program is kept only after the Pattern made from
it compared equal to `re.compile`'s (same pattern, flags and compiled code). New programs are
written when the process ends, whole into a temporary file renamed over the old one, so a run
never reads half a file and runs at once at worst write the same file twice; a folder that
cannot be written is passed over silently. YUSUAN_REGEX_CACHE=off turns the file off.
"""

from __future__ import annotations

import _sre
import atexit
import marshal
import os
import re
import sys
import zlib
from array import array
from typing import Any

_FORMAT = 2
_HEADER = (_FORMAT, sys.version, _sre.MAGIC, sys.maxunicode, _sre.CODESIZE)
_MOST_PROGRAMS = 4096  # past this, a write keeps only what its own run compiled

Key = tuple[Any, int]  # (pattern, flags as given)
# flags, the code as bytes of unsigned ints, groups - 1, name → group, group → name
Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


class _Programs:
    """The programs loaded from the file, those this run added, and the keys it asked for."""

    def __init__(self) -> None:
        self.known: dict[Key, Program] | None = None
        self.added: dict[Key, Program] = {}
        self.asked: set[Key] = set()
        self.path: str | None = None


_PROGRAMS = _Programs()


def compile(pattern: Any, flags: int = 0) -> re.Pattern[Any]:
    """`re.compile(pattern, flags)`, from the kept program when there is one."""
    if type(pattern) not in (str, bytes) or flags & re.DEBUG:  # a str subclass: not marshalled
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    known = _PROGRAMS.known if _PROGRAMS.known is not None else _load_known()
    _PROGRAMS.asked.add(key)
    program = known.get(key)
    if program is not None:
        try:
            return _made(pattern, program)
        except Exception:  # noqa: BLE001 - a program this engine refuses: compile afresh
            known.pop(key, None)
    compiled = re.compile(pattern, flags)
    if _PROGRAMS.path is not None and (program := program_of(pattern, int(flags), compiled)):
        if not _PROGRAMS.added:
            atexit.register(_save_added)
        _PROGRAMS.added[key] = program
        known[key] = program
    return compiled


def program_of(pattern: str | bytes, flags: int,
               compiled: re.Pattern[Any]) -> Program | None:
    """What `re._compiler.compile` hands to `_sre` for `pattern`, or None when this Python's
    compiler works otherwise or the Pattern made from it differs from `compiled`."""
    try:
        from re import _compiler, _parser

        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        program = (int(flags | parsed.state.flags), array("I", code).tobytes(),
                   int(parsed.state.groups - 1), groupindex, tuple(indexgroup))
        remade = _made(pattern, program)
    except Exception:  # noqa: BLE001 - another Python's compiler: keep no program
        return None
    same = (remade == compiled and remade.groups == compiled.groups
            and remade.groupindex == compiled.groupindex)
    return program if same else None


def _made(pattern: str | bytes, program: Program) -> re.Pattern[Any]:
    flags, code, groups, groupindex, indexgroup = program
    return _sre.compile(pattern, flags, memoryview(code).cast("I").tolist(), groups,
                        groupindex, indexgroup)


def cache_path() -> str | None:
    """The file of this Python's programs, or None when the cache is turned off."""
    if os.environ.get("YUSUAN_REGEX_CACHE", "").lower() in {"off", "0", "no"}:
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):  # no home folder: no cache, rather than one in the working folder
        return None
    tag = f"{sys.implementation.cache_tag}-{zlib.crc32(repr(_HEADER).encode()):08x}"
    return os.path.join(base, "yusuan", f"regex-programs-{tag}.marshal")


def load_programs(path: str) -> dict[Key, Program]:
    """The programs kept in `path`; empty when it is missing, damaged or of another Python."""
    try:
        with open(path, "rb") as file:
            if not _trusted(os.fstat(file.fileno())) or not _trusted(os.stat(os.path.dirname(path))):
                return {}
            header, checksum, payload = marshal.loads(file.read())
        if header != _HEADER or zlib.crc32(payload) != checksum:
            return {}
        programs = marshal.loads(payload)
    except Exception:  # noqa: BLE001 - a damaged file raises many types: read as empty
        return {}
    return programs if isinstance(programs, dict) else {}


def _trusted(status: os.stat_result) -> bool:
    """Whether a file or folder of the cache is the user's own and only theirs to write: a
    program read from it is run as the pattern it claims to be."""
    if os.name != "posix":
        return True
    return status.st_uid == os.geteuid() and not status.st_mode & 0o022


def save_programs(path: str, programs: dict[Key, Program]) -> None:
    """Write `programs` to `path` whole: a temporary file beside it, renamed over it."""
    payload = marshal.dumps(programs)
    data = marshal.dumps((_HEADER, zlib.crc32(payload), payload))
    import tempfile  # only a run that learnt something pays for it

    folder = os.path.dirname(path)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".regex-programs-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _load_known() -> dict[Key, Program]:
    """The kept programs; a run that could not write the file learns none (it would compile
    every new pattern twice for nothing)."""
    path = cache_path()
    _PROGRAMS.known = load_programs(path) if path else {}
    _PROGRAMS.path = path if path and _writable(os.path.dirname(path)) else None
    return _PROGRAMS.known


def _writable(folder: str) -> bool:
    """Whether `folder` can be written, or made in the nearest folder above it that exists."""
    while not os.path.lexists(folder) and os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
    return os.path.isdir(folder) and os.access(folder, os.W_OK)


def _save_added() -> None:
    """At exit: this run's new programs joined to what the file holds by now (another run may
    have written it meanwhile); nothing happens when the folder cannot be written."""
    path = _PROGRAMS.path
    if path is None or not _PROGRAMS.added:
        return
    programs = load_programs(path)
    programs.update(_PROGRAMS.added)
    if len(programs) > _MOST_PROGRAMS:
        known = _PROGRAMS.known or {}
        programs = {key: known[key] for key in _PROGRAMS.asked if key in known}
    try:
        save_programs(path, programs)
    except (OSError, ValueError):
        pass
    _PROGRAMS.added = {}
