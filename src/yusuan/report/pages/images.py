"""The cited pages of a PDF for the HTML report: each rendered once to a compressed image
(WebP, embedded as a data URI so the report stays one file) with the box of every cited
figure on it, as fractions of the image so the boxes scale with it.

Only pages that findings cite are rendered, at `DPI`: enough to read a 9 pt figure, small
enough that a report citing thirty pages stays a few megabytes.
"""

from __future__ import annotations

import base64
import ctypes
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from yusuan.report.pages.boxes import Box, boxes_on_page
from yusuan.report.pages.cited import CitedLocation, cited_locations

DPI = 100
QUALITY = 60
MAX_PAGES = 200  # cited pages rendered at most; a report citing more shows the first ones


def page_views(path: str | Path, bundle: dict[str, Any]) -> list[dict[str, Any]]:
    """Each cited page of the bundle's PDF: its number, its image as a data URI, its size in
    pixels, and the boxes of the figures cited on it (finding and location indexes, fractions
    of the image: x, y from the top left, w, h; `line` True where the box is a whole line)."""
    located = cited_locations(bundle)
    by_page: dict[int, list[CitedLocation]] = {}
    for item in located:
        by_page.setdefault(item.cited.page, []).append(item)
    if not by_page:
        return []
    from yusuan.readers.pdf import pypdfium2_document

    views = []
    with pypdfium2_document(path) as document:
        for number in sorted(by_page)[:MAX_PAGES]:
            if 1 <= number <= len(document):
                views.append(page_view(document[number - 1], number, by_page[number]))
    return views


def page_view(page: Any, number: int, located: Sequence[CitedLocation]) -> dict[str, Any]:
    try:
        boxes = boxes_on_page(page, [item.cited for item in located])
        bitmap = page.render(scale=DPI / 72)
        image = bitmap.to_pil()
        width, height = image.size
        placed = []
        for item, box in zip(located, boxes, strict=True):
            if box is not None:
                x, y, w, h = device_fractions(page, box, width, height)
                placed.append({"finding": item.finding, "location": item.location,
                               "x": x, "y": y, "w": w, "h": h, "line": item.cited.figure is None,
                               "page_line": item.cited.line})
        return {"page": number, "image": data_uri(image), "width": width, "height": height,
                "boxes": placed}
    finally:
        page.close()


def device_fractions(page: Any, box: Box, width: int, height: int
                     ) -> tuple[float, float, float, float]:
    """The box on the rendered image (the page's crop box, turned by its /Rotate) as
    fractions of the image: left, top, width, height."""
    import pypdfium2.raw as pdfium_c

    xs, ys = [], []
    device_x, device_y = ctypes.c_int(), ctypes.c_int()
    for x, y in ((box.left, box.bottom), (box.right, box.top)):
        pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, width * 16, height * 16, 0, x, y,
                                   ctypes.byref(device_x), ctypes.byref(device_y))
        xs.append(device_x.value / 16)
        ys.append(device_y.value / 16)
    left, top = min(xs) / width, min(ys) / height
    return (round(left, 5), round(top, 5), round((max(xs) - min(xs)) / width, 5),
            round((max(ys) - min(ys)) / height, 5))


def data_uri(image: Any) -> str:
    out = io.BytesIO()
    image.save(out, format="WEBP", quality=QUALITY, method=4)
    return "data:image/webp;base64," + base64.b64encode(out.getvalue()).decode("ascii")
