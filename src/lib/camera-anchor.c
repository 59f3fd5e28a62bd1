/*
 * camera-anchor.c: the grey-anchored camera models (camera-fit.c).
 *
 * curve-matrix  per-channel tone curves through the six greys
 *               (camera-tone.c), each grey's target being its reference
 *               XYZ through the inverse of the current matrix, so that a
 *               camera that is not white-balanced is followed too; the
 *               3 x 3 matrix by weighted least squares in XYZ, then by
 *               Levenberg-Marquardt on the weighted CIEDE2000 (lcms2).
 *               Curves and matrix are alternated three times.
 * curve-poly    the same, plus a root-polynomial correction of degree 2
 *               (Finlayson, Mackiewicz & Hurlbert 2015, IEEE TIP 24:1460)
 *               on the linearised values, fitted to what the matrix
 *               leaves in XYZ by ridge regression; the ridge strength is
 *               chosen by leave-one-out CIEDE2000 among a few values,
 *               "none" (the curve-matrix model) included.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <lcms2.h>

#include "smp.h"
#include "smp-internal.h"

#define ANCHOR_ROUNDS	3
#define ANCHOR_LM_STEPS	40

struct anchor {
	const struct smp_camera_data	*d;
	const unsigned char		*use;
	struct smp_camera		 cam;
	double				 lin[SMP_CHART_PATCHES][3];
					/* each patch through cam's curves */
};

static void
anchor_unpack(struct anchor *a, const double *u)
{
	int	i, k;

	for (i = 0; i < 3; i++)
		for (k = 0; k < 3; k++)
			a->cam.M[i][k] = u[3 * i + k];
}

static void
anchor_resid(void *arg, const double *u, double *r)
{
	struct anchor	*a = arg;
	int		 i, m = 0;

	anchor_unpack(a, u);
	for (i = 0; i < SMP_CHART_PATCHES; i++) {
		struct smp_lab	l;

		if (!a->use[i])
			continue;
		smp_camera_lab_linear(&a->cam, a->lin[i], &l);
		r[m++] = sqrt(a->d->w[i]) *
		    smp_delta_e(SMP_DE00, &a->d->ref[i], &l);
	}
}

static double
xyz_weight(const struct smp_camera_data *d, int i)
{
	double	y = d->xyz[i][1] + 0.05;

	return d->w[i] / (y * y);
}

/* a->lin from a->cam's curves, which the fits below hold fixed. */
static void
anchor_linearise(struct anchor *a)
{
	int	i, k;

	for (i = 0; i < SMP_CHART_PATCHES; i++)
		for (k = 0; k < 3; k++)
			a->lin[i][k] = smp_camera_tone_eval(&a->cam.tone[k],
			    a->d->rgb[i][k]);
}

static int
anchor_matrix_lsq(struct anchor *a)
{
	double	X[SMP_CHART_PATCHES * 3], y[3][SMP_CHART_PATCHES];
	double	w[SMP_CHART_PATCHES];
	int	i, k, m = 0;

	for (i = 0; i < SMP_CHART_PATCHES; i++) {
		if (!a->use[i])
			continue;
		memcpy(&X[3 * m], a->lin[i], sizeof a->lin[i]);
		for (k = 0; k < 3; k++)
			y[k][m] = a->d->xyz[i][k];
		w[m++] = xyz_weight(a->d, i);
	}
	for (k = 0; k < 3; k++)
		if (smp_solve_lstsq(X, y[k], w, m, 3, a->cam.M[k]) == -1)
			return -1;
	return 0;
}

/* Curves through the greys for per-channel targets tg[ch][grey]. */
static int
anchor_curves(struct anchor *a, double tg[3][6])
{
	double	x[6], y[6];
	int	ch, g, n;

	for (ch = 0; ch < 3; ch++) {
		for (g = 0, n = 0; g < 6; g++) {
			if (!a->use[18 + g])
				continue;
			x[n] = a->d->rgb[18 + g][ch];
			y[n++] = tg[ch][g];
		}
		if (smp_camera_tone_build(&a->cam.tone[ch], x, y, n) == -1)
			return -1;
	}
	smp_camera_tone_share_high(a->cam.tone);
	return 0;
}

/* tg = M^-1 XYZ of each grey; 0 (keep the previous) where not positive. */
static int
anchor_targets(const struct anchor *a, double tg[3][6])
{
	double	A[9], b[3], t[3];
	int	g, i, k;

	for (g = 0; g < 6; g++) {
		for (i = 0; i < 3; i++) {
			for (k = 0; k < 3; k++)
				A[3 * i + k] = a->cam.M[i][k];
			b[i] = a->d->xyz[18 + g][i];
		}
		if (smp_solve_linear(A, b, 3, t) == -1)
			return -1;
		for (k = 0; k < 3; k++)
			if (t[k] > 0)
				tg[k][g] = t[k];
	}
	return 0;
}

static int
anchor_fit_matrix(struct anchor *a)
{
	double	tg[3][6], u[9];
	int	g, i, k, round;

	memset(&a->cam, 0, sizeof a->cam);
	a->cam.model = SMP_MODEL_CURVES;
	for (g = 0; g < 6; g++)
		for (k = 0; k < 3; k++)
			tg[k][g] = a->d->xyz[18 + g][1];
	for (round = 0; round < ANCHOR_ROUNDS; round++) {
		int	m = 0;

		if (anchor_curves(a, tg) == -1)
			return -1;
		anchor_linearise(a);
		if (anchor_matrix_lsq(a) == -1)
			return -1;
		for (i = 0; i < 3; i++)
			for (k = 0; k < 3; k++)
				u[3 * i + k] = a->cam.M[i][k];
		for (i = 0; i < SMP_CHART_PATCHES; i++)
			m += a->use[i];
		smp_solve_lm(anchor_resid, a, u, 9, m, ANCHOR_LM_STEPS, NULL);
		anchor_unpack(a, u);
		if (round + 1 < ANCHOR_ROUNDS && anchor_targets(a, tg) == -1)
			break;
	}
	return 0;
}

/* The root-polynomial terms of linearised values lin. */
static void
poly_terms(const double *lin, double *q)
{
	q[0] = sqrt(lin[0] * lin[1]);
	q[1] = sqrt(lin[1] * lin[2]);
	q[2] = sqrt(lin[0] * lin[2]);
}

/* Ridge fit of C (3 x 3) to the matrix's XYZ residuals, without patch
 * skip (-1: none); lambda relative to the mean diagonal of Q'WQ. */
static int
poly_ridge(const struct anchor *a, int skip, double lambda, double C[3][3])
{
	double	X[(SMP_CHART_PATCHES + 3) * 3], y[3][SMP_CHART_PATCHES + 3];
	double	w[SMP_CHART_PATCHES + 3], tr = 0;
	const double *lin;
	int	i, k, j, m = 0;

	for (i = 0; i < SMP_CHART_PATCHES; i++) {
		if (!a->use[i] || i == skip)
			continue;
		lin = a->lin[i];
		poly_terms(lin, &X[3 * m]);
		w[m] = xyz_weight(a->d, i);
		for (k = 0; k < 3; k++) {
			y[k][m] = a->d->xyz[i][k];
			for (j = 0; j < 3; j++)
				y[k][m] -= a->cam.M[k][j] * lin[j];
			tr += w[m] * X[3 * m + k] * X[3 * m + k];
		}
		m++;
	}
	for (k = 0; k < 3; k++, m++) {
		X[3 * m] = X[3 * m + 1] = X[3 * m + 2] = 0;
		X[3 * m + k] = 1;
		w[m] = lambda * tr / 3;
		y[0][m] = y[1][m] = y[2][m] = 0;
	}
	for (k = 0; k < 3; k++)
		if (smp_solve_lstsq(X, y[k], w, m, 3, C[k]) == -1)
			return -1;
	return 0;
}

static void
poly_set(struct smp_camera *c, double C[3][3])
{
	int	i, k;

	c->model = SMP_MODEL_CURVEPOLY;
	for (i = 0; i < 3; i++)
		for (k = 0; k < 3; k++)
			c->M[i][3 + k] = C ? C[i][k] : 0;
}

/* pre: the curve-matrix fit on the same patches, or NULL to fit it. */
static int
anchor_fit_poly(struct anchor *a, const struct smp_camera *pre)
{
	static const double	lambdas[] = { 1, 0.1, 0.01, 0.001 };
	double			C[3][3], best = 0, s;
	int			i, li, bestl = -1;
	struct smp_camera	c;

	if (pre != NULL) {
		a->cam = *pre;
		anchor_linearise(a);
	} else if (anchor_fit_matrix(a) == -1)
		return -1;
	for (li = -1; li < (int)(sizeof lambdas / sizeof lambdas[0]); li++) {
		for (i = 0, s = 0; i < SMP_CHART_PATCHES; i++) {
			struct smp_lab	l;

			if (!a->use[i])
				continue;
			c = a->cam;
			if (li >= 0 && poly_ridge(a, i, lambdas[li], C) == -1)
				break;
			poly_set(&c, li >= 0 ? C : NULL);
			smp_camera_lab_linear(&c, a->lin[i], &l);
			s += a->d->w[i] * smp_delta_e(SMP_DE00, &a->d->ref[i], &l);
		}
		if (i < SMP_CHART_PATCHES)
			continue;
		if (li == -1 || s < best)
			best = s, bestl = li;
	}
	if (bestl >= 0 && poly_ridge(a, -1, lambdas[bestl], C) == 0)
		poly_set(&a->cam, C);
	else
		poly_set(&a->cam, NULL);
	return 0;
}

int
smp__camera_anchor_fit(const struct smp_camera_data *d,
    const unsigned char *use, enum smp_model model,
    const struct smp_camera *pre, struct smp_camera *cam)
{
	struct anchor	a;
	int		r;

	memset(&a, 0, sizeof a);
	a.d = d;
	a.use = use;
	r = model == SMP_MODEL_CURVEPOLY ? anchor_fit_poly(&a, pre) :
	    anchor_fit_matrix(&a);
	if (r == 0)
		*cam = a.cam;
	return r;
}
