/*
 * overlay.c: a PNG of the downsized photo with the sampled square of every
 * patch outlined (green when the registration passed, red when it did
 * not) and numbered 1..24, written atomically.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

#include "smp.h"

/* 3 x 5 digits, rows top to bottom, 3 bits each. */
static const unsigned short overlay_font[10] = {
	075557, 026227, 071747, 071717, 055711, 074717, 074757, 071111,
	075757, 075717
};

struct canvas {
	unsigned char	*px;
	uint32_t	 w, h;
};

static void
canvas_put(struct canvas *c, long x, long y, const unsigned char *rgb)
{
	if (x < 0 || y < 0 || x >= (long)c->w || y >= (long)c->h)
		return;
	memcpy(c->px + 3 * ((size_t)y * c->w + x), rgb, 3);
}

static void
canvas_line(struct canvas *c, double x0, double y0, double x1, double y1,
    const unsigned char *rgb)
{
	double	n = fmax(fabs(x1 - x0), fabs(y1 - y0)), t;
	int	i;

	for (i = 0; i <= (int)n + 1; i++) {
		t = n > 0 ? i / (n + 1) : 0;
		canvas_put(c, lround(x0 + t * (x1 - x0)),
		    lround(y0 + t * (y1 - y0)), rgb);
	}
}

static void
canvas_number(struct canvas *c, double cx, double cy, int n, int scale)
{
	static const unsigned char	fg[3] = { 255, 255, 255 };
	static const unsigned char	bg[3] = { 0, 0, 0 };
	char		d[4];
	int		len = snprintf(d, sizeof d, "%d", n), i, r, b, dx, dy;
	long		x0 = lround(cx - (len * 4 - 1) * scale / 2.0);
	long		y0 = lround(cy - 5 * scale / 2.0);

	for (dy = -1; dy <= 5 * scale; dy++)
		for (dx = -1; dx <= len * 4 * scale - scale; dx++)
			canvas_put(c, x0 + dx, y0 + dy, bg);
	for (i = 0; i < len; i++)
		for (r = 0; r < 5; r++)
			for (b = 0; b < 3; b++) {
				if (!(overlay_font[d[i] - '0'] >> (3 * (4 - r) +
				    (2 - b)) & 1))
					continue;
				for (dy = 0; dy < scale; dy++)
					for (dx = 0; dx < scale; dx++)
						canvas_put(c, x0 + (i * 4 + b) *
						    scale + dx, y0 + r * scale + dy,
						    fg);
			}
}

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

static int
overlay_png(const struct canvas *c, struct membuf *m)
{
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
		return -1;
	}
	png_set_write_fn(png, m, membuf_write, membuf_flush);
	png_set_IHDR(png, info, c->w, c->h, 8, PNG_COLOR_TYPE_RGB,
	    PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
	    PNG_FILTER_TYPE_DEFAULT);
	png_write_info(png, info);
	for (y = 0; y < c->h; y++)
		png_write_row(png, c->px + 3 * (size_t)y * c->w);
	png_write_end(png, info);
	png_destroy_write_struct(&png, &info);
	return m->fail ? -1 : 0;
}

int
smp_chart_overlay(const struct smp_chart_found *f, int have_chart, int ok,
    const char *path, struct smp_err *e)
{
	static const unsigned char	green[3] = { 0, 255, 0 };
	static const unsigned char	red[3] = { 255, 40, 40 };
	struct canvas	 c;
	struct membuf	 m = { NULL, 0, 0, 0 };
	size_t		 i;
	int		 k, a, r;
	double		 x[4], y[4], cx, cy, s = 1.0 / f->work_f;

	if (f->work == NULL)
		return smp_errf(e, SMP_E_INPUT, "%s: no image to draw on", path);
	c.w = f->work_w, c.h = f->work_h;
	if ((c.px = malloc((size_t)c.w * c.h * 3)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	for (i = 0; i < (size_t)c.w * c.h * 3; i++) {
		float	v = f->work[i];

		c.px[i] = (unsigned char)lroundf((v < 0 ? 0 : v > 1 ? 1 : v) * 255);
	}
	for (k = 0; have_chart && k < SMP_CHART_PATCHES; k++) {
		for (a = 0; a < 4; a++) {
			smp_chart_point(f, k, (a == 1 || a == 2 ? 0.5 : -0.5) *
			    SMP_PATCH_SAMPLE, (a >= 2 ? 0.5 : -0.5) *
			    SMP_PATCH_SAMPLE, &x[a], &y[a]);
			x[a] *= s, y[a] *= s;
		}
		for (a = 0; a < 4; a++)
			canvas_line(&c, x[a], y[a], x[(a + 1) % 4], y[(a + 1) % 4],
			    ok ? green : red);
		smp_chart_point(f, k, 0, 0, &cx, &cy);
		canvas_number(&c, cx * s, cy * s, k + 1, c.w > 600 ? 2 : 1);
	}
	r = overlay_png(&c, &m);
	free(c.px);
	if (r == -1) {
		free(m.p);
		return smp_errf(e, SMP_E_NOMEM, "%s: cannot encode the overlay",
		    path);
	}
	r = smp_write_atomic(path, m.p, m.n, e);
	free(m.p);
	return r;
}
