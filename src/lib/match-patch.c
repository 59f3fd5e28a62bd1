/*
 * match-patch.c: a client's healed test patch of a known pigment and
 * dilution, read as this client's deposit depth and ink strength
 * (smp-model(7) "Test patch").
 *
 * The patch's colour is predicted on the patch's own skin for a depth
 * (pigment-free dermis over the deposit, 0..PATCH_DEPTH_MAX) and a
 * strength (a factor on the catalogue's absorption and scattering), and
 * the two are fitted by Levenberg-Marquardt: the Lab residual in units of
 * the reading's noise (its ci95 radius over 2.796, the 95 % radius of a
 * 3-D normal, with a floor of PATCH_SIGMA_MODEL for the model itself) and
 * the priors the ranking would otherwise use (the default depth with
 * spread depth_sd, strength 1 with log spread strength_sd).  The
 * posterior is the Gauss-Newton covariance at the solution; intervals
 * are its 95 % ranges, and match-spread.c draws from it.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "smp.h"

#define PATCH_DEPTH_MAX		300e-4	/* cm */
#define PATCH_STRENGTH_MIN	0.05
#define PATCH_STRENGTH_MAX	20
#define PATCH_SIGMA_MODEL	0.5	/* dE, assumption */
#define CI95_PER_SD		2.796	/* sqrt of chi2(3 dof) at 0.95 */
#define Z95			1.96

static double
logistic(double u)
{
	return 1 / (1 + exp(-u));
}

static double
depth_of(double u)
{
	return PATCH_DEPTH_MAX * logistic(u);
}

static double
strength_of(double u)
{
	return exp(log(PATCH_STRENGTH_MIN) + log(PATCH_STRENGTH_MAX /
	    PATCH_STRENGTH_MIN) * logistic(u));
}

static double
u_clamp(double s)
{
	s = s < 1e-6 ? 1e-6 : s > 1 - 1e-6 ? 1 - 1e-6 : s;
	return log(s / (1 - s));
}

struct patch {
	const struct smp_match_skin	*ms;
	const struct smp_match_opts	*o;
	const struct smp_pigment	*p;
	double				 load, sigma;
	struct smp_lab			 obs, model;
};

static void
predict(struct patch *pt, double depth, double strength, struct smp_lab *lab)
{
	struct smp_match_skin	m = *pt->ms;

	smp_match_skin_from(&m.lab, m.white, &m.fit.s, depth, strength, &m);
	smp_match_render(&m, pt->o, pt->p->mua, pt->p->mus, pt->load, lab,
	    NULL);
}

static void
resid(void *arg, const double *u, double *r)
{
	struct patch	*pt = arg;
	double		 d = depth_of(u[0]), s = strength_of(u[1]);

	predict(pt, d, s, &pt->model);
	r[0] = (pt->model.L - pt->obs.L) / pt->sigma;
	r[1] = (pt->model.a - pt->obs.a) / pt->sigma;
	r[2] = (pt->model.b - pt->obs.b) / pt->sigma;
	r[3] = (d - pt->o->skin.d_above) / pt->o->depth_sd;
	r[4] = log(s) / pt->o->strength_sd;
}

void
smp_match_patch_fit(const struct smp_match_skin *ms,
    const struct smp_match_opts *o, const struct smp_pigment *p,
    double dilution, const struct smp_lab *obs, double ci95,
    struct smp_patch_fit *pf)
{
	static const double	depths[] = { 5e-4, 25e-4, 60e-4, 120e-4,
				    200e-4 };
	struct patch		pt;
	double			u[2], best[2], J[5 * 2], r[5], c, bc = INFINITY;
	double			A[2][2], det, sd;
	size_t			i;
	int			k;

	memset(pf, 0, sizeof *pf);
	pt.ms = ms, pt.o = o, pt.p = p, pt.obs = *obs;
	pt.load = 1 / (1 + dilution);
	sd = ci95 / CI95_PER_SD;
	pt.sigma = sqrt(sd * sd + PATCH_SIGMA_MODEL * PATCH_SIGMA_MODEL);
	u[1] = u_clamp(log(1 / PATCH_STRENGTH_MIN) /
	    log(PATCH_STRENGTH_MAX / PATCH_STRENGTH_MIN));
	for (i = 0; i < sizeof depths / sizeof depths[0]; i++) {
		u[0] = u_clamp(depths[i] / PATCH_DEPTH_MAX);
		resid(&pt, u, r);
		for (c = 0, k = 0; k < 5; k++)
			c += r[k] * r[k];
		if (c < bc)
			bc = c, best[0] = u[0], best[1] = u[1];
	}
	smp_solve_lm(resid, &pt, best, 2, 5, 60, J);
	resid(&pt, best, r);
	pf->model = pt.model;
	pf->de00 = smp_delta_e(SMP_DE00, obs, &pt.model);
	pf->u[0] = best[0], pf->u[1] = best[1];
	pf->depth = depth_of(best[0]);
	pf->strength = strength_of(best[1]);
	/* Covariance (J'J)^-1 and its Cholesky factor. */
	for (i = 0; i < 2; i++)
		for (k = 0; k < 2; k++) {
			int	m;

			A[i][k] = 0;
			for (m = 0; m < 5; m++)
				A[i][k] += J[m * 2 + i] * J[m * 2 + k];
		}
	det = A[0][0] * A[1][1] - A[0][1] * A[1][0];
	if (det > 0) {
		double	c00 = A[1][1] / det, c11 = A[0][0] / det;
		double	c01 = -A[0][1] / det;

		pf->chol[0][0] = sqrt(c00);
		pf->chol[1][0] = c01 / pf->chol[0][0];
		pf->chol[1][1] = sqrt(fmax(c11 - pf->chol[1][0] *
		    pf->chol[1][0], 0));
	}
	sd = pf->chol[0][0];
	pf->depth_lo = depth_of(best[0] - Z95 * sd);
	pf->depth_hi = depth_of(best[0] + Z95 * sd);
	sd = hypot(pf->chol[1][0], pf->chol[1][1]);
	pf->strength_lo = strength_of(best[1] - Z95 * sd);
	pf->strength_hi = strength_of(best[1] + Z95 * sd);
}

void
smp_match_patch_draw(const struct smp_patch_fit *pf, struct smp_random *rng,
    double *depth, double *strength)
{
	double	z0 = smp_random_normal(rng), z1 = smp_random_normal(rng);

	*depth = depth_of(pf->u[0] + pf->chol[0][0] * z0);
	*strength = strength_of(pf->u[1] + pf->chol[1][0] * z0 +
	    pf->chol[1][1] * z1);
}
