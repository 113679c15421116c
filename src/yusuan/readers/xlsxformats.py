"""Number formats of an .xlsx sheet's cells, read from the package XML (calamine gives values only).

`sheet_formats(path, sheet_name)` maps (row, column), 0-based from A1, to a NumberFormat: the
decimals, thousands separator and percent sign that the cell's format code prints. Cells with
the General format are absent. Anything unreadable yields an empty map (the reader then falls
back to the decimals the values themselves show).
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Built-in format ids that print decimals, separators or percent (ECMA-376 18.8.30).
BUILTIN = {1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 37: "#,##0",
           38: "#,##0", 39: "#,##0.00", 40: "#,##0.00", 43: "#,##0.00", 44: "#,##0.00"}
_QUOTED = regexes.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
_REF = regexes.compile(r"([A-Z]+)(\d+)")


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """How a spreadsheet cell's number format prints a value."""

    decimals: int
    thousands: bool = False
    percent: bool = False

    def render(self, value: float) -> str:
        if self.percent:
            value *= 100
        text = f"{value:,.{self.decimals}f}" if self.thousands else f"{value:.{self.decimals}f}"
        return text + ("%" if self.percent else "")


def parse_format(code: str) -> NumberFormat | None:
    """The NumberFormat of a format code's first section; None for General, text or dates."""
    section = _QUOTED.sub("", code.split(";")[0])
    if not section or section.lower() == "general" or "@" in section:
        return None
    if regexes.search(r"[yYmMdDhHsS]", section):
        return None
    if "0" not in section and "#" not in section:
        return None
    fraction = regexes.search(r"\.([0#?]*)", section)
    decimals = len(fraction.group(1)) if fraction else 0
    return NumberFormat(decimals, "," in section.split(".")[0], "%" in section)


def sheet_formats(path: Path, sheet_name: str) -> dict[tuple[int, int], NumberFormat]:
    try:
        with zipfile.ZipFile(path) as archive:
            styles = _style_formats(archive)
            target = _sheet_path(archive, sheet_name)
            if target is None or not any(styles):
                return {}
            return _cell_formats(archive, target, styles)
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError, ValueError,
            NotImplementedError):  # a compression method or zip version zipfile lacks
        return {}


def _style_formats(archive: zipfile.ZipFile) -> list[NumberFormat | None]:
    root = etree.fromstring(archive.read("xl/styles.xml"))
    codes = dict(BUILTIN)
    for node in root.iter(f"{MAIN}numFmt"):
        codes[int(node.get("numFmtId", "0"))] = node.get("formatCode", "")
    xfs = root.find(f"{MAIN}cellXfs")
    if xfs is None:
        return []
    return [parse_format(codes.get(int(xf.get("numFmtId", "0")), "General")) for xf in xfs]


def _sheet_path(archive: zipfile.ZipFile, sheet_name: str) -> str | None:
    workbook = etree.fromstring(archive.read("xl/workbook.xml"))
    rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{PKG_REL}Relationship")}
    for sheet in workbook.iter(f"{MAIN}sheet"):
        if sheet.get("name") == sheet_name:
            target = targets.get(sheet.get(f"{REL}id"), "")
            return target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
    return None


def _cell_formats(archive: zipfile.ZipFile, target: str,
                  styles: list[NumberFormat | None]) -> dict[tuple[int, int], NumberFormat]:
    formats: dict[tuple[int, int], NumberFormat] = {}
    with archive.open(target) as handle:
        for _, cell in etree.iterparse(handle, tag=f"{MAIN}c"):
            style = cell.get("s")
            match = _REF.match(cell.get("r", ""))
            found = styles[int(style)] if style and int(style) < len(styles) else None
            if match and found is not None:
                formats[(int(match.group(2)) - 1, _column_index(match.group(1)))] = found
            cell.clear()
    return formats


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1
