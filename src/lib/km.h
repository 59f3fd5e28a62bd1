/*
 * km.h: the Kubelka-Munk primitives of the layered skin (skin.c, stack.c),
 * inline because the dilution search evaluates them millions of times.
 * Two-flux theory (Kubelka & Munk 1931; Kubelka 1948); transport to KM
 * coefficients after van Gemert & Star 1987; surface after Saunderson
 * 1942.  Only library files include it.
 */
#ifndef SMP_KM_H
#define SMP_KM_H

#include <math.h>

/* K and S of a layer from transport coefficients (van Gemert & Star
 * 1987).  S is kept positive: where absorption swamps scattering the
 * layer is effectively black either way. */
static inline void
km_ks(double mua, double mus, double *K, double *S)
{
	*K = 2 * mua;
	*S = 0.75 * mus - 0.25 * mua;
	if (*S < 1e-3)
		*S = 1e-3;
}

/* R and T of a layer of thickness X with no backing, written with
 * exp(-bSX) so that thick or opaque layers do not overflow. */
static inline void
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

static inline double
km_inf(double K, double S)
{
	double	r = K / S;

	return 1 + r - sqrt(r * r + 2 * r);
}

/* A top of reflectance R1 from above, R1b from below and transmittance T1
 * over a bottom of reflectance R2 (a single layer has R1b = R1). */
static inline double
km_stack(double R1, double R1b, double T1, double R2)
{
	return R1 + T1 * T1 * R2 / (1 - R1b * R2);
}

/* Two single layers as one: reflectance from above and from below, and
 * transmittance (the same both ways). */
static inline void
km_combine(double Ra, double Ta, double Rb, double Tb, double *R, double *Rup,
    double *T)
{
	double	d = 1 - Ra * Rb;

	*R = Ra + Ta * Ta * Rb / d;
	*Rup = Rb + Tb * Tb * Ra / d;
	*T = Ta * Tb / d;
}

/* Observed reflectance from the body reflectance r under the surface. */
static inline double
saunderson(double k1, double k2, double r)
{
	return k1 + (1 - k1) * (1 - k2) * r / (1 - k2 * r);
}

#endif /* SMP_KM_H */
