"""Progress of a PDF read shows on stderr only when stderr is a terminal."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from corpus.corpusfiles import require_corpus_file

from yusuan.progress import Progress

PDF = "beijing/财政局_2026年部门预算.pdf"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_counts_pages_on_a_terminal_and_clears_its_line() -> None:
    screen = Terminal()
    progress = Progress("a.pdf", 3, screen)
    for page in (1, 2, 3):
        progress.step(page)
    progress.close()
    shown = screen.getvalue()
    assert "第 1/3 页" in shown and "第 3/3 页" in shown
    assert shown.endswith("\r") and "\n" not in shown


def test_progress_is_silent_when_not_a_terminal() -> None:
    piped = io.StringIO()
    progress = Progress("a.pdf", 3, piped)
    progress.step(1)
    progress.close()
    assert piped.getvalue() == ""


def test_a_piped_run_writes_nothing_on_stderr() -> None:
    pdf = require_corpus_file(PDF)
    run = subprocess.run([sys.executable, "-m", "yusuan.cli", "extract", str(pdf)],
                         capture_output=True, text=True, timeout=300, check=False,
                         env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert run.returncode == 0 and run.stderr == ""
