"""The HTML report's pages panel: each cited page's image with its boxes, the page's text
beside it, and for the script, each finding's cited places (page, line, boxes) in the order
the finding cites them."""

from __future__ import annotations

import json
from typing import Any

from yusuan.report.pages.cited import page_lines

WORDS = {"zh": {"pages": "页面", "page": "第 {page} 页", "text": "提取的文字",
                "hint": "框出的是结论引用的数字；点击结论中的位置即跳到该页。",
                "fit": "整页", "full": "原大"},
         "en": {"pages": "Pages", "page": "page {page}", "text": "extracted text",
                "hint": "Boxes mark the figures findings cite; click a location in a finding to go to it.",
                "fit": "Whole page", "full": "Actual size"}}


def pages_view(bundle: dict[str, Any], lang: str) -> dict[str, Any] | None:
    """The panel's data, or None when the bundle has no rendered pages."""
    pages = bundle.get("pages") or []
    if not pages:
        return None
    words = WORDS.get(lang, WORDS["zh"])
    texts = page_lines(bundle)
    places: dict[str, list[dict[str, Any]]] = {}
    views = []
    for page in pages:
        boxes = page_boxes(page, places, texts.get(page["page"], []))
        cited = {place["line"] for items in places.values() for place in items
                 if place["page"] == page["page"]}
        views.append({
            "number": page["page"], "id": f"page-{page['page']}", "image": page["image"],
            "width": page["width"], "height": page["height"], "boxes": boxes,
            "title": words["page"].format(page=page["page"]),
            "lines": [{"id": f"pt-{page['page']}-{i}", "line": i, "number": number, "text": text,
                       "cited": i in cited}
                      for i, (number, text) in enumerate(texts.get(page["page"], []), start=1)],
        })
    for items in places.values():
        items.sort(key=lambda place: place["location"])
    return {"words": words, "pages": views, "places": json.dumps(places).replace("</", "<\\/")}


def page_boxes(page: dict[str, Any], places: dict[str, list[dict[str, Any]]],
               lines: list[tuple[int, str]]) -> list[dict[str, Any]]:
    """The page's boxes, one per place on it (findings citing the same figure share it),
    recording in `places` where each finding's citations are."""
    boxes: list[dict[str, Any]] = []
    by_rect: dict[tuple[float, ...], dict[str, Any]] = {}
    for item in page["boxes"]:
        rect = (item["x"], item["y"], item["w"], item["h"])
        box = by_rect.get(rect)
        if box is None:
            box = {"id": f"pb-{page['page']}-{len(boxes)}", "findings": [], "line": item["line"],
                   "style": "left:{:.3f}%;top:{:.3f}%;width:{:.3f}%;height:{:.3f}%".format(
                       *(100 * value for value in rect))}
            by_rect[rect] = box
            boxes.append(box)
        finding = f"f{item['finding']}"
        if finding not in box["findings"]:
            box["findings"].append(finding)
        place_line = item.get("page_line")
        add_place(places.setdefault(finding, []), page["page"], place_line, item, box["id"], lines)
    return boxes


def add_place(found: list[dict[str, Any]], page: int, line: int | None, item: dict[str, Any],
              box_id: str, lines: list[tuple[int, str]]) -> None:
    """One cited place of a finding: its page and line (document line too), and its boxes."""
    line = line or 0
    for place in found:
        if place["page"] == page and place["line"] == line:
            if box_id not in place["boxes"]:
                place["boxes"].append(box_id)
            return
    number = lines[line - 1][0] if 1 <= line <= len(lines) else None
    found.append({"page": page, "line": line, "doc": number, "location": item["location"],
                  "boxes": [box_id]})
