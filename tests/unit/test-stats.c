/* test-stats: medians, the robust rule, confidence radius, separation. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>

#include "smp.h"

static int
cmp_float(const void *a, const void *b)
{
	float	x = *(const float *)a, y = *(const float *)b;

	return x < y ? -1 : x > y;
}

static void
test_median(void **state)
{
	float	v[7] = { 5, 1, 4, 2, 3, 9, 0 };
	float	w[4] = { 4, 1, 3, 2 };
	float	*r, *s;
	int	n, i, trial;

	(void)state;
	assert_true(smp_stats_median(v, 7) == 3);
	assert_true(smp_stats_median(w, 4) == 2.5);
	assert_true(isnan(smp_stats_median(v, 0)));
	/* Against sorting, on random data with many ties. */
	srand(7);
	for (trial = 0; trial < 200; trial++) {
		n = 1 + rand() % 60;
		r = malloc(n * sizeof *r);
		s = malloc(n * sizeof *s);
		for (i = 0; i < n; i++)
			r[i] = s[i] = (float)(rand() % 10);
		qsort(s, n, sizeof *s, cmp_float);
		double want = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
		assert_true(smp_stats_median(r, n) == want);
		free(r);
		free(s);
	}
	/* The counting path (32768 values and more) against sorting too:
	 * ties, negative values, both zeros, values that share the high
	 * 16 bits of their key and values that do not. */
	for (trial = 0; trial < 12; trial++) {
		n = 65536 + trial * 976 + trial % 2;	/* odd and even */
		r = malloc(n * sizeof *r);
		s = malloc(n * sizeof *s);
		for (i = 0; i < n; i++) {
			double	u = rand() / (RAND_MAX + 1.0);

			r[i] = trial % 3 == 0 ? (float)(rand() % 50) - 20 :
			    trial % 3 == 1 ? (float)(60 + u * 1e-3) :
			    (float)((u - 0.3) * 1e4);
			if (i % 101 == 0)
				r[i] = i % 202 ? -0.0f : 0.0f;
			s[i] = r[i];
		}
		qsort(s, n, sizeof *s, cmp_float);
		double want = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
		assert_true(smp_stats_median(r, n) == want);
		free(r);
		free(s);
	}
}

static void
test_robust(void **state)
{
	struct smp_err		e = SMP_ERR_INIT;
	struct smp_stats	st;
	float			lab[3 * 100];
	int			i;

	(void)state;
	/* 90 pixels alternating L 49/51, 10 specular at L 99. */
	for (i = 0; i < 100; i++) {
		lab[3 * i] = i < 90 ? (i % 2 ? 51 : 49) : 99;
		lab[3 * i + 1] = 10;
		lab[3 * i + 2] = i < 90 ? 20 : 0;
	}
	assert_int_equal(smp_stats_compute(lab, 100, SMP_STAT_ROBUST, &st, &e), 0);
	assert_int_equal(st.n, 90);
	assert_int_equal(st.n_excluded, 10);
	assert_true(fabs(st.value.L - 50) < 1e-9 && fabs(st.value.b - 20) < 1e-9);
	/* sd of +-1 around 50 over 90 pixels, n - 1 denominator. */
	assert_true(fabs(st.sd.L - sqrt(90.0 / 89)) < 1e-6);
	assert_true(fabs(st.ci95 - sqrt(7.814727903251178 * 90.0 / 89 / 90)) < 1e-6);
	assert_int_equal(smp_stats_compute(lab, 100, SMP_STAT_MEAN, &st, &e), 0);
	assert_int_equal(st.n, 100);
	assert_true(fabs(st.value.L - (45 * 49 + 45 * 51 + 10 * 99) / 100.0) < 1e-6);
	assert_int_equal(smp_stats_compute(lab, 100, SMP_STAT_MEDIAN, &st, &e), 0);
	assert_true(st.value.L == 51 && st.value.b == 20);
	assert_int_equal(smp_stats_compute(lab, 0, SMP_STAT_ROBUST, &st, &e), 0);
	assert_int_equal(st.n, 0);
	assert_true(isnan(st.value.L));
	assert_int_equal(smp_stats_compute(lab, 1, SMP_STAT_ROBUST, &st, &e), 0);
	assert_true(st.n == 1 && isnan(st.sd.L) && isnan(st.ci95));
}

static void
test_separate(void **state)
{
	struct smp_err	 e = SMP_ERR_INIT;
	float		*lab = malloc(3 * 1000 * sizeof *lab);
	unsigned char	 dot[1000];
	double		 t;
	int		 i, n;

	(void)state;
	/* 800 skin pixels around 62, 200 dots around 40. */
	for (i = 0; i < 1000; i++) {
		lab[3 * i] = i < 800 ? 62 + (i % 7 - 3) * 0.4f : 40 + (i % 5 - 2);
		lab[3 * i + 1] = 10;
		lab[3 * i + 2] = 15;
	}
	assert_int_equal(smp_separate(lab, 1000, dot, &t, &e), 0);
	for (i = 0, n = 0; i < 1000; i++)
		n += dot[i];
	assert_int_equal(n, 200);
	assert_true(t > 43 && t < 60);
	/* Plain skin: nothing is a dot. */
	assert_int_equal(smp_separate(lab, 800, dot, &t, &e), 0);
	for (i = 0, n = 0; i < 800; i++)
		n += dot[i];
	assert_int_equal(n, 0);
	free(lab);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_median),
		cmocka_unit_test(test_robust),
		cmocka_unit_test(test_separate),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
