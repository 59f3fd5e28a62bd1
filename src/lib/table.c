/*
 * table.c: the one output writer.  A table is declared by its columns
 * (name, type, decimals); a row is filled by column index in any order,
 * then written: TSV with a header, or JSON Lines with the same keys.
 * Cells left unset, and numbers that are not finite, are missing: empty
 * TSV fields, JSON null.  TSV strings escape backslash, tab and newline
 * as \\, \t and \n.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

struct cell {
	int		 set;
	double		 num;
	long long	 i;
	size_t		 str;		/* offset in the row's text */
};

struct smp_table {
	FILE			*fp;
	enum smp_table_format	 fmt;
	const struct smp_column	*cols;
	int			 ncols;
	int			 col;	/* the column being written */
	int			 nout;	/* fields of the row written */
	struct cell		*cell;	/* the row being filled */
	struct smp_strbuf	 text;	/* its strings, NUL-separated */
	int			 misuse;	/* a cell set wrongly */
	unsigned char		*hidden;	/* columns left out, or NULL */
	int			 header;
	char			**rows;		/* text: TSV rows until flushed */
	size_t			 nrows, caprows;
	int			 nomem;		/* text: a row was lost */
};

struct smp_table *
smp_table_new_shown(FILE *fp, enum smp_table_format fmt, int header,
    const struct smp_column *cols, int ncols, const int *shown,
    struct smp_err *e)
{
	struct smp_table	*t;
	int			 i, n = 0;

	if ((t = calloc(1, sizeof *t)) == NULL ||
	    (t->cell = calloc((size_t)ncols + 1, sizeof *t->cell)) == NULL ||
	    (shown != NULL && (t->hidden = calloc((size_t)ncols + 1,
	    1)) == NULL)) {
		if (t != NULL)
			free(t->cell);
		free(t);
		smp_errf(e, SMP_E_NOMEM, "out of memory");
		return NULL;
	}
	t->fp = fp;
	t->fmt = fmt;
	t->cols = cols;
	t->ncols = ncols;
	for (i = 0; shown != NULL && i < ncols; i++)
		t->hidden[i] = !shown[i];
	t->header = header;
	if (fmt == SMP_TABLE_TSV && header) {
		for (i = 0; i < ncols; i++)
			if (t->hidden == NULL || !t->hidden[i])
				fprintf(fp, "%s%s", n++ ? "\t" : "",
				    cols[i].name);
		fputc('\n', fp);
	}
	return t;
}

struct smp_table *
smp_table_new(FILE *fp, enum smp_table_format fmt, int header,
    const struct smp_column *cols, int ncols, struct smp_err *e)
{
	return smp_table_new_shown(fp, fmt, header, cols, ncols, NULL, e);
}

static int
shown(const struct smp_table *t, int i)
{
	return t->hidden == NULL || !t->hidden[i];
}

/* Text: the length of the field at *p, and *p moved to the next one. */
static size_t
field(const char **p, const char **start)
{
	size_t	n = strcspn(*p, "\t");

	*start = *p;
	*p += n + ((*p)[n] == '\t');
	return n;
}

/* Text: print the rows held, aligned under the column names (numbers to
 * the right), two spaces apart, and forget them. */
void
smp_table_flush(struct smp_table *t)
{
	const char	*p, *f;
	size_t		*w, r, l;
	int		 i, k, last = -1;

	if (t->fmt != SMP_TABLE_TEXT || t->nrows == 0)
		return;
	if ((w = calloc((size_t)t->ncols + 1, sizeof *w)) == NULL) {
		t->nomem = 1;
		return;
	}
	for (i = 0; i < t->ncols; i++)
		if (shown(t, i)) {
			last = i;
			if (t->header)
				w[i] = strlen(t->cols[i].name);
		}
	for (r = 0; r < t->nrows; r++)
		for (p = t->rows[r], i = 0; i < t->ncols; i++)
			if (shown(t, i) && (l = field(&p, &f)) > w[i])
				w[i] = l;
	for (r = 0; r <= t->nrows; r++) {
		char	line[4096];
		size_t	n = 0;

		if (r == 0 && !t->header)
			continue;
		p = r > 0 ? t->rows[r - 1] : NULL;
		for (i = 0, k = 0; i < t->ncols && n < sizeof line; i++) {
			int	num = t->cols[i].type != SMP_COL_STR, width;

			if (!shown(t, i))
				continue;
			if (p != NULL)
				l = field(&p, &f);
			else
				f = t->cols[i].name, l = strlen(f);
			width = (int)w[i];
			n += (size_t)snprintf(line + n, sizeof line - n,
			    "%s%*s%.*s%*s", k++ ? "  " : "", num ? width -
			    (int)l : 0, "", (int)l, f, num || i == last ? 0 :
			    width - (int)l, "");
		}
		if (n >= sizeof line)
			n = sizeof line - 1;
		while (n > 0 && line[n - 1] == ' ')
			n--;
		fprintf(t->fp, "%.*s\n", (int)n, line);
	}
	for (r = 0; r < t->nrows; r++)
		free(t->rows[r]);
	t->nrows = 0;
	free(w);
}

enum smp_table_format
smp_table_format(const struct smp_table *t)
{
	return t->fmt;
}

void
smp_table_free(struct smp_table *t)
{
	if (t == NULL)
		return;
	smp_table_flush(t);
	free(t->rows);
	smp_strbuf_free(&t->text);
	free(t->cell);
	free(t->hidden);
	free(t);
}

/* Separator and, for JSON, the key of the field of column t->col; t->nout
 * counts the fields written. */
static void
table_field_start(struct smp_table *t)
{
	if (t->fmt != SMP_TABLE_JSON) {
		if (t->nout > 0)
			fputc('\t', t->fp);
	} else {
		fputs(t->nout == 0 ? "{" : ",", t->fp);
		fprintf(t->fp, "\"%s\":", t->cols[t->col].name);
	}
	t->nout++;
}

/* The length of the well-formed UTF-8 sequence at p (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or 0. */
static int
utf8_length(const unsigned char *p)
{
	int	n, i;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		n = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		n = 3;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		n = 4;
	else
		return 0;
	for (i = 1; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)	/* a NUL ends the string too */
			return 0;
	if ((p[0] == 0xE0 && p[1] < 0xA0) || (p[0] == 0xED && p[1] > 0x9F) ||
	    (p[0] == 0xF0 && p[1] < 0x90) || (p[0] == 0xF4 && p[1] > 0x8F))
		return 0;
	return n;
}

/* A JSON string.  A byte that is not part of well-formed UTF-8 (a file
 * name in another encoding) becomes the lone surrogate U+DC80 + byte, as
 * Python's surrogateescape does, so that every line parses and the name
 * can be recovered (smp(7)). */
static void
table_json_string(FILE *fp, const char *s)
{
	const unsigned char	*p;
	int			 n;

	fputc('"', fp);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		default:
			if (*p < 0x20 || *p == 0x7F)
				fprintf(fp, "\\u%04x", *p);
			else if ((n = utf8_length(p)) == 0)
				fprintf(fp, "\\udc%02x", *p);
			else {
				fwrite(p, 1, (size_t)n, fp);
				p += n - 1;
			}
		}
	}
	fputc('"', fp);
}

static void
table_tsv_string(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		default:
			fputc(*s, fp);
		}
	}
}

static void
table_null(struct smp_table *t)
{
	table_field_start(t);
	if (t->fmt == SMP_TABLE_JSON)
		fputs("null", t->fp);
}

static void
table_str(struct smp_table *t, const char *s)
{
	table_field_start(t);
	if (t->fmt == SMP_TABLE_JSON)
		table_json_string(t->fp, s);
	else
		table_tsv_string(t->fp, s);
}

static void
table_num(struct smp_table *t, double v, int prec)
{
	char	buf[64];
	int	n;

	table_field_start(t);
	n = snprintf(buf, sizeof buf, "%.*f", prec, v);
	/* A value that rounds to zero prints as 0, never -0.00. */
	if (buf[0] == '-' && strspn(buf + 1, "0.") == (size_t)(n - 1))
		fputs(buf + 1, t->fp);
	else
		fputs(buf, t->fp);
}

/* The cell of column col for a value of type ty, or NULL (remembered as
 * a misuse) when the column has another type or does not exist. */
static struct cell *
table_cell(struct smp_table *t, int col, enum smp_col_type ty)
{
	if (col < 0 || col >= t->ncols || t->cols[col].type != ty) {
		t->misuse = 1;
		return NULL;
	}
	return &t->cell[col];
}

void
smp_table_set_str(struct smp_table *t, int col, const char *s)
{
	struct cell	*c = table_cell(t, col, SMP_COL_STR);

	if (c == NULL || s == NULL)
		return;
	c->str = t->text.n;
	smp_strbuf_printf(&t->text, "%s%c", s, '\0');
	c->set = !t->text.fail;
}

void
smp_table_set_num(struct smp_table *t, int col, double v)
{
	struct cell	*c = table_cell(t, col, SMP_COL_NUM);

	if (c != NULL && isfinite(v)) {
		c->num = v;
		c->set = 1;
	}
}

void
smp_table_set_int(struct smp_table *t, int col, long long v)
{
	struct cell	*c = table_cell(t, col, SMP_COL_INT);

	if (c != NULL) {
		c->i = v;
		c->set = 1;
	}
}

int
smp_table_end_row(struct smp_table *t, struct smp_err *e)
{
	FILE	*out = t->fp;
	char	*row = NULL;
	size_t	 len = 0;
	int	 i, misuse = t->misuse, nomem = t->text.fail;

	/* Text rows are TSV in memory until smp_table_flush aligns them. */
	if (t->fmt == SMP_TABLE_TEXT && (t->fp = open_memstream(&row,
	    &len)) == NULL) {
		t->fp = out;
		t->nomem = 1;
	}

	for (i = 0; i < t->ncols; i++) {
		const struct cell	*c = &t->cell[i];

		if (t->hidden != NULL && t->hidden[i])
			continue;
		t->col = i;
		if (!c->set)
			table_null(t);
		else if (t->cols[i].type == SMP_COL_STR)
			table_str(t, t->text.b + c->str);
		else if (t->cols[i].type == SMP_COL_NUM)
			table_num(t, c->num, t->cols[i].prec);
		else {
			table_field_start(t);
			fprintf(t->fp, "%lld", c->i);
		}
	}
	if (t->fmt == SMP_TABLE_JSON)
		fputs("}", t->fp);
	if (t->fp != out) {
		struct smp_err	  ge = SMP_ERR_INIT;
		char		**rows;

		fclose(t->fp);
		t->fp = out;
		rows = row == NULL ? NULL : smp_grow_array(t->rows,
		    &t->caprows, t->nrows, sizeof *rows, &ge);
		if (rows == NULL) {
			free(row);
			t->nomem = 1;
		} else
			(t->rows = rows)[t->nrows++] = row;
	} else if (t->fmt != SMP_TABLE_TEXT)
		fputc('\n', t->fp);
	if (t->nomem)
		nomem = 1;
	t->col = 0;
	t->nout = 0;
	t->misuse = 0;
	memset(t->cell, 0, (size_t)t->ncols * sizeof *t->cell);
	t->text.n = 0;
	t->text.fail = 0;
	if (nomem)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	if (misuse)
		return smp_errf(e, SMP_E_INPUT, "internal: a cell set with "
		    "the wrong type or column");
	return 0;
}
