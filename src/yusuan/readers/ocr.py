"""OCR for scanned PDF pages (optional extra `ocr`: rapidocr_onnxruntime, whose models ship in
the wheel; nothing is written under the home folder): render the page with pypdfium2, recognise text boxes, rebuild lines and cells.

Boxes are de-skewed by the median slope of the long boxes, grouped into rows by their
vertical centres, and a run of rows with two or more boxes is a table: its columns come from
the boxes' horizontal extents (the rows with the most boxes first, so a header spanning two
columns lands in the first of them), and each row is written as a TAB line. A row with one box
is an ordinary line of text.
"""

from __future__ import annotations

import importlib.util
import math
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from yusuan.kept.dataclass_code import dataclass

RENDER_DPI = 200
ROW_TOLERANCE = 0.5


@dataclass(slots=True)
class Box:
    """One piece of text the OCR engine read, with its place on the page image."""

    x0: float
    x1: float
    y: float
    height: float
    text: str
    score: float = 1.0


def available() -> bool:
    """Whether the `ocr` extra is installed."""
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


@lru_cache(maxsize=1)
def _engine() -> Any:
    # onnxruntime writes a device id and a telemetry cache under ~/.cache when it is first
    # imported, unless telemetry is off; the models themselves are read from the wheel.
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def pdf_page_lines(path: Path, index: int, dpi: int = RENDER_DPI) -> list[str]:
    """The lines of page `index` (0-based) of a PDF, read by OCR."""
    return [text for text, _score in pdf_page_readings(path, index, dpi)]


def pdf_page_readings(path: Path, index: int, dpi: int = RENDER_DPI) -> list[tuple[str, float]]:
    """(line, confidence) of page `index` (0-based) of a PDF, read by OCR."""
    import numpy as np
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        page = document[index]
        image = page.render(scale=dpi / 72).to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    return image_readings(np.asarray(image))


def image_lines(image: Any) -> list[str]:
    """The lines of a page image (an RGB array): text lines and tables as TAB lines."""
    return [text for text, _score in image_readings(image)]


def image_readings(image: Any) -> list[tuple[str, float]]:
    """`image_lines` with each line's confidence (its least sure box)."""
    result, _ = _engine()(image)
    return scored_lines(to_boxes(result or []))


def to_boxes(result: list[Any]) -> list[Box]:
    """Turn the engine's quadrilaterals into de-skewed boxes."""
    angle = _skew([quad for quad, _, _ in result])
    cos, sin = math.cos(-angle), math.sin(-angle)
    boxes = []
    for quad, text, score in result:
        points = [(x * cos - y * sin, x * sin + y * cos) for x, y in quad]
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        if text.strip():
            boxes.append(Box(min(xs), max(xs), (min(ys) + max(ys)) / 2, max(ys) - min(ys), text.strip(),
                             float(score)))
    return boxes


def _skew(quads: list[Any]) -> float:
    slopes = []
    for quad in quads:
        (x0, y0), (x1, y1) = quad[0], quad[1]
        height = abs(quad[3][1] - quad[0][1]) or 1.0
        if x1 - x0 > 3 * height:
            slopes.append(math.atan2(y1 - y0, x1 - x0))
    slopes.sort()
    return slopes[len(slopes) // 2] if slopes else 0.0


def group_rows(boxes: list[Box]) -> list[list[Box]]:
    rows: list[list[Box]] = []
    for box in sorted(boxes, key=lambda item: item.y):
        if rows:
            row = rows[-1]
            centre = sum(item.y for item in row) / len(row)
            height = min(min(item.height for item in row), box.height)
            if abs(box.y - centre) <= ROW_TOLERANCE * height:
                row.append(box)
                continue
        rows.append([box])
    for row in rows:
        row.sort(key=lambda item: item.x0)
    return rows


def boxes_to_lines(boxes: list[Box]) -> list[str]:
    return [text for text, _score in scored_lines(boxes)]


def scored_lines(boxes: list[Box]) -> list[tuple[str, float]]:
    """The lines of the boxes, each with the score of its least sure box."""
    lines: list[tuple[str, float]] = []
    table: list[list[Box]] = []
    for row in group_rows(boxes):
        if len(row) >= 2:
            table.append(row)
            continue
        lines.extend(_scored_table(table))
        table = []
        lines.append((row[0].text, row[0].score))
    lines.extend(_scored_table(table))
    return lines


def _scored_table(rows: list[list[Box]]) -> list[tuple[str, float]]:
    return [(line, min(box.score for box in row)) for line, row in zip(table_lines(rows), rows, strict=True)]


def table_lines(rows: list[list[Box]]) -> list[str]:
    if not rows:
        return []
    columns = _columns(rows)
    lines = []
    for row in rows:
        cells = [""] * len(columns)
        for box in row:
            col = _column_of(box, columns)
            cells[col] = f"{cells[col]} {box.text}".strip() if cells[col] else box.text
        lines.append("\t".join(cells))
    return lines


def _columns(rows: list[list[Box]]) -> list[list[float]]:
    """Column extents: boxes of the fullest rows first; a box overlapping one column widens it."""
    columns: list[list[float]] = []
    for row in sorted(rows, key=len, reverse=True):
        for box in row:
            hits = [col for col in columns if _overlap(box, col) > 0]
            if not hits:
                columns.append([box.x0, box.x1])
            elif len(hits) == 1 and len(row) > 1:
                hits[0][0], hits[0][1] = min(hits[0][0], box.x0), max(hits[0][1], box.x1)
    columns.sort()
    return columns


def _overlap(box: Box, column: list[float]) -> float:
    return min(box.x1, column[1]) - max(box.x0, column[0])


def _column_of(box: Box, columns: list[list[float]]) -> int:
    for index, column in enumerate(columns):
        if _overlap(box, column) > 0:
            return index
    centre = (box.x0 + box.x1) / 2
    return min(range(len(columns)), key=lambda i: abs((columns[i][0] + columns[i][1]) / 2 - centre))
