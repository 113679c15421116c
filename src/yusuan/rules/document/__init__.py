"""The document as printed: how its tables are labelled, stray characters in its text, the
kind of document its headings name."""
