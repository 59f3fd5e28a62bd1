/*
 * tally.c: the colours of a region with the number of pixels of each, in
 * memory proportional to the colours rather than the pixels.  A colour is
 * its Lab as converted: a pixel's device value decides it, so equal
 * device values meet in one entry, and two device values that convert to
 * the same Lab share one, which no statistic can tell apart.  An open-
 * addressed table of the colours themselves on their bits (one memory
 * access a pixel), at most half full; smp_tally_finish packs it.
 *
 * A region whose pixels are mostly distinct (a 16-bit photo's noise) does
 * not pay 32 bytes a pixel: once TALLY_LIST_MIN pixels are in and more
 * than half of them were new colours, the table is packed into a list and
 * every later pixel appended to it as a colour of its own (16 bytes; a
 * run of one colour still one entry).  The statistics weigh the same
 * pixels either way.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

#define TALLY_MIN	32
#define TALLY_LIST_MIN	65536

size_t
smp_tally_bytes(size_t size)
{
	return size * sizeof(struct smp_colour);
}

static int
tally_same(const struct smp_colour *c, const float *lab)
{
	return memcmp(c->lab, lab, sizeof c->lab) == 0;
}

/* The home slot of lab in a table of size entries (a power of 2): the
 * high bits of a multiplicative hash of its bits. */
static size_t
tally_home(const float *lab, int bits)
{
	uint32_t	u[3];
	uint64_t	h;

	memcpy(u, lab, sizeof u);
	h = (((uint64_t)u[0] << 32 | u[1]) ^ (uint64_t)u[2] *
	    0xC2B2AE3D27D4EB4FULL) * 0x9E3779B97F4A7C15ULL;
	return (size_t)(h >> (64 - bits));
}

static int
tally_bits(size_t size)
{
	int	bits = 1;

	while (((size_t)1 << bits) < size)
		bits++;
	return bits;
}

/* The slot of lab in a table of size entries: its own, or the empty one
 * where it goes. */
static struct smp_colour *
tally_slot(struct smp_colour *tab, size_t size, int bits, const float *lab)
{
	size_t	mask = size - 1, h;

	for (h = tally_home(lab, bits); tab[h].n != 0 &&
	    !tally_same(&tab[h], lab); h = (h + 1) & mask)
		;
	return &tab[h];
}

size_t
smp_tally_first(size_t pixels)
{
	size_t	size = TALLY_MIN;

	while (size < 2 * pixels && size < 512)
		size *= 2;
	return size;
}

int
smp_tally_init(struct smp_tally *t, size_t size)
{
	memset(t, 0, sizeof *t);
	if ((t->c = calloc(size, sizeof *t->c)) == NULL)
		return -1;
	t->size = size;
	t->bits = tally_bits(size);
	return 0;
}

/* Does the next growth turn the table into a list? */
static int
tally_to_list(const struct smp_tally *t)
{
	return !t->list && t->pixels >= TALLY_LIST_MIN && 2 * t->n > t->pixels;
}

size_t
smp_tally_grow_bytes(const struct smp_tally *t, size_t *after)
{
	if (tally_to_list(t)) {
		*after = 0;
		return 0;
	}
	/* A table is rebuilt beside the old one; a list is extended. */
	*after = smp_tally_bytes(t->size);
	return smp_tally_bytes(t->list ? t->size : 2 * t->size);
}

int
smp_tally_grow(struct smp_tally *t)
{
	struct smp_colour	*tab, *o;
	size_t			 size = 2 * t->size, i;
	int			 bits = tally_bits(size);

	if (size > SIZE_MAX / sizeof *tab / 2)
		return -1;
	if (tally_to_list(t)) {		/* half of it is room */
		smp_tally_finish(t);
		t->list = 1;
		return 0;
	}
	if (t->list) {
		if ((tab = realloc(t->c, size * sizeof *tab)) == NULL)
			return -1;
		t->c = tab;
		t->size = size;
		t->last = t->n > 0 ? &t->c[t->n - 1] : NULL;
		return 0;
	}
	if ((tab = calloc(size, sizeof *tab)) == NULL)
		return -1;
	for (i = 0; i < t->size; i++)
		if (t->c[i].n != 0) {
			o = tally_slot(tab, size, bits, t->c[i].lab);
			*o = t->c[i];
		}
	free(t->c);
	t->c = tab;
	t->size = size;
	t->bits = bits;
	t->last = NULL;
	return 0;
}

int
smp_tally_add(struct smp_tally *t, const float *lab)
{
	struct smp_colour	*c;

	/* Neighbours often share a colour: try the last one first. */
	if (t->last != NULL && tally_same(t->last, lab))
		c = t->last;
	else if (t->list) {
		if (t->n == t->size)
			return 1;
		c = &t->c[t->n++];
		memcpy(c->lab, lab, sizeof c->lab);
		c->n = 0;
	} else if ((c = tally_slot(t->c, t->size, t->bits, lab))->n == 0) {
		if (2 * (t->n + 1) > t->size)
			return 1;
		memcpy(c->lab, lab, sizeof c->lab);
		t->n++;
	}
	c->n++;
	t->pixels++;
	t->last = c;
	return 0;
}

void
smp_tally_prefetch(const struct smp_tally *t, const float *lab)
{
	if (t->c != NULL && !t->list)
		__builtin_prefetch(&t->c[tally_home(lab, t->bits)]);
}

void
smp_tally_finish(struct smp_tally *t)
{
	size_t	i, k;

	if (t->list)
		return;
	for (i = 0, k = 0; i < t->size; i++)
		if (t->c[i].n != 0)
			t->c[k++] = t->c[i];
	t->last = NULL;
}

void
smp_tally_free(struct smp_tally *t)
{
	free(t->c);
	memset(t, 0, sizeof *t);
}
