/*
 * camera-icc.c: write a camera model as an ICC v2 input profile with lcms2
 * (v2 so that ArgyllCMS 2.x reads it).  Matrix models become matrix/TRC
 * profiles with tabulated curves; root-poly and curve-poly become an A2B0 lut16 with a
 * 16-bit CLUT in the v2 Lab encoding (never a float CLUT: lcms2 2.14
 * writes those into v2 profiles as garbage, ANCHORS.md 3.3).  The media
 * white point is D50, so relative and absolute intents agree.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lcms2.h>

#include "smp.h"
#include "smp-internal.h"

#define ICC_CURVE_N	4096
#define ICC_GRID	33

/* The curves are written divided by their value at device 1 (which the
 * grey-anchored curves may put above 1), and the matrix columns or the
 * CLUT's input multiplied by it. */
struct icc_cargo {
	const struct smp_camera	*c;
	double			 scale[3];
};

static int
icc_poly(const struct smp_camera *c)
{
	return c->model == SMP_MODEL_ROOTPOLY || c->model == SMP_MODEL_CURVEPOLY;
}

static cmsToneCurve *
icc_curve(cmsContext ctx, const struct icc_cargo *cg, int ch)
{
	float	v[ICC_CURVE_N];
	int	i;

	for (i = 0; i < ICC_CURVE_N; i++) {
		double	y = smp_camera_curve(cg->c, ch,
		    i / (double)(ICC_CURVE_N - 1)) / cg->scale[ch];

		if (icc_poly(cg->c))
			y = cbrt(y);
		v[i] = (float)(y < 0 ? 0 : y > 1 ? 1 : y);
	}
	return cmsBuildTabulatedToneCurveFloat(ctx, ICC_CURVE_N, v);
}

/* CLUT node: cube-root-spaced linear values -> root-poly -> Lab (v2). */
static int
icc_sampler(const cmsUInt16Number In[], cmsUInt16Number Out[], void *cargo)
{
	const struct icc_cargo	*cg = cargo;
	struct smp_camera	 lin = *cg->c;
	double			 rgb[3];
	struct smp_lab		 l;
	cmsCIELab		 lab;
	int			 k;

	/* The curves were applied before the CLUT: identity here. */
	lin.model = SMP_MODEL_ROOTPOLY;
	for (k = 0; k < 3; k++) {
		double	u = In[k] / 65535.0;

		lin.gamma[k] = 1, lin.flare[k] = 0;
		rgb[k] = u * u * u * cg->scale[k];
	}
	smp_camera_lab(&lin, rgb, &l);
	lab.L = fmin(fmax(l.L, 0), 100);
	lab.a = fmin(fmax(l.a, -128), 127);
	lab.b = fmin(fmax(l.b, -128), 127);
	cmsFloat2LabEncodedV2(Out, &lab);
	return 1;
}

static int
icc_text(cmsHPROFILE h, cmsContext ctx, cmsTagSignature sig, const char *s)
{
	cmsMLU	*m = cmsMLUalloc(ctx, 1);
	int	 ok;

	if (m == NULL)
		return 0;
	ok = cmsMLUsetASCII(m, "en", "US", s) && cmsWriteTag(h, sig, m);
	cmsMLUfree(m);
	return ok;
}

int
smp_camera_icc_write(const struct smp_camera *c, const char *desc,
    const char *path, struct smp_err *e)
{
	unsigned char	*buf;
	size_t		 len;
	int		 r;

	if (smp_camera_icc(c, desc, &buf, &len, e) == -1)
		return -1;
	r = smp_atomic_write(path, buf, len, e);
	free(buf);
	return r;
}

int
smp_camera_icc(const struct smp_camera *c, const char *desc,
    unsigned char **out, size_t *outlen, struct smp_err *e)
{
	struct smp_err	 sub = SMP_ERR_INIT;
	cmsContext	 ctx;
	cmsHPROFILE	 h = NULL;
	cmsToneCurve	*tc[3] = { NULL, NULL, NULL };
	cmsPipeline	*lut = NULL;
	cmsStage	*st;
	cmsUInt32Number	 len = 0;
	unsigned char	*buf = NULL;
	struct icc_cargo cg;
	int		 k, ok = 0, r = -1;

	if ((ctx = smp__lcms_context(&sub)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	if ((h = cmsCreateProfilePlaceholder(ctx)) == NULL)
		goto out;
	cmsSetProfileVersion(h, 2.1);
	cmsSetDeviceClass(h, cmsSigInputClass);
	cmsSetColorSpace(h, cmsSigRgbData);
	cmsSetHeaderRenderingIntent(h, INTENT_RELATIVE_COLORIMETRIC);
	if (!icc_text(h, ctx, cmsSigProfileDescriptionTag, desc) ||
	    !icc_text(h, ctx, cmsSigCopyrightTag, "No copyright, use freely") ||
	    !cmsWriteTag(h, cmsSigMediaWhitePointTag, cmsD50_XYZ()))
		goto out;
	cg.c = c;
	for (k = 0; k < 3; k++) {
		cg.scale[k] = smp_camera_curve(c, k, 1);
		if (!(cg.scale[k] > 1e-6) || !isfinite(cg.scale[k]))
			cg.scale[k] = 1;
	}
	for (k = 0; k < 3; k++)
		if ((tc[k] = icc_curve(ctx, &cg, k)) == NULL)
			goto out;
	if (!icc_poly(c)) {
		static const cmsTagSignature	col[3] = { cmsSigRedColorantTag,
		    cmsSigGreenColorantTag, cmsSigBlueColorantTag };
		static const cmsTagSignature	trc[3] = { cmsSigRedTRCTag,
		    cmsSigGreenTRCTag, cmsSigBlueTRCTag };

		cmsSetPCS(h, cmsSigXYZData);
		for (k = 0; k < 3; k++) {
			cmsCIEXYZ	xyz = { c->M[0][k] * cg.scale[k],
			    c->M[1][k] * cg.scale[k], c->M[2][k] * cg.scale[k] };

			if (!cmsWriteTag(h, col[k], &xyz) ||
			    !cmsWriteTag(h, trc[k], tc[k]))
				goto out;
		}
	} else {
		cmsSetPCS(h, cmsSigLabData);
		if ((lut = cmsPipelineAlloc(ctx, 3, 3)) == NULL)
			goto out;
		if ((st = cmsStageAllocToneCurves(ctx, 3, tc)) == NULL ||
		    !cmsPipelineInsertStage(lut, cmsAT_END, st))
			goto out;
		if ((st = cmsStageAllocCLut16bit(ctx, ICC_GRID, 3, 3, NULL)) ==
		    NULL || !cmsStageSampleCLut16bit(st, icc_sampler,
		    &cg, 0) ||
		    !cmsPipelineInsertStage(lut, cmsAT_END, st))
			goto out;
		if ((st = cmsStageAllocToneCurves(ctx, 3, NULL)) == NULL ||
		    !cmsPipelineInsertStage(lut, cmsAT_END, st))
			goto out;
		if (!cmsWriteTag(h, cmsSigAToB0Tag, lut))
			goto out;
	}
	if (!cmsSaveProfileToMem(h, NULL, &len) || (buf = malloc(len)) == NULL ||
	    !cmsSaveProfileToMem(h, buf, &len))
		goto out;
	ok = 1;
	*out = buf;
	*outlen = len;
	buf = NULL;
	r = 0;
out:
	if (!ok)
		smp_errf(e, SMP_E_COLOR, "cannot build the profile (%s)",
		    sub.msg[0] ? sub.msg : "lcms2 failure");
	free(buf);
	for (k = 0; k < 3; k++)
		if (tc[k] != NULL)
			cmsFreeToneCurve(tc[k]);
	if (lut != NULL)
		cmsPipelineFree(lut);
	if (h != NULL)
		cmsCloseProfile(h);
	smp__lcms_context_free(ctx);
	return r;
}
