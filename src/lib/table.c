/*
 * table.c: the one output writer.  TSV with a header, or JSON Lines with
 * the same keys.  Missing values are empty TSV fields and JSON null.  TSV
 * strings escape backslash, tab and newline as \\, \t and \n.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

struct smp_table {
	FILE			*fp;
	enum smp_table_format	 fmt;
	const char *const	*cols;
	int			 ncols;
	int			 col;	/* next column of the current row */
};

struct smp_table *
smp_table_new(FILE *fp, enum smp_table_format fmt, int header,
    const char *const *cols, int ncols, struct smp_err *e)
{
	struct smp_table	*t;
	int			 i;

	if ((t = calloc(1, sizeof *t)) == NULL) {
		smp_errf(e, SMP_E_NOMEM, "out of memory");
		return NULL;
	}
	t->fp = fp;
	t->fmt = fmt;
	t->cols = cols;
	t->ncols = ncols;
	if (fmt == SMP_TABLE_TSV && header) {
		for (i = 0; i < ncols; i++)
			fprintf(fp, "%s%s", i ? "\t" : "", cols[i]);
		fputc('\n', fp);
	}
	return t;
}

void
smp_table_free(struct smp_table *t)
{
	free(t);
}

/* Separator and, for JSON, the key of the next field. */
static void
table_field_start(struct smp_table *t)
{
	if (t->fmt == SMP_TABLE_TSV) {
		if (t->col > 0)
			fputc('\t', t->fp);
	} else {
		fputs(t->col == 0 ? "{" : ",", t->fp);
		if (t->col < t->ncols)
			fprintf(t->fp, "\"%s\":", t->cols[t->col]);
	}
	t->col++;
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

void
smp_table_null(struct smp_table *t)
{
	table_field_start(t);
	if (t->fmt == SMP_TABLE_JSON)
		fputs("null", t->fp);
}

void
smp_table_str(struct smp_table *t, const char *s)
{
	if (s == NULL) {
		smp_table_null(t);
		return;
	}
	table_field_start(t);
	if (t->fmt == SMP_TABLE_JSON)
		table_json_string(t->fp, s);
	else
		table_tsv_string(t->fp, s);
}

void
smp_table_num(struct smp_table *t, double v, int prec)
{
	char	buf[64];
	int	n;

	if (!isfinite(v)) {
		smp_table_null(t);
		return;
	}
	table_field_start(t);
	n = snprintf(buf, sizeof buf, "%.*f", prec, v);
	/* A value that rounds to zero prints as 0, never -0.00. */
	if (buf[0] == '-' && strspn(buf + 1, "0.") == (size_t)(n - 1))
		fputs(buf + 1, t->fp);
	else
		fputs(buf, t->fp);
}

void
smp_table_int(struct smp_table *t, long long v)
{
	table_field_start(t);
	fprintf(t->fp, "%lld", v);
}

int
smp_table_end_row(struct smp_table *t, struct smp_err *e)
{
	int	col = t->col;

	if (t->fmt == SMP_TABLE_JSON)
		fputs(col ? "}" : "{}", t->fp);
	fputc('\n', t->fp);
	t->col = 0;
	if (col != t->ncols)
		return smp_errf(e, SMP_E_INPUT,
		    "internal: row has %d fields, table has %d", col, t->ncols);
	return 0;
}
