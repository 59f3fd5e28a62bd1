/*
 * fade-spread.c: how sure a predicted touch-up is (smp-fade(1)
 * touchup_early, touchup_late).  Monte Carlo from a fixed seed over what
 * the prediction assumes: the healing retention (+-heal_sd), the
 * biological rate and the photolabilities (log spreads k_bio_sd and
 * photo_sd), the deposit's depth and the ink's strength (a client's test
 * patch intervals, else smp-match's priors).  The skin is fitted once;
 * each draw moves the deposit and sets the fading up again, and its
 * touch-up is bracketed from the central one outwards (after the
 * healed dots start to lose contrast the margin falls steadily, so the
 * crossing found is the first).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

#define SEED		20261202ULL
#define Z95		1.96
#define STEP		0.25	/* years: the first bracket step, and */
#define TOL		2e-3	/* the crossing's (under a day) */

static double
below(void *arg, double t)
{
	return smp_fade_margin(arg, t);
}

static int
dbl_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Depth (cm) and strength of one draw: normal in depth, log-normal in
 * strength, from the given 95 % intervals or the priors. */
static void
deposit_draw(const struct smp_fade *f, struct smp_random *rng, double *depth,
    double *strength)
{
	const struct smp_fade_opts	*o = &f->o;
	double				 d0 = f->ms.depth, sd = f->mo.depth_sd;
	double				 s0 = log(f->ms.strength);
	double				 ss = f->mo.strength_sd;

	if (!isnan(o->depth_lo) && !isnan(o->depth_hi))
		d0 = (o->depth_lo + o->depth_hi) / 2,
		    sd = (o->depth_hi - o->depth_lo) / (2 * Z95);
	if (!isnan(o->strength_lo) && !isnan(o->strength_hi))
		s0 = (log(o->strength_lo) + log(o->strength_hi)) / 2,
		    ss = (log(o->strength_hi) - log(o->strength_lo)) / (2 * Z95);
	*depth = fmax(0, d0 + sd * smp_random_normal(rng));
	*strength = exp(s0 + ss * smp_random_normal(rng));
}

/* g's touch-up from a guess (years): a bracket widening from it, then
 * the crossing; NAN beyond horizon. */
static double
touchup_near(const struct smp_fade *g, double guess, double horizon)
{
	double	a = fmin(fmax(guess, g->t_healed), horizon), b, fa, fb;
	double	step = STEP;

	fa = smp_fade_margin(g, a);
	if (fa > 0) {		/* not yet due: forwards */
		for (;;) {
			if (a >= horizon)
				return NAN;
			b = fmin(a + step, horizon);
			if ((fb = smp_fade_margin(g, b)) <= 0)
				break;
			a = b, fa = fb, step *= 2;
		}
		return smp_solve_root_1d(below, (void *)g, a, fa, b, fb, TOL,
		    60);
	}
	b = a, fb = fa;		/* due already: backwards */
	for (;;) {
		if (b <= g->t_healed)
			return g->t_healed;
		a = fmax(b - step, g->t_healed);
		if ((fa = smp_fade_margin(g, a)) > 0)
			break;
		b = a, fb = fa, step *= 2;
	}
	return smp_solve_root_1d(below, (void *)g, a, fa, b, fb, TOL, 60);
}

int
smp_fade_spread(const struct smp_fade *f, double horizon, double *early,
    double *late, struct smp_err *e)
{
	struct smp_fade		*g;
	struct smp_random	 rng;
	double			*tu, guess;
	int			 n = f->o.draws, i;

	*early = *late = NAN;
	if (n <= 0)
		return 0;
	g = malloc(sizeof *g);
	tu = malloc((size_t)n * sizeof *tu);
	if (g == NULL || tu == NULL) {
		free(g), free(tu);
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	}
	if (isnan(guess = smp_fade_touchup(f, horizon)))
		guess = horizon;
	smp_random_seed(&rng, SEED);
	for (i = 0; i < n; i++) {
		struct smp_fade_vary	v;
		double			depth, strength;

		*g = *f;
		v.heal = f->o.heal_sd * smp_random_normal(&rng);
		v.bio = exp(f->o.k_bio_sd * smp_random_normal(&rng));
		v.photo = exp(f->o.photo_sd * smp_random_normal(&rng));
		deposit_draw(f, &rng, &depth, &strength);
		smp_match_skin_from(&f->ms.lab, f->ms.white, &f->ms.fit.s, depth,
		    strength, &g->ms);
		smp_fade_setup(g, &v);
		tu[i] = touchup_near(g, guess, horizon);
		if (isnan(tu[i]))
			tu[i] = INFINITY;	/* beyond the horizon */
	}
	qsort(tu, (size_t)n, sizeof *tu, dbl_cmp);
	*early = tu[(int)floor(0.025 * (n - 1))];
	*late = tu[(int)ceil(0.975 * (n - 1))];
	if (isinf(*early))
		*early = NAN;
	if (isinf(*late))
		*late = NAN;
	free(g);
	free(tu);
	return 0;
}
