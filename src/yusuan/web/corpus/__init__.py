"""The corpus in the web app (YUSUAN_CORPUS_DB names it): /corpus lists its documents with
filters by year, department, kind and severity; /corpus/department shows one department's
documents side by side, each figure with a bar, and bar charts of its years (Apache ECharts,
served from the package at /static/echarts.min.js; nothing fetched from elsewhere)."""
