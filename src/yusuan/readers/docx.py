"""Word documents (.docx) with python-docx: paragraphs and tables in document order.

Each paragraph is a line (a manual line break starts a new one); each table row is a TAB line.
A horizontally merged cell (gridSpan) keeps its text in its first grid column and leaves the
columns it covers blank (a table past the guards' bound of columns or cells is refused); a vertically merged cell's continuation cells are blank. Content
controls are read through; a table nested in a cell contributes its text to that cell.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from yusuan.errors import InputError
from yusuan.model import Origin, Source
from yusuan.readers.grid import cell_text, is_blank_row, make_source
from yusuan.readers.guards import GridBudget, check_columns

W_P, W_TBL, W_SDT, W_TR, W_TC = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:tr"), qn("w:tc")
W_T, W_TAB, W_BR, W_CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
W_VAL = qn("w:val")
SKIPPED = {qn("w:delText"), qn("w:instrText")}


def read(path: Path) -> Source:
    body = _open(path).element.body
    texts = body_texts(body, GridBudget())
    if not any(text.strip() for text, _page, _origin in texts):
        raise InputError(f"{path.name} 是没有文字的 Word 文件。",
                         f"{path.name} is a Word document with no text.")
    return make_source(path, "docx", texts)


def _open(path: Path):
    try:
        return Document(str(path))
    except Exception:  # noqa: BLE001 - the library raises many types for bad files
        raise InputError(f"{path.name} 无法作为 Word 文件读取：文件已损坏，或不是 .docx 文件。",
                         f"{path.name} could not be read as a Word document: it is damaged "
                         "or not a .docx file.") from None


def body_lines(container, budget: GridBudget) -> list[str]:
    """The lines of a body, a content control or a cell, in document order; `budget` bounds the
    cells all its tables expand to."""
    lines: list[str] = []
    for child in container.iterchildren():
        if child.tag == W_P:
            lines.extend(paragraph_text(child).split("\n"))
        elif child.tag == W_TBL:
            lines.extend(table_lines(child, budget))
        elif child.tag == W_SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                lines.extend(body_lines(content, budget))
    return lines


def body_texts(body, budget: GridBudget) -> list[tuple[str, None, Origin]]:
    """`body_lines` of the document body, each with its origin: the paragraph's number in the
    body, or the table's number and the row's (content controls read through)."""
    out: list[tuple[str, None, Origin]] = []
    counts = {"paragraph": 0, "table": 0}

    def walk(container) -> None:
        for child in container.iterchildren():
            if child.tag == W_P:
                counts["paragraph"] += 1
                out.append((paragraph_text(child), None, Origin(paragraph=counts["paragraph"])))
            elif child.tag == W_TBL:
                counts["table"] += 1
                out.extend((line, None, Origin(table=counts["table"], row=row))
                           for row, line in table_rows(child, budget))
            elif child.tag == W_SDT:
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    walk(content)

    walk(body)
    return out


def paragraph_text(paragraph) -> str:
    """A paragraph's visible text; a tab becomes two spaces, a line break a newline."""
    parts: list[str] = []
    for node in paragraph.iter():
        if node.tag == W_T and node.text and node.getparent().tag not in SKIPPED:
            parts.append(node.text)
        elif node.tag == W_TAB and node.getparent().tag == qn("w:r"):
            parts.append("  ")
        elif node.tag in (W_BR, W_CR) and node.get(qn("w:type")) in (None, "textWrapping"):
            parts.append("\n")
    return "".join(parts)


def table_lines(table, budget: GridBudget) -> list[str]:
    return [line for _row, line in table_rows(table, budget)]


def table_rows(table, budget: GridBudget) -> list[tuple[int, str]]:
    """(1-based row of the table, TAB line) of every row that is not blank."""
    rows = [row_cells(tr, budget) for tr in table.iterchildren(W_TR)]
    width = max((len(row) for row in rows), default=0)
    budget.spend(sum(width - len(row) for row in rows))  # the padding to the table's width
    lines = []
    for index, row in enumerate(rows):
        if is_blank_row(row):
            continue
        lines.append((index + 1, "\t".join(row + [""] * (width - len(row)))))
    return lines


def row_cells(tr, budget: GridBudget) -> list[str]:
    """One row's cells over the table grid: spans expanded to blanks, merged-down cells blank."""
    before = _grid_count(tr, "w:gridBefore")
    check_columns(before)
    cells = [""] * before
    for tc in tr.iterchildren(W_TC):
        props = tc.find(qn("w:tcPr"))
        span = _int_val(props, "w:gridSpan", 1)
        check_columns(len(cells) + span)
        merge = props.find(qn("w:vMerge")) if props is not None else None
        continued = merge is not None and merge.get(W_VAL) in (None, "continue")
        cells.append("" if continued else cell_text("\n".join(body_lines(tc, budget))))
        cells.extend([""] * (span - 1))
    after = _grid_count(tr, "w:gridAfter")
    check_columns(len(cells) + after)
    cells.extend([""] * after)
    budget.spend(len(cells))
    return cells


def _grid_count(tr, tag: str) -> int:
    return _int_val(tr.find(qn("w:trPr")), tag, 0)


def _int_val(props, tag: str, default: int) -> int:
    node = props.find(qn(tag)) if props is not None else None
    try:
        return int(node.get(W_VAL)) if node is not None else default
    except (TypeError, ValueError):
        return default
