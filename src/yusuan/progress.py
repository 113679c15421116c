"""Progress of a long read (a PDF page by page, OCR included) on one line of stderr — only when
stderr is a terminal: a pipe, a log file or the web app's worker hears nothing."""

from __future__ import annotations

import os
import sys
from typing import TextIO

WORDS = {"zh": "yusuan：正在读取 {name} 第 {done}/{total} 页",
         "en": "yusuan: reading {name} page {done}/{total}"}


class Progress:
    """`step(n)` rewrites the line; `close()` clears it. Silent unless `stream` is a terminal."""

    def __init__(self, name: str, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.name, self.total, self.width = name, total, 0
        try:
            self.on = bool(self.stream.isatty())
        except (AttributeError, ValueError):
            self.on = False
        lang = "en" if os.environ.get("YUSUAN_LANG", "").lower().startswith("en") else "zh"
        self.template = WORDS[lang]

    def step(self, done: int) -> None:
        if not self.on:
            return
        text = self.template.format(name=self.name, done=done, total=self.total)
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = max(self.width, len(text))

    def close(self) -> None:
        if self.on and self.width:
            self.stream.write("\r" + " " * self.width * 2 + "\r")
            self.stream.flush()
