/*
 * stats.c: per-region statistics on Lab pixels.
 *
 * robust: pixels whose L* lies further than k * s from the median L* are
 * outliers (specular highlights, stray hairs), where s = 1.4826 * MAD(L*)
 * (a consistent estimate of sigma for normal data), floored at
 * SMP_ROBUST_MIN_SIGMA so that flat synthetic patches keep their pixels.
 * Mean, median and sd are then taken over the rest.
 *
 * The pixels come as colours with counts (a region's tally, tally.c):
 * every statistic weighs a colour by its count, so that it is the one
 * of the pixels themselves, in work and memory proportional to the
 * colours.
 *
 * ci95 is the radius of a sphere containing the 95% confidence ellipsoid
 * of the mean, treating the channels as independent:
 * sqrt(chi2(0.95, 3) * max(sd_L^2, sd_a^2, sd_b^2) / n).
 */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

#define CHI2_3_95	7.814727903251178

static void
stats_swap(float *a, float *b)
{
	float	t = *a;

	*a = *b;
	*b = t;
}

/* k-th smallest (0-based) by Hoare quickselect; reorders v so that every
 * element before index k is <= v[k]. */
static float
stats_select(float *v, size_t n, size_t k)
{
	ptrdiff_t	lo = 0, hi = (ptrdiff_t)n - 1, kk = (ptrdiff_t)k;

	while (lo < hi) {
		float		pivot = v[lo + (hi - lo) / 2];
		ptrdiff_t	i = lo, j = hi;

		while (i <= j) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i <= j) {
				stats_swap(&v[i], &v[j]);
				i++;
				j--;
			}
		}
		if (kk <= j)
			hi = j;
		else if (kk >= i)
			lo = i;
		else
			break;
	}
	return v[k];
}

/* A float's bits as an unsigned key in the float's order (-0 as +0). */
static uint32_t
stats_key(float f)
{
	uint32_t	u;

	if (f == 0)
		f = 0;
	memcpy(&u, &f, sizeof u);
	return u & 0x80000000u ? ~u : u | 0x80000000u;
}

static float
stats_unkey(uint32_t u)
{
	float	f;

	u = u & 0x80000000u ? u & 0x7fffffffu : ~u;
	memcpy(&f, &u, sizeof f);
	return f;
}

/* n zeroed counters of size bytes each, zeroed by writing: calloc'd
 * memory fresh from the kernel maps its zero page on the first read and
 * replaces it on the first write, which flushes the page from every
 * processor's TLB (costly with -j workers). */
static void *
stats_counters(size_t n, size_t size)
{
	void	*p = malloc(n * size);

	if (p != NULL)
		memset(p, 0, n * size);
	return p;
}

/* The rank-k and rank-(k + 1) values (0-based) without moving v: two
 * passes of counting on the key's high and low 16 bits.  The k-th
 * smallest value is one number whatever finds it, so this gives what
 * quickselect gives, in two reads of v instead of several rounds of
 * swaps (the median of a whole photo's region: 24 M values, many equal).
 * -1 when the counters cannot be had. */
#define RADIX_MIN	32768
static int
stats_radix_pair(const float *v, size_t n, size_t k, float *out)
{
	uint32_t	*hist, *lo1, *lo2, bucket[2];
	size_t		 rank[2] = { k, k + 1 }, below, i;
	int		 j, b;

	/* Two counters for the high bits, even and odd elements, so that
	 * runs of equal neighbours do not wait on one another. */
	if ((hist = stats_counters(4 * 65536, sizeof *hist)) == NULL)
		return -1;
	lo1 = hist + 3 * 65536;
	for (i = 0; i + 1 < n; i += 2) {
		hist[stats_key(v[i]) >> 16]++;
		lo1[stats_key(v[i + 1]) >> 16]++;
	}
	if (i < n)
		hist[stats_key(v[i]) >> 16]++;
	for (b = 0; b < 65536; b++)
		hist[b] += lo1[b];
	for (j = 0; j < 2; j++) {
		for (b = 0, below = 0; below + hist[b] <= rank[j]; b++)
			below += hist[b];
		bucket[j] = (uint32_t)b;
		rank[j] -= below;
	}
	lo1 = hist + 65536;
	lo2 = hist + 2 * 65536;
	for (i = 0; i < n; i++) {
		uint32_t	key = stats_key(v[i]);

		if (key >> 16 == bucket[0])
			lo1[key & 0xffff]++;
		if (key >> 16 == bucket[1])
			lo2[key & 0xffff]++;
	}
	for (j = 0; j < 2; j++) {
		const uint32_t	*h = j ? lo2 : lo1;

		for (b = 0, below = 0; below + h[b] <= rank[j]; b++)
			below += h[b];
		out[j] = stats_unkey(bucket[j] << 16 | (uint32_t)b);
	}
	free(hist);
	return 0;
}

double
smp_stats_median(float *v, size_t n)
{
	double	hi, lo;
	float	pair[2];
	size_t	i;

	if (n == 0)
		return NAN;
	if (n >= RADIX_MIN && n <= UINT32_MAX &&
	    stats_radix_pair(v, n, n / 2 - (n % 2 == 0), pair) == 0)
		return n % 2 ? pair[0] : ((double)pair[0] + pair[1]) / 2;
	hi = stats_select(v, n, n / 2);
	if (n % 2)
		return hi;
	/* After selection everything below n/2 is <= hi: take its max. */
	lo = v[0];
	for (i = 1; i < n / 2; i++)
		if (v[i] > lo)
			lo = v[i];
	return (lo + hi) / 2;
}

/* The smallest value of v[from..n). */
static float
stats_wmin(const struct smp_wval *v, size_t from, size_t n)
{
	float	m = v[from].v;
	size_t	i;

	for (i = from + 1; i < n; i++)
		if (v[i].v < m)
			m = v[i].v;
	return m;
}

/* The weighted rank-k and rank-k+1 values (0-based) of v, k + 1 below
 * the total weight: the smallest values whose own and smaller values
 * weigh more than k and k + 1.  Three-way partitions around a middle
 * pivot, so that runs of equal values end the search at once; whatever
 * lies right of the window is larger than all in it, so rank k + 1, when
 * not the value found, is the least of what lies right of it.  Reorders
 * v; next may be NULL (rank k only). */
static float
stats_wselect(struct smp_wval *v, size_t n, uint64_t k, float *next)
{
	size_t		lo = 0, hi = n, lt, gt, i;
	uint64_t	wlt, weq;
	struct smp_wval	t;
	float		pivot;

	while (hi - lo > 1) {
		pivot = v[lo + (hi - lo) / 2].v;
		lt = i = lo, gt = hi;
		wlt = weq = 0;
		while (i < gt) {
			if (v[i].v < pivot) {
				wlt += v[i].w;
				t = v[lt], v[lt++] = v[i], v[i++] = t;
			} else if (v[i].v > pivot) {
				t = v[--gt], v[gt] = v[i], v[i] = t;
			} else {
				weq += v[i].w;
				i++;
			}
		}
		if (k < wlt)
			hi = lt;
		else if (k < wlt + weq) {
			if (next != NULL)
				*next = k + 1 < wlt + weq ? pivot :
				    stats_wmin(v, gt, n);
			return pivot;
		} else {
			k -= wlt + weq;
			lo = gt;
		}
	}
	if (next != NULL)
		*next = k + 1 < v[lo].w ? v[lo].v : stats_wmin(v, lo + 1, n);
	return v[lo].v;
}

/* The weighted rank-k value, and rank k + 1 too when next is not NULL
 * (k + 1 then below the total weight), of values in [lo, hi]: counters
 * for that range.  A value's bin is (v - lo) * bins / (hi - lo), which
 * no larger value makes smaller, so the bins are in the values' order
 * and only the one or two that hold the ranks are searched (a few
 * values).  Each pass reads v with no branch on the values, where
 * stats_wselect's partitions mispredict about one value in two: the five
 * medians of a grid tile of 24 K colours took two thirds of its
 * statistics.  For a large region the bins are finer than the 65536 of
 * the float's high bits that counted before (a 2000x2000 region's L*:
 * 1 % of its colours searched), and cost one counting pass instead of
 * two.  Values weighing 0 do not count.  -1 when the counters cannot be
 * had. */
static size_t
stats_bin(float x, float lo, double scale, size_t bins)
{
	double	d = ((double)x - lo) * scale;

	/* A value that is not a number, or infinite beside a finite lo,
	 * goes to the last bin rather than through an undefined cast. */
	return d < (double)bins ? (size_t)d : bins - 1;
}

#define WBINS_MIN	64
static int
stats_wbins(struct smp_wval *v, size_t n, float lo, float hi, uint64_t k,
    float *out, float *next)
{
	uint64_t	*hist, below, in;
	size_t		 bins, first, last, i, m, b;
	double		 scale;
	struct smp_wval	 t;
	float		 glo, ghi;

	/* Again within the bins found while they hold a sixteenth of the
	 * values or more (and fewer than before): a skewed spread would
	 * otherwise leave most values in one bin. */
	for (;;) {
		if (lo == hi) {
			*out = lo;
			if (next != NULL)
				*next = lo;
			return 0;
		}
		for (bins = 16; bins < 65536 && 8 * bins <= n; bins *= 2)
			;
		if ((hist = stats_counters(bins, sizeof *hist)) == NULL)
			return -1;
		scale = (double)bins / ((double)hi - lo);
		for (i = 0; i < n; i++)
			hist[stats_bin(v[i].v, lo, scale, bins)] += v[i].w;
		for (first = 0, below = 0; below + hist[first] <= k; first++)
			below += hist[first];
		/* Rank k + 1 is in the same bin or the next that weighs. */
		in = below + hist[first];
		for (last = first; next != NULL && in <= k + 1; )
			in += hist[++last];
		free(hist);
		glo = hi, ghi = lo;
		for (i = 0, m = 0; i < n; i++) {
			b = stats_bin(v[i].v, lo, scale, bins);
			if (v[i].w != 0 && b >= first && b <= last) {
				glo = v[i].v < glo ? v[i].v : glo;
				ghi = v[i].v > ghi ? v[i].v : ghi;
				t = v[m], v[m++] = v[i], v[i] = t;
			}
		}
		k -= below;
		if (m < WBINS_MIN || m < n / 16 || m == n)
			break;
		n = m, lo = glo, hi = ghi;
	}
	*out = stats_wselect(v, m, k, next);
	return 0;
}

/* The weighted median of v[0..n), of total weight total > 0 and values
 * in [lo, hi].  Zero is +0 whichever finds it. */
static double
stats_wmedian_of(struct smp_wval *v, size_t n, uint64_t total, float lo,
    float hi)
{
	float	pair[2];
	double	a;

	if (total % 2) {
		if (n >= WBINS_MIN && stats_wbins(v, n, lo, hi, total / 2, pair,
		    NULL) == 0)
			return pair[0] + 0.0;
		return stats_wselect(v, n, total / 2, NULL) + 0.0;
	}
	if (n >= WBINS_MIN && stats_wbins(v, n, lo, hi, total / 2 - 1,
	    &pair[1], pair) == 0)
		return ((double)pair[1] + pair[0]) / 2 + 0.0;
	a = stats_wselect(v, n, total / 2 - 1, pair);
	return (a + pair[0]) / 2 + 0.0;
}

double
smp_stats_wmedian(struct smp_wval *v, size_t n)
{
	uint64_t	total = 0;
	float		lo, hi;
	size_t		i;

	for (i = 0; i < n; i++)
		total += v[i].w;
	if (total == 0)
		return NAN;
	for (i = 1, lo = hi = v[0].v; i < n; i++) {
		lo = v[i].v < lo ? v[i].v : lo;
		hi = v[i].v > hi ? v[i].v : hi;
	}
	return stats_wmedian_of(v, n, total, lo, hi);
}

static void
stats_nan(struct smp_lab *l)
{
	l->L = l->a = l->b = NAN;
}

#define W(i)	((uint64_t)col[i].n)
#define LAB(i, c) (col[i].lab[c])

/* Channel c of the colours whose L* lies in [lo, hi] into v, weighed by
 * their pixels, and the least and largest of them into range; how many.
 * At least one colour lies there. */
static size_t
stats_fill(struct smp_wval *v, const struct smp_colour *col, size_t n,
    int c, double lo, double hi, float *range)
{
	size_t	i, k = 0;
	float	x;

	range[0] = INFINITY, range[1] = -INFINITY;
	for (i = 0; i < n; i++) {
		if (!(LAB(i, 0) >= lo && LAB(i, 0) <= hi))
			continue;
		x = LAB(i, c);
		v[k++] = (struct smp_wval){ x, (uint32_t)W(i) };
		range[0] = x < range[0] ? x : range[0];
		range[1] = x > range[1] ? x : range[1];
	}
	return k;
}

int
smp_stats_compute(const struct smp_colour *col, size_t n, enum smp_stat st,
    struct smp_stats *out, struct smp_err *e)
{
	struct smp_wval	*sc;
	double		 medL = NAN, s, lo = -INFINITY, hi = INFINITY, w;
	double		 sum[3] = { 0, 0, 0 }, m[3], ss[3] = { 0, 0, 0 };
	double		 med[3];
	float		 range[2];
	uint64_t	 used = 0, all = 0;
	size_t		 i, k, kept = 0;
	int		 c;

	memset(out, 0, sizeof *out);
	stats_nan(&out->mean);
	stats_nan(&out->median);
	stats_nan(&out->sd);
	stats_nan(&out->value);
	out->ci95 = NAN;
	for (i = 0; i < n; i++)
		all += W(i);
	if (all == 0)
		return 0;
	if ((sc = malloc(n * sizeof *sc)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory for statistics");
	if (st == SMP_STAT_ROBUST) {
		k = stats_fill(sc, col, n, 0, -INFINITY, INFINITY, range);
		medL = stats_wmedian_of(sc, k, all, range[0], range[1]);
		for (i = 0, range[1] = 0; i < n; i++) {
			sc[i] = (struct smp_wval){ (float)fabs(LAB(i, 0) - medL),
			    (uint32_t)W(i) };
			range[1] = sc[i].v > range[1] ? sc[i].v : range[1];
		}
		s = 1.4826 * stats_wmedian_of(sc, n, all, 0, range[1]);
		if (s < SMP_ROBUST_MIN_SIGMA)
			s = SMP_ROBUST_MIN_SIGMA;
		lo = medL - SMP_ROBUST_K * s;
		hi = medL + SMP_ROBUST_K * s;
	}
#define KEEP(i) (LAB(i, 0) >= lo && LAB(i, 0) <= hi)
	for (i = 0; i < n; i++) {
		if (!KEEP(i))
			continue;
		kept++;
		used += W(i);
		w = (double)W(i);
		for (c = 0; c < 3; c++)
			sum[c] += w * LAB(i, c);
	}
	for (c = 0; c < 3; c++)
		m[c] = sum[c] / (double)used;
	for (i = 0; i < n; i++) {
		if (!KEEP(i))
			continue;
		w = (double)W(i);
		for (c = 0; c < 3; c++)
			ss[c] += w * (LAB(i, c) - m[c]) *
			    (LAB(i, c) - m[c]);
	}
	for (c = 0; c < 3; c++) {
		/* Nothing left out: the values of the first median. */
		if (c == 0 && st == SMP_STAT_ROBUST && kept == n) {
			med[0] = medL;
			continue;
		}
		k = stats_fill(sc, col, n, c, lo, hi, range);
		med[c] = stats_wmedian_of(sc, k, used, range[0], range[1]);
	}
#undef KEEP
	free(sc);
	out->n = (size_t)used;
	out->n_excluded = (size_t)(all - used);
	out->mean = (struct smp_lab){ m[0], m[1], m[2] };
	out->median = (struct smp_lab){ med[0], med[1], med[2] };
	if (used > 1) {
		double	v = 0;

		out->sd.L = sqrt(ss[0] / (double)(used - 1));
		out->sd.a = sqrt(ss[1] / (double)(used - 1));
		out->sd.b = sqrt(ss[2] / (double)(used - 1));
		v = fmax(out->sd.L, fmax(out->sd.a, out->sd.b));
		out->ci95 = sqrt(CHI2_3_95 * v * v / (double)used);
	}
	out->value = st == SMP_STAT_MEDIAN ? out->median : out->mean;
	return 0;
}
