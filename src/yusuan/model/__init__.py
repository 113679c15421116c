"""The document model: everything below `recognise` produces it, everything above reads it."""

from yusuan.model.document import (
    Column,
    Document,
    Fact,
    Project,
    Table,
    TableRow,
)
from yusuan.model.finding import Finding, Location
from yusuan.model.source import Cell, Line, Origin, Row, Source, SourcePart

__all__ = [
    "Cell", "Column", "Document", "Fact", "Finding", "Line", "Location", "Origin", "Project",
    "Row", "Source", "SourcePart", "Table", "TableRow",
]
