/*
 * fade-profile.c: a client's rate fitted in colour (smp-fade(1) --fit).
 * The healed load s0 and the rate k are the ones whose model dots come
 * nearest the readings in CIEDE2000, by least squares: for each k the
 * best ln s0 (Brent), then the best k on that profile.  ln s0 has a prior,
 * normal about the model's own healed load with the spread of the ink's
 * strength and of the healing retention, weighed at the repeat-capture
 * sigma: dark dots change little with their load, and
 * without it a few early readings would trade a huge load for a fast
 * rate.  k's 95 % interval is where the profile sum of squares has risen
 * by t^2 times the residual variance or 1.96^2 times sigma squared,
 * whichever is larger (the profile-likelihood interval of nonlinear
 * regression, Bates & Watts 1988, ch. 6; with sigma known, chi-squared
 * with one degree of freedom).
 */
#include "config.h"

#include <math.h>

#include "smp.h"

#define K_MIN	(-SMP_FADE_K_BOUND)
#define K_MAX	SMP_FADE_K_BOUND
#define U_HALF	3.0		/* ln s0 searched this far each side */
#define TOL_U	1e-6
#define TOL_K	1e-6
#define Z95	1.96

struct profile {
	const struct smp_fade		*f;
	const struct smp_fade_obs	*obs;
	size_t				 n;
	double				 k, u_sd, ss_min, rise;
};

/* ln s0's prior as a sum of squares. */
static double
prior(const struct profile *p, double u)
{
	double	z = u / p->u_sd;

	return p->f->o.noise * p->f->o.noise * z * z;
}

static double
ss_u(void *arg, double u)
{
	const struct profile	*p = arg;
	double			 ss = 0, c[SMP_MAX_MIX];
	size_t			 i;
	int			 j;

	for (i = 0; i < p->n; i++) {
		struct smp_lab	dot;
		double		s = exp(u - p->k * p->obs[i].t), d;

		if (!p->obs[i].used)
			continue;
		for (j = 0; j < p->f->pig->nmix; j++)
			c[j] = s * p->f->c_healed[j];
		smp_fade_render(p->f, c, &dot, NULL);
		d = smp_delta_e(SMP_DE00, &p->obs[i].dot, &dot);
		ss += d * d;
	}
	return ss + prior(p, u);
}

/* The least sum of squares at rate k, with its ln s0 in *u. */
static double
ss_k(struct profile *p, double k, double *u)
{
	double	ss;

	p->k = k;
	*u = smp_solve_min_1d(ss_u, p, -U_HALF, U_HALF, TOL_U, 100, &ss);
	return ss;
}

static double
ss_k_fn(void *arg, double k)
{
	double	u;

	return ss_k(arg, k, &u);
}

/* Positive inside the interval. */
static double
inside(void *arg, double k)
{
	struct profile	*p = arg;
	double		 u;

	return p->ss_min + p->rise - ss_k(p, k, &u);
}

/* The end of the interval from k_hat towards dir (+1 or -1), or the
 * search bound. */
static double
interval_end(struct profile *p, double k_hat, double dir, double step)
{
	double	a = k_hat, fa = p->rise, b, fb;
	int	i;

	for (i = 0; i < 40; i++) {
		b = fmin(K_MAX, fmax(K_MIN, k_hat + dir * step));
		if ((fb = inside(p, b)) <= 0)
			return smp_solve_root_1d(inside, p, a, fa, b, fb, TOL_K,
			    100);
		if (b == K_MIN || b == K_MAX)
			break;
		a = b, fa = fb;
		step *= 2;
	}
	return dir > 0 ? K_MAX : K_MIN;
}

double
smp_fade_profile_fit(const struct smp_fade *f, const struct smp_fade_obs *obs,
    size_t n, double k0, double k_sd, double t2, double *k_lo,
    double *k_hi, double *u)
{
	struct profile	p = { f, obs, n, k0, 0, 0, 0 };
	double		lo = fmax(K_MIN, k0 - 4 * k_sd - 0.2);
	double		hi = fmin(K_MAX, k0 + 4 * k_sd + 0.2), k, var;
	size_t		i, m = 0;

	/* ln s0's spread: the ink's strength and the retention's */
	p.u_sd = hypot(f->mo.strength_sd, f->o.heal_sd / f->heal[0]);
	for (i = 0; i < n; i++)
		m += obs[i].used != 0;
	k = smp_solve_min_1d(ss_k_fn, &p, lo, hi, TOL_K, 100, &p.ss_min);
	p.ss_min = ss_k(&p, k, u);
	/* the residual variance with its t quantile, or sigma known with
	 * the normal's */
	var = m > 2 ? (p.ss_min - prior(&p, *u)) / (double)(m - 2) : 0;
	p.rise = fmax(t2 * var, Z95 * Z95 * f->o.noise * f->o.noise);
	if (p.rise <= 0) {
		*k_lo = *k_hi = k;
	} else {
		*k_lo = interval_end(&p, k, -1, fmax(k_sd, 0.005));
		*k_hi = interval_end(&p, k, 1, fmax(k_sd, 0.005));
	}
	ss_k(&p, k, u);
	return k;
}
