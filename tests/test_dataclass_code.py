"""yusuan.kept.dataclass_code: a yusuan dataclass made from kept code objects behaves as one made
by `dataclasses` alone, and a file that is missing, damaged, foreign, untrusted or turned off
changes nothing but the time taken."""

from __future__ import annotations

import dataclasses
import importlib.util
import inspect
import json
import marshal
import os
import re
import subprocess
import sys
import types
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from yusuanmodules import import_every_module

from yusuan.kept import dataclass_code, files

ROOT = Path(__file__).resolve().parents[1]
needs_create_fn = pytest.mark.skipif(not hasattr(dataclasses, "_create_fn"),
                                     reason="this Python's dataclasses has no _create_fn")

PROBE = '''
from __future__ import annotations

from yusuan.kept.dataclass_code import dataclass, field


@dataclass
class Plain:
    name: str
    amount: float = 0.0
    tags: list[str] = field(default_factory=list)
    length: int = field(init=False, default=-1)

    def __post_init__(self) -> None:
        self.length = len(self.name)


@dataclass(frozen=True, slots=True)
class Frozen:
    code: str
    year: int = 2026
    note: str = field(default="", compare=False, repr=False)


@dataclass(order=True)
class Ordered:
    rank: int
    label: str = field(default="x", hash=False)


@dataclass(unsafe_hash=True, kw_only=True)
class KeywordsOnly:
    first: int
    second: tuple[int, ...] = ()


@dataclass(slots=True)
class Child(Plain):
    extra: dict[str, int] = field(default_factory=dict)
'''


def probe(folder: Path, name: str) -> types.ModuleType:
    """PROBE's classes made anew, in a module called `name` (its classes' `__module__`)."""
    path = folder / f"{name.replace('.', '_')}.py"
    path.write_text(PROBE, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


def outcome(action: Callable[[], Any]) -> Any:
    try:
        return ("value", action())
    except Exception as error:  # noqa: BLE001 - the error is the outcome compared
        return ("error", type(error).__name__, str(error))


def behaviour(module: types.ModuleType) -> list[Any]:
    """What the probe's classes do: construction, defaults, repr, eq, order, hash, frozen and
    slots errors, __post_init__, field(init=False), keyword-only arguments."""
    plain, frozen = module.Plain, module.Frozen
    ordered, keywords, child = module.Ordered, module.KeywordsOnly, module.Child
    first = plain("预算", 1.5)
    shut = frozen("201", note="n")

    def assign() -> None:
        shut.code = "x"

    def delete() -> None:
        del shut.year

    def new_attribute() -> None:
        child("a").other = 1

    checks: list[Callable[[], Any]] = [
        lambda: repr(first), lambda: first == plain("预算", 1.5), lambda: first == plain("预算"),
        lambda: plain("a").tags is not plain("a").tags, lambda: first.length,
        lambda: plain(), lambda: plain("a", length=3), lambda: plain.__doc__,
        lambda: repr(shut), lambda: shut == frozen("201", note="other"), lambda: hash(shut),
        assign, delete, lambda: hasattr(shut, "__dict__"), lambda: frozen.__slots__,
        lambda: repr(sorted([ordered(2), ordered(1, "b"), ordered(1, "a")])),
        lambda: ordered(1) < ordered(1, "y"), lambda: ordered.__hash__,
        lambda: repr(keywords(first=1)), lambda: keywords(1), lambda: hash(keywords(first=1)),
        lambda: repr(child("ab", extra={"k": 1})), lambda: child("ab").length, new_attribute,
        lambda: child("a") == plain("a"), lambda: child.__slots__,
    ]
    return [outcome(check) for check in checks]


def methods(module: types.ModuleType) -> Iterator[tuple[str, types.CodeType]]:
    for name in ("Plain", "Frozen", "Ordered", "KeywordsOnly", "Child"):
        cls = getattr(module, name)
        for method in ("__init__", "__repr__", "__eq__", "__lt__", "__hash__", "__setattr__",
                       "__delattr__"):
            function = cls.__dict__.get(method)
            if isinstance(function, types.FunctionType):
                yield f"{name}.{method}", function.__code__


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache folder and fresh code state, as in a new process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(files.SWITCH, raising=False)
    new_run(monkeypatch)
    return tmp_path / "cache"


def new_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dataclass_code, "_CODES", dataclass_code._new_codes())


def without_hook(folder: Path, monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """The probe made by `dataclasses` alone."""
    with monkeypatch.context() as patch:
        patch.delattr(dataclasses, "exec", raising=False)
        return probe(folder, "yusuan.probe_plain")


def kept_file() -> Path:
    return Path(dataclass_code._CODES.cache_path() or "")


@needs_create_fn
def test_the_hook_is_installed_on_this_pythons_dataclasses() -> None:
    assert vars(dataclasses)["exec"] is dataclass_code.exec


@needs_create_fn
def test_a_class_made_from_kept_code_behaves_as_one_dataclasses_makes(
        own_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = without_hook(tmp_path, monkeypatch)
    assert dataclass_code._CODES.added == {}  # nothing went through the hook
    compiled = probe(tmp_path, "yusuan.probe_compiled")
    assert len(dataclass_code._CODES.added) >= 15  # compiled now, to be kept
    dataclass_code._CODES.save_added()
    new_run(monkeypatch)
    loaded = probe(tmp_path, "yusuan.probe_loaded")
    assert dataclass_code._CODES.added == {}  # every method's code came from the file
    expected = behaviour(plain)
    assert ("error", "FrozenInstanceError", "cannot assign to field 'code'") in expected
    assert behaviour(compiled) == expected
    assert behaviour(loaded) == expected
    for (name, code), (_, compiled_code), (_, loaded_code) in zip(
            methods(plain), methods(compiled), methods(loaded), strict=True):
        for other in (compiled_code, loaded_code):
            assert other == code, name  # the same bytecode, constants, names, line table
            assert (other.co_filename, other.co_qualname) == (code.co_filename, code.co_qualname)


@needs_create_fn
def test_the_file_holds_each_method_text_and_a_second_run_compiles_none(
        own_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    probe(tmp_path, "yusuan.probe_first")
    texts = set(dataclass_code._CODES.added)
    dataclass_code._CODES.save_added()
    path = kept_file()
    assert path.parent == own_cache / "yusuan" and path.name.startswith("dataclass-code-")
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left
    kept = files.load(str(path), dataclass_code._HEADER)
    assert set(kept) == texts and all(text.startswith("def __create_fn__(") for text in texts)
    assert all(type(code) is types.CodeType for code in kept.values())
    new_run(monkeypatch)
    compiled: list[Any] = []
    real_compile = compile

    def counted(source: Any, *args: Any, **kwargs: Any) -> Any:
        compiled.append(source)
        return real_compile(source, *args, **kwargs)

    monkeypatch.setattr(dataclass_code.builtins, "compile", counted)
    probe(tmp_path, "yusuan.probe_second")
    assert [text for text in compiled if text in texts] == []
    assert dataclass_code._CODES.asked == texts


def damaged_files(good: bytes) -> list[bytes]:
    header, checksum, payload = marshal.loads(good)
    kept = marshal.loads(payload)
    not_code = marshal.dumps({text: "x = 1" for text in kept})
    return [b"", b"not marshal at all", good[: len(good) // 2], good[:-3] + b"xyz",
            marshal.dumps((header[:2] + (b"\x00\x00\r\n",) + header[3:], checksum, payload)),
            marshal.dumps((header, checksum ^ 1, payload)),
            marshal.dumps([1, 2, 3]),
            marshal.dumps((header, zlib.crc32(not_code), not_code))]


@needs_create_fn
def test_a_damaged_or_foreign_file_falls_back_to_compiling(
        own_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = behaviour(without_hook(tmp_path, monkeypatch))
    probe(tmp_path, "yusuan.probe_first")
    texts = set(dataclass_code._CODES.added)
    dataclass_code._CODES.save_added()
    path = kept_file()
    for number, damaged in enumerate(damaged_files(path.read_bytes())):
        path.write_bytes(damaged)
        new_run(monkeypatch)
        assert behaviour(probe(tmp_path, f"yusuan.probe_{number}")) == expected
        assert set(dataclass_code._CODES.added) == texts, number  # compiled afresh, to be kept
        dataclass_code._CODES.save_added()  # and the file is whole again
        assert set(files.load(str(path), dataclass_code._HEADER)) == texts


@needs_create_fn
@pytest.mark.skipif(os.name != "posix", reason="owners and modes are POSIX's")
def test_a_file_others_may_write_is_not_read(own_cache: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A code object read from the file is run as the method it claims to be."""
    probe(tmp_path, "yusuan.probe_first")
    dataclass_code._CODES.save_added()
    path = kept_file()
    assert files.load(str(path), dataclass_code._HEADER)
    path.chmod(0o602)
    new_run(monkeypatch)
    probe(tmp_path, "yusuan.probe_second")
    assert len(dataclass_code._CODES.added) >= 15  # all compiled afresh


@needs_create_fn
def test_turned_off_no_file_is_written(own_cache: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from yusuan import regexes

    monkeypatch.setenv(files.SWITCH, "off")
    monkeypatch.setattr(regexes, "_PROGRAMS", regexes._new_programs())
    expected = behaviour(without_hook(tmp_path, monkeypatch))
    assert behaviour(probe(tmp_path, "yusuan.probe_off")) == expected
    regexes.compile(r"第(\d+)号")
    dataclass_code._CODES.save_added()
    regexes._PROGRAMS.save_added()
    assert dataclass_code._CODES.cache_path() is None and regexes._PROGRAMS.cache_path() is None
    assert not own_cache.exists()


@needs_create_fn
def test_classes_of_other_modules_and_other_texts_go_to_exec_as_they_came(
        own_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = behaviour(without_hook(tmp_path, monkeypatch))
    assert behaviour(probe(tmp_path, "elsewhere.probe")) == expected
    assert behaviour(probe(tmp_path, "yusuanlike")) == expected
    namespace: dict[str, Any] = {}
    dataclasses.exec("made = 1", {"__name__": "yusuan.other"}, namespace)
    assert namespace == {"made": 1}
    assert dataclass_code._CODES.asked == set() and dataclass_code._CODES.added == {}
    seen: dict[str, Any] = {}
    dataclasses.exec("seen['name'] = __name__", None, {"seen": seen})
    assert seen == {"name": __name__}  # the caller's globals, as the builtin would take them


def create_fn(flags: int = 0) -> Callable[[str], None]:
    """A `_create_fn` that calls the global `exec`, compiled with the `__future__` `flags`."""
    namespace: dict[str, Any] = {}
    source = "def _create_fn(text):\n    exec(text)\n"
    exec(compile(source, "<dataclasses>", "exec", flags, dont_inherit=True),  # noqa: S102
         namespace)
    return namespace["_create_fn"]


def a_module(name: str, **attributes: Any) -> types.ModuleType:
    module = types.ModuleType(name)
    vars(module).update(attributes)
    return module


def test_a_dataclasses_module_of_another_shape_is_left_as_it_is() -> None:
    import __future__

    own_exec = object()
    left_alone = [a_module("without_create_fn"),
                  a_module("with_exec", _create_fn=create_fn(), exec=own_exec),
                  a_module("with_future", _create_fn=create_fn(
                      __future__.annotations.compiler_flag))]
    for module in left_alone:
        dataclass_code.install(module)
        assert vars(module).get("exec") in (None, own_exec), module.__name__
    fits = a_module("fits", _create_fn=create_fn())
    dataclass_code.install(fits)
    assert vars(fits)["exec"] is dataclass_code.exec


EVERY_CLASS = """
import dataclasses, json, sys
from yusuan.kept import dataclass_code

original = dataclasses._create_fn
made = []

def both(name, args, body, *, globals=None, locals=None, return_type=dataclasses.MISSING):
    function = original(name, args, body, globals=globals, locals=dict(locals or {}),
                        return_type=return_type)
    hook = vars(dataclasses).pop("exec")
    try:
        plain = original(name, args, body, globals=globals, locals=dict(locals or {}),
                         return_type=return_type)
    finally:
        dataclasses.exec = hook
    assert function.__code__ == plain.__code__, (globals.get("__name__"), name)
    assert function.__code__.co_filename == plain.__code__.co_filename
    made.append(globals.get("__name__"))
    return function

dataclasses._create_fn = both
sys.path.insert(0, sys.argv[1])
from yusuanmodules import import_every_module
import_every_module()
print(json.dumps({"made": made, "compiled": len(dataclass_code._CODES.added)}))
"""


@needs_create_fn
def test_every_yusuan_dataclass_method_compiled_or_loaded_is_what_exec_compiles(
        tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop(files.SWITCH, None)
    runs = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", EVERY_CLASS, str(Path(__file__).parent)],
                              capture_output=True, text=True, env=env, check=False, timeout=300)
        assert done.returncode == 0, done.stderr
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    first, second = runs
    assert len([name for name in first["made"] if name.startswith("yusuan.")]) > 300
    assert first["compiled"] > 250  # the distinct texts, compiled by the hook and kept
    assert second["made"] == first["made"] and second["compiled"] == 0  # all from the file


def test_no_module_of_src_makes_a_dataclass_past_the_kept_code() -> None:
    """Importing `dataclass` from yusuan.kept.dataclass_code loads it (and its hook) first."""
    direct = re.compile(r"from dataclasses import [^\n]*\bdataclass\b|dataclasses\.dataclass\b"
                        r"|make_dataclass")
    modules = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "src").rglob("*.py")
                     if path.name != "dataclass_code.py"
                     and direct.search(path.read_text(encoding="utf-8")))
    assert modules == []


def test_every_yusuan_dataclass_has_its_own_docstring() -> None:
    """Without one, `dataclasses` writes `__doc__` from `inspect.signature` as each class is made
    (about 0.1 ms a class, at every start)."""
    import_every_module()
    undocumented = sorted(
        f"{cls.__module__}.{cls.__qualname__}"
        for name, module in list(sys.modules.items()) if name.startswith("yusuan.")
        for cls in vars(module).values()
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == name
        and cls.__doc__ == cls.__name__ + str(inspect.signature(cls)).replace(" -> None", ""))
    assert undocumented == []


TWO_RUNS = """
import sys
from yusuan.cli import main
try:
    main(["check", "--format", "json", sys.argv[1]])
except SystemExit:
    pass
"""


def test_a_second_check_reads_the_file_and_writes_nothing(tmp_path: Path) -> None:
    document = tmp_path / "budget.txt"
    document.write_text("某某单位2026年部门预算\n一、收支总表\n单位：万元\n项目\t预算数\n合计\t1.00\n",
                        encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop(files.SWITCH, None)
    reports, states = [], []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", TWO_RUNS, str(document)],
                              capture_output=True, text=True, env=env, check=False, timeout=120)
        reports.append(done.stdout)
        kept = sorted((tmp_path / "cache" / "yusuan").glob("dataclass-code-*.marshal"))
        assert len(kept) == 1, done.stderr
        status = kept[0].stat()
        states.append((status.st_ino, status.st_mtime_ns, status.st_size))
    assert '"schema": "yusuan.check/1"' in reports[0] and reports[1] == reports[0]
    assert states[1] == states[0]  # nothing new to write: every method came from the file
