/*
 * fuzz-image.c: decode and measure an image the way smp-sample -S does,
 * with small limits.  Built three ways (FUZZ_FORMAT):
 *   'P'  PNG: the input is a PNG (the signature is added when missing);
 *   'J'  JPEG with EXIF and ICC markers: SOI is added when missing;
 *   'I'  an ICC profile arriving inside an image: the input becomes the
 *        APP2 profile of a small fixed JPEG.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

#include "smp.h"
#include "fuzz.h"

#ifndef FUZZ_FORMAT
#error "define FUZZ_FORMAT as 'P', 'J' or 'I'"
#endif

static unsigned char	*wrapped;

static const uint8_t *
wrap_prefix(const uint8_t *data, size_t *size, const uint8_t *magic,
    size_t mlen)
{
	free(wrapped);
	if (*size >= mlen && memcmp(data, magic, mlen) == 0)
		return wrapped = NULL, data;
	if ((wrapped = malloc(*size + mlen)) == NULL)
		abort();
	memcpy(wrapped, magic, mlen);
	memcpy(wrapped + mlen, data, *size);
	*size += mlen;
	return wrapped;
}

/* An 8x8 RGB JPEG whose APP2 markers carry the input as its profile. */
static const uint8_t *
wrap_icc(const uint8_t *data, size_t *size)
{
	struct jpeg_compress_struct	c;
	struct jpeg_error_mgr		je;
	unsigned char			*out = NULL, row[8 * 3];
	unsigned long			 len = 0;
	JSAMPROW			 rp = row;
	int				 y;

	memset(row, 128, sizeof row);
	c.err = jpeg_std_error(&je);
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &out, &len);
	c.image_width = c.image_height = 8;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_start_compress(&c, TRUE);
	if (*size > 0 && *size < 1000000)
		jpeg_write_icc_profile(&c, data, (unsigned)*size);
	for (y = 0; y < 8; y++)
		jpeg_write_scanlines(&c, &rp, 1);
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	free(wrapped);
	wrapped = out;
	*size = len;
	return out;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t	png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n',
				    0x1a, '\n' };
	static const uint8_t	soi[2] = { 0xff, 0xd8 };
	struct smp_sample_opts	o;
	struct smp_region	rg;
	struct smp_readings	rs;
	struct smp_err		e = SMP_ERR_INIT;

	if (FUZZ_FORMAT == 'P')
		data = wrap_prefix(data, &size, png_sig, sizeof png_sig);
	else if (FUZZ_FORMAT == 'J')
		data = wrap_prefix(data, &size, soi, sizeof soi);
	else
		data = wrap_icc(data, &size);
	memset(&o, 0, sizeof o);
	if (smp_region_parse("all", &rg, &e) == -1)
		abort();
	o.regions = &rg;
	o.nregions = 1;
	o.white = SMP_WHITE_D50;
	o.stat = SMP_STAT_ROBUST;
	o.separate = 1;
	o.limits.max_pixels = 1 << 20;
	o.limits.max_bytes = 64 << 20;
	memset(&rs, 0, sizeof rs);
	smp_photo_sample(fuzz_path(data, size), &o, &rs, &e);
	smp_readings_clear(&rs);
	smp_region_clear(&rg);
	return 0;
}
