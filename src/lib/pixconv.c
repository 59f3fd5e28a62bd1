/*
 * pixconv.c: choose an image's source profile (given, embedded, PNG sRGB
 * chunk, PNG gAMA/cHRM, else assumed sRGB) and convert its pixels to Lab
 * through lcms2: relative colorimetric to the D50 XYZ PCS (from tables
 * for a matrix/TRC profile, pixconv-shaper.c), then Bradford
 * (cmsAdaptToIlluminant) to D65 when asked.
 */
#include "config.h"

#include <sys/stat.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lcms2.h>

#include "smp.h"
#include "smp-internal.h"

/*
 * Converted colours are memoised: a direct-mapped table from a pixel's
 * 16-bit channels to its Lab.  The conversion is a pure function, so the
 * result is bit for bit that of the float path; photos (8-bit JPEGs
 * above all) repeat colours so often that most pixels skip lcms2.  It is
 * allocated at the first conversion that can use it (and zeroed by
 * writing: a calloc'd table faults twice a page, on the first read and
 * the first write), and not at all where every colour comes once.
 */
#define MEMO_BITS	16
struct memo {
	uint64_t	key;
	float		lab[3];
	int		used;
};

struct smp_pixconv {
	cmsContext		 ctx;
	cmsHTRANSFORM		 xf;
	struct smp_pixconv_shaper *shaper;	/* NULL: lcms2's transform */
	enum smp_profile_source	 source;
	enum smp_white		 white;
	int			 grey_to_rgb;	/* grey pixels, RGB profile */
	int			 nchan;		/* colour channels of a pixel */
	double			 adapt[9];	/* D50 -> white, row-major */
	uint16_t		*tmp;		/* the pixels not in memo */
	uint32_t		*miss;		/* their indices */
	double			*xyz;
	uint32_t		 cap;
	struct memo		*memo;		/* NULL: not yet, or none */
	int			 no_memo;
};

/* IEC 61966-2-1 sRGB transfer function as an ICC parametric type 4 curve. */
static cmsToneCurve *
profile_srgb_curve(cmsContext ctx)
{
	cmsFloat64Number	p[5] = { 2.4, 1.0 / 1.055, 0.055 / 1.055,
				    1.0 / 12.92, 0.04045 };

	return cmsBuildParametricToneCurve(ctx, 4, p);
}

/* A profile for PNG gAMA (+ cHRM); grey images get a grey profile. */
static cmsHPROFILE
profile_from_gama(cmsContext ctx, const struct smp_image_info *in)
{
	cmsCIExyY	 white = { 0.3127, 0.3290, 1.0 };
	cmsCIExyYTRIPLE	 prim = { { 0.64, 0.33, 1 }, { 0.30, 0.60, 1 },
			    { 0.15, 0.06, 1 } };
	cmsToneCurve	*tc, *tcs[3];
	cmsHPROFILE	 p;

	if (in->has_chrm) {
		white.x = in->chrm[0], white.y = in->chrm[1];
		prim.Red.x = in->chrm[2], prim.Red.y = in->chrm[3];
		prim.Green.x = in->chrm[4], prim.Green.y = in->chrm[5];
		prim.Blue.x = in->chrm[6], prim.Blue.y = in->chrm[7];
	}
	if ((tc = cmsBuildGamma(ctx, 1.0 / in->gama)) == NULL)
		return NULL;
	if (in->model == SMP_CM_GREY)
		p = cmsCreateGrayProfileTHR(ctx, &white, tc);
	else {
		tcs[0] = tcs[1] = tcs[2] = tc;
		p = cmsCreateRGBProfileTHR(ctx, &white, &prim, tcs);
	}
	cmsFreeToneCurve(tc);
	return p;
}

static cmsHPROFILE
profile_srgb(cmsContext ctx, const struct smp_image_info *in)
{
	cmsCIExyY	 d65 = { 0.3127, 0.3290, 1.0 };
	cmsToneCurve	*tc;
	cmsHPROFILE	 p;

	if (in->model != SMP_CM_GREY)
		return cmsCreate_sRGBProfileTHR(ctx);
	if ((tc = profile_srgb_curve(ctx)) == NULL)
		return NULL;
	p = cmsCreateGrayProfileTHR(ctx, &d65, tc);
	cmsFreeToneCurve(tc);
	return p;
}

/* A given profile is held to the embedded profiles' size limit. */
static int
given_too_large(const char *path, struct smp_err *e)
{
	struct stat	st;

	if (stat(path, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (uintmax_t)st.st_size <= SMP_MAX_ICC_BYTES)
		return 0;
	smp_errf(e, SMP_E_LIMIT, "profile %s: %ju bytes, above the %u MiB "
	    "limit for ICC profiles", path, (uintmax_t)st.st_size,
	    SMP_MAX_ICC_BYTES >> 20);
	return 1;
}

/* How a message names the profile from source s (a given one: "profile "
 * and then its path). */
static const char *
profile_name(enum smp_profile_source s)
{
	switch (s) {
	case SMP_PROF_CHART:
		return "the chart profile";
	case SMP_PROF_GIVEN:
		return "profile ";
	case SMP_PROF_EMBEDDED:
		return "embedded ICC profile";
	case SMP_PROF_GAMA_CHRM:
		return "the profile of the PNG's gAMA and cHRM";
	default:
		return "the sRGB profile";
	}
}

static cmsHPROFILE
profile_choose(cmsContext ctx, const struct smp_image_info *in,
    const char *given, const void *mem, size_t memlen,
    enum smp_profile_source *src, struct smp_err *e)
{
	cmsHPROFILE	 p;
	struct smp_err	 sub = SMP_ERR_INIT;

	if (mem != NULL) {
		*src = SMP_PROF_CHART;
		if ((p = cmsOpenProfileFromMemTHR(ctx, mem,
		    (cmsUInt32Number)memlen)) == NULL)
			smp_errf(e, SMP_E_COLOR, "the chart profile is unusable");
		return p;
	}
	if (given != NULL && given_too_large(given, e))
		return NULL;
	if (given != NULL || in->icc != NULL) {
		*src = given ? SMP_PROF_GIVEN : SMP_PROF_EMBEDDED;
		smp__lcms_context_sink(ctx, &sub);
		p = given ? cmsOpenProfileFromFileTHR(ctx, given, "r") :
		    cmsOpenProfileFromMemTHR(ctx, in->icc,
		    (cmsUInt32Number)in->icc_len);
		smp__lcms_context_sink(ctx, e);
		if (p == NULL && given)
			smp_errf(e, SMP_E_COLOR, "profile %s: not a usable ICC "
			    "profile (%s)", given, sub.msg[0] ? sub.msg : "?");
		else if (p == NULL)
			smp_errf(e, SMP_E_COLOR, "embedded ICC profile is broken "
			    "(%s)", sub.msg[0] ? sub.msg : "?");
		return p;
	}
	if (in->srgb_chunk) {
		*src = SMP_PROF_SRGB_CHUNK;
		return profile_srgb(ctx, in);
	}
	if (in->has_gama) {
		*src = SMP_PROF_GAMA_CHRM;
		return profile_from_gama(ctx, in);
	}
	*src = SMP_PROF_ASSUMED_SRGB;
	if (in->model == SMP_CM_CMYK) {
		smp_errf(e, SMP_E_COLOR, "CMYK image without an embedded "
		    "profile; give one with -p");
		return NULL;
	}
	return profile_srgb(ctx, in);
}

/* Match the profile's colour space with the pixels; pick the input format. */
static int
profile_format(cmsHPROFILE p, const char *given,
    const struct smp_image_info *in, int *grey_to_rgb, cmsUInt32Number *fmt,
    struct smp_err *e)
{
	cmsColorSpaceSignature	cs = cmsGetColorSpace(p);
	cmsProfileClassSignature cl = cmsGetDeviceClass(p);

	*grey_to_rgb = 0;
	if (cl == cmsSigLinkClass || cl == cmsSigAbstractClass ||
	    cl == cmsSigNamedColorClass)
		return smp_errf(e, SMP_E_COLOR,
		    "profile is a device link, abstract or named-colour "
		    "profile, not a source profile");
	if (cs == cmsSigGrayData && in->model == SMP_CM_GREY) {
		*fmt = COLORSPACE_SH(PT_GRAY) | CHANNELS_SH(1) | BYTES_SH(2) |
		    EXTRA_SH(1);
		return 0;
	}
	if (cs == cmsSigRgbData &&
	    (in->model == SMP_CM_RGB || in->model == SMP_CM_GREY)) {
		*grey_to_rgb = in->model == SMP_CM_GREY;
		*fmt = COLORSPACE_SH(PT_RGB) | CHANNELS_SH(3) | BYTES_SH(2) |
		    EXTRA_SH(1);
		return 0;
	}
	if (cs == cmsSigCmykData && in->model == SMP_CM_CMYK) {
		*fmt = COLORSPACE_SH(PT_CMYK) | CHANNELS_SH(4) | BYTES_SH(2) |
		    EXTRA_SH(1);
		return 0;
	}
	return smp_errf(e, SMP_E_COLOR,
	    "%s%s: its colour space does not match the %s image",
	    given ? "profile " : "embedded ICC profile", given ? given : "",
	    in->model == SMP_CM_GREY ? "greyscale" :
	    in->model == SMP_CM_RGB ? "RGB" : "CMYK");
}

int
smp_pixconv_new(const struct smp_image_info *in, const char *given,
    const void *mem, size_t memlen, enum smp_white white,
    struct smp_pixconv **out, struct smp_err *e)
{
	struct smp_pixconv	*pc;
	struct smp_err		 why = SMP_ERR_INIT;
	cmsHPROFILE		 src = NULL, xyz = NULL;
	cmsUInt32Number		 fmt = 0;
	cmsCIEXYZ		 u, v;
	int			 i;

	*out = NULL;
	if ((pc = calloc(1, sizeof *pc)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	pc->white = white;
	pc->nchan = in->model == SMP_CM_GREY ? 1 : in->model == SMP_CM_RGB ?
	    3 : 4;
	if ((pc->ctx = smp__lcms_context(e)) == NULL)
		goto fail;
	if ((src = profile_choose(pc->ctx, in, given, mem, memlen,
	    &pc->source, e)) == NULL)
		goto fail;
	if (profile_format(src, mem ? NULL : given, in, &pc->grey_to_rgb,
	    &fmt, e) == -1)
		goto fail;
	if ((xyz = cmsCreateXYZProfileTHR(pc->ctx)) == NULL)
		goto fail;
	/* lcms2's reason, if it gives one, goes in brackets after the
	 * profile's name: the profile is at fault, not the image. */
	smp__lcms_context_sink(pc->ctx, &why);
	pc->xf = cmsCreateTransformTHR(pc->ctx, src, fmt, xyz, TYPE_XYZ_DBL,
	    INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_NOCACHE);
	smp__lcms_context_sink(pc->ctx, e);
	if (pc->xf == NULL) {
		smp_errf(e, SMP_E_COLOR, "%s%s: cannot build a colour transform "
		    "from it (%s)", profile_name(pc->source),
		    pc->source == SMP_PROF_GIVEN ? given : "",
		    why.msg[0] != '\0' ? why.msg : "lcms2 gives no reason");
		goto fail;
	}
	pc->shaper = smp__pixconv_shaper_new(src);
	cmsCloseProfile(src);
	cmsCloseProfile(xyz);
	src = xyz = NULL;
	/* Bradford is linear in XYZ: its matrix from the unit vectors. */
	for (i = 0; i < 3; i++) {
		u.X = i == 0, u.Y = i == 1, u.Z = i == 2;
		smp__lab_xyz_adapt(&u, SMP_WHITE_D50, white, &v);
		pc->adapt[0 + i] = v.X;
		pc->adapt[3 + i] = v.Y;
		pc->adapt[6 + i] = v.Z;
	}
	smp__lcms_context_sink(pc->ctx, NULL);
	*out = pc;
	return 0;
fail:
	if (src != NULL)
		cmsCloseProfile(src);
	if (xyz != NULL)
		cmsCloseProfile(xyz);
	smp__lcms_context_sink(pc->ctx, NULL);
	smp_pixconv_free(pc);
	if (e->code == SMP_E_NONE)
		smp_errf(e, SMP_E_COLOR, "colour engine failure");
	return -1;
}

void
smp_pixconv_free(struct smp_pixconv *pc)
{
	if (pc == NULL)
		return;
	if (pc->xf != NULL)
		cmsDeleteTransform(pc->xf);
	smp__pixconv_shaper_free(pc->shaper);
	smp__lcms_context_free(pc->ctx);
	free(pc->tmp);
	free(pc->miss);
	free(pc->xyz);
	free(pc->memo);
	free(pc);
}

enum smp_profile_source
smp_pixconv_source(const struct smp_pixconv *pc)
{
	return pc->source;
}

int
smp_pixconv_tabled(const struct smp_pixconv *pc)
{
	return pc->shaper != NULL;
}

/* Buffers grow with the longest row seen; rows are bounded by the rect. */
static int
pixconv_reserve(struct smp_pixconv *pc, uint32_t n)
{
	uint16_t	*t;
	uint32_t	*m;
	double		*x;

	if (n <= pc->cap)
		return 0;
	if ((x = realloc(pc->xyz, (size_t)n * 3 * sizeof *x)) == NULL)
		return -1;
	pc->xyz = x;
	if ((t = realloc(pc->tmp, (size_t)n * 5 * sizeof *t)) == NULL)
		return -1;
	pc->tmp = t;
	if ((m = realloc(pc->miss, (size_t)n * sizeof *m)) == NULL)
		return -1;
	pc->miss = m;
	pc->cap = n;
	return 0;
}

void
smp_pixconv_memo(struct smp_pixconv *pc, int on)
{
	pc->no_memo = !on;
}

/* The memo, allocated on first use; NULL without one (it is a cache:
 * out of memory only makes every pixel a miss). */
static struct memo *
pixconv_memo(struct smp_pixconv *pc)
{
	size_t	bytes = ((size_t)1 << MEMO_BITS) * sizeof *pc->memo;

	if (pc->no_memo)
		return NULL;
	if (pc->memo == NULL && (pc->memo = malloc(bytes)) != NULL)
		memset(pc->memo, 0, bytes);
	return pc->memo;
}

void
smp_pixconv_run(struct smp_pixconv *pc, const uint16_t *px, float *lab,
    uint32_t n)
{
	const cmsCIEXYZ	*wp = smp__lab_white_xyz(pc->white);
	const double	*m = pc->adapt;
	int		 stride = pc->nchan + 1, out = pc->grey_to_rgb ? 4 :
			    stride, c;
	uint32_t	 i, j, nmiss = 0;
	struct memo	*memo = pixconv_memo(pc), *slot;
	uint64_t	 key;

	if (pixconv_reserve(pc, n) == -1) {
		for (i = 0; i < 3 * n; i++)
			lab[i] = NAN;
		return;
	}
	/* Look every pixel up; gather the misses for lcms2 (grey into an
	 * RGB profile expanded on the way). */
	for (i = 0; i < n; i++) {
		const uint16_t	*p = px + (size_t)i * stride;
		uint16_t	*q = pc->tmp + (size_t)nmiss * out;

		if (memo != NULL) {
			key = smp__pixel_key(p, pc->nchan);
			slot = &memo[(key * 0x9E3779B97F4A7C15ULL) >>
			    (64 - MEMO_BITS)];
			if (slot->used && slot->key == key) {
				memcpy(lab + 3 * i, slot->lab,
				    sizeof slot->lab);
				continue;
			}
		}
		pc->miss[nmiss++] = i;
		if (pc->grey_to_rgb) {
			q[0] = q[1] = q[2] = p[0];
			q[3] = p[1];
		} else
			for (c = 0; c < stride; c++)
				q[c] = p[c];
	}
	if (nmiss == 0)
		return;
	if (pc->shaper != NULL)
		smp__pixconv_shaper_run(pc->shaper, pc->tmp, out, pc->xyz,
		    nmiss);
	else
		cmsDoTransform(pc->xf, pc->tmp, pc->xyz, nmiss);
	for (j = 0; j < nmiss; j++) {
		const double	*x = pc->xyz + 3 * j;
		cmsCIEXYZ	 xyz = { x[0], x[1], x[2] };
		cmsCIELab	 l;
		float		*o = lab + 3 * (size_t)pc->miss[j];

		if (pc->white != SMP_WHITE_D50) {
			xyz.X = m[0] * x[0] + m[1] * x[1] + m[2] * x[2];
			xyz.Y = m[3] * x[0] + m[4] * x[1] + m[5] * x[2];
			xyz.Z = m[6] * x[0] + m[7] * x[1] + m[8] * x[2];
		}
		smp__lab_of_xyz(wp, &xyz, &l);
		o[0] = (float)l.L;
		o[1] = (float)l.a;
		o[2] = (float)l.b;
		if (memo == NULL)
			continue;
		key = smp__pixel_key(px + (size_t)pc->miss[j] * stride,
		    pc->nchan);
		slot = &memo[(key * 0x9E3779B97F4A7C15ULL) >>
		    (64 - MEMO_BITS)];
		slot->key = key;
		slot->used = 1;
		memcpy(slot->lab, o, sizeof slot->lab);
	}
}
