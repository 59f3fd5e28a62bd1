/*
 * test-pixconv: the colour pipeline of an image against lcms2's own
 * transform of the same profile (relative colorimetric to XYZ, then
 * cmsXYZ2Lab, compared by cmsCIE2000DeltaE): every RGB and grey profile
 * in SMP_SHARED/icc, the sRGB assumed for an untagged image and a PNG's
 * gAMA + cHRM, on a grid of 16-bit codes and random ones.  Matrix/TRC
 * profiles go through per-channel tables (smp_pixconv_tabled), which
 * must agree within 0.001 CIEDE2000; every other profile keeps lcms2's
 * transform.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lcms2.h>

#include "smp.h"

#define GRID	17			/* codes per channel of the grid */
#define NRAND	20000
#define NPIX	(GRID * GRID * GRID + NRAND)
#define LIMIT	0.001

struct tally {
	int	profiles, tabled;
	double	worst;
};

/* Pixels as smp_image_read lays them out: channels, then alpha. */
static void
fill_pixels(uint16_t *px, int nchan)
{
	uint32_t	 seed = 12345, i;
	int		 c, stride = nchan + 1;

	for (i = 0; i < NPIX; i++) {
		uint16_t	*p = px + (size_t)i * stride;

		for (c = 0; c < nchan; c++) {
			if (i < GRID * GRID * GRID) {
				uint32_t	d = i;

				if (c == 1)
					d /= GRID;
				else if (c == 2)
					d /= GRID * GRID;
				p[c] = (uint16_t)(d % GRID * 65535 / (GRID - 1));
			} else {
				seed = seed * 1103515245u + 12345u;
				p[c] = (uint16_t)(seed >> 16);
			}
		}
		p[nchan] = 65535;
	}
}

/* The worst CIEDE2000 between pc's Lab and lcms2's transform of p. */
static double
worst_against_lcms(struct smp_pixconv *pc, cmsHPROFILE p, int nchan)
{
	cmsHPROFILE	 xyzp = cmsCreateXYZProfile();
	cmsUInt32Number	 fmt = nchan == 1 ? TYPE_GRAYA_16 : TYPE_RGBA_16;
	cmsHTRANSFORM	 xf;
	uint16_t	*px = malloc((size_t)NPIX * (nchan + 1) * sizeof *px);
	float		*lab = malloc((size_t)NPIX * 3 * sizeof *lab);
	double		*xyz = malloc((size_t)NPIX * 3 * sizeof *xyz), worst = 0;
	uint32_t	 i;

	assert_non_null(px);
	assert_non_null(lab);
	assert_non_null(xyz);
	xf = cmsCreateTransform(p, fmt, xyzp, TYPE_XYZ_DBL,
	    INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_NOCACHE);
	assert_non_null(xf);
	fill_pixels(px, nchan);
	cmsDoTransform(xf, px, xyz, NPIX);
	smp_pixconv_run(pc, px, lab, NPIX);
	for (i = 0; i < NPIX; i++) {
		cmsCIEXYZ	x = { xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2] };
		cmsCIELab	want, got = { lab[3 * i], lab[3 * i + 1],
				    lab[3 * i + 2] };
		double		d;

		cmsXYZ2Lab(NULL, &want, &x);
		d = cmsCIE2000DeltaE(&want, &got, 1, 1, 1);
		if (!(d <= worst))	/* NaN on one side only counts */
			worst = isnan(want.L) && isnan(got.L) ? worst :
			    isnan(d) ? INFINITY : d;
	}
	cmsDeleteTransform(xf);
	cmsCloseProfile(xyzp);
	free(px);
	free(lab);
	free(xyz);
	return worst;
}

static void
check_pixconv(const struct smp_image_info *in, const char *given,
    cmsHPROFILE p, const char *name, struct tally *t)
{
	struct smp_pixconv	*pc;
	struct smp_err		 e = SMP_ERR_INIT;
	double			 w;

	if (smp_pixconv_new(in, given, NULL, 0, SMP_WHITE_D50, &pc, &e) == -1)
		return;		/* refused alike; the CLI tests say how */
	w = worst_against_lcms(pc, p, in->model == SMP_CM_GREY ? 1 : 3);
	t->profiles++;
	t->tabled += smp_pixconv_tabled(pc);
	if (w > t->worst)
		t->worst = w;
	if (!(w < LIMIT))
		fail_msg("%s: worst CIEDE2000 %g from lcms2 (%s)", name, w,
		    smp_pixconv_tabled(pc) ? "tables" : "lcms2");
	smp_pixconv_free(pc);
}

static void
check_file(const char *path, struct tally *t)
{
	struct smp_image_info	in = { 0 };
	cmsHPROFILE		p = cmsOpenProfileFromFile(path, "r");

	if (p == NULL)
		return;
	if (cmsGetColorSpace(p) == cmsSigRgbData ||
	    cmsGetColorSpace(p) == cmsSigGrayData) {
		in.model = cmsGetColorSpace(p) == cmsSigRgbData ?
		    SMP_CM_RGB : SMP_CM_GREY;
		in.bits = 16;
		check_pixconv(&in, path, p, path, t);
	}
	cmsCloseProfile(p);
}

static void
test_shared_profiles(void **state)
{
	const char	*dir = getenv("SMP_SHARED");
	char		 sub[4096], path[8192];
	DIR		*top, *d;
	struct dirent	*a, *b;
	struct tally	 t = { 0, 0, 0 };

	(void)state;
	if (dir == NULL)
		skip();
	snprintf(sub, sizeof sub, "%s/icc", dir);
	if ((top = opendir(sub)) == NULL)
		skip();
	cmsSetLogErrorHandler(NULL);
	while ((a = readdir(top)) != NULL) {
		if (a->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof sub, "%s/icc/%s", dir, a->d_name);
		if ((d = opendir(sub)) == NULL)
			continue;
		while ((b = readdir(d)) != NULL) {
			size_t	n = strlen(b->d_name);

			if (n > 4 && (strcmp(b->d_name + n - 4, ".icc") == 0 ||
			    strcmp(b->d_name + n - 4, ".icm") == 0)) {
				snprintf(path, sizeof path, "%s/%s", sub,
				    b->d_name);
				check_file(path, &t);
			}
		}
		closedir(d);
	}
	closedir(top);
	print_message("%d profiles, %d through tables, worst CIEDE2000 %.2g\n",
	    t.profiles, t.tabled, t.worst);
	/* The shared set holds some twenty matrix/TRC profiles (sRGB,
	 * Adobe, P3, Rec. 2020, ProPhoto in v2 and v4, grey). */
	assert_true(t.tabled >= 15);
	assert_true(t.profiles > t.tabled);	/* and LUT ones */
}

/* What an untagged image and a PNG's gAMA + cHRM get. */
static void
test_builtin_profiles(void **state)
{
	struct smp_image_info	 in = { 0 };
	cmsCIExyY		 d65 = { 0.3127, 0.3290, 1 };
	cmsCIExyYTRIPLE		 prim = { { 0.64, 0.33, 1 },
				    { 0.21, 0.71, 1 }, { 0.15, 0.06, 1 } };
	cmsToneCurve		*tc[3];
	cmsHPROFILE		 p;
	struct tally		 t = { 0, 0, 0 };

	(void)state;
	in.model = SMP_CM_RGB;
	in.bits = 16;
	p = cmsCreate_sRGBProfile();
	check_pixconv(&in, NULL, p, "assumed sRGB", &t);
	cmsCloseProfile(p);

	in.has_gama = in.has_chrm = 1;
	in.gama = 1 / 1.8;
	memcpy(in.chrm, (double[8]){ 0.3127, 0.3290, 0.64, 0.33, 0.21, 0.71,
	    0.15, 0.06 }, sizeof in.chrm);
	tc[0] = tc[1] = tc[2] = cmsBuildGamma(NULL, 1.8);
	p = cmsCreateRGBProfile(&d65, &prim, tc);
	check_pixconv(&in, NULL, p, "gAMA 1/1.8 + cHRM", &t);
	cmsCloseProfile(p);

	in.model = SMP_CM_GREY;
	in.has_chrm = 0;
	p = cmsCreateGrayProfile(&d65, tc[0]);
	check_pixconv(&in, NULL, p, "grey gAMA 1/1.8", &t);
	cmsCloseProfile(p);
	cmsFreeToneCurve(tc[0]);
	assert_int_equal(t.profiles, 3);
	assert_int_equal(t.tabled, 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shared_profiles),
		cmocka_unit_test(test_builtin_profiles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
