/*
 * report-figure.c: the pictures of the consultation report, all inside
 * the page: the photo region as a PNG data URI with the cells where dots
 * or follicles were read tinted, a field of SMP dots on the client's skin
 * at true size as SVG in millimetres, and a swatch of a colour.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"
#include "smp-internal.h"

static const unsigned char	dot_tint[3] = { 230, 0, 180 };

static void
to_rgb(cmsHTRANSFORM xf, const struct smp_lab *lab, enum smp_white w,
    unsigned char *rgb)
{
	struct smp_lab	d50;
	cmsCIELab	l;

	smp_lab_adapt(lab, w, SMP_WHITE_D50, &d50);
	l.L = d50.L, l.a = d50.a, l.b = d50.b;
	cmsDoTransform(xf, &l, rgb, 1);
}

/* sRGB hex (#rrggbb) of Lab in white w. */
void
smp__report_figure_hex(cmsHTRANSFORM xf, const struct smp_lab *lab,
    enum smp_white w, char *hex)
{
	unsigned char	rgb[3];

	to_rgb(xf, lab, w, rgb);
	snprintf(hex, 8, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
}

static void
base64(struct smp_strbuf *o, const unsigned char *p, size_t n)
{
	static const char	al[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq"
				    "rstuvwxyz0123456789+/";
	size_t			i;

	for (i = 0; i < n; i += 3) {
		unsigned long	v = (unsigned long)p[i] << 16 |
				    (i + 1 < n ? (unsigned long)p[i + 1] << 8 : 0) |
				    (i + 2 < n ? p[i + 2] : 0);

		smp_strbuf_printf(o, "%c%c%c%c", al[v >> 18 & 63],
		    al[v >> 12 & 63], i + 1 < n ? al[v >> 6 & 63] : '=',
		    i + 2 < n ? al[v & 63] : '=');
	}
}

/* The inset as <img>: cells enlarged to at least 2 pixels, the dark
 * class tinted; white where the region has no pixel.  -1 when out of
 * memory. */
int
smp__report_figure_inset(struct smp_strbuf *o, cmsHTRANSFORM xf,
    const struct smp_inset *in, enum smp_white w, const char *alt)
{
	uint32_t	z = in->w < 160 ? 2 : 1, x, y;
	unsigned char	*px, *png = NULL;
	size_t		 len = 0;
	int		 r = -1;

	if ((px = malloc((size_t)in->w * z * in->h * z * 3 + 1)) == NULL)
		return -1;
	for (y = 0; y < in->h * z; y++)
		for (x = 0; x < in->w * z; x++) {
			size_t		 k = (size_t)(y / z) * in->w + x / z;
			unsigned char	*d = px + ((size_t)y * in->w * z + x) * 3;
			struct smp_lab	 lab = { in->lab[3 * k], in->lab[3 * k + 1],
					    in->lab[3 * k + 2] };
			int		 c;

			if (isnan(lab.L)) {
				d[0] = d[1] = d[2] = 255;
				continue;
			}
			to_rgb(xf, &lab, w, d);
			for (c = 0; c < 3 && in->dot[k]; c++)
				d[c] = (unsigned char)((d[c] + 2u * dot_tint[c]) /
				    3);
		}
	if (smp_png_encode(px, in->w * z, in->h * z, &png, &len) == 0) {
		smp_strbuf_printf(o, "<img class=\"inset\" width=\"%u\" "
		    "height=\"%u\" alt=\"%s\" src=\"data:image/png;base64,",
		    (unsigned)(in->w * z), (unsigned)(in->h * z), alt);
		base64(o, png, len);
		smp_strbuf_printf(o, "\">\n");
		r = o->fail ? -1 : 0;
	}
	free(png);
	free(px);
	return r;
}

/* size_mm square of skin with dots of dot_mm at pitch_mm, at true size
 * (CSS millimetres, as near as the screen allows). */
void
smp__report_figure_field(struct smp_strbuf *o, const char *skin,
    const char *dot, double size_mm, double dot_mm, double pitch_mm,
    const char *label)
{
	double	x, y;

	smp_strbuf_printf(o, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "style=\"width: %gmm; height: %gmm\" viewBox=\"0 0 %g %g\" "
	    "role=\"img\" aria-label=\"%s\"><rect width=\"%g\" height=\"%g\" "
	    "fill=\"%s\"/>", size_mm, size_mm, size_mm, size_mm, label, size_mm,
	    size_mm, skin);
	for (y = pitch_mm / 2; y < size_mm; y += pitch_mm)
		for (x = pitch_mm / 2; x < size_mm; x += pitch_mm)
			smp_strbuf_printf(o, "<circle cx=\"%.2f\" cy=\"%.2f\" "
			    "r=\"%.3f\" fill=\"%s\"/>", x, y, dot_mm / 2, dot);
	smp_strbuf_printf(o, "</svg>\n");
}

void
smp__report_figure_swatch(struct smp_strbuf *o, const char *colour,
    const char *label)
{
	smp_strbuf_printf(o, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"48\" height=\"48\" viewBox=\"0 0 48 48\" role=\"img\" "
	    "aria-label=\"%s\"><rect width=\"48\" height=\"48\" fill=\"%s\"/>"
	    "</svg>\n", label, colour);
}
