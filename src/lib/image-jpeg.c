/*
 * image-jpeg.c: libjpeg-turbo wrapper.  error_exit and warnings longjmp to
 * the setjmp of the wrapper function that called into libjpeg; nothing
 * outside this file sees setjmp.  Only the rectangle's columns
 * (jpeg_crop_scanline) and rows (jpeg_skip_scanlines) are decoded.
 */
#include "config.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

#include "smp.h"
#include "smp-internal.h"

#define JPEG_CROP_MARGIN	16
/* More scans than any encoder writes (libjpeg's progression has 10,
 * mozjpeg's optimised ones about 20); each scan may revisit every
 * coefficient, so a crafted file with hundreds costs minutes.  The limit
 * follows libjpeg-turbo's advice (libjpeg.txt, "progress monitor"). */
#define JPEG_MAX_SCANS		100
/* Bytes per pixel of width and component that a read holds whatever the
 * file: libjpeg's MCU-row, context and upsampling buffers (up to 48 rows
 * of samples for 2x2 subsampling) and the tool's two row buffers. */
#define JPEG_ROW_BYTES		96

struct jpeg_codec {
	struct jpeg_decompress_struct	cinfo;
	struct jpeg_error_mgr		jerr;
	struct jpeg_progress_mgr	progress;
	jmp_buf				jb;
	char				msg[JMSG_LENGTH_MAX];
	int				created;
};

static void
jpeg_on_error(j_common_ptr cinfo)
{
	struct jpeg_codec	*c = (struct jpeg_codec *)cinfo;

	(*cinfo->err->format_message)(cinfo, c->msg);
	longjmp(c->jb, 1);
}

/* Warnings ("corrupt data", "premature end") are errors here. */
static void
jpeg_on_message(j_common_ptr cinfo, int level)
{
	if (level < 0)
		jpeg_on_error(cinfo);
}

static void
jpeg_on_progress(j_common_ptr cinfo)
{
	struct jpeg_codec	*c = (struct jpeg_codec *)cinfo;

	if (c->cinfo.input_scan_number > JPEG_MAX_SCANS) {
		snprintf(c->msg, sizeof c->msg, "more than %d progressive scans "
		    "(a decompression bomb)", JPEG_MAX_SCANS);
		longjmp(c->jb, 1);
	}
}

int
smp__image_jpeg_is(const unsigned char *sig, size_t n)
{
	return n >= 3 && sig[0] == 0xFF && sig[1] == 0xD8 && sig[2] == 0xFF;
}

static void
jpeg_close(struct smp_image *img)
{
	struct jpeg_codec	*c = img->codec;

	if (c == NULL)
		return;
	if (c->created)
		jpeg_destroy_decompress(&c->cinfo);
	free(c);
	img->codec = NULL;
}

/* DCT scaling: decode at 1/d, d the largest power of 2 <= max (<= 8). */
static int
jpeg_reduce(struct smp_image *img, int max, uint32_t *w, uint32_t *h)
{
	struct jpeg_codec	*c = img->codec;
	struct jpeg_decompress_struct *ci = &c->cinfo;
	int			 d = 1;

	while (d * 2 <= max && d < 8)
		d *= 2;
	ci->scale_num = 1;
	ci->scale_denom = (unsigned)d;
	*w = (img->info.width + d - 1) / d;
	*h = (img->info.height + d - 1) / d;
	return d;
}

/* n pixels of ch 8-bit samples (ink inverted for Adobe's CMYK) to 16
 * bits with alpha. */
static void
jpeg_expand(uint16_t *d, const JSAMPLE *s, uint32_t n, int ch, int inv)
{
	uint32_t	i;
	int		k;

	if (ch == 3 && !inv)	/* the common case, unrolled */
		for (i = 0; i < n; i++, s += 3, d += 4) {
			d[0] = (uint16_t)(s[0] * 257u);
			d[1] = (uint16_t)(s[1] * 257u);
			d[2] = (uint16_t)(s[2] * 257u);
			d[3] = 65535;
		}
	else
		for (i = 0; i < n; i++) {
			for (k = 0; k < ch; k++) {
				unsigned	v = *s++;

				*d++ = (uint16_t)((inv ? 255 - v : v) * 257u);
			}
			*d++ = 65535;
		}
}

static int
jpeg_read_rect(struct smp_image *img, const struct smp_rect *r, smp_row_fn fn,
    void *arg, struct smp_err *e)
{
	struct jpeg_codec	*c = img->codec;
	struct jpeg_decompress_struct *ci = &c->cinfo;
	JSAMPLE			*volatile row = NULL;
	uint16_t		*volatile wide = NULL;
	int			 ch = (int)img->info.model;
	int			 inv = img->info.adobe_inverted;
	JDIMENSION		 xoff, cw, y;
	int			 failed = 0;

	if (setjmp(c->jb)) {
		smp_errf(e, SMP_E_INPUT, "%s: %s", img->path, c->msg);
		free(row);
		free(wide);
		return -1;
	}
	jpeg_start_decompress(ci);
	/*
	 * Crop with a 16-pixel margin on both sides and use the interior:
	 * libjpeg-turbo 2.1 can leave the last upsampled column of a crop
	 * uninitialised (valgrind saw it on a 4:2:0 photo).
	 */
	xoff = r->x > JPEG_CROP_MARGIN ? r->x - JPEG_CROP_MARGIN : 0;
	cw = r->x + r->w + JPEG_CROP_MARGIN < ci->output_width ?
	    r->x + r->w + JPEG_CROP_MARGIN - xoff : ci->output_width - xoff;
	if (cw < ci->output_width)
		jpeg_crop_scanline(ci, &xoff, &cw);
	if ((row = malloc((size_t)cw * ci->output_components +
	    SMP_IMAGE_ROW_SLACK)) == NULL ||
	    (wide = malloc((size_t)r->w * (ch + 1) * 2)) == NULL) {
		free(row);
		return smp_errf(e, SMP_E_NOMEM, "%s: out of memory", img->path);
	}
	if (r->y > 0 && jpeg_skip_scanlines(ci, r->y) != r->y) {
		free(row);
		free(wide);
		return smp_errf(e, SMP_E_INPUT, "%s: cannot skip to row %u",
		    img->path, (unsigned)r->y);
	}
	for (y = r->y; y < r->y + r->h && !failed; y++) {
		JSAMPROW	 rp = smp__image_row_start(row);
		const JSAMPLE	*s;
		size_t		 rowbytes = (size_t)cw * ci->output_components;
		uint16_t	*d = wide;
		JDIMENSION	 skip;
		int		 want;

		/* An 8-bit RGBA row where the reader wants it, if it asked. */
		if (ci->output_components == 4 && ch == 3)
			rp = smp__image_row_dest(img, rp, rowbytes);
		if (jpeg_read_scanlines(ci, &rp, 1) != 1) {
			smp_errf(e, SMP_E_INPUT, "%s: short read at row %u",
			    img->path, (unsigned)y);
			failed = 1;
			break;
		}
		s = rp + (size_t)(r->x - xoff) * ci->output_components;
		if (ci->output_components == 4 && ch == 3)	/* RGBA */
			want = smp__image_row_pass(img, y, s, 4 * (size_t)r->w,
			    wide, fn, arg, e);
		else {
			jpeg_expand(d, s, r->w, ch, inv);
			want = fn(arg, y, wide, e);
		}
		if (want == -1)
			failed = 1;
		else if (want > 0) {	/* rows no region wants */
			skip = (JDIMENSION)want < r->y + r->h - y - 1 ?
			    (JDIMENSION)want : r->y + r->h - y - 1;
			if (skip > 0 && jpeg_skip_scanlines(ci, skip) != skip) {
				smp_errf(e, SMP_E_INPUT, "%s: short read at "
				    "row %u", img->path, (unsigned)(y + 1));
				failed = 1;
			}
			y += skip;
		}
	}
	/* A rect reaching the last row reads on to EOI to catch truncation. */
	if (!failed && r->y + r->h == ci->output_height)
		jpeg_finish_decompress(ci);
	else
		jpeg_abort_decompress(ci);
	free(row);
	free(wide);
	return failed ? -1 : 0;
}

/* libjpeg holds the saved markers; copy what we keep. */
static int
jpeg_scan_markers(struct smp_image *img, struct smp_err *e)
{
	struct jpeg_codec	*c = img->codec;
	jpeg_saved_marker_ptr	 m;
	JOCTET			*icc = NULL;
	unsigned int		 icc_len = 0;

	for (m = c->cinfo.marker_list; m != NULL; m = m->next) {
		if (m->marker == JPEG_APP0 + 1 && img->info.orientation == 0 &&
		    m->data_length >= 6 && memcmp(m->data, "Exif\0\0", 6) == 0) {
			img->info.orientation = smp_exif_orientation(m->data,
			    m->data_length);
			smp_exif_date(m->data, m->data_length, img->info.date);
		}
	}
	if (img->info.orientation == 0)
		img->info.orientation = 1;
	if (jpeg_read_icc_profile(&c->cinfo, &icc, &icc_len)) {
		if (icc_len > SMP_MAX_ICC_BYTES) {
			free(icc);
			return smp_errf(e, SMP_E_LIMIT,
			    "%s: embedded ICC profile of %u bytes is too large",
			    img->path, icc_len);
		}
		img->icc = icc;
		img->info.icc = icc;
		img->info.icc_len = icc_len;
	}
	return 0;
}

int
smp__image_jpeg_open(struct smp_image *img, struct smp_err *e)
{
	struct jpeg_codec	*c;
	struct jpeg_decompress_struct *ci;
	uint64_t		 px, coef;
	int			 k;

	if ((c = calloc(1, sizeof *c)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "%s: out of memory", img->path);
	img->codec = c;
	img->close = jpeg_close;
	img->read = jpeg_read_rect;
	img->reduce = jpeg_reduce;
	ci = &c->cinfo;
	ci->err = jpeg_std_error(&c->jerr);
	c->jerr.error_exit = jpeg_on_error;
	c->jerr.emit_message = jpeg_on_message;
	if (setjmp(c->jb))
		return smp_errf(e, SMP_E_INPUT, "%s: %s", img->path, c->msg);
	jpeg_create_decompress(ci);
	c->created = 1;
	c->progress.progress_monitor = jpeg_on_progress;
	ci->progress = &c->progress;
	ci->mem->max_memory_to_use = (long)(img->lim.max_bytes > 0x7fffffff ?
	    0x7fffffff : img->lim.max_bytes);
	jpeg_stdio_src(ci, img->fp);
	jpeg_save_markers(ci, JPEG_APP0 + 1, 0xFFFF);
	jpeg_save_markers(ci, JPEG_APP0 + 2, 0xFFFF);
	jpeg_read_header(ci, TRUE);
	px = (uint64_t)ci->image_width * ci->image_height;
	if (px > img->lim.max_pixels)
		return smp_errf(e, SMP_E_LIMIT,
		    "%s: image is %ux%u (%.1f Mpx), above the limit of "
		    "%.1f Mpx (--max-pixels)", img->path,
		    (unsigned)ci->image_width, (unsigned)ci->image_height,
		    (double)px / 1e6, (double)img->lim.max_pixels / 1e6);
	/* Multi-scan files keep every DCT coefficient in memory (libjpeg's
	 * whole-image arrays: blocks padded to the sampling factors, 64
	 * coefficients of 2 bytes); any file needs its row buffers. */
	coef = 0;
	for (k = 0; k < ci->num_components; k++) {
		const jpeg_component_info *cp = &ci->comp_info[k];
		uint64_t	bw = cp->width_in_blocks + cp->h_samp_factor;
		uint64_t	bh = cp->height_in_blocks + cp->v_samp_factor;

		coef += bw * bh * 64 * 2;
	}
	if (!jpeg_has_multiple_scans(ci))
		coef = 0;
	img->decode_bytes = coef + (uint64_t)ci->image_width *
	    (uint64_t)ci->num_components * JPEG_ROW_BYTES;
	if (coef > img->lim.max_bytes)
		return smp_errf(e, SMP_E_LIMIT,
		    "%s: progressive JPEG needs %llu MiB to decode, above the "
		    "limit of %llu MiB (--max-memory)", img->path,
		    (unsigned long long)(coef >> 20),
		    (unsigned long long)(img->lim.max_bytes >> 20));
	img->info.width = ci->image_width;
	img->info.height = ci->image_height;
	img->info.bits = 8;
	switch (ci->jpeg_color_space) {
	case JCS_GRAYSCALE:
		img->info.model = SMP_CM_GREY;
		ci->out_color_space = JCS_GRAYSCALE;
		break;
	case JCS_CMYK:
	case JCS_YCCK:
		img->info.model = SMP_CM_CMYK;
		ci->out_color_space = JCS_CMYK;
		img->info.adobe_inverted = ci->saw_Adobe_marker;
		break;
	default:
		img->info.model = SMP_CM_RGB;
#ifdef JCS_ALPHA_EXTENSIONS
		/* libjpeg-turbo's RGBA rows, alpha 0xFF: they widen to ours
		 * in one plain loop. */
		ci->out_color_space = JCS_EXT_RGBA;
#else
		ci->out_color_space = JCS_RGB;
#endif
	}
	return jpeg_scan_markers(img, e);
}
