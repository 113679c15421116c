"""The corpus in the web app (YUSUAN_CORPUS_DB names it): /corpus lists its documents with
filters by year, department, kind and severity; /corpus/department shows one department's
documents side by side, each figure with a bar (no script, no network)."""
