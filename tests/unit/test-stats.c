/* test-stats: medians, weighted medians, tallies, the robust rule,
 * confidence radius, separation. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"
#include "smp-internal.h"

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

/* n colours of one pixel each from n Lab triplets. */
static struct smp_colour *
colours(const float *lab, int n)
{
	struct smp_colour	*c = malloc((n + 1) * sizeof *c);
	int			 i, k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < 3; k++)
			c[i].lab[k] = lab[3 * i + k];
		c[i].n = 1;
	}
	return c;
}

static void
test_robust(void **state)
{
	struct smp_err		 e = SMP_ERR_INIT;
	struct smp_stats	 st;
	struct smp_colour	*c;
	float			 lab[3 * 100];
	int			 i;

	(void)state;
	/* 90 pixels alternating L 49/51, 10 specular at L 99. */
	for (i = 0; i < 100; i++) {
		lab[3 * i] = i < 90 ? (i % 2 ? 51 : 49) : 99;
		lab[3 * i + 1] = 10;
		lab[3 * i + 2] = i < 90 ? 20 : 0;
	}
	c = colours(lab, 100);
	assert_int_equal(smp_stats_compute(c, 100, SMP_STAT_ROBUST, &st, &e), 0);
	assert_int_equal(st.n, 90);
	assert_int_equal(st.n_excluded, 10);
	assert_true(fabs(st.value.L - 50) < 1e-9 && fabs(st.value.b - 20) < 1e-9);
	/* sd of +-1 around 50 over 90 pixels, n - 1 denominator. */
	assert_true(fabs(st.sd.L - sqrt(90.0 / 89)) < 1e-6);
	assert_true(fabs(st.ci95 - sqrt(7.814727903251178 * 90.0 / 89 / 90)) < 1e-6);
	assert_int_equal(smp_stats_compute(c, 100, SMP_STAT_MEAN, &st, &e), 0);
	assert_int_equal(st.n, 100);
	assert_true(fabs(st.value.L - (45 * 49 + 45 * 51 + 10 * 99) / 100.0) < 1e-6);
	assert_int_equal(smp_stats_compute(c, 100, SMP_STAT_MEDIAN, &st, &e), 0);
	assert_true(st.value.L == 51 && st.value.b == 20);
	assert_int_equal(smp_stats_compute(c, 0, SMP_STAT_ROBUST, &st, &e), 0);
	assert_int_equal(st.n, 0);
	assert_true(isnan(st.value.L));
	assert_int_equal(smp_stats_compute(c, 1, SMP_STAT_ROBUST, &st, &e), 0);
	assert_true(st.n == 1 && isnan(st.sd.L) && isnan(st.ci95));
	/* The same pixels as three colours with counts. */
	c[0] = (struct smp_colour){ { 49, 10, 20 }, 45 };
	c[1] = (struct smp_colour){ { 51, 10, 20 }, 45 };
	c[2] = (struct smp_colour){ { 99, 10, 0 }, 10 };
	assert_int_equal(smp_stats_compute(c, 3, SMP_STAT_ROBUST, &st, &e), 0);
	assert_true(st.n == 90 && st.n_excluded == 10);
	assert_true(fabs(st.sd.L - sqrt(90.0 / 89)) < 1e-12);
	assert_int_equal(smp_stats_compute(c, 3, SMP_STAT_MEDIAN, &st, &e), 0);
	assert_true(st.value.L == 51 && st.value.b == 20);
	free(c);
}

/* Weighted medians against the medians of the values repeated (the
 * unweighted code, by selection or by counting), both paths of each:
 * 1-300 values (selection below 64, counters from 64 on), more than
 * 32768 (the unweighted counting), some of them weighing 0, and skewed
 * values with an outlier, whose bins the counters must split again. */
static void
test_wmedian(void **state)
{
	struct smp_wval	*wv;
	float		*r;
	int		 trial, n, i, k, m;

	(void)state;
	srand(11);
	for (trial = 0; trial < 70; trial++) {
		n = trial < 50 ? 1 + rand() % 300 : trial < 60 ?
		    40000 + rand() % 3000 : 2000 + rand() % 3000;
		wv = malloc(n * sizeof *wv);
		r = malloc((size_t)n * 4 * sizeof *r);
		for (i = 0, m = 0; i < n; i++) {
			wv[i].v = trial % 2 ? (float)(rand() % 40) - 10 :
			    (float)(rand() / (RAND_MAX + 1.0) * 100);
			if (trial >= 60)	/* skewed: most near 0 */
				wv[i].v = i == 7 ? 1e6f : (float)pow(rand() /
				    (RAND_MAX + 1.0), 12 + trial % 3 * 6) * 90;
			if (i % 97 == 0)
				wv[i].v = i % 194 ? -0.0f : 0.0f;
			wv[i].w = 1 + rand() % 4;
			if (trial >= 50 && i % 13 == 0)
				wv[i].w = 0;	/* weighs nothing */
			for (k = 0; k < (int)wv[i].w; k++)
				r[m++] = wv[i].v;
		}
		assert_true(smp_stats_wmedian(wv, n) == smp_stats_median(r, m));
		free(wv);
		free(r);
	}
	wv = malloc(sizeof *wv);
	wv[0] = (struct smp_wval){ 5, 0 };
	assert_true(isnan(smp_stats_wmedian(wv, 1)));
	free(wv);
}

/* The Lab of a test key: L from its low 16 bits, a and b from the rest. */
static void
key_lab(uint64_t key, float *lab)
{
	lab[0] = (float)(key & 0xffff) / 655.35f;
	lab[1] = (float)((key >> 16) & 0xff) - 128;
	lab[2] = (float)((key >> 24) & 0xff) / 4 - 30;
}

static int
convert_keys(void *arg, const uint64_t *keys, float *lab, size_t n)
{
	size_t	i;

	(*(size_t *)arg) += n;
	for (i = 0; i < n; i++)
		key_lab(keys[i], lab + 3 * i);
	return 0;
}

static void
tally_grow(struct smp_tally *t)
{
	size_t	peak, after;

	peak = smp_tally_grow_bytes(t, &after);
	assert_true(after <= peak);
	assert_int_equal(smp_tally_grow(t), 0);
}

/* keys[0..n) (8-bit values v * 257) as 8-bit RGBA samples at px. */
static void
rgba_of_keys(unsigned char *px, const uint64_t *keys, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		px[4 * i] = (unsigned char)(keys[i] >> 32);
		px[4 * i + 1] = (unsigned char)(keys[i] >> 16);
		px[4 * i + 2] = (unsigned char)keys[i];
		px[4 * i + 3] = 255;
	}
}

/* keys[0..n) (8-bit values v * 257) as a row's 8-bit RGBA samples,
 * into direct or sorted tally t; how many it took before it must grow. */
static size_t
rgba_add(struct smp_tally *t, const uint64_t *keys, size_t n)
{
	unsigned char	*px = malloc(4 * n);

	rgba_of_keys(px, keys, n);
	n = smp_tally_add_rgba8(t, px, n);
	free(px);
	return n;
}

/* keys[0..n) (below 2^48) as a row's 16-bit RGB samples with alpha,
 * into table tally t; how many it took before it must grow. */
static size_t
rgb16_add(struct smp_tally *t, const uint64_t *keys, size_t n)
{
	uint16_t	*px = malloc(4 * n * sizeof *px);
	size_t		 i;

	for (i = 0; i < n; i++) {
		px[4 * i] = (uint16_t)(keys[i] >> 32);
		px[4 * i + 1] = (uint16_t)(keys[i] >> 16);
		px[4 * i + 2] = (uint16_t)keys[i];
		px[4 * i + 3] = 65535;
	}
	n = smp_tally_add_rgb16(t, px, n);
	free(px);
	return n;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* How many distinct values keys[0..n) holds. */
static size_t
distinct_keys(const uint64_t *keys, size_t n)
{
	uint64_t	*s = malloc(n * sizeof *s);
	size_t		 i, d = 0;

	memcpy(s, keys, n * sizeof *s);
	qsort(s, n, sizeof *s, cmp_u64);
	for (i = 0; i < n; i++)
		d += i == 0 || s[i] != s[i - 1];
	free(s);
	return d;
}

/* Count n pixels of key(i) into a fresh tally (a direct one when
 * want_list is 2, fed 8-bit RGBA samples when 3; a sorted one when 4, fed
 * samples when 5; a table fed 16-bit samples when 6), one by one (run 0)
 * or run keys at a time; their colours one by one into px; the tally's
 * statistics are theirs. */
static void
tally_check(int n, uint64_t (*key)(int), int want_list, int run)
{
	struct smp_err		 e = SMP_ERR_INIT;
	struct smp_tally	 t;
	struct smp_stats	 a, b;
	struct smp_colour	*px = malloc(n * sizeof *px);
	uint64_t		*keys = malloc(n * sizeof *keys);
	size_t			 converted = 0, k, m;
	uint64_t		 sum = 0;
	int			 i, r;

	if (want_list == 6)
		assert_int_equal(smp_tally_init(&t, (size_t)n), 0);
	else if (want_list >= 4)
		assert_int_equal(smp_tally_sorted_init(&t, (size_t)n), 0);
	else if (want_list >= 2)	/* a direct tally */
		assert_int_equal(smp_tally_direct_init(&t, (size_t)n), 0);
	else
		assert_int_equal(smp_tally_init(&t, (size_t)n), 0);
	for (i = 0; i < n; i++) {
		keys[i] = key(i);
		key_lab(keys[i], px[i].lab);
		px[i].n = 1;
	}
	for (i = 0; i < n; i += (int)m) {
		if (run == 0) {
			while ((r = smp_tally_add(&t, keys[i])) == 1)
				tally_grow(&t);
			assert_int_equal(r, 0);
			m = 1;
			continue;
		}
		k = n - i < run ? (size_t)(n - i) : (size_t)run;
		if (want_list == 3 || want_list == 5)
			m = rgba_add(&t, keys + i, k);
		else if (want_list == 6)
			m = rgb16_add(&t, keys + i, k);
		else
			m = smp_tally_add_run(&t, keys + i, k);
		assert_true(t.pixels == (uint64_t)i + m);
		if (m < k)
			tally_grow(&t);
	}
	assert_true(t.pixels == (uint64_t)n);
	while ((r = smp_tally_flush(&t)) == 1)
		tally_grow(&t);
	assert_int_equal(r, 0);
	if (want_list == 6)
		assert_true(!t.list && 4 * t.n <= 3 * t.size);
	else if (want_list >= 4) {	/* a list in key order */
		const struct smp__tally_slot *tab = t.tab;

		assert_true(t.list && t.codes == NULL && !t.sorted);
		for (k = 1; k < t.n; k++)
			assert_true(tab[k - 1].key < tab[k].key);
	} else if (want_list >= 2) {
		size_t	bound = smp_tally_direct_bound(&t);

		assert_int_equal(smp_tally_direct_list(&t), 0);
		assert_true(t.direct == NULL && t.list && t.n <= bound);
	} else
		assert_true(t.list == want_list && (t.list || 4 * t.n <= 3 * t.size));
	assert_int_equal(smp_tally_colours(&t, convert_keys, &converted), 0);
	assert_true(converted == t.n && t.n == distinct_keys(keys, (size_t)n));
	for (i = 0; i < (int)t.n; i++) {
		assert_true(t.c[i].n > 0);
		sum += t.c[i].n;
	}
	assert_true(sum == (uint64_t)n);
	assert_int_equal(smp_stats_compute(t.c, t.n, SMP_STAT_ROBUST, &a, &e), 0);
	assert_int_equal(smp_stats_compute(px, n, SMP_STAT_ROBUST, &b, &e), 0);
	assert_true(a.n == b.n && a.n_excluded == b.n_excluded);
	assert_true(a.median.L == b.median.L && a.median.a == b.median.a &&
	    a.median.b == b.median.b);
	assert_true(fabs(a.mean.L - b.mean.L) < 1e-9 &&
	    fabs(a.sd.L - b.sd.L) < 1e-9 && fabs(a.ci95 - b.ci95) < 1e-9);
	smp_tally_free(&t);
	free(keys);
	free(px);
}

/* A photo's few colours, and 16-bit noise (mostly distinct values). */
static uint64_t
few(int i)
{
	return (uint64_t)(rand() % 3000) * 21 | (uint64_t)(rand() % 5) << 16 |
	    (uint64_t)(i % 3 ? 170 : 30) << 24;
}

static uint64_t
noise(int i)
{
	return (uint64_t)(i % 150000) * 3 % 65536 | (uint64_t)(i % 7) << 16 |
	    (uint64_t)(i % 11) << 24 | (uint64_t)(i % 150000 / 21846) << 32;
}

/* 8-bit RGB values (v * 257), one of them in two pixels of three, so
 * that its 16-bit count in a direct tally wraps three times. */
static uint64_t
rgb8(int i)
{
	unsigned	r = i % 3 ? 40 : (unsigned)(i * 7) % 256;
	unsigned	g = i % 3 ? 200 : (unsigned)(i / 13) % 256;
	unsigned	b = i % 3 ? 0 : (unsigned)(i / 1000) % 256;

	return (uint64_t)(r * 257) << 32 | (uint64_t)(g * 257) << 16 | b * 257;
}

/* One value in exactly 2 * 65536 pixels (its count wraps on its last
 * pixel and stays 0), then 8-bit values of their own. */
static uint64_t
rgb8_exact(int i)
{
	return i < 131072 ? (uint64_t)(9 * 257) << 32 :
	    rgb8(i) ^ (uint64_t)257 << 16;
}

/* Colours in exactly 256, 512, 257 and 65536 pixels, near one another:
 * a direct tally's low byte carries on the last pixel of the first two,
 * its high byte wraps on the last of the fourth.  Then rgb8's. */
static uint64_t
rgb8_carry(int i)
{
	static const int	end[4] = { 256, 768, 1025, 1025 + 65536 };
	static const unsigned	rgb[4][3] = { { 1, 2, 3 }, { 1, 2, 4 },
		{ 1, 3, 3 }, { 2, 2, 3 } };
	int			c;

	for (c = 0; c < 4; c++)
		if (i < end[c])
			return (uint64_t)(rgb[c][0] * 257) << 32 |
			    (uint64_t)(rgb[c][1] * 257) << 16 | rgb[c][2] * 257;
	return rgb8(i);
}

/* A region of more than 1 Mpx (whose tally keeps recent values): 60000
 * values spread over all but its last 16384 pixels, which are new ones,
 * left in the recent values for the flush to put in a table that must
 * grow to take them. */
#define BURST_PIXELS	1200000
static uint64_t
burst(int i)
{
	uint64_t	v = i < BURST_PIXELS - 16384 ? (uint64_t)(i % 60000) * 7 :
			    1000000 + (uint64_t)i;

	return (v & 0xffff) | (v >> 16) << 32;
}

/* A large region's values as burst's, but one in 200000 pixels in a row
 * (its recent count fills three times) and every fifth pixel a value of
 * four samples, which no recent word holds. */
static uint64_t
deep(int i)
{
	if (i >= 300000 && i < 500000)
		return (uint64_t)4321 << 16;
	return i % 5 == 0 ? (uint64_t)(i % 9000 + 1) << 48 | 77 : burst(i);
}

/* A tally counts each value once, through its growth, one by one or in
 * runs, and has each converted once; its statistics are those of the
 * pixels one by one.  So does a direct tally (tally-direct.c), from
 * keys or from samples; a sorted one (tally-sort.c), whose chunks of
 * 32768 meet a colour's runs on either side of their edges (rgb8_exact's
 * 131072 pixels of one colour), whose list must take more runs than one
 * doubling makes room for (runs of 70000), and one smaller than a
 * chunk; and a large region's tally with its recent values, flushed
 * into a table or into a list (1.2 Mpx of noise: more of them than its
 * table's room, so that the list is extended), with counts beyond a
 * recent word's and values too wide for one, from keys or 16-bit
 * samples. */
static void
test_tally(void **state)
{
	(void)state;
	srand(3);
	tally_check(20000, few, 0, 0);
	tally_check(200000, noise, 1, 0);
	tally_check(20000, few, 0, 777);
	tally_check(200000, noise, 1, 4096);
	tally_check(300000, rgb8, 2, 0);
	tally_check(300000, rgb8, 2, 5000);
	tally_check(300000, rgb8, 0, 5000);
	tally_check(140000, rgb8_exact, 2, 3000);
	tally_check(300000, rgb8, 3, 5000);
	tally_check(140000, rgb8_exact, 3, 3000);
	tally_check(100000, rgb8_carry, 2, 0);
	tally_check(100000, rgb8_carry, 3, 4000);
	tally_check(300000, rgb8, 4, 0);
	tally_check(300000, rgb8, 4, 5000);
	tally_check(300000, rgb8, 5, 5000);
	tally_check(140000, rgb8_exact, 5, 70000);
	tally_check(100000, rgb8_carry, 5, 1);
	tally_check(20000, rgb8, 5, 20000);
	tally_check(BURST_PIXELS, burst, 0, 0);
	tally_check(BURST_PIXELS, burst, 0, 3000);
	tally_check(BURST_PIXELS, few, 0, 777);
	tally_check(BURST_PIXELS, noise, 1, 4096);
	tally_check(BURST_PIXELS, deep, 0, 0);
	tally_check(BURST_PIXELS, deep, 0, 5000);
	tally_check(BURST_PIXELS, burst, 6, 5000);
}

/* Sorted tallies converted together (a grid's row of tiles): each value
 * that any holds converted once, and each tally's colours those it
 * counted, with their own counts, as smp_tally_colours gives them; n
 * pixels each, merged or matched by marks. */
static void
shared_check(size_t n, int marks)
{
	enum { K = 3 };
	struct smp_tally	 t[K], alone[K], *ts[K];
	uint64_t		*keys = malloc(K * n * sizeof *keys);
	size_t			 converted = 0, single = 0, i, k;
	int			 r;

	for (k = 0; k < K; k++) {
		assert_int_equal(smp_tally_sorted_init(&t[k], n), 0);
		assert_int_equal(smp_tally_sorted_init(&alone[k], n), 0);
		/* Overlapping ranges of colours; the last tally holds the
		 * largest value, the first the smallest. */
		for (i = 0; i < n; i++)
			keys[k * n + i] = rgb8((int)(k * 20000 + i % 37000));
		for (i = 0; i < n; i++) {
			while ((r = smp_tally_add(&t[k], keys[k * n + i])) == 1)
				tally_grow(&t[k]);
			while ((r = smp_tally_add(&alone[k],
			    keys[k * n + i])) == 1)
				tally_grow(&alone[k]);
		}
		while ((r = smp_tally_flush(&t[k])) == 1)
			tally_grow(&t[k]);
		while ((r = smp_tally_flush(&alone[k])) == 1)
			tally_grow(&alone[k]);
		assert_true(t[k].ordered);
		ts[k] = &t[k];
	}
	/* Marks only for lists of many colours. */
	assert_true((smp_tally_sort_marks_bytes(ts, K) > 0) == (n > 20000));
	assert_int_equal(smp_tally_sort_colours(ts, K, marks, convert_keys,
	    &converted), 0);
	assert_true(converted == distinct_keys(keys, K * n));
	for (k = 0; k < K; k++) {
		assert_int_equal(smp_tally_colours(&alone[k], convert_keys,
		    &single), 0);
		assert_true(t[k].c != NULL && t[k].n == alone[k].n);
		assert_memory_equal(t[k].c, alone[k].c,
		    t[k].n * sizeof *t[k].c);
		smp_tally_free(&t[k]);
		smp_tally_free(&alone[k]);
	}
	assert_true(single > converted);
	free(keys);
}

static void
test_tally_shared(void **state)
{
	(void)state;
	shared_check(50000, 1);		/* by marks */
	shared_check(50000, 0);		/* merged: no room for marks */
	shared_check(5000, 1);		/* merged: few colours */
}

/* The colours of the cap first pixels of columns [x0, x1) of the w-wide
 * image keys, counted alone in a fresh direct tally and converted. */
static void
direct_alone(struct smp_tally *t, const uint64_t *keys, size_t w, size_t h,
    size_t x0, size_t x1, size_t cap)
{
	unsigned char	*px = malloc(4 * w);
	size_t		 y, n, left = cap, converted = 0;

	assert_int_equal(smp_tally_direct_init(t, cap), 0);
	for (y = 0; y < h && left > 0; y++) {
		n = x1 - x0 < left ? x1 - x0 : left;
		rgba_of_keys(px, keys + y * w + x0, n);
		smp_tally_add_rgba8(t, px, n);
		left -= n;
	}
	assert_int_equal(smp_tally_direct_list(t), 0);
	assert_int_equal(smp_tally_colours(t, convert_keys, &converted), 0);
	free(px);
}

/* An image w pixels wide and h high of key(i), held in a band (band.c):
 * its rows put in place in even rows, copied from elsewhere in odd ones.
 * Its regions, columns [0, w/3), [w/3, w) and then [0, w) up to cap
 * pixels, are taken in turn from the band's one direct tally: each list
 * is the one a fresh direct tally makes of the same pixels (stale
 * counts, carries or wraps of the region before would show), in Morton
 * order, and the three converted together (smp_tally_sort_colours, by
 * marks and by a merge) give each its own colours. */
static void
band_check(size_t w, size_t h, uint64_t (*key)(int), size_t cap)
{
	enum { K = 3 };
	struct smp_band		 b;
	struct smp_tally	 t[K], alone[K], *ts[K];
	uint64_t		*keys = malloc(w * h * sizeof *keys);
	unsigned char		*row = malloc(4 * w), *room;
	const size_t		 x0[K] = { 0, w / 3, 0 }, x1[K] = { w / 3, w, w };
	size_t			 caps[K] = { w / 3 * h, (w - w / 3) * h, cap };
	size_t			 y, k, i, converted = 0;
	int			 marks;

	for (i = 0; i < w * h; i++)
		keys[i] = key((int)i);
	for (marks = 0; marks < 2; marks++) {
		assert_int_equal(smp_band_init(&b, (uint32_t)w, (uint32_t)h,
		    w * h), 0);
		smp_band_start(&b, 7);	/* rows 7 .. 7 + h of an image */
		assert_null(smp_band_room(&b, 6));
		assert_null(smp_band_room(&b, 7 + (uint32_t)h));
		for (k = 0; k < K; k++)
			assert_int_equal(smp_band_count(&b, (uint32_t)x0[k],
			    (uint32_t)x1[k], 7, 7 + (uint32_t)h, caps[k]), 1);
		for (y = 0; y < h; y++) {
			room = smp_band_room(&b, 7 + (uint32_t)y);
			assert_non_null(room);
			rgba_of_keys(y % 2 ? row : room, keys + y * w, w);
			assert_int_equal(smp_band_put(&b, 7 + (uint32_t)y,
			    y % 2 ? row : room), 0);
			if (y % 2)	/* the band holds a copy */
				memset(row, 0x5a, 4 * w);
		}
		for (k = 0; k < K; k++) {
			assert_int_equal(smp_band_count(&b, (uint32_t)x0[k],
			    (uint32_t)x1[k], 7, 7 + (uint32_t)h, caps[k]), 0);
			assert_int_equal(smp_tally_direct_take(&b.d, &t[k]), 0);
			assert_int_equal(t[k].ordered, SMP_TALLY_MORTON);
			assert_true(t[k].pixels == caps[k]);
			direct_alone(&alone[k], keys, w, h, x0[k], x1[k],
			    caps[k]);
			ts[k] = &t[k];
		}
		assert_int_equal(smp_tally_sort_colours(ts, K, marks,
		    convert_keys, &converted), 0);
		for (k = 0; k < K; k++) {
			assert_true(t[k].c != NULL && t[k].n == alone[k].n);
			assert_memory_equal(t[k].c, alone[k].c,
			    t[k].n * sizeof *t[k].c);
			smp_tally_free(&t[k]);
			smp_tally_free(&alone[k]);
		}
		smp_band_free(&b);
	}
	free(keys);
	free(row);
}

/* Bands of few colours and of many (marks), whose regions' counts carry
 * and wrap (rgb8_carry: 65536 pixels of one colour in the first rows,
 * rgb8_exact: 131072), and a last region cut short by its cap. */
static void
test_band(void **state)
{
	(void)state;
	band_check(300, 40, rgb8, 300 * 40);
	band_check(900, 300, rgb8_carry, 900 * 300 - 1234);
	band_check(1000, 150, rgb8_exact, 1000 * 150);
	band_check(640, 480, rgb8, 100000);
}

static void
test_separate(void **state)
{
	struct smp_err	 e = SMP_ERR_INIT;
	float		*lab = malloc(3 * 1000 * sizeof *lab);
	struct smp_colour *c;
	unsigned char	 dot[1000];
	double		 t, t1;
	int		 i, n;

	(void)state;
	/* 800 skin pixels around 62, 200 dots around 40. */
	for (i = 0; i < 1000; i++) {
		lab[3 * i] = i < 800 ? 62 + (i % 7 - 3) * 0.4f : 40 + (i % 5 - 2);
		lab[3 * i + 1] = 10;
		lab[3 * i + 2] = 15;
	}
	c = colours(lab, 1000);
	assert_int_equal(smp_separate(c, 1000, dot, &t, &e), 0);
	for (i = 0, n = 0; i < 1000; i++)
		n += dot[i];
	assert_int_equal(n, 200);
	assert_true(t > 43 && t < 60);
	t1 = t;
	/* Plain skin: nothing is a dot. */
	assert_int_equal(smp_separate(c, 800, dot, &t, &e), 0);
	for (i = 0, n = 0; i < 800; i++)
		n += dot[i];
	assert_int_equal(n, 0);
	/* The same 1000 pixels as 12 colours with counts: the same line. */
	{
		struct smp_colour	w[12];
		double			t2;
		int			m = 0, j;

		for (i = 0; i < 7; i++)
			w[m++] = (struct smp_colour){ { 62 + (i - 3) * 0.4f,
			    10, 15 }, 0 };
		for (i = 0; i < 5; i++)
			w[m++] = (struct smp_colour){ { 40.0f + (i - 2), 10,
			    15 }, 0 };
		for (i = 0; i < 1000; i++)
			for (j = 0; j < m; j++)
				if (w[j].lab[0] == lab[3 * i])
					w[j].n++;
		assert_int_equal(smp_separate(w, m, dot, &t2, &e), 0);
		assert_true(fabs(t2 - t1) < 1e-12);
		for (j = 0, n = 0; j < m; j++)
			n += dot[j] ? (int)w[j].n : 0;
		assert_int_equal(n, 200);
	}
	free(c);
	free(lab);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_median),
		cmocka_unit_test(test_wmedian),
		cmocka_unit_test(test_tally),
		cmocka_unit_test(test_tally_shared),
		cmocka_unit_test(test_band),
		cmocka_unit_test(test_robust),
		cmocka_unit_test(test_separate),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
