/*
 * readings.c: the readings format (smp-sample(1) OUTPUT, smp(7)): one row
 * per region and class.  Its columns are declared here once; smp-sample
 * writes them and smp-match and smp-fade read them back.  The reader
 * finds columns by header name, needs only L, a and b, ignores unknown
 * columns and skips a repeated header line (concatenated outputs).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

enum {
	C_FILE, C_REGION, C_CLASS, C_N, C_FRAC, C_L, C_A, C_B, C_C, C_H,
	C_SD_L, C_SD_A, C_SD_B, C_CI95, C_ITA, C_ITA_CLASS, C_WHITE,
	C_PROFILE_SOURCE, C_MED_L, C_MED_A, C_MED_B, C_N_EXCLUDED, C_STAT,
	C_CALIB_DE00, C_DATE, C_OVER_WHITE, C_CALIB_FLAGS
};
static const struct smp_column columns[] = {
	[C_FILE] = { "file", SMP_COL_STR, 0 },
	[C_REGION] = { "region", SMP_COL_STR, 0 },
	[C_CLASS] = { "class", SMP_COL_STR, 0 },
	[C_N] = { "n", SMP_COL_INT, 0 },
	[C_FRAC] = { "frac", SMP_COL_NUM, 4 },
	[C_L] = { "L", SMP_COL_NUM, 3 },
	[C_A] = { "a", SMP_COL_NUM, 3 },
	[C_B] = { "b", SMP_COL_NUM, 3 },
	[C_C] = { "C", SMP_COL_NUM, 3 },
	[C_H] = { "h", SMP_COL_NUM, 2 },
	[C_SD_L] = { "sd_L", SMP_COL_NUM, 3 },
	[C_SD_A] = { "sd_a", SMP_COL_NUM, 3 },
	[C_SD_B] = { "sd_b", SMP_COL_NUM, 3 },
	[C_CI95] = { "ci95", SMP_COL_NUM, 3 },
	[C_ITA] = { "ita", SMP_COL_NUM, 2 },
	[C_ITA_CLASS] = { "ita_class", SMP_COL_STR, 0 },
	[C_WHITE] = { "white", SMP_COL_STR, 0 },
	[C_PROFILE_SOURCE] = { "profile_source", SMP_COL_STR, 0 },
	[C_MED_L] = { "med_L", SMP_COL_NUM, 3 },
	[C_MED_A] = { "med_a", SMP_COL_NUM, 3 },
	[C_MED_B] = { "med_b", SMP_COL_NUM, 3 },
	[C_N_EXCLUDED] = { "n_excluded", SMP_COL_INT, 0 },
	[C_STAT] = { "stat", SMP_COL_STR, 0 },
	[C_CALIB_DE00] = { "calib_de00", SMP_COL_NUM, 3 },
	[C_DATE] = { "date", SMP_COL_STR, 0 },
	[C_OVER_WHITE] = { "over_white", SMP_COL_NUM, 4 },
	[C_CALIB_FLAGS] = { "calib_flags", SMP_COL_STR, 0 },
};

enum smp_role
smp_readings_role(enum smp_class c, enum smp_role all)
{
	switch (c) {
	case SMP_CLASS_SKIN:
		return SMP_ROLE_SKIN;
	case SMP_CLASS_DOT:
	case SMP_CLASS_HAIR:
		return SMP_ROLE_DARK;
	case SMP_CLASS_ALL:
		break;
	}
	return all;
}

struct smp_reading *
smp_readings_add(struct smp_readings *rs, const char *file,
    const char *region, struct smp_err *e)
{
	struct smp_reading	*r, *q;

	if ((q = smp_grow_array(rs->r, &rs->cap, rs->n, sizeof *q, e)) == NULL)
		return NULL;
	rs->r = q;
	r = &rs->r[rs->n];
	memset(r, 0, sizeof *r);
	if ((r->file = strdup(file)) == NULL ||
	    (r->region = strdup(region)) == NULL ||
	    (r->date = strdup("")) == NULL) {
		free(r->file);
		free(r->region);
		smp_errf(e, SMP_E_NOMEM, "out of memory");
		return NULL;
	}
	r->frac = r->C = r->h = r->ita = r->calib_de00 = r->over_white = NAN;
	r->st.value.L = r->st.value.a = r->st.value.b = NAN;
	r->st.mean = r->st.median = r->st.sd = r->st.value;
	r->st.ci95 = NAN;
	rs->n++;
	return r;
}

/* A chroma that prints as 0.000 is a neutral: its hue and ITA are those
 * of a* = b* = 0, not of the colour engine's rounding residue, whose sign
 * is noise. */
#define NEUTRAL_C	0.0005

void
smp_readings_derive(struct smp_reading *r)
{
	struct smp_lab	d65;

	if (!isfinite(r->st.value.L) || !isfinite(r->st.value.a) ||
	    !isfinite(r->st.value.b)) {
		r->C = r->h = r->ita = NAN;
		return;
	}
	smp_lab_lch(&r->st.value, &r->C, &r->h);
	if (r->C < NEUTRAL_C) {
		r->h = 0;
		r->ita = NAN;
		return;
	}
	smp_lab_adapt(&r->st.value, r->white, SMP_WHITE_D65, &d65);
	r->ita = smp_ita(&d65);
}

int
smp_readings_set_date(struct smp_reading *r, const char *date,
    struct smp_err *e)
{
	char	*d;

	if ((d = strdup(date)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	free(r->date);
	r->date = d;
	return 0;
}

struct smp_table *
smp_readings_table(FILE *fp, enum smp_table_format fmt, int header,
    struct smp_err *e)
{
	return smp_table_new(fp, fmt, header, columns, SMP_NCOLS(columns), e);
}

int
smp_readings_write(struct smp_table *t, const struct smp_readings *rs,
    struct smp_err *e)
{
	char	fl[80];
	size_t	i;

	for (i = 0; i < rs->n; i++) {
		const struct smp_reading *r = &rs->r[i];
		const struct smp_stats	*s = &r->st;

		smp_table_set_str(t, C_FILE, r->file);
		smp_table_set_str(t, C_REGION, r->region);
		smp_table_set_str(t, C_CLASS, smp_names_name(&smp_names_class,
		    r->klass));
		smp_table_set_int(t, C_N, (long long)s->n);
		smp_table_set_num(t, C_FRAC, r->frac);
		smp_table_set_num(t, C_L, s->value.L);
		smp_table_set_num(t, C_A, s->value.a);
		smp_table_set_num(t, C_B, s->value.b);
		smp_table_set_num(t, C_C, r->C);
		smp_table_set_num(t, C_H, r->h);
		smp_table_set_num(t, C_SD_L, s->sd.L);
		smp_table_set_num(t, C_SD_A, s->sd.a);
		smp_table_set_num(t, C_SD_B, s->sd.b);
		smp_table_set_num(t, C_CI95, s->ci95);
		smp_table_set_num(t, C_ITA, r->ita);
		smp_table_set_str(t, C_ITA_CLASS, smp_ita_class(r->ita));
		smp_table_set_str(t, C_WHITE, smp_names_name(&smp_names_white,
		    r->white));
		smp_table_set_str(t, C_PROFILE_SOURCE,
		    smp_names_name(&smp_names_source, r->source));
		smp_table_set_num(t, C_MED_L, s->median.L);
		smp_table_set_num(t, C_MED_A, s->median.a);
		smp_table_set_num(t, C_MED_B, s->median.b);
		smp_table_set_int(t, C_N_EXCLUDED, (long long)s->n_excluded);
		smp_table_set_str(t, C_STAT, smp_names_name(&smp_names_stat,
		    r->stat));
		smp_table_set_num(t, C_CALIB_DE00, r->calib_de00);
		if (r->date[0] != '\0')
			smp_table_set_str(t, C_DATE, r->date);
		smp_table_set_num(t, C_OVER_WHITE, r->over_white);
		if (isfinite(r->calib_de00)) {
			smp_calibrate_report_flags(r->calib_flags, fl, sizeof fl);
			smp_table_set_str(t, C_CALIB_FLAGS, fl);
		}
		if (smp_table_end_row(t, e) == -1)
			return -1;
	}
	return 0;
}

/* The reader: columns it looks for, by name. */
enum { R_FILE, R_REGION, R_CLASS, R_WHITE, R_L, R_A, R_B, R_DATE, R_CI95,
	R_SOURCE, R_CALIB, R_OVER, R_CALIB_FLAGS, R_N };
static const int rcol[R_N] = {
	C_FILE, C_REGION, C_CLASS, C_WHITE, C_L, C_A, C_B, C_DATE, C_CI95,
	C_PROFILE_SOURCE, C_CALIB_DE00, C_OVER_WHITE, C_CALIB_FLAGS
};

/* A named choice of the current line's column k, if the file has it. */
static int
read_choice(const struct smp_tsv *t, const int *col, int k,
    const struct smp_names *names, int *v, struct smp_err *e)
{
	struct smp_err	sub = SMP_ERR_INIT;

	if (col[k] < 0)
		return 0;
	if (smp_names_parse(names, t->f[col[k]], v, &sub) == -1)
		return smp_tsv_errf(t, e, "%s: %s", columns[rcol[k]].name,
		    sub.msg);
	return 0;
}

/* An optional number 0..200 of column k; left as it is when the file has
 * no such column or the field is empty. */
static int
read_optional(const struct smp_tsv *t, const int *col, int k, double *v,
    struct smp_err *e)
{
	struct smp_err	sub = SMP_ERR_INIT;

	if (col[k] < 0 || t->f[col[k]][0] == '\0')
		return 0;
	if (smp_parse_double(t->f[col[k]], 0, 200, v, &sub) == -1)
		return smp_tsv_errf(t, e, "%s: %s", columns[rcol[k]].name,
		    sub.msg);
	return 0;
}

static int
read_row(struct smp_readings *rs, const struct smp_tsv *t, const int *col,
    enum smp_white dflt, struct smp_err *e)
{
	struct smp_reading	*r;
	struct smp_err		 sub = SMP_ERR_INIT;
	double			 v[3];
	int			 i, klass = SMP_CLASS_ALL, white = dflt;
	int			 source = SMP_PROF_UNKNOWN;

	if (read_choice(t, col, R_CLASS, &smp_names_class, &klass, e) == -1)
		return -1;
	/* a dot or hair row with no numbers: no dots there (older
	 * smp-sample -S output), not a reading */
	if ((klass == SMP_CLASS_DOT || klass == SMP_CLASS_HAIR) &&
	    t->f[col[R_L]][0] == '\0' && t->f[col[R_A]][0] == '\0' &&
	    t->f[col[R_B]][0] == '\0')
		return 0;
	for (i = 0; i < 3; i++) {
		const char	*f = t->f[col[R_L + i]];

		if (smp_parse_double(f, i == 0 ? 0 : -200, i == 0 ? 100 : 200,
		    &v[i], &sub) == -1)
			return smp_tsv_errf(t, e, "%s: %s",
			    columns[rcol[R_L + i]].name, sub.msg);
	}
	if (read_choice(t, col, R_WHITE, &smp_names_white, &white, e) == -1 ||
	    read_choice(t, col, R_SOURCE, &smp_names_source, &source, e) == -1)
		return -1;
	if ((r = smp_readings_add(rs, col[R_FILE] >= 0 ? t->f[col[R_FILE]] :
	    t->path, col[R_REGION] >= 0 ? t->f[col[R_REGION]] : "-",
	    e)) == NULL)
		return -1;
	r->klass = (enum smp_class)klass;
	r->white = (enum smp_white)white;
	r->source = (enum smp_profile_source)source;
	r->st.value = (struct smp_lab){ v[0], v[1], v[2] };
	r->line = t->line;
	/* ci95, calib_de00, over_white and calib_flags are optional, and may be empty
	 * (unknown) */
	if (read_optional(t, col, R_CI95, &r->st.ci95, e) == -1 ||
	    read_optional(t, col, R_CALIB, &r->calib_de00, e) == -1 ||
	    read_optional(t, col, R_OVER, &r->over_white, e) == -1)
		return -1;
	if (col[R_CALIB_FLAGS] >= 0 && smp_names_split(&smp_names_calib_flag,
	    t->f[col[R_CALIB_FLAGS]], &r->calib_flags, &sub) == -1)
		return smp_tsv_errf(t, e, "calib_flags: %s", sub.msg);
	if (col[R_DATE] >= 0 &&
	    smp_readings_set_date(r, t->f[col[R_DATE]], e) == -1)
		return -1;
	smp_readings_derive(r);
	return 0;
}

int
smp_readings_read(const char *path, enum smp_white dflt,
    struct smp_readings *rs, struct smp_err *e)
{
	struct smp_tsv	 t;
	int		 col[R_N], ncols = 0, i, r;

	if (smp_tsv_open(&t, path, e) == -1)
		return -1;
	smp_tsv_allow_json(&t);
	while ((r = smp_tsv_next(&t, e)) == 1) {
		if (ncols == 0) {
			for (i = 0; i < R_N; i++)
				col[i] = smp_tsv_col(&t, columns[rcol[i]].name);
			if (col[R_L] < 0 || col[R_A] < 0 || col[R_B] < 0) {
				r = smp_tsv_errf(&t, e, "no L, a and b columns "
				    "in the header%s", t.nf == 1 &&
				    strchr(t.f[0], ',') != NULL ? " (this looks "
				    "like CSV; readings are tab-separated or "
				    "JSON Lines, smp(7))" : " (readings are "
				    "tab-separated or JSON Lines, smp(7))");
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
		if (strcmp(t.f[col[R_L]], "L") == 0)
			continue;		/* the header again */
		if ((r = read_row(rs, &t, col, dflt, e)) == -1)
			break;
	}
	if (r == 0 && ncols == 0)
		r = smp_errf(e, SMP_E_INPUT, "%s: no header line", t.path);
	smp_tsv_close(&t);
	return r;
}

void
smp_readings_clear(struct smp_readings *rs)
{
	size_t	i;

	for (i = 0; i < rs->n; i++) {
		free(rs->r[i].file);
		free(rs->r[i].region);
		free(rs->r[i].date);
		smp_inset_free(rs->r[i].inset);
	}
	free(rs->r);
	memset(rs, 0, sizeof *rs);
}
