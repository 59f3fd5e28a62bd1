/*
 * match-spread.c: how sure the ranking is (smp-model(7) "Uncertainty").
 *
 * Monte Carlo over what the model does not know: the skin reading (its
 * ci95), the dermal scattering amplitude, the deposit's depth and the
 * ink's strength (a client's test-patch posterior, or the priors), and a
 * photo target's own ci95.  Each draw refits the skin to first order
 * (smp_skin_fit_perturb), re-renders the target and every candidate that
 * could matter at its recommended mix, and notes which is best.  The
 * draws come from a fixed seed, so every run, machine and -j gives the
 * same numbers.
 *
 * Candidates within SMP_MATCH_JND of the best (point estimates) look the
 * same; they are marked equivalent and ordered by their share of draws
 * won (p_best).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

#define SEED		20261201ULL
#define CI95_PER_SD	2.796		/* sqrt of chi2(3 dof) at 0.95 */
#define WINDOW		5.0		/* dE00 beyond the best: never best */
#define MIN_SPREAD	16
#define MAX_SPREAD	64

static int
dbl_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
quantile(double *v, int n, double q)
{
	double	pos = q * (n - 1);
	int	i = (int)floor(pos);

	if (i >= n - 1)
		return v[n - 1];
	return v[i] + (pos - i) * (v[i + 1] - v[i]);
}

/* One draw of the skin, deposit and target. */
static void
draw(const struct smp_match_skin *ms, const struct smp_target *tg,
    const struct smp_match_opts *o, const struct smp_spread_in *in,
    struct smp_random *rng, struct smp_match_skin *md, struct smp_target *td)
{
	double		sd = in->skin_ci / CI95_PER_SD, dl[3], depth, strength;
	struct smp_skin	s;
	struct smp_lab	lab = ms->lab, t;
	int		i;

	for (i = 0; i < 3; i++)
		dl[i] = sd * smp_random_normal(rng);
	lab.L += dl[0], lab.a += dl[1], lab.b += dl[2];
	smp_skin_fit_perturb(&ms->fit, dl, exp(o->mus_sd *
	    smp_random_normal(rng)), &s);
	if (in->patch != NULL)
		smp_match_patch_draw(in->patch, rng, &depth, &strength);
	else {
		depth = fmax(0, ms->depth + o->depth_sd *
		    smp_random_normal(rng));
		strength = ms->strength * exp(o->strength_sd *
		    smp_random_normal(rng));
	}
	md->fit = ms->fit;
	smp_match_skin_from(&lab, ms->white, &s, depth, strength, md);
	if (tg->source == SMP_TARGET_HAIR) {
		smp_match_target_hair_skin(md, &s, o, tg->hair, td);
		return;
	}
	t = tg->dot;
	if (tg->source == SMP_TARGET_READING) {
		sd = in->target_ci / CI95_PER_SD;
		t.L += sd * smp_random_normal(rng);
		t.a += sd * smp_random_normal(rng);
		t.b += sd * smp_random_normal(rng);
	}
	smp_match_target_lab(md, o, &t, tg->source, td);
}

int
smp_match_spread(const struct smp_catalogue *cat,
    const struct smp_match_skin *ms, const struct smp_target *tg,
    const struct smp_match_opts *o, const struct smp_spread_in *in,
    struct smp_candidate *cand, size_t n, struct smp_err *e)
{
	struct smp_match_skin	*md;
	struct smp_random	 rng;
	double			*de;
	int			*wins, nd = o->draws, ns = 0, d, i;

	while ((size_t)ns < n && ns < MAX_SPREAD && (ns < MIN_SPREAD ||
	    cand[ns].de00 <= cand[0].de00 + WINDOW))
		ns++;
	if (nd <= 0 || ns == 0)
		return 0;
	md = malloc(sizeof *md);
	de = malloc((size_t)ns * nd * sizeof *de);
	wins = calloc((size_t)ns, sizeof *wins);
	if (md == NULL || de == NULL || wins == NULL) {
		free(md), free(de), free(wins);
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	}
	smp_random_seed(&rng, SEED);
	for (d = 0; d < nd; d++) {
		struct smp_target	td;
		int			best = 0;

		draw(ms, tg, o, in, &rng, md, &td);
		for (i = 0; i < ns; i++) {
			const struct smp_pigment *p = &cat->pig[cand[i].pig];
			struct smp_lab	dot, blend;
			int		bl = o->view == SMP_VIEW_BLEND;

			smp_match_render(md, o, p->mua, p->mus, cand[i].load,
			    &dot, bl ? &blend : NULL);
			de[(size_t)i * nd + d] = smp_delta_e(SMP_DE00,
			    bl ? &td.blend : &td.dot, bl ? &blend : &dot);
			if (de[(size_t)i * nd + d] < de[(size_t)best * nd + d])
				best = i;
		}
		wins[best]++;
	}
	for (i = 0; i < ns; i++) {
		double	*v = &de[(size_t)i * nd];

		qsort(v, (size_t)nd, sizeof *v, dbl_cmp);
		cand[i].p_best = (double)wins[i] / nd;
		cand[i].de00_lo = quantile(v, nd, 0.025);
		cand[i].de00_hi = quantile(v, nd, 0.975);
		cand[i].spread = 1;
	}
	free(md), free(de), free(wins);
	return 0;
}

static int
pbest_cmp(const void *a, const void *b)
{
	const struct smp_candidate *x = a, *y = b;

	if (x->p_best != y->p_best)
		return x->p_best > y->p_best ? -1 : 1;
	if (x->de != y->de)
		return x->de < y->de ? -1 : 1;
	return x->pig - y->pig;
}

size_t
smp_match_spread_order(struct smp_candidate *cand, size_t n)
{
	size_t	k = 0, i;

	while (k < n && cand[k].de00 <= cand[0].de00 + SMP_MATCH_JND)
		k++;
	if (k < 2)
		return k;
	for (i = 0; i < k; i++)
		cand[i].equivalent = 1;
	qsort(cand, k, sizeof *cand, pbest_cmp);
	return k;
}
