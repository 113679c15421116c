"""yusuan's optional compiled helpers, built by `pip install` beside the Python package.

Each helper makes in C the PDFium calls a reader would otherwise make one character or one
path segment at a time through ctypes. They are optional: where no C compiler is present the
build goes on without them, and the readers make the same calls through ctypes, with the
same results. Everything else about the package is in pyproject.toml.
"""

from setuptools import Extension, setup

COMPILED_HELPERS: list[Extension] = []

setup(ext_modules=COMPILED_HELPERS)
