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
 * "Refined" means the RMS CIEDE2000 (lcms2) over the patches brought to
 * a minimum (fit_refine).  Leave-one-out refits every model from scratch
 * 24 times, each time without one patch.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lcms2.h>

#include "smp.h"
#include "smp-internal.h"

struct fitdata {
	const double		(*rgb)[3];
	const struct smp_lab	*ref;
	double			 refxyz[SMP_CHART_PATCHES][3];	/* of ref */
	const unsigned char	*use;
	int			 n;
	struct smp_camera	 cam;
	int			 free_curves;
	double			 U[SMP_CHART_PATCHES][3][3];	/* fit_lab_resid */
};

/* fit_refine's steps: Levenberg-Marquardt rounds and steps in each, then
 * Nelder-Mead steps from a simplex this fraction of the first fit's. */
#define REFINE_ROUNDS		3
#define REFINE_LM_STEPS		50
#define REFINE_NM_STEPS		200
#define REFINE_NM_SCALE		0.1

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

/* The box the free curves are fitted in. */
#define GAMMA_MIN	0.2
#define GAMMA_MAX	5.0
#define FLARE_MAX	0.5

static int
fit_out_of_bounds(const struct fitdata *d)
{
	int	i;

	for (i = 0; i < 3; i++)
		if (d->free_curves && (d->cam.gamma[i] < GAMMA_MIN ||
		    d->cam.gamma[i] > GAMMA_MAX ||
		    fabs(d->cam.flare[i]) > FLARE_MAX))
			return 1;
	return 0;
}

static double
fit_cost(void *arg, const double *p)
{
	struct fitdata	*d = arg;
	double	s = 0;
	int	i;

	fit_unpack(d, p);
	if (fit_out_of_bounds(d))
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

/* The curve parameters of p (gamma, flare per channel) into the box
 * fit_out_of_bounds allows. */
static void
fit_clamp(const struct fitdata *d, double *p)
{
	int	i;

	if (!d->free_curves)
		return;
	for (i = 0; i < 3; i++) {
		p[2 * i] = fmin(fmax(p[2 * i], GAMMA_MIN), GAMMA_MAX);
		p[2 * i + 1] = fmin(fmax(p[2 * i + 1], -FLARE_MAX), FLARE_MAX);
	}
}

/* Three residuals a patch in use: its Lab error through d->U, whose
 * length approximates its CIEDE2000; of the model at p with its curve
 * parameters clamped, so that a step across a bound still moves the
 * others. */
static void
fit_lab_resid(void *arg, const double *p, double *r)
{
	struct fitdata	*d = arg;
	double		 q[SMP_NM_MAX_DIM];
	int		 i, m = 0;

	/* fit_unpack's parameters: two a curve when free, then the matrix */
	memcpy(q, p, ((d->free_curves ? 6 : 0) + 9) * sizeof *q);
	fit_clamp(d, q);
	fit_unpack(d, q);
	for (i = 0; i < d->n; i++) {
		const double	(*U)[3] = d->U[i];
		struct smp_lab	 l;
		double		 e[3];

		if (!d->use[i])
			continue;
		smp_camera_lab(&d->cam, d->rgb[i], &l);
		e[0] = l.L - d->ref[i].L;
		e[1] = l.a - d->ref[i].a;
		e[2] = l.b - d->ref[i].b;
		r[m++] = U[0][0] * e[0] + U[0][1] * e[1] + U[0][2] * e[2];
		r[m++] = U[1][1] * e[1] + U[1][2] * e[2];
		r[m++] = U[2][2] * e[2];
	}
}

/* d->U for the fit at p: CIEDE2000's metric halfway between each patch's
 * reference and its fit, scaled so that the error's length through it is
 * the fit's CIEDE2000 (the metric at the reference alone misjudges errors
 * of several units). */
static void
fit_metric_at(struct fitdata *d, const double *p)
{
	int	i, a, b;

	fit_unpack(d, p);
	for (i = 0; i < d->n; i++) {
		const struct smp_lab	*r = &d->ref[i];
		struct smp_lab		 l, mid;
		double			 e[3], q[3], len, de;

		if (!d->use[i])
			continue;
		smp_camera_lab(&d->cam, d->rgb[i], &l);
		mid = (struct smp_lab){ (l.L + r->L) / 2, (l.a + r->a) / 2,
		    (l.b + r->b) / 2 };
		smp_delta_e_metric(&mid, d->U[i]);
		e[0] = l.L - r->L, e[1] = l.a - r->a, e[2] = l.b - r->b;
		for (a = 0; a < 3; a++)
			for (q[a] = 0, b = a; b < 3; b++)
				q[a] += d->U[i][a][b] * e[b];
		len = sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2]);
		de = smp_delta_e(SMP_DE00, r, &l);
		if (len > 1e-9 && de > 1e-9)
			for (a = 0; a < 3; a++)
				for (b = 0; b < 3; b++)
					d->U[i][a][b] *= de / len;
	}
}

/* Minimise the RMS CIEDE2000 over p (n parameters) from p.  Nelder-Mead
 * alone needs thousands of steps in 15 dimensions, and Levenberg-
 * Marquardt (Marquardt 1963) on one CIEDE2000 residual a patch stalls:
 * a distance has curvature across the error that Gauss-Newton cannot
 * see.  So LM runs on three residuals a patch, the Lab error through
 * CIEDE2000's local metric: at the reference first, then at the
 * fit_metric_at of the last round; then Nelder-Mead on the CIEDE2000
 * itself finishes from a small simplex (steps st). */
static void
fit_refine(struct fitdata *d, double *p, const double *st, int n)
{
	double	s[SMP_NM_MAX_DIM];
	int	i, round, m = 0;

	for (i = 0; i < d->n; i++)
		if (d->use[i]) {
			smp_delta_e_metric(&d->ref[i], d->U[i]);
			m += 3;
		}
	for (round = 0; round < REFINE_ROUNDS; round++) {
		if (round > 0)
			fit_metric_at(d, p);
		smp_solve_lm(fit_lab_resid, d, p, n, m, REFINE_LM_STEPS, NULL);
		fit_clamp(d, p);
	}
	for (i = 0; i < n; i++)
		s[i] = REFINE_NM_SCALE * st[i];
	smp_solve_nelder_mead(fit_cost, d, p, s, n, REFINE_NM_STEPS);
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
		d->cam.flare[ch] = fmin(fmax(-b / a, -FLARE_MAX), FLARE_MAX);
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

/* An old model (shaper-matrix, matrix, root-poly) from scratch. */
static int
fit_one(struct fitdata *d, enum smp_model model)
{
	double	p[SMP_NM_MAX_DIM], st[SMP_NM_MAX_DIM];
	int	i, k, n = 0;

	memset(&d->cam, 0, sizeof d->cam);
	d->cam.model = model;
	for (i = 0; i < 3; i++)
		d->cam.gamma[i] = 1, d->cam.flare[i] = 0;
	d->free_curves = 0;
	if (model != SMP_MODEL_MATRIX)
		fit_neutral_curves(d);
	if (fit_matrix_lsq(d, model == SMP_MODEL_ROOTPOLY ? 6 : 3) == -1)
		return -1;
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
	fit_refine(d, p, st, n);
	fit_unpack(d, p);
	return 0;
}

double
smp_camera_fit_weight(int k, const struct smp_lab *ref)
{
	return 1 + (k < 2) + (k >= 18) + (ref[k].L < 40);
}

/* The curve-matrix fits of an auto run, which curve-poly starts from:
 * fold[k] without patch k, fold[SMP_CHART_PATCHES] on all of them. */
struct fit_cache {
	int			have;
	struct smp_camera	fold[SMP_CHART_PATCHES + 1];
};

/* Model m on the patches in use, from scratch; pre: curve-poly's
 * curve-matrix fit on the same patches, or NULL. */
static int
model_fit(struct fitdata *d, const struct smp_camera_data *cd,
    enum smp_model m, const struct smp_camera *pre, struct smp_camera *cam)
{
	if (m == SMP_MODEL_CURVES || m == SMP_MODEL_CURVEPOLY)
		return smp__camera_anchor_fit(cd, d->use, m, pre, cam);
	if (fit_one(d, m) == -1)
		return -1;
	*cam = d->cam;
	return 0;
}

static void
report_stats(struct smp_fit_report *rep)
{
	double	v[SMP_CHART_PATCHES];
	float	sv[SMP_CHART_PATCHES];
	int	i, k;

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
}

/* The leave-one-out refits of one model, each on its own copy of the
 * fit data (they run on the pool's threads; the results do not depend
 * on how many). */
struct loo_job {
	const struct fitdata		*d;
	const struct smp_camera_data	*cd;
	enum smp_model			 m;
	struct fit_cache		*cache;	/* or NULL */
	double				 loo[SMP_CHART_PATCHES];
	struct smp_lab			 lab[SMP_CHART_PATCHES];
	int				 bad[SMP_CHART_PATCHES];
};

static const struct smp_camera *
cache_pre(const struct fit_cache *fc, enum smp_model m, size_t k)
{
	return fc != NULL && fc->have && m == SMP_MODEL_CURVEPOLY ?
	    &fc->fold[k] : NULL;
}

static void *
loo_work(size_t k, void *arg)
{
	struct loo_job		*lj = arg;
	struct fitdata		 d = *lj->d;
	struct smp_camera	 c;
	unsigned char		 use[SMP_CHART_PATCHES];

	memcpy(use, lj->d->use, sizeof use);
	use[k] = 0;
	d.use = use;
	if (model_fit(&d, lj->cd, lj->m, cache_pre(lj->cache, lj->m, k),
	    &c) == -1)
		lj->bad[k] = 1;
	else {
		if (lj->cache != NULL && lj->m == SMP_MODEL_CURVES)
			lj->cache->fold[k] = c;
		smp_camera_lab(&c, d.rgb[k], &lj->lab[k]);
		lj->loo[k] = smp_delta_e(SMP_DE00, &d.ref[k], &lj->lab[k]);
	}
	return lj;
}

static int
loo_done(size_t k, void *result, void *arg)
{
	(void)k, (void)result, (void)arg;
	return 0;
}

/* Fit model m on all patches; rep->self[m] is its weighted self-fit mean.
 * Then, unless that is at least `prune` (0: never) it refits it without
 * each patch in turn, from scratch (a fit that started from all 24 would
 * keep some of the patch left out), the refits on up to `jobs` threads.
 * cache (or NULL) keeps curve-matrix's fits and hands them to curve-poly. */
static int
model_try(struct fitdata *d, const struct smp_camera_data *cd,
    enum smp_model m, int jobs, double prune, struct fit_cache *cache,
    struct smp_camera *cam, struct smp_fit_report *rep, struct smp_err *e)
{
	struct loo_job	*lj;
	double		 ws = 0, s = 0, self = 0;
	int		 i, k;

	memset(cam, 0, sizeof *cam);
	if (model_fit(d, cd, m, cache_pre(cache, m, SMP_CHART_PATCHES),
	    cam) == -1)
		return smp_errf(e, SMP_E_INPUT, "the camera model cannot be "
		    "fitted to these patches (singular)");
	for (i = 0; i < SMP_CHART_PATCHES; i++) {
		smp_camera_lab(cam, d->rgb[i], &rep->fit[i]);
		rep->de[i] = smp_delta_e(SMP_DE00, &d->ref[i], &rep->fit[i]);
		ws += cd->w[i];
		self += cd->w[i] * rep->de[i];
	}
	rep->self[m] = self / ws;
	if (prune > 0 && rep->self[m] >= prune) {
		rep->pruned[m] = 1;
		return 0;
	}
	ws = 0;
	if ((lj = calloc(1, sizeof *lj)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	lj->d = d, lj->cd = cd, lj->m = m, lj->cache = cache;
	if (smp_pool_run(SMP_CHART_PATCHES, jobs, loo_work, loo_done, lj,
	    e) == -1) {
		free(lj);
		return -1;
	}
	for (k = 0; k < SMP_CHART_PATCHES; k++) {
		if (lj->bad[k]) {
			free(lj);
			return smp_errf(e, SMP_E_INPUT, "leave-one-out fit "
			    "without patch %d is singular", k + 1);
		}
		rep->loo[k] = lj->loo[k];
		rep->loofit[k] = lj->lab[k];
		ws += cd->w[k];
		s += cd->w[k] * rep->loo[k];
	}
	free(lj);
	if (cache != NULL && m == SMP_MODEL_CURVES) {
		cache->fold[SMP_CHART_PATCHES] = *cam;
		cache->have = 1;
	}
	report_stats(rep);
	rep->light = smp_chart_light_falloff(d->ref, rep->loofit,
	    &rep->light_share);
	rep->score[m] = s / ws;
	rep->tried[m] = 1;
	return 0;
}

int
smp_camera_fit(const double (*rgb)[3], const struct smp_lab *ref,
    enum smp_model model, int jobs, struct smp_camera *cam,
    struct smp_fit_report *rep, struct smp_err *e)
{
	static const enum smp_model	order[] = { SMP_MODEL_CURVES,
	    SMP_MODEL_CURVEPOLY, SMP_MODEL_SHAPER, SMP_MODEL_ROOTPOLY,
	    SMP_MODEL_MATRIX };
	struct fitdata		d;
	struct smp_camera_data	cd;
	struct smp_fit_report	best;
	struct smp_camera	c;
	struct fit_cache	*fc;
	unsigned char		use[SMP_CHART_PATCHES];
	enum smp_model		bm = SMP_MODEL_AUTO;
	int			i;

	memset(&d, 0, sizeof d);
	memset(&cd, 0, sizeof cd);
	d.rgb = cd.rgb = rgb;
	d.ref = cd.ref = ref;
	for (i = 0; i < SMP_CHART_PATCHES; i++) {
		cmsCIELab	l = { ref[i].L, ref[i].a, ref[i].b };
		cmsCIEXYZ	xyz;

		cmsLab2XYZ(NULL, &xyz, &l);
		d.refxyz[i][0] = cd.xyz[i][0] = xyz.X;
		d.refxyz[i][1] = cd.xyz[i][1] = xyz.Y;
		d.refxyz[i][2] = cd.xyz[i][2] = xyz.Z;
		cd.w[i] = smp_camera_fit_weight(i, ref);
	}
	d.use = use;
	d.n = SMP_CHART_PATCHES;
	memset(use, 1, sizeof use);
	memset(rep, 0, sizeof *rep);
	if (model != SMP_MODEL_AUTO)
		return model_try(&d, &cd, model, jobs, 0, NULL, cam, rep, e);
	if ((fc = calloc(1, sizeof *fc)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	/* auto: the lowest weighted leave-one-out mean; a model that cannot
	 * be fitted is passed over. */
	for (i = 0; i < (int)(sizeof order / sizeof order[0]); i++) {
		struct smp_fit_report	r = *rep;
		struct smp_err		sub = SMP_ERR_INIT;

		memset(r.tried, 0, sizeof r.tried);
		if (model_try(&d, &cd, order[i], jobs, bm == SMP_MODEL_AUTO ? 0 :
		    SMP_FIT_PRUNE * best.score[bm], fc, &c, &r, &sub) == -1)
			continue;
		rep->self[order[i]] = r.self[order[i]];
		if (r.pruned[order[i]]) {
			rep->pruned[order[i]] = 1;
			continue;
		}
		rep->score[order[i]] = r.score[order[i]];
		rep->tried[order[i]] = 1;
		if (bm == SMP_MODEL_AUTO || r.score[order[i]] < best.score[bm]) {
			best = r;
			bm = order[i];
			*cam = c;
		}
	}
	free(fc);
	if (bm == SMP_MODEL_AUTO)
		return smp_errf(e, SMP_E_INPUT, "no camera model can be "
		    "fitted to these patches (singular)");
	memcpy(best.score, rep->score, sizeof best.score);
	memcpy(best.tried, rep->tried, sizeof best.tried);
	memcpy(best.self, rep->self, sizeof best.self);
	memcpy(best.pruned, rep->pruned, sizeof best.pruned);
	*rep = best;
	return 0;
}
