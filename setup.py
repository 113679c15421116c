"""yusuan's optional compiled helpers, built by `pip install` beside the Python package.

Each helper makes in C the PDFium calls a reader would otherwise make one character or one
path segment at a time through ctypes, or works out in C what the reader would otherwise work out
one character or one ruling at a time in Python: a page's words and lines (`_bulkwords`), its
ruled tables' cells and their characters (`_bulktables`). They are optional: where no C compiler is present the build goes on without them,
and the readers do the same work in Python, with the same results. Everything else about the
package is in pyproject.toml.
"""

import os

from setuptools import Extension, setup

# the helpers work out each figure as the Python code does: no fused multiply-add
_SAME_ARITHMETIC = [] if os.name == "nt" else ["-ffp-contract=off"]

COMPILED_HELPERS: list[Extension] = [
    Extension(f"yusuan.readers.{name}", [f"src/yusuan/readers/{name}.c"], optional=True,
              depends=["src/yusuan/readers/_pdfium_callconv.h"],
              extra_compile_args=_SAME_ARITHMETIC)
    for name in ("_bulkchars", "_bulkobjects", "_bulkwords", "_bulktables")
]

setup(ext_modules=COMPILED_HELPERS)
