/*
 * lcms.c: lcms2 contexts whose log handler records the first message in
 * the caller's struct smp_err instead of printing it.
 */
#include "config.h"

#include <stdlib.h>

#include <lcms2.h>

#include "smp.h"
#include "smp-internal.h"

struct lcms_sink {
	struct smp_err	*e;
};

static void
lcms_log(cmsContext ctx, cmsUInt32Number code, const char *text)
{
	struct lcms_sink	*sink = cmsGetContextUserData(ctx);

	(void)code;
	if (sink != NULL && sink->e != NULL)
		smp_errf(sink->e, SMP_E_COLOR, "lcms2: %s", text);
}

cmsContext
smp__lcms_context(struct smp_err *e)
{
	struct lcms_sink	*sink;
	cmsContext		 ctx;

	if ((sink = calloc(1, sizeof *sink)) == NULL) {
		smp_errf(e, SMP_E_NOMEM, "out of memory");
		return NULL;
	}
	sink->e = e;
	if ((ctx = cmsCreateContext(NULL, sink)) == NULL) {
		free(sink);
		smp_errf(e, SMP_E_NOMEM, "cannot create an lcms2 context");
		return NULL;
	}
	cmsSetLogErrorHandlerTHR(ctx, lcms_log);
	return ctx;
}

void
smp__lcms_context_sink(cmsContext ctx, struct smp_err *e)
{
	struct lcms_sink	*sink = cmsGetContextUserData(ctx);

	if (sink != NULL)
		sink->e = e;
}

void
smp__lcms_context_free(cmsContext ctx)
{
	struct lcms_sink	*sink;

	if (ctx == NULL)
		return;
	sink = cmsGetContextUserData(ctx);
	cmsDeleteContext(ctx);
	free(sink);
}

/* A transform from Lab (D50, lcms2's doubles) to 8-bit sRGB, relative
 * colorimetric, in ctx; NULL with e filled when lcms2 cannot build it. */
cmsHTRANSFORM
smp__lcms_lab_to_srgb(cmsContext ctx, struct smp_err *e)
{
	cmsHPROFILE	lab = cmsCreateLab4ProfileTHR(ctx, NULL);
	cmsHPROFILE	srgb = cmsCreate_sRGBProfileTHR(ctx);
	cmsHTRANSFORM	xf = NULL;

	if (lab != NULL && srgb != NULL)
		xf = cmsCreateTransformTHR(ctx, lab, TYPE_Lab_DBL, srgb,
		    TYPE_RGB_8, INTENT_RELATIVE_COLORIMETRIC, 0);
	if (lab != NULL)
		cmsCloseProfile(lab);
	if (srgb != NULL)
		cmsCloseProfile(srgb);
	if (xf == NULL)
		smp_errf(e, SMP_E_COLOR, "cannot build the Lab to sRGB "
		    "transform");
	return xf;
}
