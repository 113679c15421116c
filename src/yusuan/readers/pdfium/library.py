"""PDFium's shared library, the one the pinned pypdfium2 ships, loaded and bound without
importing pypdfium2.

Importing pypdfium2 costs about 50 ms of a process (its helpers, logging, platform, and a ctypes
binding of every PDFium function), while the reader calls some fifty of them. The library file
is found in pypdfium2_raw's folder, named as pypdfium2_raw's loader names it on each platform,
without running that package; it is initialised once per process with the configuration
pypdfium2 passes. Loading the same file again (pypdfium2 imported later in the process, for OCR
or a report's page images) gives the same library, and PDFium ignores its second
initialisation, so both share one PDFium.
"""

from __future__ import annotations

import ctypes
import sys
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

# Constants of PDFium's public headers (fpdfview.h, fpdf_edit.h) the reader uses.
FPDF_PAGEOBJ_TEXT = 1
FPDF_PAGEOBJ_PATH = 2
FPDF_PAGEOBJ_IMAGE = 3
FPDF_PAGEOBJ_FORM = 5
FPDF_SEGMENT_LINETO = 0
FPDF_SEGMENT_MOVETO = 2
FPDF_ANNOT = 0x01
FPDF_GRAYSCALE = 0x08
FPDFBitmap_Gray = 1


class _LibraryConfig(ctypes.Structure):
    """FPDF_LIBRARY_CONFIG (fpdfview.h), all its fields as pypdfium2's bindings declare them."""

    _fields_ = (("version", ctypes.c_int), ("m_pUserFontPaths", ctypes.c_void_p),
                ("m_pIsolate", ctypes.c_void_p), ("m_v8EmbedderSlot", ctypes.c_uint),
                ("m_pPlatform", ctypes.c_void_p), ("m_RendererType", ctypes.c_int),
                ("m_FontLibraryType", ctypes.c_int), ("m_BrotliEnabled", ctypes.c_int),
                ("m_IsolatePerDocument", ctypes.c_int))


def library_path() -> Path:
    """The PDFium library in pypdfium2_raw's folder (pypdfium2_raw/bindings.py's loader:
    './{prefix}pdfium.{suffix}' beside it, resolved)."""
    from importlib.util import find_spec

    spec = find_spec("pypdfium2_raw")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("pypdfium2_raw, which ships PDFium, is not installed")
    if sys.platform.startswith(("win32", "cygwin", "msys")):
        name = "pdfium.dll"
    elif sys.platform.startswith(("darwin", "ios")):
        name = "libpdfium.dylib"
    else:
        name = "libpdfium.so"
    return (Path(next(iter(spec.submodule_search_locations))) / name).resolve(strict=False)


@lru_cache(maxsize=1)
def load() -> ctypes.CDLL:
    """PDFium, loaded and initialised as pypdfium2 initialises it (_library_scope.init_lib:
    FPDF_InitLibraryWithConfig with a version 2 configuration, no font paths, no isolate).
    It is not destroyed at exit: pypdfium2, if imported too, closes its own objects then,
    and the process's end frees the rest."""
    pdfium = ctypes.CDLL(str(library_path()))
    init = pdfium.FPDF_InitLibraryWithConfig
    init.argtypes, init.restype = (ctypes.POINTER(_LibraryConfig),), None
    init(ctypes.byref(_LibraryConfig(version=2, m_pUserFontPaths=None, m_pIsolate=None,
                                     m_v8EmbedderSlot=0)))
    return pdfium


def address(name: str) -> int:
    """The address of PDFium's function `name` (for the C helpers, which take addresses)."""
    return ctypes.cast(getattr(load(), name), ctypes.c_void_p).value or 0


def bind(name: str, result: Any, arguments: tuple[Any, ...] | None) -> Any:
    """PDFium's function `name` as a ctypes function of that signature; `arguments` None
    leaves them unchecked (a handle, ints or byref() passed as they are, the fastest way
    ctypes calls)."""
    function = ctypes.CFUNCTYPE(result, *(arguments or ()))(address(name))
    if arguments is None:
        function.argtypes = None
    return function


def bind_all(signatures: dict[str, tuple[Any, tuple[Any, ...] | None]]) -> SimpleNamespace:
    """`bind` of each function of `signatures` (name: (result, arguments)), by name."""
    return SimpleNamespace(**{name: bind(name, result, arguments)
                              for name, (result, arguments) in signatures.items()})
