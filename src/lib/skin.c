/*
 * skin.c: bare skin as layered Kubelka-Munk: an epidermis with melanin
 * (d_epi) over a semi-infinite dermis with blood, then the surface; and
 * the fit of the melanin and blood fractions to a measured skin colour.
 * Coefficients in cm^-1 (tissue.c), thicknesses in cm.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "smp.h"
#include "smp-internal.h"
#include "km.h"

void
smp_skin_defaults(struct smp_skin *s)
{
	s->f_mel = 0.04;
	s->f_blood = 0.01;
	s->d_epi = 60e-4;
	s->d_above = 100e-4;
	s->d_pig = 200e-4;
	s->k1 = 0.03;
	s->k2 = 0.5;
	s->mus_scale = 1;
}

/* Without a deposit, everything under the epidermis is one semi-infinite
 * dermis: R = epidermis over R-infinity, with the surface terms. */
void
smp_skin_reflectance(const struct smp_skin *s, double *R)
{
	int	i;

		for (i = 0; i < SMP_BANDS; i++) {
		double	mua_e, mua_d, mus, K, S, Re, Te, r;

		smp__tissue_band(s, i, &mua_e, &mua_d, &mus);
		km_ks(mua_e, mus, &K, &S);
		km_layer(K, S, s->d_epi, &Re, &Te);
		km_ks(mua_d, mus, &K, &S);
		r = km_stack(Re, Re, Te, km_inf(K, S));
		R[i] = saunderson(s->k1, s->k2, r);
	}
}

/* Skin fit: f_mel and f_blood by Nelder-Mead on dE00 from the best node of
 * a coarse grid, within bounds from SCIENCE.md 6.2. */
struct skinfit {
	struct smp_skin		 s;
	struct smp_lab		 target;
	enum smp_white		 w;
};

#define FMEL_MIN	0.005
#define FMEL_MAX	0.45
#define FBLOOD_MIN	0.002
#define FBLOOD_MAX	0.05

/* Unconstrained parameter u -> fraction in [lo, hi], log-uniform at the
 * centre: bounds without a penalty's kinks for Nelder-Mead. */
static double
bounded(double u, double lo, double hi)
{
	return exp(log(lo) + (log(hi) - log(lo)) * (1 + tanh(u)) / 2);
}

static double
skinfit_cost(void *arg, const double *p)
{
	struct skinfit	*f = arg;
	double		 R[SMP_BANDS];
	struct smp_lab	 lab;

	f->s.f_mel = bounded(p[0], FMEL_MIN, FMEL_MAX);
	f->s.f_blood = bounded(p[1], FBLOOD_MIN, FBLOOD_MAX);
	smp_skin_reflectance(&f->s, R);
	smp_spectrum_lab(R, f->w, &lab);
	return smp_delta_e(SMP_DE00, &f->target, &lab);
}

double
smp_skin_fit(const struct smp_lab *lab, enum smp_white w, struct smp_skin *s)
{
	struct skinfit	f;
	double		p[2], best[2] = { 0, 0 }, st[2] = { 0.3, 0.3 }, c;
	double		bc = INFINITY;
	int		i, j;

	f.s = *s, f.target = *lab, f.w = w;
	for (i = 0; i < 6; i++)
		for (j = 0; j < 3; j++) {
			p[0] = -2.5 + 5.0 * i / 5;
			p[1] = -2 + 4.0 * j / 2;
			if ((c = skinfit_cost(&f, p)) < bc)
				bc = c, best[0] = p[0], best[1] = p[1];
		}
	smp_solve_nelder_mead(skinfit_cost, &f, best, st, 2, 30);
	st[0] = st[1] = 0.03;
	smp_solve_nelder_mead(skinfit_cost, &f, best, st, 2, 20);
	c = skinfit_cost(&f, best);
	*s = f.s;
	return c;
}
