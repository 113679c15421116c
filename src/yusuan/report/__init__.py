"""Reports: the JSON of the output contract, and readable text rendered from the same data."""
