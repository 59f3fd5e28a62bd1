/*
 * camera-fit.c: camera models from chart patches (device RGB 0..1 -> PCS
 * XYZ, D50, Y of the perfect diffuser = 1).
 *
 * matrix         XYZ = M rgb; least squares in XYZ, then refined.
 * shaper-matrix  per-channel curves lin = max(0, v^g - k) / (1 - k), with
 *                g and k first fitted on the six neutrals against their
 *                reference luminance, then XYZ = M lin; all 15 parameters
 *                refined together.
 * root-poly      Finlayson, Mackiewicz & Hurlbert 2015, degree 2: XYZ =
 *                M [r, g, b, sqrt(rg), sqrt(gb), sqrt(rb)] on the
 *                shaper-linearised values; least squares in XYZ.
 *
 * "Refined" means Nelder-Mead on the RMS CIEDE2000 (lcms2) over the
 * patches.  Leave-one-out refits the model 24 times without each patch.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lcms2.h>

#include "smp.h"

struct fitdata {
	const double		(*rgb)[3];
	const struct smp_lab	*ref;
	double			 refxyz[SMP_CHART_PATCHES][3];	/* of ref */
	const unsigned char	*use;
	int			 n;
	struct smp_camera	 cam;
	int			 free_curves;
};

static void
fit_unpack(struct fitdata *d, const double *p)
{
	int	i, k, off = 0;

	if (d->free_curves) {
		for (i = 0; i < 3; i++) {
			d->cam.gamma[i] = p[off++];
			d->cam.flare[i] = p[off++];
		}
	}
	for (i = 0; i < 3; i++)
		for (k = 0; k < 3; k++)
			d->cam.M[i][k] = p[off++];
}

static double
fit_cost(void *arg, const double *p)
{
	struct fitdata	*d = arg;
	double	s = 0;
	int	i;

	fit_unpack(d, p);
	for (i = 0; i < 3; i++)
		if (d->free_curves && (d->cam.gamma[i] < 0.2 ||
		    d->cam.gamma[i] > 5 || d->cam.flare[i] < -0.5 ||
		    d->cam.flare[i] > 0.5))
			return 1e12;
	for (i = 0; i < d->n; i++) {
		struct smp_lab	l;

		if (!d->use[i])
			continue;
		smp_camera_lab(&d->cam, d->rgb[i], &l);
		s += pow(smp_delta_e(SMP_DE00, &d->ref[i], &l), 2);
	}
	return s;
}

/* Per-channel curve on the neutrals (patches 19..24): grid search on g,
 * least squares for lin = a v^g + b against reference Y, so k = -b / a. */
static void
fit_neutral_curves(struct fitdata *d)
{
	int	ch, i, m;
	double	g, bestg, beste;

	for (ch = 0; ch < 3; ch++) {
		double	a = 1, b = 0;

		bestg = 1, beste = 1e18;
		for (g = 0.3; g <= 4.0; g += 0.01) {
			double	X[12], y[6], beta[2], err = 0;

			for (i = 18, m = 0; i < 24; i++) {
				if (!d->use[i])
					continue;
				X[2 * m] = pow(fmax(d->rgb[i][ch], 1e-6), g);
				X[2 * m + 1] = 1;
				y[m++] = d->refxyz[i][1];
			}
			if (smp_solve_lstsq(X, y, NULL, m, 2, beta) == -1 || beta[0] <= 0)
				continue;
			for (i = 0; i < m; i++) {
				double	r = beta[0] * X[2 * i] + beta[1] - y[i];

				/* relative error: dark neutrals count too */
				err += r * r / (y[i] * y[i]);
			}
			if (err < beste)
				beste = err, bestg = g, a = beta[0], b = beta[1];
		}
		d->cam.gamma[ch] = bestg;
		d->cam.flare[ch] = fmin(fmax(-b / a, -0.5), 0.5);
	}
}

/* Least-squares M (3 x nt) from the current curves, in XYZ. */
static int
fit_matrix_lsq(struct fitdata *d, int nt)
{
	double	X[SMP_CHART_PATCHES * 6], Y[3][SMP_CHART_PATCHES];
	double	saved[3][6];
	int	i, k, m = 0;

	memcpy(saved, d->cam.M, sizeof saved);
	for (i = 0; i < d->n; i++) {
		double		lin[3];

		if (!d->use[i])
			continue;
		for (k = 0; k < 3; k++)
			lin[k] = smp_camera_curve(&d->cam, k, d->rgb[i][k]);
		X[nt * m] = lin[0], X[nt * m + 1] = lin[1];
		X[nt * m + 2] = lin[2];
		if (nt == 6) {
			X[nt * m + 3] = sqrt(lin[0] * lin[1]);
			X[nt * m + 4] = sqrt(lin[1] * lin[2]);
			X[nt * m + 5] = sqrt(lin[0] * lin[2]);
		}
		for (k = 0; k < 3; k++)
			Y[k][m] = d->refxyz[i][k];
		m++;
	}
	for (k = 0; k < 3; k++)
		if (smp_solve_lstsq(X, Y[k], NULL, m, nt, d->cam.M[k]) == -1) {
			memcpy(d->cam.M, saved, sizeof saved);
			return -1;
		}
	return 0;
}

/* warm: start from d->cam (a fit on all patches) instead of afresh. */
static int
fit_one(struct fitdata *d, enum smp_model model, int iters, int warm)
{
	double	p[SMP_NM_MAX_DIM], st[SMP_NM_MAX_DIM];
	int	i, k, n = 0;

	if (!warm || model == SMP_MODEL_ROOTPOLY) {
		memset(&d->cam, 0, sizeof d->cam);
		d->cam.model = model;
		for (i = 0; i < 3; i++)
			d->cam.gamma[i] = 1, d->cam.flare[i] = 0;
		d->free_curves = 0;
		if (model != SMP_MODEL_MATRIX)
			fit_neutral_curves(d);
		if (fit_matrix_lsq(d, model == SMP_MODEL_ROOTPOLY ? 6 : 3) == -1)
			return -1;
	}
	if (model == SMP_MODEL_ROOTPOLY)
		return 0;
	d->free_curves = model == SMP_MODEL_SHAPER;
	if (d->free_curves)
		for (i = 0; i < 3; i++) {
			p[n] = d->cam.gamma[i], st[n++] = 0.05;
			p[n] = d->cam.flare[i], st[n++] = 0.01;
		}
	for (i = 0; i < 3; i++)
		for (k = 0; k < 3; k++) {
			p[n] = d->cam.M[i][k];
			st[n++] = 0.02 + 0.05 * fabs(d->cam.M[i][k]);
		}
	smp_solve_nelder_mead(fit_cost, d, p, st, n, iters);
	if (!warm)					/* restart: NM stalls */
		smp_solve_nelder_mead(fit_cost, d, p, st, n, iters);
	fit_unpack(d, p);
	return 0;
}

int
smp_camera_fit(const double (*rgb)[3], const struct smp_lab *ref,
    enum smp_model model, struct smp_camera *cam, struct smp_fit_report *rep,
    struct smp_err *e)
{
	struct fitdata	d;
	unsigned char	use[SMP_CHART_PATCHES];
	double		v[SMP_CHART_PATCHES];
	float		sv[SMP_CHART_PATCHES];
	int		i, k;

	memset(&d, 0, sizeof d);
	d.rgb = rgb;
	d.ref = ref;
	for (i = 0; i < SMP_CHART_PATCHES; i++) {
		cmsCIELab	l = { ref[i].L, ref[i].a, ref[i].b };
		cmsCIEXYZ	xyz;

		cmsLab2XYZ(NULL, &xyz, &l);
		d.refxyz[i][0] = xyz.X, d.refxyz[i][1] = xyz.Y;
		d.refxyz[i][2] = xyz.Z;
	}
	d.use = use;
	d.n = SMP_CHART_PATCHES;
	memset(use, 1, sizeof use);
	if (fit_one(&d, model, 4000, 0) == -1)
		return smp_errf(e, SMP_E_INPUT, "the camera model cannot be "
		    "fitted to these patches (singular)");
	*cam = d.cam;
	for (i = 0; i < SMP_CHART_PATCHES; i++) {
		smp_camera_lab(cam, rgb[i], &rep->fit[i]);
		rep->de[i] = smp_delta_e(SMP_DE00, &ref[i], &rep->fit[i]);
	}
	for (k = 0; k < SMP_CHART_PATCHES; k++) {
		struct smp_lab	l;

		use[k] = 0;
		d.cam = *cam;
		if (fit_one(&d, model, 1500, 1) == -1)
			return smp_errf(e, SMP_E_INPUT, "leave-one-out fit "
			    "without patch %d is singular", k + 1);
		smp_camera_lab(&d.cam, rgb[k], &l);
		rep->loo[k] = smp_delta_e(SMP_DE00, &ref[k], &l);
		use[k] = 1;
	}
	for (k = 0; k < 2; k++) {
		const double	*src = k ? rep->loo : rep->de;
		double		 s = 0, mx = 0;

		for (i = 0; i < SMP_CHART_PATCHES; i++) {
			v[i] = src[i];
			sv[i] = (float)src[i];
			s += v[i];
			mx = fmax(mx, v[i]);
		}
		rep->mean[k] = s / SMP_CHART_PATCHES;
		rep->max[k] = mx;
		rep->median[k] = smp_stats_median(sv, SMP_CHART_PATCHES);
	}
	return 0;
}
