/*
 * inset.c: a small picture of a sampled region for the consultation
 * report (smp-match --report): the region's display box cut into square
 * cells of `scale` pixels, each the mean Lab of its opaque pixels and
 * marked where a pixel of the dark class (dots or follicles) fell.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

#define INSET_MAX	240	/* cells along the longer side, at most */

struct smp_inset *
smp_inset_new(uint32_t x0, uint32_t y0, uint32_t x1, uint32_t y1)
{
	struct smp_inset	*in;
	uint32_t		 side = x1 - x0 > y1 - y0 ? x1 - x0 : y1 - y0;
	size_t			 n;

	if ((in = calloc(1, sizeof *in)) == NULL)
		return NULL;
	in->x0 = x0, in->y0 = y0;
	in->scale = (side + INSET_MAX - 1) / INSET_MAX;
	if (in->scale < 1)
		in->scale = 1;
	in->w = (x1 - x0 + in->scale - 1) / in->scale;
	in->h = (y1 - y0 + in->scale - 1) / in->scale;
	n = (size_t)in->w * in->h;
	in->lab = calloc(n * 3 + 1, sizeof *in->lab);
	in->minL = malloc((n + 1) * sizeof *in->minL);
	in->count = calloc(n + 1, sizeof *in->count);
	in->dot = calloc(n + 1, 1);
	if (in->lab == NULL || in->minL == NULL || in->count == NULL ||
	    in->dot == NULL) {
		smp_inset_free(in);
		return NULL;
	}
	for (n = 0; n < (size_t)in->w * in->h; n++)
		in->minL[n] = INFINITY;
	return in;
}

void
smp_inset_add(struct smp_inset *in, uint32_t x, uint32_t y, const float *lab)
{
	size_t	k = (size_t)((y - in->y0) / in->scale) * in->w +
		    (x - in->x0) / in->scale;

	in->lab[3 * k] += lab[0];
	in->lab[3 * k + 1] += lab[1];
	in->lab[3 * k + 2] += lab[2];
	if (lab[0] < in->minL[k])
		in->minL[k] = lab[0];
	in->count[k]++;
}

/* Means per cell (NAN where no pixel), and the cells with a pixel darker
 * than threshold (NAN: none) marked. */
void
smp_inset_finish(struct smp_inset *in, double threshold)
{
	size_t	k;
	int	c;

	for (k = 0; k < (size_t)in->w * in->h; k++) {
		for (c = 0; c < 3; c++)
			in->lab[3 * k + c] = in->count[k] > 0 ?
			    in->lab[3 * k + c] / in->count[k] : NAN;
		in->dot[k] = in->count[k] > 0 && in->minL[k] < threshold;
	}
}

void
smp_inset_free(struct smp_inset *in)
{
	if (in == NULL)
		return;
	free(in->lab);
	free(in->minL);
	free(in->count);
	free(in->dot);
	free(in);
}
