/* Ruled tables in C: yusuan.readers.pdftables's find_tables and cell_chars, and
   pdfpage._outside, with the same results.

   Every step is the Python code's (pdftables.py: merge_edges/_snap/_join, intersections,
   corners_to_cells/_smallest_cell, cells_to_tables, cell_chars/_slots), with the same
   arithmetic in the same order; a snapped position's mean is taken by Python's own `sum`.
   Where the Python code's answer would hang on how Python orders or keys odd values (a NaN
   or an infinity among the coordinates, a negative zero, a coordinate that is not a float,
   an edge whose `horizontal` is not a bool), a function returns None and the caller runs
   the Python code instead. With finite floats and no negative zero, equal coordinates are
   equal bit for bit and every sort is a total order, so sorting here gives Python's order.

   Built with -ffp-contract=off (setup.py): a fused multiply-add would round otherwise than
   Python's separate multiply and add. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h> /* T_OBJECT_EX */
#include <math.h>
#include <stdlib.h>
#include <string.h>

static PyObject *builtin_sum;

/* Where a value makes the Python code's answer depend on more than its value. */
#define ODD(v) (!isfinite(v) || ((v) == 0.0 && signbit(v)))

/* The float attribute `name` of `object` into *out: 1 read, 0 not a float (or missing: the
   error cleared, the Python code will raise it), -1 an error to pass on. */
static int float_attr(PyObject *object, PyObject *name, double *out)
{
    PyObject *value = PyObject_GetAttr(object, name);
    if (value == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError))
            return -1;
        PyErr_Clear();
        return 0;
    }
    int is_float = PyFloat_CheckExact(value);
    if (is_float)
        *out = PyFloat_AS_DOUBLE(value);
    Py_DECREF(value);
    return is_float;
}

/* Where objects of one type keep x0, top, x1, bottom and horizontal: the offsets of their
   slots when the type reads them as a slots dataclass does (its own __getattribute__ not
   overridden, each name a member of its __slots__), so they are read without a call each.
   -1: read through getattr. */
enum { X0, TOP, X1, BOTTOM, HORIZONTAL, FIELDS };

typedef struct { PyTypeObject *type; Py_ssize_t offset[FIELDS]; } Slots;

static PyObject *field_names[FIELDS];

static void slots_of(Slots *slots, PyTypeObject *type)
{
    slots->type = type;
    int generic = type->tp_getattro == PyObject_GenericGetAttr;
    for (int k = 0; k < FIELDS; k++) {
        PyObject *found = generic ? _PyType_Lookup(type, field_names[k]) : NULL; /* borrowed */
        slots->offset[k] = -1;
        if (found != NULL && Py_IS_TYPE(found, &PyMemberDescr_Type)
            && PyType_IsSubtype(type, PyDescr_TYPE(found))) { /* else Python refuses it */
            PyMemberDef *member = ((PyMemberDescrObject *)found)->d_member;
            if (member->type == T_OBJECT_EX)
                slots->offset[k] = member->offset;
        }
    }
}

/* Field k of `object` as float_attr reads it, from its slot where it can. */
static int float_field(PyObject *object, Slots *slots, int k, double *out)
{
    if (Py_TYPE(object) != slots->type)
        slots_of(slots, Py_TYPE(object));
    if (slots->offset[k] < 0)
        return float_attr(object, field_names[k], out);
    PyObject *value = *(PyObject **)((char *)object + slots->offset[k]);
    if (value == NULL || !PyFloat_CheckExact(value))
        return 0; /* unset (the Python code raises AttributeError) or not a float */
    *out = PyFloat_AS_DOUBLE(value);
    return 1;
}

/* Whether the edge is horizontal: 1 True, 2 False, 0 neither (or unset), -1 an error. */
static int horizontal_field(PyObject *object, Slots *slots)
{
    if (Py_TYPE(object) != slots->type)
        slots_of(slots, Py_TYPE(object));
    PyObject *flag;
    if (slots->offset[HORIZONTAL] >= 0) {
        flag = *(PyObject **)((char *)object + slots->offset[HORIZONTAL]);
    } else {
        flag = PyObject_GetAttr(object, field_names[HORIZONTAL]);
        if (flag == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_AttributeError))
                return -1;
            PyErr_Clear();
            return 0;
        }
        Py_DECREF(flag); /* only compared with Py_True and Py_False, which outlive it */
    }
    return flag == Py_True ? 1 : flag == Py_False ? 2 : 0;
}

/* The four floats of an object's box (x0, top, x1, bottom): 1, 0 odd, -1 an error. */
static int box_fields(PyObject *object, Slots *slots, double *box)
{
    for (int k = X0; k <= BOTTOM; k++) {
        int read = float_field(object, slots, k, &box[k]);
        if (read <= 0)
            return read;
    }
    return 1;
}

/* ---- find_tables -------------------------------------------------------------------- */

typedef struct { double pos, start, end; } Span;
typedef struct { double pos, start, end; int horizontal; } Merged;
typedef struct { double x, y; Py_ssize_t v, h; } Crossing;
typedef struct { double x, y; Py_ssize_t v_at, v_n, h_at, h_n; } Corner;
typedef struct { double x0, top, x1, bottom; } Cell;
typedef struct { double x, y; Py_ssize_t cell; } CellCorner;
typedef struct { double key_top, key_x0; Py_ssize_t first, order; } Group;

static int by_span(const void *a, const void *b)
{
    const Span *p = a, *q = b;
    if (p->pos != q->pos) return p->pos < q->pos ? -1 : 1;
    if (p->start != q->start) return p->start < q->start ? -1 : 1;
    if (p->end != q->end) return p->end < q->end ? -1 : 1;
    return 0;
}

static int by_point(const void *a, const void *b)
{
    const Crossing *p = a, *q = b;
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    if (p->y != q->y) return p->y < q->y ? -1 : 1;
    return 0;
}

static int by_cell_corner(const void *a, const void *b)
{
    const CellCorner *p = a, *q = b;
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    if (p->y != q->y) return p->y < q->y ? -1 : 1;
    return p->cell < q->cell ? -1 : p->cell > q->cell;
}

static const Corner *sorted_corners; /* for by_row's qsort */

static int by_row(const void *a, const void *b)
{
    const Corner *p = &sorted_corners[*(const Py_ssize_t *)a];
    const Corner *q = &sorted_corners[*(const Py_ssize_t *)b];
    if (p->y != q->y) return p->y < q->y ? -1 : 1;
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    return 0;
}

static int by_table_key(const void *a, const void *b)
{
    const Group *p = a, *q = b;
    if (p->key_top != q->key_top) return p->key_top < q->key_top ? -1 : 1;
    if (p->key_x0 != q->key_x0) return p->key_x0 < q->key_x0 ? -1 : 1;
    return p->order < q->order ? -1 : p->order > q->order; /* sorted() is stable */
}

/* The mean of the positions as `_snap` takes it: sum(...) / len(...). 0 with *out set, 1
   odd (the caller falls back), -1 an error. */
static int mean(const Span *spans, Py_ssize_t count, double *out)
{
    PyObject *positions = PyList_New(count);
    if (positions == NULL)
        return -1;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *value = PyFloat_FromDouble(spans[i].pos);
        if (value == NULL) {
            Py_DECREF(positions);
            return -1;
        }
        PyList_SET_ITEM(positions, i, value);
    }
    PyObject *total = PyObject_CallOneArg(builtin_sum, positions);
    Py_DECREF(positions);
    if (total == NULL)
        return -1;
    int is_float = PyFloat_CheckExact(total);
    double sum = is_float ? PyFloat_AS_DOUBLE(total) : 0.0;
    Py_DECREF(total);
    if (!is_float)
        return 1;
    *out = sum / (double)count;
    return ODD(*out) ? 1 : 0;
}

/* merge_edges for one direction, the edges of `min_length` or more appended to `merged`.
   0 done, 1 odd, -1 an error. */
static int merge_direction(Span *spans, Py_ssize_t count, int horizontal, double snap,
                           double join, double min_length, Merged *merged, Py_ssize_t *made)
{
    qsort(spans, (size_t)count, sizeof(Span), by_span);
    Py_ssize_t first = 0;
    while (first < count) {
        Py_ssize_t last = first + 1; /* the cluster: spans[first:last] */
        while (last < count && !(spans[last].pos > spans[last - 1].pos + snap))
            last++;
        double position;
        int odd = mean(spans + first, last - first, &position);
        if (odd)
            return odd;
        /* _join: the extents sorted (start, end) */
        Py_ssize_t n = last - first;
        Span *extents = PyMem_Malloc((size_t)n * sizeof(Span));
        if (extents == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        for (Py_ssize_t i = 0; i < n; i++)
            extents[i] = (Span){0.0, spans[first + i].start, spans[first + i].end};
        qsort(extents, (size_t)n, sizeof(Span), by_span);
        double start = extents[0].start, end = extents[0].end;
        for (Py_ssize_t i = 1; i <= n; i++) {
            if (i < n && extents[i].start <= end + join) {
                if (extents[i].end > end) /* max(end, this end) */
                    end = extents[i].end;
                continue;
            }
            if (end - start >= min_length)
                merged[(*made)++] = (Merged){position, start, end, horizontal};
            if (i < n) {
                start = extents[i].start;
                end = extents[i].end;
            }
        }
        PyMem_Free(extents);
        first = last;
    }
    return 0;
}

static int disjoint(const Py_ssize_t *a, Py_ssize_t a_n, const Py_ssize_t *b, Py_ssize_t b_n)
{
    for (Py_ssize_t i = 0; i < a_n; i++)
        for (Py_ssize_t j = 0; j < b_n; j++)
            if (a[i] == b[j])
                return 0;
    return 1;
}

/* The corner at exactly (x, y) in the corners sorted by (x, y), or -1. */
static Py_ssize_t corner_at(const Corner *corners, Py_ssize_t count, double x, double y)
{
    Py_ssize_t low = 0, high = count;
    while (low < high) {
        Py_ssize_t middle = low + (high - low) / 2;
        const Corner *c = &corners[middle];
        if (c->x < x || (c->x == x && c->y < y))
            low = middle + 1;
        else
            high = middle;
    }
    return low < count && corners[low].x == x && corners[low].y == y ? low : -1;
}

typedef struct {
    Span *spans;
    Merged *merged;
    Py_ssize_t *h_order;
    Crossing *crossings;
    Corner *corners;
    Py_ssize_t *ids, *row_order, *row_place, *rights, *parent;
    Cell *cells;
    CellCorner *cell_corners;
    Group *groups;
    Py_ssize_t *group_of;
} Work;

static void free_work(Work *w)
{
    PyMem_Free(w->spans);
    PyMem_Free(w->merged);
    PyMem_Free(w->h_order);
    PyMem_Free(w->crossings);
    PyMem_Free(w->corners);
    PyMem_Free(w->ids);
    PyMem_Free(w->row_order);
    PyMem_Free(w->row_place);
    PyMem_Free(w->rights);
    PyMem_Free(w->parent);
    PyMem_Free(w->cells);
    PyMem_Free(w->cell_corners);
    PyMem_Free(w->groups);
    PyMem_Free(w->group_of);
}

static void *allocate(Py_ssize_t count, size_t size)
{
    if (count < 0 || (size_t)count > PY_SSIZE_T_MAX / size / 2) {
        PyErr_NoMemory();
        return NULL;
    }
    void *block = PyMem_Malloc(count ? (size_t)count * size : 1);
    if (block == NULL)
        PyErr_NoMemory();
    return block;
}

/* The edges' spans (prefiltered), horizontal ones after the vertical ones. 0, 1 odd, -1. */
static int read_spans(PyObject *edges, double prefilter, Span *spans, Py_ssize_t *verticals,
                      Py_ssize_t *horizontals)
{
    Py_ssize_t count = PySequence_Fast_GET_SIZE(edges), v = 0, h = 0;
    PyObject **items = PySequence_Fast_ITEMS(edges);
    /* horizontal spans are put from the end backwards, then turned round */
    Slots slots = {NULL, {0}};
    for (Py_ssize_t i = 0; i < count; i++) {
        double box[4];
        int read = box_fields(items[i], &slots, box);
        if (read <= 0)
            return read < 0 ? -1 : 1;
        for (int k = 0; k < 4; k++)
            if (ODD(box[k]))
                return 1;
        int horizontal = horizontal_field(items[i], &slots);
        if (horizontal <= 0)
            return horizontal < 0 ? -1 : 1;
        double x0 = box[X0], top = box[TOP], x1 = box[X1], bottom = box[BOTTOM];
        if (horizontal == 1) {
            if (x1 - x0 >= prefilter)
                spans[count - 1 - h++] = (Span){top, x0, x1};
        } else if (bottom - top >= prefilter) {
            spans[v++] = (Span){x0, top, bottom};
        }
    }
    memmove(spans + v, spans + count - h, (size_t)h * sizeof(Span));
    *verticals = v;
    *horizontals = h;
    return 0;
}

static const Merged *sorted_merged; /* for by_h_top's qsort */

/* h_order holds indexes into sorted_merged: by position, then index (a stable sort) */
static int by_h_top(const void *a, const void *b)
{
    Py_ssize_t i = *(const Py_ssize_t *)a, j = *(const Py_ssize_t *)b;
    double p = sorted_merged[i].pos, q = sorted_merged[j].pos;
    if (p != q) return p < q ? -1 : 1;
    return i < j ? -1 : i > j;
}

static Py_ssize_t find_root(Py_ssize_t *parent, Py_ssize_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

/* The cells' tables as cells_to_tables groups and orders them: a list of lists of boxes. */
static PyObject *group_cells(Work *w, Py_ssize_t cell_count)
{
    Cell *cells = w->cells;
    if (!(w->parent = allocate(cell_count, sizeof(Py_ssize_t)))
        || !(w->cell_corners = allocate(4 * cell_count, sizeof(CellCorner)))
        || !(w->groups = allocate(cell_count, sizeof(Group)))
        || !(w->group_of = allocate(cell_count, sizeof(Py_ssize_t))))
        return NULL;
    for (Py_ssize_t i = 0; i < cell_count; i++) {
        Cell c = cells[i];
        w->parent[i] = i;
        w->cell_corners[4 * i] = (CellCorner){c.x0, c.top, i};
        w->cell_corners[4 * i + 1] = (CellCorner){c.x0, c.bottom, i};
        w->cell_corners[4 * i + 2] = (CellCorner){c.x1, c.top, i};
        w->cell_corners[4 * i + 3] = (CellCorner){c.x1, c.bottom, i};
    }
    qsort(w->cell_corners, (size_t)(4 * cell_count), sizeof(CellCorner), by_cell_corner);
    for (Py_ssize_t i = 1; i < 4 * cell_count; i++) {
        CellCorner *p = &w->cell_corners[i - 1], *q = &w->cell_corners[i];
        if (p->x == q->x && p->y == q->y) {
            Py_ssize_t a = find_root(w->parent, p->cell), b = find_root(w->parent, q->cell);
            if (a != b)
                w->parent[a > b ? a : b] = a < b ? a : b;
        }
    }
    /* groups in the order of their first cell; the size counted in `first` for now */
    Py_ssize_t group_count = 0;
    for (Py_ssize_t i = 0; i < cell_count; i++)
        w->group_of[i] = -1;
    for (Py_ssize_t i = 0; i < cell_count; i++) {
        Py_ssize_t root = find_root(w->parent, i);
        if (w->group_of[root] < 0) {
            w->group_of[root] = group_count;
            w->groups[group_count] = (Group){cells[i].top, cells[i].x0, 0, group_count};
            group_count++;
        }
        Group *g = &w->groups[w->group_of[root]];
        g->first++;
        if (cells[i].top < g->key_top || (cells[i].top == g->key_top && cells[i].x0 < g->key_x0)) {
            g->key_top = cells[i].top;
            g->key_x0 = cells[i].x0;
        }
    }
    /* tables: groups of two cells or more */
    Py_ssize_t tables = 0;
    for (Py_ssize_t g = 0; g < group_count; g++)
        if (w->groups[g].first > 1)
            w->groups[tables++] = w->groups[g];
    qsort(w->groups, (size_t)tables, sizeof(Group), by_table_key);
    /* group_of[g's order] -> place in the sorted tables */
    Py_ssize_t *place = w->parent; /* the roots are no longer needed: reuse as a map */
    for (Py_ssize_t i = 0; i < cell_count; i++)
        w->group_of[i] = w->group_of[find_root(w->parent, i)];
    for (Py_ssize_t g = 0; g < group_count; g++)
        place[g] = -1;
    for (Py_ssize_t t = 0; t < tables; t++)
        place[w->groups[t].order] = t;
    PyObject *out = PyList_New(tables);
    for (Py_ssize_t t = 0; out != NULL && t < tables; t++) {
        PyObject *cells_of = PyList_New(0);
        if (cells_of == NULL)
            Py_CLEAR(out);
        else
            PyList_SET_ITEM(out, t, cells_of);
    }
    for (Py_ssize_t i = 0; out != NULL && i < cell_count; i++) {
        Py_ssize_t t = place[w->group_of[i]];
        if (t < 0)
            continue;
        Cell c = cells[i];
        PyObject *box = Py_BuildValue("(dddd)", c.x0, c.top, c.x1, c.bottom);
        if (box == NULL || PyList_Append(PyList_GET_ITEM(out, t), box) < 0)
            Py_CLEAR(out);
        Py_XDECREF(box);
    }
    return out;
}

/* tables(edges, prefilter, snap, join, cross, min_length) -> [[box]] | None */
static PyObject *tables(PyObject *module, PyObject *args)
{
    PyObject *given;
    double prefilter, snap, join, cross, min_length;
    (void)module;
    if (!PyArg_ParseTuple(args, "Oddddd:tables", &given, &prefilter, &snap, &join, &cross,
                          &min_length))
        return NULL;
    if (!PyList_CheckExact(given) && !PyTuple_CheckExact(given))
        Py_RETURN_NONE; /* an iterator would be used up here: the Python code reads it */
    PyObject *edges = PySequence_Tuple(given); /* a copy: reading an attribute may run code */
    if (edges == NULL)
        return NULL;
    Work w = {0};
    PyObject *out = NULL;
    int odd = 0;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(edges), verticals, horizontals, made = 0;
    if (!(w.spans = allocate(count, sizeof(Span))) || !(w.merged = allocate(count, sizeof(Merged))))
        goto done;
    odd = read_spans(edges, prefilter, w.spans, &verticals, &horizontals);
    if (odd)
        goto done;
    if (verticals)
        odd = merge_direction(w.spans, verticals, 0, snap, join, min_length, w.merged, &made);
    if (!odd && horizontals)
        odd = merge_direction(w.spans + verticals, horizontals, 1, snap, join, min_length,
                              w.merged, &made);
    if (odd)
        goto done;

    /* intersections: the horizontal edges by top (stable), each vertical against those in
       reach */
    Py_ssize_t h_count = 0;
    if (!(w.h_order = allocate(made, sizeof(Py_ssize_t))))
        goto done;
    for (Py_ssize_t i = 0; i < made; i++)
        if (w.merged[i].horizontal)
            w.h_order[h_count++] = i;
    sorted_merged = w.merged;
    qsort(w.h_order, (size_t)h_count, sizeof(Py_ssize_t), by_h_top);
    Py_ssize_t crossing_count = 0, crossing_room = 16;
    if (!(w.crossings = allocate(crossing_room, sizeof(Crossing))))
        goto done;
    for (Py_ssize_t v = 0; v < made; v++) {
        const Merged *vertical = &w.merged[v];
        if (vertical->horizontal)
            continue;
        double x = vertical->pos, low_top = vertical->start - cross,
               high_top = vertical->end + cross;
        Py_ssize_t low = 0, high = h_count;
        while (low < high) { /* bisect_left(tops, low_top) */
            Py_ssize_t middle = low + (high - low) / 2;
            if (w.merged[w.h_order[middle]].pos < low_top) low = middle + 1; else high = middle;
        }
        Py_ssize_t first = low;
        high = h_count;
        while (low < high) { /* bisect_right(tops, high_top), from `first` on */
            Py_ssize_t middle = low + (high - low) / 2;
            if (high_top < w.merged[w.h_order[middle]].pos) high = middle; else low = middle + 1;
        }
        for (Py_ssize_t k = first; k < low; k++) {
            const Merged *h = &w.merged[w.h_order[k]];
            double left = h->start - cross, right = h->end + cross;
            if (left <= x && x <= right) {
                if (crossing_count == crossing_room) {
                    Crossing *bigger = NULL;
                    if ((size_t)crossing_room < PY_SSIZE_T_MAX / 8 / sizeof(Crossing))
                        bigger = PyMem_Realloc(w.crossings,
                                               (size_t)crossing_room * 2 * sizeof(Crossing));
                    if (bigger == NULL) {
                        PyErr_NoMemory();
                        goto done;
                    }
                    w.crossings = bigger;
                    crossing_room *= 2;
                }
                w.crossings[crossing_count++] = (Crossing){x, h->pos, v, w.h_order[k]};
            }
        }
    }
    /* the corners sorted by (x, y), each with its vertical and horizontal edge ids */
    qsort(w.crossings, (size_t)crossing_count, sizeof(Crossing), by_point);
    Py_ssize_t corner_count = 0;
    if (!(w.corners = allocate(crossing_count, sizeof(Corner)))
        || !(w.ids = allocate(2 * crossing_count, sizeof(Py_ssize_t))))
        goto done;
    for (Py_ssize_t i = 0, at = 0; i < crossing_count;) {
        Py_ssize_t j = i;
        while (j < crossing_count && w.crossings[j].x == w.crossings[i].x
               && w.crossings[j].y == w.crossings[i].y)
            j++;
        Corner *c = &w.corners[corner_count++];
        *c = (Corner){w.crossings[i].x, w.crossings[i].y, at, j - i, at + (j - i), j - i};
        for (Py_ssize_t k = i; k < j; k++) {
            w.ids[at + (k - i)] = w.crossings[k].v;
            w.ids[at + (j - i) + (k - i)] = w.crossings[k].h;
        }
        at += 2 * (j - i);
        i = j;
    }
    /* each row left to right: row_order holds the corners by (y, x), row_place each one's
       place there */
    if (!(w.row_order = allocate(corner_count, sizeof(Py_ssize_t)))
        || !(w.row_place = allocate(corner_count, sizeof(Py_ssize_t)))
        || !(w.rights = allocate(corner_count, sizeof(Py_ssize_t)))
        || !(w.cells = allocate(corner_count, sizeof(Cell))))
        goto done;
    for (Py_ssize_t i = 0; i < corner_count; i++)
        w.row_order[i] = i;
    sorted_corners = w.corners;
    qsort(w.row_order, (size_t)corner_count, sizeof(Py_ssize_t), by_row);
    for (Py_ssize_t i = 0; i < corner_count; i++)
        w.row_place[w.row_order[i]] = i;
    /* corners_to_cells: for each corner, column by column, the smallest cell it starts */
    Py_ssize_t cell_count = 0;
    const Corner *cs = w.corners;
    const Py_ssize_t *ids = w.ids;
    for (Py_ssize_t p = 0; p < corner_count; p++) {
        const Corner *point = &cs[p];
        Py_ssize_t rights = -1; /* not yet looked for */
        int found = 0;
        for (Py_ssize_t d = p + 1; !found && d < corner_count && cs[d].x == point->x; d++) {
            const Corner *down = &cs[d];
            if (disjoint(ids + point->v_at, point->v_n, ids + down->v_at, down->v_n))
                continue;
            if (rights < 0) {
                rights = 0;
                for (Py_ssize_t r = w.row_place[p] + 1;
                     r < corner_count && cs[w.row_order[r]].y == point->y; r++) {
                    const Corner *further = &cs[w.row_order[r]];
                    if (!disjoint(ids + point->h_at, point->h_n, ids + further->h_at,
                                  further->h_n))
                        w.rights[rights++] = w.row_order[r];
                }
                if (rights == 0)
                    break;
            }
            for (Py_ssize_t r = 0; r < rights; r++) {
                const Corner *across = &cs[w.rights[r]];
                Py_ssize_t k = corner_at(cs, corner_count, across->x, down->y);
                if (k < 0)
                    continue;
                const Corner *corner = &cs[k];
                if (!disjoint(ids + corner->v_at, corner->v_n, ids + across->v_at, across->v_n)
                    && !disjoint(ids + corner->h_at, corner->h_n, ids + down->h_at, down->h_n)) {
                    w.cells[cell_count++] = (Cell){point->x, point->y, corner->x, corner->y};
                    found = 1;
                    break;
                }
            }
        }
    }
    out = group_cells(&w, cell_count);
done:
    free_work(&w);
    Py_DECREF(edges);
    if (odd < 0) {
        Py_XDECREF(out);
        return NULL;
    }
    if (odd > 0 && !PyErr_Occurred())
        Py_RETURN_NONE;
    return out;
}

/* ---- cell_chars and _outside --------------------------------------------------------- */

static int by_double(const void *a, const void *b)
{
    double p = *(const double *)a, q = *(const double *)b;
    return p < q ? -1 : p > q;
}

/* The distinct values, sorted (equal values kept once, as a set keeps them). */
static Py_ssize_t distinct(double *values, Py_ssize_t count)
{
    qsort(values, (size_t)count, sizeof(double), by_double);
    Py_ssize_t kept = 0;
    for (Py_ssize_t i = 0; i < count; i++)
        if (kept == 0 || values[i] != values[kept - 1])
            values[kept++] = values[i];
    return kept;
}

static Py_ssize_t place_of(const double *values, Py_ssize_t count, double value)
{
    Py_ssize_t low = 0, high = count; /* the value is among them */
    while (low < high) {
        Py_ssize_t middle = low + (high - low) / 2;
        if (values[middle] < value) low = middle + 1; else high = middle;
    }
    return low;
}

static Py_ssize_t bisect_right(const double *values, Py_ssize_t count, double value)
{
    Py_ssize_t low = 0, high = count;
    while (low < high) {
        Py_ssize_t middle = low + (high - low) / 2;
        if (value < values[middle]) high = middle; else low = middle + 1;
    }
    return low;
}

/* A box's four floats (a tuple of four exact floats, none a NaN or infinite): 1, 0 odd. */
static int box_values(PyObject *box, double *values)
{
    if (!PyTuple_CheckExact(box) || PyTuple_GET_SIZE(box) != 4)
        return 0;
    for (int k = 0; k < 4; k++) {
        PyObject *item = PyTuple_GET_ITEM(box, k);
        if (!PyFloat_CheckExact(item))
            return 0;
        values[k] = PyFloat_AS_DOUBLE(item);
        if (!isfinite(values[k]))
            return 0;
    }
    return 1;
}

/* A character's middle: 1, 0 odd (not floats), -1 an error. */
static int middle(PyObject *ch, Slots *slots, double *x, double *y)
{
    double box[4];
    int read = box_fields(ch, slots, box);
    if (read <= 0)
        return read;
    *y = (box[TOP] + box[BOTTOM]) / 2;
    *x = (box[X0] + box[X1]) / 2;
    return 1;
}

/* cell_chars(cells, chars) -> {cell: [char]} | None */
static PyObject *cell_chars(PyObject *module, PyObject *args)
{
    PyObject *cells, *given;
    (void)module;
    if (!PyArg_ParseTuple(args, "OO:cell_chars", &cells, &given))
        return NULL;
    if (!PyList_CheckExact(cells) || (!PyList_CheckExact(given) && !PyTuple_CheckExact(given)))
        Py_RETURN_NONE; /* given otherwise (an iterator would be used up): the Python code's */
    if (PyList_GET_SIZE(cells) == 0)
        Py_RETURN_NONE; /* the Python code's own error (xs[0] of nothing) */
    cells = PyList_AsTuple(cells); /* copies: nothing run below can change what they hold */
    if (cells == NULL)
        return NULL;
    Py_ssize_t count = PyTuple_GET_SIZE(cells);
    PyObject *chars = PySequence_Tuple(given);
    if (chars == NULL) {
        Py_DECREF(cells);
        return NULL;
    }
    PyObject *found = NULL, **slots = NULL;
    double *xs = NULL, *ys = NULL;
    int odd = 0;
    if (!(xs = allocate(2 * count, sizeof(double))) || !(ys = allocate(2 * count, sizeof(double))))
        goto fail;
    for (Py_ssize_t i = 0; i < count; i++) {
        double v[4];
        if (!box_values(PyTuple_GET_ITEM(cells, i), v)) {
            odd = 1;
            goto fail;
        }
        xs[2 * i] = v[0];
        xs[2 * i + 1] = v[2];
        ys[2 * i] = v[1];
        ys[2 * i + 1] = v[3];
    }
    Py_ssize_t columns = distinct(xs, 2 * count), rows = distinct(ys, 2 * count);
    if (!(found = PyDict_New()))
        goto fail;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *held = PyList_New(0);
        if (held == NULL || PyDict_SetItem(found, PyTuple_GET_ITEM(cells, i), held) < 0) {
            Py_XDECREF(held);
            goto fail;
        }
        Py_DECREF(held);
    }
    if (columns > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(PyObject *) / (rows ? rows : 1)) {
        PyErr_NoMemory();
        goto fail;
    }
    if (!(slots = allocate(columns * rows, sizeof(PyObject *))))
        goto fail;
    for (Py_ssize_t i = 0; i < columns * rows; i++)
        slots[i] = NULL;
    Py_ssize_t at = 0;
    PyObject *cell, *held;
    while (PyDict_Next(found, &at, &cell, &held)) { /* later cells over earlier ones */
        double v[4];
        box_values(cell, v);
        Py_ssize_t c0 = place_of(xs, columns, v[0]), c1 = place_of(xs, columns, v[2]);
        Py_ssize_t r0 = place_of(ys, rows, v[1]), r1 = place_of(ys, rows, v[3]);
        for (Py_ssize_t i = c0; i < c1; i++)
            for (Py_ssize_t j = r0; j < r1; j++)
                slots[i * rows + j] = held;
    }
    double left = xs[0], right = xs[columns - 1], top = ys[0], bottom = ys[rows - 1];
    Py_ssize_t char_count = PySequence_Fast_GET_SIZE(chars);
    PyObject **items = PySequence_Fast_ITEMS(chars);
    Slots char_slots = {NULL, {0}};
    for (Py_ssize_t n = 0; n < char_count; n++) {
        double x, y;
        int read = middle(items[n], &char_slots, &x, &y);
        if (read <= 0) {
            odd = read == 0;
            goto fail;
        }
        if (top <= y && y < bottom && left <= x && x < right) {
            PyObject *slot = slots[(bisect_right(xs, columns, x) - 1) * rows
                                   + bisect_right(ys, rows, y) - 1];
            if (slot != NULL && PyList_Append(slot, items[n]) < 0)
                goto fail;
        }
    }
    PyMem_Free(xs);
    PyMem_Free(ys);
    PyMem_Free(slots);
    Py_DECREF(chars);
    Py_DECREF(cells);
    return found;
fail:
    PyMem_Free(xs);
    PyMem_Free(ys);
    PyMem_Free(slots);
    Py_DECREF(chars);
    Py_DECREF(cells);
    Py_XDECREF(found);
    if (odd && !PyErr_Occurred())
        Py_RETURN_NONE;
    return NULL;
}

/* outside(chars, boxes) -> [char] | None: pdfpage._outside */
static PyObject *outside(PyObject *module, PyObject *args)
{
    PyObject *given, *boxes;
    (void)module;
    if (!PyArg_ParseTuple(args, "OO:outside", &given, &boxes))
        return NULL;
    if (!PyList_CheckExact(boxes) || (!PyList_CheckExact(given) && !PyTuple_CheckExact(given)))
        Py_RETURN_NONE; /* given otherwise (an iterator would be used up): the Python code's */
    Py_ssize_t box_count = PyList_GET_SIZE(boxes);
    if (box_count == 0)
        return PySequence_List(given);
    double *doubled = allocate(4 * box_count, sizeof(double));
    if (doubled == NULL)
        return NULL;
    for (Py_ssize_t b = 0; b < box_count; b++) {
        if (!box_values(PyList_GET_ITEM(boxes, b), doubled + 4 * b)) {
            PyMem_Free(doubled);
            Py_RETURN_NONE;
        }
        for (int k = 0; k < 4; k++)
            doubled[4 * b + k] = 2 * doubled[4 * b + k];
    }
    PyObject *chars = PySequence_Tuple(given);
    PyObject *out = chars == NULL ? NULL : PyList_New(0);
    Py_ssize_t char_count = chars == NULL ? 0 : PySequence_Fast_GET_SIZE(chars);
    Slots slots = {NULL, {0}};
    for (Py_ssize_t n = 0; out != NULL && n < char_count; n++) {
        PyObject *ch = PySequence_Fast_GET_ITEM(chars, n);
        double box[4];
        int read = box_fields(ch, &slots, box);
        if (read <= 0) {
            Py_CLEAR(out);
            if (read == 0) {
                Py_XDECREF(chars);
                PyMem_Free(doubled);
                Py_RETURN_NONE;
            }
            break;
        }
        double across = box[X0] + box[X1], down = box[TOP] + box[BOTTOM];
        int inside = 0;
        for (Py_ssize_t b = 0; !inside && b < box_count; b++) {
            const double *d = doubled + 4 * b; /* x0, top, x1, bottom, doubled */
            inside = d[0] <= across && across <= d[2] && d[1] <= down && down <= d[3];
        }
        if (!inside && PyList_Append(out, ch) < 0)
            Py_CLEAR(out);
    }
    Py_XDECREF(chars);
    PyMem_Free(doubled);
    return out;
}

static PyMethodDef methods[] = {
    {"tables", tables, METH_VARARGS,
     "tables(edges, prefilter, snap, join, cross, min_length) -> [[box]] | None: the cells "
     "of pdftables.find_tables's tables, in its order (None: the Python code decides)."},
    {"cell_chars", cell_chars, METH_VARARGS,
     "cell_chars(cells, chars) -> {cell: [char]} | None: pdftables.cell_chars."},
    {"outside", outside, METH_VARARGS,
     "outside(chars, boxes) -> [char] | None: pdfpage._outside."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_bulktables",
    "Ruled tables' cells and their characters in C (see yusuan.readers.pdftables).", -1,
    methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__bulktables(void)
{
    static const char *names[FIELDS] = {"x0", "top", "x1", "bottom", "horizontal"};
    for (int k = 0; k < FIELDS; k++)
        if (!(field_names[k] = PyUnicode_InternFromString(names[k])))
            return NULL;
    PyObject *builtins = PyEval_GetBuiltins(); /* borrowed */
    builtin_sum = builtins == NULL ? NULL : PyDict_GetItemString(builtins, "sum");
    if (builtin_sum == NULL) {
        PyErr_SetString(PyExc_ImportError, "_bulktables: no builtin sum");
        return NULL;
    }
    Py_INCREF(builtin_sum);
    return PyModule_Create(&module);
}
