/*
 * separate.c: split a region into skin and dark dots (SMP pigment or hair).
 *
 * Skin is assumed lighter than dots and hair.  Otsu's threshold on the L*
 * histogram gives a first skin class; then, until stable, the threshold is
 * T = m - max(4 s, SMP_SEP_MIN_DL), where m is the median L* of the current
 * skin class and s = 1.4826 MAD.  Pixels with L* < T are dots.  On plain
 * skin this converges to about 4 sigma below the median, so almost nothing
 * is called a dot; with dots present it sits between the two modes.
 * The pixels come as colours with counts, each weighed by its count.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

#define SEP_BINS	1001	/* L* 0..100 in steps of 0.1 */
#define SMP_SEP_MIN_DL	5.0	/* dots are at least this much darker */
#define SEP_ITER	20

#define W(i)	(col[i].n)
#define LSTAR(i)	(col[i].lab[0])

static double
separate_otsu(const struct smp_colour *col, size_t n)
{
	static const double	 w = 100.0 / (SEP_BINS - 1);
	double			*hist, total = 0, sum_all = 0, sum_b = 0, wb = 0;
	double			 best = -1, t = 50, var;
	size_t			 i;
	int			 k;

	if ((hist = calloc(SEP_BINS, sizeof *hist)) == NULL)
		return NAN;
	for (i = 0; i < n; i++) {
		double	L = LSTAR(i);

		k = L < 0 ? 0 : L > 100 ? SEP_BINS - 1 : (int)lround(L / w);
		hist[k] += W(i);
	}
	for (k = 0; k < SEP_BINS; k++) {
		total += hist[k];
		sum_all += k * hist[k];
	}
	for (k = 0; k < SEP_BINS; k++) {
		double	wf, mb, mf;

		wb += hist[k];
		if (wb == 0)
			continue;
		wf = total - wb;
		if (wf == 0)
			break;
		sum_b += k * hist[k];
		mb = sum_b / wb;
		mf = (sum_all - sum_b) / wf;
		var = wb * wf * (mb - mf) * (mb - mf);
		if (var > best) {
			best = var;
			t = (k + 0.5) * w;
		}
	}
	free(hist);
	return t;
}

int
smp_separate(const struct smp_colour *col, size_t n, unsigned char *is_dot,
    double *threshold, struct smp_err *e)
{
	struct smp_wval	*sc;
	double		 t, m, s;
	size_t		 i, k;
	int		 it;

	*threshold = NAN;
	if (n == 0)
		return 0;
	if ((sc = malloc(n * sizeof *sc)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory for --separate");
	if (isnan(t = separate_otsu(col, n))) {
		free(sc);
		return smp_errf(e, SMP_E_NOMEM, "out of memory for --separate");
	}
	for (it = 0; it < SEP_ITER; it++) {
		double	prev = t;

		for (i = 0, k = 0; i < n; i++)
			if (LSTAR(i) >= t)
				sc[k++] = (struct smp_wval){ LSTAR(i),
				    W(i) };
		if (k == 0)
			break;
		m = smp_stats_wmedian(sc, k);
		for (i = 0, k = 0; i < n; i++)
			if (LSTAR(i) >= t)
				sc[k++] = (struct smp_wval){
				    (float)fabs(LSTAR(i) - m), W(i) };
		s = 1.4826 * smp_stats_wmedian(sc, k);
		t = m - fmax(4 * s, SMP_SEP_MIN_DL);
		if (fabs(t - prev) < 1e-3)
			break;
	}
	free(sc);
	for (i = 0; i < n; i++)
		is_dot[i] = LSTAR(i) < t;
	*threshold = t;
	return 0;
}
