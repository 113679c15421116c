/* A page's characters from PDFium in one call: yusuan.readers.pdfchars's per-character loop
 * (`raw_chars`, `page_codes`) made in C.
 *
 * Not linked against PDFium: Python passes the addresses of PDFium's functions (those
 * yusuan.readers.pdfium loaded) and the text page's handle as integers; they are cast here
 * to the signatures of PDFium's public header fpdf_text.h. Nothing PDFium owns is released
 * here. The rare work stays in Python: a (font size, loose box height) pair not seen before on the page is measured by
 * the `measure` callable pdfchars passes (its EmCache), and the cell clips are read there too.
 *
 * page_chars(functions, textpage, clipped_text, measure) -> (chars, owners)
 *   functions: the addresses of FPDFText_CountChars, _GetText, _GetUnicode, _IsGenerated,
 *     _HasUnicodeMapError, _GetLooseCharBox, _GetFontSize, _GetCharOrigin, _GetTextObject;
 *   chars: RawChar tuples (code, left, bottom, right, top, em, direction, spaced), as
 *     pdfchars's ctypes loop gives them; owners: each character's text object (an address,
 *     None where PDFium gives none), or None when `clipped_text` is false.
 *
 * place(chars, Char, fields, shift_x, shift_y[, paper]) -> list of Char
 *   pdfchars.place on an unturned page: each RawChar as a Char (`fields`: Char's seven slot
 *   descriptors in its fields' order; the object is made as object.__new__ makes it and its
 *   slots set through them, as the dataclass's __init__ sets them); given the `paper` box
 *   (x0, top, x1, bottom), those wholly outside it left out (pdfchars.on_paper).
 *
 * Every figure is worked out as the Python loop works it out (doubles from the box's floats,
 * the same operations in the same order; the build turns floating-point contraction off).
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>

#include "_pdfium_callconv.h"

typedef struct { float left, top, right, bottom; } FourFloats; /* FS_RECTF */

typedef int (FPDF_CALLCONV *CountChars)(void *);
typedef int (FPDF_CALLCONV *GetText)(void *, int, int, unsigned short *);
typedef unsigned int (FPDF_CALLCONV *GetUnicode)(void *, int);
typedef int (FPDF_CALLCONV *CharFlag)(void *, int); /* IsGenerated, HasUnicodeMapError */
typedef int (FPDF_CALLCONV *GetLooseCharBox)(void *, int, FourFloats *);
typedef double (FPDF_CALLCONV *GetFontSize)(void *, int);
typedef int (FPDF_CALLCONV *GetCharOrigin)(void *, int, double *, double *);
typedef void *(FPDF_CALLCONV *GetTextObject)(void *, int);

#define FUNCTIONS 9
#define TEXT_MARK 0xFFFEu
#define REPLACEMENT 0xFFFDu
#define TALL_BOX_EM 1.5
#define MAX_DESCENT_EM 0.5
#define TYPICAL_DESCENT_EM 0.2

typedef struct {
    CountChars count_chars;
    GetText get_text;
    GetUnicode unicode;
    CharFlag generated;
    CharFlag unmapped;
    GetLooseCharBox loose;
    GetFontSize font_size;
    GetCharOrigin origin;
    GetTextObject owner_of;
} Pdfium;

/* The run the last character belonged to: its font size, box height and their em. */
typedef struct {
    double size, height, em;
    int upright, known;
    PyObject *em_object, *direction; /* borrowed from `seen` */
} Run;

static int bind(PyObject *functions, Pdfium *pdfium)
{
    uintptr_t found[FUNCTIONS]; /* an address as an integer: cast to a function type */
    if (!PyTuple_Check(functions) || PyTuple_GET_SIZE(functions) != FUNCTIONS) {
        PyErr_SetString(PyExc_TypeError, "functions: a tuple of 9 addresses");
        return -1;
    }
    for (Py_ssize_t i = 0; i < FUNCTIONS; i++) {
        found[i] = (uintptr_t)PyLong_AsVoidPtr(PyTuple_GET_ITEM(functions, i));
        if (found[i] == 0) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "functions: a null address");
            return -1;
        }
    }
    pdfium->count_chars = (CountChars)found[0];
    pdfium->get_text = (GetText)found[1];
    pdfium->unicode = (GetUnicode)found[2];
    pdfium->generated = (CharFlag)found[3];
    pdfium->unmapped = (CharFlag)found[4];
    pdfium->loose = (GetLooseCharBox)found[5];
    pdfium->font_size = (GetFontSize)found[6];
    pdfium->origin = (GetCharOrigin)found[7];
    pdfium->owner_of = (GetTextObject)found[8];
    return 0;
}

/* Each character's code point (pdfchars.page_codes): the text in one call when it has one
 * UTF-16 unit per character (no surrogate, both ends checked), else one call per character;
 * U+FFFE (a control code's mark) asked again. NULL with an exception, or *count 0. */
static unsigned int *page_codes(const Pdfium *pdfium, void *page, int *count)
{
    int n = pdfium->count_chars(page);
    *count = 0;
    if (n <= 0)
        return NULL;
    unsigned int *codes = PyMem_Malloc(sizeof(unsigned int) * (size_t)n);
    unsigned short *text = PyMem_Calloc((size_t)n + 1, sizeof(unsigned short));
    if (codes == NULL || text == NULL) {
        PyMem_Free(codes);
        PyMem_Free(text);
        PyErr_NoMemory();
        return NULL;
    }
    int written = pdfium->get_text(page, 0, n, text);
    int whole = (long long)written == (long long)n + 1;
    for (int i = 0; whole && i < n; i++)
        whole = text[i] < 0xD800u || text[i] > 0xDFFFu;
    whole = whole && text[0] == pdfium->unicode(page, 0)
            && text[n - 1] == pdfium->unicode(page, n - 1);
    for (int i = 0; i < n; i++) {
        if (!whole || text[i] == TEXT_MARK)
            codes[i] = pdfium->unicode(page, i);
        else
            codes[i] = text[i];
    }
    PyMem_Free(text);
    *count = n;
    return codes;
}

/* The em, direction and uprightness of a (font size, box height) pair: from `seen` (this
 * page's pairs, by their exact figures), else from `measure`. 0, or -1 with an exception. */
static int measure_run(PyObject *seen, PyObject *measure, int index, double size,
                       double height, Run *run)
{
    PyObject *key = Py_BuildValue("(dd)", size, height);
    if (key == NULL)
        return -1;
    PyObject *found = PyDict_GetItemWithError(seen, key); /* borrowed */
    if (found == NULL) {
        if (PyErr_Occurred()) {
            Py_DECREF(key);
            return -1;
        }
        PyObject *measured = PyObject_CallFunction(measure, "idd", index, size, height);
        if (measured == NULL || !PyTuple_Check(measured) || PyTuple_GET_SIZE(measured) != 3) {
            if (measured != NULL)
                PyErr_SetString(PyExc_TypeError, "measure: a tuple (em, direction, upright)");
            Py_XDECREF(measured);
            Py_DECREF(key);
            return -1;
        }
        int stored = PyDict_SetItem(seen, key, measured);
        Py_DECREF(measured); /* `seen` holds it */
        if (stored < 0) {
            Py_DECREF(key);
            return -1;
        }
        found = measured;
    }
    Py_DECREF(key);
    run->size = size;
    run->height = height;
    run->em_object = PyTuple_GET_ITEM(found, 0);
    run->direction = PyTuple_GET_ITEM(found, 1);
    run->em = PyFloat_AsDouble(run->em_object);
    run->upright = PyObject_IsTrue(PyTuple_GET_ITEM(found, 2));
    if ((run->em == -1.0 && PyErr_Occurred()) || run->upright < 0 || !PyLong_Check(run->direction))
    {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "measure: the direction is an int");
        return -1;
    }
    run->known = 1;
    return 0;
}

/* The bottom of an upright character's box (pdfchars.Baseline.bottom). */
static double baseline_bottom(const Pdfium *pdfium, void *page, int index, double loose_bottom,
                              double em)
{
    double x = 0.0, y = 0.0;
    if (!pdfium->origin(page, index, &x, &y))
        return loose_bottom;
    return y - loose_bottom > MAX_DESCENT_EM * em ? y - TYPICAL_DESCENT_EM * em : loose_bottom;
}

static PyObject *raw_char(unsigned int code, double left, double bottom, double right,
                          double top, const Run *run, int spaced)
{
    PyObject *em = run->em_object;
    PyObject *direction = run->direction;
    PyObject *spaced_object = spaced ? Py_True : Py_False;
    Py_INCREF(em);
    Py_INCREF(direction);
    Py_INCREF(spaced_object);
    return Py_BuildValue("(kddddNNN)", (unsigned long)code, left, bottom, right, top, em,
                         direction, spaced_object);
}

static int append_owner(PyObject *owners, void *owner)
{
    PyObject *item = owner != NULL ? PyLong_FromVoidPtr(owner) : Py_NewRef(Py_None);
    if (item == NULL)
        return -1;
    int appended = PyList_Append(owners, item);
    Py_DECREF(item);
    return appended;
}

static int is_break(unsigned int code)
{
    return code == 0x20u || code == 0x0Du || code == 0x0Au;
}

/* The loop itself: `chars` (and `owners` when not NULL) filled. 0, or -1 with an exception. */
static int read_chars(const Pdfium *pdfium, void *page, const unsigned int *codes, int count,
                      PyObject *measure, PyObject *chars, PyObject *owners)
{
    PyObject *seen = PyDict_New();
    if (seen == NULL)
        return -1;
    FourFloats box = {0.0f, 0.0f, 0.0f, 0.0f}; /* kept when a call fails, as in Python */
    Run run = {0.0, 0.0, 0.0, 0, 0, NULL, NULL};
    int spaced = 0, failed = 0;
    for (int index = 0; index < count && !failed; index++) {
        unsigned int code = codes[index];
        if (is_break(code) && pdfium->generated(page, index)) {
            spaced = spaced || code == 0x20u;
            continue;
        }
        if (pdfium->unmapped(page, index) == 1 || code > 0x10FFFFu)
            code = REPLACEMENT;
        pdfium->loose(page, index, &box);
        double left = box.left, top = box.top, right = box.right, bottom = box.bottom;
        double size = pdfium->font_size(page, index), height = top - bottom;
        if (!run.known || size != run.size || height != run.height) {
            if (measure_run(seen, measure, index, size, height, &run) < 0) {
                failed = 1;
                break;
            }
        }
        if (run.upright && height > TALL_BOX_EM * run.em)
            bottom = baseline_bottom(pdfium, page, index, bottom, run.em);
        PyObject *item = raw_char(code, left, bottom, right,
                                  run.upright ? bottom + run.em : top, &run, spaced);
        failed = item == NULL || PyList_Append(chars, item) < 0;
        Py_XDECREF(item);
        if (!failed && owners != NULL)
            failed = append_owner(owners, pdfium->owner_of(page, index)) < 0;
        spaced = 0;
    }
    Py_DECREF(seen);
    return failed ? -1 : 0;
}

static PyObject *page_chars(PyObject *module, PyObject *args)
{
    (void)module;
    PyObject *functions, *address, *measure;
    int clipped_text;
    Pdfium pdfium;
    if (!PyArg_ParseTuple(args, "OOpO:page_chars", &functions, &address, &clipped_text, &measure))
        return NULL;
    if (bind(functions, &pdfium) < 0)
        return NULL;
    void *page = PyLong_AsVoidPtr(address);
    if (page == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "textpage: a null handle");
        return NULL;
    }
    if (!PyCallable_Check(measure)) {
        PyErr_SetString(PyExc_TypeError, "measure: a callable");
        return NULL;
    }
    int count;
    unsigned int *codes = page_codes(&pdfium, page, &count);
    if (codes == NULL && PyErr_Occurred())
        return NULL;
    PyObject *chars = PyList_New(0);
    PyObject *owners = clipped_text ? PyList_New(0) : Py_NewRef(Py_None);
    PyObject *result = NULL;
    if (chars != NULL && owners != NULL
        && read_chars(&pdfium, page, codes, count, measure, chars,
                      clipped_text ? owners : NULL) == 0)
        result = PyTuple_Pack(2, chars, owners);
    PyMem_Free(codes);
    Py_XDECREF(chars);
    Py_XDECREF(owners);
    return result;
}

#define CHAR_FIELDS 7

/* One Char's slot values (text, x0, x1, top, bottom, size, spaced) of a RawChar tuple, new
 * references; 0, or -1 with an exception. */
static int char_values(PyObject *raw, double shift_x, double shift_y, PyObject **values)
{
    if (!PyTuple_Check(raw) || PyTuple_GET_SIZE(raw) != 8) {
        PyErr_SetString(PyExc_TypeError, "place: a RawChar is a tuple of 8");
        return -1;
    }
    long code = PyLong_AsLong(PyTuple_GET_ITEM(raw, 0));
    double left = PyFloat_AsDouble(PyTuple_GET_ITEM(raw, 1));
    double bottom = PyFloat_AsDouble(PyTuple_GET_ITEM(raw, 2));
    double right = PyFloat_AsDouble(PyTuple_GET_ITEM(raw, 3));
    double top = PyFloat_AsDouble(PyTuple_GET_ITEM(raw, 4));
    if (PyErr_Occurred())
        return -1;
    values[0] = PyUnicode_FromOrdinal((int)code);
    if (shift_x == 0.0 && !signbit(shift_x)) { /* x - (+0.0) is x itself, -0.0 too */
        values[1] = Py_NewRef(PyTuple_GET_ITEM(raw, 1));
        values[2] = Py_NewRef(PyTuple_GET_ITEM(raw, 3));
    } else {
        values[1] = PyFloat_FromDouble(left - shift_x);
        values[2] = PyFloat_FromDouble(right - shift_x);
    }
    values[3] = PyFloat_FromDouble(shift_y - top);
    values[4] = PyFloat_FromDouble(shift_y - bottom);
    values[5] = Py_NewRef(PyTuple_GET_ITEM(raw, 5));
    values[6] = Py_NewRef(PyTuple_GET_ITEM(raw, 7));
    for (int i = 0; i < CHAR_FIELDS; i++) {
        if (values[i] == NULL) {
            for (int j = 0; j < CHAR_FIELDS; j++)
                Py_CLEAR(values[j]);
            return -1;
        }
    }
    return 0;
}

/* pdfchars.on_paper for one placed character (values: text, x0, x1, top, bottom, ...): not
   wholly outside the paper's box; a NaN figure compares false, as in Python. x0 and x1 may be
   the raw character's own numbers (unshifted), which char_values has already read as floats. */
static int on_paper(PyObject **values, const double *paper)
{
    double x0 = PyFloat_AsDouble(values[1]), x1 = PyFloat_AsDouble(values[2]);
    double top = PyFloat_AsDouble(values[3]), bottom = PyFloat_AsDouble(values[4]);
    return x1 > paper[0] && x0 < paper[2] && bottom > paper[1] && top < paper[3];
}

/* A Char with these slot values (references taken over); NULL with an exception. */
static PyObject *new_char(PyTypeObject *type, PyObject *fields, PyObject **values)
{
    PyObject *made = type->tp_alloc(type, 0);
    for (int i = 0; i < CHAR_FIELDS; i++) {
        PyObject *field = PyTuple_GET_ITEM(fields, i);
        if (made != NULL && Py_TYPE(field)->tp_descr_set(field, made, values[i]) < 0)
            Py_CLEAR(made);
        Py_DECREF(values[i]);
    }
    return made;
}

static PyObject *place(PyObject *module, PyObject *args)
{
    PyObject *chars, *fields;
    PyTypeObject *type;
    double shift_x, shift_y;
    double paper[4] = {0.0, 0.0, 0.0, 0.0};  /* x0, top, x1, bottom */
    (void)module;
    if (!PyArg_ParseTuple(args, "O!O!O!dd|(dddd):place", &PyList_Type, &chars, &PyType_Type,
                          &type, &PyTuple_Type, &fields, &shift_x, &shift_y, &paper[0],
                          &paper[1], &paper[2], &paper[3]))
        return NULL;
    int bounded = PyTuple_GET_SIZE(args) > 5;  /* no paper box: every character kept */
    if (PyTuple_GET_SIZE(fields) != CHAR_FIELDS) {
        PyErr_SetString(PyExc_TypeError, "place: Char has 7 fields");
        return NULL;
    }
    for (int i = 0; i < CHAR_FIELDS; i++) {
        if (Py_TYPE(PyTuple_GET_ITEM(fields, i))->tp_descr_set == NULL) {
            PyErr_SetString(PyExc_TypeError, "place: a field is a slot descriptor");
            return NULL;
        }
    }
    Py_ssize_t count = PyList_GET_SIZE(chars), kept = 0;
    PyObject *out = PyList_New(count);
    for (Py_ssize_t i = 0; out != NULL && i < count && i < PyList_GET_SIZE(chars); i++) {
        PyObject *values[CHAR_FIELDS] = {NULL};
        if (char_values(PyList_GET_ITEM(chars, i), shift_x, shift_y, values) < 0) {
            Py_CLEAR(out);
            break;
        }
        if (bounded && !on_paper(values, paper)) {
            for (int j = 0; j < CHAR_FIELDS; j++)
                Py_CLEAR(values[j]);
            continue;
        }
        PyObject *made = new_char(type, fields, values);
        if (made == NULL)
            Py_CLEAR(out);
        else
            PyList_SET_ITEM(out, kept++, made);
    }
    if (out != NULL && kept < count && PyList_SetSlice(out, kept, count, NULL) < 0)
        Py_CLEAR(out);
    return out;
}

static PyMethodDef methods[] = {
    {"place", place, METH_VARARGS,
     "place(chars, Char, fields, shift_x, shift_y[, paper]) -> [Char]: pdfchars.place on an "
     "unturned page."},
    {"page_chars", page_chars, METH_VARARGS,
     "page_chars(functions, textpage, clipped_text, measure) -> (chars, owners): a text "
     "page's characters as pdfchars.raw_chars's loop reads them."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_bulkchars",
    "A page's characters from PDFium in one call (see yusuan.readers.pdfchars).", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__bulkchars(void)
{
    return PyModule_Create(&module);
}
