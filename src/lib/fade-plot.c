/*
 * fade-plot.c: the --plot picture of smp-fade(1), SVG 1.1: dE00 of the dot
 * from its healed colour against years, the threshold, the touch-up point
 * (with its interval when fitted), the blended view, measured points.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

#define W	720
#define H	440
#define ML	70	/* margins: left, right, top, bottom */
#define MR	20
#define MT	48
#define MB	60

struct frame {
	double	xmax, ymax;
};

static double
px(const struct frame *f, double t)
{
	return ML + (W - ML - MR) * t / f->xmax;
}

static double
py(const struct frame *f, double d)
{
	return H - MB - (H - MT - MB) * fmin(d, f->ymax) / f->ymax;
}

/* A tick step of 1, 2 or 5 times a power of ten giving 4..10 ticks. */
static double
tick_step(double max)
{
	double	p = pow(10, floor(log10(max / 4))), m[3] = { 1, 2, 5 };
	int	i;

	for (i = 0; i < 3; i++)
		if (max / (m[i] * p) <= 10)
			return m[i] * p;
	return 10 * p;
}

/* Only &, < and > can occur in our labels (names are [A-Za-z0-9._+-]). */
static void
text(struct smp_strbuf *o, double x, double y, const char *anchor,
    const char *extra, const char *s)
{
	smp_strbuf_printf(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>",
	    x, y, anchor, extra);
	for (; *s != '\0'; s++)
		if (*s == '&')
			smp_strbuf_printf(o, "&amp;");
		else if (*s == '<')
			smp_strbuf_printf(o, "&lt;");
		else if (*s == '>')
			smp_strbuf_printf(o, "&gt;");
		else
			smp_strbuf_printf(o, "%c", *s);
	smp_strbuf_printf(o, "</text>\n");
}

static void
polyline(struct smp_strbuf *o, const struct frame *f, const double *t,
    const double *d, size_t n, const char *style)
{
	size_t	i;

	if (n == 0)
		return;
	smp_strbuf_printf(o, "<polyline fill=\"none\" %s points=\"", style);
	for (i = 0; i < n; i++)
		smp_strbuf_printf(o, "%s%.1f,%.1f", i ? " " : "", px(f, t[i]),
		    py(f, d[i]));
	smp_strbuf_printf(o, "\"/>\n");
}

static void
axes(struct smp_strbuf *o, const struct frame *f, const struct smp_fade_plot *p)
{
	double	sx = tick_step(f->xmax), sy = tick_step(f->ymax), v;
	char	lab[32];

	smp_strbuf_printf(o, "<g stroke=\"#dddddd\">\n");
	for (v = 0; v <= f->ymax + 1e-9; v += sy)
		smp_strbuf_printf(o, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" "
		    "y2=\"%.1f\"/>\n", ML, py(f, v), W - MR, py(f, v));
	smp_strbuf_printf(o, "</g>\n<g stroke=\"#000000\">\n<line x1=\"%d\" "
	    "y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n<line x1=\"%d\" y1=\"%d\" "
	    "x2=\"%d\" y2=\"%d\"/>\n</g>\n", ML, H - MB, W - MR, H - MB, ML,
	    MT, ML, H - MB);
	for (v = 0; v <= f->xmax + 1e-9; v += sx) {
		snprintf(lab, sizeof lab, "%g", v);
		text(o, px(f, v), H - MB + 18, "middle", "", lab);
	}
	for (v = 0; v <= f->ymax + 1e-9; v += sy) {
		snprintf(lab, sizeof lab, "%g", v);
		text(o, ML - 8, py(f, v) + 4, "end", "", lab);
	}
	text(o, (ML + W - MR) / 2.0, H - 18, "middle", "", p->xlabel);
	smp_strbuf_printf(o, "<text transform=\"translate(18 %d) rotate(-90)\" "
	    "text-anchor=\"middle\">dE00 of the dot from its healed colour"
	    "</text>\n", (MT + H - MB) / 2);
	text(o, ML, 24, "start", " font-weight=\"bold\"", p->title);
}

int
smp_fade_plot_write(const char *path, const struct smp_fade_plot *p,
    struct smp_err *e)
{
	struct smp_strbuf	o = { NULL, 0, 0, 0 };

	smp_fade_plot_svg(p, 1, &o);
	return smp_strbuf_write(&o, path, e);
}

void
smp_fade_plot_svg(const struct smp_fade_plot *p, int standalone,
    struct smp_strbuf *out)
{
	struct smp_strbuf	*o = out;
	struct frame		 f = { 1, 1 };
	size_t			 i;

	for (i = 0; i < p->n; i++) {
		f.xmax = fmax(f.xmax, p->t[i]);
		f.ymax = fmax(f.ymax, p->de[i]);
	}
	for (i = 0; i < p->np; i++) {
		f.xmax = fmax(f.xmax, p->pt[i]);
		f.ymax = fmax(f.ymax, p->pde[i]);
	}
	f.ymax = fmax(f.ymax, p->threshold * 1.25);
	f.xmax = ceil(f.xmax);
	f.ymax = tick_step(f.ymax) * ceil(f.ymax / tick_step(f.ymax));
	if (standalone)
		smp_strbuf_printf(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		    "\n");
	smp_strbuf_printf(o, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "version=\"1.1\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
	    "%s>\n", W, H, W,
	    H, standalone ? "font-family=\"sans-serif\" font-size=\"12\"" :
	    "style=\"font-family: sans-serif; font-size: 12px\"");
	smp_strbuf_printf(o, "<title>smp-fade</title>\n<rect width=\"%d\" "
	    "height=\"%d\" fill=\"#ffffff\"/>\n", W, H);
	axes(o, &f, p);
	if (!isnan(p->touchup_early) || !isnan(p->touchup_late)) {
		double	a = isnan(p->touchup_early) ? 0 : p->touchup_early;
		double	b = isnan(p->touchup_late) ? f.xmax :
			    fmin(p->touchup_late, f.xmax);

		smp_strbuf_printf(o, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
		    "height=\"%d\" fill=\"#f4d9a8\" fill-opacity=\"0.6\"/>\n",
		    px(&f, a), MT, px(&f, b) - px(&f, a), H - MT - MB);
	}
	smp_strbuf_printf(o, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" "
	    "y2=\"%.1f\" stroke=\"#c0392b\" stroke-dasharray=\"6 4\"/>\n", ML,
	    py(&f, p->threshold), W - MR, py(&f, p->threshold));
	{
		char	lab[64];

		snprintf(lab, sizeof lab, "touch-up threshold %.2f",
		    p->threshold);
		text(o, W - MR - 4, py(&f, p->threshold) - 6, "end",
		    " fill=\"#c0392b\"", lab);
	}
	polyline(o, &f, p->t2, p->de2, p->n2,
	    "stroke=\"#7f8c8d\" stroke-width=\"1.5\" stroke-dasharray=\"3 3\"");
	polyline(o, &f, p->t, p->de, p->n,
	    "stroke=\"#1f3a93\" stroke-width=\"2\"");
	for (i = 0; i < p->np; i++)
		smp_strbuf_printf(o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" "
		    "fill=\"#1f3a93\" fill-opacity=\"0.5\" stroke=\"#1f3a93\"/>\n",
		    px(&f, p->pt[i]), py(&f, p->pde[i]));
	for (i = 0; i < p->nlater; i++)
		if (p->later[i] <= f.xmax)
			smp_strbuf_printf(o, "<circle cx=\"%.1f\" cy=\"%.1f\" "
			    "r=\"4\" fill=\"none\" stroke=\"#c0392b\" "
			    "stroke-width=\"1.5\"/>\n", px(&f, p->later[i]),
			    py(&f, p->threshold));
	if (!isnan(p->touchup) && p->touchup <= f.xmax) {
		double	x = px(&f, p->touchup), y = py(&f, p->threshold);

		smp_strbuf_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%d\" stroke=\"#c0392b\"/>\n<circle cx=\"%.1f\" "
		    "cy=\"%.1f\" r=\"5\" fill=\"#c0392b\"/>\n", x, y, x, H - MB,
		    x, y);
		text(o, x + 6, y + 16, x > W / 2 ? "end" : "start",
		    " fill=\"#c0392b\"", p->touchup_label);
	}
	{
		double	lx = ML + 10, ly = MT + 14;

		smp_strbuf_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"#1f3a93\" stroke-width=\"2\"/>\n", lx,
		    ly - 4, lx + 24, ly - 4);
		text(o, lx + 30, ly, "start", "", p->n2 > 0 ?
		    "dot (close up)" : "fitted dot");
		if (p->n2 > 0) {
			smp_strbuf_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" "
			    "x2=\"%.1f\" y2=\"%.1f\" stroke=\"#7f8c8d\" "
			    "stroke-dasharray=\"3 3\"/>\n", lx, ly + 14,
			    lx + 24, ly + 14);
			text(o, lx + 30, ly + 18, "start", "",
			    "blended (at a distance)");
		}
		if (p->np > 0)
			text(o, lx + 30, ly + 18, "start", "",
			    "o  measured (dE00 from the baseline reading)");
	}
	smp_strbuf_printf(o, "</svg>\n");
}
