/*
 * pixconv-shaper.c: the XYZ of a matrix/TRC source profile (or a grey
 * TRC one) without lcms2's float pipeline per pixel.  A pixel's channels
 * go through per-channel tables, each entry lcms2's own evaluation of the
 * profile's tone curve at that 16-bit code (cmsEvalToneCurveFloat, the
 * function its pipeline calls), filled when first needed; then the
 * profile's colorant matrix, or the D50 white for grey.  This is the
 * transform lcms2 builds for such a profile at the relative colorimetric
 * intent, so it is used only where lcms2 itself would take that route:
 * no A2B or D2B tag (lcms2 prefers any of them) and an XYZ connection.
 * tests/unit/test-pixconv.c holds it to lcms2's transform on every shared
 * profile.
 */
#include "config.h"

#include <stdlib.h>

#include <lcms2.h>

#include "smp.h"
#include "smp-internal.h"

/* A table's entries, one per 16-bit code, in the order of shaper_slot. */
#define CODES	(257 * 256)

struct smp_pixconv_shaper {
	cmsToneCurve		*curve[3];	/* copies of the profile's */
	int			 ncurve;	/* 3 RGB, 1 grey */
	double			 m[9];		/* device -> D50 XYZ, rows */
	float			*table;		/* [ncurve][CODES] */
	unsigned char		*filled;
};

/* lcms2 reads a LUT from any of these before it looks at the matrix. */
static int
shaper_has_lut(cmsHPROFILE p)
{
	static const cmsTagSignature	lut[] = {
		cmsSigAToB0Tag, cmsSigAToB1Tag, cmsSigAToB2Tag,
		cmsSigDToB0Tag, cmsSigDToB1Tag, cmsSigDToB2Tag
	};
	size_t				i;

	for (i = 0; i < sizeof lut / sizeof lut[0]; i++)
		if (cmsIsTag(p, lut[i]))
			return 1;
	return 0;
}

static int
shaper_matrix(cmsHPROFILE p, struct smp_pixconv_shaper *sh)
{
	static const cmsTagSignature	col[3] = { cmsSigRedColorantTag,
		cmsSigGreenColorantTag, cmsSigBlueColorantTag };
	static const cmsTagSignature	trc[3] = { cmsSigRedTRCTag,
		cmsSigGreenTRCTag, cmsSigBlueTRCTag };
	const cmsCIEXYZ			*c;
	const cmsToneCurve		*t;
	int				 i;

	for (i = 0; i < 3; i++) {
		if ((c = cmsReadTag(p, col[i])) == NULL ||
		    (t = cmsReadTag(p, trc[i])) == NULL ||
		    (sh->curve[i] = cmsDupToneCurve(t)) == NULL)
			return -1;
		sh->m[0 + i] = c->X;
		sh->m[3 + i] = c->Y;
		sh->m[6 + i] = c->Z;
	}
	sh->ncurve = 3;
	return 0;
}

static int
shaper_grey(cmsHPROFILE p, struct smp_pixconv_shaper *sh)
{
	const cmsCIEXYZ		*d50 = cmsD50_XYZ();
	const cmsToneCurve	*t;

	if ((t = cmsReadTag(p, cmsSigGrayTRCTag)) == NULL ||
	    (sh->curve[0] = cmsDupToneCurve(t)) == NULL)
		return -1;
	sh->m[0] = d50->X;
	sh->m[1] = d50->Y;
	sh->m[2] = d50->Z;
	sh->ncurve = 1;
	return 0;
}

struct smp_pixconv_shaper *
smp__pixconv_shaper_new(cmsHPROFILE p)
{
	struct smp_pixconv_shaper	*sh;
	cmsColorSpaceSignature		 cs = cmsGetColorSpace(p);
	int				 ok;

	if ((cs != cmsSigRgbData && cs != cmsSigGrayData) ||
	    cmsGetPCS(p) != cmsSigXYZData || !cmsIsMatrixShaper(p) ||
	    shaper_has_lut(p))
		return NULL;
	if ((sh = calloc(1, sizeof *sh)) == NULL)
		return NULL;
	ok = (cs == cmsSigRgbData ? shaper_matrix(p, sh) :
	    shaper_grey(p, sh)) == 0;
	if (ok && (sh->table = malloc((size_t)sh->ncurve * CODES *
	    sizeof *sh->table)) != NULL &&
	    (sh->filled = calloc((size_t)sh->ncurve, CODES)) != NULL)
		return sh;
	smp__pixconv_shaper_free(sh);
	return NULL;
}

void
smp__pixconv_shaper_free(struct smp_pixconv_shaper *sh)
{
	int	i;

	if (sh == NULL)
		return;
	for (i = 0; i < 3; i++)
		if (sh->curve[i] != NULL)
			cmsFreeToneCurve(sh->curve[i]);
	free(sh->table);
	free(sh->filled);
	free(sh);
}

/* The entry of a code: code = 257 q + r goes to 256 r + q, so that the
 * codes of 8-bit samples (r = 0) are the first 256, and an 8-bit image
 * touches one page of each table rather than 64. */
static size_t
shaper_slot(uint16_t code)
{
	return (size_t)(code % 257) * 256 + code / 257;
}

/* lcms2's float pipeline sees a 16-bit code as code / 65535 in single
 * precision, as here. */
static float
shaper_lin(struct smp_pixconv_shaper *sh, int c, uint16_t code)
{
	size_t	i = (size_t)c * CODES + shaper_slot(code);

	if (!sh->filled[i]) {
		sh->table[i] = cmsEvalToneCurveFloat(sh->curve[c],
		    (cmsFloat32Number)code / 65535.0F);
		sh->filled[i] = 1;
	}
	return sh->table[i];
}

void
smp__pixconv_shaper_run(struct smp_pixconv_shaper *sh, const uint16_t *px,
    int stride, double *xyz, uint32_t n)
{
	const double	*m = sh->m;
	uint32_t	 i;
	double		 r, g, b;

	for (i = 0; i < n; i++, px += stride, xyz += 3) {
		r = shaper_lin(sh, 0, px[0]);
		if (sh->ncurve == 1) {
			xyz[0] = m[0] * r;
			xyz[1] = m[1] * r;
			xyz[2] = m[2] * r;
			continue;
		}
		g = shaper_lin(sh, 1, px[1]);
		b = shaper_lin(sh, 2, px[2]);
		xyz[0] = m[0] * r + m[1] * g + m[2] * b;
		xyz[1] = m[3] * r + m[4] * g + m[5] * b;
		xyz[2] = m[6] * r + m[7] * g + m[8] * b;
	}
}
