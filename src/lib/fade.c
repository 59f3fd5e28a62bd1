/*
 * fade.c: pigment loss over the years and what it looks like (SCIENCE.md
 * 4.3, 4.4, 6.2; smp-fade(1)).  Loads fade, never Lab: every colour is
 * re-rendered through the skin optics of match.c.
 *
 * Loads are in units of the catalogue's undiluted ink.  smp-match's
 * dilution r stands for the healed load 1/(1+r) of a reference course,
 * SMP_FADE_REF_SESSIONS sessions each keeping SMP_FADE_REF_HEAL of its
 * deposit; so one session deposits 1/(1+r) / (sessions x heal) of each
 * component (times its share), and a component's own healing retention
 * and the number of sessions move the healed load from there.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "smp.h"

#define SMP_FADE_REF_SESSIONS	3	/* SCIENCE.md 3: 2-4 sessions */
#define SMP_FADE_REF_HEAL	0.67	/* SCIENCE.md 6.2 r_heal */
#define WEEKS_PER_YEAR		(SMP_DAYS_PER_YEAR / 7)

void
smp_fade_defaults(struct smp_fade_opts *o)
{
	memset(o, 0, sizeof *o);
	o->dilution = 2;		/* mu550 = 100, where k_bio is set */
	o->sessions = 3;		/* SCIENCE.md 3 */
	o->interval_weeks = 3;		/* assumption */
	o->heal_weeks = 6;		/* SCIENCE.md 6.2 t_h */
	o->uv = 150;			/* SCIENCE.md 6.2, Godar 2005 */
	o->site = 1;			/* SCIENCE.md 6.2, bald vertex */
	o->protection = 0;
	o->k_bio = 0.28;		/* calibrated: see smp-fade(1) */
	o->f_age = 1;
	o->threshold = NAN;		/* from ITA */
	o->noise = 0.5;			/* SCIENCE.md 6.2 sigma_repeat */
}

double
smp_fade_half_life(double k)
{
	return k > 0 ? log(2) / k : NAN;
}

/* Del Bino ITA in degrees -> touch-up threshold: 1.8 at ITA >= 28 rising
 * linearly to 2.6 at ITA <= -30 (SCIENCE.md 6.2). */
double
smp_fade_threshold_ita(double ita)
{
	double	x = (28 - ita) / 58;

	if (isnan(ita))
		return 1.8;
	return 1.8 + 0.8 * (x < 0 ? 0 : x > 1 ? 1 : x);
}

/* Epidermal UV transmittance relative to light skin: 1.0 at ITA >= 41 to
 * 0.3 at ITA <= -30, linear (SCIENCE.md 6.2, after Kaidbey 1979). */
double
smp_fade_uv_transmittance(double ita)
{
	double	x = (41 - ita) / 71;

	if (isnan(ita))
		return 1;
	return 1 - 0.7 * (x < 0 ? 0 : x > 1 ? 1 : x);
}

int
smp_fade_init(struct smp_fade *f, const struct smp_catalogue *cat,
    const struct smp_pigment *pig, const struct smp_lab *skin,
    enum smp_white w, const struct smp_match_opts *mo,
    const struct smp_fade_opts *o, struct smp_err *e)
{
	struct smp_lab	d65;
	double		uv;
	int		i;

	memset(f, 0, sizeof *f);
	f->cat = cat, f->pig = pig, f->mo = *mo, f->o = *o;
	if (o->sessions < 1 || o->sessions > SMP_FADE_MAX_SESSIONS)
		return smp_errf(e, SMP_E_USAGE, "sessions: %d is out of range "
		    "[1, %d]", o->sessions, SMP_FADE_MAX_SESSIONS);
	smp_match_skin_fit(skin, w, mo, &f->ms);
	smp_lab_adapt(skin, w, SMP_WHITE_D65, &d65);
	f->ita = smp_ita(&d65);
	f->t_epi = smp_fade_uv_transmittance(f->ita);
	f->at = isnan(o->threshold) ? smp_fade_threshold_ita(f->ita) :
	    o->threshold;
	f->threshold = fmax(f->at, 2 * o->noise);
	uv = o->uv * o->site * f->t_epi * (1 - o->protection);
	for (i = 0; i < pig->nmix; i++) {
		const struct smp_component *c = &cat->comp[pig->mix[i].comp];

		f->k[i] = o->k_bio * o->f_age + c->photolability * uv;
		f->heal[i] = c->heal;
		f->dep[i] = pig->mix[i].conc / (1 + o->dilution) /
		    (SMP_FADE_REF_SESSIONS * SMP_FADE_REF_HEAL);
	}
	for (i = 0; i < o->sessions; i++)
		f->t_dep[i] = i * o->interval_weeks / WEEKS_PER_YEAR;
	f->ndep = o->sessions;
	f->t_healed = f->t_dep[o->sessions - 1] +
	    o->heal_weeks / WEEKS_PER_YEAR;
	smp_fade_loads(f, f->t_healed, f->c_healed);
	f->k_eff = 0;
	for (i = 0; i < pig->nmix; i++) {
		f->load_healed += f->c_healed[i];
		f->k_eff += f->c_healed[i] * f->k[i];
	}
	f->k_eff /= f->load_healed > 0 ? f->load_healed : 1;
	smp_fade_render(f, f->c_healed, &f->healed_dot, &f->healed_blend);
	return 0;
}

/* Component loads at t years after the first session: every deposit
 * (sessions, then touch-ups) heals to its retention over heal_weeks
 * (exponentially), then decays at k. */
void
smp_fade_loads(const struct smp_fade *f, double t, double *c)
{
	double	th = f->o.heal_weeks / WEEKS_PER_YEAR;
	int	i, s;

	for (i = 0; i < f->pig->nmix; i++) {
		c[i] = 0;
		for (s = 0; s < f->ndep; s++) {
			double	tau = t - f->t_dep[s];

			if (tau < 0)
				continue;
			c[i] += f->dep[i] * pow(f->heal[i], th > 0 ?
			    fmin(tau, th) / th : 1) * exp(-f->k[i] *
			    fmax(0, tau - th));
		}
	}
}

void
smp_fade_render(const struct smp_fade *f, const double *c,
    struct smp_lab *dot, struct smp_lab *blend)
{
	const struct smp_catalogue	*cat = f->cat;
	double				 mua[SMP_BANDS] = { 0 };
	double				 mus[SMP_BANDS] = { 0 };
	int				 i, b;

	for (i = 0; i < f->pig->nmix; i++) {
		const struct smp_component *p = &cat->comp[f->pig->mix[i].comp];

		for (b = 0; b < SMP_BANDS; b++) {
			mua[b] += c[i] * p->mua[b];
			mus[b] += c[i] * p->mus[b];
		}
	}
	smp_match_render(&f->ms, &f->mo, mua, mus, 1, dot,
	    blend);
}

void
smp_fade_at(const struct smp_fade *f, double t, struct smp_fade_point *p)
{
	double	c[SMP_MAX_MIX];
	int	i;

	smp_fade_loads(f, t, c);
	smp_fade_render(f, c, &p->dot, &p->blend);
	p->t = t;
	p->load = 0;
	for (i = 0; i < f->pig->nmix; i++)
		p->load += c[i];
	p->load /= f->load_healed > 0 ? f->load_healed : 1;
	p->de_dot = smp_delta_e(SMP_DE00, &f->healed_dot, &p->dot);
	p->de_blend = smp_delta_e(SMP_DE00, &f->healed_blend, &p->blend);
}

static double
below_threshold(void *arg, double t)
{
	const struct smp_fade	*f = arg;
	struct smp_fade_point	 p;

	smp_fade_at(f, t, &p);
	return f->threshold - p.de_dot;
}

/* The first time after a from, at which the dot is healed, that its dE00
 * from the healed colour reaches the threshold; NAN if not within horizon
 * years, from itself if it is there already. */
static double
crossing(const struct smp_fade *f, double from, double horizon)
{
	return smp_solve_first_root(below_threshold, (void *)f, from, horizon,
	    SMP_FADE_SCAN, 1e-4);
}

double
smp_fade_touchup(const struct smp_fade *f, double horizon)
{
	return crossing(f, f->t_healed, horizon);
}

/* Touch-ups within horizon, each one session's deposit when the threshold
 * is reached, the next looked for once it has healed; stops early when a
 * healed touch-up is still past the threshold (one session is not enough
 * to restore the look). */
int
smp_fade_plan(struct smp_fade *f, double horizon)
{
	double	th = f->o.heal_weeks / WEEKS_PER_YEAR, t, from = f->t_healed;

	f->ntouchup = 0;
	f->ndep = f->o.sessions;
	while (f->ntouchup < SMP_FADE_MAX_TOUCHUPS &&
	    !isnan(t = crossing(f, from, horizon))) {
		if (f->ntouchup > 0 && t <= from)
			break;
		f->touchup[f->ntouchup++] = t;
		f->t_dep[f->ndep++] = t;
		from = t + th;
		if (from > horizon)
			break;
	}
	return f->ntouchup;
}
