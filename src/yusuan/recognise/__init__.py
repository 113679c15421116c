"""Recognition: rows of cells → document metadata, tables (kind, number, unit, columns, rows)."""
