/*
 * canvas.c: an 8-bit RGB drawing surface for overlays and swatches, with
 * a 3 x 5 pixel font: digits, letters (lower case drawn as upper case) and
 * a little punctuation.  Each glyph is five rows of three bits, top row
 * first, in octal.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

static const unsigned short digits[10] = {
	075557, 026227, 071747, 071717, 055711, 074717, 074757, 071111,
	075757, 075717
};

static const unsigned short letters[26] = {
	025755, 065656, 074447, 065556, 074647, 074644, 074557, 055755,
	072227, 011157, 055655, 044447, 057755, 065555, 075557, 075744,
	075571, 075655, 074717, 072222, 055557, 055552, 055775, 055255,
	055222, 071247
};

static const struct {
	char		c;
	unsigned short	g;
} punct[] = {
	{ '-', 000700 }, { '.', 000002 }, { ':', 002020 }, { '=', 007070 },
	{ '/', 011244 }, { '(', 012221 }, { ')', 042224 }, { '+', 002720 },
	{ ',', 000022 }, { '%', 051245 }
};

static unsigned
font_glyph(int c)
{
	size_t	i;

	if (c >= '0' && c <= '9')
		return digits[c - '0'];
	if (isalpha(c))
		return letters[toupper(c) - 'A'];
	for (i = 0; i < sizeof punct / sizeof punct[0]; i++)
		if (punct[i].c == c)
			return punct[i].g;
	return 0;
}

int
smp_canvas_new(struct smp_canvas *c, uint32_t w, uint32_t h,
    const unsigned char *rgb)
{
	size_t	i;

	c->w = w, c->h = h;
	if ((c->px = malloc((size_t)w * h * 3)) == NULL)
		return -1;
	for (i = 0; i < (size_t)w * h; i++)
		memcpy(c->px + 3 * i, rgb, 3);
	return 0;
}

void
smp_canvas_put(struct smp_canvas *c, long x, long y, const unsigned char *rgb)
{
	if (x < 0 || y < 0 || x >= (long)c->w || y >= (long)c->h)
		return;
	memcpy(c->px + 3 * ((size_t)y * c->w + (size_t)x), rgb, 3);
}

void
smp_canvas_rect(struct smp_canvas *c, long x, long y, long w, long h,
    const unsigned char *rgb)
{
	long	i, j;

	for (j = y; j < y + h; j++)
		for (i = x; i < x + w; i++)
			smp_canvas_put(c, i, j, rgb);
}

void
smp_canvas_disc(struct smp_canvas *c, double cx, double cy, double r,
    const unsigned char *rgb)
{
	long	x, y;

	for (y = (long)floor(cy - r); y <= (long)ceil(cy + r); y++)
		for (x = (long)floor(cx - r); x <= (long)ceil(cx + r); x++)
			if (pow(x + 0.5 - cx, 2) + pow(y + 0.5 - cy, 2) <= r * r)
				smp_canvas_put(c, x, y, rgb);
}

void
smp_canvas_line(struct smp_canvas *c, double x0, double y0, double x1,
    double y1, const unsigned char *rgb)
{
	double	n = fmax(fabs(x1 - x0), fabs(y1 - y0));
	int	i;

	for (i = 0; i <= (int)n + 1; i++) {
		double	t = n > 0 ? i / (n + 1) : 0;

		smp_canvas_put(c, lround(x0 + t * (x1 - x0)),
		    lround(y0 + t * (y1 - y0)), rgb);
	}
}

long
smp_canvas_text(struct smp_canvas *c, long x, long y, const char *s,
    int scale, const unsigned char *rgb)
{
	int	r, b;

	for (; *s != '\0'; s++, x += 4 * scale) {
		unsigned	g = font_glyph((unsigned char)*s);

		for (r = 0; r < 5; r++)
			for (b = 0; b < 3; b++)
				if ((g >> (3 * (4 - r) + (2 - b))) & 1)
					smp_canvas_rect(c, x + b * scale,
					    y + r * scale, scale, scale, rgb);
	}
	return x;
}
