/*
 * optics.c: spectral layered Kubelka-Munk skin with a pigment deposit
 * (SCIENCE.md sections 2.1, 2.2, 6.2 and Appendix A).
 *
 * Stack, top to bottom: epidermis (melanin, d_epi) / pigment-free dermis
 * (d_above) / deposit (d_pig, dermis plus pigment) / semi-infinite dermis,
 * then the Saunderson surface correction.  All coefficients in cm^-1,
 * thicknesses in cm, wavelengths in nm.
 */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <string.h>

#include "smp.h"

/* Oxy-haemoglobin molar extinction, cm^-1/M, the piecewise-linear
 * approximation through Prahl's values in SCIENCE.md Appendix A. */
static const double hbo2[][2] = {
	{ 400, 266232 }, { 414, 524280 }, { 430, 214120 }, { 450, 62816 },
	{ 480, 26629 }, { 500, 20932 }, { 520, 24202 }, { 542, 53236 },
	{ 560, 32613 }, { 576, 55540 }, { 590, 14400 }, { 600, 3200 },
	{ 620, 942 }, { 650, 368 }, { 700, 290 }
};

static double
eps_hbo2(double nm)
{
	size_t	i;

	for (i = 1; i < sizeof hbo2 / sizeof hbo2[0]; i++)
		if (nm <= hbo2[i][0]) {
			double	t = (nm - hbo2[i - 1][0]) /
			    (hbo2[i][0] - hbo2[i - 1][0]);

			return hbo2[i - 1][1] + t * (hbo2[i][1] -
			    hbo2[i - 1][1]);
		}
	return hbo2[sizeof hbo2 / sizeof hbo2[0] - 1][1];
}

double
smp_mua_melanin(double nm)
{
	return 6.6e11 * pow(nm, -3.33);		/* OMLC 1998 */
}

static double
mua_base(double nm)
{
	return 0.244 + 85.3 * exp(-(nm - 154) / 66.2);	/* OMLC 1998 */
}

static double
mua_blood(double nm)
{
	return 2.303 * eps_hbo2(nm) * 150 / 64500;	/* 150 g/L Hb */
}

static double
mus_dermis(double nm)
{
	return 2e12 * pow(nm, -4) + 2e5 * pow(nm, -1.5);	/* OMLC 1998 */
}

/* The per-band tissue coefficients, computed once per process. */
static struct {
	double	base[SMP_BANDS], mel[SMP_BANDS], blood[SMP_BANDS];
	double	mus[SMP_BANDS];
} tissue;
static pthread_once_t	tissue_once = PTHREAD_ONCE_INIT;

static void
tissue_init(void)
{
	int	i;

	for (i = 0; i < SMP_BANDS; i++) {
		double	nm = SMP_BAND_NM(i);

		tissue.base[i] = mua_base(nm);
		tissue.mel[i] = smp_mua_melanin(nm);
		tissue.blood[i] = mua_blood(nm);
		tissue.mus[i] = mus_dermis(nm);
	}
}

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

/* K and S of a layer from transport coefficients (van Gemert & Star
 * 1987).  S is kept positive: where absorption swamps scattering the
 * layer is effectively black either way. */
static void
km_ks(double mua, double mus, double *K, double *S)
{
	*K = 2 * mua;
	*S = 0.75 * mus - 0.25 * mua;
	if (*S < 1e-3)
		*S = 1e-3;
}

/* R and T of a layer of thickness X with no backing, written with
 * exp(-bSX) so that thick or opaque layers do not overflow. */
static void
km_layer(double K, double S, double X, double *R, double *T)
{
	double	a = 1 + K / S, b = sqrt(a * a - 1), y = b * S * X;
	double	em, m, p, q;

	if (y <= 0) {
		*R = 0, *T = 1;
		return;
	}
	em = expm1(-y);			/* e^-y - 1 */
	m = -em * (2 + em);		/* 1 - e^-2y */
	p = 2 - m;			/* 1 + e^-2y */
	q = a * m + b * p;
	*R = m / q;
	*T = 2 * b * (1 + em) / q;
}

static double
km_inf(double K, double S)
{
	double	r = K / S;

	return 1 + r - sqrt(r * r + 2 * r);
}

/* A top of reflectance R1 from above, R1b from below and transmittance T1
 * over a bottom of reflectance R2 (a single layer has R1b = R1). */
static double
km_stack(double R1, double R1b, double T1, double R2)
{
	return R1 + T1 * T1 * R2 / (1 - R1b * R2);
}

/* Two single layers as one: reflectance from above and from below, and
 * transmittance (the same both ways). */
static void
km_combine(double Ra, double Ta, double Rb, double Tb, double *R, double *Rup,
    double *T)
{
	double	d = 1 - Ra * Rb;

	*R = Ra + Ta * Ta * Rb / d;
	*Rup = Rb + Tb * Tb * Ra / d;
	*T = Ta * Tb / d;
}

/* Epidermal and dermal absorption and the shared reduced scattering of
 * band i, cm^-1 (tissue_init must have run). */
static void
tissue_band(const struct smp_skin *s, int i, double *mua_e, double *mua_d,
    double *mus)
{
	double	base = tissue.base[i];

	*mus = s->mus_scale * tissue.mus[i];
	*mua_e = s->f_mel * tissue.mel[i] + (1 - s->f_mel) * base;
	*mua_d = s->f_blood * tissue.blood[i] + (1 - s->f_blood) * base;
}

/* Observed reflectance from the body reflectance r under the surface. */
static double
saunderson(double k1, double k2, double r)
{
	return k1 + (1 - k1) * (1 - k2) * r / (1 - k2 * r);
}

void
smp_stack_init(struct smp_stack *st, const struct smp_skin *s, double d_above)
{
	int	i;

	pthread_once(&tissue_once, tissue_init);
	memset(st, 0, sizeof *st);
	st->d_pig = s->d_pig;
	st->k1 = s->k1;
	st->k2 = s->k2;
	for (i = 0; i < SMP_BANDS; i++) {
		double	mua_e, mua_d, mus, K, S, Re, Te, Rd, Td;

		tissue_band(s, i, &mua_e, &mua_d, &mus);

		st->mua[i] = mua_d;
		st->mus[i] = mus;
		km_ks(mua_e, mus, &K, &S);	/* epidermal mus' = dermal */
		km_layer(K, S, s->d_epi, &Re, &Te);
		km_ks(mua_d, mus, &K, &S);
		km_layer(K, S, d_above, &Rd, &Td);
		km_combine(Re, Te, Rd, Td, &st->R1[i], &st->R1b[i], &st->T1[i]);
		st->Rg[i] = km_inf(K, S);
	}
}

void
smp_stack_reflectance(const struct smp_stack *st, const double *mua_add,
    const double *mus_add, double load, double *R)
{
	int	i;

	for (i = 0; i < SMP_BANDS; i++) {
		double	mua = st->mua[i], mus = st->mus[i], K, S, Rp, Tp, r;

		if (load > 0) {
			if (mua_add != NULL)
				mua += load * mua_add[i];
			if (mus_add != NULL)
				mus += load * mus_add[i];
		}
		km_ks(mua, mus, &K, &S);
		km_layer(K, S, st->d_pig, &Rp, &Tp);
		r = km_stack(Rp, Rp, Tp, st->Rg[i]);
		r = km_stack(st->R1[i], st->R1b[i], st->T1[i], r);
		R[i] = saunderson(st->k1, st->k2, r);
	}
}

/* Without a deposit, everything under the epidermis is one semi-infinite
 * dermis: R = epidermis over R-infinity, with the surface terms. */
void
smp_skin_reflectance(const struct smp_skin *s, double *R)
{
	int	i;

	pthread_once(&tissue_once, tissue_init);
	for (i = 0; i < SMP_BANDS; i++) {
		double	mua_e, mua_d, mus, K, S, Re, Te, r;

		tissue_band(s, i, &mua_e, &mua_d, &mus);
		km_ks(mua_e, mus, &K, &S);
		km_layer(K, S, s->d_epi, &Re, &Te);
		km_ks(mua_d, mus, &K, &S);
		r = km_stack(Re, Re, Te, km_inf(K, S));
		R[i] = saunderson(s->k1, s->k2, r);
	}
}

void
smp_yule_nielsen(const double *Rdot, const double *Rskin, double A, double n,
    double *R)
{
	int	i;

	if (n == 2) {			/* the default: no pow() */
		for (i = 0; i < SMP_BANDS; i++) {
			double	r = A * sqrt(Rdot[i]) + (1 - A) * sqrt(Rskin[i]);

			R[i] = r * r;
		}
		return;
	}
	for (i = 0; i < SMP_BANDS; i++)
		R[i] = pow(A * pow(Rdot[i], 1 / n) + (1 - A) *
		    pow(Rskin[i], 1 / n), n);
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
	smp_nelder_mead(skinfit_cost, &f, best, st, 2, 30);
	st[0] = st[1] = 0.03;
	smp_nelder_mead(skinfit_cost, &f, best, st, 2, 20);
	c = skinfit_cost(&f, best);
	*s = f.s;
	return c;
}
