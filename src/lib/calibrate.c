/*
 * calibrate.c: a camera profile from photos of a ColorChecker.
 *
 * Find the chart (or take --corners), sample every patch at full
 * resolution, check the registration before any fit, fit the model,
 * and write the profile, the CTI3 file and the overlay.  Several photos
 * of one set-up are registered in parallel and pooled: each patch's
 * device value is the mean over the photos, its spread includes theirs,
 * and photos that disagree (mean relative difference from the pool above
 * CAL_MAX_SPREAD, a change of exposure or light) are refused.  The checks:
 *  - orientation: the best placement's colour fit (chart-detect.c) must be
 *    clearly better than the runner-up (ratio >= CAL_AMBIGUOUS);
 *  - uniformity: no more than 2 patches may have a channel standard
 *    deviation above CAL_MAX_SD of full scale in their sampled centre;
 *  - neutrals: white-balanced on the white patch, the six neutrals must
 *    get darker from white to black, and white..neutral 5 must be nearly
 *    neutral (channel ratios within CAL_MAX_CAST);
 *  - residual: the self-fit mean CIEDE2000 must be below CAL_MAX_FIT.
 * A failed check is exit 2 and never writes a profile.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lcms2.h>

#include "smp.h"
#include "smp-internal.h"

#define CAL_MAX_SCORE	15.0	/* placement fit, mean dE00 */
#define CAL_AMBIGUOUS	1.25
#define CAL_MAX_SD	0.08
#define CAL_MAX_CAST	1.35
#define CAL_MAX_FIT	10.0
#define CAL_MAX_SPREAD	0.02

static int
cal_checks(const struct smp_patch *p, struct smp_err *e)
{
	double	wb[3], prev = 1e9;
	int	k, c, bad = 0, worst = 0;

	for (k = 0; k < SMP_CHART_PATCHES; k++) {
		double	sd = fmax(p[k].sd[0], fmax(p[k].sd[1], p[k].sd[2]));

		if (sd > CAL_MAX_SD) {
			bad++;
			worst = k;
		}
	}
	if (bad > 2)
		return smp_errf(e, SMP_E_INPUT, "registration implausible: %d "
		    "patches are not uniform (patch %d, %s, sd %.3f)", bad,
		    worst + 1, smp_chart_patch_name(worst),
		    fmax(p[worst].sd[0], fmax(p[worst].sd[1], p[worst].sd[2])));
	for (c = 0; c < 3; c++)
		wb[c] = fmax(p[18].rgb[c], 1e-4);
	for (k = 18; k < 24; k++) {
		double	v[3], lum, mx, mn;

		for (c = 0; c < 3; c++)
			v[c] = p[k].rgb[c] / wb[c];
		lum = v[0] + v[1] + v[2];
		if (lum >= prev)
			return smp_errf(e, SMP_E_INPUT, "registration implausible: "
			    "neutral patch %d (%s) is not darker than patch %d",
			    k + 1, smp_chart_patch_name(k), k);
		prev = lum;
		mx = fmax(v[0], fmax(v[1], v[2]));
		mn = fmin(v[0], fmin(v[1], v[2]));
		if (k <= 21 && mx > CAL_MAX_CAST * fmax(mn, 1e-4))
			return smp_errf(e, SMP_E_INPUT, "registration implausible: "
			    "neutral patch %d (%s) is coloured after white balance "
			    "(channel ratio %.2f)", k + 1, smp_chart_patch_name(k),
			    mx / fmax(mn, 1e-4));
	}
	return 0;
}

static int
cal_write_ti3(const char *path, const struct smp_patch *p,
    const struct smp_chart_ref *ref, struct smp_err *e)
{
	static const char *const	 fields[] = { "SAMPLE_ID", "XYZ_X",
	    "XYZ_Y", "XYZ_Z", "RGB_R", "RGB_G", "RGB_B", "STDEV_R", "STDEV_G",
	    "STDEV_B" };
	struct smp_err	 sub = SMP_ERR_INIT;
	cmsContext	 ctx;
	cmsHANDLE	 it8;
	cmsUInt32Number	 len = 0;
	char		*buf = NULL, id[8];
	int		 k, i, r = -1;

	if ((ctx = smp__lcms_context(&sub)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	if ((it8 = cmsIT8Alloc(ctx)) == NULL)
		goto out;
	cmsIT8SetSheetType(it8, "CTI3");
	cmsIT8SetPropertyStr(it8, "DESCRIPTOR", "smptools camera chart values");
	cmsIT8SetPropertyStr(it8, "ORIGINATOR", "smp-calibrate");
	cmsIT8SetPropertyStr(it8, "DEVICE_CLASS", "INPUT");
	cmsIT8SetPropertyStr(it8, "COLOR_REP", "XYZ_RGB");
	cmsIT8SetPropertyDbl(it8, "NUMBER_OF_FIELDS", 10);
	cmsIT8SetPropertyDbl(it8, "NUMBER_OF_SETS", SMP_CHART_PATCHES);
	for (i = 0; i < 10; i++)
		cmsIT8SetDataFormat(it8, i, fields[i]);
	cmsIT8DefineDblFormat(it8, "%.6f");
	for (k = 0; k < SMP_CHART_PATCHES; k++) {
		cmsCIELab	l = { ref->lab[k].L, ref->lab[k].a, ref->lab[k].b };
		cmsCIEXYZ	xyz;

		cmsLab2XYZ(NULL, &xyz, &l);
		snprintf(id, sizeof id, "%c%02d", 'A' + k / 6, k % 6 + 1);
		cmsIT8SetData(it8, id, "SAMPLE_ID", id);
		cmsIT8SetDataDbl(it8, id, "XYZ_X", xyz.X * 100);
		cmsIT8SetDataDbl(it8, id, "XYZ_Y", xyz.Y * 100);
		cmsIT8SetDataDbl(it8, id, "XYZ_Z", xyz.Z * 100);
		cmsIT8SetDataDbl(it8, id, "RGB_R", p[k].rgb[0] * 100);
		cmsIT8SetDataDbl(it8, id, "RGB_G", p[k].rgb[1] * 100);
		cmsIT8SetDataDbl(it8, id, "RGB_B", p[k].rgb[2] * 100);
		cmsIT8SetDataDbl(it8, id, "STDEV_R", p[k].sd[0] * 100);
		cmsIT8SetDataDbl(it8, id, "STDEV_G", p[k].sd[1] * 100);
		cmsIT8SetDataDbl(it8, id, "STDEV_B", p[k].sd[2] * 100);
	}
	if (!cmsIT8SaveToMem(it8, NULL, &len) || (buf = malloc(len)) == NULL ||
	    !cmsIT8SaveToMem(it8, buf, &len))
		goto out;
	/* lcms2 counts the terminating NUL. */
	r = smp_atomic_write(path, buf, len > 0 && buf[len - 1] == '\0' ?
	    len - 1 : len, e);
out:
	if (r == -1 && e->code == SMP_E_NONE)
		smp_errf(e, SMP_E_IO, "%s: cannot write CGATS (%s)", path,
		    sub.msg[0] ? sub.msg : "lcms2 failure");
	free(buf);
	if (it8 != NULL)
		cmsIT8Free(it8);
	smp__lcms_context_free(ctx);
	return r;
}

/* Locate and sample; fills res->found and res->patch. */
static int
cal_register(struct smp_image *img, const struct smp_calib_opts *o,
    struct smp_calib_result *res, struct smp_err *e)
{
	const char	*path = smp_image_path(img);
	int		 r;

	if (o->corners) {
		r = smp_chart_from_corners(o->corner, &res->found, e);
		if (r == 0 && o->overlay != NULL)
			r = smp_chart_detect_preview(img, &res->found, e);
		res->have_chart = r == 0;
	} else {
		r = smp_chart_detect(img, &o->ref, &res->found, e);
		if (r == 0 && res->found.score > CAL_MAX_SCORE) {
			r = smp_errf(e, SMP_E_INPUT, "%s: no ColorChecker found",
			    path);
			res->have_chart = res->found.score < 1e9;
		} else if (r == 0) {
			res->have_chart = 1;
			if (res->found.second < CAL_AMBIGUOUS * res->found.score)
				r = smp_errf(e, SMP_E_INPUT, "%s: registration "
				    "implausible: orientation ambiguous (colour fit "
				    "%.1f vs %.1f)", path, res->found.score,
				    res->found.second);
		}
	}
	if (r == 0)
		r = smp_chart_sample(img, &res->found, res->patch, e);
	if (r == 0 && cal_checks(res->patch, e) == -1) {
		smp_err_prefix(e, path);
		r = -1;
	}
	return r;
}

/* One photo of a pooled calibration, registered on a worker thread,
 * opened there unless the caller has it open already (img). */
struct cal_photo {
	const char		*path;
	struct smp_image	*img;
	struct smp_calib_result	 res;
	struct smp_err		 e;
	int			 r;
};

struct cal_pool {
	struct cal_photo		*ph;
	const struct smp_calib_opts	*o;
};

static void *
cal_photo_work(size_t i, void *arg)
{
	struct cal_pool		*cp = arg;
	struct cal_photo	*ph = &cp->ph[i];

	struct smp_image	*img = ph->img;

	if (img != NULL || smp_image_open(ph->path, &cp->o->limits, &img,
	    &ph->e) == 0)
		ph->r = cal_register(img, cp->o, &ph->res, &ph->e);
	else
		ph->r = -1;
	if (img != ph->img)
		smp_image_free(img);
	/* Only the first photo's working copy is kept, for the overlay. */
	if (i > 0)
		smp_chart_detect_clear(&ph->res.found);
	return NULL;
}

static int
cal_photo_done(size_t i, void *result, void *arg)
{
	struct cal_pool	*cp = arg;

	(void)i;
	(void)result;
	if (cp->o->on_photo != NULL)
		cp->o->on_photo(cp->o->on_photo_arg);
	return 0;
}

/* Pool the photos' patches into res->patch; -1 when they disagree. */
static int
cal_pool(const struct cal_photo *ph, size_t n, struct smp_calib_result *res,
    struct smp_err *e)
{
	double	sum, v2, worst = 0;
	size_t	i, far = 0;
	int	k, c;

	for (k = 0; k < SMP_CHART_PATCHES; k++) {
		struct smp_patch	*p = &res->patch[k];

		*p = ph[0].res.patch[k];
		p->n = 0;
		for (c = 0; c < 3; c++) {
			sum = v2 = 0;
			for (i = 0; i < n; i++)
				sum += ph[i].res.patch[k].rgb[c];
			p->rgb[c] = sum / (double)n;
			for (i = 0; i < n; i++) {
				const struct smp_patch *q = &ph[i].res.patch[k];

				v2 += q->sd[c] * q->sd[c] + (q->rgb[c] -
				    p->rgb[c]) * (q->rgb[c] - p->rgb[c]);
			}
			p->sd[c] = sqrt(v2 / (double)n);
		}
		for (i = 0; i < n; i++)
			p->n += ph[i].res.patch[k].n;
	}
	/* Name the photo furthest from the pool. */
	for (i = 0; i < n; i++) {
		double	d = 0;

		for (k = 0; k < SMP_CHART_PATCHES; k++)
			for (c = 0; c < 3; c++)
				d += fabs(ph[i].res.patch[k].rgb[c] -
				    res->patch[k].rgb[c]) /
				    fmax(res->patch[k].rgb[c], 0.02);
		d /= 3 * SMP_CHART_PATCHES;
		if (d > worst) {
			worst = d;
			far = i;
		}
	}
	if (worst > CAL_MAX_SPREAD)
		return smp_errf(e, SMP_E_INPUT, "%s: its patches differ by "
		    "%.1f%% from the mean of the %zu photos; pool only photos "
		    "of one camera set-up and light", ph[far].path,
		    100 * worst, n);
	return 0;
}

static int
cal_photos(struct cal_photo *ph, size_t n, int jobs,
    const struct smp_calib_opts *o, struct smp_calib_result *res,
    struct smp_err *e)
{
	struct cal_pool		 cp;
	double			 rgb[SMP_CHART_PATCHES][3];
	char			 desc[512], date[32];
	time_t			 now = time(NULL);
	struct tm		 tm;
	size_t			 i, nbad = 0, first_bad = 0;
	int			 k, r;

	cp.ph = ph;
	cp.o = o;
	if (smp_pool_run(n, jobs, cal_photo_work, cal_photo_done, &cp,
	    e) == -1)
		return -1;
	for (i = n; i-- > 0;)
		if (ph[i].r == -1) {
			nbad++;
			first_bad = i;
		}
	/* The first photo's chart is the one drawn in the overlay. */
	res->found = ph[0].res.found;
	res->have_chart = ph[0].res.have_chart;
	memset(&ph[0].res.found, 0, sizeof ph[0].res.found);
	if (nbad > 0) {
		smp_err_clear(e);
		if (nbad > 1)
			smp_errf(e, ph[first_bad].e.code, "%s (and %zu more of "
			    "the %zu photos were refused)", ph[first_bad].e.msg,
			    nbad - 1, n);
		else
			*e = ph[first_bad].e;
		r = -1;
		if (n == 1)
			memcpy(res->patch, ph[0].res.patch, sizeof res->patch);
	} else
		r = cal_pool(ph, n, res, e);
	if (r == 0) {
		for (k = 0; k < SMP_CHART_PATCHES; k++)
			memcpy(rgb[k], res->patch[k].rgb, sizeof rgb[k]);
		r = smp_camera_fit((const double (*)[3])rgb, o->ref.lab, o->model,
		    jobs, &res->cam, &res->rep, e);
	}
	if (r == 0)
		res->rep.flags = smp_calibrate_flags(&res->rep);
	if (r == 0 && res->rep.mean[0] > CAL_MAX_FIT)
		r = smp_errf(e, SMP_E_INPUT, "%s: registration implausible: "
		    "self-fit mean dE00 %.1f", n == 1 ? ph[0].path : "the photos",
		    res->rep.mean[0]);
	res->ok = r == 0;
	if (o->overlay != NULL && res->found.work != NULL) {
		struct smp_err	oe = SMP_ERR_INIT;

		if (smp_chart_overlay(&res->found, res->have_chart, res->ok,
		    o->overlay, r == 0 ? e : &oe) == -1 && r == 0)
			r = -1;
	}
	if (r == -1)
		return -1;
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	snprintf(desc, sizeof desc, "smptools camera profile: %s; %s; %s",
	    o->ref.name, smp_names_name(&smp_names_model, res->cam.model), date);
	if (o->ti3 != NULL && cal_write_ti3(o->ti3, res->patch, &o->ref, e) == -1)
		return -1;
	if (o->output != NULL &&
	    smp_camera_icc_write(&res->cam, desc, o->output, e) == -1)
		return -1;
	if (o->want_icc && smp_camera_icc(&res->cam, desc, &res->icc,
	    &res->icc_len, e) == -1)
		return -1;
	return 0;
}

unsigned
smp_calibrate_flags(const struct smp_fit_report *rep)
{
	unsigned	f = 0;
	int		k;

	if (rep->mean[1] > SMP_CALIB_LOO_POOR)
		f |= SMP_CALIB_FLAG_POOR_FIT;
	for (k = 0; k < SMP_CHART_PATCHES; k++)
		if (rep->loo[k] > SMP_CALIB_PATCH_POOR)
			f |= k < 2 ? SMP_CALIB_FLAG_POOR_SKIN :
			    k >= 18 ? SMP_CALIB_FLAG_POOR_GREY : 0;
	if (rep->light > SMP_CALIB_LIGHT_POOR &&
	    rep->light_share >= SMP_CALIB_LIGHT_SHARE)
		f |= SMP_CALIB_FLAG_UNEVEN_LIGHT;
	return f;
}

int
smp_calibrate_many(const char *const *paths, size_t n, int jobs,
    const struct smp_calib_opts *o, struct smp_calib_result *res,
    struct smp_err *e)
{
	struct cal_photo	*ph;
	size_t			 i;
	int			 r;

	memset(res, 0, sizeof *res);
	if (n == 0)
		return smp_errf(e, SMP_E_USAGE, "no photo given");
	if ((ph = calloc(n, sizeof *ph)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	for (i = 0; i < n; i++)
		ph[i].path = paths[i];
	r = cal_photos(ph, n, jobs, o, res, e);
	free(ph);
	return r;
}

int
smp_calibrate_image(struct smp_image *img, const struct smp_calib_opts *o,
    struct smp_calib_result *res, struct smp_err *e)
{
	struct cal_photo	ph;

	memset(res, 0, sizeof *res);
	memset(&ph, 0, sizeof ph);
	ph.path = smp_image_path(img);
	ph.img = img;
	return cal_photos(&ph, 1, 1, o, res, e);
}
