/*
 * halftone.c: SMP is a stipple; at a distance where the dots blend, the
 * colour is the Yule-Nielsen modified Murray-Davies mix (Yule & Nielsen
 * 1951) of dot and skin over the dot coverage A = pi (d/2)^2 / pitch^2.
 */
#include "config.h"

#include <math.h>

#include "smp.h"

double
smp_halftone_coverage(const struct smp_match_opts *o)
{
	double	a = M_PI * pow(o->dot_mm / 2, 2) / (o->pitch_mm * o->pitch_mm);

	return a > 1 ? 1 : a;
}

void
smp_halftone_yule_nielsen(const double *Rdot, const double *Rskin, double A,
    double n, double *R)
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

/* Yule-Nielsen on tristimulus values, for targets known only as Lab. */
void
smp_halftone_yule_nielsen_xyz(const double *dot, const double *skin, double A,
    double n, double *out)
{
	int	i;

	for (i = 0; i < 3; i++)
		out[i] = pow(A * pow(fmax(dot[i], 0), 1 / n) + (1 - A) *
		    pow(fmax(skin[i], 0), 1 / n), n);
}
