/*
 * delta-e.c: colour differences, every one computed by lcms2 (CIEDE2000
 * is checked against Sharma's 34 pairs by the tests; lcms2's CIE94
 * constants and CMC's argument order are in smp(7)).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <lcms2.h>

#include "smp.h"

double
smp_delta_e(enum smp_metric m, const struct smp_lab *ref,
    const struct smp_lab *sample)
{
	cmsCIELab	r = { ref->L, ref->a, ref->b };
	cmsCIELab	s = { sample->L, sample->a, sample->b };

	switch (m) {
	case SMP_DE00:
		return cmsCIE2000DeltaE(&r, &s, 1.0, 1.0, 1.0);
	case SMP_DE94:
		return cmsCIE94DeltaE(&r, &s);
	case SMP_CMC:
		/* CMC(2:1), the acceptability form; asymmetric: ref first. */
		return cmsCMCdeltaE(&r, &s, 2.0, 1.0);
	case SMP_DE76:
		return cmsDeltaE(&r, &s);
	}
	return NAN;
}

/* CIEDE2000 with kC = kH = 1e6: its lightness term |dL'| / S_L alone, the
 * chroma, hue and rotation terms a millionth of their size. */
double
smp_delta_e_lightness(const struct smp_lab *a, const struct smp_lab *b)
{
	cmsCIELab	r = { a->L, a->a, a->b };
	cmsCIELab	s = { b->L, b->a, b->b };

	return cmsCIE2000DeltaE(&r, &s, 1.0, 1e6, 1e6);
}

static double
delta_e2_at(const struct smp_lab *lab, const double *d)
{
	struct smp_lab	s = { lab->L + d[0], lab->a + d[1], lab->b + d[2] };
	double		v = smp_delta_e(SMP_DE00, lab, &s);

	return v * v;
}

/* G with dE00^2 ~ d'Gd: a diagonal term from dE00^2 at +-h on its axis,
 * an off-diagonal one from the four points +-h on both axes; then the
 * Cholesky factor, G = U'U (a tiny floor keeps it defined). */
void
smp_delta_e_metric(const struct smp_lab *lab, double U[3][3])
{
	const double	h = 0.5;
	double		G[3][3], d[3], pp, pm, mp, mm;
	int		i, k;

	for (i = 0; i < 3; i++)
		for (k = i; k < 3; k++) {
			memset(d, 0, sizeof d);
			if (i == k) {
				d[i] = h;
				pp = delta_e2_at(lab, d);
				d[i] = -h;
				mm = delta_e2_at(lab, d);
				G[i][i] = (pp + mm) / (2 * h * h);
				continue;
			}
			d[i] = h, d[k] = h;
			pp = delta_e2_at(lab, d);
			d[k] = -h;
			pm = delta_e2_at(lab, d);
			d[i] = -h;
			mm = delta_e2_at(lab, d);
			d[k] = h;
			mp = delta_e2_at(lab, d);
			G[i][k] = G[k][i] = (pp + mm - pm - mp) / (8 * h * h);
		}
	memset(U, 0, 9 * sizeof U[0][0]);
	U[0][0] = sqrt(fmax(G[0][0], 1e-12));
	U[0][1] = G[0][1] / U[0][0];
	U[0][2] = G[0][2] / U[0][0];
	U[1][1] = sqrt(fmax(G[1][1] - U[0][1] * U[0][1], 1e-12));
	U[1][2] = (G[1][2] - U[0][1] * U[0][2]) / U[1][1];
	U[2][2] = sqrt(fmax(G[2][2] - U[0][2] * U[0][2] - U[1][2] * U[1][2],
	    1e-12));
}
