/*
 * fade-report.c: what smp-fade writes (smp-fade(1) OUTPUT): the columns
 * of its three tables (steps, summary, fit) and their rows; the timeline
 * of a prediction, rows every step months from the start with the healed
 * baseline and each touch-up in its place; the plot's sampling and labels;
 * the reminder's wording.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

enum {
	ST_FILE, ST_REGION, ST_T_YEARS, ST_DATE, ST_DOT_L, ST_DOT_A, ST_DOT_B,
	ST_BLEND_L, ST_BLEND_A, ST_BLEND_B, ST_DE00_DOT, ST_DE00_BLEND,
	ST_LOAD, ST_EVENT, ST_PIGMENT, ST_DILUTION, ST_WHITE
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
};

enum {
	SU_PIGMENT, SU_DILUTION, SU_ITA_CLASS, SU_UV, SU_PROTECTION,
	SU_THRESHOLD, SU_K_PER_YEAR, SU_TOUCHUP_YEARS, SU_TOUCHUP_DATE,
	SU_FILE, SU_REGION, SU_ITA, SU_HALF_LIFE_YEARS, SU_HEALED_L,
	SU_HEALED_A, SU_HEALED_B, SU_SESSIONS, SU_START, SU_TOUCHUPS, SU_WHITE
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
};

enum {
	F_PIGMENT, F_N_USED, F_K_PER_YEAR, F_K_LO, F_K_HI, F_HALF_LIFE_YEARS,
	F_BASELINE_DATE, F_BASELINE_LOAD, F_TOUCHUP_YEARS, F_TOUCHUP_DATE,
	F_TOUCHUP_EARLY, F_TOUCHUP_LATE, F_THRESHOLD, F_RMSE_LN_LOAD,
	F_ITA_CLASS, F_FILE, F_WHITE
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
step_row(struct smp_table *t, const char *file, const char *region,
    const struct smp_fade *f, const struct smp_fade_point *p, long date,
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
	return smp_table_end_row(t, e);
}

static int
summary_row(struct smp_table *t, const struct smp_fade_report *rp,
    const char *file, const char *region, const struct smp_fade *f,
    double tu, struct smp_err *e)
{
	char	s[16];

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
	return smp_table_end_row(t, e);
}

/* A touch-up row shows the dots as they are when it is due, just before
 * its deposit. */
static int
event_row(struct smp_table *t, const struct smp_fade_report *rp,
    const char *file, const char *region, const struct smp_fade *f,
    double when, struct smp_err *e)
{
	struct smp_fade_point	p;

	smp_fade_at(f, when == f->t_healed ? when : when - 1e-9, &p);
	p.t = when;
	return step_row(t, file, region, f, &p,
	    smp_date_add_years(rp->start, when), when == f->t_healed ?
	    "healed" : "touchup", e);
}

/* Rows every step months from the start, with the healed baseline and
 * each touch-up (or, not planning them, the first) in their places. */
static int
timeline(struct smp_table *t, const struct smp_fade_report *rp,
    const char *file, const char *region, const struct smp_fade *f,
    double tu, struct smp_err *e)
{
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
			if (event_row(t, rp, file, region, f, ev[i], e) == -1)
				return -1;
		smp_fade_at(f, when, &p);
		if (step_row(t, file, region, f, &p, date, "step", e) == -1)
			return -1;
	}
	for (; i < nev; i++)
		if (event_row(t, rp, file, region, f, ev[i], e) == -1)
			return -1;
	return 0;
}

int
smp_fade_report_predict(struct smp_table *t, const struct smp_fade_report *rp,
    const char *file, const char *region, const struct smp_lab *skin,
    enum smp_white w, struct smp_fade *f, double *tu, struct smp_err *e)
{
	if (smp_fade_init(f, rp->cat, rp->pig, skin, w, &rp->mo, &rp->fo,
	    e) == -1)
		return -1;
	*tu = smp_fade_touchup(f, rp->years);
	if (rp->touchups)
		smp_fade_plan(f, rp->years);
	return rp->summary ? summary_row(t, rp, file, region, f, *tu, e) :
	    timeline(t, rp, file, region, f, *tu, e);
}

int
smp_fade_report_readings(struct smp_table *t, const struct smp_fade_report *rp,
    const struct smp_readings *rs, struct smp_fade *first, double *first_tu,
    struct smp_err *e)
{
	struct smp_fade	f;
	double		tu;
	size_t		i;
	int		n = 0;

	for (i = 0; i < rs->n; i++) {
		const struct smp_reading *r = &rs->r[i];

		if (smp_readings_role(r->klass, SMP_ROLE_SKIN) != SMP_ROLE_SKIN)
			continue;
		if (smp_fade_report_predict(t, rp, r->file, r->region,
		    &r->st.value, r->white, n == 0 ? first : &f, n == 0 ?
		    first_tu : &tu, e) == -1)
			return -1;
		n++;
	}
	return n;
}

int
smp_fade_report_plot(const char *path, const struct smp_fade_report *rp,
    const struct smp_fade *f, double tu, struct smp_err *e)
{
	struct smp_strbuf	o = { NULL, 0, 0, 0 };

	if (smp_fade_report_plot_svg(rp, f, tu, 1, &o) == -1) {
		free(o.b);
		return smp_errf(e, SMP_E_NOMEM, "%s: out of memory", path);
	}
	return smp_strbuf_write(&o, path, e);
}

int
smp_fade_report_plot_svg(const struct smp_fade_report *rp,
    const struct smp_fade *f, double tu, int standalone,
    struct smp_strbuf *o)
{
	struct smp_fade_plot	 p;
	double			*t, *de, *de2, x;
	char			 title[200], lab[64], d[16], mix[32];
	size_t			 n = 0, cap = (size_t)(rp->years / 0.05) + 4;
	int			 r = -1;

	t = calloc(cap, sizeof *t);
	de = calloc(cap, sizeof *de);
	de2 = calloc(cap, sizeof *de2);
	if (t == NULL || de == NULL || de2 == NULL)
		goto out;
	for (x = f->t_healed; x <= rp->years + 1e-9 && n < cap; x += 0.05) {
		struct smp_fade_point	pt;

		smp_fade_at(f, x, &pt);
		t[n] = x, de[n] = pt.de_dot, de2[n] = pt.de_blend;
		n++;
	}
	smp_date_format(smp_date_add_years(rp->start, tu), d, sizeof d);
	smp_match_text_mix(f->o.dilution, mix, sizeof mix);
	snprintf(title, sizeof title, "%s at %s on skin L* %.1f (%s): UV "
	    "%g SED/yr, protection %g", f->pig->name, mix,
	    f->ms.lab.L, smp_ita_class(f->ita), f->o.uv, f->o.protection);
	snprintf(lab, sizeof lab, "touch-up %s (%.1f yr)", d, tu);
	memset(&p, 0, sizeof p);
	p.title = title;
	p.xlabel = "years since the first session";
	p.touchup_label = lab;
	p.t = t, p.de = de, p.n = n;
	p.t2 = t, p.de2 = de2, p.n2 = n;
	p.threshold = f->threshold;
	p.touchup = tu;
	p.touchup_early = p.touchup_late = NAN;
	if (f->ntouchup > 1) {
		p.later = f->touchup + 1;
		p.nlater = (size_t)f->ntouchup - 1;
	}
	smp_fade_plot_svg(&p, standalone, o);
	r = o->fail ? -1 : 0;
out:
	free(t);
	free(de);
	free(de2);
	return r;
}

/* The reminder, or 1 when there is no date to remind of. */
static int
reminder(const char *path, const struct smp_fade *f, long stamp, long date,
    double tu, const char *how, struct smp_err *e)
{
	struct smp_ics_event	ev;
	char			sum[160], desc[1024], d[16];

	if (isnan(tu))
		return 1;
	smp_date_format(date, d, sizeof d);
	snprintf(sum, sizeof sum, "SMP touch-up due (%s 1:%g)", f->pig->name,
	    f->o.dilution);
	snprintf(desc, sizeof desc, "smp-fade predicts that on %s the SMP "
	    "dots (%s at 1:%g parts water) will have moved dE00 %.2f from "
	    "their healed colour, the touch-up threshold.\n%s\nSkin Lab %.1f "
	    "%.1f %.1f (%s, ITA %.0f deg). A model prediction from published "
	    "optics and assumptions: confirm at a follow-up photo.", d,
	    f->pig->name, f->o.dilution, f->threshold, how, f->ms.lab.L,
	    f->ms.lab.a, f->ms.lab.b, smp_names_name(&smp_names_white,
	    f->ms.white), f->ita);
	ev.date = date;
	ev.stamp = stamp;
	ev.summary = sum;
	ev.description = desc;
	return smp_ics_write(path, &ev, e);
}

int
smp_fade_report_ics(const char *path, const struct smp_fade_report *rp,
    const struct smp_fade *f, double tu, struct smp_err *e)
{
	char	how[200];

	snprintf(how, sizeof how, "Rate %.3f per year (UV %g SED/yr, "
	    "protection %g), %d sessions from %s.", f->k_eff, f->o.uv,
	    f->o.protection, f->o.sessions, "the start date");
	return reminder(path, f, rp->start, smp_date_add_years(rp->start, tu),
	    tu, how, e);
}

int
smp_fade_report_fit(struct smp_table *t, const struct smp_fade_report *rp,
    const char *path, struct smp_fade_series *ser, struct smp_fade *f,
    struct smp_fade_fitres *r, struct smp_err *e)
{
	long	base, first_usable = -2147483647L;
	char	b[16];

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
	return smp_table_end_row(t, e);
fail:
	smp_err_prefix(e, path);
	return -1;
}

int
smp_fade_report_fit_plot(const char *path, const struct smp_fade_report *rp,
    const struct smp_fade *f, const struct smp_fade_series *ser,
    const struct smp_fade_fitres *r, struct smp_err *e)
{
	struct smp_fade_plot	 p;
	double			 t[401], de[401], *pt, *pde, xmax = 1;
	char			 title[200], lab[64], d[16];
	size_t			 i, np = 0;
	int			 ret;

	pt = calloc(ser->n + 1, sizeof *pt);
	pde = calloc(ser->n + 1, sizeof *pde);
	if (pt == NULL || pde == NULL) {
		free(pt);
		free(pde);
		return smp_errf(e, SMP_E_NOMEM, "%s: out of memory", path);
	}
	for (i = 0; i < ser->n; i++)
		if (ser->obs[i].used) {
			pt[np] = ser->obs[i].t, pde[np++] = ser->obs[i].de;
			xmax = fmax(xmax, ser->obs[i].t);
		}
	if (!isnan(r->touchup))
		xmax = fmax(xmax, r->touchup * 1.2);
	xmax = fmin(fmax(xmax, 1), rp->years);
	for (i = 0; i <= 400; i++) {
		t[i] = xmax * (double)i / 400;
		de[i] = smp_fade_fit_de(f, r, t[i]);
	}
	smp_date_format(smp_date_add_years(ser->obs[r->baseline].date,
	    r->touchup), d, sizeof d);
	snprintf(title, sizeof title, "%s: fitted k %.3f/yr (95%% %.3f to "
	    "%.3f), %zu readings", f->pig->name, r->k, r->k_lo, r->k_hi,
	    r->n_used);
	snprintf(lab, sizeof lab, "touch-up %s (%.1f yr)", d, r->touchup);
	memset(&p, 0, sizeof p);
	p.title = title;
	p.xlabel = "years since the healed baseline reading";
	p.touchup_label = lab;
	p.t = t, p.de = de, p.n = 401;
	p.pt = pt, p.pde = pde, p.np = np;
	p.threshold = f->threshold;
	p.touchup = r->touchup;
	p.touchup_early = r->touchup_early;
	p.touchup_late = r->touchup_late;
	ret = smp_fade_plot_write(path, &p, e);
	free(pt);
	free(pde);
	return ret;
}

int
smp_fade_report_fit_ics(const char *path, const struct smp_fade_report *rp,
    const struct smp_fade *f, const struct smp_fade_series *ser,
    const struct smp_fade_fitres *r, struct smp_err *e)
{
	char	how[200];

	snprintf(how, sizeof how, "Rate fitted to %zu dated readings: "
	    "%.3f per year (95%% %.3f to %.3f).", r->n_used, r->k, r->k_lo,
	    r->k_hi);
	return reminder(path, f, rp->start, smp_date_add_years(
	    ser->obs[r->baseline].date, r->touchup), r->touchup, how, e);
}
