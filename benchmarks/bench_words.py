"""CPU time of the PDF reader's words stage, in C (`_bulkwords`) and in Python (prints figures;
not a test).

    python benchmarks/bench_words.py PDF...     [ROUNDS=15]

Each page's characters and ruled tables are gathered once, as the reader gathers them; then,
alternately in C and in Python, what the reader does with them: the characters outside the
tables (`pdfpage._outside`), the lines of text (`pdfwords.line_texts`) and every cell's text
(`pdfwords.plain_text`). Prints the best of ROUNDS for each and checks that both give the same.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

from yusuan.readers import pdfpage, pdfwords
from yusuan.readers.pdfchars import read_text, visible
from yusuan.readers.pdfobjects import page_tree, read_objects
from yusuan.readers.pdftables import cell_chars, find_tables


def gather(path: Path) -> list[tuple[list, list, list]]:
    """Each page's characters, its tables' boxes and its cells' characters."""
    pages = []
    document = pdfium.PdfDocument(str(path))
    for page in document:
        textpage = page.get_textpage()
        tree = page_tree(page)
        chars, frame = read_text(page, textpage, tree.clipped_text)
        chars = visible(chars, page, frame)
        tables = [table for table in find_tables(read_objects(page, frame, tree).edges)
                  if len(table.columns) >= 2]
        cells = [found for table in tables for found in cell_chars(table, chars).values()]
        pages.append((chars, [table.bbox for table in tables], cells))
        textpage.close()
        page.close()
    document.close()
    return pages


def words_stage(pages: list[tuple[list, list, list]], compiled: bool) -> list:
    out = []
    for chars, boxes, cells in pages:
        outside = pdfpage._outside(chars, boxes, compiled)
        out.append(pdfwords.line_texts(outside, compiled))
        out.append([pdfwords.plain_text(cell, compiled) for cell in cells])
    return out


def main(paths: list[str]) -> None:
    if pdfwords._bulkwords is None:
        sys.exit("_bulkwords is not built: pip install -e . with a C compiler")
    pages = [page for path in paths for page in gather(Path(path))]
    rounds = int(os.environ.get("ROUNDS", "15"))
    best = {True: float("inf"), False: float("inf")}
    for _ in range(rounds):
        for compiled in (True, False):
            start = time.process_time()
            words_stage(pages, compiled)
            best[compiled] = min(best[compiled], time.process_time() - start)
    same = repr(words_stage(pages, True)) == repr(words_stage(pages, False))
    cells = sum(len(cells) for _, _, cells in pages)
    print(f"{len(pages)} pages, {sum(len(chars) for chars, _, _ in pages)} characters, "
          f"{cells} cells; words stage, CPU, best of {rounds}: "
          f"C {best[True]:.4f} s, Python {best[False]:.4f} s; the same: {same}")


if __name__ == "__main__":
    main(sys.argv[1:])
