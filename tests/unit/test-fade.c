/*
 * test-fade: calendar dates against Python's datetime (the day numbers
 * below), the one-dimensional solvers on functions with known answers, the
 * healed criterion's threshold and the UV-transmittance ramps of
 * smp-model(7), and the fading
 * model's bookkeeping: the default course heals to smp-match's load
 * 1/(1+r), the long-term loss is exp(-k t), touch-ups fall at the
 * threshold and restore the look, and the optics inversion finds the load
 * it was given.
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

#include "smp.h"

/* python3 -c 'from datetime import date; print((date(Y,M,D) -
 * date(1970,1,1)).days)' */
static const struct {
	const char	*s;
	long		 days;
} dates[] = {
	{ "1970-01-01", 0 }, { "2000-02-29", 11016 }, { "2000-03-01", 11017 },
	{ "1900-03-01", -25508 }, { "2026-11-21", 20778 },
	{ "2100-02-28", 47540 }, { "9999-12-31", 2932896 },
	{ "2024-02-29", 19782 }
};

static void
test_dates(void **state)
{
	char	buf[16];
	long	d;
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof dates / sizeof dates[0]; i++) {
		assert_int_equal(smp_date_parse(dates[i].s, &d), 0);
		assert_int_equal(d, dates[i].days);
		smp_date_format(d, buf, sizeof buf);
		assert_string_equal(buf, dates[i].s);
	}
	/* One rule: YYYY-MM-DD exactly, 1900 on (EXIF's form is exif.c's). */
	assert_int_equal(smp_date_parse("2024:02:29 10:11:12", &d), -1);
	assert_int_equal(smp_date_parse("2024-02-29T10:11:12Z", &d), -1);
	assert_int_equal(smp_date_parse("0001-01-01", &d), -1);
	assert_int_equal(smp_date_parse("1900-01-01", &d), 0);
	assert_int_equal(d, -25567);
	assert_int_equal(smp_date_parse("2023-02-29", &d), -1);
	assert_int_equal(smp_date_parse("2100-02-29", &d), -1);
	assert_int_equal(smp_date_parse("2024-13-01", &d), -1);
	assert_int_equal(smp_date_parse("2024-1-01", &d), -1);
	assert_int_equal(smp_date_parse("2024-01-01x", &d), -1);
	assert_int_equal(smp_date_parse("2024-01:01", &d), -1);
	assert_int_equal(smp_date_parse("", &d), -1);
	/* Months: the same day, or the month's last. */
	smp_date_parse("2024-01-31", &d);
	smp_date_format(smp_date_add_months(d, 1), buf, sizeof buf);
	assert_string_equal(buf, "2024-02-29");
	smp_date_format(smp_date_add_months(d, 13), buf, sizeof buf);
	assert_string_equal(buf, "2025-02-28");
	smp_date_format(smp_date_add_months(d, -2), buf, sizeof buf);
	assert_string_equal(buf, "2023-11-30");
	smp_date_format(smp_date_add_months(d, 120), buf, sizeof buf);
	assert_string_equal(buf, "2034-01-31");
}

static double
parabola(void *arg, double x)
{
	double	c = *(double *)arg;

	return (x - c) * (x - c) + 1;
}

static double
falling(void *arg, double x)
{
	(void)arg;
	return 2 - exp(x);		/* root ln 2 */
}

static void
test_solvers(void **state)
{
	double	c = 0.37, fmin, x;

	(void)state;
	x = smp_solve_min_1d(parabola, &c, -2, 3, 1e-6, 60, &fmin);
	assert_true(fabs(x - c) < 1e-5);
	assert_true(fabs(fmin - 1) < 1e-9);
	/* A minimum at the end of the bracket. */
	c = 3.5;
	x = smp_solve_min_1d(parabola, &c, -2, 3, 1e-6, 60, &fmin);
	assert_true(fabs(x - 3) < 1e-4);
	x = smp_solve_root_1d(falling, NULL, 0, 1, 3, 2 - exp(3), 1e-9, 100);
	assert_true(fabs(x - log(2)) < 1e-8);
	assert_true(falling(NULL, x) <= 0);
	/* The first crossing: scanned, refined; the start; none. */
	x = smp_solve_first_root(falling, NULL, 0, 3, 0.1, 1e-9);
	assert_true(fabs(x - log(2)) < 1e-8);
	assert_true(smp_solve_first_root(falling, NULL, 1, 3, 0.1, 1e-9) == 1);
	assert_true(isnan(smp_solve_first_root(falling, NULL, -3, 0.5, 0.1, 1e-9)));
}

static void
test_ramps(void **state)
{
	(void)state;
	assert_true(fabs(smp_fade_threshold_ita(60) - 1.8) < 1e-12);
	assert_true(fabs(smp_fade_threshold_ita(28) - 1.8) < 1e-12);
	assert_true(fabs(smp_fade_threshold_ita(-1) - 2.2) < 1e-12);
	assert_true(fabs(smp_fade_threshold_ita(-30) - 2.6) < 1e-12);
	assert_true(fabs(smp_fade_threshold_ita(-80) - 2.6) < 1e-12);
	assert_true(fabs(smp_fade_uv_transmittance(41) - 1) < 1e-12);
	assert_true(fabs(smp_fade_uv_transmittance(5.5) - 0.65) < 1e-12);
	assert_true(fabs(smp_fade_uv_transmittance(-30) - 0.3) < 1e-12);
}

static struct smp_catalogue *
catalogue(void)
{
	struct smp_catalogue	*cat;
	struct smp_err		 e = SMP_ERR_INIT;
	char			 path[4096];
	const char		*src = getenv("SMP_SRCDIR");

	snprintf(path, sizeof path, "%s/data/pigments.tsv", src ? src : ".");
	if (smp_catalogue_load(path, &cat, &e) == -1)
		fail_msg("%s", e.msg);
	return cat;
}

static void
test_model(void **state)
{
	struct smp_catalogue	*cat = catalogue();
	const struct smp_pigment *pig = smp_catalogue_find(cat, "smp-warm-black");
	struct smp_match_opts	 mo;
	struct smp_fade_opts	 o;
	struct smp_fade		 f;
	struct smp_fade_point	 p;
	struct smp_lab		 skin = { 62, 11, 16 }, dot;
	struct smp_err		 e = SMP_ERR_INIT;
	double			 c[SMP_MAX_MIX], c2[SMP_MAX_MIX], de, s;
	int			 i;

	(void)state;
	assert_non_null(pig);
	smp_match_defaults(&mo);
	smp_fade_defaults(&o);
	o.dilution = 3;
	assert_int_equal(smp_fade_init(&f, cat, pig, &skin, SMP_WHITE_D50, &mo,
	    &o, &e), 0);
	/* Healed: each component at share / (1 + r), minus the little lost
	 * during the course (at most exp(-k (t_healed - t_h))). */
	for (i = 0; i < pig->nmix; i++) {
		double	want = pig->mix[i].conc / 4;

		assert_true(f.c_healed[i] <= want + 1e-12);
		assert_true(f.c_healed[i] > want * exp(-f.k[i] * 0.12));
	}
	/* Long term: exp(-k dt) per component. */
	smp_fade_loads(&f, 2, c);
	smp_fade_loads(&f, 5, c2);
	for (i = 0; i < pig->nmix; i++)
		assert_true(fabs(c2[i] / c[i] - exp(-3 * f.k[i])) < 1e-12);
	/* The azo parts fade faster than carbon. */
	assert_true(f.k[1] > f.k[0] && f.k[2] > f.k[0]);
	smp_fade_at(&f, f.t_healed, &p);
	assert_true(p.de_dot < 1e-9 && fabs(p.load - 1) < 1e-12);
	/* The contrast criterion: due at (1 - 0.25) of the healed contrast,
	 * the CIEDE2000 lightness difference of dot and skin. */
	assert_true(fabs(f.contrast_healed - smp_delta_e_lightness(&skin,
	    &f.healed_dot)) < 1e-9);
	assert_true(fabs(f.threshold - 0.75 * f.contrast_healed) < 1e-9);
	/* Touch-ups: the first is smp_fade_touchup's; at each the dots are
	 * at the criterion just before the deposit, and after it heals they
	 * are back inside it; on both criteria. */
	for (i = 0; i < 2; i++) {
		double	first, d;
		int	n, k;

		if (i == 1) {
			o.criterion = SMP_FADE_HEALED;
			assert_int_equal(smp_fade_init(&f, cat, pig, &skin,
			    SMP_WHITE_D50, &mo, &o, &e), 0);
		}
		first = smp_fade_touchup(&f, 15);
		n = smp_fade_plan(&f, 15);
		assert_true(n >= 2);
		assert_true(fabs(f.touchup[0] - first) < 1e-9);
		for (k = 0; k < n; k++) {
			smp_fade_at(&f, f.touchup[k] - 1e-9, &p);
			d = i == 0 ? f.threshold - p.contrast : p.de_dot -
			    f.threshold;
			assert_true(fabs(d) < 1e-3);
			smp_fade_at(&f, f.touchup[k] + 0.25, &p);
			d = i == 0 ? p.contrast - f.threshold : f.threshold -
			    p.de_dot;
			assert_true(d > 0.5);
			if (k > 0)
				assert_true(f.touchup[k] > f.touchup[k - 1]);
		}
		assert_int_equal(f.ndep, o.sessions + n);
	}
	/* Inversion finds a load it rendered. */
	for (s = 0.2; s < 2; s *= 1.7) {
		for (i = 0; i < pig->nmix; i++)
			c[i] = s * f.c_healed[i];
		smp_fade_render(&f, c, &dot, NULL);
		assert_true(fabs(smp_fade_fit_invert(&f, &dot, &de) / s - 1) < 1e-3);
		assert_true(de < 1e-3);
	}
	smp_catalogue_free(cat);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_solvers),
		cmocka_unit_test(test_ramps),
		cmocka_unit_test(test_model),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
