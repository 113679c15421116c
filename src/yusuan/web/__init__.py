"""The web app (`yusuan serve`): upload disclosures, check them in a small pool, read the
HTML report and download JSON, SARIF, CSV or HTML; a JSON API beside the pages."""
