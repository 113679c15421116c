"""Builders of real test files: PDFs with reportlab and a real CJK font, drawn grids."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

Row = Sequence[str]


def draw_grid(canvas: Any, left: float, top: float, widths: Sequence[float], rows: Sequence[Row],
              *, font: str, height: float = 18, spans: Sequence[tuple[int, int, int, int]] = (),
              ruled: bool = True) -> float:
    """Draw a table whose top-left corner is (left, top) in PDF points; returns its bottom.

    `spans` are merged cells (row0, col0, row1, col1): only their first cell's text is drawn and
    no rule is drawn inside them.
    """
    xs = [left]
    for width in widths:
        xs.append(xs[-1] + width)
    covered = {(r, c): span for span in spans for r in range(span[0], span[2] + 1)
               for c in range(span[1], span[3] + 1)}
    canvas.setFont(font, 9)
    for r, row in enumerate(rows):
        y_top = top - r * height
        for c, text in enumerate(row):
            span = covered.get((r, c))
            if span and (r, c) != (span[0], span[1]):
                continue
            r1, c1 = (span[2], span[3]) if span else (r, c)
            x0, x1 = xs[c], xs[c1 + 1]
            y_bottom = top - (r1 + 1) * height
            if ruled:
                canvas.rect(x0, y_bottom, x1 - x0, y_top - y_bottom)
            if text:
                canvas.drawString(x0 + 3, (y_top + y_bottom) / 2 - 3, text)
    return top - len(rows) * height


@pytest.fixture
def pdf_canvas(tmp_path: Path, cjk_font: str) -> Callable[..., tuple[Any, Path]]:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    def make(name: str, **options: Any) -> tuple[Any, Path]:
        path = tmp_path / name
        canvas = Canvas(str(path), pagesize=A4, **options)
        canvas.setFont(cjk_font, 10)
        return canvas, path

    return make


@pytest.fixture
def grid(cjk_font: str) -> Callable[..., float]:
    return functools.partial(draw_grid, font=cjk_font)
