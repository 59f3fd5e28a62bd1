/*
 * homography.c: plane homographies for the chart code: the fit to point
 * pairs, applying one, and inverting a 3 x 3 matrix.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "smp.h"

/* Homography H (3x3, H[8] = 1) with H * (u, v, 1) ~ (x, y, 1), from n >= 4
 * correspondences, by least squares on the linearised equations. */
int
smp_homography_fit(const double *uv, const double *xy, int n, double *H)
{
	double	X[2 * 64 * 8], y[2 * 64], h[8], S = 1;
	int	i;

	if (n < 4 || n > 64)
		return -1;
	/* Scale the image side to about 1 for a well-conditioned system. */
	for (i = 0; i < 2 * n; i++)
		S = fmax(S, fabs(xy[i]));
	for (i = 0; i < n; i++) {
		double	u = uv[2 * i], v = uv[2 * i + 1];
		double	x = xy[2 * i] / S, yy = xy[2 * i + 1] / S;
		double	*r0 = X + (2 * i) * 8, *r1 = X + (2 * i + 1) * 8;

		r0[0] = u, r0[1] = v, r0[2] = 1, r0[3] = 0, r0[4] = 0,
		r0[5] = 0, r0[6] = -u * x, r0[7] = -v * x;
		r1[0] = 0, r1[1] = 0, r1[2] = 0, r1[3] = u, r1[4] = v,
		r1[5] = 1, r1[6] = -u * yy, r1[7] = -v * yy;
		y[2 * i] = x;
		y[2 * i + 1] = yy;
	}
	if (smp_solve_lstsq(X, y, NULL, 2 * n, 8, h) == -1)
		return -1;
	for (i = 0; i < 6; i++)
		H[i] = h[i] * S;
	H[6] = h[6];
	H[7] = h[7];
	H[8] = 1;
	return 0;
}

void
smp_homography_apply(const double *H, double u, double v, double *x,
    double *y)
{
	double	w = H[6] * u + H[7] * v + H[8];

	*x = (H[0] * u + H[1] * v + H[2]) / w;
	*y = (H[3] * u + H[4] * v + H[5]) / w;
}

/* r = m^-1 for a 3x3 row-major m; -1 if (nearly) singular. */
int
smp_homography_invert(const double *m, double *r)
{
	double	d = m[0] * (m[4] * m[8] - m[5] * m[7]) -
		    m[1] * (m[3] * m[8] - m[5] * m[6]) +
		    m[2] * (m[3] * m[7] - m[4] * m[6]);

	if (fabs(d) < 1e-18)
		return -1;
	r[0] = (m[4] * m[8] - m[5] * m[7]) / d;
	r[1] = (m[2] * m[7] - m[1] * m[8]) / d;
	r[2] = (m[1] * m[5] - m[2] * m[4]) / d;
	r[3] = (m[5] * m[6] - m[3] * m[8]) / d;
	r[4] = (m[0] * m[8] - m[2] * m[6]) / d;
	r[5] = (m[2] * m[3] - m[0] * m[5]) / d;
	r[6] = (m[3] * m[7] - m[4] * m[6]) / d;
	r[7] = (m[1] * m[6] - m[0] * m[7]) / d;
	r[8] = (m[0] * m[4] - m[1] * m[3]) / d;
	return 0;
}
