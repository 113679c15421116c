"""HTML pages with lxml: text blocks as lines, tables as TAB lines with rowspan/colspan expanded.

The encoding comes from a byte-order mark, then the page's own `<meta charset>` (or
`http-equiv` content type), then a UTF-8 attempt, then GB18030 (which covers GBK and GB2312).
A table that holds another table is page layout, not data: its cells are read as text blocks.

A page converted from a PDF into absolutely placed boxes (a `div` per page, in it a `div` per run
of text with its top, left and font size in points, and the table rulings as bordered empty
`div`s) is read as the PDF reader reads a page: the runs become characters, the borders ruling
edges, and the ruled tables TAB lines; a table running over pages reads as one (the lines are
numbered through the file, as the page's other lines are).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import lxml.html
from lxml import etree

from yusuan import regexes
from yusuan.errors import InputError
from yusuan.model import Source
from yusuan.readers.grid import cell_text, flow_text, is_blank_row, make_lines
from yusuan.readers.guards import GridBudget, check_columns
from yusuan.readers.pdf import Assembler
from yusuan.readers.pdfchars import Char
from yusuan.readers.pdfobjects import Edge
from yusuan.readers.pdfpage import page_blocks

_META_CHARSET = regexes.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_CHINESE = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030",
            "cp936": "gb18030", "euc-cn": "gb18030"}
_XML_DECL = regexes.compile(r"^\s*<\?xml[^>]*\?>")
SKIP = {"script", "style", "head", "noscript", "template", "title", "iframe", "object", "svg"}
BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
         "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre",
         "address", "figure", "figcaption", "form", "fieldset", "hr", "center", "body", "html",
         "caption", "tr", "td", "th", "tbody", "thead", "tfoot"}
MAX_SPAN = 1000


def read(path: Path) -> Source:
    data = path.read_bytes()
    text = _XML_DECL.sub("", decode_html(data))
    if not text.strip():
        raise InputError(f"{path.name} 是没有内容的网页。", f"{path.name} is an HTML page with no content.")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        raise InputError(f"{path.name} 无法作为网页读取。",
                         f"{path.name} could not be read as an HTML page.") from None
    walker = _Walker()
    walker.walk(root)
    walker.flush()
    walker._close_pages()
    lines = walker.lines
    while lines and not lines[-1][0].strip():
        lines.pop()
    if not any(line.strip() for line, _ in lines):
        raise InputError(f"{path.name} 是没有文字的网页。", f"{path.name} is an HTML page with no text.")
    return Source(path=str(path), format="html", sha256=hashlib.sha256(data).hexdigest(),
                  lines=make_lines(lines))


def decode_html(data: bytes) -> str:
    """Decode a page by BOM, declared charset, UTF-8, then GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    declared = _META_CHARSET.search(data[:8192]) or regexes.search(
        rb"""<\?xml[^>]+encoding=["']([A-Za-z0-9_\-]+)""", data[:200])
    candidates = ["utf-8", "gb18030"]
    if declared:
        name = declared.group(1).decode("ascii", errors="ignore").lower()
        candidates.insert(0, _CHINESE.get(name, name))
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("gb18030", errors="replace")


class _Walker:
    """Walks the tree, gathering inline text into lines and writing tables as TAB lines."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, None]] = []
        self.buffer: list[str] = []
        self.budget = GridBudget()
        self.pages = 0
        self.assembler: Assembler | None = None  # open while placed pages follow one another

    def flush(self) -> None:
        text = flow_text("".join(self.buffer))
        self.buffer = []
        if text:
            self._close_pages()
            self.lines.append((text, None))

    def _close_pages(self) -> None:
        if self.assembler is not None:
            self.assembler.finish()
            self.lines.extend((text, None) for text, _ in self.assembler.out)  # lines of the file
            self.assembler = None

    def walk(self, node: etree._Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag.lower() in SKIP or not tag:
            self._tail(node)
            return
        tag = tag.lower()
        if tag == "br":
            self.flush()
        elif tag == "div" and (placed := placed_page(node)) is not None:
            self.flush()
            self.pages += 1
            self.assembler = self.assembler or Assembler()
            self.assembler.add_page(self.pages, page_blocks(*placed))
        elif tag == "table" and not node.xpath(".//table"):
            self.flush()
            self._close_pages()
            self.lines.extend((line, None) for line in table_lines(node, self.budget))
        else:
            block = tag in BLOCK or tag == "table"
            if block:
                self.flush()
            if node.text:
                self.buffer.append(node.text)
            for child in node:
                self.walk(child)
            if block:
                self.flush()
        self._tail(node)

    def _tail(self, node: etree._Element) -> None:
        if node.tail:
            self.buffer.append(node.tail)


def table_lines(table: etree._Element, budget: GridBudget) -> list[str]:
    """The TAB lines of a data table: caption first, spans expanded, blank rows dropped."""
    lines: list[str] = []
    caption = table.find("caption")
    if caption is not None and cell_text(inline_text(caption)):
        lines.append(cell_text(inline_text(caption)))
    grid = expand_spans(table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"), budget)
    width = max((len(row) for row in grid), default=0)
    budget.spend(sum(width - len(row) for row in grid))  # the padding to the table's width
    for row in grid:
        if not is_blank_row(row):
            lines.append("\t".join(row + [""] * (width - len(row))))
    return lines


def expand_spans(rows: list[etree._Element], budget: GridBudget) -> list[list[str]]:
    """Place each cell on the grid: text in its top-left position, covered positions blank.
    A grid past the guards' bound of columns or cells is refused before it is filled."""
    grid: list[list[str | None]] = [[] for _ in rows]
    for r, tr in enumerate(rows):
        col = 0
        for cell in tr.xpath("./td|./th"):
            while col < len(grid[r]) and grid[r][col] is not None:
                col += 1
            rowspan = min(_span(cell, "rowspan"), len(rows) - r)
            colspan = _span(cell, "colspan")
            check_columns(col + colspan)
            budget.spend(rowspan * colspan)
            for dr in range(rowspan):
                target = grid[r + dr]
                target.extend([None] * (col + colspan - len(target)))
                for dc in range(colspan):
                    target[col + dc] = ""
            grid[r][col] = cell_text(inline_text(cell))
            col += colspan
    return [[cell or "" for cell in row] for row in grid]


def _span(cell: etree._Element, name: str) -> int:
    try:
        return max(1, min(MAX_SPAN, int(str(cell.get(name, "1")).strip() or 1)))
    except ValueError:
        return 1


def inline_text(node: etree._Element) -> str:
    """A cell's text with <br> and block boundaries as newlines (cell_text joins them)."""
    parts: list[str] = []

    def visit(element: etree._Element) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in SKIP or not tag:
            return
        if tag == "br" or tag in BLOCK:
            parts.append("\n")
        if element.text:
            parts.append(element.text)
        for child in element:
            visit(child)
            if child.tail:
                parts.append(child.tail)

    visit(node)
    return "".join(parts)


# A page of absolutely placed boxes (a PDF converted to HTML)
MIN_PLACED_BOXES = 5  # a page div with fewer placed text boxes is ordinary layout
NARROW_EM = 0.5  # the width of a digit or Latin letter, in ems (a CJK character is one em)
THIN_EM = 0.25  # of a comma, point or space
_POINTS = regexes.compile(r"^(-?[\d.]+)pt$")
_THIN = frozenset(",.:;'| ")


def _style(node: etree._Element) -> dict[str, str]:
    pairs = (part.split(":", 1) for part in str(node.get("style", "")).split(";") if ":" in part)
    return {key.strip().lower(): value.strip() for key, value in pairs}


def _points(style: dict[str, str], key: str) -> float | None:
    match = _POINTS.match(style.get(key, "").replace(" ", ""))
    return float(match.group(1)) if match else None


def placed_page(node: etree._Element) -> tuple[list[Char], list[Edge]] | None:
    """A page div's characters and rulings, when its children are boxes placed in points."""
    if "absolute" in _style(node).get("position", ""):
        return None
    chars: list[Char] = []
    edges: list[Edge] = []
    boxes = 0
    for child in node:
        if not isinstance(child.tag, str) or child.tag.lower() != "div":
            continue
        style = _style(child)
        top, left = _points(style, "top"), _points(style, "left")
        if "absolute" not in style.get("position", "") or top is None or left is None:
            continue
        text = "".join(child.itertext())
        if text.strip():
            boxes += 1
            chars.extend(_box_chars(text, left, top, _points(style, "font-size") or 10.0))
        else:
            edges.extend(_box_rulings(style, left, top))
    return (chars, edges) if boxes >= MIN_PLACED_BOXES else None


def _box_chars(text: str, left: float, top: float, size: float) -> list[Char]:
    """A run of text as characters, each as wide as its kind of letter usually is."""
    out = []
    x = left
    for letter in text:
        width = size * (THIN_EM if letter in _THIN else NARROW_EM if ord(letter) < 0x2E80 else 1.0)
        out.append(Char(letter, x, x + width, top, top + size, size))
        x += width
    return out


def _box_rulings(style: dict[str, str], left: float, top: float) -> list[Edge]:
    """The ruled sides of an empty bordered box."""
    width, height = _points(style, "width") or 0.0, _points(style, "height") or 0.0
    right, bottom = left + width, top + height
    sides = {"border-top": Edge(left, top, right, top, True),
             "border-bottom": Edge(left, bottom, right, bottom, True),
             "border-left": Edge(left, top, left, bottom, False),
             "border-right": Edge(right, top, right, bottom, False)}
    return [edge for key, edge in sides.items() if "solid" in style.get(key, "")
            and (edge.x1 - edge.x0 if edge.horizontal else edge.bottom - edge.top) > 0]
