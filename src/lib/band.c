/*
 * band.c: the rows of a band of an 8-bit RGB image (a grid's row of
 * tiles) held until the band ends, then counted region by region in one
 * direct tally (tally-direct.c) that each region's list is taken from,
 * leaving it empty for the next.
 *
 * Counted as the rows came, each of the band's regions kept its recent
 * colours and a chunk of them, sorted when full (tally-sort.c): for
 * grid:10x10 of a 24 MP photo, 86 ms of counting and 59 of sorting.  One
 * region at a time, its counts in Morton order, a few hundred kilobytes
 * of a direct tally's array, stay in the cache, and their list comes
 * out in order by reading them: about 57 and 31 ms.  The band's rows
 * cost their memory (the width times the band's height, four bytes a
 * pixel); the decoder writes them in place (smp_image_row_into) rather
 * than into a row of its own that is then copied, which took 15 ms more.
 * Whether its stores then bypass the cache (image-row.c) made no
 * difference here: a band's rows are read after it, not at once.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"
#include "smp-internal.h"

/* Room beside a row for the decoder's own margins (image-jpeg.c crops
 * 16 pixels wider on both sides, from a block's edge). */
#define BAND_SLACK	64

static size_t
band_stride(uint32_t width)
{
	return ((size_t)width + BAND_SLACK) * 4;
}

size_t
smp_band_bytes(uint32_t width, uint32_t rows, size_t pixels)
{
	return band_stride(width) * rows + rows * sizeof(unsigned char *) +
	    smp_tally_direct_bytes(pixels);
}

int
smp_band_init(struct smp_band *b, uint32_t width, uint32_t rows,
    size_t pixels)
{
	memset(b, 0, sizeof *b);
	b->width = width;
	b->rows = rows;
	b->stride = band_stride(width);
	if ((b->buf = malloc(b->stride * rows + 1)) == NULL ||
	    (b->row = calloc(rows + 1, sizeof *b->row)) == NULL ||
	    smp_tally_direct_init(&b->d, pixels) == -1) {
		smp_band_free(b);
		return -1;
	}
	return 0;
}

unsigned char *
smp_band_room(struct smp_band *b, uint32_t y)
{
	return y >= b->y0 && y - b->y0 < b->rows ? b->buf + (size_t)(y -
	    b->y0) * b->stride : NULL;
}

int
smp_band_put(struct smp_band *b, uint32_t y, const unsigned char *px)
{
	unsigned char	*room = smp_band_room(b, y);

	if (room == NULL)
		return -1;
	/* Written in place when px lies in its room, else copied there. */
	if (px >= room && px + (size_t)b->width * 4 <= room + b->stride)
		b->row[y - b->y0] = px;
	else {
		memcpy(room, px, (size_t)b->width * 4);
		b->row[y - b->y0] = room;
	}
	return 0;
}

int
smp_band_count(struct smp_band *b, uint32_t x0, uint32_t x1, uint32_t y0,
    uint32_t y1, size_t cap)
{
	size_t		n, left = cap;
	uint32_t	y;

	for (y = y0; y < y1; y++)
		if (y < b->y0 || y - b->y0 >= b->rows ||
		    b->row[y - b->y0] == NULL)
			return 1;
	for (y = y0; y < y1 && left > 0; y++) {
		n = x1 - x0 < left ? x1 - x0 : left;
		smp_tally_direct_add_rgba8(&b->d, b->row[y - b->y0] +
		    (size_t)x0 * 4, n);
		left -= n;
	}
	return 0;
}

void
smp_band_start(struct smp_band *b, uint32_t y0)
{
	b->y0 = y0;
	memset(b->row, 0, b->rows * sizeof *b->row);
}

void
smp_band_free(struct smp_band *b)
{
	free(b->buf);
	free(b->row);
	smp__tally_direct_free(&b->d);
	memset(b, 0, sizeof *b);
}
