/* PDFium's calling convention (fpdfview.h: __stdcall on 32-bit Windows only), for the
   function types of the compiled helpers (_bulkchars.c, _bulkobjects.c). */
#ifndef YUSUAN_PDFIUM_CALLCONV_H
#define YUSUAN_PDFIUM_CALLCONV_H
#if defined(_WIN32) && !defined(_WIN64)
#define FPDF_CALLCONV __stdcall
#else
#define FPDF_CALLCONV
#endif
#endif
