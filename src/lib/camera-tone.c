/*
 * camera-tone.c: a camera channel's tone curve anchored on the chart's
 * greys.  In log-log coordinates (log device value, log linear value)
 * the curve is a monotone cubic Hermite through the knots with
 * Fritsch-Butland slopes (Fritsch & Butland 1984, SIAM J. Sci. Stat.
 * Comput. 5:300), so a pure power law is reproduced exactly and a
 * highlight shoulder or a toe is followed between the greys.  Below the
 * darkest knot it continues as a power law through zero (no floor);
 * above the lightest with the slope the caller sets (shared by the
 * three channels).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "smp.h"

#define TONE_SLOPE_MIN	0.25
#define TONE_SLOPE_MAX	8.0

static double
clamp_slope(double s)
{
	return s < TONE_SLOPE_MIN ? TONE_SLOPE_MIN : s > TONE_SLOPE_MAX ?
	    TONE_SLOPE_MAX : s;
}

int
smp_camera_tone_build(struct smp_tone *t, const double *x, const double *y, int n)
{
	int	o[SMP_TONE_KNOTS], i, j, m = 0;
	double	h[SMP_TONE_KNOTS], dl[SMP_TONE_KNOTS];

	memset(t, 0, sizeof *t);
	if (n > SMP_TONE_KNOTS)
		return -1;
	for (i = 0; i < n; i++)			/* insertion sort by x */
		if (x[i] > 0 && y[i] > 0 && isfinite(x[i]) && isfinite(y[i])) {
			for (j = m; j > 0 && x[o[j - 1]] > x[i]; j--)
				o[j] = o[j - 1];
			o[j] = i;
			m++;
		}
	/* Keep a strictly increasing subsequence: a grey whose device value
	 * or reference is not above the previous knot's carries no shape. */
	for (i = 0; i < m; i++) {
		double	lx = log(x[o[i]]), ly = log(y[o[i]]);

		if (t->n > 0 && (lx < t->x[t->n - 1] + 1e-4 ||
		    ly <= t->y[t->n - 1]))
			continue;
		t->x[t->n] = lx, t->y[t->n] = ly;
		t->n++;
	}
	if (t->n < 2)
		return -1;
	for (i = 0; i + 1 < t->n; i++) {
		h[i] = t->x[i + 1] - t->x[i];
		dl[i] = (t->y[i + 1] - t->y[i]) / h[i];
	}
	t->d[0] = dl[0];
	t->d[t->n - 1] = dl[t->n - 2];
	for (i = 1; i + 1 < t->n; i++)
		t->d[i] = 3 * (h[i - 1] + h[i]) / ((2 * h[i] + h[i - 1]) /
		    dl[i - 1] + (h[i] + 2 * h[i - 1]) / dl[i]);
	t->lo = clamp_slope(t->d[0]);
	t->hi = clamp_slope(t->d[t->n - 1]);
	return 0;
}

void
smp_camera_tone_share_high(struct smp_tone *t)
{
	double	s = 0;
	int	k;

	for (k = 0; k < 3; k++)
		s += t[k].d[t[k].n - 1];
	for (k = 0; k < 3; k++)
		t[k].hi = clamp_slope(s / 3);
}

double
smp_camera_tone_eval(const struct smp_tone *t, double v)
{
	double	lx, h, s, y;
	int	i, n = t->n;

	if (!(v > 0) || n < 2)
		return 0;
	lx = log(v);
	if (lx <= t->x[0])
		y = t->y[0] + t->lo * (lx - t->x[0]);
	else if (lx >= t->x[n - 1])
		y = t->y[n - 1] + t->hi * (lx - t->x[n - 1]);
	else {
		for (i = 0; i + 2 < n && lx > t->x[i + 1]; i++)
			;
		h = t->x[i + 1] - t->x[i];
		s = (lx - t->x[i]) / h;
		y = (2 * s * s * s - 3 * s * s + 1) * t->y[i] +
		    (s * s * s - 2 * s * s + s) * h * t->d[i] +
		    (-2 * s * s * s + 3 * s * s) * t->y[i + 1] +
		    (s * s * s - s * s) * h * t->d[i + 1];
	}
	return exp(y);
}
