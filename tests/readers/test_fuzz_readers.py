"""A short fuzzing run: random bytes and mutated small documents of every format are read as a
document; the only outcomes allowed are a Document or InputError (one sentence, no newline).
Bounded to a few hundred examples; tools/fuzz_readers.py runs the same for minutes or hours."""

from __future__ import annotations

from pathlib import Path

from fuzzseeds import seed_documents
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yusuan.errors import InputError
from yusuan.pipeline import read_document

SUFFIXES = ["txt", "md", "pdf", "xlsx", "xls", "docx", "html", "bin"]
FUZZ = settings(max_examples=200, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def read_only_as_document_or_refusal(folder: Path, name: str, data: bytes) -> None:
    path = folder / name
    path.write_bytes(data)
    try:
        read_document(str(path))
    except InputError as error:
        assert str(error) and "\n" not in str(error)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A seed document with a few bytes overwritten, a slice cut out or repeated, cut short, or
    another format's magic bytes put in front."""
    suffix = draw(st.sampled_from(sorted(seed_documents())))
    data = bytearray(seed_documents()[suffix])
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        kind = draw(st.sampled_from(["overwrite", "cut", "repeat", "truncate", "magic"]))
        if kind == "overwrite":
            data[at:at + 4] = draw(st.binary(min_size=1, max_size=4))
        elif kind == "cut":
            del data[at:at + draw(st.integers(1, 64))]
        elif kind == "repeat":
            data[at:at] = data[at:at + draw(st.integers(1, 64))] * draw(st.integers(2, 20))
        elif kind == "truncate":
            del data[max(at, 1):]
        else:  # another format's first bytes, so the sniffer sends it to the wrong reader
            data[0:0] = draw(st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04", b"<html>",
                                              b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]))
    return suffix, bytes(data)


@FUZZ
@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(min_size=1, max_size=4096))
def test_random_bytes_are_refused_or_read(tmp_path: Path, suffix: str, data: bytes) -> None:
    read_only_as_document_or_refusal(tmp_path, f"random.{suffix}", data)


@FUZZ
@given(case=mutated())
def test_mutated_documents_are_refused_or_read(tmp_path: Path, case: tuple[str, bytes]) -> None:
    suffix, data = case
    read_only_as_document_or_refusal(tmp_path, f"mutated.{suffix}", data)


def test_a_panic_in_calamine_is_a_refusal(tmp_path: Path) -> None:
    """Found by tools/fuzz_readers.py: 42 bytes of the corpus's .xls repeated 34 times make
    calamine panic in its formula parser; the panic arrives as pyo3's PanicException, which is
    no Exception, and went out as a traceback."""
    import pytest

    source = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "shanghai" / "budget_template.xls"
    if not source.exists():
        pytest.skip("the corpus is not beside this checkout")
    data = source.read_bytes()
    at = 440018
    path = tmp_path / "mutated.xls"
    path.write_bytes(data[:at] + data[at - 42:at] * 34 + data[at:])
    with pytest.raises(InputError, match="mutated.xls"):
        read_document(str(path))
    import os
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "yusuan.cli", "check", str(path)],
                            capture_output=True, text=True, timeout=60, check=False,
                            env={**os.environ, "RUST_BACKTRACE": "1", "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr  # no panic report


def test_circled_and_superscript_digits_in_cells_are_text(tmp_path: Path) -> None:
    """Found by tools/fuzz_readers.py: '①' and '²' are digits to str.isdigit() but not to int(),
    and a row of them crashed the 栏次 row test (and the row number of an unaligned table)."""
    text = ("某县财政局2024年部门预算\n一般公共预算支出表\n单位：万元\n"
            "科目编码\t科目名称\t合计\t基本支出\t项目支出\n①\t②\t③\t④\t⑤\n"
            "\t合计\t30.00\t30.00\t\n201\t一般公共服务支出\t30.00\t30.00\t\n"
            "²\t一般公共服务支出²\t30.00\t30.00\t\n")
    read_only_as_document_or_refusal(tmp_path, "circled.txt", text.encode("utf-8"))
    aligned = text.replace("\t", "    ")
    read_only_as_document_or_refusal(tmp_path, "circled-aligned.txt", aligned.encode("utf-8"))


def test_a_zip_of_a_version_zipfile_lacks_is_refused_or_read(tmp_path: Path) -> None:
    """Found by the fuzzer: an xlsx whose members need a zip version Python's zipfile does not
    implement (9.9) raised NotImplementedError past the readers."""
    data = bytearray(seed_documents()["xlsx"])
    for signature, offset in ((b"PK\x03\x04", 4), (b"PK\x01\x02", 6)):  # version to extract
        at = data.find(signature)
        while at >= 0:
            data[at + offset:at + offset + 2] = (99).to_bytes(2, "little")
            at = data.find(signature, at + 4)
    read_only_as_document_or_refusal(tmp_path, "odd.xlsx", bytes(data))
