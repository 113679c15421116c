"""yusuan's optional compiled helpers, built by `pip install` beside the Python package.

Each helper makes in C the PDFium calls a reader would otherwise make one character or one
path segment at a time through ctypes. They are optional: where no C compiler is present the
build goes on without them, and the readers make the same calls through ctypes, with the
same results. Everything else about the package is in pyproject.toml.
"""

import sys

from setuptools import Extension, setup

# no fused multiply-add: the helpers' arithmetic must round as the Python code's does
_SAME_ROUNDING = [] if sys.platform == "win32" else ["-ffp-contract=off"]

COMPILED_HELPERS: list[Extension] = [
    Extension("yusuan.readers._bulkobjects", ["src/yusuan/readers/_bulkobjects.c"],
              extra_compile_args=_SAME_ROUNDING, optional=True),
]

setup(ext_modules=COMPILED_HELPERS)
