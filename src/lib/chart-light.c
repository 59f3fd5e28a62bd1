/*
 * chart-light.c: how evenly the chart was lit, read from the leave-one-out
 * residuals (smp-calibrate(1) FLAGS, uneven-light).
 *
 * Light that falls off across the chart scales every patch's linear
 * signal by the illuminance where the patch sits.  No camera model fitted
 * to the 24 patches can follow that: its luminance error on a patch left
 * out follows the patch's place on the chart, not its colour.  A plane in
 * log luminance over the patch grid, fitted to the colour patches (1-18)
 * weighted by their reference luminance (the dark patches' ratios are
 * noise), estimates that illuminance; the greys are left out because a
 * tone curve anchored on them takes up the light that falls on them.
 * The plane's range over the patch centres is what is reported.
 */
#include <math.h>

#include <lcms2.h>

#include "smp.h"

static double
lab_y(const struct smp_lab *l)
{
	cmsCIELab	lab = { l->L, l->a, l->b };
	cmsCIEXYZ	xyz;

	cmsLab2XYZ(NULL, &xyz, &lab);
	return xyz.Y;
}

double
smp_chart_light_falloff(const struct smp_lab *ref, const struct smp_lab *pred,
    double *share)
{
	double	X[SMP_CHART_PATCHES * 3], y[SMP_CHART_PATCHES];
	double	w[SMP_CHART_PATCHES], beta[3], lo = INFINITY, hi = -INFINITY;
	double	mean = 0, ws = 0, tot = 0, res = 0;
	int	k, n = 0, ok;

	for (k = 0; k < SMP_CHART_PATCHES; k++) {
		double	yr = lab_y(&ref[k]), yp = lab_y(&pred[k]);

		X[3 * k] = 1;
		X[3 * k + 1] = (k % 6 - 2.5) / 5;
		X[3 * k + 2] = (k / 6 - 1.5) / 3;
		/* a prediction at or below black says nothing of light */
		ok = k < 18 && yr > 0 && yp > 0 && isfinite(yp);
		y[k] = ok ? log(yp / yr) : 0;
		w[k] = ok ? yr : 0;
		n += ok;
	}
	*share = 0;
	if (n < 9 || smp_solve_lstsq(X, y, w, SMP_CHART_PATCHES, 3, beta) == -1)
		return NAN;
	for (k = 0; k < SMP_CHART_PATCHES; k++) {
		mean += w[k] * y[k];
		ws += w[k];
	}
	mean /= ws;
	for (k = 0; k < SMP_CHART_PATCHES; k++) {
		double	g = beta[1] * X[3 * k + 1] + beta[2] * X[3 * k + 2];
		double	r = y[k] - beta[0] - g;

		tot += w[k] * (y[k] - mean) * (y[k] - mean);
		res += w[k] * r * r;
		lo = fmin(lo, g);
		hi = fmax(hi, g);
	}
	*share = tot > 0 ? 1 - res / tot : 0;
	return 1 - exp(lo - hi);
}
