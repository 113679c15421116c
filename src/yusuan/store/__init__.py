"""The corpus: disclosures extracted and checked into one database (DuckDB file by default,
PostgreSQL for a shared deployment), one schema for both.

schema.py the tables; connect.py opens either database behind one small interface;
records.py turns a Document and its findings into rows of those tables; files.py finds the
disclosures under the paths given; add.py adds them (once per file content and yusuan version); across.py pairs a document
added with its department's neighbouring years for the rules across documents;
query.py runs a question and prints its answer; export.py writes CSV, XLSX or a Fiscal Data
Package.
"""
