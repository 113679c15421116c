"""Regular expressions compiled once per installation, not once per run.

`compile(pattern, flags)` returns the same `re.Pattern` as `re.compile`, and `search`, `match`,
`fullmatch`, `sub`, `subn`, `split`, `findall` and `finditer` do what `re`'s functions of those
names do, their patterns made once per run as `re` makes them. Compiling yusuan's
several hundred patterns (a CJK range such as [\u4e00-\u9fff] alone takes a millisecond) was
about half of what a `yusuan check` spends before it reads anything, so the program the regular
expression compiler makes of each pattern is kept in one file in the user's cache folder
(`$XDG_CACHE_HOME/yusuan`, else `~/.cache/yusuan`) and a later run only hands it to `_sre`.

The file is keyed by the Python build, the regular expression engine's version and the widest
character; a file of another Python, a damaged or foreign file, or a program the engine refuses
is ignored and the pattern compiled as usual. A program is kept only after the Pattern made from
it compared equal to `re.compile`'s (same pattern, flags and compiled code). New programs are
written when the process ends (`yusuan.kept.files`: folder, trust, whole writes); a folder that
cannot be written is passed over silently. YUSUAN_REGEX_CACHE=off (or YUSUAN_CACHE=off, every
kept file) turns the file off.
"""

from __future__ import annotations

import _sre
import re
import sys
from array import array
from collections.abc import Iterator
from typing import Any

from yusuan.kept import files

_FORMAT = 2
_HEADER = (_FORMAT, sys.version, _sre.MAGIC, sys.maxunicode, _sre.CODESIZE)
_MOST_PROGRAMS = 4096  # past this, a write keeps only what its own run compiled

# flags, the code as bytes of unsigned ints, groups - 1, name → group, group → name
Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


def _new_programs() -> files.Kept:
    """The programs loaded from the file, those this run added, and the keys it asked for."""
    return files.Kept("regex-programs", _HEADER, _MOST_PROGRAMS, "YUSUAN_REGEX_CACHE")


_PROGRAMS = _new_programs()


def compile(pattern: Any, flags: int = 0) -> re.Pattern[Any]:
    """`re.compile(pattern, flags)`, from the kept program when there is one."""
    if type(pattern) not in (str, bytes) or flags & re.DEBUG:  # a str subclass: not marshalled
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    program = _PROGRAMS.get(key)
    if program is not None:
        try:
            return _made(pattern, program)
        except Exception:  # noqa: BLE001 - a program this engine refuses: compile afresh
            _PROGRAMS.forget(key)
    compiled = re.compile(pattern, flags)
    if _PROGRAMS.learns and (program := program_of(pattern, int(flags), compiled)):
        _PROGRAMS.add(key, program)
    return compiled


_MOST_IN_USE = 512  # patterns made this run kept for the module-level calls, as `re` keeps them
_IN_USE: dict[tuple[type, Any, int], re.Pattern[Any]] = {}


def _in_use(pattern: Any, flags: int) -> re.Pattern[Any]:
    """The Pattern for a module-level call: made once per run (as `re`'s own cache does), from
    the kept program when there is one."""
    key = (type(pattern), pattern, flags)
    found = _IN_USE.get(key)
    if found is None:
        if len(_IN_USE) >= _MOST_IN_USE:
            _IN_USE.clear()
        found = _IN_USE[key] = compile(pattern, flags)
    return found


def search(pattern: Any, string: Any, flags: int = 0) -> re.Match[Any] | None:
    """`re.search`, its pattern made from the kept program."""
    return _in_use(pattern, flags).search(string)


def match(pattern: Any, string: Any, flags: int = 0) -> re.Match[Any] | None:
    """`re.match`, its pattern made from the kept program."""
    return _in_use(pattern, flags).match(string)


def fullmatch(pattern: Any, string: Any, flags: int = 0) -> re.Match[Any] | None:
    """`re.fullmatch`, its pattern made from the kept program."""
    return _in_use(pattern, flags).fullmatch(string)


def sub(pattern: Any, repl: Any, string: Any, count: int = 0, flags: int = 0) -> Any:
    """`re.sub`, its pattern made from the kept program."""
    return _in_use(pattern, flags).sub(repl, string, count)


def subn(pattern: Any, repl: Any, string: Any, count: int = 0, flags: int = 0) -> tuple[Any, int]:
    """`re.subn`, its pattern made from the kept program."""
    return _in_use(pattern, flags).subn(repl, string, count)


def split(pattern: Any, string: Any, maxsplit: int = 0, flags: int = 0) -> list[Any]:
    """`re.split`, its pattern made from the kept program."""
    return _in_use(pattern, flags).split(string, maxsplit)


def findall(pattern: Any, string: Any, flags: int = 0) -> list[Any]:
    """`re.findall`, its pattern made from the kept program."""
    return _in_use(pattern, flags).findall(string)


def finditer(pattern: Any, string: Any, flags: int = 0) -> Iterator[re.Match[Any]]:
    """`re.finditer`, its pattern made from the kept program."""
    return _in_use(pattern, flags).finditer(string)


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
