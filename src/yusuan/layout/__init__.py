"""Layouts: the text of a Source → rows of cells. The layout is recognised from the content.

Each layout module offers `lines_to_rows(lines) -> list[Row]`; `detect_layout` picks one by
counting the line shapes each layout leaves behind.
"""

from __future__ import annotations

import importlib

from yusuan import regexes
from yusuan.model import Line, Row, Source

LAYOUT_MODULES = {
    "cell_per_line": "cell_per_line",
    "tabbed": "tabbed",
    "pipe": "pipe",
    "aligned": "aligned",
    "wrapped": "wrapped",
}

_ALIGNED_GAP = regexes.compile(r"\S {2,}\S")
# A whole cell of digits between gaps (not a digit inside a label such as "1.部门项目  ☑").
_NUMBER = regexes.compile(r"(?:^|\s{2})[-−]?[\d,]+(?:\.\d+)?(?=\s{2}|\s*$)")


def detect_layout(lines: list[Line]) -> str:
    texts = [line.text for line in lines]
    nonblank = [text for text in texts if text.strip()] or [""]
    lead_tab = sum(1 for text in texts if text.startswith("\t"))
    only_tab = sum(1 for text in texts if text.strip() == "" and "\t" in text)
    inner_tab = sum(1 for text in nonblank if "\t" in text.strip())
    if lead_tab > 0.3 * len(nonblank) and only_tab > 0.05 * len(nonblank):
        return "cell_per_line"
    enough = max(2, min(5, len(nonblank) // 5))
    if inner_tab >= enough:
        return "tabbed"
    pipes = sum(1 for text in nonblank if text.strip().startswith("|") and text.strip().endswith("|"))
    if pipes >= enough:
        return "pipe"
    aligned = sum(1 for text in nonblank if len(_ALIGNED_GAP.findall(text)) >= 2 and _NUMBER.search(text))
    if aligned >= enough:
        return "aligned"
    return "wrapped"


def source_to_rows(source: Source) -> list[Row]:
    layout = source.layout or detect_layout(source.lines)
    source.layout = layout
    module = importlib.import_module(f"yusuan.layout.{LAYOUT_MODULES[layout]}")
    return module.lines_to_rows(source.lines)
