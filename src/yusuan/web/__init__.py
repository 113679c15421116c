"""The web app (`yusuan serve`): upload disclosures, check each in a worker process with memory
and time limits, read the HTML report and download JSON, SARIF, CSV or HTML; a JSON API beside
the pages; a token, per-client limits and header/body timeouts in front (README: "The web app")."""
