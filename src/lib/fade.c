/*
 * fade.c: pigment loss over the years and what it looks like
 * (smp-fade(1), smp-model(7) "Fading").  Loads fade, never Lab: every
 * colour is re-rendered through the skin optics of match.c.
 *
 * The touch-up is due when the dots have lost a share of their healed
 * contrast with the skin (their CIEDE2000 lightness difference; the
 * default criterion), or, with the healed criterion, when the dot has
 * moved a dE00 from its healed colour (the large-field one of before).
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

#define SMP_FADE_REF_SESSIONS	3	/* clinics: 2-4 sessions */
#define SMP_FADE_REF_HEAL	0.67	/* Engel et al. 2010 (mouse) */
#define WEEKS_PER_YEAR		(SMP_DAYS_PER_YEAR / 7)

void
smp_fade_defaults(struct smp_fade_opts *o)
{
	memset(o, 0, sizeof *o);
	o->dilution = 2;		/* where k_bio is calibrated */
	o->sessions = 3;		/* clinics: 2-4 sessions */
	o->interval_weeks = 3;		/* assumption */
	o->heal_weeks = 6;		/* Engel et al. 2010, day 42 */
	o->uv = 150;			/* Godar 2005: indoor adults 100-200 */
	o->site = 1;			/* the bald vertex: assumption */
	o->protection = 0;
	/* Calibrated to the clinics' 3-5 years: smp-neutral-black at 1:2 on
	 * light to intermediate skin loses a quarter of its contrast in
	 * 4.2-4.5 years (tests/cli/fade-predict.sh checks 3-5). */
	o->k_bio = SMP_FADE_K_BIO;
	o->f_age = 1;
	o->retention = NAN;		/* the catalogue's heal */
	o->criterion = SMP_FADE_CONTRAST;
	o->contrast_loss = 0.25;	/* assumption: smp-model(7) */
	o->threshold = NAN;		/* healed criterion: from ITA */
	o->noise = 0.5;			/* sigma_repeat: assumption */
	o->draws = 200;
	o->heal_sd = 0.075;		/* assumption: 0.52-0.82 at 95 % */
	o->k_bio_sd = 0.25;		/* the clinics' 3-5 years as one sd */
	o->photo_sd = 0.7;		/* order sourced, size not: x2 */
	o->depth_lo = o->depth_hi = NAN;
	o->strength_lo = o->strength_hi = NAN;
}

double
smp_fade_half_life(double k)
{
	return k > 0 ? log(2) / k : NAN;
}

/* Del Bino ITA in degrees -> the healed criterion's threshold: 1.8 at ITA
 * >= 28 (the acceptability threshold of Paravina et al. 2015) rising
 * linearly to 2.6 at ITA <= -30 (assumption). */
double
smp_fade_threshold_ita(double ita)
{
	double	x = (28 - ita) / 58;

	if (isnan(ita))
		return 1.8;
	return 1.8 + 0.8 * (x < 0 ? 0 : x > 1 ? 1 : x);
}

/* Epidermal UV transmittance relative to light skin: 1.0 at ITA >= 41 to
 * 0.3 at ITA <= -30, linear (after Kaidbey et al. 1979: black epidermis
 * passes about a third of the UVB that white epidermis does). */
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

	memset(f, 0, sizeof *f);
	f->cat = cat, f->pig = pig, f->mo = *mo, f->o = *o;
	if (o->sessions < 1 || o->sessions > SMP_FADE_MAX_SESSIONS)
		return smp_errf(e, SMP_E_USAGE, "sessions: %d is out of range "
		    "[1, %d]", o->sessions, SMP_FADE_MAX_SESSIONS);
	smp_match_skin_fit(skin, w, mo, &f->ms);
	smp_lab_adapt(skin, w, SMP_WHITE_D65, &d65);
	f->ita = smp_ita(&d65);
	f->t_epi = smp_fade_uv_transmittance(f->ita);
	smp_fade_setup(f, NULL);
	return 0;
}

void
smp_fade_setup(struct smp_fade *f, const struct smp_fade_vary *v)
{
	const struct smp_fade_opts	*o = &f->o;
	const struct smp_catalogue	*cat = f->cat;
	const struct smp_pigment	*pig = f->pig;
	double				 uv, bio = 1, photo = 1, dheal = 0;
	int				 i;

	if (v != NULL)
		bio = v->bio, photo = v->photo, dheal = v->heal;
	uv = o->uv * o->site * f->t_epi * (1 - o->protection);
	for (i = 0; i < pig->nmix; i++) {
		const struct smp_component *c = &cat->comp[pig->mix[i].comp];

		f->k[i] = o->k_bio * bio * o->f_age + c->photolability *
		    photo * uv;
		f->heal[i] = fmin(fmax((isnan(o->retention) ? c->heal :
		    o->retention) + dheal, 0.05), 1);
		f->dep[i] = pig->mix[i].conc / (1 + o->dilution) /
		    (SMP_FADE_REF_SESSIONS * SMP_FADE_REF_HEAL);
	}
	for (i = 0; i < o->sessions; i++)
		f->t_dep[i] = i * o->interval_weeks / WEEKS_PER_YEAR;
	f->ndep = o->sessions;
	f->ntouchup = 0;
	f->t_healed = f->t_dep[o->sessions - 1] +
	    o->heal_weeks / WEEKS_PER_YEAR;
	smp_fade_loads(f, f->t_healed, f->c_healed);
	f->k_eff = f->load_healed = 0;
	for (i = 0; i < pig->nmix; i++) {
		f->load_healed += f->c_healed[i];
		f->k_eff += f->c_healed[i] * f->k[i];
	}
	f->k_eff /= f->load_healed > 0 ? f->load_healed : 1;
	smp_fade_render(f, f->c_healed, &f->healed_dot, &f->healed_blend);
	f->contrast_healed = smp_fade_contrast(f, &f->healed_dot);
	if (o->criterion == SMP_FADE_CONTRAST) {
		f->at = o->contrast_loss;
		f->threshold = smp_fade_due_contrast(f, f->contrast_healed);
	} else {
		f->at = isnan(o->threshold) ? smp_fade_threshold_ita(f->ita) :
		    o->threshold;
		f->threshold = fmax(f->at, 2 * o->noise);
	}
}

double
smp_fade_due_contrast(const struct smp_fade *f, double healed)
{
	return fmin((1 - f->o.contrast_loss) * healed, healed - 2 *
	    f->o.noise);
}

double
smp_fade_contrast(const struct smp_fade *f, const struct smp_lab *dot)
{
	return smp_delta_e_lightness(&f->ms.lab, dot);
}

/* How much the dots have faded by the criterion's measure: the share of
 * the healed contrast lost, or dE00 from the healed colour; and the level
 * at which the touch-up is due on that measure. */
double
smp_fade_faded(const struct smp_fade *f, const struct smp_fade_point *p)
{
	if (f->o.criterion == SMP_FADE_CONTRAST)
		return f->contrast_healed > 0 ? 1 - p->contrast /
		    f->contrast_healed : 0;
	return p->de_dot;
}

double
smp_fade_faded_due(const struct smp_fade *f)
{
	if (f->o.criterion == SMP_FADE_CONTRAST)
		return f->contrast_healed > 0 ? 1 - f->threshold /
		    f->contrast_healed : 1;
	return f->threshold;
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
	p->contrast = smp_fade_contrast(f, &p->dot);
}

/* The dot alone: the searches' inner loop. */
double
smp_fade_margin(const struct smp_fade *f, double t)
{
	struct smp_lab	dot;
	double		c[SMP_MAX_MIX];

	smp_fade_loads(f, t, c);
	smp_fade_render(f, c, &dot, NULL);
	return f->o.criterion == SMP_FADE_CONTRAST ? smp_fade_contrast(f,
	    &dot) - f->threshold : f->threshold - smp_delta_e(SMP_DE00,
	    &f->healed_dot, &dot);
}

static double
below_threshold(void *arg, double t)
{
	return smp_fade_margin(arg, t);
}

/* The first time after from (the dot healed) that the touch-up is due;
 * NAN if not within horizon years, from itself if it is due already. */
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

void
smp_fade_drift(const struct smp_fade *f, double t, struct smp_fade_drift *d)
{
	double	c[SMP_MAX_MIX], even[SMP_MAX_MIX], load = 0, Cd, Ce, hd, he;
	int	i;

	smp_fade_loads(f, t, c);
	for (i = 0; i < f->pig->nmix; i++)
		load += c[i];
	for (i = 0; i < f->pig->nmix; i++)
		even[i] = f->load_healed > 0 ? f->c_healed[i] * load /
		    f->load_healed : 0;
	d->t = t;
	smp_fade_render(f, c, &d->dot, NULL);
	smp_fade_render(f, even, &d->even, NULL);
	d->de00 = smp_delta_e(SMP_DE00, &d->even, &d->dot);
	smp_lab_lch(&d->dot, &Cd, &hd);
	smp_lab_lch(&d->even, &Ce, &he);
	d->dC = Cd - Ce;
	d->dh = remainder(hd - he, 360);
}

void
smp_fade_drift_most(const struct smp_fade *f, double horizon,
    struct smp_fade_drift *d)
{
	struct smp_fade_drift	x;
	double			t;

	smp_fade_drift(f, f->t_healed, d);
	for (t = f->t_healed + SMP_FADE_SCAN; t <= horizon + 1e-9;
	    t += SMP_FADE_SCAN) {
		smp_fade_drift(f, t, &x);
		if (x.de00 > d->de00 + 1e-6)
			*d = x;
	}
}
