/*
 * image-png.c: libpng wrapper.  The only setjmp for PNG lives here.  Every
 * libpng warning is an error: a measurement from a damaged file is not a
 * measurement.  Rows are streamed; after the last row a rectangle needs,
 * decoding stops (interlaced images keep the rectangle's rows in memory).
 */
#include "config.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>
#include <zlib.h>

#include "smp.h"
#include "smp-internal.h"

struct png_codec {
	png_structp	 png;
	png_infop	 info;
	char		 msg[256];
	int		 passes;
	size_t		 rowbytes;
	int		 channels;	/* after png_read_update_info */
	int		 bits;
};

static void
png_on_error(png_structp png, png_const_charp msg)
{
	struct png_codec	*c = png_get_error_ptr(png);

	snprintf(c->msg, sizeof c->msg, "%s", msg);
	png_longjmp(png, 1);
}

static void
png_on_warning(png_structp png, png_const_charp msg)
{
	png_on_error(png, msg);
}

int
smp__image_png_is(const unsigned char *sig, size_t n)
{
	return n >= 8 && png_sig_cmp(sig, 0, 8) == 0;
}

static void
png_close(struct smp_image *img)
{
	struct png_codec	*c = img->codec;

	if (c == NULL)
		return;
	png_destroy_read_struct(&c->png, &c->info, NULL);
	free(c);
	img->codec = NULL;
}

/* Widen one row segment to uint16 colour channels plus one alpha channel. */
static void
png_widen(const struct png_codec *c, int model_ch, const unsigned char *src,
    uint32_t n, uint16_t *dst)
{
	int		 has_alpha = c->channels > model_ch;
	uint32_t	 i;
	int		 k;

	/* RGB without alpha, the common case, unrolled; on a little-endian
	 * machine a pixel but the last is one load, its bytes swapped in
	 * pairs and alpha set, and one store. */
	if (c->channels == 3 && model_ch == 3 && c->bits == 16) {
		i = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		for (; i + 1 < n; i++, src += 6, dst += 4) {
			uint64_t	x;

			memcpy(&x, src, sizeof x);
			x = (x & 0xff00ff00ffULL) << 8 |
			    (x >> 8 & 0xff00ff00ffULL) | 0xffffULL << 48;
			memcpy(dst, &x, sizeof x);
		}
#endif
		for (; i < n; i++, src += 6, dst += 4) {
			dst[0] = (uint16_t)(src[0] << 8 | src[1]);
			dst[1] = (uint16_t)(src[2] << 8 | src[3]);
			dst[2] = (uint16_t)(src[4] << 8 | src[5]);
			dst[3] = 65535;
		}
		return;
	}
	if (c->channels == 3 && model_ch == 3 && c->bits == 8) {
		for (i = 0; i < n; i++, src += 3, dst += 4) {
			dst[0] = (uint16_t)(src[0] * 257u);
			dst[1] = (uint16_t)(src[1] * 257u);
			dst[2] = (uint16_t)(src[2] * 257u);
			dst[3] = 65535;
		}
		return;
	}
	for (i = 0; i < n; i++) {
		for (k = 0; k < c->channels; k++) {
			unsigned	v;

			if (c->bits == 16) {
				v = (unsigned)src[0] << 8 | src[1];
				src += 2;
			} else
				v = *src++ * 257u;
			*dst++ = (uint16_t)v;
		}
		if (!has_alpha)
			*dst++ = 65535;
	}
}

static int
png_read_rect(struct smp_image *img, const struct smp_rect *r, smp_row_fn fn,
    void *arg, struct smp_err *e)
{
	struct png_codec	*c = img->codec;
	unsigned char		*volatile rows = NULL;
	unsigned char		*volatile scratch = NULL;
	uint16_t		*volatile wide = NULL;
	int			 model_ch = (int)img->info.model;
	uint32_t		 y, last = r->y + r->h;
	int			 pass, failed = 0, want;
	size_t			 need;

	need = c->rowbytes + (size_t)r->w * (model_ch + 1) * 2;
	if (c->passes > 1)
		need += c->rowbytes * r->h;
	if (need > img->lim.max_bytes)
		return smp_errf(e, SMP_E_LIMIT,
		    "%s: decoding needs %zu MiB, above the limit of %llu MiB "
		    "(--max-memory)", img->path, need >> 20,
		    (unsigned long long)(img->lim.max_bytes >> 20));
	if ((scratch = malloc(c->rowbytes)) == NULL ||
	    (wide = malloc((size_t)r->w * (model_ch + 1) * 2)) == NULL ||
	    (c->passes > 1 && (rows = malloc(c->rowbytes * r->h)) == NULL)) {
		free(scratch);
		free(wide);
		return smp_errf(e, SMP_E_NOMEM, "%s: out of memory", img->path);
	}
	if (setjmp(png_jmpbuf(c->png))) {
		smp_errf(e, SMP_E_INPUT, "%s: %s", img->path, c->msg);
		free(rows);
		free(scratch);
		free(wide);
		return -1;
	}
	if (c->passes == 1) {
		uint32_t	unwanted = 0;

		for (y = 0; y < last && !failed; y++) {
			png_read_row(c->png, scratch, NULL);
			if (y < r->y || (unwanted > 0 && unwanted--))
				continue;
			png_widen(c, model_ch, scratch +
			    (size_t)r->x * c->rowbytes / img->info.width,
			    r->w, wide);
			if ((want = fn(arg, y, wide, e)) == -1)
				failed = 1;
			else if (want > 0)
				unwanted = (uint32_t)want;
		}
	} else {
		for (pass = 0; pass < c->passes; pass++)
			for (y = 0; y < img->info.height; y++)
				png_read_row(c->png, y >= r->y && y < last ?
				    rows + (size_t)(y - r->y) * c->rowbytes :
				    scratch, NULL);
		for (y = r->y; y < last && !failed; y++) {
			png_widen(c, model_ch, rows + (size_t)(y - r->y) *
			    c->rowbytes + (size_t)r->x * c->rowbytes /
			    img->info.width, r->w, wide);
			if ((want = fn(arg, y, wide, e)) == -1)
				failed = 1;
			else if (want > 0)
				y += (uint32_t)want < last - y - 1 ?
				    (uint32_t)want : last - y - 1;
		}
	}
	/* Reaching the end anyway: check the trailing chunks and IEND too. */
	if (!failed && last == img->info.height)
		png_read_end(c->png, NULL);
	free(rows);
	free(scratch);
	free(wide);
	return failed ? -1 : 0;
}

/*
 * libpng's own iCCP checks discard valid profiles (a PCS illuminant other
 * than D50, "known incorrect" sRGB profiles), so the chunk is taken raw and
 * inflated here, and lcms2 alone judges the profile.
 */
static int
png_take_iccp(struct smp_image *img, struct smp_err *e)
{
	struct png_codec	*c = img->codec;
	png_unknown_chunkp	 uc;
	const unsigned char	*p, *nul;
	unsigned char		*out;
	z_stream		 z;
	size_t			 cap = 65536;
	int			 i, n, zr;

	n = png_get_unknown_chunks(c->png, c->info, &uc);
	for (i = 0; i < n; i++)
		if (memcmp(uc[i].name, "iCCP", 4) == 0)
			break;
	if (i == n)
		return 0;
	p = uc[i].data;
	nul = memchr(p, 0, uc[i].size < 80 ? uc[i].size : 80);
	if (nul == NULL || (size_t)(nul - p) + 2 > uc[i].size || nul[1] != 0)
		return smp_errf(e, SMP_E_INPUT,
		    "%s: embedded ICC profile is broken (bad iCCP chunk)",
		    img->path);
	memset(&z, 0, sizeof z);
	if (inflateInit(&z) != Z_OK || (out = malloc(cap)) == NULL) {
		inflateEnd(&z);
		return smp_errf(e, SMP_E_NOMEM, "%s: out of memory", img->path);
	}
	z.next_in = (unsigned char *)(uintptr_t)(nul + 2);
	z.avail_in = (uInt)(uc[i].size - (size_t)(nul + 2 - p));
	for (;;) {
		z.next_out = out + z.total_out;
		z.avail_out = (uInt)(cap - z.total_out);
		zr = inflate(&z, Z_NO_FLUSH);
		if (zr == Z_STREAM_END)
			break;
		if (zr != Z_OK && zr != Z_BUF_ERROR) {
			inflateEnd(&z);
			free(out);
			return smp_errf(e, SMP_E_INPUT, "%s: embedded ICC profile "
			    "is broken (iCCP: %s)", img->path,
			    z.msg ? z.msg : "bad compressed data");
		}
		if (z.avail_out != 0) {
			inflateEnd(&z);
			free(out);
			return smp_errf(e, SMP_E_INPUT, "%s: embedded ICC profile "
			    "is broken (iCCP: truncated)", img->path);
		}
		if (cap >= SMP_MAX_ICC_BYTES) {
			inflateEnd(&z);
			free(out);
			return smp_errf(e, SMP_E_LIMIT, "%s: embedded ICC profile "
			    "is larger than %u bytes", img->path,
			    SMP_MAX_ICC_BYTES);
		}
		cap *= 2;
		{
			unsigned char	*t = realloc(out, cap);

			if (t == NULL) {
				inflateEnd(&z);
				free(out);
				return smp_errf(e, SMP_E_NOMEM,
				    "%s: out of memory", img->path);
			}
			out = t;
		}
	}
	img->icc = out;
	img->info.icc = out;
	img->info.icc_len = z.total_out;
	inflateEnd(&z);
	if (z.total_out == 0)
		return smp_errf(e, SMP_E_INPUT,
		    "%s: embedded ICC profile is empty", img->path);
	return 0;
}

int
smp__image_png_open(struct smp_image *img, struct smp_err *e)
{
	struct png_codec	*c;
	png_uint_32		 w, h;
	int			 depth, ctype, interlace, cm;
	double			 g;

	if ((c = calloc(1, sizeof *c)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "%s: out of memory", img->path);
	img->codec = c;
	img->close = png_close;
	img->read = png_read_rect;
	c->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, c,
	    png_on_error, png_on_warning);
	if (c->png == NULL || (c->info = png_create_info_struct(c->png)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "%s: out of memory", img->path);
	if (setjmp(png_jmpbuf(c->png)))
		return smp_errf(e, SMP_E_INPUT, "%s: %s", img->path, c->msg);
	png_set_user_limits(c->png, 1u << 24, 1u << 24);
#ifdef PNG_IGNORE_ADLER32
	/* Every IDAT chunk's CRC is checked; zlib's Adler-32 of the same
	 * bytes inflated adds nothing but 8 % of a 16-bit PNG's time. */
	png_set_option(c->png, PNG_IGNORE_ADLER32, PNG_OPTION_ON);
#endif
	png_set_chunk_malloc_max(c->png, SMP_MAX_ICC_BYTES + 1024);
	png_set_keep_unknown_chunks(c->png, PNG_HANDLE_CHUNK_ALWAYS,
	    (png_const_bytep)"iCCP", 1);
	/* Text is never used: skip it undecompressed (no zTXt bombs). */
	png_set_keep_unknown_chunks(c->png, PNG_HANDLE_CHUNK_NEVER,
	    (png_const_bytep)"tEXt\0zTXt\0iTXt", 3);
	png_init_io(c->png, img->fp);
	png_read_info(c->png, c->info);
	png_get_IHDR(c->png, c->info, &w, &h, &depth, &ctype, &interlace,
	    NULL, NULL);
	if ((uint64_t)w * h > img->lim.max_pixels)
		return smp_errf(e, SMP_E_LIMIT,
		    "%s: image is %ux%u (%.1f Mpx), above the limit of "
		    "%.1f Mpx (--max-pixels)", img->path, (unsigned)w,
		    (unsigned)h, (double)w * h / 1e6,
		    (double)img->lim.max_pixels / 1e6);
	img->info.width = w;
	img->info.height = h;
	img->info.orientation = 1;
	img->info.bits = depth == 16 ? 16 : 8;
	cm = ctype & ~PNG_COLOR_MASK_ALPHA;
	img->info.model = cm == PNG_COLOR_TYPE_GRAY ? SMP_CM_GREY : SMP_CM_RGB;
	img->info.has_alpha = (ctype & PNG_COLOR_MASK_ALPHA) ||
	    png_get_valid(c->png, c->info, PNG_INFO_tRNS);
	if (png_take_iccp(img, e) == -1)
		return -1;
	img->info.srgb_chunk = png_get_valid(c->png, c->info, PNG_INFO_sRGB) != 0;
	if (png_get_gAMA(c->png, c->info, &g) && g > 0) {
		img->info.has_gama = 1;
		img->info.gama = g;
	}
	if (png_get_cHRM(c->png, c->info, &img->info.chrm[0],
	    &img->info.chrm[1], &img->info.chrm[2], &img->info.chrm[3],
	    &img->info.chrm[4], &img->info.chrm[5], &img->info.chrm[6],
	    &img->info.chrm[7]))
		img->info.has_chrm = 1;
	png_set_expand(c->png);
	c->passes = png_set_interlace_handling(c->png);
	png_read_update_info(c->png, c->info);
	c->rowbytes = png_get_rowbytes(c->png, c->info);
	c->channels = png_get_channels(c->png, c->info);
	c->bits = png_get_bit_depth(c->png, c->info);
	/* A whole-image read: libpng's two rows and zlib's window, our
	 * scratch and wide rows, and every row of an interlaced file. */
	img->decode_bytes = 3 * (uint64_t)c->rowbytes + (uint64_t)w * 8 +
	    (c->passes > 1 ? (uint64_t)c->rowbytes * h : 0) + 65536;
	return 0;
}
