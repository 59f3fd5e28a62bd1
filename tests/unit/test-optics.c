/*
 * test-optics: the spectral layered Kubelka-Munk model against an
 * independent implementation's numbers (a separate spectral two-flux
 * simulation, 61 bands, OMLC 1998 skin coefficients, epidermis 60 um,
 * Saunderson k1 0.03 and k2 0.5: bare skin against melanin, carbon under
 * light and dark skin, the depth and saturation series), the CIE white
 * points of the
 * spectral tables, the skin fit, the measured hair-fibre colours, the
 * smoothest reflectance, and catalogue errors with file:line.
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
#include <unistd.h>

#include "smp.h"

/* Skin of the brief's simulation (its Appendix A): f_mel as given,
 * eumelanin only, 60 um epidermis, 1 % oxygenated blood, OMLC 1998
 * scattering (2e12 nm^-4 + 2e5 nm^-1.5), a 200 um deposit; D65 Lab. */
static void
skin_lab(double f_mel, double mu550, double above_um, struct smp_lab *lab)
{
	struct smp_skin		s;
	struct smp_stack	st;
	double			add[SMP_BANDS], R[SMP_BANDS];
	int			i;

	smp_skin_defaults(&s);
	s.f_mel = f_mel;
	s.f_pheo = 0;
	s.f_blood = 0.01;
	s.sto2 = 1;
	s.d_epi = 60e-4;
	s.d_pig = 200e-4;
	s.mus500 = 2e12 / pow(500, 4) + 2e5 / pow(500, 1.5);
	s.f_ray = 2e12 / pow(500, 4) / s.mus500;
	smp_stack_init(&st, &s, above_um * 1e-4);
	for (i = 0; i < SMP_BANDS; i++)	/* carbon, Angstrom exponent 1 */
		add[i] = mu550 * 550.0 / SMP_BAND_NM(i);
	smp_stack_reflectance(&st, add, NULL, 1, R);
	smp_spectrum_lab(R, SMP_WHITE_D65, lab);
}

static void
expect_lab(double f_mel, double mu550, double above, double L, double a,
    double b)
{
	struct smp_lab	got, want = { L, a, b };
	double		de;

	skin_lab(f_mel, mu550, above, &got);
	de = smp_delta_e(SMP_DE00, &want, &got);
	printf("f_mel %.2f mu550 %g above %g: %.1f %.1f %.1f vs %.1f %.1f %.1f "
	    "dE00 %.2f\n", f_mel, mu550, above, got.L, got.a, got.b, L, a, b,
	    de);
	assert_true(de < 1.0);
}

static void
test_white_points(void **state)
{
	double	w[3], x, y;

	(void)state;
	smp_spectrum_white(SMP_WHITE_D65, w);
	x = w[0] / (w[0] + w[1] + w[2]), y = w[1] / (w[0] + w[1] + w[2]);
	assert_true(fabs(x - 0.3127) < 0.001 && fabs(y - 0.3290) < 0.001);
	smp_spectrum_white(SMP_WHITE_D50, w);
	x = w[0] / (w[0] + w[1] + w[2]), y = w[1] / (w[0] + w[1] + w[2]);
	assert_true(fabs(x - 0.3457) < 0.001 && fabs(y - 0.3585) < 0.001);
}

/* The independent simulation: bare skin against melanin fraction. */
static void
test_skin_table(void **state)
{
	(void)state;
	expect_lab(0.01, 0, 100, 69.9, 8.5, 8.9);
	expect_lab(0.02, 0, 100, 66.1, 8.9, 11.8);
	expect_lab(0.04, 0, 100, 59.7, 9.7, 15.5);
	expect_lab(0.06, 0, 100, 54.3, 10.3, 17.5);
	expect_lab(0.10, 0, 100, 45.6, 11.3, 18.7);
	expect_lab(0.15, 0, 100, 37.4, 11.9, 17.5);
	expect_lab(0.20, 0, 100, 31.1, 11.8, 15.1);
}

/* The independent simulation: the layered dot colours, and carbon
 * blue-grey on light skin, neutral to warm on dark skin. */
static void
test_carbon_table(void **state)
{
	struct smp_lab	l;

	(void)state;
	expect_lab(0.02, 10, 100, 57.5, 2.9, 3.1);
	expect_lab(0.02, 30, 100, 51.3, -1.2, -3.6);
	expect_lab(0.02, 100, 100, 47.4, -2.6, -7.4);
	expect_lab(0.06, 100, 100, 40.2, -1.9, 0.5);
	expect_lab(0.15, 100, 100, 29.1, 0.9, 5.4);
	skin_lab(0.02, 100, 100, &l);
	assert_true(l.b < 0);
	skin_lab(0.15, 100, 100, &l);
	assert_true(l.b >= 0);
}

/* The independent simulation's series: depth (L*, b*) and saturation
 * (L*). */
static void
test_depth_saturation(void **state)
{
	static const double	depth[5][3] = {
		{ 0, 36.4, -10.9 }, { 50, 42.9, -9.4 }, { 100, 47.4, -7.4 },
		{ 200, 53.1, -3.6 }, { 300, 56.7, -0.5 }
	};
	static const double	sat[6][2] = {
		{ 3, 62.7 }, { 10, 57.5 }, { 30, 51.3 }, { 50, 49.1 },
		{ 100, 47.4 }, { 300, 47.2 }
	};
	struct smp_lab		l;
	int			i;

	(void)state;
	for (i = 0; i < 5; i++) {
		skin_lab(0.02, 100, depth[i][0], &l);
		assert_true(fabs(l.L - depth[i][1]) < 1.0);
		assert_true(fabs(l.b - depth[i][2]) < 1.0);
	}
	for (i = 0; i < 6; i++) {
		skin_lab(0.02, sat[i][0], 100, &l);
		assert_true(fabs(l.L - sat[i][1]) < 1.0);
	}
}

/* A skin the model made at the prior centres, with other melanin and
 * blood, is fitted back to them. */
static void
test_skin_fit(void **state)
{
	struct smp_skin		s;
	struct smp_skin_fit	f;
	double			R[SMP_BANDS], res;
	struct smp_lab		lab;

	(void)state;
	smp_skin_defaults(&s);
	s.f_mel = 0.07, s.f_blood = 0.03;
	smp_skin_reflectance(&s, R);
	smp_spectrum_lab(R, SMP_WHITE_D50, &lab);
	res = smp_skin_fit(&lab, SMP_WHITE_D50, &s, &f);
	printf("fit %.4f: f_mel %.4f f_blood %.4f\n", res, f.s.f_mel,
	    f.s.f_blood);
	assert_true(res < 0.05);
	assert_true(fabs(f.s.f_mel / 0.07 - 1) < 0.05);
	assert_true(fabs(f.s.f_blood / 0.03 - 1) < 0.10);
}

/* The hair fibres reproduce their published colours (J Cosmet Sci
 * 2000;51(5) Tables III and IV, D65), and the smoothest reflectance of a
 * colour has that colour. */
static void
test_hair_colours(void **state)
{
	static const struct {
		enum smp_hair	h;
		struct smp_lab	lab;
	} want[] = {
		{ SMP_HAIR_BLACK, { 18.00, 0.02, -0.91 } },
		{ SMP_HAIR_DARK_BROWN, { 23.59, 3.87, 4.73 } },
	};
	static const struct smp_lab	any[] = {
		{ 50, 20, -30 }, { 90, -5, 10 }, { 5, 1, 1 }, { 62, 12, 17 }
	};
	double		R[SMP_BANDS];
	struct smp_lab	got, lighter;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		smp_hair_reflectance(want[i].h, R);
		smp_spectrum_lab(R, SMP_WHITE_D65, &got);
		printf("hair %zu: %.3f %.3f %.3f\n", i, got.L, got.a, got.b);
		assert_true(smp_delta_e(SMP_DE76, &want[i].lab, &got) < 0.01);
	}
	/* brown lies between dark brown and grey, grey is the lightest */
	smp_hair_reflectance(SMP_HAIR_BROWN, R);
	smp_spectrum_lab(R, SMP_WHITE_D65, &got);
	smp_hair_reflectance(SMP_HAIR_GREY, R);
	smp_spectrum_lab(R, SMP_WHITE_D65, &lighter);
	assert_true(got.L > 23.59 && lighter.L > got.L);
	for (i = 0; i < sizeof any / sizeof any[0]; i++) {
		assert_int_equal(smp_spectrum_smoothest(&any[i], SMP_WHITE_D50,
		    R), 0);
		smp_spectrum_lab(R, SMP_WHITE_D50, &got);
		assert_true(smp_delta_e(SMP_DE76, &any[i], &got) < 1e-6);
	}
}

static void
expect_catalogue_error(const char *body, const char *msg)
{
	char		 path[] = "/tmp/test-optics-XXXXXX";
	int		 fd = mkstemp(path);
	FILE		*fp;
	struct smp_catalogue *c = NULL;
	struct smp_err	 e = SMP_ERR_INIT;

	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	fputs(body, fp);
	fclose(fp);
	assert_int_equal(smp_catalogue_load(path, &c, &e), -1);
	assert_null(c);
	printf("%s\n", e.msg);
	assert_non_null(strstr(e.msg, path));
	assert_non_null(strstr(e.msg, msg));
	unlink(path);
}

static void
test_catalogue_errors(void **state)
{
	char	comp[4096];
	int	i, n;

	(void)state;
	n = snprintf(comp, sizeof comp, "component\tc\t0\t0.67");
	for (i = 0; i < 2 * SMP_BANDS; i++)
		n += snprintf(comp + n, sizeof comp - n, "\t1");
	snprintf(comp + n, sizeof comp - n, "\n");
	expect_catalogue_error("pigment\tx\tgeneric\tc=1\td\n",
	    ":1: not a pigment catalogue");
	expect_catalogue_error("smp-catalogue\t1\npigment\tx\tgeneric\tc=1\td\n",
	    ":2: unknown component 'c'");
	expect_catalogue_error("smp-catalogue\t1\ncomponent\tc\t0\t0.67\t1\n",
	    ":2: a component record has 5 fields");
	{
		char	bad[4200];

		snprintf(bad, sizeof bad, "smp-catalogue\t1\n%s", comp);
		memcpy(strstr(bad, "0.67\t1\t") + 5, "x", 1);
		expect_catalogue_error(bad, ":2: field 5 (mua 400 nm)");
	}
	{
		char	buf[4300];

		snprintf(buf, sizeof buf, "smp-catalogue\t1\n%s"
		    "pigment\tx\tgeneric\tc=0.7,c=0.3\td\n", comp);
		expect_catalogue_error(buf, ":3: component 'c' listed twice");
		snprintf(buf, sizeof buf, "smp-catalogue\t1\n%s"
		    "pigment\tx\tgeneric\tc=1.5\td\n", comp);
		expect_catalogue_error(buf, ":3: concentration of 'c'");
		snprintf(buf, sizeof buf, "smp-catalogue\t1\n%s"
		    "pigment\tx y\tgeneric\tc=1\td\n", comp);
		expect_catalogue_error(buf, ":3: bad pigment name");
		snprintf(buf, sizeof buf, "smp-catalogue\t1\n%s"
		    "tint\tx\tgeneric\tc=1\td\n", comp);
		expect_catalogue_error(buf, ":3: unknown record type 'tint'");
		snprintf(buf, sizeof buf, "smp-catalogue\t1\n%s", comp);
		expect_catalogue_error(buf, "no pigments");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_white_points),
		cmocka_unit_test(test_skin_table),
		cmocka_unit_test(test_carbon_table),
		cmocka_unit_test(test_depth_saturation),
		cmocka_unit_test(test_skin_fit),
		cmocka_unit_test(test_hair_colours),
		cmocka_unit_test(test_catalogue_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
