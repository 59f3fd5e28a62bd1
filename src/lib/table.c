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

void
smp_table_free(struct smp_table *t)
{
	if (t == NULL)
		return;
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
	if (t->fmt == SMP_TABLE_TSV) {
		if (t->nout > 0)
			fputc('\t', t->fp);
	} else {
		fputs(t->nout == 0 ? "{" : ",", t->fp);
		fprintf(t->fp, "\"%s\":", t->cols[t->col].name);
	}
	t->nout++;
}

static void
table_json_string(FILE *fp, const char *s)
{
	const unsigned char	*p;

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
			if (*p < 0x20)
				fprintf(fp, "\\u%04x", *p);
			else
				fputc(*p, fp);
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
	int	i, misuse = t->misuse, nomem = t->text.fail;

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
	fputc('\n', t->fp);
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
