/* Characters -> words -> lines in one call: yusuan.readers.pdfwords's `line_texts` and
 * `plain_text`, made in C (pdfpage's `_outside` is in _bulktables.c).
 *
 * line_texts(chars, Char, fields) -> [(top, text)] or None
 *   pdfwords.line_texts: the words of `chars_to_words` grouped into lines as `words_to_lines`
 *   groups them, each joined as `join_words` joins it (letter-spacing between single Han
 *   characters removed as grid.unspace_letters removes it), blank lines left out.
 * plain_text(chars, Char, fields) -> str or None
 *   pdfwords.plain_text: a table cell's words by single spaces, its lines by newlines.
 *
 * `fields`: Char's seven slot descriptors (text, x0, x1, top, bottom, size, spaced), read
 * here by their offsets. None is the answer for input the Python code must see for itself:
 * an object not a Char, a figure not a float (or, for the first two, NaN or infinite, whose
 * order a sort cannot reproduce and whose rounding raises), a text not a str, `spaced` not a
 * bool, a column gap of more than MAX_GAP_SPACES spaces. The caller then runs the Python code,
 * which gives the answer (or raises) as it always did.
 *
 * Every figure is worked out as the Python code works it out: the same operations in the same
 * order on doubles (the build turns floating-point contraction off); min and max keep the
 * first of equal figures as Python's do; each sort is stable (the position breaks ties).
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define X_TOLERANCE 3.0
#define Y_TOLERANCE 3.0
#define WIDE_GAP_EM 1.5
#define TIGHT_GAP_EM 0.15
#define LINE_SLACK 0.2
#define MAX_GAP_SPACES 100000.0 /* a wider gap (no page is that wide): Python's path */

#define SMALL 48 /* a cell's characters at most, kept on the stack (most cells have a few) */
#define FIELDS 7
#define DONE 0
#define ERROR -1
#define PYTHON 1 /* the input is for the Python code */

enum { TEXT, X0, X1, TOP, BOTTOM, SIZE, SPACED };

typedef struct {
    PyObject *text; /* borrowed from the Char */
    double x0, x1, top, bottom, size;
    int spaced, space;
    Py_ssize_t order; /* the position before a sort: ties keep it */
} Glyph;

/* a word: its text in the shared buffer, its box, and the first character's size */
typedef struct {
    Py_ssize_t start, length;
    double x0, x1, top, bottom, size, rounded_top;
    Py_ssize_t order;
} Word;

typedef struct {
    PyTypeObject *type;
    Py_ssize_t offsets[FIELDS];
} Layout;

static int layout_of(PyObject *type, PyObject *fields, Layout *layout)
{
    if (!PyType_Check(type) || !PyTuple_Check(fields) || PyTuple_GET_SIZE(fields) != FIELDS) {
        PyErr_SetString(PyExc_TypeError, "Char and its 7 slot descriptors");
        return ERROR;
    }
    layout->type = (PyTypeObject *)type;
    for (Py_ssize_t i = 0; i < FIELDS; i++) {
        PyObject *field = PyTuple_GET_ITEM(fields, i);
        if (!Py_IS_TYPE(field, &PyMemberDescr_Type)
            || ((PyMemberDescrObject *)field)->d_common.d_type != layout->type
            || ((PyMemberDescrObject *)field)->d_member->type != T_OBJECT_EX) {
            PyErr_SetString(PyExc_TypeError, "fields: Char's slot descriptors");
            return ERROR;
        }
        layout->offsets[i] = ((PyMemberDescrObject *)field)->d_member->offset;
    }
    return DONE;
}

static PyObject *slot(PyObject *item, const Layout *layout, int field)
{
    return *(PyObject **)((char *)item + layout->offsets[field]); /* borrowed, NULL if unset */
}

/* str.isspace(): one character at least, all of them space */
static int is_space(PyObject *text)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < length; i++)
        if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
            return 0;
    return length > 0;
}

/* A Char's text, when it is a Char whose text is a str; NULL otherwise (no exception). */
static PyObject *text_of(PyObject *item, const Layout *layout)
{
    if (Py_TYPE(item) != layout->type)
        return NULL;
    PyObject *text = slot(item, layout, TEXT);
    return text != NULL && PyUnicode_CheckExact(text) ? text : NULL;
}

/* A float's figure into *figure: DONE, or PYTHON for another object (or a figure not finite
 * when `finite`). */
static int figure_of(PyObject *value, int finite, double *figure)
{
    if (value == NULL || !PyFloat_CheckExact(value))
        return PYTHON;
    *figure = PyFloat_AS_DOUBLE(value);
    return finite && !isfinite(*figure) ? PYTHON : DONE;
}

static int read_glyph(PyObject *item, const Layout *layout, int finite, Glyph *glyph)
{
    PyObject *text = text_of(item, layout);
    PyObject *spaced = text != NULL ? slot(item, layout, SPACED) : NULL;
    if (spaced != Py_True && spaced != Py_False)
        return PYTHON;
    if (figure_of(slot(item, layout, X0), finite, &glyph->x0)
        || figure_of(slot(item, layout, X1), finite, &glyph->x1)
        || figure_of(slot(item, layout, TOP), finite, &glyph->top)
        || figure_of(slot(item, layout, BOTTOM), finite, &glyph->bottom)
        || figure_of(slot(item, layout, SIZE), finite, &glyph->size))
        return PYTHON;
    glyph->text = text;
    glyph->spaced = spaced == Py_True;
    glyph->space = is_space(text);
    return DONE;
}

static void free_glyphs(Glyph *glyphs, Glyph *small)
{
    if (glyphs != small)
        PyMem_Free(glyphs);
}

/* The characters of a sequence as glyphs (finite figures only), *count of them; NULL with
 * *status PYTHON or ERROR (an exception) when not. */
static Glyph *read_glyphs(PyObject *items, const Layout *layout, Py_ssize_t *count,
                          int *status, Glyph *small)
{
    Py_ssize_t n = PySequence_Fast_GET_SIZE(items);
    PyObject **item = PySequence_Fast_ITEMS(items);
    Glyph *glyphs = n <= SMALL ? small : PyMem_New(Glyph, n);
    *count = n;
    if (glyphs == NULL) {
        PyErr_NoMemory();
        *status = ERROR;
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (read_glyph(item[i], layout, 1, &glyphs[i]) != DONE) {
            free_glyphs(glyphs, small);
            *status = PYTHON;
            return NULL;
        }
        glyphs[i].order = i;
    }
    *status = DONE;
    return glyphs;
}

/* ---- stable sorts: the position before the sort breaks ties ---- */

#define ORDER(p, q) (((p)->order > (q)->order) - ((p)->order < (q)->order))
#define BEFORE(a, b) ((a) < (b) ? -1 : (b) < (a) ? 1 : 0)

static int glyph_by_top(const void *a, const void *b)
{
    const Glyph *p = a, *q = b;
    int found = BEFORE(p->top, q->top);
    return found ? found : ORDER(p, q);
}

static int glyph_by_x0(const void *a, const void *b)
{
    const Glyph *p = a, *q = b;
    int found = BEFORE(p->x0, q->x0);
    return found ? found : ORDER(p, q);
}

static int word_by_top(const void *a, const void *b)
{
    const Word *p = a, *q = b;
    int found = BEFORE(p->top, q->top);
    return found ? found : ORDER(p, q);
}

static int word_by_x0(const void *a, const void *b)
{
    const Word *p = a, *q = b;
    int found = BEFORE(p->x0, q->x0);
    return found ? found : ORDER(p, q);
}

/* (x0, top): `_line_text`'s two stable sorts, by top and then by x0 */
static int word_by_x0_top(const void *a, const void *b)
{
    const Word *p = a, *q = b;
    int found = BEFORE(p->x0, q->x0);
    found = found ? found : BEFORE(p->top, q->top);
    return found ? found : ORDER(p, q);
}

/* (round(top), x0): `words_to_lines`' key */
static int word_by_line_key(const void *a, const void *b)
{
    const Word *p = a, *q = b;
    int found = BEFORE(p->rounded_top, q->rounded_top);
    found = found ? found : BEFORE(p->x0, q->x0);
    return found ? found : ORDER(p, q);
}

/* A few items by insertion (quick on the mostly ordered characters of a cell), more by qsort;
 * either way the order field breaks ties, so both are the stable sort. */
#define SORT(type, items, count, key)                                                       \
    do {                                                                                    \
        for (Py_ssize_t i_ = 0; i_ < (count); i_++)                                         \
            (items)[i_].order = i_;                                                         \
        if ((count) > 16) {                                                                 \
            qsort((items), (size_t)(count), sizeof(type), (key));                           \
            break;                                                                          \
        }                                                                                   \
        for (Py_ssize_t i_ = 1; i_ < (count); i_++) {                                       \
            type held_ = (items)[i_];                                                       \
            Py_ssize_t j_ = i_;                                                             \
            for (; j_ > 0 && (key)(&(items)[j_ - 1], &held_) > 0; j_--)                      \
                (items)[j_] = (items)[j_ - 1];                                              \
            (items)[j_] = held_;                                                            \
        }                                                                                   \
    } while (0)

static void sort_glyphs(Glyph *glyphs, Py_ssize_t count, int (*key)(const void *, const void *))
{
    SORT(Glyph, glyphs, count, key);
}

static void sort_words(Word *words, Py_ssize_t count, int (*key)(const void *, const void *))
{
    SORT(Word, words, count, key);
}

/* ---- characters -> words ---- */

/* The texts' buffer and the words made so far. */
typedef struct {
    Py_UCS4 *text;
    Py_ssize_t used;
    Word *words;
    Py_ssize_t count;
    Py_UCS4 small_text[2 * SMALL];
    Word small_words[SMALL];
} Made;

static void free_made(Made *made)
{
    if (made->text != made->small_text)
        PyMem_Free(made->text);
    if (made->words != made->small_words)
        PyMem_Free(made->words);
    made->text = made->small_text;
    made->words = made->small_words;
}

static int make_room(Made *made, const Glyph *glyphs, Py_ssize_t count)
{
    Py_ssize_t length = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        Py_ssize_t more = PyUnicode_GET_LENGTH(glyphs[i].text);
        if (more > (Py_ssize_t)(PY_SSIZE_T_MAX / sizeof(Py_UCS4)) - length) {
            made->text = made->small_text;
            made->words = made->small_words;
            PyErr_NoMemory();
            return ERROR;
        }
        length += more;
    }
    made->text = length <= 2 * SMALL ? made->small_text : PyMem_New(Py_UCS4, length);
    made->words = count <= SMALL ? made->small_words : PyMem_New(Word, count);
    made->used = made->count = 0;
    if (made->text == NULL || made->words == NULL) {
        free_made(made);
        PyErr_NoMemory();
        return ERROR;
    }
    return DONE;
}

static void append_text(Made *made, PyObject *text)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < length; i++)
        made->text[made->used++] = PyUnicode_READ(kind, data, i);
}

/* `_runs`: a line's glyphs (sorted by x0 here) into words: a space, a gap PDFium saw, a gap of
 * more than X_TOLERANCE, a step backwards or a step of more than Y_TOLERANCE ends a word. */
static void runs(Glyph *glyphs, Py_ssize_t count, Made *made)
{
    sort_glyphs(glyphs, count, glyph_by_x0);
    Word *current = NULL;
    const Glyph *previous = NULL;
    for (Py_ssize_t i = 0; i < count; i++) {
        const Glyph *glyph = &glyphs[i];
        if (glyph->space) {
            current = NULL;
            continue;
        }
        if (current != NULL
            && (glyph->spaced || glyph->x0 < previous->x0
                || glyph->x0 > previous->x1 + X_TOLERANCE
                || fabs(glyph->top - previous->top) > Y_TOLERANCE))
            current = NULL;
        if (current == NULL) {
            current = &made->words[made->count++];
            current->start = made->used;
            current->x0 = glyph->x0;
            current->x1 = glyph->x1;
            current->top = glyph->top;
            current->bottom = glyph->bottom;
            current->size = glyph->size;
        } else {
            if (glyph->x0 < current->x0)
                current->x0 = glyph->x0;
            if (glyph->x1 > current->x1)
                current->x1 = glyph->x1;
            if (glyph->top < current->top)
                current->top = glyph->top;
            if (glyph->bottom > current->bottom)
                current->bottom = glyph->bottom;
        }
        append_text(made, glyph->text);
        current->length = made->used - current->start;
        previous = glyph;
    }
}

/* `cluster_tops` then `_runs` on each group: the glyphs sorted by top, tops within
 * Y_TOLERANCE of the one before chained into a group. */
static void chars_to_words(Glyph *glyphs, Py_ssize_t count, Made *made)
{
    sort_glyphs(glyphs, count, glyph_by_top);
    Py_ssize_t start = 0;
    for (Py_ssize_t i = 1; i <= count; i++) {
        if (i == count || glyphs[i].top > glyphs[i - 1].top + Y_TOLERANCE) {
            runs(glyphs + start, i - start, made);
            start = i;
        }
    }
}

/* ---- words -> lines ---- */

/* round(x) as Python rounds a float: half to even */
static double python_round(double x)
{
    double rounded = round(x);
    if (fabs(x - rounded) == 0.5)
        rounded = 2.0 * round(x / 2.0);
    return rounded;
}

/* `_same_line` */
static int same_line(const Word *last, const Word *word)
{
    double height = last->bottom - last->top, other = word->bottom - word->top;
    if (other < height)
        height = other;
    if (height == 0.0)
        height = 1.0;
    double middle = (word->top + word->bottom) / 2;
    return last->top - LINE_SLACK * height <= middle
           && middle <= last->bottom + LINE_SLACK * height;
}

/* A growing buffer of code points. */
typedef struct {
    Py_UCS4 *data; /* `small` until it outgrows it */
    Py_ssize_t length, room;
    Py_UCS4 small[4 * SMALL];
} Buffer;

static void start_buffer(Buffer *buffer)
{
    buffer->data = buffer->small;
    buffer->length = 0;
    buffer->room = 4 * SMALL;
}

static void free_buffer(Buffer *buffer)
{
    if (buffer->data != buffer->small)
        PyMem_Free(buffer->data);
}

static int reserve(Buffer *buffer, Py_ssize_t more)
{
    if (more <= buffer->room - buffer->length)
        return DONE;
    if (more > PY_SSIZE_T_MAX / 8 - buffer->length) {
        PyErr_NoMemory();
        return ERROR;
    }
    Py_ssize_t room = (buffer->length + more) * 2 + 16;
    Py_UCS4 *data = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)room);
    if (data == NULL) {
        PyErr_NoMemory();
        return ERROR;
    }
    memcpy(data, buffer->data, sizeof(Py_UCS4) * (size_t)buffer->length);
    free_buffer(buffer);
    buffer->data = data;
    buffer->room = room;
    return DONE;
}

static int put_word(Buffer *buffer, const Made *made, const Word *word)
{
    if (reserve(buffer, word->length) < 0)
        return ERROR;
    memcpy(buffer->data + buffer->length, made->text + word->start,
           sizeof(Py_UCS4) * (size_t)word->length);
    buffer->length += word->length;
    return DONE;
}

static int put_separator(Buffer *buffer, Py_UCS4 separator)
{
    if (reserve(buffer, 1) < 0)
        return ERROR;
    buffer->data[buffer->length++] = separator;
    return DONE;
}

static int put_spaces(Buffer *buffer, Py_ssize_t count)
{
    if (reserve(buffer, count) < 0)
        return ERROR;
    for (Py_ssize_t i = 0; i < count; i++)
        buffer->data[buffer->length++] = ' ';
    return DONE;
}

/* `join_words` before the letter-spacing goes: tight gaps nothing, word gaps one space,
 * column gaps two or more. DONE, ERROR, or PYTHON for a gap too wide. */
static int join_line(const Word *words, Py_ssize_t count, const Made *made, Buffer *buffer)
{
    buffer->length = 0;
    if (put_word(buffer, made, &words[0]) < 0)
        return ERROR;
    for (Py_ssize_t i = 1; i < count; i++) {
        const Word *previous = &words[i - 1], *word = &words[i];
        double em = word->size;
        if (previous->size > em)
            em = previous->size;
        if (1.0 > em)
            em = 1.0;
        double gap = word->x0 - previous->x1;
        Py_ssize_t spaces = 0;
        if (gap < TIGHT_GAP_EM * em)
            spaces = 0;
        else if (gap < WIDE_GAP_EM * em)
            spaces = 1;
        else {
            double ems = gap / em;
            if (!isfinite(ems))
                return PYTHON;
            double rounded = python_round(ems);
            if (rounded > MAX_GAP_SPACES)
                return PYTHON;
            spaces = rounded > 2.0 ? (Py_ssize_t)rounded : 2;
        }
        if (put_spaces(buffer, spaces) < 0 || put_word(buffer, made, word) < 0)
            return ERROR;
    }
    return DONE;
}

/* `_HAN_CHAR.match`: one Han character (a newline after it matches `$` too) */
static int han_token(const Py_UCS4 *text, Py_ssize_t length)
{
    if (length != 1 && !(length == 2 && text[1] == '\n'))
        return 0;
    return (text[0] >= 0x3400 && text[0] <= 0x9FFF) || (text[0] >= 0xF900 && text[0] <= 0xFAFF);
}

/* grid.unspace_letters in place: a space (U+0020) between two tokens that are each a single
 * Han character goes. */
static void unspace_letters(Buffer *buffer)
{
    Py_UCS4 *text = buffer->data;
    Py_ssize_t length = buffer->length, out = 0, start = 0;
    int before_han = 0; /* the token before the pending space is one Han character */
    int pending = 0;    /* a space read, not yet written */
    for (Py_ssize_t i = 0; i <= length; i++) {
        if (i < length && text[i] != ' ')
            continue;
        /* the token [start, i) is complete */
        int han = han_token(text + start, i - start);
        if (pending && !(before_han && han))
            text[out++] = ' ';
        memmove(text + out, text + start, sizeof(Py_UCS4) * (size_t)(i - start));
        out += i - start;
        before_han = han;
        pending = i < length;
        start = i + 1;
    }
    buffer->length = out;
}

static int blank(const Buffer *buffer)
{
    for (Py_ssize_t i = 0; i < buffer->length; i++)
        if (!Py_UNICODE_ISSPACE(buffer->data[i]))
            return 0;
    return 1;
}

static PyObject *buffer_text(const Buffer *buffer)
{
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buffer->data, buffer->length);
}

/* The lines of the words: (top, text) appended to `out`. DONE, ERROR or PYTHON. */
static int words_to_lines(Made *made, PyObject *out)
{
    Word *words = made->words;
    Py_ssize_t count = made->count;
    for (Py_ssize_t i = 0; i < count; i++)
        words[i].rounded_top = python_round(words[i].top);
    sort_words(words, count, word_by_line_key);
    Py_ssize_t *starts = PyMem_New(Py_ssize_t, count + 1);
    if (starts == NULL) {
        PyErr_NoMemory();
        return ERROR;
    }
    Py_ssize_t lines = 0;
    for (Py_ssize_t i = 0; i < count; i++)
        if (i == 0 || !same_line(&words[i - 1], &words[i]))
            starts[lines++] = i;
    starts[lines] = count;
    Buffer buffer;
    start_buffer(&buffer);
    int status = DONE;
    for (Py_ssize_t line = 0; line < lines && status == DONE; line++) {
        Word *first = words + starts[line];
        Py_ssize_t size = starts[line + 1] - starts[line];
        sort_words(first, size, word_by_x0);
        status = join_line(first, size, made, &buffer);
        if (status != DONE)
            break;
        unspace_letters(&buffer);
        if (blank(&buffer))
            continue;
        double top = first[0].top;
        for (Py_ssize_t i = 1; i < size; i++)
            if (first[i].top < top)
                top = first[i].top;
        PyObject *text = buffer_text(&buffer);
        PyObject *item = text != NULL ? Py_BuildValue("(dN)", top, text) : NULL;
        if (item == NULL || PyList_Append(out, item) < 0)
            status = ERROR;
        Py_XDECREF(item);
    }
    free_buffer(&buffer);
    PyMem_Free(starts);
    return status;
}

static int parse(PyObject *args, const char *format, PyObject **items, Layout *layout,
                 PyObject **boxes)
{
    PyObject *chars, *type, *fields;
    int parsed = boxes != NULL ? PyArg_ParseTuple(args, format, &chars, &type, &fields, boxes)
                               : PyArg_ParseTuple(args, format, &chars, &type, &fields);
    if (!parsed || layout_of(type, fields, layout) < 0)
        return ERROR;
    if (!PyList_CheckExact(chars) && !PyTuple_CheckExact(chars))
        return PYTHON; /* an iterator would be used up here: the Python code reads the rest */
    *items = PySequence_Fast(chars, "chars: a sequence of Char");
    return *items != NULL ? DONE : ERROR;
}

static PyObject *line_texts(PyObject *module, PyObject *args)
{
    (void)module;
    PyObject *items;
    Layout layout;
    int parsed = parse(args, "OOO:line_texts", &items, &layout, NULL);
    if (parsed != DONE) {
        if (parsed == PYTHON)
            Py_RETURN_NONE;
        return NULL;
    }
    Py_ssize_t count;
    int status = ERROR; /* read_glyphs sets it only when it fails */
    Glyph small[SMALL];
    Glyph *glyphs = read_glyphs(items, &layout, &count, &status, small);
    PyObject *out = NULL;
    Made made;
    if (glyphs != NULL && (out = PyList_New(0)) != NULL
        && (status = make_room(&made, glyphs, count)) == DONE) {
        chars_to_words(glyphs, count, &made);
        status = words_to_lines(&made, out);
        free_made(&made);
    }
    if (glyphs != NULL)
        free_glyphs(glyphs, small);
    Py_DECREF(items);
    if (status == DONE && out != NULL)
        return out;
    Py_XDECREF(out);
    if (status == PYTHON)
        Py_RETURN_NONE;
    if (!PyErr_Occurred())
        PyErr_NoMemory();
    return NULL;
}

/* The words [words, words + count) by `separator`, after what `buffer` holds: DONE or ERROR. */
static int put_joined(const Word *words, Py_ssize_t count, const Made *made, Buffer *buffer,
                      Py_UCS4 separator)
{
    for (Py_ssize_t i = 0; i < count; i++) {
        if (i > 0 && put_separator(buffer, separator) < 0)
            return ERROR;
        if (put_word(buffer, made, &words[i]) < 0)
            return ERROR;
    }
    return DONE;
}

/* `plain_text` past its one-character case: the glyphs' words by single spaces, their lines
 * by newlines. DONE or ERROR. */
static int cell_text(Glyph *glyphs, Py_ssize_t count, Made *made, Buffer *buffer)
{
    double low = glyphs[0].top, high = glyphs[0].top;
    for (Py_ssize_t i = 1; i < count; i++) {
        if (glyphs[i].top < low)
            low = glyphs[i].top;
        if (glyphs[i].top > high)
            high = glyphs[i].top;
    }
    if (high <= low + Y_TOLERANCE) { /* one line: `_line_text`, its words by x0, then top */
        sort_glyphs(glyphs, count, glyph_by_top);
        runs(glyphs, count, made);
        sort_words(made->words, made->count, word_by_x0_top);
        return put_joined(made->words, made->count, made, buffer, ' ');
    }
    chars_to_words(glyphs, count, made);
    Word *words = made->words;
    sort_words(words, made->count, word_by_top);
    Py_ssize_t start = 0; /* the line's first word: a top past the one before by Y_TOLERANCE */
    for (Py_ssize_t i = 1; i <= made->count; i++) {
        if (i < made->count && !(words[i].top > words[i - 1].top + Y_TOLERANCE))
            continue;
        sort_words(words + start, i - start, word_by_x0);
        if ((start > 0 && put_separator(buffer, '\n') < 0)
            || put_joined(words + start, i - start, made, buffer, ' ') < 0)
            return ERROR;
        start = i;
    }
    return DONE;
}

static PyObject *plain_text(PyObject *module, PyObject *args)
{
    (void)module;
    PyObject *items;
    Layout layout;
    int parsed = parse(args, "OOO:plain_text", &items, &layout, NULL);
    if (parsed != DONE) {
        if (parsed == PYTHON)
            Py_RETURN_NONE;
        return NULL;
    }
    Py_ssize_t count = PySequence_Fast_GET_SIZE(items);
    if (count < 2) { /* an empty cell, or a single character */
        PyObject *text = count ? text_of(PySequence_Fast_GET_ITEM(items, 0), &layout) : NULL;
        PyObject *found = count == 0 ? PyUnicode_New(0, 0)
                          : text == NULL ? Py_NewRef(Py_None)
                          : is_space(text) ? PyUnicode_New(0, 0) : Py_NewRef(text);
        Py_DECREF(items);
        return found;
    }
    int status;
    Glyph small[SMALL];
    Glyph *glyphs = read_glyphs(items, &layout, &count, &status, small);
    if (glyphs == NULL) {
        Py_DECREF(items);
        if (status == PYTHON)
            Py_RETURN_NONE;
        return NULL;
    }
    Made made;
    Buffer buffer;
    start_buffer(&buffer);
    PyObject *text = NULL;
    if (make_room(&made, glyphs, count) == DONE) {
        if (cell_text(glyphs, count, &made, &buffer) == DONE)
            text = buffer_text(&buffer);
        free_made(&made);
    }
    free_buffer(&buffer);
    free_glyphs(glyphs, small);
    Py_DECREF(items); /* last: the glyphs' texts are borrowed from the characters it holds */
    return text;
}

static PyMethodDef methods[] = {
    {"line_texts", line_texts, METH_VARARGS,
     "line_texts(chars, Char, fields) -> [(top, text)] or None: pdfwords.line_texts."},
    {"plain_text", plain_text, METH_VARARGS,
     "plain_text(chars, Char, fields) -> str or None: pdfwords.plain_text."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_bulkwords",
    "Characters -> words -> lines in one call (see yusuan.readers.pdfwords).", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__bulkwords(void)
{
    return PyModule_Create(&module);
}
