"""Tables of our own rendered the ways users paste them: TAB-separated, markdown pipes, one
cell per line and space-aligned columns (shared by the layout and project-table tests)."""

from __future__ import annotations

from collections.abc import Callable

Render = Callable[[list[list[str]]], list[str]]


def render_tabbed(rows: list[list[str]]) -> list[str]:
    return ["\t".join(row) for row in rows]


def render_pipe(rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    return out + ["| " + " | ".join(row) + " |" for row in rows[1:]]


def render_cell_per_line(rows: list[list[str]]) -> list[str]:
    out: list[str] = []
    for row in rows:
        out += ["\t" + cell for cell in row] + [""]
    return out


def render_aligned(rows: list[list[str]]) -> list[str]:
    """Fixed-width columns two spaces apart: amounts right-aligned, labels left-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]

    def place(cell: str, width: int, column: int) -> str:
        return cell.rjust(width) if column >= 1 and cell[:1].isdigit() else cell.ljust(width)

    return ["  ".join(place(cell, width, column) for column, (cell, width) in
                      enumerate(zip(row, widths, strict=True))).rstrip() for row in rows]


RENDERERS: dict[str, Render] = {"tabbed": render_tabbed, "pipe": render_pipe,
                                "cell_per_line": render_cell_per_line, "aligned": render_aligned}
