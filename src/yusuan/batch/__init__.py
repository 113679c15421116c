"""`yusuan check PATH...` over many files: gathered from folders (`files`), each checked in a
process of its own (`pool`) exactly as a single `check` would (`one`), remembered in the output
folder so an interrupted batch resumes (`manifest`), summed up in a table and in findings.csv and
findings.xlsx for all files (`summary`, `outputs`); `command` runs it for the command line."""
