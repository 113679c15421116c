"""Two documents side by side: the same department across years (budget against budget, budget
against the same year's 决算) or two departments. snapshot.py takes the figures compared (from
a document, or from the corpus: the same records either way); diff.py lines them up;
render.py prints text, JSON, CSV or HTML; commands.py is `yusuan compare`."""
