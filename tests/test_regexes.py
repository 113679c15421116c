"""yusuan.regexes: a Pattern made from a kept program is the Pattern `re.compile` makes, and a
file that is missing, damaged, foreign or unwritable changes nothing but the time taken."""

from __future__ import annotations

import marshal
import os
import re
import runpy
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from seedfiles import SEEDS, require_seeds
from yusuanmodules import import_every_module

from yusuan import regexes
from yusuan.kept import files

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
ODD_LINES = ["", " ", "\t\t", "a", "ABC abc 123", "1,234.56", "-0.00", "（一）", "合计\t1.00",
             "𠀀𠀁 surrogate-free astral", "\u3000全角空格\u3000", "项 目 名 称", "2026年部门预算"]


def yusuans_patterns() -> list[tuple[str | bytes, int]]:
    """Every (pattern, flags) yusuan's modules compile as they load, and those asked so far."""
    import_every_module()
    return sorted(regexes._PROGRAMS.asked, key=repr)


def sample_lines() -> list[str]:
    lines = set(ODD_LINES)
    for path in sorted(SEEDS.glob("*.txt")):
        lines.update(path.read_text(encoding="utf-8").splitlines()[::8])
    from yusuan.readers import read_source

    for path in sorted(CORPUS.glob("*/*.html")):
        lines.update(line.text for line in read_source(str(path)).lines[::6])
    return sorted(lines)


def matches(pattern: re.Pattern[str], lines: list[str]) -> list[object]:
    return [[(found.span(), found.groups()) for found in pattern.finditer(line)]
            for line in lines]


def kept_and_loaded(path: Path, keys: list[tuple[str | bytes, int]]) -> dict:  # type: ignore[type-arg]
    programs = {}
    for pattern, flags in keys:
        program = regexes.program_of(pattern, flags, re.compile(pattern, flags))
        assert program is not None, pattern
        programs[(pattern, flags)] = program
    files.save(str(path), regexes._HEADER, programs)
    return files.load(str(path), regexes._HEADER)


def test_every_pattern_of_yusuan_made_from_its_kept_program_is_re_compiles(
        tmp_path: Path) -> None:
    require_seeds()  # the lines matched are the seeds' and the corpus pages'
    keys = yusuans_patterns()
    assert len(keys) > 400
    loaded = kept_and_loaded(tmp_path / "programs.marshal", keys)
    lines = sample_lines()
    assert len(lines) > 800
    for pattern, flags in keys:
        made = regexes._made(pattern, loaded[(pattern, flags)])
        re.purge()
        fresh = re.compile(pattern, flags)
        assert made is not fresh
        assert (made.pattern, made.flags, made.groups, made.groupindex) == \
            (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)
        assert made == fresh  # CPython compares the compiled code too
        if isinstance(pattern, str):
            assert matches(made, lines) == matches(fresh, lines), pattern


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache folder and fresh program state, as in a new process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("YUSUAN_REGEX_CACHE", raising=False)
    monkeypatch.delenv(files.SWITCH, raising=False)
    monkeypatch.setattr(regexes, "_PROGRAMS", regexes._new_programs())
    return tmp_path


NAMED = r"(?P<year>\d{4})年(?P<kind>[\u4e00-\u9fff]{2,4})预算"


def new_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexes, "_PROGRAMS", regexes._new_programs())


def test_a_second_run_makes_the_pattern_from_the_file_the_first_wrote(
        own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = regexes.compile(NAMED, re.IGNORECASE)
    assert first == re.compile(NAMED, re.IGNORECASE)
    regexes._PROGRAMS.save_added()
    path = Path(regexes._PROGRAMS.cache_path() or "")
    assert path.parent == own_cache / "yusuan" and path.exists()
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left
    new_run(monkeypatch)
    second = regexes.compile(NAMED, re.IGNORECASE)
    assert regexes._PROGRAMS.added == {}  # nothing compiled afresh
    assert second is not first and second == first
    assert second.groupindex == {"year": 1, "kind": 2}
    assert second.search("关于2026年部门预算").groups() == ("2026", "部门")


def damaged_files(good: bytes) -> list[bytes]:
    header, checksum, payload = marshal.loads(good)
    programs = marshal.loads(payload)
    refused = {key: (flags, b"\xff" * 8, groups, groupindex, indexgroup)
               for key, (flags, _, groups, groupindex, indexgroup) in programs.items()}
    refused_payload = marshal.dumps(refused)
    return [b"", b"not marshal at all", good[: len(good) // 2], good[:-3] + b"xyz",
            marshal.dumps(((0, "another python") + header[2:], checksum, payload)),
            marshal.dumps((header, checksum ^ 1, payload)),
            marshal.dumps((header, zlib.crc32(b"[]"), b"[]")),
            marshal.dumps([1, 2, 3]),
            marshal.dumps((header, zlib.crc32(refused_payload), refused_payload))]


def test_a_damaged_or_foreign_file_falls_back_to_compiling(
        own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regexes.compile(NAMED)
    regexes._PROGRAMS.save_added()
    path = Path(regexes._PROGRAMS.cache_path() or "")
    for damaged in damaged_files(path.read_bytes()):
        path.write_bytes(damaged)
        new_run(monkeypatch)
        made = regexes.compile(NAMED)
        assert made == re.compile(NAMED)
        assert made.search("2026年部门预算") is not None
        assert list(regexes._PROGRAMS.added) == [(NAMED, 0)]  # compiled afresh, to be kept
        regexes._PROGRAMS.save_added()  # and the file is whole again
        assert list(files.load(str(path), regexes._HEADER)) == [(NAMED, 0)]


@pytest.mark.skipif(os.name != "posix", reason="owners and modes are POSIX's")
def test_a_file_others_may_write_is_not_trusted(own_cache: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A program is run as the pattern it claims to be: a file (or folder) that another user
    could have written is not read."""
    regexes.compile(NAMED)
    regexes._PROGRAMS.save_added()
    path = Path(regexes._PROGRAMS.cache_path() or "")
    assert oct(path.parent.stat().st_mode & 0o777) == oct(0o700)
    assert list(files.load(str(path), regexes._HEADER)) == [(NAMED, 0)]
    for target, mode in ((path, 0o620), (path, 0o602), (path.parent, 0o770)):
        kept = target.stat().st_mode & 0o777
        target.chmod(mode)
        try:
            assert files.load(str(path), regexes._HEADER) == {}, (target.name, oct(mode))
        finally:
            target.chmod(kept)
    assert list(files.load(str(path), regexes._HEADER)) == [(NAMED, 0)]


def test_a_pattern_of_a_str_subclass_does_not_keep_the_file_from_being_written(
        own_cache: Path) -> None:
    class Text(str):
        pass

    assert regexes.compile(Text("[0-9]+年")) == re.compile("[0-9]+年")
    regexes.compile(NAMED)
    regexes._PROGRAMS.save_added()
    assert list(files.load(regexes._PROGRAMS.cache_path() or "", regexes._HEADER)) == [(NAMED, 0)]


def test_an_unwritable_cache_folder_is_passed_over_silently(
        own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = own_cache / "yusuan"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    assert regexes.compile(NAMED) == re.compile(NAMED)
    assert regexes._PROGRAMS.added == {}  # nothing learnt that could not be kept
    regexes._PROGRAMS.save_added()
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"
    assert files.writable(str(own_cache / "not" / "yet" / "made"))
    assert not files.writable(str(blocker / "below a file"))


def test_the_cache_can_be_turned_off(own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YUSUAN_REGEX_CACHE", "off")
    assert regexes.compile(NAMED) == re.compile(NAMED)
    regexes._PROGRAMS.save_added()
    assert regexes._PROGRAMS.cache_path() is None
    assert list(own_cache.iterdir()) == []


def test_a_relative_cache_home_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.delenv("YUSUAN_REGEX_CACHE", raising=False)
    monkeypatch.delenv(files.SWITCH, raising=False)
    path = regexes._PROGRAMS.cache_path() or ""
    assert path.startswith(os.path.join(os.path.expanduser("~"), ".cache", "yusuan"))


RUN = """
import sys
from yusuan import regexes
from yusuan.kept import files
for number in range(int(sys.argv[1]), int(sys.argv[1]) + 40):
    regexes.compile(rf"第{number}[\\u4e00-\\u9fff]+(?P<n>\\d+)")
"""


def test_many_runs_at_once_leave_one_whole_file(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("YUSUAN_REGEX_CACHE", None)
    env.pop(files.SWITCH, None)
    runs = [subprocess.Popen([sys.executable, "-c", RUN, str(start)], env=env)
            for start in range(0, 320, 40)]
    assert [run.wait(timeout=120) for run in runs] == [0] * len(runs)
    written = list((tmp_path / "yusuan").iterdir())
    assert len(written) == 1 and not written[0].name.startswith(".")  # no temporary file left
    programs = files.load(str(written[0]), regexes._HEADER)
    assert programs  # whole: at least the last run's programs, read back
    for (pattern, flags), program in programs.items():
        assert regexes._made(pattern, program) == re.compile(pattern, flags)


def test_no_module_of_src_compiles_a_pattern_past_the_kept_programs() -> None:
    """`python tools/regexes_through_cache.py` sends a new re.compile through yusuan.regexes."""
    calls = runpy.run_path(str(ROOT / "tools" / "regexes_through_cache.py"))["CALL"]
    direct = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "src").rglob("*.py")
                    if path.name != "regexes.py" and calls.search(path.read_text(encoding="utf-8")))
    assert direct == []


def _plain(found: object) -> object:
    """A call's result with its matches as (span, groups): Match objects do not compare."""
    if isinstance(found, re.Match):
        return (found.span(), found.groups(), found.groupdict())
    if isinstance(found, (list, tuple)) or hasattr(found, "__next__"):
        return [_plain(item) for item in found]  # type: ignore[union-attr]
    return found


MODULE_CALLS = [
    ("search", (r"(?P<year>\d{4})\s*年", "比 2025 年增加"), {}),
    ("search", (r"合计$", "小计"), {}),
    ("match", (r"[（(][一二三]", "（一）收入"), {}),
    ("fullmatch", (r"\d+(?:\.\d+)?", "12.50"), {}),
    ("fullmatch", (r"\d+", "12.50"), {}),
    ("sub", (r"\s+", "", " 合 计\t"), {}),
    ("sub", (r"(\d)", r"<\1>", "a1b2c3"), {"count": 2}),
    ("subn", (r"\d", "#", "a1b2"), {}),
    ("split", (r"[、，,]", "甲、乙，丙,丁"), {"maxsplit": 2}),
    ("findall", (r"(\d)(\d)", "12 34 5"), {}),
    ("finditer", (r"项目", "项目一 项目二"), {}),
    ("search", (r"abc", "xABCx"), {"flags": re.IGNORECASE}),
    ("search", (rb"\x00(\d)", b"a\x001"), {}),
    ("search", (re.compile(r"\d"), "a1"), {}),
]


@pytest.mark.parametrize(("name", "args", "keywords"), MODULE_CALLS,
                         ids=[f"{name}-{i}" for i, (name, _, _) in enumerate(MODULE_CALLS)])
def test_each_module_level_call_does_what_re_does(own_cache: Path,
                                                   monkeypatch: pytest.MonkeyPatch, name: str,
                                                   args: tuple[object, ...],
                                                   keywords: dict[str, object]) -> None:
    expected = _plain(getattr(re, name)(*args, **keywords))
    monkeypatch.setattr(regexes, "_IN_USE", {})
    assert _plain(getattr(regexes, name)(*args, **keywords)) == expected  # compiled afresh
    regexes._PROGRAMS.save_added()
    new_run(monkeypatch)
    monkeypatch.setattr(regexes, "_IN_USE", {})
    assert _plain(getattr(regexes, name)(*args, **keywords)) == expected  # from the kept program


def test_module_level_calls_make_each_pattern_once_and_keep_a_bounded_number(
        own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexes, "_IN_USE", {})
    assert regexes.search(r"第(\d+)号", "第3号") is not None
    first = regexes._IN_USE[(str, r"第(\d+)号", 0)]
    assert regexes.sub(r"第(\d+)号", "", "第3号") == ""
    assert regexes._IN_USE[(str, r"第(\d+)号", 0)] is first  # made once, used by every call
    for number in range(regexes._MOST_IN_USE + 5):
        regexes.fullmatch(f"x{number}", "x")
    assert len(regexes._IN_USE) <= regexes._MOST_IN_USE
