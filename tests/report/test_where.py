"""The location model (report/where.py): labels a reader can follow, the JSON fields it adds,
the line of the whole document a JSON location names, and a figure read by OCR said as such in
every report."""

from __future__ import annotations

import csv
import io
import json

from yusuan.model import Document, Finding, Line, Location, Origin, Source, SourcePart
from yusuan.report.bundle import report_bundle
from yusuan.report.formats import render_bundle
from yusuan.report.text_report import check_text
from yusuan.report.where import LineIndex, Where, sheet_reference, where_from_json, where_of


def test_labels_name_what_the_reader_opens() -> None:
    assert Where(line=12, page=3).label() == "p3 L12"
    assert Where(line=40, sheet="收支总表", cell="D8").label() == "收支总表!D8 L40"
    assert Where(line=40, sheet="表5 支出", cell="D8").label() == "'表5 支出'!D8 L40"
    assert Where(line=7, paragraph=3).label() == "第3段 L7"
    assert Where(line=7, paragraph=3).label("en") == "paragraph 3 L7"
    assert Where(line=9, word_table=2, word_row=5, word_cell=3).label() == "表2 第5行第3格 L9"
    assert Where(line=2, page=1, file="a/报表.pdf").label() == "报表.pdf p1 L2"
    assert Where(line=12, page=3).caption() == "页 3 · 行 12"
    assert Where(line=40, sheet="收支总表", cell="D8").caption("en") == "收支总表!D8 line 40"
    assert sheet_reference("it's") == "'it''s'" and sheet_reference("Sheet1") == "Sheet1"


def test_json_fields_read_back_to_the_same_place() -> None:
    where = Where(line=9, word_table=2, word_row=5, word_cell=3, read_by="ocr", confidence=0.8)
    assert where_from_json({"line": 9, **where.fields()}) == where
    assert Where(line=1).fields() == {}


def paged_bundle() -> dict:
    lines = [Line(1, "封面", 1), Line(2, "目录", 1), Line(3, "表一", 2), Line(4, "合计\t5.00", 2),
             Line(5, "说明", 3), Line(6, "合计 5.00", 4)]
    source = Source(path="x.pdf", format="pdf", sha256="0", lines=lines, pages=4,
                    parts=[SourcePart("a.pdf", "pdf", "0", 1, 4, 0, 2),
                           SourcePart("b.pdf", "pdf", "0", 5, 6, 2, 2)])
    finding = Finding("R", "error", "arithmetic", "m", [Location(4), Location(6)])
    return report_bundle(Document(source=source), [finding])


def test_a_json_location_names_a_line_of_the_whole_document() -> None:
    bundle = paged_bundle()
    locations = bundle["check"]["findings"][0]["locations"]
    assert locations == [{"line": 2, "page": 2, "file": "a.pdf"}, {"line": 1, "page": 2, "file": "b.pdf"}]
    index = LineIndex(bundle)
    assert [index.document_line(loc) for loc in locations] == [4, 6]


def test_every_report_quotes_the_cited_line_not_that_number_of_the_whole_document() -> None:
    bundle = paged_bundle()
    csv_row = next(csv.DictReader(io.StringIO(render_bundle(bundle, "csv"))))
    assert (csv_row["quote"], csv_row["where"]) == ("合计 | 5.00", "a.pdf p2 L2")
    sarif = json.loads(render_bundle(bundle, "sarif"))["runs"][0]["results"][0]["locations"]
    assert [loc["physicalLocation"]["region"]["snippet"]["text"] for loc in sarif] == ["合计\t5.00", "合计 5.00"]
    assert sarif[1]["properties"] == {"where": "b.pdf p2 L1", "page": 2, "file": "b.pdf"}
    html = render_bundle(bundle, "html")
    assert 'href="#L4" class="goto" data-line="4">a.pdf 页 2 · 行 2</a>' in html


def ocr_document() -> tuple[Document, list[Finding]]:
    read = Origin(read_by="ocr", confidence=0.873)
    lines = [Line(1, "一般公共预算支出表", 1, read), Line(2, "合计\t172.68", 1, read)]
    source = Source(path="scan.pdf", format="pdf", sha256="0", lines=lines, pages=1)
    finding = Finding("R", "error", "arithmetic", "合计不等", [Location(2, column="total")])
    return Document(source=source), [finding]


def test_a_figure_read_by_ocr_says_so_in_every_report() -> None:
    document, findings = ocr_document()
    assert where_of(document, findings[0].locations[0]).provenance() == "OCR 识别，置信度 0.87"
    bundle = report_bundle(document, findings)
    location = json.loads(render_bundle(bundle, "json"))["findings"][0]["locations"][0]
    assert (location["read_by"], location["ocr_confidence"]) == ("ocr", 0.873)
    assert "p1 L2 [OCR 识别，置信度 0.87]: 合计 | 172.68" in check_text(document, findings)
    assert "p1 L2 [read by OCR, confidence 0.87]" in check_text(document, findings, "en")
    assert "OCR 识别，置信度 0.87" in render_bundle(bundle, "html")
    sarif = json.loads(render_bundle(bundle, "sarif"))["runs"][0]["results"][0]["locations"][0]
    assert sarif["properties"]["read_by"] == "ocr" and sarif["properties"]["ocr_confidence"] == 0.873
    row = next(csv.DictReader(io.StringIO(render_bundle(bundle, "csv"))))
    assert (row["read_by"], row["ocr_confidence"]) == ("ocr", "0.873")
