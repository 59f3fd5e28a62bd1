/*
 * fade-pictures.c: smp-fade's plot and reminder (smp-fade(1) --plot,
 * --ics) for a prediction and for a fit: the curves sampled on the
 * criterion's own scale, their labels and legend words, and the
 * reminder's wording at the early end of the touch-up's interval.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

int
smp_fade_pictures_plot(const char *path, const struct smp_fade_report *rp,
    const struct smp_fade *f, const struct smp_fade_when *when,
    struct smp_err *e)
{
	struct smp_strbuf	o = { NULL, 0, 0, 0 };

	if (smp_fade_pictures_plot_svg(rp, f, when, 1, &o) == -1) {
		free(o.b);
		return smp_errf(e, SMP_E_NOMEM, "%s: out of memory", path);
	}
	return smp_strbuf_write(&o, path, e);
}

/* The criterion's scale in the plot: percent of the healed contrast
 * lost, or dE00 from healed. */
static double
plot_scale(const struct smp_fade *f)
{
	return f->o.criterion == SMP_FADE_CONTRAST ? 100 : 1;
}

static const char *
plot_ylabel(const struct smp_fade *f)
{
	return f->o.criterion == SMP_FADE_CONTRAST ? "how much the dots have "
	    "faded (% of their healed contrast)" : "how much the dots have "
	    "faded (\xce\x94" "E00 from healed)";
}

static void
due_label(const struct smp_fade *f, double due, char *b, size_t n)
{
	if (f->o.criterion == SMP_FADE_CONTRAST)
		snprintf(b, n, "touch-up due: %.0f %% of the contrast lost",
		    due);
	else
		snprintf(b, n, "touch-up due: \xce\x94" "E00 %.2f from healed",
		    due);
}

/* The blended view on the criterion's scale: the share of the healed
 * blend's contrast with the skin lost, or dE00 from the healed blend. */
static double
blend_faded(const struct smp_fade *f, const struct smp_fade_point *p)
{
	double	c;

	if (f->o.criterion != SMP_FADE_CONTRAST)
		return p->de_blend;
	c = smp_fade_contrast(f, &f->healed_blend);
	return c > 0 ? 1 - smp_fade_contrast(f, &p->blend) / c :
	    0;
}

static void
touchup_label(char *b, size_t n, long base, double tu, const char *what)
{
	char	d[16];

	smp_date_format(smp_date_add_years(base, tu), d, sizeof d);
	snprintf(b, n, "%s %s (%.1f yr)", what, d, tu);
}

int
smp_fade_pictures_plot_svg(const struct smp_fade_report *rp,
    const struct smp_fade *f, const struct smp_fade_when *when,
    int standalone, struct smp_strbuf *o)
{
	struct smp_fade_plot	 p;
	double			*t, *de, *de2, x, sc = plot_scale(f);
	char			 title[200], lab[64], due[80], mix[32];
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
		t[n] = x;
		de[n] = sc * smp_fade_faded(f, &pt);
		de2[n] = sc * blend_faded(f, &pt);
		n++;
	}
	smp_match_text_mix(f->o.dilution, mix, sizeof mix);
	snprintf(title, sizeof title, "%s at %s on skin L* %.1f (%s): UV "
	    "%g SED/yr, protection %g", f->pig->name, mix,
	    f->ms.lab.L, smp_ita_class(f->ita), f->o.uv, f->o.protection);
	touchup_label(lab, sizeof lab, rp->start, when->tu, "touch-up");
	memset(&p, 0, sizeof p);
	p.title = title;
	p.xlabel = "years since the first session";
	p.ylabel = plot_ylabel(f);
	p.threshold = sc * smp_fade_faded_due(f);
	due_label(f, p.threshold, due, sizeof due);
	p.threshold_label = due;
	p.touchup_label = lab;
	p.dot_label = "dots, close up";
	p.blend_label = "the treated area, at a distance";
	p.t = t, p.de = de, p.n = n;
	p.t2 = t, p.de2 = de2, p.n2 = n;
	p.touchup = when->tu;
	p.touchup_early = when->early;
	p.touchup_late = when->late;
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

/* The reminder on date, or 1 when there is none to write. */
static int
reminder(const char *path, const struct smp_fade *f, long stamp, long date,
    const char *when, const char *how, struct smp_err *e)
{
	struct smp_ics_event	ev;
	char			sum[160], desc[1400], mix[32], crit[120];

	smp_match_text_mix(f->o.dilution, mix, sizeof mix);
	if (f->o.criterion == SMP_FADE_CONTRAST)
		snprintf(crit, sizeof crit, "they have lost %.0f %% of their "
		    "healed contrast with the skin", 100 * f->o.contrast_loss);
	else
		snprintf(crit, sizeof crit, "they have moved dE00 %.2f from "
		    "their healed colour", f->threshold);
	snprintf(sum, sizeof sum, "SMP touch-up due (%s at %s)",
	    f->pig->name, mix);
	snprintf(desc, sizeof desc, "%s\nThe dots are %s at %s. The touch-up "
	    "is due when %s.\n%s\nSkin Lab %.1f %.1f %.1f (%s, ITA %.0f deg). "
	    "A model prediction from published optics and assumptions: "
	    "confirm at a follow-up photo.", when, f->pig->name, mix, crit,
	    how, f->ms.lab.L, f->ms.lab.a,
	    f->ms.lab.b, smp_names_name(&smp_names_white, f->ms.white),
	    f->ita);
	ev.date = date;
	ev.stamp = stamp;
	ev.summary = sum;
	ev.description = desc;
	return smp_ics_write(path, &ev, e);
}

/* "between EARLY and LATE" of an interval after base, into b. */
static void
interval_words(char *b, size_t n, long base, double early, double late,
    double horizon)
{
	char	d1[16], d2[16];

	smp_date_format(smp_date_add_years(base, early), d1, sizeof d1);
	if (isnan(late))
		snprintf(b, n, "from %s to beyond %g year%s", d1, horizon,
		    horizon == 1 ? "" : "s");
	else {
		smp_date_format(smp_date_add_years(base, late), d2, sizeof d2);
		snprintf(b, n, "between %s and %s", d1, d2);
	}
}

int
smp_fade_pictures_ics(const char *path, const struct smp_fade_report *rp,
    const struct smp_fade *f, const struct smp_fade_when *when,
    struct smp_err *e)
{
	double	at = isnan(when->early) ? when->tu : when->early;
	char	how[240], iv[80], w[400], d[16];

	if (isnan(at))
		return 1;
	smp_date_format(smp_date_add_years(rp->start, when->tu), d, sizeof d);
	if (isnan(when->early))
		snprintf(w, sizeof w, "smp-fade predicts the touch-up on %s.",
		    d);
	else {
		interval_words(iv, sizeof iv, rp->start, when->early,
		    when->late, rp->years);
		snprintf(w, sizeof w, "smp-fade predicts the touch-up %s "
		    "(95 %% interval), most likely about %s. This reminder "
		    "is set at the early end of that interval.", iv,
		    isnan(when->tu) ? "after the horizon" : d);
	}
	snprintf(how, sizeof how, "Rate %.3f per year (UV %g SED/yr, "
	    "protection %g), %d session%s from the start date.", f->k_eff,
	    f->o.uv, f->o.protection, f->o.sessions, f->o.sessions == 1 ? "" :
	    "s");
	return reminder(path, f, rp->start, smp_date_add_years(rp->start, at),
	    w, how, e);
}

int
smp_fade_pictures_fit_plot(const char *path, const struct smp_fade_report *rp,
    const struct smp_fade *f, const struct smp_fade_series *ser,
    const struct smp_fade_fitres *r, struct smp_err *e)
{
	struct smp_fade_plot	 p;
	double			 t[401], de[401], *pt, *pde, xmax = 1;
	double			 sc = plot_scale(f);
	char			 title[200], lab[80], due[80], fl[64];
	long			 base = ser->obs[r->baseline].date;
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
			pt[np] = ser->obs[i].t;
			pde[np++] = sc * ser->obs[i].faded;
			xmax = fmax(xmax, ser->obs[i].t);
		}
	if (!isnan(r->touchup_late))
		xmax = fmax(xmax, r->touchup_late * 1.1);
	else if (!isnan(r->touchup))
		xmax = fmax(xmax, r->touchup * 1.2);
	xmax = fmin(fmax(xmax, 1), rp->years);
	for (i = 0; i <= 400; i++) {
		t[i] = xmax * (double)i / 400;
		de[i] = sc * smp_fade_fit_de(f, r, t[i]);
	}
	snprintf(title, sizeof title, "%s: fitted k %.3f/yr (95%% %.3f to "
	    "%.3f), %zu readings", f->pig->name, r->k, r->k_lo, r->k_hi,
	    r->n_used);
	if (r->flags & ~(unsigned)SMP_FADE_FLAG_BEYOND) {
		smp_names_join(&smp_names_fade_flag, r->flags, fl, sizeof fl);
		snprintf(title + strlen(title), sizeof title - strlen(title),
		    "; flagged %s", fl);
	}
	touchup_label(lab, sizeof lab, base, r->touchup, r->flags &
	    SMP_FADE_FLAG_DUE ? "touch-up due since the reading of" :
	    "touch-up");
	memset(&p, 0, sizeof p);
	p.title = title;
	p.xlabel = "years since the healed baseline reading";
	p.ylabel = plot_ylabel(f);
	p.threshold = sc * smp_fade_fit_due(f, r);
	due_label(f, p.threshold, due, sizeof due);
	p.threshold_label = due;
	p.touchup_label = lab;
	p.dot_label = "fitted curve";
	p.points_label = "readings";
	p.t = t, p.de = de, p.n = 401;
	p.pt = pt, p.pde = pde, p.np = np;
	p.touchup = r->touchup;
	p.touchup_early = r->touchup_early;
	p.touchup_late = r->touchup_late;
	ret = smp_fade_plot_write(path, &p, e);
	free(pt);
	free(pde);
	return ret;
}

int
smp_fade_pictures_fit_ics(const char *path, const struct smp_fade_report *rp,
    const struct smp_fade *f, const struct smp_fade_series *ser,
    const struct smp_fade_fitres *r, struct smp_err *e)
{
	long	base = ser->obs[r->baseline].date;
	double	at = isnan(r->touchup_early) ? r->touchup : r->touchup_early;
	char	how[200], iv[80], w[400], d[16];

	if (isnan(at) || (r->flags & SMP_FADE_FLAGS_NO_DATE))
		return 1;
	smp_date_format(smp_date_add_years(base, r->touchup), d, sizeof d);
	if (r->flags & SMP_FADE_FLAG_DUE)
		snprintf(w, sizeof w, "The touch-up is due: the reading of %s "
		    "is already past the criterion.", d);
	else {
		interval_words(iv, sizeof iv, base, r->touchup_early,
		    r->touchup_late, rp->years);
		snprintf(w, sizeof w, "smp-fade predicts the touch-up %s "
		    "(95 %% interval of the fitted rate), most likely about "
		    "%s. This reminder is set at the early end of that "
		    "interval.", iv, isnan(r->touchup) ? "after the horizon" :
		    d);
	}
	snprintf(how, sizeof how, "Rate fitted to %zu dated readings: "
	    "%.3f per year (95%% %.3f to %.3f).", r->n_used, r->k, r->k_lo,
	    r->k_hi);
	return reminder(path, f, rp->start, smp_date_add_years(base, at), w,
	    how, e);
}
