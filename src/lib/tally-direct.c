/*
 * tally-direct.c: a large region of an 8-bit RGB image counted in an
 * array with a 16-bit count for every one of the 2^24 colours, instead
 * of tally.c's table.  The table is a hash: every pixel lands somewhere
 * at random in many megabytes.  The array is indexed in Morton order
 * (the three channels' bits interleaved), so that colours a few levels
 * apart, which neighbouring pixels have, share a cache line: a 24 MP
 * photo counts in half the time.  It costs 32 MiB whatever the region
 * holds, so only regions of SMP_TALLY_DIRECT_MIN pixels and more use it.
 *
 * A count that wraps past 65535 leaves the colour's index in a list of
 * wraps, at most one per 65536 pixels.  The distinct colours are
 * counted as they come; when the region is complete, smp_tally_direct_list
 * makes their list in Morton order, as tally.c's list, with one scan of
 * the array, and frees it (smp_tally_colours does it if need be).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "smp.h"
#include "smp-internal.h"

#define DIRECT_SIZE	((size_t)1 << 24)
#define DIRECT_HUGE	((size_t)2 << 20)

/* The Morton position of 8-bit value v in channel c of three. */
static uint32_t
morton_spread(unsigned v, int c)
{
	uint32_t	m = 0;
	int		b;

	for (b = 0; b < 8; b++)
		if (v >> b & 1)
			m |= (uint32_t)1 << (3 * b + c);
	return m;
}

size_t
smp_tally_direct_bytes(size_t pixels)
{
	return DIRECT_SIZE * sizeof(uint16_t) + 3 * 256 * sizeof(uint32_t) +
	    (pixels / 65536 + 1) * sizeof(uint32_t);
}

int
smp_tally_direct_init(struct smp_tally *t, size_t pixels)
{
	size_t	bytes = DIRECT_SIZE * sizeof *t->direct;
	void	*p;
	int	c;
	unsigned v;

	memset(t, 0, sizeof *t);
	if (posix_memalign(&p, DIRECT_HUGE, bytes) != 0)
		return -1;
#ifdef MADV_HUGEPAGE
	(void)madvise(p, bytes, MADV_HUGEPAGE);	/* advice only */
#endif
	memset(p, 0, bytes);
	t->direct = p;
	t->capwraps = pixels / 65536 + 1;
	if ((t->wraps = malloc(t->capwraps * sizeof *t->wraps)) == NULL ||
	    (t->morton = malloc(3 * sizeof *t->morton)) == NULL) {
		free(t->direct);
		free(t->wraps);
		memset(t, 0, sizeof *t);
		return -1;
	}
	/* Keys hold 8-bit values as v * 257, the first channel highest. */
	for (c = 0; c < 3; c++)
		for (v = 0; v < 256; v++)
			t->morton[c][v] = morton_spread(v, 2 - c);
	return 0;
}

static inline uint32_t
direct_index(const struct smp_tally *t, uint64_t key)
{
	return t->morton[0][key >> 40 & 0xff] | t->morton[1][key >> 24 & 0xff] |
	    t->morton[2][key >> 8 & 0xff];
}

/* Count keys[0..n); the caller holds n to what the region can take, for
 * which the wraps were sized. */
void
smp__tally_direct_run(struct smp_tally *t, const uint64_t *keys, size_t n)
{
	uint16_t	*d = t->direct;
	size_t		 i, starts = 0;
	uint32_t	 k;
	unsigned	 c;

	for (i = 0; i < n; i++) {
		k = direct_index(t, keys[i]);
		c = d[k]++;
		starts += c == 0;
		if (c == 65535 && t->nwraps < t->capwraps)
			t->wraps[t->nwraps++] = k;
	}
	t->n += starts;
	t->pixels += n;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* t->n counts the counts that went from 0 to 1: a colour's first pixel,
 * and the first after each wrap but the one a colour's last pixel made
 * (its count then stays 0). */
size_t
smp_tally_direct_count(struct smp_tally *t)
{
	size_t	i, w, n = t->n;

	if (t->direct == NULL)
		return t->n;
	qsort(t->wraps, t->nwraps, sizeof *t->wraps, cmp_u32);
	for (i = 0; i < t->nwraps; i = w) {
		for (w = i; w < t->nwraps && t->wraps[w] == t->wraps[i]; w++)
			;
		n -= w - i - (t->direct[t->wraps[i]] == 0);
	}
	return n;
}

/* The key of Morton index k: each channel's bits gathered, times 257. */
static uint64_t
direct_key(uint32_t k)
{
	uint64_t	key = 0;
	unsigned	v;
	int		c, b;

	for (c = 0; c < 3; c++) {
		for (b = 0, v = 0; b < 8; b++)
			v |= (k >> (3 * b + 2 - c) & 1u) << b;
		key = key << 16 | v * 257u;
	}
	return key;
}

int
smp_tally_direct_list(struct smp_tally *t)
{
	struct smp__tally_slot	*tab;
	const uint16_t		*d = t->direct;
	size_t			 i, w, n, k = 0;

	if (d == NULL)
		return 0;
	n = smp_tally_direct_count(t);
	if ((tab = malloc(n * sizeof *tab + 1)) == NULL)
		return -1;
	for (i = 0, w = 0; i < DIRECT_SIZE; i++) {
		uint64_t	cnt = d[i];

		while (w < t->nwraps && t->wraps[w] == i)
			w++, cnt += 65536;
		if (cnt == 0)
			continue;
		tab[k].key = direct_key((uint32_t)i);
		tab[k].n = (uint32_t)cnt;
		tab[k].unused = 0;
		k++;
	}
	free(t->direct);
	free(t->wraps);
	free(t->morton);
	t->direct = NULL;
	t->wraps = NULL;
	t->morton = NULL;
	t->tab = tab;
	t->n = t->size = n;
	t->list = 1;
	return 0;
}
