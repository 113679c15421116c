"""Progress of a long run on one line of stderr — only when stderr is a terminal: a pipe, a log
file or the web app's worker hears nothing.

A long read (a PDF page by page, OCR included) reports each page through `Progress`. Whoever
runs the read may listen instead (`listening(callback)`): the web app's worker writes the pages
into the job, a batch's worker sends them to the batch's bar; while someone listens, the page
counter stays off the terminal. A batch shows its own bar (`Bar`): files done of all, the time
so far and the file being read.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import TextIO

WORDS = {"zh": "yusuan：正在读取 {name} 第 {done}/{total} 页",
         "en": "yusuan: reading {name} page {done}/{total}"}
BAR_WORDS = {"zh": "yusuan：[{bar}] {done}/{total} 个文件  {seconds} 秒  {current}",
             "en": "yusuan: [{bar}] {done}/{total} files  {seconds} s  {current}"}
PAGE_WORDS = {"zh": "{name} 第 {done}/{total} 页", "en": "{name} page {done}/{total}"}
BAR_WIDTH = 20

# (name, pages done, pages in all) of the read in progress, for whoever listens
PageListener = Callable[[str, int, int], None]
_listeners: list[PageListener] = []


@contextlib.contextmanager
def listening(callback: PageListener) -> Iterator[None]:
    """While the block runs, each page read is told to `callback`, not to the terminal."""
    _listeners.append(callback)
    try:
        yield
    finally:
        _listeners.remove(callback)


def env_lang() -> str:
    return "en" if os.environ.get("YUSUAN_LANG", "").lower().startswith("en") else "zh"


def on_terminal(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def display_width(text: str) -> int:
    """Columns `text` takes on a terminal: a CJK character takes two."""
    return sum(2 if ord(char) >= 0x1100 else 1 for char in text)


def fit(text: str, columns: int) -> str:
    """`text` cut to at most `columns` terminal columns."""
    out, used = [], 0
    for char in text:
        used += 2 if ord(char) >= 0x1100 else 1
        if used > columns:
            break
        out.append(char)
    return "".join(out)


def terminal_columns(stream: TextIO) -> int:
    """The width of the terminal `stream` writes to (COLUMNS first, 80 when unknown)."""
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    try:
        return os.get_terminal_size(stream.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


class Line:
    """One line of stderr rewritten in place, cleared at the end."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.on = on_terminal(self.stream)
        self.width = 0

    def show(self, text: str) -> None:
        text = fit(text, max(terminal_columns(self.stream) - 1, 20))
        shown = display_width(text)
        self.stream.write("\r" + text + " " * max(0, self.width - shown))
        self.stream.flush()
        self.width = max(self.width, shown)

    def clear(self) -> None:
        if self.on and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


class Progress:
    """`step(n)` rewrites the line (or tells the listener); `close()` clears it."""

    def __init__(self, name: str, total: int, stream: TextIO | None = None) -> None:
        self.line = Line(stream)
        self.stream = self.line.stream
        self.name, self.total = name, total
        self.on = self.line.on
        self.template = WORDS[env_lang()]

    def step(self, done: int) -> None:
        if _listeners:
            _listeners[-1](self.name, done, self.total)
            return
        if self.on:
            self.line.show(self.template.format(name=self.name, done=done, total=self.total))

    def close(self) -> None:
        self.line.clear()


class Bar:
    """A batch's bar: `advance()` when a file is done, `reading(...)` for the page in progress."""

    def __init__(self, total: int, lang: str = "zh", stream: TextIO | None = None) -> None:
        self.line = Line(stream)
        self.on = self.line.on
        self.total, self.done, self.lang = total, 0, lang
        self.started = time.monotonic()
        self.current = ""

    def advance(self, name: str = "") -> None:
        self.done += 1
        self.current = name
        self.draw()

    def reading(self, name: str, done: int, total: int) -> None:
        self.current = PAGE_WORDS[self.lang].format(name=name, done=done, total=total)
        self.draw()

    def draw(self) -> None:
        if not self.on:
            return
        filled = BAR_WIDTH * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        seconds = int(time.monotonic() - self.started)
        self.line.show(BAR_WORDS[self.lang].format(bar=bar, done=self.done, total=self.total,
                                                   seconds=seconds, current=self.current))

    def close(self) -> None:
        self.line.clear()
