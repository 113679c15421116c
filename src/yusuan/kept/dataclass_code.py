"""Dataclasses whose generated methods are compiled once per installation, not once per run.

`dataclass` and `field` are the standard library's; yusuan's modules import them from here so
that this module is loaded before the first yusuan dataclass is made. Python 3.11's
`dataclasses` writes each class's `__init__`, `__repr__`, `__eq__`, `__hash__` and a frozen
class's `__setattr__`/`__delattr__` as source text and compiles it (`_create_fn` calls
`exec(text, globals, ns)`) every time the class is made: about 320 compilations, some 0.04 s of
every start. The code object compiled from each text is kept in one file in the user's cache
folder and run again when the very same text comes in a later run.

How the compile step is reached: `_create_fn` looks `exec` up as a global of the `dataclasses`
module, found in builtins only because the module has no `exec` of its own. `install` gives it
one, `exec` below, once, and only when this Python's `dataclasses` is the one described here
(a `_create_fn` that calls a global `exec`, no `exec` of its own, no `__future__` features);
another Python's `dataclasses` (3.13 writes a class's methods as one text) is left as it is and
its classes compiled as usual.

Why the semantics are exactly `exec(text, globals, ns)`: `exec` of a string compiles it as
`compile(text, "<string>", "exec")` with the interpreter's optimisation level and the calling
code's `__future__` features. `dataclasses` has none, neither has this module (it must never
import `annotations` from `__future__`), so `compile(text, "<string>", "exec",
dont_inherit=True)` makes the code `exec` would make, and that code object is then run by the
builtin `exec` with the same globals and namespace. Only text that starts as `_create_fn`'s
does (`def __create_fn__(`) for a class of a yusuan module (`globals` is the module's
namespace) takes that path: every other call, from any library's dataclasses, is handed to the
builtin `exec` as it came (with this call's caller's globals and locals when it gave none,
which the builtin would otherwise take from this frame).

The file (`dataclass-code-*.marshal`, `yusuan.kept.files`: the folder, trust, whole writes,
YUSUAN_CACHE=off) is keyed by the Python build, its bytecode magic number and the optimisation
level, so a code object of another Python or of `-O` is never loaded; an entry that is not a
code object is compiled afresh. It holds only yusuan's own classes' texts (about 320), and
past 2,048 entries a write keeps only what its own run asked for (old versions' texts).
"""

import builtins
import dataclasses
import sys
from dataclasses import dataclass, field
from importlib.util import MAGIC_NUMBER
from types import CodeType
from typing import Any

from yusuan.kept import files

__all__ = ["dataclass", "field", "install"]

_FORMAT = 1
_HEADER = (_FORMAT, sys.version, MAGIC_NUMBER, sys.flags.optimize)
_MOST_CODES = 2048
_TEXT_START = "def __create_fn__("  # how `_create_fn`'s text begins


def _new_codes() -> files.Kept:
    """The code objects loaded from the file, those this run added, the texts it asked for."""
    return files.Kept("dataclass-code", _HEADER, _MOST_CODES)


_CODES = _new_codes()


def exec(source: Any, globals: Any = None, locals: Any = None, /, **options: Any) -> None:
    """The builtin `exec`, running a yusuan class's method text from its kept code object."""
    if globals is None:  # the builtin would take them from the frame that called it: this one's
        caller = sys._getframe(1)
        globals = caller.f_globals
        if locals is None:
            locals = caller.f_locals
    elif type(source) is str and not options and _is_yusuans(globals):
        source = _code_of(source)
    builtins.exec(source, globals, locals, **options)  # noqa: S102 - what dataclasses asked for


def _is_yusuans(globals: Any) -> bool:
    name = globals.get("__name__") if type(globals) is dict else None
    return type(name) is str and (name == "yusuan" or name.startswith("yusuan."))


def _code_of(text: str) -> CodeType | str:
    """The code object `exec(text)` would compile for a method text of `dataclasses`, else
    `text` itself."""
    if not text.startswith(_TEXT_START):
        return text
    code = _CODES.get(text)
    if type(code) is CodeType:
        return code
    if code is not None:
        _CODES.forget(text)
    code = builtins.compile(text, "<string>", "exec", dont_inherit=True)
    _CODES.add(text, code)
    return code


def install(module: Any = dataclasses) -> None:
    """Give `module` (`dataclasses`) the `exec` above, when its `_create_fn` is the one this
    was made for and it has no `exec` yet; else leave it as it is."""
    import __future__

    code = getattr(getattr(module, "_create_fn", None), "__code__", None)
    features = 0
    for name in __future__.all_feature_names:
        features |= getattr(__future__, name).compiler_flag
    fits = (isinstance(code, CodeType) and "exec" in code.co_names
            and not code.co_flags & features and not exec.__code__.co_flags & features
            and "exec" not in vars(module))
    if fits:
        module.exec = exec


install()
