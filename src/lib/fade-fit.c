/*
 * fade-fit.c: one client's fading rate from dated readings of the same
 * treated area (smp-fade(1) --fit).
 *
 * Each reading is inverted through the optics for the pigment load, as a
 * multiple s of the healed composition; a straight line through ln s
 * against years since the baseline starts the fit in colour of
 * fade-profile.c, which gives k, its 95 % interval and the healed load.
 * The touch-up is when the dot at the fitted load meets the criterion,
 * measured from the fitted healed dot.  The fit checks itself: readings
 * further from the fitted curve than their noise (lack of fit), a rate
 * interval at or below zero (the dots darkening) or without an end (too
 * little change to tell) give no date; a latest reading past the
 * criterion means the touch-up is due at that reading.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "smp.h"

#define LN_S_MIN	(-6.0)	/* load 0.25 % of healed */
#define LN_S_MAX	2.0	/* 7.4 x healed */
#define SCAN		17

struct invert {
	const struct smp_fade	*f;
	const struct smp_lab	*obs;
};

static void
render_scaled(const struct smp_fade *f, double s, struct smp_lab *dot)
{
	double	c[SMP_MAX_MIX];
	int	i;

	for (i = 0; i < f->pig->nmix; i++)
		c[i] = s * f->c_healed[i];
	smp_fade_render(f, c, dot, NULL);
}

static double
invert_cost(void *arg, double lns)
{
	const struct invert	*v = arg;
	struct smp_lab		 dot;

	render_scaled(v->f, exp(lns), &dot);
	return smp_delta_e(SMP_DE00, v->obs, &dot);
}

/* Load relative to healed that best explains a dot reading; *de gets the
 * residual dE00. */
double
smp_fade_fit_invert(const struct smp_fade *f, const struct smp_lab *obs,
    double *de)
{
	struct invert	v = { f, obs };
	double		best = 0, fb = INFINITY, x, lo, hi;
	int		i;

	for (i = 0; i < SCAN; i++) {
		double	c = invert_cost(&v, x = LN_S_MIN + i *
			    (LN_S_MAX - LN_S_MIN) / (SCAN - 1));

		if (c < fb)
			fb = c, best = x;
	}
	lo = fmax(LN_S_MIN, best - (LN_S_MAX - LN_S_MIN) / (SCAN - 1));
	hi = fmin(LN_S_MAX, best + (LN_S_MAX - LN_S_MIN) / (SCAN - 1));
	x = smp_solve_min_1d(invert_cost, &v, lo, hi, 1e-4, 60, de);
	return exp(x);
}

/* Two-sided 95 % Student t quantiles for 1..30 degrees of freedom
 * (larger: the normal's). */
static double
t975(int dof)
{
	static const double	t[30] = { 12.706, 4.303, 3.182, 2.776, 2.571,
		2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
		2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069,
		2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042 };

	return dof < 1 ? INFINITY : dof <= 30 ? t[dof - 1] : 1.96;
}

struct ahead {
	const struct smp_fade	*f;
	double			 s0, k;
	struct smp_lab		 ref;
	double			 level;
};

/* Where the criterion is met for dots whose reference (healed) colour is
 * ref: the dot-to-skin contrast to reach, or the dE00 from ref. */
static double
due_level(const struct smp_fade *f, const struct smp_lab *ref)
{
	if (f->o.criterion != SMP_FADE_CONTRAST)
		return f->threshold;
	return smp_fade_due_contrast(f, smp_fade_contrast(f, ref));
}

/* Positive until dot, against the reference ref, meets the criterion. */
static double
margin(const struct smp_fade *f, const struct smp_lab *ref, double level,
    const struct smp_lab *dot)
{
	if (f->o.criterion == SMP_FADE_CONTRAST)
		return smp_fade_contrast(f, dot) - level;
	return level - smp_delta_e(SMP_DE00, ref, dot);
}

/* dot on the criterion's scale against ref: the share of ref's contrast
 * lost, or dE00 from ref. */
static double
faded(const struct smp_fade *f, const struct smp_lab *ref,
    const struct smp_lab *dot)
{
	double	c;

	if (f->o.criterion != SMP_FADE_CONTRAST)
		return smp_delta_e(SMP_DE00, ref, dot);
	c = smp_fade_contrast(f, ref);
	return c > 0 ? 1 - smp_fade_contrast(f, dot) / c : 0;
}

static double
ahead_below(void *arg, double t)
{
	const struct ahead	*a = arg;
	struct smp_lab		 dot;

	render_scaled(a->f, a->s0 * exp(-a->k * t), &dot);
	return margin(a->f, &a->ref, a->level, &dot);
}

/* Years after the baseline until the criterion at rate k; NAN beyond
 * horizon years or for k <= 0. */
static double
touchup_after(const struct smp_fade *f, double s0, double k, double horizon)
{
	struct ahead	a = { f, s0, k, { 0, 0, 0 }, 0 };

	if (!(k > 0))
		return NAN;
	render_scaled(f, s0, &a.ref);
	a.level = due_level(f, &a.ref);
	return smp_solve_first_root(ahead_below, &a, 0, horizon, SMP_FADE_SCAN, 1e-4);
}

/* The fit's own checks: how far the readings are from the fitted curve,
 * a rate that cannot be fading or that the readings leave open; then, on
 * the criterion's scale from the fitted healed dot (from the baseline
 * reading when the fit is not to be trusted), how faded each reading is
 * and whether the latest is due already. */
static void
checks(const struct smp_fade *f, struct smp_fade_obs *obs, size_t n,
    struct smp_fade_fitres *r)
{
	const struct smp_fade_obs *last = &obs[r->baseline];
	const struct smp_lab	*ref = &r->healed;
	double			 ss = 0;
	size_t			 i, latest = r->baseline;

	for (i = 0; i < n; i++) {
		struct smp_lab	dot;

		if (!obs[i].used)
			continue;
		render_scaled(f, r->s0 * exp(-r->k * obs[i].t), &dot);
		obs[i].off = smp_delta_e(SMP_DE00, &obs[i].dot, &dot);
		ss += obs[i].off * obs[i].off;
		if (obs[i].date > last->date)
			last = &obs[i], latest = i;
	}
	r->rms_off = sqrt(ss / (double)r->n_used);
	if (r->rms_off > 2 * f->o.noise)
		r->flags |= SMP_FADE_FLAG_LACK_OF_FIT;
	/* darkening: by the rate, or plainly more contrast than at the
	 * baseline (the rate may not reach it: healed dots are as dark as
	 * the model's dots get) */
	if (!(r->k_hi > 0) || smp_fade_contrast(f, &last->dot) >
	    smp_fade_contrast(f, &obs[r->baseline].dot) + 2 * f->o.noise)
		r->flags |= SMP_FADE_FLAG_DARKENING;
	else if (r->k_lo <= -SMP_FADE_K_BOUND || r->k_hi >= SMP_FADE_K_BOUND)
		r->flags |= SMP_FADE_FLAG_OPEN;
	if (r->flags & SMP_FADE_FLAGS_NO_DATE)
		ref = &obs[r->baseline].dot;
	for (i = 0; i < n; i++)
		if (obs[i].used)
			obs[i].faded = faded(f, ref, &obs[i].dot);
	if (latest != r->baseline && margin(f, ref, due_level(f, ref),
	    &last->dot) <= 0) {
		r->flags |= SMP_FADE_FLAG_DUE;
		r->due = latest;
	}
}

int
smp_fade_fit(const struct smp_fade *f, struct smp_fade_obs *obs, size_t n,
    long first_usable, double horizon, struct smp_fade_fitres *r,
    struct smp_err *e)
{
	double	st = 0, sy = 0, sty = 0, m, sxx = 0, a, b, rss = 0;
	double	se, q;
	size_t	i, used = 0, base = n;

	memset(r, 0, sizeof *r);
	for (i = 0; i < n; i++) {
		obs[i].used = obs[i].date >= first_usable;
		if (obs[i].used && (base == n || obs[i].date < obs[base].date))
			base = i;
	}
	if (base == n)
		return smp_errf(e, SMP_E_INPUT, "no reading on or after the "
		    "healed baseline date");
	for (i = 0; i < n; i++) {
		if (!obs[i].used)
			continue;
		obs[i].t = smp_date_years(obs[base].date, obs[i].date);
		obs[i].load = smp_fade_fit_invert(f, &obs[i].dot, &obs[i].fit_de);
		obs[i].de = smp_delta_e(SMP_DE00, &obs[base].dot, &obs[i].dot);
		used++;
	}
	if (used < 3)
		return smp_errf(e, SMP_E_INPUT, "%zu usable follow-up%s after "
		    "the baseline; fitting a rate needs at least 2", used - 1,
		    used == 2 ? "" : "s");
	for (i = 0; i < n; i++)
		if (obs[i].used) {
			double	y = log(obs[i].load);

			st += obs[i].t, sy += y;
		}
	st /= (double)used, sy /= (double)used;
	for (i = 0; i < n; i++)
		if (obs[i].used) {
			double	dt = obs[i].t - st;

			sxx += dt * dt;
			sty += dt * (log(obs[i].load) - sy);
		}
	if (sxx <= 0)
		return smp_errf(e, SMP_E_INPUT, "every usable reading has the "
		    "same date");
	b = sty / sxx;
	a = sy - b * st;
	for (i = 0; i < n; i++)
		if (obs[i].used) {
			double	d = log(obs[i].load) - a - b * obs[i].t;

			rss += d * d;
		}
	m = (double)used;
	se = sqrt(rss / (m - 2) / sxx);
	q = t975((int)used - 2);
	r->n_used = used;
	r->baseline = base;
	r->k = smp_fade_profile_fit(f, obs, n, -b, se, q * q, &r->k_lo,
	    &r->k_hi, &a);
	r->s0 = exp(a);
	r->rmse = sqrt(rss / m);
	r->half_life = smp_fade_half_life(r->k);
	render_scaled(f, r->s0, &r->healed);
	checks(f, obs, n, r);
	if (r->flags & SMP_FADE_FLAG_DUE) {
		/* due at the latest reading, never a date after it: what the
		 * readings show, whatever the fit */
		r->touchup = r->touchup_early = r->touchup_late =
		    obs[r->due].t;
		return 0;
	}
	if (r->flags & SMP_FADE_FLAGS_NO_DATE) {
		r->touchup = r->touchup_early = r->touchup_late = NAN;
		return 0;
	}
	r->touchup = touchup_after(f, r->s0, r->k, horizon);
	r->touchup_early = touchup_after(f, r->s0, r->k_hi, horizon);
	r->touchup_late = touchup_after(f, r->s0, r->k_lo, horizon);
	if (isnan(r->touchup))
		r->flags |= SMP_FADE_FLAG_BEYOND;
	return 0;
}

/* The fitted curve at t years after the baseline on the criterion's
 * scale, from the fitted healed dot, for plots. */
double
smp_fade_fit_de(const struct smp_fade *f, const struct smp_fade_fitres *r,
    double t)
{
	struct smp_lab	dot;

	render_scaled(f, r->s0 * exp(-r->k * t), &dot);
	return faded(f, &r->healed, &dot);
}

/* Where the fitted curve is due on that scale. */
double
smp_fade_fit_due(const struct smp_fade *f, const struct smp_fade_fitres *r)
{
	double	c;

	if (f->o.criterion != SMP_FADE_CONTRAST)
		return f->threshold;
	c = smp_fade_contrast(f, &r->healed);
	return c > 0 ? 1 - due_level(f, &r->healed) / c : 1;
}
