/*
 * smp-fade: how a pigment fades in a client's skin over the years, when
 * to touch up, and a client's own rate from dated follow-up readings
 * (smp-fade(1)).
 */
#include "config.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"
#include "smp-cli.h"

enum {
	OPT_PIGMENT = SMP_OPT_TOOL, OPT_DILUTION, OPT_SKIN, OPT_SESSIONS,
	OPT_INTERVAL, OPT_HEAL, OPT_UV, OPT_SITE, OPT_PROTECTION, OPT_KBIO,
	OPT_THRESHOLD, OPT_NOISE, OPT_YEARS, OPT_STEP, OPT_START, OPT_SUMMARY,
	OPT_PLOT, OPT_ICS, OPT_FIT, OPT_NO_TOUCHUPS
};

static const struct smp_opt own[] = {
	{ "pigment", 1, OPT_PIGMENT, "NAME", "the catalogue pigment" },
	{ "dilution", 1, OPT_DILUTION, "R", "parts water per part ink "
	    "(default 2)" },
	{ "skin", 1, OPT_SKIN, "L,a,b", "the client's skin, instead of "
	    "readings" },
	{ "sessions", 1, OPT_SESSIONS, "N", "treatment sessions (default 3)" },
	{ "interval", 1, OPT_INTERVAL, "WEEKS", "between sessions (default "
	    "3)" },
	{ "heal", 1, OPT_HEAL, "WEEKS", "healing time (default 6)" },
	{ "uv", 1, OPT_UV, "SED", "erythemal UV per year (default 150)" },
	{ "site", 1, OPT_SITE, "F", "scalp dose / personal dose (default 1)" },
	{ "protection", 1, OPT_PROTECTION, "P", "hat or sunscreen, 0..1 "
	    "(default 0)" },
	{ "k-bio", 1, OPT_KBIO, "K", "biological loss per year (default "
	    "0.15)" },
	{ "threshold", 1, OPT_THRESHOLD, "X", "touch-up dE00 (default from "
	    "ITA, 1.8 to 2.6)" },
	{ "noise", 1, OPT_NOISE, "S", "repeat-capture sigma, dE00 (default "
	    "0.5)" },
	{ "years", 1, OPT_YEARS, "N", "horizon (default 10)" },
	{ "step", 1, OPT_STEP, "MONTHS", "row spacing (default 6)" },
	{ "start", 1, OPT_START, "DATE", "first session (default today)" },
	{ "summary", 0, OPT_SUMMARY, NULL, "one row per skin" },
	{ "no-touchups", 0, OPT_NO_TOUCHUPS, NULL, "fade on past the first "
	    "touch-up" },
	{ "plot", 1, OPT_PLOT, "FILE.svg", "dE00 against years" },
	{ "ics", 1, OPT_ICS, "FILE.ics", "calendar reminder at the touch-up "
	    "date" },
	{ "fit", 1, OPT_FIT, "FILE", "fit the rate to dated readings" },
	SMP_OPT_END
};
static const struct smp_opt *const groups[] = {
	smp_opts_catalogue, own, smp_opts_white, smp_opts_stipple,
	smp_opts_output, smp_opts_info, NULL
};

enum {
	ST_FILE,
	ST_REGION,
	ST_T_YEARS,
	ST_DATE,
	ST_DOT_L,
	ST_DOT_A,
	ST_DOT_B,
	ST_BLEND_L,
	ST_BLEND_A,
	ST_BLEND_B,
	ST_DE00_DOT,
	ST_DE00_BLEND,
	ST_LOAD,
	ST_EVENT,
	ST_PIGMENT,
	ST_DILUTION,
	ST_WHITE,
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
	SU_PIGMENT,
	SU_DILUTION,
	SU_ITA_CLASS,
	SU_UV,
	SU_PROTECTION,
	SU_THRESHOLD,
	SU_K_PER_YEAR,
	SU_TOUCHUP_YEARS,
	SU_TOUCHUP_DATE,
	SU_FILE,
	SU_REGION,
	SU_ITA,
	SU_HALF_LIFE_YEARS,
	SU_HEALED_L,
	SU_HEALED_A,
	SU_HEALED_B,
	SU_SESSIONS,
	SU_START,
	SU_TOUCHUPS,
	SU_WHITE,
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
	F_PIGMENT,
	F_N_USED,
	F_K_PER_YEAR,
	F_K_LO,
	F_K_HI,
	F_HALF_LIFE_YEARS,
	F_BASELINE_DATE,
	F_BASELINE_LOAD,
	F_TOUCHUP_YEARS,
	F_TOUCHUP_DATE,
	F_TOUCHUP_EARLY,
	F_TOUCHUP_LATE,
	F_THRESHOLD,
	F_RMSE_LN_LOAD,
	F_ITA_CLASS,
	F_FILE,
	F_WHITE,
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

struct run {
	const struct smp_catalogue	*cat;
	const struct smp_pigment	*pig;
	struct smp_match_opts		 mo;
	struct smp_fade_opts		 fo;
	struct smp_table		*t;
	enum smp_white			 white;
	long				 start;
	int				 have_start;
	double				 years;
	int				 step;		/* months */
	int				 summary;
	int				 touchups;	/* plan them */
	const char			*plot, *ics;
	int				 pictures_done;
	int				 status;
};

static smp_dead void
usage(int status)
{
	char	syn[640];
	const char *p = smp_cli_progname();

	snprintf(syn, sizeof syn, "usage: %s [-HhV] [--json] [-c catalogue] "
	    "--pigment NAME [--dilution R]\n"
	    "       (--skin L,a,b | readings.tsv ...) [--sessions N] "
	    "[--interval WEEKS]\n"
	    "       [--uv SED] [--protection P] [--threshold X] [--years N] "
	    "[--step MONTHS]\n"
	    "       [--start YYYY-MM-DD] [--summary] [--plot FILE.svg] "
	    "[--ics FILE.ics]\n"
	    "       %s --fit series.tsv --pigment NAME [options]", p, p);
	smp_cli_help(status ? stderr : stdout, syn, groups);
	exit(status);
}

static void
trouble(struct run *u, const struct smp_err *e)
{
	smp_cli_warnx("%s", e->msg);
	u->status = SMP_EXIT_TROUBLE;
}

/* The date years after base; base itself for a missing (NAN) time,
 * which callers do not print. */
static long
date_at(long base, double years)
{
	return isfinite(years) ? base + lround(years * 365.25) : base;
}

static void
step_row(struct run *u, const char *file, const char *region,
    const struct smp_fade *f, const struct smp_fade_point *p, long date,
    const char *event)
{
	struct smp_err	e = SMP_ERR_INIT;
	char		d[16];

	smp_date_format(date, d, sizeof d);
	smp_table_set_str(u->t, ST_FILE, file);
	smp_table_set_str(u->t, ST_REGION, region);
	smp_table_set_num(u->t, ST_T_YEARS, p->t);
	smp_table_set_str(u->t, ST_DATE, d);
	smp_table_set_num(u->t, ST_DOT_L, p->dot.L);
	smp_table_set_num(u->t, ST_DOT_A, p->dot.a);
	smp_table_set_num(u->t, ST_DOT_B, p->dot.b);
	smp_table_set_num(u->t, ST_BLEND_L, p->blend.L);
	smp_table_set_num(u->t, ST_BLEND_A, p->blend.a);
	smp_table_set_num(u->t, ST_BLEND_B, p->blend.b);
	smp_table_set_num(u->t, ST_DE00_DOT, p->de_dot);
	smp_table_set_num(u->t, ST_DE00_BLEND, p->de_blend);
	smp_table_set_num(u->t, ST_LOAD, p->load);
	smp_table_set_str(u->t, ST_EVENT, event);
	smp_table_set_str(u->t, ST_PIGMENT, f->pig->name);
	smp_table_set_num(u->t, ST_DILUTION, f->o.dilution);
	smp_table_set_str(u->t, ST_WHITE, smp_names_name(&smp_names_white, f->ms.white));
	if (smp_table_end_row(u->t, &e) == -1)
		trouble(u, &e);
}

static void
summary_row(struct run *u, const char *file, const char *region,
    const struct smp_fade *f, double tu)
{
	struct smp_err	e = SMP_ERR_INIT;
	char		d[16], s[16];

	smp_date_format(date_at(u->start, tu), d, sizeof d);
	smp_date_format(u->start, s, sizeof s);
	smp_table_set_str(u->t, SU_PIGMENT, f->pig->name);
	smp_table_set_num(u->t, SU_DILUTION, f->o.dilution);
	smp_table_set_str(u->t, SU_ITA_CLASS, smp_ita_class(f->ita));
	smp_table_set_num(u->t, SU_UV, f->o.uv);
	smp_table_set_num(u->t, SU_PROTECTION, f->o.protection);
	smp_table_set_num(u->t, SU_THRESHOLD, f->threshold);
	smp_table_set_num(u->t, SU_K_PER_YEAR, f->k_eff);
	smp_table_set_num(u->t, SU_TOUCHUP_YEARS, tu);
	smp_table_set_str(u->t, SU_TOUCHUP_DATE, isnan(tu) ? NULL : d);
	smp_table_set_str(u->t, SU_FILE, file);
	smp_table_set_str(u->t, SU_REGION, region);
	smp_table_set_num(u->t, SU_ITA, f->ita);
	smp_table_set_num(u->t, SU_HALF_LIFE_YEARS, f->k_eff > 0 ? log(2) / f->k_eff : NAN);
	smp_table_set_num(u->t, SU_HEALED_L, f->healed_dot.L);
	smp_table_set_num(u->t, SU_HEALED_A, f->healed_dot.a);
	smp_table_set_num(u->t, SU_HEALED_B, f->healed_dot.b);
	smp_table_set_int(u->t, SU_SESSIONS, f->o.sessions);
	smp_table_set_str(u->t, SU_START, s);
	smp_table_set_int(u->t, SU_TOUCHUPS, f->ntouchup);
	smp_table_set_str(u->t, SU_WHITE, smp_names_name(&smp_names_white, f->ms.white));
	if (smp_table_end_row(u->t, &e) == -1)
		trouble(u, &e);
}

/* The calendar reminder; 1 when there is no date to remind of. */
static int
write_ics(struct run *u, const struct smp_fade *f, long date, double tu,
    const char *how)
{
	struct smp_ics_event	ev;
	struct smp_err		e = SMP_ERR_INIT;
	char			sum[160], desc[1024], d[16];

	if (isnan(tu)) {
		smp_cli_warnx("%s: no touch-up within %g years: no reminder "
		    "written", u->ics, u->years);
		return 1;
	}
	smp_date_format(date, d, sizeof d);
	snprintf(sum, sizeof sum, "SMP touch-up due (%s 1:%g)", f->pig->name,
	    f->o.dilution);
	snprintf(desc, sizeof desc, "smp-fade predicts that on %s the SMP "
	    "dots (%s at 1:%g parts water) will have moved dE00 %.2f from "
	    "their healed colour, the touch-up threshold.\n%s\nSkin Lab %.1f "
	    "%.1f %.1f (%s, ITA %.0f deg). A model prediction from published "
	    "optics and assumptions: confirm at a follow-up photo.", d,
	    f->pig->name, f->o.dilution, f->threshold, how, f->ms.lab.L,
	    f->ms.lab.a, f->ms.lab.b, smp_names_name(&smp_names_white, f->ms.white), f->ita);
	ev.date = date;
	ev.stamp = u->start;
	ev.summary = sum;
	ev.description = desc;
	if (smp_ics_write(u->ics, &ev, &e) == -1) {
		trouble(u, &e);
		return 0;
	}
	return 0;
}

static void
predict_plot(struct run *u, const struct smp_fade *f, double tu)
{
	struct smp_fade_plot	 p;
	struct smp_err		 e = SMP_ERR_INIT;
	double			*t, *de, *de2;
	char			 title[200], lab[64], d[16];
	size_t			 n = 0, cap;
	double			 x;

	cap = (size_t)(u->years / 0.05) + 4;
	t = calloc(cap, sizeof *t);
	de = calloc(cap, sizeof *de);
	de2 = calloc(cap, sizeof *de2);
	if (t == NULL || de == NULL || de2 == NULL) {
		smp_cli_warnx("%s: out of memory", u->plot);
		u->status = SMP_EXIT_TROUBLE;
		goto out;
	}
	for (x = f->t_healed; x <= u->years + 1e-9 && n < cap; x += 0.05) {
		struct smp_fade_point	pt;

		smp_fade_at(f, x, &pt);
		t[n] = x, de[n] = pt.de_dot, de2[n] = pt.de_blend;
		n++;
	}
	smp_date_format(date_at(u->start, tu), d, sizeof d);
	snprintf(title, sizeof title, "%s at 1:%g on skin L* %.1f (%s): UV "
	    "%g SED/yr, protection %g", f->pig->name, f->o.dilution,
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
	if (smp_fade_plot_write(u->plot, &p, &e) == -1)
		trouble(u, &e);
out:
	free(t);
	free(de);
	free(de2);
}

static void
event_row(struct run *u, const char *file, const char *region,
    const struct smp_fade *f, double t)
{
	struct smp_fade_point	p;

	/* A touch-up row shows the dots as they are when it is due, just
	 * before its deposit. */
	smp_fade_at(f, t == f->t_healed ? t : t - 1e-9, &p);
	p.t = t;
	step_row(u, file, region, f, &p, date_at(u->start, t),
	    t == f->t_healed ? "healed" : "touchup");
}

/* Rows every step months from the start, with the healed baseline and
 * each touch-up (or, not planning them, the first) in their places. */
static void
timeline(struct run *u, const char *file, const char *region,
    const struct smp_fade *f, double tu)
{
	struct smp_fade_point	p;
	double			ev[1 + SMP_FADE_MAX_TOUCHUPS];
	int			k, i = 0, nev = 0;

	if (f->t_healed <= u->years)
		ev[nev++] = f->t_healed;
	for (k = 0; k < f->ntouchup; k++)
		ev[nev++] = f->touchup[k];
	if (f->ntouchup == 0 && !isnan(tu))	/* --no-touchups */
		ev[nev++] = tu;
	for (k = 0; k * u->step <= u->years * 12 + 1e-9; k++) {
		long	date = smp_date_add_months(u->start, k * u->step);
		double	t = (date - u->start) / 365.25;

		for (; i < nev && ev[i] <= t; i++)
			event_row(u, file, region, f, ev[i]);
		smp_fade_at(f, t, &p);
		step_row(u, file, region, f, &p, date, "step");
	}
	for (; i < nev; i++)
		event_row(u, file, region, f, ev[i]);
}

static void
predict(struct run *u, const char *file, const char *region,
    const struct smp_lab *skin, enum smp_white w)
{
	struct smp_fade		f;
	struct smp_err		e = SMP_ERR_INIT;
	double			tu;

	if (smp_fade_init(&f, u->cat, u->pig, skin, w, &u->mo, &u->fo,
	    &e) == -1) {
		trouble(u, &e);
		return;
	}
	tu = smp_fade_touchup(&f, u->years);
	if (u->touchups)
		smp_fade_plan(&f, u->years);
	if (u->summary)
		summary_row(u, file, region, &f, tu);
	else
		timeline(u, file, region, &f, tu);
	if (u->pictures_done++ > 0)
		return;
	if (u->plot != NULL)
		predict_plot(u, &f, tu);
	if (u->ics != NULL) {
		char	how[200];

		snprintf(how, sizeof how, "Rate %.3f per year (UV %g SED/yr, "
		    "protection %g), %d sessions from %s.", f.k_eff, f.o.uv,
		    f.o.protection, f.o.sessions, "the start date");
		if (write_ics(u, &f, date_at(u->start, tu), tu, how) &&
		    u->status == SMP_EXIT_OK)
			u->status = SMP_EXIT_SHORT;
	}
}

static void
predict_file(struct run *u, const char *path)
{
	struct smp_readings	rs;
	struct smp_err		e = SMP_ERR_INIT;
	size_t			i, n = 0;

	memset(&rs, 0, sizeof rs);
	if (smp_readings_read(path, u->white, &rs, &e) == -1)
		trouble(u, &e);
	else
		for (i = 0; i < rs.n; i++)
			if (smp_readings_role(rs.r[i].klass, SMP_ROLE_SKIN) ==
			    SMP_ROLE_SKIN) {
				predict(u, rs.r[i].file, rs.r[i].region,
				    &rs.r[i].st.value, rs.r[i].white);
				n++;
			}
	if (n == 0 && rs.n > 0) {
		smp_cli_warnx("%s: no skin readings (class skin or all)", path);
		u->status = SMP_EXIT_TROUBLE;
	}
	smp_readings_clear(&rs);
}

static void
fit_plot(struct run *u, const struct smp_fade *f,
    const struct smp_fade_obs *obs, size_t n, const struct smp_fade_fitres *r,
    long base)
{
	struct smp_fade_plot	 p;
	struct smp_err		 e = SMP_ERR_INIT;
	double			 t[401], de[401], *pt, *pde, xmax = 1;
	char			 title[200], lab[64], d[16];
	size_t			 i, np = 0;

	pt = calloc(n + 1, sizeof *pt);
	pde = calloc(n + 1, sizeof *pde);
	if (pt == NULL || pde == NULL) {
		smp_cli_warnx("%s: out of memory", u->plot);
		u->status = SMP_EXIT_TROUBLE;
		free(pt);
		free(pde);
		return;
	}
	for (i = 0; i < n; i++)
		if (obs[i].used) {
			pt[np] = obs[i].t, pde[np++] = obs[i].de;
			xmax = fmax(xmax, obs[i].t);
		}
	if (!isnan(r->touchup))
		xmax = fmax(xmax, r->touchup * 1.2);
	xmax = fmin(fmax(xmax, 1), u->years);
	for (i = 0; i <= 400; i++) {
		t[i] = xmax * (double)i / 400;
		de[i] = smp_fade_fit_de(f, r, t[i]);
	}
	smp_date_format(date_at(base, r->touchup), d, sizeof d);
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
	if (smp_fade_plot_write(u->plot, &p, &e) == -1)
		trouble(u, &e);
	free(pt);
	free(pde);
}

static void
fit_row(struct run *u, const char *file, const struct smp_fade *f,
    const struct smp_fade_fitres *r, long base)
{
	struct smp_err	e = SMP_ERR_INIT;
	char		b[16], d[3][16];
	double		tt[3] = { r->touchup, r->touchup_early, r->touchup_late };
	int		i;

	smp_date_format(base, b, sizeof b);
	for (i = 0; i < 3; i++)
		smp_date_format(date_at(base, tt[i]), d[i], sizeof d[i]);
	smp_table_set_str(u->t, F_PIGMENT, f->pig->name);
	smp_table_set_int(u->t, F_N_USED, (long long)r->n_used);
	smp_table_set_num(u->t, F_K_PER_YEAR, r->k);
	smp_table_set_num(u->t, F_K_LO, r->k_lo);
	smp_table_set_num(u->t, F_K_HI, r->k_hi);
	smp_table_set_num(u->t, F_HALF_LIFE_YEARS, r->half_life);
	smp_table_set_str(u->t, F_BASELINE_DATE, b);
	smp_table_set_num(u->t, F_BASELINE_LOAD, r->s0);
	smp_table_set_num(u->t, F_TOUCHUP_YEARS, r->touchup);
	smp_table_set_str(u->t, F_TOUCHUP_DATE, isnan(tt[0]) ? NULL : d[0]);
	smp_table_set_str(u->t, F_TOUCHUP_EARLY, isnan(tt[1]) ? NULL : d[1]);
	smp_table_set_str(u->t, F_TOUCHUP_LATE, isnan(tt[2]) ? NULL : d[2]);
	smp_table_set_num(u->t, F_THRESHOLD, f->threshold);
	smp_table_set_num(u->t, F_RMSE_LN_LOAD, r->rmse);
	smp_table_set_str(u->t, F_ITA_CLASS, smp_ita_class(f->ita));
	smp_table_set_str(u->t, F_FILE, file);
	smp_table_set_str(u->t, F_WHITE, smp_names_name(&smp_names_white, f->ms.white));
	if (smp_table_end_row(u->t, &e) == -1)
		trouble(u, &e);
}

/* --fit: the series, the skin from --skin or the series. */
static void
fit(struct run *u, const char *path, const struct smp_lab *skin_opt,
    int have_skin)
{
	struct smp_fade_series	 ser;
	struct smp_fade_obs	*obs;
	struct smp_fade_fitres	 r;
	struct smp_fade		 f;
	struct smp_err		 e = SMP_ERR_INIT;
	long			 first_usable = -2147483647L;
	size_t			 n;

	memset(&ser, 0, sizeof ser);
	if (have_skin) {
		ser.skin = *skin_opt;
		ser.white = u->white;
		ser.have_skin = 1;
	}
	if (smp_fade_series_read(path, u->white, &ser, &e) == -1) {
		trouble(u, &e);
		return;
	}
	obs = ser.obs, n = ser.n;
	if (u->have_start)
		first_usable = u->start + lround((u->fo.sessions - 1) *
		    u->fo.interval_weeks * 7 + u->fo.heal_weeks * 7);
	if (smp_fade_init(&f, u->cat, u->pig, &ser.skin, ser.white, &u->mo,
	    &u->fo, &e) == -1 || smp_fade_fit(&f, obs, n, first_usable,
	    u->years, &r, &e) == -1) {
		smp_err_prefix(&e, path);
		trouble(u, &e);
		goto out;
	}
	fit_row(u, path, &f, &r, obs[r.baseline].date);
	if (u->plot != NULL)
		fit_plot(u, &f, obs, n, &r, obs[r.baseline].date);
	if (u->ics != NULL) {
		char	how[200];

		snprintf(how, sizeof how, "Rate fitted to %zu dated readings: "
		    "%.3f per year (95%% %.3f to %.3f).", r.n_used, r.k, r.k_lo,
		    r.k_hi);
		if (write_ics(u, &f, date_at(obs[r.baseline].date,
		    r.touchup), r.touchup, how) && u->status == SMP_EXIT_OK)
			u->status = SMP_EXIT_SHORT;
	}
out:
	smp_fade_series_clear(&ser);
}

/* The options that set one number in a range; 1 when ch is one. */
static int
number_option(struct run *u, int ch, const char *arg)
{
	const struct {
		int		 ch;
		const char	*name;
		double		 min, max;
		double		*dst;
	} nums[] = {
		{ OPT_DILUTION, "--dilution", 0, 100, &u->fo.dilution },
		{ OPT_INTERVAL, "--interval", 0.5, 104, &u->fo.interval_weeks },
		{ OPT_HEAL, "--heal", 0, 26, &u->fo.heal_weeks },
		{ OPT_UV, "--uv", 0, 2000, &u->fo.uv },
		{ OPT_SITE, "--site", 0, 2, &u->fo.site },
		{ OPT_PROTECTION, "--protection", 0, 1, &u->fo.protection },
		{ OPT_KBIO, "--k-bio", 0, 10, &u->fo.k_bio },
		{ OPT_THRESHOLD, "--threshold", 0.1, 50, &u->fo.threshold },
		{ OPT_NOISE, "--noise", 0, 20, &u->fo.noise },
		{ OPT_YEARS, "--years", 0.5, 100, &u->years },
	};
	size_t	i;

	for (i = 0; i < sizeof nums / sizeof nums[0]; i++)
		if (nums[i].ch == ch) {
			*nums[i].dst = smp_cli_num(nums[i].name, arg,
			    nums[i].min, nums[i].max);
			return 1;
		}
	return 0;
}

int
main(int argc, char *argv[])
{
	struct run		 u;
	struct smp_catalogue	*cat;
	struct smp_err		 e = SMP_ERR_INIT;
	struct smp_cli_common	 c;
	const char		*catalogue = NULL, *pigment = NULL;
	const char		*series = NULL;
	struct smp_lab		 skin;
	int			 ch, i, have_skin = 0;

	smp_cli_init(argv[0]);
	memset(&u, 0, sizeof u);
	smp_match_defaults(&u.mo);
	smp_fade_defaults(&u.fo);
	u.years = 10;
	u.step = 6;
	u.touchups = 1;
	smp_cli_common_init(&c);
	while ((ch = smp_cli_getopt(argc, argv, groups)) != -1) {
		if (number_option(&u, ch, optarg) ||
		    smp_cli_common_opt(&c, ch, optarg) ||
		    smp_cli_stipple_opt(&u.mo, ch, optarg))
			continue;
		switch (ch) {
		case 'c':
			catalogue = optarg;
			break;
		case OPT_PIGMENT:
			pigment = optarg;
			break;
		case OPT_SKIN:
			smp_cli_lab("--skin", optarg, &skin);
			have_skin = 1;
			break;
		case OPT_SESSIONS:
			u.fo.sessions = (int)smp_cli_num("--sessions", optarg, 1,
			    SMP_FADE_MAX_SESSIONS);
			if (u.fo.sessions != atof(optarg))
				smp_cli_usage_error("--sessions: '%s' is not a "
				    "whole number", optarg);
			break;
		case OPT_STEP:
			u.step = (int)smp_cli_num("--step", optarg, 1, 120);
			if (u.step != atof(optarg))
				smp_cli_usage_error("--step: '%s' is not a whole "
				    "number of months", optarg);
			break;
		case OPT_START:
			u.start = smp_cli_date("--start", optarg);
			u.have_start = 1;
			break;
		case OPT_SUMMARY:
			u.summary = 1;
			break;
		case OPT_NO_TOUCHUPS:
			u.touchups = 0;
			break;
		case OPT_PLOT:
			u.plot = optarg;
			break;
		case OPT_ICS:
			u.ics = optarg;
			break;
		case OPT_FIT:
			series = optarg;
			break;
		default:
			smp_cli_rest(ch, usage);
		}
	}
	argc -= optind;
	argv += optind;
	u.white = c.white;
	if (pigment == NULL)
		smp_cli_usage_error("--pigment is required");
	if (series != NULL && argc > 0)
		smp_cli_usage_error("--fit takes its readings from the series file "
		    "only");
	if (series == NULL && have_skin && argc > 0)
		smp_cli_usage_error("--skin and readings exclude each other");
	if (series != NULL && u.summary)
		smp_cli_usage_error("--fit always prints one row; --summary is for "
		    "predictions");
	if (u.plot != NULL && (strlen(u.plot) < 5 ||
	    strcmp(u.plot + strlen(u.plot) - 4, ".svg") != 0))
		smp_cli_usage_error("--plot: the name must end in .svg");
	if (!u.have_start)
		u.start = smp_date_today();
	if (catalogue == NULL)
		catalogue = smp_cli_catalogue();
	if (smp_catalogue_load(catalogue, &cat, &e) == -1)
		smp_cli_die(&e);
	u.cat = cat;
	if ((u.pig = smp_catalogue_find(cat, pigment)) == NULL) {
		smp_errf(&e, SMP_E_USAGE, "%s: no pigment '%s' in the catalogue",
		    catalogue, pigment);
		smp_catalogue_free(cat);
		smp_cli_die(&e);
	}
	if ((u.t = series != NULL ? smp_table_new(stdout, c.fmt, c.header,
	    fit_cols, SMP_NCOLS(fit_cols), &e) : u.summary ?
	    smp_table_new(stdout, c.fmt, c.header, summary_cols,
	    SMP_NCOLS(summary_cols), &e) : smp_table_new(stdout, c.fmt,
	    c.header, step_cols, SMP_NCOLS(step_cols), &e)) == NULL)
		smp_cli_die(&e);
	if (series != NULL)
		fit(&u, series, &skin, have_skin);
	else if (have_skin)
		predict(&u, "-", "skin", &skin, u.white);
	else if (argc == 0)
		predict_file(&u, "-");
	for (i = 0; i < argc; i++)
		predict_file(&u, argv[i]);
	smp_table_free(u.t);
	smp_catalogue_free(cat);
	return u.status;
}
