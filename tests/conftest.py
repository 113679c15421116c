"""Loaded first by pytest, which puts this folder on sys.path: shared helpers live in
`seedfiles.py` (the seeds and the hand-made fixtures)."""
