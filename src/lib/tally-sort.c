/*
 * tally-sort.c: a region of an 8-bit RGB image below a direct tally's
 * size (a grid tile above all), counted by sorting instead of in
 * tally.c's table, whose probe at random in a megabyte or more (ten or
 * twenty such tables for a grid's row of tiles) missed the cache on
 * nearly every pixel.
 *
 * A pixel's colour, 24 bits, is first counted among the recent ones:
 * slots of a colour and a count below 256, one per hash of the colour,
 * one for every 8 pixels of the region up to 2^CACHE_MAX_BITS (a tile
 * of grid:10x10 of a 24 MP photo: 64 KiB, with which it took 10 % less
 * time than with 4096 slots; of grid:20x20, twenty tiles taking turns:
 * 16 KiB).  A colour that is not in its slot, or whose count there is
 * full, moves what the slot held into a chunk, as the colour and its
 * count in one word: one word for 6 pixels of grid:10x10, for 5 of
 * grid:20x20.  A full chunk is sorted by colour (two passes of counting
 * on 12 bits each), its runs of one colour summed, and those merged
 * into the region's list, which is kept in order.
 *
 * The list holds each colour once, in order of its samples, the first
 * highest (the order of its key): memory in proportion to the colours,
 * plus a chunk of at most SORT_CHUNK words, its scratch and the recent
 * colours, allocated at the region's first pixel and freed when the
 * region is complete.  While counting, a list entry's key is the 24-bit
 * colour; the flush turns them into keys (8-bit values as v * 257).
 *
 * The lists that end on one row of an image (a grid's row of tiles) are
 * converted together, each colour once: merged, or for many colours
 * matched through a bit for each of the 2^24 colours (3 MiB, taken from
 * the budget by the caller for that while).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"
#include "smp-internal.h"

#define SORT_CHUNK	65536
#define CACHE_MIN_BITS	10
#define CACHE_MAX_BITS	14
#define DIGIT_BITS	12
#define DIGITS		((size_t)1 << DIGIT_BITS)

#define slot	smp__tally_slot

/* The chunk, its scratch and the recent colours. */
size_t
smp__tally_sort_bytes(const struct smp_tally *t)
{
	return (2 * t->chunk + ((size_t)1 << t->cache_bits)) *
	    sizeof *t->codes;
}

/* A chunk no larger than the region, and its recent colours. */
void
smp__tally_sort_setup(struct smp_tally *t, size_t pixels)
{
	t->chunk = pixels < SORT_CHUNK ? (pixels > 0 ? pixels : 1) :
	    SORT_CHUNK;
	for (t->cache_bits = CACHE_MIN_BITS; t->cache_bits < CACHE_MAX_BITS &&
	    (size_t)8 << (t->cache_bits + 1) <= pixels; t->cache_bits++)
		;
}

size_t
smp_tally_sort_chunk_bytes(const struct smp_tally *t)
{
	return t->codes != NULL ? smp__tally_sort_bytes(t) : 0;
}

int
smp__tally_sort_alloc(struct smp_tally *t)
{
	if (t->codes == NULL) {
		if ((t->codes = malloc(smp__tally_sort_bytes(t))) == NULL)
			return -1;
		t->cache = t->codes + 2 * t->chunk;
		memset(t->cache, 0, ((size_t)1 << t->cache_bits) *
		    sizeof *t->cache);
	}
	return 0;
}

/* Sort a[0..n), words of a colour (high 24 bits) and a count, by colour,
 * with tmp[0..n) as scratch: least significant digit first, each pass
 * stable. */
static void
sort_words(uint32_t *a, uint32_t *tmp, size_t n)
{
	uint32_t	lo[DIGITS], hi[DIGITS], s, c;
	size_t		i;

	memset(lo, 0, sizeof lo);
	memset(hi, 0, sizeof hi);
	for (i = 0; i < n; i++) {
		lo[a[i] >> 8 & (DIGITS - 1)]++;
		hi[a[i] >> 20]++;
	}
	for (i = 0, s = 0; i < DIGITS; i++)
		c = lo[i], lo[i] = s, s += c;
	for (i = 0, s = 0; i < DIGITS; i++)
		c = hi[i], hi[i] = s, s += c;
	for (i = 0; i < n; i++)
		tmp[lo[a[i] >> 8 & (DIGITS - 1)]++] = a[i];
	for (i = 0; i < n; i++)
		a[hi[tmp[i] >> 20]++] = tmp[i];
}

/* The sorted chunk's runs: their colours to the front of it, their
 * pixels into the scratch beside it; their count. */
static size_t
chunk_runs(struct smp_tally *t)
{
	uint32_t	*a = t->codes, *len = t->codes + t->chunk, c, k;
	size_t		 i, m = 0;

	for (i = 0; i < t->ncodes; i++) {
		c = a[i] >> 8, k = a[i] & 0xff;
		if (m > 0 && a[m - 1] == c)
			len[m - 1] += k;
		else {
			a[m] = c;	/* a[i] itself when m = i */
			len[m++] = k;
		}
	}
	return m;
}

/* Merge the chunk's runs into the list, from the back, into room for
 * both; the colours they share leave a gap at the front, closed after. */
static void
merge_runs(struct smp_tally *t)
{
	struct slot	*tab = t->tab;
	const uint32_t	*code = t->codes, *len = t->codes + t->chunk;
	size_t		 i = t->n, j = t->runs, w = t->n + t->runs;

	while (j > 0) {
		if (i > 0 && tab[i - 1].key > code[j - 1])
			tab[--w] = tab[--i];
		else if (i > 0 && tab[i - 1].key == code[j - 1]) {
			tab[--w] = tab[--i];
			tab[w].n += len[--j];
		} else {
			w--, j--;
			tab[w].key = code[j];
			tab[w].n = len[j];
			tab[w].order = 0;
		}
	}
	if (w > i) {
		memmove(tab + i, tab + w, (t->n + t->runs - w) * sizeof *tab);
		t->n += t->runs - (w - i);
	} else
		t->n += t->runs;
	t->runs = 0;
	t->ncodes = 0;
}

/* Empty the chunk into the list; 1 when the list has no room for its
 * runs (grow it and call again: the runs wait). */
static int
chunk_empty(struct smp_tally *t)
{
	if (t->runs == 0 && t->ncodes > 0) {
		sort_words(t->codes, t->codes + t->chunk, t->ncodes);
		t->runs = chunk_runs(t);
	}
	if (t->runs == 0)
		return 0;
	if (t->n + t->runs > t->size)
		return 1;
	merge_runs(t);
	return 0;
}

static uint32_t
code_of_key(uint64_t key)
{
	return (uint32_t)((key >> 40 & 0xff) << 16 | (key >> 24 & 0xff) << 8 |
	    (key >> 8 & 0xff));
}

static uint32_t
code_of_rgba8(const unsigned char *px)
{
	return (uint32_t)px[0] << 16 | (uint32_t)px[1] << 8 | px[2];
}

/* One more pixel of colour c among the recent colours (slot word: the
 * colour, and a count that is 0 only in an empty slot), what the slot
 * held moved to chunk[*nc] when c is not in it or its count is full.
 * Without a branch on the colours, which a photo makes a coin toss: the
 * caller sees that the chunk has room for every pixel it puts. */
static inline void
sorted_put(uint32_t *restrict cache, int bits, uint32_t *restrict chunk,
    size_t *nc, uint32_t c)
{
	uint32_t	*w = &cache[(c * 0x9E3779B1u) >> (32 - bits)];
	uint32_t	 old = *w;
	int		 hit = (old ^ c << 8) < 255;	/* or c = 0, empty */

	chunk[*nc] = old;
	*nc += !hit & ((old & 0xff) != 0);
	*w = hit ? old + 1 : c << 8 | 1;
}

/* Count n pixels, of keys or of 8-bit samples (the other NULL); how
 * many before the tally must grow (its chunk not yet allocated, or its
 * list without room for the chunk's runs). */
static size_t
sorted_count(struct smp_tally *t, const uint64_t *keys,
    const unsigned char *px, size_t n)
{
	size_t	i = 0, m, k, nc;

	while (t->codes != NULL && i < n) {
		if ((m = t->chunk - t->ncodes) == 0) {
			if (chunk_empty(t) == 1)
				break;
			continue;
		}
		if (m > n - i)
			m = n - i;
		nc = t->ncodes;
		if (keys != NULL)
			for (k = i; k < i + m; k++)
				sorted_put(t->cache, t->cache_bits, t->codes,
				    &nc, code_of_key(keys[k]));
		else
			for (k = i; k < i + m; k++)
				sorted_put(t->cache, t->cache_bits, t->codes,
				    &nc, code_of_rgba8(px + 4 * k));
		t->ncodes = nc;
		i += m;
	}
	t->pixels += i;
	return i;
}

size_t
smp__tally_sort_run(struct smp_tally *t, const uint64_t *keys, size_t n)
{
	return sorted_count(t, keys, NULL, n);
}

size_t
smp__tally_sort_rgba8(struct smp_tally *t, const unsigned char *px,
    size_t n)
{
	return sorted_count(t, NULL, px, n);
}

/* The key of 24-bit colour c: each 8-bit value as v * 257. */
static uint64_t
key_of_code(uint32_t c)
{
	return (uint64_t)(c >> 16) * 257 << 32 |
	    (uint64_t)(c >> 8 & 0xff) * 257 << 16 | (uint64_t)(c & 0xff) * 257;
}

int
smp__tally_sort_flush(struct smp_tally *t)
{
	struct slot	*tab = t->tab;
	size_t		 i;

	/* The recent colours go to the chunk; those that wait for room
	 * are still in their slots. */
	for (i = 0; t->codes != NULL && i < (size_t)1 << t->cache_bits; i++) {
		if ((t->cache[i] & 0xff) == 0)
			continue;
		if (t->ncodes == t->chunk && chunk_empty(t) == 1)
			return 1;
		t->codes[t->ncodes++] = t->cache[i];
		t->cache[i] = 0;
	}
	if (t->codes != NULL && chunk_empty(t) == 1)
		return 1;
	for (i = 0; i < t->n; i++) {
		tab[i].order = (uint32_t)tab[i].key;
		tab[i].key = key_of_code(tab[i].order);
	}
	smp__tally_sort_free(t);
	t->sorted = 0;
	t->ordered = SMP_TALLY_KEYS;
	return 0;
}

/* The lists' order: each entry's place in it (below 2^24) and the key
 * at each place. */
struct order {
	int		kind;		/* SMP_TALLY_KEYS or SMP_TALLY_MORTON */
	smp__unmorton_t	u;		/* for Morton indices */
};

static uint64_t
key_of_order(const struct order *o, uint32_t c)
{
	return o->kind == SMP_TALLY_MORTON ? smp__tally_direct_key(o->u, c) :
	    key_of_code(c);
}

/* The place at list i's cursor, UINT32_MAX past its end. */
static uint32_t
head_place(struct smp_tally *const *ts, size_t i, size_t pos)
{
	return pos < ts[i]->n ? ((const struct slot *)ts[i]->tab)[pos].order :
	    UINT32_MAX;
}

/* Write the Lab of places[0..m) over entries [from, to) of t's list,
 * each of which is one of them: both are in the lists' order. */
static void
write_colours(struct smp_tally *t, size_t from, size_t to,
    const uint32_t *places, const float *lab)
{
	struct slot	*tab = t->tab;
	size_t		 i, q = 0;

	for (i = from; i < to; i++) {
		while (places[q] != tab[i].order)
			q++;
		smp__tally_slot_colour(&tab[i], lab + 3 * q);
	}
}

/* smp_tally_sort_colours by merging: the least place at the k lists'
 * cursors, m at a time, for rows of few colours. */
static int
colours_merged(struct smp_tally *const *ts, size_t k, const struct order *o,
    smp_tally_convert_fn convert, void *arg)
{
	uint64_t	keys[SMP_TALLY_CHUNK];
	uint32_t	places[SMP_TALLY_CHUNK], least, *head;
	float		lab[3 * SMP_TALLY_CHUNK];
	size_t		*pos, *from, i, m;
	int		r = -1;

	if ((pos = calloc(2 * k + 1, sizeof *pos)) == NULL)
		return 1;
	if ((head = malloc(k * sizeof *head + 1)) == NULL) {
		free(pos);
		return 1;
	}
	from = pos + k;
	for (i = 0; i < k; i++)
		head[i] = head_place(ts, i, 0);
	for (;;) {
		memcpy(from, pos, k * sizeof *pos);
		for (m = 0; m < SMP_TALLY_CHUNK; m++) {
			for (i = 0, least = UINT32_MAX; i < k; i++)
				least = head[i] < least ? head[i] : least;
			if (least == UINT32_MAX)
				break;
			places[m] = least;
			keys[m] = key_of_order(o, least);
			for (i = 0; i < k; i++)
				if (head[i] == least)
					head[i] = head_place(ts, i, ++pos[i]);
		}
		if (m == 0)
			break;
		if (convert(arg, keys, lab, m) == -1)
			goto out;
		for (i = 0; i < k; i++)
			write_colours(ts[i], from[i], pos[i], places, lab);
	}
	r = 0;
out:
	free(pos);
	free(head);
	return r;
}

/*
 * smp_tally_sort_colours with marks: a bit for each of the 2^24 colours
 * that some list holds, a bit for each word of them that has one, and
 * each such word's rank (the marks before it).  The colours then come in
 * order from the marked words, and a list entry finds its colour's Lab
 * at its rank, without a merge's comparison of every list's head at
 * every colour (grid:10x10 of a 24 MP photo: 36 ms of its 400).
 */
#define MARK_WORDS	((size_t)1 << 18)	/* 2^24 bits */
#define MARK_ANY	(MARK_WORDS / 64)
#define MARKS_MIN	32768	/* list entries: fewer are merged */

struct marks {
	uint64_t	*bit, *any;
	uint32_t	*rank;
};

/* The bits set in x, inline: without a popcount instruction in the
 * target (no -mpopcnt), the compiler's builtin is a library call. */
static inline uint32_t
bits_set(uint64_t x)
{
	x -= x >> 1 & 0x5555555555555555ULL;
	x = (x & 0x3333333333333333ULL) + (x >> 2 & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (uint32_t)((x * 0x0101010101010101ULL) >> 56);
}

static uint32_t
mark_rank(const struct marks *mk, uint32_t c)
{
	uint64_t	below = ((uint64_t)1 << (c & 63)) - 1;

	return mk->rank[c >> 6] + bits_set(mk->bit[c >> 6] & below);
}

/* The Lab of the colours up to last, from rank u0 on, over the entries
 * of each list that have them, its cursor pos[i] moved past them: each
 * such colour's word has its rank. */
static void
marks_write(const struct marks *mk, struct smp_tally *const *ts, size_t k,
    size_t *pos, uint32_t last, uint32_t u0, const float *lab)
{
	struct slot	*tab;
	size_t		 i, q;
	uint32_t	 c;

	for (i = 0; i < k; i++)
		for (tab = ts[i]->tab; pos[i] < ts[i]->n; pos[i]++) {
			q = pos[i];
			if ((c = tab[q].order) > last)
				break;
			smp__tally_slot_colour(&tab[q],
			    lab + 3 * (size_t)(mark_rank(mk, c) - u0));
		}
}

/* The marked colours in order, SMP_TALLY_CHUNK at a time: each word's
 * rank is the count of colours before it, set as it is reached. */
static int
colours_marked(struct smp_tally *const *ts, size_t k, const struct order *o,
    smp_tally_convert_fn convert, void *arg)
{
	uint64_t	 keys[SMP_TALLY_CHUNK], bits, any;
	float		 lab[3 * SMP_TALLY_CHUNK];
	const struct slot *tab;
	struct marks	 mk;
	size_t		*pos, i, q, a, m = 0;
	uint32_t	 c, w, u0 = 0;
	int		 r = 1;

	mk.bit = calloc(MARK_WORDS, sizeof *mk.bit);
	mk.any = calloc(MARK_ANY, sizeof *mk.any);
	mk.rank = malloc(MARK_WORDS * sizeof *mk.rank);
	pos = calloc(k + 1, sizeof *pos);
	if (mk.bit == NULL || mk.any == NULL || mk.rank == NULL ||
	    pos == NULL)
		goto out;
	for (i = 0; i < k; i++)
		for (tab = ts[i]->tab, q = 0; q < ts[i]->n; q++) {
			c = tab[q].order;
			mk.bit[c >> 6] |= (uint64_t)1 << (c & 63);
			mk.any[c >> 12] |= (uint64_t)1 << (c >> 6 & 63);
		}
	r = -1;
	for (a = 0; a < MARK_ANY; a++)
		for (any = mk.any[a]; any != 0; any &= any - 1) {
			w = (uint32_t)(a * 64 + (size_t)__builtin_ctzll(any));
			mk.rank[w] = u0 + (uint32_t)m;
			for (bits = mk.bit[w]; bits != 0; bits &= bits - 1) {
				c = w << 6 | (uint32_t)__builtin_ctzll(bits);
				keys[m++] = key_of_order(o, c);
				if (m < SMP_TALLY_CHUNK)
					continue;
				if (convert(arg, keys, lab, m) == -1)
					goto out;
				marks_write(&mk, ts, k, pos, c, u0, lab);
				u0 += (uint32_t)m, m = 0;
			}
		}
	if (m > 0 && convert(arg, keys, lab, m) == -1)
		goto out;
	marks_write(&mk, ts, k, pos, UINT32_MAX, u0, lab);
	r = 0;
out:
	free(mk.bit);
	free(mk.any);
	free(mk.rank);
	free(pos);
	return r;
}

/* The entries of k lists. */
static size_t
lists_entries(struct smp_tally *const *ts, size_t k)
{
	size_t	i, n = 0;

	for (i = 0; i < k; i++)
		n += ts[i]->n;
	return n;
}

size_t
smp_tally_sort_marks_bytes(struct smp_tally *const *ts, size_t k)
{
	if (lists_entries(ts, k) < MARKS_MIN)
		return 0;
	return MARK_WORDS * (sizeof(uint64_t) + sizeof(uint32_t)) +
	    MARK_ANY * sizeof(uint64_t) + (k + 1) * sizeof(size_t);
}

int
smp_tally_sort_colours(struct smp_tally *const *ts, size_t k, int marks,
    smp_tally_convert_fn convert, void *arg)
{
	struct order	o;
	size_t		i;
	int		r;

	o.kind = k > 0 ? ts[0]->ordered : SMP_TALLY_KEYS;
	for (i = 0; i < k; i++)
		if (ts[i]->ordered != o.kind || o.kind == SMP_TALLY_UNORDERED)
			return 1;
	if (o.kind == SMP_TALLY_MORTON)
		smp__tally_direct_unmorton(o.u);
	if (marks && smp_tally_sort_marks_bytes(ts, k) > 0)
		r = colours_marked(ts, k, &o, convert, arg);
	else
		r = colours_merged(ts, k, &o, convert, arg);
	if (r != 0)
		return r;
	for (i = 0; i < k; i++)
		ts[i]->c = ts[i]->tab;
	return 0;
}

void
smp__tally_sort_free(struct smp_tally *t)
{
	free(t->codes);
	t->codes = t->cache = NULL;
	t->ncodes = t->runs = 0;
}
