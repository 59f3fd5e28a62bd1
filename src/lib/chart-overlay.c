/*
 * chart-overlay.c: a PNG of the downsized photo with the sampled square
 * of every patch outlined (green when the registration passed, red when
 * it did not; a covered patch crossed out) and numbered 1..24, written
 * atomically.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"


/* A number centred on (cx, cy), white on a black box. */
static void
overlay_number(struct smp_canvas *c, double cx, double cy, int n, int scale)
{
	static const unsigned char	fg[3] = { 255, 255, 255 };
	static const unsigned char	bg[3] = { 0, 0, 0 };
	char		d[16];
	int		len = snprintf(d, sizeof d, "%d", n);
	long		x0 = lround(cx - (len * 4 - 1) * scale / 2.0);
	long		y0 = lround(cy - 5 * scale / 2.0);

	smp_canvas_rect(c, x0 - 1, y0 - 1, len * 4 * scale - scale + 2,
	    5 * scale + 2, bg);
	smp_canvas_text(c, x0, y0, d, scale, fg);
}

int
smp_chart_overlay(const struct smp_chart_found *f, int have_chart, int ok,
    const char *path, struct smp_err *e)
{
	static const unsigned char	green[3] = { 0, 255, 0 };
	static const unsigned char	red[3] = { 255, 40, 40 };
	struct smp_canvas c;
	unsigned char	*png = NULL;
	size_t		 i, n = 0;
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
			smp_canvas_line(&c, x[a], y[a], x[(a + 1) % 4], y[(a + 1) % 4],
			    ok ? green : red);
		if (f->covered[k])	/* crossed out */
			for (a = 0; a < 2; a++)
				smp_canvas_line(&c, x[a], y[a], x[a + 2],
				    y[a + 2], red);
		smp_chart_point(f, k, 0, 0, &cx, &cy);
		overlay_number(&c, cx * s, cy * s, k + 1, c.w > 600 ? 2 : 1);
	}
	r = smp_png_encode(c.px, c.w, c.h, &png, &n);
	free(c.px);
	if (r == -1)
		return smp_errf(e, SMP_E_NOMEM, "%s: cannot encode the overlay",
		    path);
	r = smp_atomic_write(path, png, n, e);
	free(png);
	return r;
}
