/* A page's objects, path points, matrices, colours and clips read from PDFium in C.

   yusuan.readers.pdfobjects reads the same through ctypes, one call per object or path
   segment; this module makes those calls in C loops and gives back what the Python code
   would have built (see pdfobjects.py: page_tree/_nodes, _walk/_PathReader, _path_edges,
   and pdfchars.py: _user_clip), with the same arithmetic in the same order, so the results
   are identical. It does not link against PDFium: `bind` receives the addresses of PDFium's
   functions (as yusuan.readers.pdfium loaded them) and the calls cast them to the signatures
   of PDFium's public headers (fpdf_edit.h, fpdf_transformpage.h). Handles are passed as integer
   addresses. Nothing PDFium owns is released here.

   Built with -ffp-contract=off (setup.py): a fused multiply-add would round otherwise than
   Python's separate multiply and add. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>

#include "_pdfium_callconv.h"

typedef void *Handle;
typedef struct { float a, b, c, d, e, f; } FsMatrix; /* FS_MATRIX */

/* PDFium's functions, bound once by `bind` (names as in PDFium's public headers). */
static int (FPDF_CALLCONV *CountObjects)(Handle page);
static Handle (FPDF_CALLCONV *GetObject)(Handle page, int index);
static int (FPDF_CALLCONV *FormCountObjects)(Handle form);
static Handle (FPDF_CALLCONV *FormGetObject)(Handle form, unsigned long index);
static int (FPDF_CALLCONV *GetType)(Handle object);
static int (FPDF_CALLCONV *GetMatrix)(Handle object, FsMatrix *matrix);
static int (FPDF_CALLCONV *CountSegments)(Handle path);
static Handle (FPDF_CALLCONV *GetPathSegment)(Handle path, int index);
static int (FPDF_CALLCONV *SegmentGetPoint)(Handle segment, float *x, float *y);
static int (FPDF_CALLCONV *SegmentGetType)(Handle segment);
static int (FPDF_CALLCONV *SegmentGetClose)(Handle segment);
static Handle (FPDF_CALLCONV *GetClipPath)(Handle object);
static int (FPDF_CALLCONV *GetDrawMode)(Handle path, int *fill, int *stroke);
typedef int (FPDF_CALLCONV *GetColor)(Handle object, unsigned *r, unsigned *g, unsigned *b,
                                      unsigned *a);
static GetColor GetFillColor, GetStrokeColor;
static int (FPDF_CALLCONV *ClipCountPaths)(Handle clip);
static int (FPDF_CALLCONV *ClipCountPathSegments)(Handle clip, int path);
static Handle (FPDF_CALLCONV *ClipGetPathSegment)(Handle clip, int path, int index);

/* Object and segment kinds (fpdf_edit.h), given by `bind` from yusuan.readers.pdfium's
   constants. */
static int TEXT = -100, PATH = -100, IMAGE = -100, FORM = -100, LINETO = -100, MOVETO = -100;
static int bound = 0;

typedef struct { const char *name; void **slot; } Binding;

static const Binding BINDINGS[] = {
    {"FPDFPage_CountObjects", (void **)&CountObjects},
    {"FPDFPage_GetObject", (void **)&GetObject},
    {"FPDFFormObj_CountObjects", (void **)&FormCountObjects},
    {"FPDFFormObj_GetObject", (void **)&FormGetObject},
    {"FPDFPageObj_GetType", (void **)&GetType},
    {"FPDFPageObj_GetMatrix", (void **)&GetMatrix},
    {"FPDFPath_CountSegments", (void **)&CountSegments},
    {"FPDFPath_GetPathSegment", (void **)&GetPathSegment},
    {"FPDFPathSegment_GetPoint", (void **)&SegmentGetPoint},
    {"FPDFPathSegment_GetType", (void **)&SegmentGetType},
    {"FPDFPathSegment_GetClose", (void **)&SegmentGetClose},
    {"FPDFPageObj_GetClipPath", (void **)&GetClipPath},
    {"FPDFPath_GetDrawMode", (void **)&GetDrawMode},
    {"FPDFPageObj_GetFillColor", (void **)&GetFillColor},
    {"FPDFPageObj_GetStrokeColor", (void **)&GetStrokeColor},
    {"FPDFClipPath_CountPaths", (void **)&ClipCountPaths},
    {"FPDFClipPath_CountPathSegments", (void **)&ClipCountPathSegments},
    {"FPDFClipPath_GetPathSegment", (void **)&ClipGetPathSegment},
};

static const struct { const char *name; int *slot; } KINDS[] = {
    {"FPDF_PAGEOBJ_TEXT", &TEXT}, {"FPDF_PAGEOBJ_PATH", &PATH},
    {"FPDF_PAGEOBJ_IMAGE", &IMAGE}, {"FPDF_PAGEOBJ_FORM", &FORM},
    {"FPDF_SEGMENT_LINETO", &LINETO}, {"FPDF_SEGMENT_MOVETO", &MOVETO},
};

/* bind(addresses: dict[str, int], kinds: dict[str, int]) */
static PyObject *bind(PyObject *module, PyObject *args) {
    PyObject *addresses, *kinds;
    if (!PyArg_ParseTuple(args, "O!O!", &PyDict_Type, &addresses, &PyDict_Type, &kinds))
        return NULL;
    void *found[sizeof BINDINGS / sizeof BINDINGS[0]];
    for (size_t i = 0; i < sizeof BINDINGS / sizeof BINDINGS[0]; i++) {
        PyObject *address = PyDict_GetItemString(addresses, BINDINGS[i].name);
        if (address == NULL)
            return PyErr_Format(PyExc_KeyError, "no address for %s", BINDINGS[i].name);
        found[i] = PyLong_AsVoidPtr(address);
        if (found[i] == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_ValueError, "null address for %s", BINDINGS[i].name);
            return NULL;
        }
    }
    int kind_values[sizeof KINDS / sizeof KINDS[0]];
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++) {
        PyObject *value = PyDict_GetItemString(kinds, KINDS[i].name);
        if (value == NULL)
            return PyErr_Format(PyExc_KeyError, "no value for %s", KINDS[i].name);
        kind_values[i] = (int)PyLong_AsLong(value);
        if (PyErr_Occurred())
            return NULL;
    }
    for (size_t i = 0; i < sizeof BINDINGS / sizeof BINDINGS[0]; i++)
        *BINDINGS[i].slot = found[i];
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++)
        *KINDS[i].slot = kind_values[i];
    bound = 1;
    Py_RETURN_NONE;
}

/* A handle given as an int (or None: a null handle). */
static int as_handle(PyObject *value, Handle *handle) {
    if (!bound) {
        PyErr_SetString(PyExc_RuntimeError, "_bulkobjects.bind was not called");
        return 0;
    }
    if (value == Py_None) {
        *handle = NULL;
        return 1;
    }
    *handle = PyLong_AsVoidPtr(value);
    return !(*handle == NULL && PyErr_Occurred());
}

/* The objects of a page (form == 0) or of a form XObject. */
static int count_in(Handle container, int form) {
    return form ? FormCountObjects(container) : CountObjects(container);
}

static Handle object_in(Handle container, int form, int index) {
    return form ? FormGetObject(container, (unsigned long)index) : GetObject(container, index);
}

/* --- whether a text object has a clip (pdfobjects._nodes' clipped_text) --- */

static int clipped(Handle container, int form, int depth, int max_depth) {
    int count = count_in(container, form);
    for (int index = 0; index < count; index++) {
        Handle object = object_in(container, form, index);
        int kind = GetType(object);
        if (kind == FORM) {
            if (depth >= max_depth || clipped(object, 1, depth + 1, max_depth))
                return 1;
        } else if (kind == TEXT && ClipCountPaths(GetClipPath(object)) > 0) {
            return 1;
        }
    }
    return 0;
}

/* clipped_text(page: int, max_depth: int) -> bool */
static PyObject *clipped_text(PyObject *module, PyObject *args) {
    PyObject *page_value;
    int max_depth;
    Handle page;
    if (!PyArg_ParseTuple(args, "Oi", &page_value, &max_depth) || !as_handle(page_value, &page))
        return NULL;
    return PyBool_FromLong(clipped(page, 0, 0, max_depth));
}

/* --- ruling edges and images (pdfobjects._walk) --- */

typedef struct { double a, b, c, d, e, f; } Matrix;

typedef struct { double x0, top, x1, bottom; int horizontal; } Straight;

typedef struct {
    PyObject *edges;       /* list of Edge */
    PyObject *edge_class;  /* pdfobjects.Edge */
    long images;
    double straight, shortest;
    unsigned paper;
    int max_depth;
    Straight *found;       /* the straight segments of the path being read */
    size_t found_count, found_room;
} Walk;

static Matrix compose(Matrix outer, Matrix inner) { /* pdfobjects._compose */
    Matrix m;
    m.a = inner.a * outer.a + inner.b * outer.c;
    m.b = inner.a * outer.b + inner.b * outer.d;
    m.c = inner.c * outer.a + inner.d * outer.c;
    m.d = inner.c * outer.b + inner.d * outer.d;
    m.e = inner.e * outer.a + inner.f * outer.c + outer.e;
    m.f = inner.e * outer.b + inner.f * outer.d + outer.f;
    return m;
}

static Matrix placed(Matrix parent, Handle object) { /* _PathReader.placed */
    FsMatrix own;
    Matrix inner = {1.0, 0.0, 0.0, 1.0, 0.0, 0.0};
    if (GetMatrix(object, &own)) {
        inner.a = own.a; inner.b = own.b; inner.c = own.c;
        inner.d = own.d; inner.e = own.e; inner.f = own.f;
    }
    return compose(parent, inner);
}

static int inked(Walk *walk, GetColor get_color, Handle object) {
    unsigned red, green, blue, alpha;
    if (!get_color(object, &red, &green, &blue, &alpha))
        return 1;
    unsigned least = red < green ? red : green;
    least = blue < least ? blue : least;
    return alpha > 0 && least < walk->paper;
}

static int drawn(Walk *walk, Handle object) { /* _PathReader.drawn */
    int fill = 0, stroke = 0;
    if (!GetDrawMode(object, &fill, &stroke))
        return 1;
    return (stroke && inked(walk, GetStrokeColor, object))
        || (fill != 0 && inked(walk, GetFillColor, object));
}

static int add_straight(Walk *walk, double ax, double ay, double bx, double by) {
    double x0 = ax, x1 = bx, top = ay, bottom = by;  /* pdfobjects._add_straight */
    if (!(ax <= bx)) { x0 = bx; x1 = ax; }
    if (!(ay <= by)) { top = by; bottom = ay; }
    Straight edge;
    if (bottom - top < walk->straight && x1 > x0 && x1 - x0 >= walk->shortest) {
        double middle = (top + bottom) / 2;
        edge = (Straight){x0, middle, x1, middle, 1};
    } else if (x1 - x0 < walk->straight && bottom > top && bottom - top >= walk->shortest) {
        double middle = (x0 + x1) / 2;
        edge = (Straight){middle, top, middle, bottom, 0};
    } else {
        return 1;
    }
    if (walk->found_count == walk->found_room) {
        size_t room = walk->found_room ? 2 * walk->found_room : 64;
        Straight *grown = realloc(walk->found, room * sizeof *grown);
        if (grown == NULL) {
            PyErr_NoMemory();
            return 0;
        }
        walk->found = grown;
        walk->found_room = room;
    }
    walk->found[walk->found_count++] = edge;
    return 1;
}

/* The path's straight segments (pdfobjects._path_edges over _PathReader.points). */
static int path_edges(Walk *walk, Handle path, Matrix m) {
    int count = CountSegments(path);
    int first = 1;
    double start_x = 0.0, start_y = 0.0, x = 0.0, y = 0.0;
    double low = -walk->shortest, high = walk->shortest;
    for (int index = 0; index < count; index++) {
        Handle segment = GetPathSegment(path, index);
        float point_x, point_y;
        if (!SegmentGetPoint(segment, &point_x, &point_y))
            continue;
        int kind = SegmentGetType(segment), closes = SegmentGetClose(segment);
        double px = point_x, py = point_y;
        double here_x = m.a * px + m.c * py + m.e, here_y = m.b * px + m.d * py + m.f;
        if (kind == LINETO && !first) {
            double across = here_x - x, down = here_y - y;
            if (!(low < across && across < high && low < down && down < high)
                    && !add_straight(walk, x, y, here_x, here_y))
                return 0;
        }
        if (kind == MOVETO || first) {
            start_x = here_x;
            start_y = here_y;
            first = 0;
        }
        x = here_x;
        y = here_y;
        if (closes) {
            double across = start_x - x, down = start_y - y;
            if (!(low < across && across < high && low < down && down < high)
                    && !add_straight(walk, x, y, start_x, start_y))
                return 0;
            x = start_x;
            y = start_y;
        }
    }
    return 1;
}

static int append_edge(Walk *walk, const Straight *edge) {
    PyObject *args[5] = {PyFloat_FromDouble(edge->x0), PyFloat_FromDouble(edge->top),
                         PyFloat_FromDouble(edge->x1), PyFloat_FromDouble(edge->bottom),
                         edge->horizontal ? Py_True : Py_False};
    PyObject *made = NULL;
    if (args[0] && args[1] && args[2] && args[3])
        made = PyObject_Vectorcall(walk->edge_class, args, 5, NULL);
    for (int i = 0; i < 4; i++)
        Py_XDECREF(args[i]);
    if (made == NULL)
        return 0;
    int failed = PyList_Append(walk->edges, made);
    Py_DECREF(made);
    return failed == 0;
}

static int walk_objects(Walk *walk, Handle container, int form, int depth, Matrix parent) {
    int count = count_in(container, form);
    for (int index = 0; index < count; index++) {
        Handle object = object_in(container, form, index);
        int kind = GetType(object);
        if (kind == PATH) {
            walk->found_count = 0;
            if (!path_edges(walk, object, placed(parent, object)))
                return 0;
            if (walk->found_count && drawn(walk, object)) {
                for (size_t i = 0; i < walk->found_count; i++)
                    if (!append_edge(walk, &walk->found[i]))
                        return 0;
            }
        } else if (kind == IMAGE) {
            walk->images++;
        } else if (kind == FORM && depth < walk->max_depth) {
            if (!walk_objects(walk, object, 1, depth + 1, placed(parent, object)))
                return 0;
        }
    }
    return 1;
}

/* read_objects(page: int, frame: 6 floats, edge_class, max_depth: int, straight: float,
                shortest: float, paper: int) -> (edges: list, images: int) */
static PyObject *read_objects(PyObject *module, PyObject *args) {
    PyObject *page_value, *edge_class;
    Matrix frame;
    Walk walk = {0};
    Handle page;
    if (!PyArg_ParseTuple(args, "O(dddddd)OiddI", &page_value, &frame.a, &frame.b, &frame.c,
                          &frame.d, &frame.e, &frame.f, &edge_class, &walk.max_depth,
                          &walk.straight, &walk.shortest, &walk.paper)
            || !as_handle(page_value, &page))
        return NULL;
    walk.edge_class = edge_class;
    walk.edges = PyList_New(0);
    if (walk.edges == NULL)
        return NULL;
    int read = walk_objects(&walk, page, 0, 0, frame);
    free(walk.found);
    if (!read) {
        Py_DECREF(walk.edges);
        return NULL;
    }
    return Py_BuildValue("(Nl)", walk.edges, walk.images);
}

/* --- a clip's area (pdfchars._user_clip) --- */

/* user_clip(object: int) -> (left, bottom, right, top) | None: the paths' boxes intersected,
   with min and max taken as Python's min() and max() take them (the first kept on a tie or
   a NaN). */
static PyObject *user_clip(PyObject *module, PyObject *arg) {
    Handle object;
    if (!as_handle(arg, &object))
        return NULL;
    Handle clip = GetClipPath(object);
    if (clip == NULL)
        Py_RETURN_NONE;
    int have_box = 0;
    double box[4] = {0.0, 0.0, 0.0, 0.0};
    int paths = ClipCountPaths(clip);
    for (int path = 0; path < paths; path++) {
        int count = ClipCountPathSegments(clip, path);
        int have_point = 0;
        double area[4] = {0.0, 0.0, 0.0, 0.0};  /* min x, min y, max x, max y */
        for (int index = 0; index < count; index++) {
            float point_x, point_y;
            if (!SegmentGetPoint(ClipGetPathSegment(clip, path, index), &point_x, &point_y))
                continue;
            double x = point_x, y = point_y;
            if (!have_point) {
                area[0] = area[2] = x;
                area[1] = area[3] = y;
                have_point = 1;
                continue;
            }
            if (x < area[0]) area[0] = x;
            if (y < area[1]) area[1] = y;
            if (x > area[2]) area[2] = x;
            if (y > area[3]) area[3] = y;
        }
        if (!have_point)
            continue;
        if (!have_box) {
            for (int i = 0; i < 4; i++)
                box[i] = area[i];
            have_box = 1;
            continue;
        }
        for (int i = 0; i < 2; i++)  /* max(box[i], area[i]) */
            if (area[i] > box[i]) box[i] = area[i];
        for (int i = 2; i < 4; i++)  /* min(box[i], area[i]) */
            if (area[i] < box[i]) box[i] = area[i];
    }
    if (!have_box)
        Py_RETURN_NONE;
    return Py_BuildValue("(dddd)", box[0], box[1], box[2], box[3]);
}

static PyMethodDef METHODS[] = {
    {"bind", bind, METH_VARARGS, "Bind PDFium's functions: bind(addresses, kinds)."},
    {"clipped_text", clipped_text, METH_VARARGS,
     "Whether a text object of the page has a clip, or a form lies too deep."},
    {"read_objects", read_objects, METH_VARARGS, "A page's ruling edges and image count."},
    {"user_clip", user_clip, METH_O, "An object's clip in user space, or None."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef MODULE = {
    PyModuleDef_HEAD_INIT, "_bulkobjects",
    "A page's objects, paths and clips read from PDFium in C (see pdfobjects.py).", -1, METHODS,
};

PyMODINIT_FUNC PyInit__bulkobjects(void) { return PyModule_Create(&MODULE); }
