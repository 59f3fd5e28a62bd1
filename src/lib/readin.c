/*
 * readin.c: read Lab readings (smp-sample(1) output, or any TSV with L, a
 * and b columns).  Columns are found by header name, unknown columns are
 * ignored, and a repeated header line (concatenated outputs) is skipped.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "smp.h"

enum { C_FILE, C_REGION, C_CLASS, C_WHITE, C_L, C_A, C_B, C_DATE, C_N };
static const char *const colname[C_N] = {
	"file", "region", "class", "white", "L", "a", "b", "date"
};

static char *
dup_or_null(const char *s, struct smp_err *e)
{
	char	*d = strdup(s);

	if (d == NULL)
		smp_errf(e, SMP_E_NOMEM, "out of memory");
	return d;
}

static int
row_add(struct smp_labrows *rs, const struct smp_tsv *t, const int *col,
    enum smp_white dflt, struct smp_err *e)
{
	struct smp_labrow	*r, *q;
	struct smp_err		 sub = SMP_ERR_INIT;
	double			 v[3];
	int			 i;

	for (i = 0; i < 3; i++) {
		const char	*f = t->f[col[C_L + i]];

		if (smp_parse_double(f, i == 0 ? 0 : -200, i == 0 ? 100 : 200,
		    &v[i], &sub) == -1)
			return smp_tsv_errf(t, e, "%s: %s", colname[C_L + i],
			    sub.msg);
	}
	if ((q = smp_grow_array(rs->r, &rs->cap, rs->n, sizeof *q, e)) == NULL)
		return -1;
	rs->r = q;
	r = &rs->r[rs->n];
	memset(r, 0, sizeof *r);
	r->lab.L = v[0], r->lab.a = v[1], r->lab.b = v[2];
	r->white = dflt;
	r->line = t->line;
	if (col[C_WHITE] >= 0) {
		const char	*w = t->f[col[C_WHITE]];

		if (smp_names_parse(&smp_names_white, w, &r->white,
		    &sub) == -1)
			return smp_tsv_errf(t, e, "white: %s", sub.msg);
	}
	if ((r->file = dup_or_null(col[C_FILE] >= 0 ? t->f[col[C_FILE]] :
	    t->path, e)) == NULL ||
	    (r->region = dup_or_null(col[C_REGION] >= 0 ?
	    t->f[col[C_REGION]] : "-", e)) == NULL ||
	    (r->klass = dup_or_null(col[C_CLASS] >= 0 ? t->f[col[C_CLASS]] :
	    "all", e)) == NULL ||
	    (r->date = dup_or_null(col[C_DATE] >= 0 ? t->f[col[C_DATE]] : "",
	    e)) == NULL) {
		free(r->file);
		free(r->region);
		free(r->klass);
		return -1;
	}
	rs->n++;
	return 0;
}

int
smp_labrows_read(const char *path, int dflt,
    struct smp_labrows *rs, struct smp_err *e)
{
	struct smp_tsv	 t;
	int		 col[C_N], ncols = 0, i, r;

	if (smp_tsv_open(&t, path, e) == -1)
		return -1;
	while ((r = smp_tsv_next(&t, e)) == 1) {
		if (ncols == 0) {
			for (i = 0; i < C_N; i++)
				col[i] = smp_tsv_col(&t, colname[i]);
			if (col[C_L] < 0 || col[C_A] < 0 || col[C_B] < 0) {
				r = smp_tsv_errf(&t, e, "no L, a and b columns "
				    "in the header");
				break;
			}
			ncols = t.nf;
			continue;
		}
		if (t.nf != ncols) {
			r = smp_tsv_errf(&t, e, "%d fields, the header has %d",
			    t.nf, ncols);
			break;
		}
		if (strcmp(t.f[col[C_L]], "L") == 0)
			continue;		/* the header again */
		if ((r = row_add(rs, &t, col, dflt, e)) == -1)
			break;
	}
	if (r == 0 && ncols == 0)
		r = smp_errf(e, SMP_E_INPUT, "%s: no header line", t.path);
	smp_tsv_close(&t);
	return r;
}

void
smp_labrows_clear(struct smp_labrows *rs)
{
	size_t	i;

	for (i = 0; i < rs->n; i++) {
		free(rs->r[i].file);
		free(rs->r[i].region);
		free(rs->r[i].klass);
		free(rs->r[i].date);
	}
	free(rs->r);
	memset(rs, 0, sizeof *rs);
}
