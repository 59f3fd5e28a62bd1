/*
 * png-encode.c: encode 8-bit RGB pixels as a PNG in memory (overlays,
 * swatches).  setjmp stays inside this codec wrapper.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <png.h>

#include "smp.h"

struct membuf {
	unsigned char	*p;
	size_t		 n, cap;
	int		 fail;
};

static void
membuf_write(png_structp png, png_bytep data, png_size_t len)
{
	struct membuf	*m = png_get_io_ptr(png);

	if (m->fail)
		return;
	if (m->n + len > m->cap) {
		size_t		 nc = (m->cap + len) * 2;
		unsigned char	*t = realloc(m->p, nc);

		if (t == NULL) {
			m->fail = 1;
			return;
		}
		m->p = t, m->cap = nc;
	}
	memcpy(m->p + m->n, data, len);
	m->n += len;
}

static void
membuf_flush(png_structp png)
{
	(void)png;
}

int
smp_png_encode(const unsigned char *px, uint32_t w, uint32_t h,
    unsigned char **out, size_t *len)
{
	struct membuf	 m = { NULL, 0, 0, 0 };
	png_structp	 png;
	png_infop	 info;
	uint32_t	 y;

	png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	if (png == NULL || (info = png_create_info_struct(png)) == NULL) {
		png_destroy_write_struct(&png, NULL);
		return -1;
	}
	if (setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, &info);
		free(m.p);
		return -1;
	}
	png_set_write_fn(png, &m, membuf_write, membuf_flush);
	png_set_IHDR(png, info, w, h, 8, PNG_COLOR_TYPE_RGB,
	    PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
	    PNG_FILTER_TYPE_DEFAULT);
	png_set_sRGB(png, info, PNG_sRGB_INTENT_RELATIVE);
	png_write_info(png, info);
	for (y = 0; y < h; y++)
		png_write_row(png, px + 3 * (size_t)y * w);
	png_write_end(png, info);
	png_destroy_write_struct(&png, &info);
	if (m.fail) {
		free(m.p);
		return -1;
	}
	*out = m.p, *len = m.n;
	return 0;
}

