"""yusuan's optional compiled helpers, built by `pip install` beside the Python package.

Each helper makes in C the PDFium calls a reader would otherwise make one character or one
path segment at a time through ctypes. They are optional: where no C compiler is present the
build goes on without them, and the readers make the same calls through ctypes, with the
same results. Everything else about the package is in pyproject.toml.
"""

import os

from setuptools import Extension, setup

# the helpers work out each figure as the Python code does: no fused multiply-add
_SAME_ARITHMETIC = [] if os.name == "nt" else ["-ffp-contract=off"]

COMPILED_HELPERS: list[Extension] = [
    Extension(f"yusuan.readers.{name}", [f"src/yusuan/readers/{name}.c"], optional=True,
              depends=["src/yusuan/readers/_pdfium_callconv.h"],
              extra_compile_args=_SAME_ARITHMETIC)
    for name in ("_bulkchars", "_bulkobjects")
]
# ruled tables' cells and their characters (pdftables, pdfpage): no PDFium calls
COMPILED_HELPERS.append(Extension("yusuan.readers._bulktables",
                                  ["src/yusuan/readers/_bulktables.c"], optional=True,
                                  extra_compile_args=_SAME_ARITHMETIC))

setup(ext_modules=COMPILED_HELPERS)
