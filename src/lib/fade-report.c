/*
 * fade-report.c: what smp-fade writes (smp-fade(1) OUTPUT): the columns
 * of its three tables (steps, summary, fit) and their rows; the timeline
 * of a prediction, rows every step months from the start with the healed
 * baseline and each touch-up in its place; a fit's row and the words for
 * its flags.  The pictures and the reminder are fade-pictures.c's.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "smp.h"

enum {
	ST_FILE, ST_REGION, ST_T_YEARS, ST_DATE, ST_DOT_L, ST_DOT_A, ST_DOT_B,
	ST_BLEND_L, ST_BLEND_A, ST_BLEND_B, ST_DE00_DOT, ST_DE00_BLEND,
	ST_LOAD, ST_EVENT, ST_PIGMENT, ST_DILUTION, ST_WHITE, ST_CONTRAST,
	ST_FADED, ST_TOUCHUP_EARLY, ST_TOUCHUP_LATE
};
static const struct smp_column step_cols[] = {
	[ST_FILE] = { "file", SMP_COL_STR, 0 },
	[ST_REGION] = { "region", SMP_COL_STR, 0 },
	[ST_T_YEARS] = { "t_years", SMP_COL_NUM, 3 },
	[ST_DATE] = { "date", SMP_COL_STR, 0 },
	[ST_DOT_L] = { "dot_L", SMP_COL_NUM, 2 },
	[ST_DOT_A] = { "dot_a", SMP_COL_NUM, 2 },
	[ST_DOT_B] = { "dot_b", SMP_COL_NUM, 2 },
	[ST_BLEND_L] = { "blend_L", SMP_COL_NUM, 2 },
	[ST_BLEND_A] = { "blend_a", SMP_COL_NUM, 2 },
	[ST_BLEND_B] = { "blend_b", SMP_COL_NUM, 2 },
	[ST_DE00_DOT] = { "de00_dot", SMP_COL_NUM, 3 },
	[ST_DE00_BLEND] = { "de00_blend", SMP_COL_NUM, 3 },
	[ST_LOAD] = { "load", SMP_COL_NUM, 4 },
	[ST_EVENT] = { "event", SMP_COL_STR, 0 },
	[ST_PIGMENT] = { "pigment", SMP_COL_STR, 0 },
	[ST_DILUTION] = { "dilution", SMP_COL_NUM, 2 },
	[ST_WHITE] = { "white", SMP_COL_STR, 0 },
	[ST_CONTRAST] = { "contrast", SMP_COL_NUM, 3 },
	[ST_FADED] = { "faded", SMP_COL_NUM, 3 },
	[ST_TOUCHUP_EARLY] = { "touchup_early", SMP_COL_STR, 0 },
	[ST_TOUCHUP_LATE] = { "touchup_late", SMP_COL_STR, 0 },
};

enum {
	SU_PIGMENT, SU_DILUTION, SU_ITA_CLASS, SU_UV, SU_PROTECTION,
	SU_THRESHOLD, SU_K_PER_YEAR, SU_TOUCHUP_YEARS, SU_TOUCHUP_DATE,
	SU_FILE, SU_REGION, SU_ITA, SU_HALF_LIFE_YEARS, SU_HEALED_L,
	SU_HEALED_A, SU_HEALED_B, SU_SESSIONS, SU_START, SU_TOUCHUPS, SU_WHITE,
	SU_TOUCHUP_EARLY, SU_TOUCHUP_LATE, SU_CRITERION, SU_CONTRAST_HEALED,
	SU_FLAGS, SU_DRIFT_DE00, SU_DRIFT_DH, SU_DRIFT_DC, SU_DRIFT_YEARS
};
static const struct smp_column summary_cols[] = {
	[SU_PIGMENT] = { "pigment", SMP_COL_STR, 0 },
	[SU_DILUTION] = { "dilution", SMP_COL_NUM, 2 },
	[SU_ITA_CLASS] = { "ita_class", SMP_COL_STR, 0 },
	[SU_UV] = { "uv", SMP_COL_NUM, 1 },
	[SU_PROTECTION] = { "protection", SMP_COL_NUM, 2 },
	[SU_THRESHOLD] = { "threshold", SMP_COL_NUM, 2 },
	[SU_K_PER_YEAR] = { "k_per_year", SMP_COL_NUM, 4 },
	[SU_TOUCHUP_YEARS] = { "touchup_years", SMP_COL_NUM, 2 },
	[SU_TOUCHUP_DATE] = { "touchup_date", SMP_COL_STR, 0 },
	[SU_FILE] = { "file", SMP_COL_STR, 0 },
	[SU_REGION] = { "region", SMP_COL_STR, 0 },
	[SU_ITA] = { "ita", SMP_COL_NUM, 2 },
	[SU_HALF_LIFE_YEARS] = { "half_life_years", SMP_COL_NUM, 2 },
	[SU_HEALED_L] = { "healed_L", SMP_COL_NUM, 2 },
	[SU_HEALED_A] = { "healed_a", SMP_COL_NUM, 2 },
	[SU_HEALED_B] = { "healed_b", SMP_COL_NUM, 2 },
	[SU_SESSIONS] = { "sessions", SMP_COL_INT, 0 },
	[SU_START] = { "start", SMP_COL_STR, 0 },
	[SU_TOUCHUPS] = { "touchups", SMP_COL_INT, 0 },
	[SU_WHITE] = { "white", SMP_COL_STR, 0 },
	[SU_TOUCHUP_EARLY] = { "touchup_early", SMP_COL_STR, 0 },
	[SU_TOUCHUP_LATE] = { "touchup_late", SMP_COL_STR, 0 },
	[SU_CRITERION] = { "criterion", SMP_COL_STR, 0 },
	[SU_CONTRAST_HEALED] = { "contrast_healed", SMP_COL_NUM, 3 },
	[SU_FLAGS] = { "flags", SMP_COL_STR, 0 },
	[SU_DRIFT_DE00] = { "drift_de00", SMP_COL_NUM, 3 },
	[SU_DRIFT_DH] = { "drift_dh", SMP_COL_NUM, 2 },
	[SU_DRIFT_DC] = { "drift_dC", SMP_COL_NUM, 3 },
	[SU_DRIFT_YEARS] = { "drift_years", SMP_COL_NUM, 2 },
};

enum {
	F_PIGMENT, F_N_USED, F_K_PER_YEAR, F_K_LO, F_K_HI, F_HALF_LIFE_YEARS,
	F_BASELINE_DATE, F_BASELINE_LOAD, F_TOUCHUP_YEARS, F_TOUCHUP_DATE,
	F_TOUCHUP_EARLY, F_TOUCHUP_LATE, F_THRESHOLD, F_RMSE_LN_LOAD,
	F_ITA_CLASS, F_FILE, F_WHITE, F_FLAGS, F_RMS_OFF, F_CRITERION
};
static const struct smp_column fit_cols[] = {
	[F_PIGMENT] = { "pigment", SMP_COL_STR, 0 },
	[F_N_USED] = { "n_used", SMP_COL_INT, 0 },
	[F_K_PER_YEAR] = { "k_per_year", SMP_COL_NUM, 4 },
	[F_K_LO] = { "k_lo", SMP_COL_NUM, 4 },
	[F_K_HI] = { "k_hi", SMP_COL_NUM, 4 },
	[F_HALF_LIFE_YEARS] = { "half_life_years", SMP_COL_NUM, 2 },
	[F_BASELINE_DATE] = { "baseline_date", SMP_COL_STR, 0 },
	[F_BASELINE_LOAD] = { "baseline_load", SMP_COL_NUM, 4 },
	[F_TOUCHUP_YEARS] = { "touchup_years", SMP_COL_NUM, 2 },
	[F_TOUCHUP_DATE] = { "touchup_date", SMP_COL_STR, 0 },
	[F_TOUCHUP_EARLY] = { "touchup_early", SMP_COL_STR, 0 },
	[F_TOUCHUP_LATE] = { "touchup_late", SMP_COL_STR, 0 },
	[F_THRESHOLD] = { "threshold", SMP_COL_NUM, 2 },
	[F_RMSE_LN_LOAD] = { "rmse_ln_load", SMP_COL_NUM, 4 },
	[F_ITA_CLASS] = { "ita_class", SMP_COL_STR, 0 },
	[F_FILE] = { "file", SMP_COL_STR, 0 },
	[F_WHITE] = { "white", SMP_COL_STR, 0 },
	[F_FLAGS] = { "flags", SMP_COL_STR, 0 },
	[F_RMS_OFF] = { "rms_off_de00", SMP_COL_NUM, 3 },
	[F_CRITERION] = { "criterion", SMP_COL_STR, 0 },
};

struct smp_table *
smp_fade_report_table(FILE *fp, enum smp_table_format fmt, int header,
    enum smp_fade_report_kind kind, struct smp_err *e)
{
	switch (kind) {
	case SMP_FADE_REPORT_SUMMARY:
		return smp_table_new(fp, fmt, header, summary_cols,
		    SMP_NCOLS(summary_cols), e);
	case SMP_FADE_REPORT_FIT:
		return smp_table_new(fp, fmt, header, fit_cols,
		    SMP_NCOLS(fit_cols), e);
	case SMP_FADE_REPORT_STEPS:
		break;
	}
	return smp_table_new(fp, fmt, header, step_cols, SMP_NCOLS(step_cols),
	    e);
}

static const char *
criterion_name(const struct smp_fade *f)
{
	return smp_names_name(&smp_names_criterion, (int)f->o.criterion);
}

/* A date column: YYYY-MM-DD, or missing for an unknown (NAN) time. */
static void
set_date(struct smp_table *t, int col, long base, double years)
{
	char	d[16];

	if (isnan(years))
		return;
	smp_date_format(smp_date_add_years(base, years), d, sizeof d);
	smp_table_set_str(t, col, d);
}

static int
step_row(struct smp_table *t, const struct smp_fade_report *rp,
    const char *file, const char *region, const struct smp_fade *f,
    const struct smp_fade_when *w, const struct smp_fade_point *p, long date,
    const char *event, struct smp_err *e)
{
	char	d[16];

	smp_date_format(date, d, sizeof d);
	smp_table_set_str(t, ST_FILE, file);
	smp_table_set_str(t, ST_REGION, region);
	smp_table_set_num(t, ST_T_YEARS, p->t);
	smp_table_set_str(t, ST_DATE, d);
	smp_table_set_num(t, ST_DOT_L, p->dot.L);
	smp_table_set_num(t, ST_DOT_A, p->dot.a);
	smp_table_set_num(t, ST_DOT_B, p->dot.b);
	smp_table_set_num(t, ST_BLEND_L, p->blend.L);
	smp_table_set_num(t, ST_BLEND_A, p->blend.a);
	smp_table_set_num(t, ST_BLEND_B, p->blend.b);
	smp_table_set_num(t, ST_DE00_DOT, p->de_dot);
	smp_table_set_num(t, ST_DE00_BLEND, p->de_blend);
	smp_table_set_num(t, ST_LOAD, p->load);
	smp_table_set_str(t, ST_EVENT, event);
	smp_table_set_str(t, ST_PIGMENT, f->pig->name);
	smp_table_set_num(t, ST_DILUTION, f->o.dilution);
	smp_table_set_str(t, ST_WHITE, smp_names_name(&smp_names_white,
	    f->ms.white));
	smp_table_set_num(t, ST_CONTRAST, p->contrast);
	smp_table_set_num(t, ST_FADED, smp_fade_faded(f, p));
	set_date(t, ST_TOUCHUP_EARLY, rp->start, w->early);
	set_date(t, ST_TOUCHUP_LATE, rp->start, w->late);
	return smp_table_end_row(t, e);
}

static int
summary_row(struct smp_table *t, const struct smp_fade_report *rp,
    const char *file, const char *region, const struct smp_fade *f,
    const struct smp_fade_when *w, struct smp_err *e)
{
	struct smp_fade_drift	dr;
	double			tu = w->tu;
	char			s[16];

	smp_date_format(rp->start, s, sizeof s);
	smp_table_set_str(t, SU_PIGMENT, f->pig->name);
	smp_table_set_num(t, SU_DILUTION, f->o.dilution);
	smp_table_set_str(t, SU_ITA_CLASS, smp_ita_class(f->ita));
	smp_table_set_num(t, SU_UV, f->o.uv);
	smp_table_set_num(t, SU_PROTECTION, f->o.protection);
	smp_table_set_num(t, SU_THRESHOLD, f->threshold);
	smp_table_set_num(t, SU_K_PER_YEAR, f->k_eff);
	smp_table_set_num(t, SU_TOUCHUP_YEARS, tu);
	set_date(t, SU_TOUCHUP_DATE, rp->start, tu);
	smp_table_set_str(t, SU_FILE, file);
	smp_table_set_str(t, SU_REGION, region);
	smp_table_set_num(t, SU_ITA, f->ita);
	smp_table_set_num(t, SU_HALF_LIFE_YEARS, smp_fade_half_life(f->k_eff));
	smp_table_set_num(t, SU_HEALED_L, f->healed_dot.L);
	smp_table_set_num(t, SU_HEALED_A, f->healed_dot.a);
	smp_table_set_num(t, SU_HEALED_B, f->healed_dot.b);
	smp_table_set_int(t, SU_SESSIONS, f->o.sessions);
	smp_table_set_str(t, SU_START, s);
	smp_table_set_int(t, SU_TOUCHUPS, f->ntouchup);
	smp_table_set_str(t, SU_WHITE, smp_names_name(&smp_names_white,
	    f->ms.white));
	set_date(t, SU_TOUCHUP_EARLY, rp->start, w->early);
	set_date(t, SU_TOUCHUP_LATE, rp->start, w->late);
	smp_table_set_str(t, SU_CRITERION, criterion_name(f));
	smp_table_set_num(t, SU_CONTRAST_HEALED, f->contrast_healed);
	smp_table_set_str(t, SU_FLAGS, isnan(tu) ? "beyond" : "");
	smp_fade_drift_most(f, rp->years, &dr);
	smp_table_set_num(t, SU_DRIFT_DE00, dr.de00);
	smp_table_set_num(t, SU_DRIFT_DH, dr.dh);
	smp_table_set_num(t, SU_DRIFT_DC, dr.dC);
	smp_table_set_num(t, SU_DRIFT_YEARS, dr.t);
	return smp_table_end_row(t, e);
}

/* A touch-up row shows the dots as they are when it is due, just before
 * its deposit. */
static int
event_row(struct smp_table *t, const struct smp_fade_report *rp,
    const char *file, const char *region, const struct smp_fade *f,
    const struct smp_fade_when *w, double when, struct smp_err *e)
{
	struct smp_fade_point	p;

	smp_fade_at(f, when == f->t_healed ? when : when - 1e-9, &p);
	p.t = when;
	return step_row(t, rp, file, region, f, w, &p,
	    smp_date_add_years(rp->start, when), when == f->t_healed ?
	    "healed" : "touchup", e);
}

/* Rows every step months from the start, with the healed baseline and
 * each touch-up (or, not planning them, the first) in their places. */
static int
timeline(struct smp_table *t, const struct smp_fade_report *rp,
    const char *file, const char *region, const struct smp_fade *f,
    const struct smp_fade_when *w, struct smp_err *e)
{
	double			tu = w->tu;
	struct smp_fade_point	p;
	double			ev[1 + SMP_FADE_MAX_TOUCHUPS];
	int			k, i = 0, nev = 0;

	if (f->t_healed <= rp->years)
		ev[nev++] = f->t_healed;
	for (k = 0; k < f->ntouchup; k++)
		ev[nev++] = f->touchup[k];
	if (f->ntouchup == 0 && !isnan(tu))	/* --no-touchups */
		ev[nev++] = tu;
	for (k = 0; k * rp->step <= rp->years * 12 + 1e-9; k++) {
		long	date = smp_date_add_months(rp->start, k * rp->step);
		double	when = smp_date_years(rp->start, date);

		for (; i < nev && ev[i] <= when; i++)
			if (event_row(t, rp, file, region, f, w, ev[i],
			    e) == -1)
				return -1;
		smp_fade_at(f, when, &p);
		if (step_row(t, rp, file, region, f, w, &p, date, "step",
		    e) == -1)
			return -1;
	}
	for (; i < nev; i++)
		if (event_row(t, rp, file, region, f, w, ev[i], e) == -1)
			return -1;
	return 0;
}

int
smp_fade_report_predict(struct smp_table *t, const struct smp_fade_report *rp,
    const char *file, const char *region, const struct smp_lab *skin,
    enum smp_white w, struct smp_fade *f, struct smp_fade_when *when,
    struct smp_err *e)
{
	if (smp_fade_init(f, rp->cat, rp->pig, skin, w, &rp->mo, &rp->fo,
	    e) == -1 || smp_fade_spread(f, rp->years, &when->early,
	    &when->late, e) == -1)
		return -1;
	when->tu = smp_fade_touchup(f, rp->years);
	if (rp->touchups)
		smp_fade_plan(f, rp->years);
	return rp->summary ? summary_row(t, rp, file, region, f, when, e) :
	    timeline(t, rp, file, region, f, when, e);
}

int
smp_fade_report_readings(struct smp_table *t, const struct smp_fade_report *rp,
    const struct smp_readings *rs, struct smp_fade *first,
    struct smp_fade_when *first_when, struct smp_err *e)
{
	struct smp_fade		f;
	struct smp_fade_when	tu;
	size_t		i;
	int		n = 0;

	for (i = 0; i < rs->n; i++) {
		const struct smp_reading *r = &rs->r[i];

		if (smp_readings_role(r->klass, SMP_ROLE_SKIN) != SMP_ROLE_SKIN)
			continue;
		if (smp_fade_report_predict(t, rp, r->file, r->region,
		    &r->st.value, r->white, n == 0 ? first : &f, n == 0 ?
		    first_when : &tu, e) == -1)
			return -1;
		n++;
	}
	return n;
}

int
smp_fade_report_fit(struct smp_table *t, const struct smp_fade_report *rp,
    const char *path, struct smp_fade_series *ser, struct smp_fade *f,
    struct smp_fade_fitres *r, struct smp_err *e)
{
	long	base, first_usable = -2147483647L;
	char	b[16], fl[64];

	if (smp_fade_init(f, rp->cat, rp->pig, &ser->skin, ser->white, &rp->mo,
	    &rp->fo, e) == -1)
		goto fail;
	if (rp->have_start)
		first_usable = smp_date_add_years(rp->start, f->t_healed);
	if (smp_fade_fit(f, ser->obs, ser->n, first_usable, rp->years, r,
	    e) == -1)
		goto fail;
	base = ser->obs[r->baseline].date;
	smp_date_format(base, b, sizeof b);
	smp_table_set_str(t, F_PIGMENT, f->pig->name);
	smp_table_set_int(t, F_N_USED, (long long)r->n_used);
	smp_table_set_num(t, F_K_PER_YEAR, r->k);
	smp_table_set_num(t, F_K_LO, r->k_lo);
	smp_table_set_num(t, F_K_HI, r->k_hi);
	smp_table_set_num(t, F_HALF_LIFE_YEARS, r->half_life);
	smp_table_set_str(t, F_BASELINE_DATE, b);
	smp_table_set_num(t, F_BASELINE_LOAD, r->s0);
	smp_table_set_num(t, F_TOUCHUP_YEARS, r->touchup);
	set_date(t, F_TOUCHUP_DATE, base, r->touchup);
	set_date(t, F_TOUCHUP_EARLY, base, r->touchup_early);
	set_date(t, F_TOUCHUP_LATE, base, r->touchup_late);
	smp_table_set_num(t, F_THRESHOLD, f->threshold);
	smp_table_set_num(t, F_RMSE_LN_LOAD, r->rmse);
	smp_table_set_str(t, F_ITA_CLASS, smp_ita_class(f->ita));
	smp_table_set_str(t, F_FILE, path);
	smp_table_set_str(t, F_WHITE, smp_names_name(&smp_names_white,
	    f->ms.white));
	smp_names_join(&smp_names_fade_flag, r->flags, fl, sizeof fl);
	smp_table_set_str(t, F_FLAGS, fl);
	smp_table_set_num(t, F_RMS_OFF, r->rms_off);
	smp_table_set_str(t, F_CRITERION, criterion_name(f));
	return smp_table_end_row(t, e);
fail:
	smp_err_prefix(e, path);
	return -1;
}

size_t
smp_fade_report_explain(const struct smp_fade_report *rp,
    const struct smp_fade *f, const struct smp_fade_series *ser,
    const struct smp_fade_fitres *r, unsigned flag, char *b, size_t n)
{
	char	d[16];

	switch (flag) {
	case SMP_FADE_FLAG_DUE:
		smp_date_format(ser->obs[r->due].date, d, sizeof d);
		return (size_t)snprintf(b, n, "the reading of %s is already "
		    "past the criterion: the touch-up is due", d);
	case SMP_FADE_FLAG_LACK_OF_FIT:
		return (size_t)snprintf(b, n, "the readings are %.2f dE00 "
		    "(rms) off the fitted curve, more than twice their noise "
		    "%.2f: not one area fading steadily (another area, light "
		    "or camera, or a session in between); no touch-up date",
		    r->rms_off, f->o.noise);
	case SMP_FADE_FLAG_DARKENING:
		if (!(r->k_hi > 0))
			return (size_t)snprintf(b, n, "the rate's 95 %% "
			    "interval %.3f to %.3f per year is not above zero: "
			    "the dots are not fading (another area, light or "
			    "calibration, or a session in between); no touch-up "
			    "date", r->k_lo, r->k_hi);
		return (size_t)snprintf(b, n, "the latest reading has more "
		    "contrast with the skin than the baseline: the dots are "
		    "not fading (another area, light or calibration, or a "
		    "session in between); no touch-up date");
	case SMP_FADE_FLAG_OPEN:
		return (size_t)snprintf(b, n, "the readings leave the rate's 95 "
		    "%% interval open (%.3f to %.3f per year, the search's "
		    "ends at +-%g): too few of them, or too little change yet; "
		    "no touch-up date", r->k_lo, r->k_hi, SMP_FADE_K_BOUND);
	case SMP_FADE_FLAG_BEYOND:
		return (size_t)snprintf(b, n, "no touch-up within %g year%s",
		    rp->years, rp->years == 1 ? "" : "s");
	}
	return (size_t)snprintf(b, n, "flag %u", flag);
}
