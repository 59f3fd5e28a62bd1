/*
 * tally.c: the colours of a region with the number of pixels of each, in
 * memory proportional to the colours rather than the pixels.  A colour is
 * counted by its device value (a pixel's samples packed into 64 bits) in
 * an open-addressed table, at most half full, one memory access a pixel;
 * when the region is complete, smp_tally_colours packs the table and has
 * each distinct value converted to Lab once, in place.
 *
 * A region whose pixels are mostly distinct (a 16-bit photo's noise) does
 * not pay 32 bytes a pixel: once TALLY_LIST_MIN pixels are in and more
 * than half of them were new values, the table is packed into a list and
 * every later pixel appended to it as a value of its own (16 bytes; a run
 * of one value still one entry).  The statistics weigh the same pixels
 * either way.
 *
 * A table for a large region misses the cache on every pixel.  Such a
 * region keeps its recent values beside it: 2^16 slots, one per hash of
 * the value, each a word of value << 16 | count, 512 KiB that the L2
 * holds.  A pixel whose value is in its slot is counted there; any other
 * gives the slot's count up to the table and takes the slot.  24 of 25
 * pixels of a 24 MP photo are counted there (2^14 slots: 10 of 11, and
 * the 16-bit PNG of it took 13 % longer; 2^15 and 2^17 were no better,
 * 2^18 much worse).
 * The colours and their counts are the same.  A value of more than three
 * samples (CMYK) does not fit a word and always goes to the table.  Since
 * the table sees so few pixels, it may be three quarters full: the
 * 16-bit PNG's table is 8 MiB instead of 16, and the region takes 4 %
 * less time.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "smp.h"
#include "smp-internal.h"

#define TALLY_MIN	2
#define TALLY_LIST_MIN	65536
#define TALLY_HUGE	((size_t)2 << 20)
/* The recent values of a region of TALLY_RECENT_MIN pixels and more:
 * words of a value below 2^48 and its count, at most RECENT_COUNT. */
#define TALLY_RECENT_BITS	16
#define TALLY_RECENT_SIZE	((size_t)1 << TALLY_RECENT_BITS)
#define TALLY_RECENT_MIN	((size_t)1 << 20)
#define RECENT_COUNT		0xffffu
/* The values a region's recent slots gave up, on their way to the table:
 * each one's home there is fetched when it is given up and counted
 * TALLY_PEND later, so that the table's cache misses overlap instead of
 * following one another (885 K of the 16-bit PNG's 24 M pixels give a
 * value up).  A count without a branch on the slot, its values put 64
 * at a time, was 30 ms slower there.  They follow the recent words in
 * the same allocation. */
#define TALLY_PEND	16
#define TALLY_PEND_MASK	(TALLY_PEND - 1)

#define slot	smp__tally_slot

/* The home slot of key in a table of 1 << bits: the high bits of a
 * multiplicative hash. */
static size_t
tally_home(uint64_t key, int bits)
{
	key ^= key >> 31;
	return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> (64 - bits));
}

/* A zeroed table of size slots, zeroed by writing: a table is read at
 * random before it is written, so a calloc'd one fresh from the system
 * faults twice a page (the read maps the zero page, the first write
 * copies it).  A large one is asked for huge pages: fewer TLB misses on
 * its random accesses, and one page fault in 2 MiB instead of 512. */
static struct slot *
tally_alloc(size_t size)
{
	size_t	bytes = size * sizeof(struct slot);
	void	*p;

	if (bytes < TALLY_HUGE)
		p = malloc(bytes);
	else if (posix_memalign(&p, TALLY_HUGE, bytes) != 0)
		p = NULL;
#ifdef MADV_HUGEPAGE
	else
		(void)madvise(p, bytes, MADV_HUGEPAGE);	/* advice only */
#endif
	if (p != NULL)
		memset(p, 0, bytes);
	return p;
}

typedef char tally_slot_is_a_colour[sizeof(struct slot) ==
    sizeof(struct smp_colour) ? 1 : -1];

size_t
smp_tally_bytes(size_t size)
{
	return size * sizeof(struct slot);
}

static int
tally_bits(size_t size)
{
	int	bits = 1;

	while (((size_t)1 << bits) < size)
		bits++;
	return bits;
}

/* The slot of key: its own, or the empty one where it goes. */
static struct slot *
tally_slot(struct slot *tab, size_t size, int bits, uint64_t key)
{
	size_t	mask = size - 1, h;

	for (h = tally_home(key, bits); tab[h].n != 0 && tab[h].key != key;
	    h = (h + 1) & mask)
		;
	return &tab[h];
}

/* No more up front than a region's pixels would take at 12 bytes each,
 * and at most 8 KiB: the table grows as colours come. */
static size_t
tally_first(size_t pixels)
{
	size_t	size = TALLY_MIN;

	while (2 * size * sizeof(struct slot) <= 12 * pixels && size < 512)
		size *= 2;
	return size;
}

static size_t
tally_recent_bytes(size_t pixels)
{
	return pixels >= TALLY_RECENT_MIN ? TALLY_RECENT_SIZE *
	    sizeof(uint64_t) + TALLY_PEND * sizeof(struct slot) : 0;
}

size_t
smp_tally_init_bytes(size_t pixels)
{
	return smp_tally_bytes(tally_first(pixels)) + tally_recent_bytes(pixels);
}

int
smp_tally_init(struct smp_tally *t, size_t pixels)
{
	size_t	size = tally_first(pixels), rb = tally_recent_bytes(pixels);

	memset(t, 0, sizeof *t);
	if ((t->tab = tally_alloc(size)) == NULL)
		return -1;
	t->size = size;
	t->bits = tally_bits(size);
	if (rb > 0 && (t->recent = malloc(rb)) == NULL) {
		smp_tally_free(t);
		return -1;
	}
	if (rb > 0) {	/* written before it is read, as tally_alloc's */
		memset(t->recent, 0, rb);
		t->pend = (struct slot *)(t->recent + TALLY_RECENT_SIZE);
	}
	return 0;
}

int
smp_tally_sorted_init(struct smp_tally *t, size_t pixels)
{
	if (smp_tally_init(t, pixels) == -1)
		return -1;
	free(t->recent);	/* the chunk does that work */
	t->recent = NULL;
	t->pend = NULL;
	t->list = 1;
	t->last = SIZE_MAX;
	t->sorted = 1;
	smp__tally_sort_setup(t, pixels);
	return 0;
}

/* Is the table too full for one more value? */
static int
tally_full(const struct smp_tally *t)
{
	return t->recent != NULL ? 4 * (t->n + 1) > 3 * t->size :
	    2 * (t->n + 1) > t->size;
}

/* How many recent values wait for the table. */
static size_t
tally_recent_used(const struct smp_tally *t)
{
	size_t	i, n = 0;

	if (t->recent != NULL)
		for (i = 0; i < TALLY_RECENT_SIZE; i++)
			n += (t->recent[i] & RECENT_COUNT) != 0;
	return n + t->npend;
}

/* The entries of a table turned into a list: its values, the recent
 * ones, and at least the table's own. */
static size_t
tally_list_need(const struct smp_tally *t)
{
	size_t	need = t->n + tally_recent_used(t);

	return need > t->size ? need : t->size;
}

/* Does the next growth turn the table into a list? */
static int
tally_to_list(const struct smp_tally *t)
{
	return !t->list && t->pixels >= TALLY_LIST_MIN && 2 * t->n > t->pixels;
}

/* The entries of a grown table or list: twice as many, or for a sorted
 * tally as many more as will take the runs of its chunk. */
static size_t
tally_grown(const struct smp_tally *t)
{
	size_t	size = 2 * t->size;

	while (t->sorted && size < t->n + t->runs)
		size *= 2;
	return size;
}

size_t
smp_tally_grow_bytes(const struct smp_tally *t, size_t *after)
{
	if (t->sorted && t->codes == NULL) {	/* its chunk */
		*after = smp__tally_sort_bytes(t);
		return *after;
	}
	if (tally_to_list(t)) {		/* extended, if at all */
		*after = smp_tally_bytes(tally_list_need(t) - t->size);
		return *after;
	}
	/* A table is rebuilt beside the old one; a list is extended. */
	*after = smp_tally_bytes(tally_grown(t) - t->size);
	return t->list ? *after : smp_tally_bytes(2 * t->size);
}

/* Move the used slots to the front, in table order. */
static void
tally_pack(struct smp_tally *t)
{
	struct slot	*tab = t->tab;
	size_t		 i, k;

	if (t->list)
		return;
	for (i = 0, k = 0; i < t->size; i++)
		if (tab[i].n != 0)
			tab[k++] = tab[i];
	t->last = SIZE_MAX;
}

int
smp_tally_grow(struct smp_tally *t)
{
	struct slot	*tab, *old = t->tab, *o;
	size_t		 size = tally_grown(t), i;
	int		 bits = tally_bits(size);

	if (t->sorted && t->codes == NULL)
		return smp__tally_sort_alloc(t);
	if (size > SIZE_MAX / sizeof *tab / 2)
		return -1;
	/* A quarter of it is room at least, and more if the recent values
	 * need it. */
	if (tally_to_list(t)) {
		size_t	need = tally_list_need(t);

		tally_pack(t);
		if (need > t->size) {
			if ((tab = realloc(t->tab, need * sizeof *tab)) == NULL)
				return -1;
			t->tab = tab;
			t->size = need;
		}
		t->list = 1;
		t->last = t->n - 1;
		return smp_tally_flush(t) == 0 ? 0 : -1;
	}
	if (t->list) {
		if ((tab = realloc(t->tab, size * sizeof *tab)) == NULL)
			return -1;
		t->tab = tab;
		t->size = size;
		return 0;
	}
	if ((tab = tally_alloc(size)) == NULL)
		return -1;
	for (i = 0; i < t->size; i++)
		if (old[i].n != 0) {
			o = tally_slot(tab, size, bits, old[i].key);
			*o = old[i];
		}
	free(old);
	t->tab = tab;
	t->size = size;
	t->bits = bits;
	t->last = SIZE_MAX;
	return 0;
}

/* Count n pixels of key; 1 when it is a new value and the table full. */
static inline int
tally_put(struct smp_tally *t, struct slot *tab, uint64_t key, uint32_t n)
{
	struct slot	*s;

	if (!t->list) {
		/* The probe itself is cheaper than a guess at the last
		 * value, which a textured photo makes a coin toss. */
		if ((s = tally_slot(tab, t->size, t->bits, key))->n == 0) {
			if (tally_full(t))
				return 1;
			s->key = key;
			t->n++;
		}
	} else if (t->last != SIZE_MAX && t->n > 0 && tab[t->last].key == key)
		s = &tab[t->last];	/* a run of one value, one entry */
	else {
		if (t->n == t->size)
			return 1;
		s = &tab[t->n++];
		s->key = key;
		s->n = 0;
	}
	s->n += n;
	t->last = (size_t)(s - tab);
	return 0;
}

/* Put the oldest value given up into the table; 1 when the table is full
 * (and nothing changed). */
static inline int
tally_pend_put(struct smp_tally *t, struct slot *tab)
{
	struct slot	*p = &t->pend[t->pend0];

	if (tally_put(t, tab, p->key, p->n) != 0)
		return 1;
	t->pend0 = (t->pend0 + 1) & TALLY_PEND_MASK;
	t->npend--;
	return 0;
}

/* Give up recent word w: its value waits for the table, whose home slot
 * for it is fetched now. */
static inline int
tally_pend(struct smp_tally *t, struct slot *tab, uint64_t w)
{
	struct slot	*p;

	if (t->npend == TALLY_PEND && tally_pend_put(t, tab) != 0)
		return 1;
	p = &t->pend[(t->pend0 + t->npend) & TALLY_PEND_MASK];
	p->key = w >> 16;
	p->n = (uint32_t)(w & RECENT_COUNT);
#ifdef __GNUC__
	__builtin_prefetch(&tab[tally_home(p->key, t->bits)], 1);
#endif
	t->npend++;
	return 0;
}

/* Count one pixel of key, in the recent values if there are any (the
 * caller counts it in t->pixels): a value that is not in its word there,
 * or whose count is full, gives the word up first.  An empty word is
 * value 0 counted 0 times.  recent and tab are t's, passed so that a
 * loop keeps them in registers. */
static inline int
tally_add(struct smp_tally *t, struct slot *tab, uint64_t *recent,
    uint64_t key)
{
	uint64_t	*r;

	if (recent == NULL || key >> 48 != 0)
		return tally_put(t, tab, key, 1);
	r = &recent[tally_home(key, TALLY_RECENT_BITS)];
	if ((*r ^ key << 16) < RECENT_COUNT)
		++*r;
	else {
		if ((*r & RECENT_COUNT) != 0 && tally_pend(t, tab, *r) != 0)
			return 1;
		*r = key << 16 | 1;
	}
	return 0;
}

int
smp_tally_flush(struct smp_tally *t)
{
	uint64_t	*r;
	size_t		 i;

	if (t->sorted)
		return smp__tally_sort_flush(t);
	if (t->recent == NULL)
		return 0;
	while (t->npend > 0)
		if (tally_pend_put(t, t->tab) != 0)
			return 1;
	for (i = 0; i < TALLY_RECENT_SIZE; i++) {
		r = &t->recent[i];
		if ((*r & RECENT_COUNT) == 0)
			continue;
		if (tally_put(t, t->tab, *r >> 16,
		    (uint32_t)(*r & RECENT_COUNT)) != 0)
			return 1;
		*r = 0;
	}
	free(t->recent);
	t->recent = NULL;
	t->pend = NULL;
	return 0;
}

int
smp_tally_add(struct smp_tally *t, uint64_t key)
{
	if (t->direct != NULL) {
		smp__tally_direct_run(t, &key, 1);
		return 0;
	}
	if (t->sorted)
		return smp__tally_sort_run(t, &key, 1) == 1 ? 0 : 1;
	if (tally_add(t, t->tab, t->recent, key) != 0)
		return 1;
	t->pixels++;
	return 0;
}

size_t
smp_tally_add_run(struct smp_tally *t, const uint64_t *keys, size_t n)
{
	struct slot	*tab = t->tab;
	uint64_t	*recent = t->recent;
	size_t		 i;

	if (t->direct != NULL) {
		smp__tally_direct_run(t, keys, n);
		return n;
	}
	if (t->sorted)
		return smp__tally_sort_run(t, keys, n);
	for (i = 0; i < n; i++)
		if (tally_add(t, tab, recent, keys[i]) != 0)
			break;
	t->pixels += i;
	return i;
}

size_t
smp_tally_add_rgb16(struct smp_tally *t, const uint16_t *px, size_t n)
{
	struct slot	*tab = t->tab;
	uint64_t	*recent = t->recent;
	size_t		 i;

	for (i = 0; i < n; i++)
		if (tally_add(t, tab, recent,
		    smp__pixel_key_rgb(px + 4 * i)) != 0)
			break;
	t->pixels += i;
	return i;
}

size_t
smp_tally_add_rgba8(struct smp_tally *t, const unsigned char *px, size_t n)
{
	if (t->direct != NULL) {
		smp_tally_direct_add_rgba8(t, px, n);
		return n;
	}
	return smp__tally_sort_rgba8(t, px, n);
}

int
smp_tally_colours(struct smp_tally *t, smp_tally_convert_fn convert,
    void *arg)
{
	struct slot		*tab;
	uint64_t		 keys[SMP_TALLY_CHUNK];
	float			 lab[3 * SMP_TALLY_CHUNK];
	size_t			 i, k, m;

	if (smp_tally_direct_list(t) == -1 || smp_tally_flush(t) != 0)
		return -1;
	tab = t->tab;
	tally_pack(t);
	/* Each chunk's values are read out before its colours are written
	 * over them. */
	for (i = 0; i < t->n; i += m) {
		m = t->n - i < SMP_TALLY_CHUNK ? t->n - i : SMP_TALLY_CHUNK;
		for (k = 0; k < m; k++)
			keys[k] = tab[i + k].key;
		if (convert(arg, keys, lab, m) == -1)
			return -1;
		for (k = 0; k < m; k++)
			smp__tally_slot_colour(&tab[i + k], lab + 3 * k);
	}
	t->c = t->tab;
	return 0;
}

void
smp_tally_free(struct smp_tally *t)
{
	free(t->tab);
	free(t->recent);
	smp__tally_direct_free(t);
	smp__tally_sort_free(t);
	memset(t, 0, sizeof *t);
}
