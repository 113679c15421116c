"""Following a report's locations as a reader would: every place a report cites, in every
format, looked up where the reader looks it up — the line `yusuan text` prints under that page
and line, the cell of the workbook, the paragraph or table cell of the Word file — and what
is there compared with what the report quotes.

`follow(path)` reads a file once and renders all five reports; `check_all(evidence)` returns the
places that do not show what their report quotes (empty when every one does)."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yusuan.model import Document, Finding
from yusuan.pipeline import read_document
from yusuan.readers.normalise import normalise_line
from yusuan.report.bundle import report_bundle
from yusuan.report.formats import render_bundle
from yusuan.report.json_report import extract_json
from yusuan.report.text_listing import source_listing
from yusuan.report.text_report import check_text
from yusuan.rules import run_rules

FILE_HEAD = re.compile(r"^══ 文件 (.+) ══$")
FILE_NAME = re.compile(r"^\S+\.(pdf|xlsx|xls|docx|html|htm|txt) ")
PAGED = re.compile(r"^(p\d+ L\d+) +(.*)$")
PLAIN = re.compile(r"^ *(\d+)  (.*)$")
SHEET_ROW = re.compile(r"^ *(\d+)  ([A-Z]+\d+)? *(.*)$")
CAPTION = re.compile(r"(?:页 (\d+) · )?行 (\d+)$")
KEY = re.compile(r"(?:p(\d+) )?L(\d+)$")
CELL = re.compile(r"(?:^| )('(?:[^']|'')+'|[^ ']+)!([A-Z]+)(\d+) ")
TEXT_CITE = re.compile(r"^    (.+?)(?: \[[^\]]+\])?: (.*)$")
NUMBER = re.compile(r"^-?[\d,]+(\.\d+)?%?$")


@dataclass
class Evidence:
    path: Path
    document: Document
    findings: list[Finding]
    listing: dict[str, str]  # "p3 L12" / "L40" → the line as `yusuan text` prints it
    addresses: dict[str, str]  # "L40" → the address `yusuan text` prints for a workbook line
    extract: dict[str, Any]
    reports: dict[str, str]  # format → rendered report


def follow(path: Path, document: Document | None = None) -> Evidence:
    document = document or read_document(str(path))
    findings = run_rules(document)
    bundle = report_bundle(document, findings)
    reports = {fmt: render_bundle(bundle, fmt) for fmt in ("json", "html", "sarif", "csv")}
    reports["text"] = check_text(document, findings)
    listing, addresses = parse_listing(source_listing(document.source))
    return Evidence(path, document, findings, listing, addresses, extract_json(document), reports)


def parse_listing(listing: str) -> tuple[dict[str, str], dict[str, str]]:
    """`yusuan text` as "p3 L12" / "L40" (after "name " for one of several files) → text, and
    → the cell address it prints for a workbook line."""
    lines: dict[str, str] = {}
    addresses: dict[str, str] = {}
    file = ""
    for row in listing.splitlines():
        named = FILE_HEAD.match(row)
        if named:
            file = named.group(1) + " "
            continue
        if row.startswith("──"):
            continue
        paged = PAGED.match(row)
        if paged:
            lines[file + paged.group(1)] = row[max(len(paged.group(1)), 11) + 1:]
            continue
        sheet = SHEET_ROW.match(row)
        if sheet and len(row) >= 16 and row[6:8] == "  " and row[15] == " ":
            lines[f"{file}L{sheet.group(1)}"] = row[16:]
            addresses[f"{file}L{sheet.group(1)}"] = row[8:15].strip()
            continue
        plain = PLAIN.match(row)
        if plain:
            lines[f"{file}L{plain.group(1)}"] = plain.group(2)
    return lines, addresses


def key_of(page: int | None, line: int, file: str | None = None) -> str:
    shown = f"p{page} L{line}" if page is not None else f"L{line}"
    return f"{Path(file).name} {shown}" if file else shown


def loc_key(location: dict[str, Any]) -> str:
    return key_of(location.get("page"), location.get("line", 0), location.get("file"))


def label_key(label: str) -> str:
    """The `yusuan text` key of a label ("p3 L12") or of the HTML report's caption ("页 3 · 行 12")."""
    label = CAPTION.sub(lambda m: (f"p{m.group(1)} " if m.group(1) else "") + f"L{m.group(2)}", label)
    found = KEY.search(label)
    assert found, label
    file = label.split(" ")[0] if FILE_NAME.match(label) else None
    return key_of(int(found.group(1)) if found.group(1) else None, int(found.group(2)), file)


def shown(text: str) -> str:
    return text.strip().replace("\t", " | ")


def same_text(quote: str, text: str) -> bool:
    """Whether a quote is the line (its TABs shown as " | ", or cut short after 150 characters)."""
    quoted, line = shown(quote), shown(text)
    return quote.strip() == text.strip() or quoted == line or (len(quoted) >= 150 and line.startswith(quoted))


def numbers_in(text: str) -> list[float]:
    """The numbers a line prints: each TAB field's (spaces a PDF put inside one squeezed out),
    and each word's."""
    out = []
    for field in re.split(r"\t| \| ", text):
        for word in (field.replace(" ", ""), *field.split()):
            if NUMBER.match(word):
                out.append(float(word.replace(",", "").rstrip("%")))
    return out


# ---- the value a location cites, from the extract JSON ------------------------------------


def cited_value(evidence: Evidence, location: dict[str, Any]) -> float | None:
    """The value of the location's column in its table row, as the extract JSON gives it."""
    column = location.get("column")
    if not column or not location.get("table"):
        return None
    for table in evidence.extract["tables"]:
        if table["kind"] != location["table"]:
            continue
        for row in table["rows"]:
            if location.get("code") and row.get("code") and row["code"] != location["code"]:
                continue
            if column in row.get("value_lines", {}):
                continue  # printed on a line of its own, which the extract JSON does not page
            if (row["line"], row.get("page")) == (location["line"], location.get("page")) \
                    and column in row["values"]:
                return row["values"][column]
    return None


# ---- the places of each format --------------------------------------------------------------


@dataclass
class Place:
    fmt: str
    key: str  # the `yusuan text` line the report names
    quote: str | None  # what the report quotes there (None: it quotes nothing)
    location: dict[str, Any]  # the JSON location it stands for (with sheet/cell etc.)
    cell: tuple[str, str, int] | None = None  # (sheet, column letters, row) a label names
    anchor: str | None = None  # the HTML report's own document line the link goes to


def json_places(evidence: Evidence) -> list[Place]:
    check = json.loads(evidence.reports["json"])
    return [Place("json", loc_key(loc), None, loc)
            for finding in check["findings"] for loc in finding["locations"] if loc.get("line", 0) > 0]


def text_places(evidence: Evidence) -> list[Place]:
    check = json.loads(evidence.reports["json"])
    every = {"rule": "any", "locations": [loc for f in check["findings"] for loc in f["locations"]]}
    places: list[Place] = []
    for row in evidence.reports["text"].splitlines():
        cite = TEXT_CITE.match(row)
        if cite:
            label, quote = cite.groups()
            places.append(Place("text", label_key(label), quote, _by_label(every, label),
                                _label_cell(label)))
    return places


def _label_cell(label: str) -> tuple[str, str, int] | None:
    found = CELL.search(" " + label + " ")
    if not found:
        return None
    sheet = found.group(1)
    if sheet.startswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    return sheet, found.group(2), int(found.group(3))


def _by_label(finding: dict[str, Any], label: str) -> dict[str, Any]:
    key = label_key(label)
    cell = _label_cell(label)
    for loc in finding["locations"]:
        if loc_key(loc) != key:
            continue
        if cell is None or loc.get("cell") == f"{cell[1]}{cell[2]}":
            return loc
    raise AssertionError(f"{label} names no location of {finding['rule']}")


def html_places(evidence: Evidence) -> list[Place]:
    from lxml import html as lxml_html

    check = json.loads(evidence.reports["json"])
    tree = lxml_html.fromstring(evidence.reports["html"])
    places: list[Place] = []
    for item in tree.xpath("//li[contains(@class, 'finding')]"):
        finding = check["findings"][int(item.get("id")[1:])]
        for quote in item.xpath(".//ul[@class='quotes']/li"):
            link = quote.xpath("./a[@class='goto']")[0]
            label = link.text_content()
            code = quote.xpath("./code")[0].text_content()
            target = tree.xpath(f"//div[@id='{link.get('href')[1:]}']/span[@class='tx']")
            places.append(Place("html", label_key(label), code, _by_label(finding, label),
                                _label_cell(label),
                                anchor=target[0].text_content() if target else ""))
    return places


def sarif_places(evidence: Evidence) -> list[Place]:
    check = json.loads(evidence.reports["json"])
    results = json.loads(evidence.reports["sarif"])["runs"][0]["results"]
    places: list[Place] = []
    for finding, result in zip(check["findings"], results, strict=True):
        for location in result["locations"]:
            region = location["physicalLocation"]["region"]
            properties = location.get("properties", {})
            key = key_of(properties.get("page"), region["startLine"], properties.get("file"))
            label = properties.get("where", key)
            places.append(Place("sarif", key, region.get("snippet", {}).get("text", ""),
                                _by_label(finding, label), _label_cell(label)))
    return places


def csv_places(evidence: Evidence) -> list[Place]:
    check = json.loads(evidence.reports["json"])
    rows = list(csv.DictReader(io.StringIO(evidence.reports["csv"])))
    places: list[Place] = []
    for finding, row in zip(check["findings"], rows, strict=True):
        if not finding["locations"] or not row["line"] or int(row["line"]) <= 0:
            continue
        key = label_key(row["where"]) if row["where"] else key_of(
            int(row["page"]) if row["page"] else None, int(row["line"]))
        label = row["where"] or key
        quote = row["quote"].removeprefix("'")
        places.append(Place("csv", key, quote, _by_label(finding, label), _label_cell(label)))
    return places


PLACES = {"json": json_places, "text": text_places, "html": html_places, "sarif": sarif_places,
          "csv": csv_places}


# ---- what is there ----------------------------------------------------------------------------


def workbook_cell(path: Path, sheet: str, column: str, row: int) -> object:
    from python_calamine import CalamineWorkbook

    index = 0
    for letter in column:
        index = index * 26 + ord(letter) - ord("A") + 1
    book = CalamineWorkbook.from_path(str(path))
    try:
        rows = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    finally:
        book.close()
    if row - 1 >= len(rows) or index - 1 >= len(rows[row - 1]):
        return None
    return rows[row - 1][index - 1]


def word_text(path: Path, location: dict[str, Any]) -> str:
    from docx import Document as WordDocument

    word = WordDocument(str(path))
    if "paragraph" in location:
        return word.paragraphs[location["paragraph"] - 1].text
    cited = location["word_table"]
    row = word.tables[cited["table"] - 1].rows[cited["row"] - 1]
    if "cell" not in cited:
        return " ".join(cell.text for cell in row.cells)
    return row.cells[cited["cell"] - 1].text


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", normalise_line(str(text)))


def problems(evidence: Evidence, place: Place) -> list[str]:
    """What is wrong with one place: the line missing, the quote not the line, the value not
    in it, the cell not holding it."""
    where = f"{place.fmt} {place.key} {place.location}"
    text = evidence.listing.get(place.key)
    if text is None:
        return [f"{where}: no such line in `yusuan text`"]
    out = []
    if place.quote is not None and not same_text(place.quote, text):
        out.append(f"{where}: quotes {place.quote[:60]!r}, the line is {text[:60]!r}")
    if place.anchor is not None and place.anchor != text:
        out.append(f"{where}: links to {place.anchor[:60]!r}, the line is {text[:60]!r}")
    value = cited_value(evidence, place.location)
    if value is not None and value not in numbers_in(text):
        out.append(f"{where}: the line does not print {value}: {text[:80]!r}")
    figure = place.location.get("figure")
    if figure is not None and (figure not in text or (value is not None and value not in numbers_in(figure))):
        out.append(f"{where}: the figure {figure!r} is not the cited value {value} in {text[:80]!r}")
    out += _file_problems(evidence, place, text, value)
    return out


def _file_problems(evidence: Evidence, place: Place, text: str, value: float | None) -> list[str]:
    where = f"{place.fmt} {place.key} {place.location}"
    location = place.location
    path = Path(location["file"]) if location.get("file") else evidence.path
    fmt = path.suffix[1:].lower() if location.get("file") else evidence.document.source.format
    if fmt in ("xlsx", "xls") and text.strip():
        if "cell" not in location:
            return [f"{where}: a workbook location without its cell"]
        match = re.match(r"([A-Z]+)(\d+)$", location["cell"])
        assert match
        if place.cell is not None and place.cell != (location["sheet"], match.group(1), int(match.group(2))):
            return [f"{where}: the label names {place.cell}"]
        held = workbook_cell(path, location["sheet"], match.group(1), int(match.group(2)))
        address = evidence.addresses.get(place.key, "")
        if address and re.sub(r"^[A-Z]+", "", address) != match.group(2):
            return [f"{where}: `yusuan text` prints row {address}"]
        if value is not None:
            number = numbers_in(str(held)) or ([float(held)] if isinstance(held, (int, float)) else [])
            if not number or abs(number[0] - value) > 1e-6:
                return [f"{where}: the cell holds {held!r}, not {value}"]
        elif held in (None, "") or squeezed(str(held).removesuffix(".0")) not in squeezed(text):
            return [f"{where}: the cell holds {held!r}, not in the line {text[:60]!r}"]
    if fmt == "docx" and text.strip():
        if "paragraph" not in location and "word_table" not in location:
            return [f"{where}: a Word location without its paragraph or table cell"]
        held = word_text(path, location)
        if value is not None and value not in numbers_in(held):
            return [f"{where}: the Word cell holds {held!r}, not {value}"]
        if "paragraph" in location and squeezed(text) not in squeezed(held):
            return [f"{where}: paragraph {location['paragraph']} is {held[:60]!r}"]
        if "word_table" in location and not squeezed(held):
            return [f"{where}: the Word cell is empty"]
    return []


def check_all(evidence: Evidence) -> list[str]:
    """Every place of every report that does not show what it quotes (and a report that cites
    fewer places than the JSON)."""
    out: list[str] = []
    cited = {place.key for place in json_places(evidence)}
    for fmt, places_of in PLACES.items():
        places = places_of(evidence)
        if fmt in ("json", "sarif", "text", "html"):
            missing = cited - {place.key for place in places}
            if missing:
                out.append(f"{fmt}: cites none of {sorted(missing)[:5]}")
        for place in places:
            out += problems(evidence, place)
    return out
