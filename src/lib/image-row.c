/*
 * image-row.c: the row a decoder passes, as 8-bit samples to a reader
 * that counts them as they are (sample.c's direct tallies), widened to
 * 16 bits only for one that asks (smp_image_row_16bit), once a row.  A JPEG
 * row of 8-bit RGB was widened whatever the reader did with it: 4 % of
 * the time of a 2000x2000 region.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "smp.h"
#include "smp-internal.h"

void
smp_image_row_want8(struct smp_image *img, int on)
{
	img->want8 = on;
}

void
smp_image_row_into(struct smp_image *img, unsigned char *dst, size_t room)
{
	img->into = dst;
	img->into_room = room;
}

/*
 * libjpeg-turbo's SIMD colour conversion writes an output row that
 * starts on a 16-byte (SSE2) or 32-byte (AVX2) boundary with
 * non-temporal stores, which bypass the cache: the reader then fetches
 * the whole row back from memory.  Region all of a 24 MP photo took
 * 197 ms with its row on a 32-byte boundary, 173-180 off it (medians
 * of 15); which one a row had was malloc's chance.  Rows start 8 bytes
 * past a 16-byte boundary.
 */
unsigned char *
smp__image_row_start(unsigned char *p)
{
	return p + ((8 - (uintptr_t)p) & 15);
}

unsigned char *
smp__image_row_dest(struct smp_image *img, unsigned char *fallback,
    size_t rowbytes)
{
	unsigned char	*d = fallback;

	if (img->into != NULL && rowbytes <= img->into_room)
		d = img->into;
	img->into = NULL;
	return d;
}

const unsigned char *
smp_image_row_8bit(const struct smp_image *img)
{
	return img->row8;
}

/* v * 257 for every sample, in blocks of 16 that gcc vectorises. */
static void
image_widen(uint16_t *restrict d, const unsigned char *restrict s, size_t n)
{
	size_t	i, k;

	for (i = 0; i + 16 <= n; i += 16)
		for (k = 0; k < 16; k++)
			d[i + k] = (uint16_t)(s[i + k] * 257u);
	for (; i < n; i++)
		d[i] = (uint16_t)(s[i] * 257u);
}

const uint16_t *
smp_image_row_16bit(struct smp_image *img)
{
	if (img->row8 != NULL && !img->widened) {
		image_widen(img->row16, img->row8, img->row8_samples);
		img->widened = 1;
	}
	return img->row16;
}

int
smp__image_row_pass(struct smp_image *img, uint32_t sy,
    const unsigned char *row, size_t samples, uint16_t *wide, smp_row_fn fn,
    void *arg, struct smp_err *e)
{
	int	r;

	img->row8 = row;
	img->row16 = wide;
	img->row8_samples = samples;
	img->widened = 0;
	if (!img->want8)
		(void)smp_image_row_16bit(img);
	r = fn(arg, sy, img->want8 ? NULL : wide, e);
	img->row8 = NULL;
	img->row16 = NULL;
	return r;
}
