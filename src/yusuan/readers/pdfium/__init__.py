"""PDFium for the PDF reader without pypdfium2's Python layer: the library the pinned pypdfium2
ships, loaded, initialised and bound (`library`), and a document, its pages and text pages
with pypdfium2's semantics over it (`document`)."""
