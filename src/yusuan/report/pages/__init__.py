"""A PDF's own pages as evidence: where a cited figure stands on its page (`boxes`), what a
location quotes (`cited`), the cited pages rendered with their boxes for the HTML report
(`images`), and a copy of the PDF with a highlight on every cited figure (`annotate`)."""
