/*
 * test-color: our Delta E wrapper against Sharma, Wu & Dalal (2005)'s 34
 * CIEDE2000 pairs (from SMP_SHARED), its lightness term alone against
 * that term as Sharma et al. define it, its local metric against lcms2's
 * own dE00 for small steps, ITA classes at their boundaries,
 * CMC argument order, white-point adaptation.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lcms2.h>

#include "smp.h"
#include "smp-internal.h"

static void
test_sharma(void **state)
{
	const char	*dir = getenv("SMP_SHARED");
	char		 path[4096], line[512];
	FILE		*fp;
	int		 n = 0, id;
	struct smp_lab	 x, y;
	double		 want;

	(void)state;
	if (dir == NULL)
		skip();
	snprintf(path, sizeof path, "%s/cie2000/sharma2005_ciede2000_34pairs.csv",
	    dir);
	if ((fp = fopen(path, "r")) == NULL)
		skip();
	while (fgets(line, sizeof line, fp) != NULL) {
		if (sscanf(line, "%d,%lf,%lf,%lf,%lf,%lf,%lf,%lf", &id, &x.L,
		    &x.a, &x.b, &y.L, &y.a, &y.b, &want) != 8)
			continue;
		assert_true(fabs(smp_delta_e(SMP_DE00, &x, &y) - want) < 1e-4);
		assert_true(fabs(smp_delta_e(SMP_DE00, &y, &x) - want) < 1e-4);
		n++;
	}
	fclose(fp);
	assert_int_equal(n, 34);
}

/* Sharma, Wu & Dalal (2005) eq. 13 and 16: dL' = L2 - L1 over
 * S_L = 1 + 0.015 (L_ - 50)^2 / sqrt(20 + (L_ - 50)^2), kL = 1. */
static double
lightness_term(const struct smp_lab *x, const struct smp_lab *y)
{
	double	m = (x->L + y->L) / 2 - 50;

	return fabs(y->L - x->L) / (1 + 0.015 * m * m / sqrt(20 + m * m));
}

static void
test_lightness(void **state)
{
	static const struct smp_lab	pairs[][2] = {
		{ { 50, 2.6772, -79.7751 }, { 50, 0, -82.7485 } },
		{ { 38.9, -2.6, -5.6 }, { 62, 11, 16 } },
		{ { 44.2, 0.6, -0.3 }, { 62, 11, 16 } },
		{ { 90, 0, 0 }, { 20, 40, -60 } },
		{ { 5, 1, 1 }, { 7, -30, 30 } },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		double	want = lightness_term(&pairs[i][0], &pairs[i][1]);

		assert_true(fabs(smp_delta_e_lightness(&pairs[i][0],
		    &pairs[i][1]) - want) < 1e-4);
		assert_true(fabs(smp_delta_e_lightness(&pairs[i][1],
		    &pairs[i][0]) - want) < 1e-4);
	}
}

static void
test_ita(void **state)
{
	static const struct {
		double		 ita;
		const char	*cls;
	} t[] = {
		{ 90, "very_light" }, { 55.0001, "very_light" }, { 55, "light" },
		{ 41.0001, "light" }, { 41, "intermediate" }, { 28, "tan" },
		{ 10.5, "tan" }, { 10, "brown" }, { -29.9, "brown" },
		{ -30, "dark" }, { -90, "dark" }
	};
	struct smp_lab	l;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_string_equal(smp_ita_class(t[i].ita), t[i].cls);
	assert_string_equal(smp_ita_class(NAN), "undefined");
	/* ITA = atan((L - 50) / b): 45 degrees when L - 50 == b. */
	l = (struct smp_lab){ 60, 5, 10 };
	assert_true(fabs(smp_ita(&l) - 45) < 1e-9);
	l.b = 0;
	assert_true(isnan(smp_ita(&l)));
	l.b = -3;
	assert_true(isnan(smp_ita(&l)));
	/* MST 6 (#a07e56), D65 Lab 55.1 7.8 26.7 (rounded): ITA 10.9. */
	l = (struct smp_lab){ 55.1, 7.8, 26.7 };
	assert_true(fabs(smp_ita(&l) - 10.9) < 0.15);
	assert_string_equal(smp_ita_class(smp_ita(&l)), "tan");
}

static void
test_metrics(void **state)
{
	struct smp_lab	a = { 0, 10, 10 }, b = { 0, -10, -10 };
	struct smp_lab	p = { 50, 2.5, 0 }, q = { 58, 24, 15 };
	int		m;
	struct smp_err	e = SMP_ERR_INIT;

	(void)state;
	/* lcms2's CMC returns 0 when both L* are 0 (cmspcs.c). */
	assert_true(smp_delta_e(SMP_CMC, &a, &b) == 0);
	assert_true(smp_delta_e(SMP_DE00, &a, &b) > 20);
	/* CMC is asymmetric; the reference goes first. */
	assert_true(fabs(smp_delta_e(SMP_CMC, &p, &q) -
	    smp_delta_e(SMP_CMC, &q, &p)) > 0.1);
	assert_true(fabs(smp_delta_e(SMP_DE76, &p, &q) -
	    sqrt(64 + 21.5 * 21.5 + 225)) < 1e-9);
	assert_int_equal(smp_names_parse(&smp_names_metric, "DE94", &m, &e),
	    0);
	assert_int_equal(m, SMP_DE94);
	assert_int_equal(smp_names_parse(&smp_names_metric, "de2000", &m, &e),
	    -1);
	assert_string_equal(e.msg, "unknown metric 'de2000': expected de00, "
	    "de94, cmc or de76");
	assert_string_equal(smp_names_name(&smp_names_white, SMP_WHITE_D65),
	    "D65");
}

/* A set of flags written by smp_names_join reads back the same. */
static void
test_names_split(void **state)
{
	struct smp_err	e = SMP_ERR_INIT;
	unsigned	mask;
	char		buf[80];

	(void)state;
	smp_names_join(&smp_names_calib_flag, SMP_CALIB_FLAG_POOR_FIT |
	    SMP_CALIB_FLAG_UNEVEN_LIGHT, buf, sizeof buf);
	assert_string_equal(buf, "poor-fit,uneven-light");
	assert_int_equal(smp_names_split(&smp_names_calib_flag, buf, &mask,
	    &e), 0);
	assert_int_equal(mask, SMP_CALIB_FLAG_POOR_FIT |
	    SMP_CALIB_FLAG_UNEVEN_LIGHT);
	assert_int_equal(smp_names_split(&smp_names_calib_flag, "-", &mask,
	    &e), 0);
	assert_int_equal(mask, 0);
	assert_int_equal(smp_names_split(&smp_names_calib_flag,
	    "poor-fit,glare", &mask, &e), -1);
	assert_string_equal(e.msg, "unknown calibration flag 'glare': "
	    "expected poor-fit, poor-skin, poor-grey or uneven-light");
	assert_int_equal(smp_names_split(&smp_names_calib_flag, "poor-fit,",
	    &mask, &e), -1);
}

static void
test_adapt(void **state)
{
	struct smp_lab	w = { 100, 0, 0 }, o, back, s = { 55, 18, 22 };

	(void)state;
	/* Relative white stays white; a round trip is the identity. */
	smp_lab_adapt(&w, SMP_WHITE_D50, SMP_WHITE_D65, &o);
	assert_true(fabs(o.L - 100) < 1e-6 && fabs(o.a) < 1e-3 &&
	    fabs(o.b) < 1e-3);
	smp_lab_adapt(&s, SMP_WHITE_D50, SMP_WHITE_D65, &o);
	smp_lab_adapt(&o, SMP_WHITE_D65, SMP_WHITE_D50, &back);
	assert_true(fabs(back.L - s.L) < 1e-6 && fabs(back.a - s.a) < 1e-6 &&
	    fabs(back.b - s.b) < 1e-6);
	/* Skin a* is 0.5..1.9 higher in D50 than in D65 (Bradford). */
	assert_true(s.a - o.a > 0.5 && s.a - o.a < 1.9);
}

/* smp__lab_of_xyz is cmsXYZ2Lab within 1e-12 in L*, a* and b*, on both
 * whites, over XYZ from below the cube root's threshold (and negative,
 * which odd profiles give) to above the white; NaN stays NaN. */
static void
test_lab_of_xyz(void **state)
{
	const enum smp_white	whites[2] = { SMP_WHITE_D50, SMP_WHITE_D65 };
	cmsCIEXYZ		xyz, nan_xyz = { NAN, 0.5, 0.5 };
	cmsCIELab		ours, theirs;
	double			worst = 0;
	int			w, i, j, k;

	(void)state;
	for (w = 0; w < 2; w++) {
		const cmsCIEXYZ	*white = smp__lab_white_xyz(whites[w]);

		for (i = -2; i <= 60; i++)
			for (j = -2; j <= 60; j++)
				for (k = -2; k <= 60; k++) {
					xyz.X = i * i * i * 5e-6 + i * 1e-4;
					xyz.Y = j * j * j * 5e-6 + j * 1.3e-4;
					xyz.Z = k * k * k * 5e-6 + k * 0.7e-4;
					smp__lab_of_xyz(white, &xyz, &ours);
					cmsXYZ2Lab(white, &theirs, &xyz);
					worst = fmax(worst, fabs(ours.L - theirs.L));
					worst = fmax(worst, fabs(ours.a - theirs.a));
					worst = fmax(worst, fabs(ours.b - theirs.b));
				}
		smp__lab_of_xyz(white, &nan_xyz, &ours);
		cmsXYZ2Lab(white, &theirs, &nan_xyz);
		assert_true(isnan(ours.a) && isnan(theirs.a));
		assert_true(fabs(ours.L - theirs.L) < 1e-12 &&
		    fabs(ours.b - theirs.b) < 1e-12);
	}
	assert_true(worst < 1e-12);
}

/* smp_delta_e_metric: |U d| within 3 % of lcms2's CIEDE2000 between lab
 * and lab + d, for steps of 0.3 along the axes and the diagonals about
 * colours across Lab (skin, the chart's black and white, saturated ones);
 * and at the neutral L* 50, where Sharma et al. (2005) eq. 2-4, 10 and 13
 * give S_L = 1 and a' = 1.5 a: one unit a unit of L*, 1.5 / S_C one of
 * a*. */
static void
test_metric(void **state)
{
	static const double	at[][3] = { { 50, 0, 0 }, { 37.5, 14.4, 14.9 },
		{ 65, 19, 17.5 }, { 20.5, 0, -0.5 }, { 96, -0.4, 1.8 },
		{ 52, 48, 16 }, { 30, 20, -50 }, { 70, -40, 60 }, { 8, 3, 4 } };
	double			U[3][3];
	int			i, j, k, c;

	(void)state;
	for (i = 0; i < (int)(sizeof at / sizeof at[0]); i++) {
		struct smp_lab	lab = { at[i][0], at[i][1], at[i][2] };

		smp_delta_e_metric(&lab, U);
		for (j = 1; j < 27; j++) {		/* d in {-1, 0, 1}^3 */
			double		d[3] = { j % 3 - 1, j / 3 % 3 - 1,
					    j / 9 - 1 }, n, q, got = 0, want;
			cmsCIELab	r = { lab.L, lab.a, lab.b }, s;

			if (j == 13)
				continue;		/* d = 0 */
			n = sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
			for (c = 0; c < 3; c++)
				d[c] *= 0.3 / n;
			s = (cmsCIELab){ r.L + d[0], r.a + d[1], r.b + d[2] };
			want = cmsCIE2000DeltaE(&r, &s, 1, 1, 1);
			for (c = 0; c < 3; c++) {
				for (q = 0, k = c; k < 3; k++)
					q += U[c][k] * d[k];
				got += q * q;
			}
			got = sqrt(got);
			if (fabs(got - want) > 0.03 * want)
				fail_msg("at %g %g %g, d %g %g %g: |U d| %g, "
				    "dE00 %g", lab.L, lab.a, lab.b, d[0], d[1],
				    d[2], got, want);
		}
		if (i == 0) {
			assert_true(fabs(U[0][0] - 1) < 1e-3);
			/* its steps of h = 0.5 along a*: a' = 1.5 h, so
			 * C' bar = 0.75 h = 0.375 in S_C = 1 + 0.045 C' bar */
			assert_true(fabs(hypot(U[0][1], U[1][1]) - 1.5 /
			    (1 + 0.045 * 0.375)) < 1e-3);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sharma),
		cmocka_unit_test(test_lightness),
		cmocka_unit_test(test_metric),
		cmocka_unit_test(test_ita),
		cmocka_unit_test(test_metrics),
		cmocka_unit_test(test_adapt),
		cmocka_unit_test(test_lab_of_xyz),
		cmocka_unit_test(test_names_split),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
