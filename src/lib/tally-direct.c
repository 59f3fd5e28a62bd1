/*
 * tally-direct.c: a large region of an 8-bit RGB image counted in an
 * array with a count for every one of the 2^24 colours, instead of
 * tally.c's table.  The table is a hash: every pixel lands somewhere at
 * random in many megabytes.  The array is indexed in Morton order (the
 * three channels' bits interleaved), so that colours a few levels apart,
 * which neighbouring pixels have, share a cache line: a 24 MP photo
 * counts in half the time.  The array is mapped, 32 MiB of address space
 * that the budget charges in full, but a photo's colours fill a small
 * part of the cube and only the pages they land in are ever touched.
 *
 * A count is split: its low byte in the first 16 MiB, which every pixel
 * touches, so that the region's colours take half the pages and cache
 * lines of 16-bit counts (a 2000x2000 region counts in a quarter less
 * time, with 1200 fewer page faults); its high byte in the second
 * 16 MiB, which only a colour's 256th, 512th, ... pixel touches; and a
 * count past 65535 leaves the colour's index in a list of wraps, at most
 * one per 65536 pixels.  The first pixel of a colour marks its block of
 * 64 low bytes in a bitmap, its first carry the block of high bytes in
 * another, so that the list reads only those blocks.  Only regions of
 * SMP_TALLY_DIRECT_MIN pixels and more use it.
 *
 * When the region is complete, smp_tally_direct_list makes the list of
 * its colours in Morton order, as tally.c's list, and frees the array
 * (smp_tally_colours does it if need be).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "smp.h"
#include "smp-internal.h"

#define DIRECT_SIZE	((size_t)1 << 24)
#define DIRECT_BYTES	(2 * DIRECT_SIZE)	/* low bytes, high bytes */
#define BLOCK_BITS	6	/* a block: 64 counts, a line of low bytes */
#define TOUCHED_WORDS	(DIRECT_SIZE >> BLOCK_BITS >> 6)

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
	return DIRECT_BYTES + 2 * TOUCHED_WORDS * sizeof(uint64_t) +
	    3 * 256 * sizeof(uint32_t) + (pixels / 65536 + 1) * sizeof(uint32_t);
}

/* Mapped, not allocated: the pages come zeroed from the kernel as they
 * are first touched (huge pages were slower: each costs 2 MiB of
 * zeroing).  The bitmaps are zeroed by writing, for the reason given at
 * direct_count_one. */
int
smp_tally_direct_init(struct smp_tally *t, size_t pixels)
{
	void	*p;
	int	c;
	unsigned v;

	memset(t, 0, sizeof *t);
	p = mmap(NULL, DIRECT_BYTES, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return -1;
	t->direct = p;
	t->high = t->direct + DIRECT_SIZE;
	t->capwraps = pixels / 65536 + 1;
	if ((t->wraps = malloc(t->capwraps * sizeof *t->wraps)) == NULL ||
	    (t->touched = malloc(2 * TOUCHED_WORDS * sizeof *t->touched)) ==
	    NULL || (t->morton = malloc(3 * sizeof *t->morton)) == NULL) {
		smp__tally_direct_free(t);
		return -1;
	}
	memset(t->touched, 0, 2 * TOUCHED_WORDS * sizeof *t->touched);
	t->carried = t->touched + TOUCHED_WORDS;
	/* Keys hold 8-bit values as v * 257, the first channel highest. */
	for (c = 0; c < 3; c++)
		for (v = 0; v < 256; v++)
			t->morton[c][v] = morton_spread(v, 2 - c);
	return 0;
}

void
smp__tally_direct_free(struct smp_tally *t)
{
	if (t->direct != NULL)
		(void)munmap(t->direct, DIRECT_BYTES);
	free(t->wraps);
	free(t->touched);
	free(t->morton);
	t->direct = t->high = NULL;
	t->wraps = NULL;
	t->touched = t->carried = NULL;
	t->morton = NULL;
}

static inline uint32_t
direct_index(const struct smp_tally *t, uint64_t key)
{
	return t->morton[0][key >> 40 & 0xff] | t->morton[1][key >> 24 & 0xff] |
	    t->morton[2][key >> 8 & 0xff];
}

static inline int
direct_marked(const uint64_t *bits, uint32_t b)
{
	return bits[b >> 6] >> (b & 63) & 1;
}

/* The low byte of count k went from 255 to 0: one more in its high byte,
 * and past that a wrap.  Written without a read in a block that no carry
 * has marked, as direct_count_one does. */
static void
direct_carry(struct smp_tally *t, uint32_t k)
{
	uint32_t	b = k >> BLOCK_BITS;

	if (!direct_marked(t->carried, b)) {
		t->carried[b >> 6] |= (uint64_t)1 << (b & 63);
		t->high[k] = 1;
		return;
	}
	if (t->high[k]++ == 255 && t->nwraps < t->capwraps)
		t->wraps[t->nwraps++] = k;
}

/*
 * One more pixel of colour k, counted in low bytes d with their bitmap
 * seen (t's, held by the caller: a store through a byte pointer would
 * otherwise make the compiler reload them every pixel); 1 when its low
 * byte was 0: the colour's first pixel, or the first after a carry.  The
 * count of a block no colour has marked is known to be 0 and is written
 * without being read: a read would map the kernel's zero page, and the
 * write after it would then replace that page and flush it from every
 * processor's TLB, which with -j workers costs more than the counting.
 */
static inline unsigned
direct_count_one(struct smp_tally *t, uint8_t *restrict d,
    uint64_t *restrict seen, uint32_t k)
{
	uint32_t	b = k >> BLOCK_BITS;
	uint64_t	w = seen[b >> 6], bit = (uint64_t)1 << (b & 63);
	unsigned	c;

	if (!(w & bit)) {
		seen[b >> 6] = w | bit;
		d[k] = 1;
		return 1;
	}
	c = d[k];
	d[k] = (uint8_t)(c + 1);
	if (c == 255)
		direct_carry(t, k);
	return c == 0;
}

/* Count keys[0..n); the caller holds n to what the region can take, for
 * which the wraps were sized. */
void
smp__tally_direct_run(struct smp_tally *t, const uint64_t *keys, size_t n)
{
	uint8_t		*d = t->direct;
	uint64_t	*seen = t->touched;
	size_t		 i, starts = 0;

	for (i = 0; i < n; i++)
		starts += direct_count_one(t, d, seen,
		    direct_index(t, keys[i]));
	t->n += starts;
	t->pixels += n;
}

/* The same from a row's 8-bit samples, without keys. */
void
smp_tally_direct_add_rgba8(struct smp_tally *t, const unsigned char *px,
    size_t n)
{
	const uint32_t	(*m)[256] = (const uint32_t (*)[256])t->morton;
	uint8_t		*d = t->direct;
	uint64_t	*seen = t->touched;
	size_t		 i, starts = 0;

	for (i = 0; i < n; i++, px += 4)
		starts += direct_count_one(t, d, seen, m[0][px[0]] |
		    m[1][px[1]] | m[2][px[2]]);
	t->n += starts;
	t->pixels += n;
}

/* t->n counts the low bytes that went from 0 to 1: every colour's first
 * pixel, and the first pixel after a carry, which is no new colour. */
size_t
smp_tally_direct_bound(const struct smp_tally *t)
{
	return t->n;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* Turning a Morton index back into a key, a byte at a time: u[i][v]
 * holds the channel bits that byte i of an index with value v stands for,
 * each at its place in the key (spread position c in the field 16 c up). */
void
smp__tally_direct_unmorton(smp__unmorton_t u)
{
	int		i, p;
	unsigned	v;

	/* Each value's bits: its lowest one's, and the others' (a value
	 * made already).  Once for each list, this is 768 steps. */
	for (i = 0; i < 3; i++)
		for (u[i][0] = 0, v = 1; v < 256; v++) {
			p = 8 * i + __builtin_ctz(v);
			u[i][v] = u[i][v & (v - 1)] |
			    (uint64_t)1 << (16 * (p % 3) + p / 3);
		}
}

/* The key of Morton index k: each channel's value v as v * 257, which is
 * v | v << 8 as its field holds v < 256. */
uint64_t
smp__tally_direct_key(const smp__unmorton_t u, uint32_t k)
{
	uint64_t	x = u[0][k & 0xff] | u[1][k >> 8 & 0xff] |
			    u[2][k >> 16 & 0xff];

	return x | x << 8;
}

/* A bit per nonzero byte of x, each its byte's top bit. */
static inline uint64_t
direct_nonzero(uint64_t x)
{
	const uint64_t	low7 = 0x7f7f7f7f7f7f7f7fULL;

	return (((x & low7) + low7) | x) & ~low7;
}

/* The 8 top bits of x's bytes, packed into the low byte (each moves to
 * a place of its own: no two products of the multiplication meet). */
static inline uint64_t
direct_pack8(uint64_t tops)
{
	return (tops >> 7) * 0x0102040810204080ULL >> 56;
}

/* The colours of block blk into tab[k..cap); wraps (sorted) from *w on.
 * A bit for each nonzero count of the block (the high bytes added where
 * a carry marked it) and for each wrap in it, so that its colours are
 * found in one loop: one loop for each eight counts mispredicted its
 * end about every time (a grid tile's block holds four or five
 * colours).  With reset, the block's counts are zeroed once read. */
static size_t
direct_block(struct smp_tally *t, const smp__unmorton_t u, size_t blk,
    struct smp__tally_slot *tab, size_t k, size_t cap, size_t *w, int reset)
{
	uint8_t		*lo = t->direct, *hi = t->high;
	size_t		 base = blk << BLOCK_BITS;
	size_t		 end = base + ((size_t)1 << BLOCK_BITS), i, q, ww;
	uint64_t	 eight, high, cnt, all = 0;
	int		 carried = direct_marked(t->carried, (uint32_t)blk);

	for (i = base; i < end; i += 8) {
		memcpy(&eight, lo + i, sizeof eight);
		if (carried) {
			memcpy(&high, hi + i, sizeof high);
			eight |= high;
		}
		all |= direct_pack8(direct_nonzero(eight)) << (i - base);
	}
	for (ww = *w; ww < t->nwraps && t->wraps[ww] < end; ww++)
		all |= (uint64_t)1 << (t->wraps[ww] - base);
	for (; all != 0; all &= all - 1) {
		q = base + (size_t)__builtin_ctzll(all);
		cnt = lo[q] + (carried ? (uint64_t)hi[q] << 8 : 0);
		for (; *w < t->nwraps && t->wraps[*w] == q; ++*w)
			cnt += 65536;
		if (k == cap)
			continue;
		tab[k].key = smp__tally_direct_key(u, (uint32_t)q);
		tab[k].n = (uint32_t)cnt;
		tab[k].order = (uint32_t)q;
		k++;
	}
	if (reset) {
		memset(lo + base, 0, (size_t)1 << BLOCK_BITS);
		if (carried)
			memset(hi + base, 0, (size_t)1 << BLOCK_BITS);
	}
	return k;
}

/* The colours of direct tally t into tab, for at most cap of them, in
 * Morton order; how many.  Only the blocks that a colour's first pixel
 * marked are read.  With reset, t is left empty, as from init: the
 * blocks read zeroed, their marks cleared, no wraps. */
static size_t
direct_collect(struct smp_tally *t, struct smp__tally_slot *tab, size_t cap,
    int reset)
{
	smp__unmorton_t	u;
	size_t		word, w = 0, k = 0;

	qsort(t->wraps, t->nwraps, sizeof *t->wraps, cmp_u32);
	smp__tally_direct_unmorton(u);
	for (word = 0; word < TOUCHED_WORDS; word++) {
		uint64_t	bits = t->touched[word];

		if (bits == 0)
			continue;
		for (; bits != 0; bits &= bits - 1)
			k = direct_block(t, u, word << 6 |
			    (size_t)__builtin_ctzll(bits), tab, k, cap, &w,
			    reset);
		if (reset)
			t->touched[word] = t->carried[word] = 0;
	}
	if (reset) {
		t->nwraps = 0;
		t->n = 0;
		t->pixels = 0;
	}
	return k;
}

/* A list of k entries in tab, allocated for more, given back what it
 * does not use. */
static struct smp__tally_slot *
direct_fit(struct smp__tally_slot *tab, size_t k, size_t n)
{
	struct smp__tally_slot	*fit;

	if (k < n && (fit = realloc(tab, k * sizeof *tab + 1)) != NULL)
		return fit;
	return tab;
}

/* The list is allocated for the bound. */
int
smp_tally_direct_list(struct smp_tally *t)
{
	struct smp__tally_slot	*tab;
	size_t			 n, k;

	if (t->direct == NULL)
		return 0;
	n = smp_tally_direct_bound(t);
	if ((tab = malloc(n * sizeof *tab + 1)) == NULL)
		return -1;
	k = direct_collect(t, tab, n, 0);
	smp__tally_direct_free(t);
	t->tab = direct_fit(tab, k, n);
	t->n = t->size = k;
	t->list = 1;
	return 0;
}

int
smp_tally_direct_take(struct smp_tally *d, struct smp_tally *t)
{
	struct smp__tally_slot	*tab;
	size_t			 n = smp_tally_direct_bound(d), k;
	uint64_t		 pixels = d->pixels;

	if ((tab = malloc(n * sizeof *tab + 1)) == NULL)
		return -1;
	k = direct_collect(d, tab, n, 1);
	memset(t, 0, sizeof *t);
	t->tab = direct_fit(tab, k, n);
	t->n = t->size = k;
	t->list = 1;
	t->pixels = pixels;
	t->last = SIZE_MAX;
	t->ordered = SMP_TALLY_MORTON;
	return 0;
}
