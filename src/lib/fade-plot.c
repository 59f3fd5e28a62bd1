/*
 * fade-plot.c: the --plot picture of smp-fade(1), SVG 1.1: how faded the
 * dots are against years, where the touch-up is due, the touch-up and its
 * 95 % interval, later touch-ups, the blended view, measured points, and
 * under the axes a legend with an entry for each of them as drawn.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

#define W	720
#define H	520
#define ML	70	/* margins: left, right, top, bottom */
#define MR	20
#define MT	48
#define MB	140	/* the x axis, its label and the legend */
#define LEG_ROW	20
#define LEG_COL	((W - ML - MR) / 2)

#define INK	"#1f3a93"
#define RED	"#c0392b"
#define GREY	"#7f8c8d"
#define SHADE	"#f4d9a8"

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
	text(o, (ML + W - MR) / 2.0, H - MB + 38, "middle", "", p->xlabel);
	smp_strbuf_printf(o, "<g transform=\"translate(18 %d) rotate(-90)\">\n",
	    (MT + H - MB) / 2);
	text(o, 0, 0, "middle", "", p->ylabel);
	smp_strbuf_printf(o, "</g>\n");
	text(o, ML, 24, "start", " font-weight=\"bold\"", p->title);
}

/* The marks, drawn the same in the plot and in the legend. */
static void
mark_line(struct smp_strbuf *o, double x1, double y1, double x2, double y2,
    const char *style)
{
	smp_strbuf_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
	    "y2=\"%.1f\" %s/>\n", x1, y1, x2, y2, style);
}

static void
mark_point(struct smp_strbuf *o, double x, double y)
{
	smp_strbuf_printf(o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" "
	    "fill=\"" INK "\" fill-opacity=\"0.5\" stroke=\"" INK "\"/>\n", x, y);
}

static void
mark_touchup(struct smp_strbuf *o, double x, double y)
{
	smp_strbuf_printf(o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" "
	    "fill=\"" RED "\"/>\n", x, y);
}

static void
mark_later(struct smp_strbuf *o, double x, double y)
{
	smp_strbuf_printf(o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" "
	    "fill=\"none\" stroke=\"" RED "\" stroke-width=\"1.5\"/>\n", x, y);
}

static void
mark_shade(struct smp_strbuf *o, double x, double y, double w, double h)
{
	smp_strbuf_printf(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
	    "height=\"%.1f\" fill=\"" SHADE "\" fill-opacity=\"0.6\"/>\n", x, y,
	    w, h);
}

#define STYLE_DOT	"stroke=\"" INK "\" stroke-width=\"2\""
#define STYLE_BLEND	"stroke=\"" GREY "\" stroke-width=\"1.5\" " \
			"stroke-dasharray=\"3 3\""
#define STYLE_DUE	"stroke=\"" RED "\" stroke-dasharray=\"6 4\""

enum legend_mark {
	LEG_DOT, LEG_BLEND, LEG_POINTS, LEG_DUE, LEG_TOUCHUP, LEG_LATER,
	LEG_SHADE
};

/* Entry k of the legend, in two columns under the x axis label. */
static void
legend(struct smp_strbuf *o, int k, enum legend_mark m, const char *label)
{
	double	x = ML + (k % 2) * LEG_COL, y = H - MB + 64 + (k / 2) * LEG_ROW;

	switch (m) {
	case LEG_DOT:
	case LEG_BLEND:
	case LEG_DUE:
		mark_line(o, x, y - 4, x + 24, y - 4, m == LEG_DOT ? STYLE_DOT :
		    m == LEG_BLEND ? STYLE_BLEND : STYLE_DUE);
		break;
	case LEG_POINTS:
		mark_point(o, x + 12, y - 4);
		break;
	case LEG_TOUCHUP:
		mark_touchup(o, x + 12, y - 4);
		break;
	case LEG_LATER:
		mark_later(o, x + 12, y - 4);
		break;
	case LEG_SHADE:
		mark_shade(o, x, y - 11, 24, 14);
		break;
	}
	text(o, x + 30, y, "start", "", label);
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
	size_t			 i, nlater = 0;
	int			 k = 0, shade, tu;

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
	shade = !isnan(p->touchup_early) && p->touchup_early < f.xmax;
	tu = !isnan(p->touchup) && p->touchup <= f.xmax;
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
	if (shade) {
		double	b = isnan(p->touchup_late) ? f.xmax :
			    fmin(p->touchup_late, f.xmax);

		mark_shade(o, px(&f, p->touchup_early), MT,
		    px(&f, b) - px(&f, p->touchup_early), H - MT - MB);
	}
	axes(o, &f, p);
	mark_line(o, ML, py(&f, p->threshold), W - MR, py(&f, p->threshold),
	    STYLE_DUE);
	polyline(o, &f, p->t2, p->de2, p->n2, STYLE_BLEND);
	polyline(o, &f, p->t, p->de, p->n, STYLE_DOT);
	for (i = 0; i < p->np; i++)
		mark_point(o, px(&f, p->pt[i]), py(&f, p->pde[i]));
	for (i = 0; i < p->nlater; i++)
		if (p->later[i] <= f.xmax) {
			mark_later(o, px(&f, p->later[i]), py(&f, p->threshold));
			nlater++;
		}
	if (tu) {
		double	x = px(&f, p->touchup), y = py(&f, p->threshold);

		mark_line(o, x, y, x, H - MB, "stroke=\"" RED "\"");
		mark_touchup(o, x, y);
	}
	legend(o, k++, LEG_DOT, p->dot_label);
	if (p->n2 > 0)
		legend(o, k++, LEG_BLEND, p->blend_label);
	if (p->np > 0)
		legend(o, k++, LEG_POINTS, p->points_label);
	legend(o, k++, LEG_DUE, p->threshold_label);
	if (tu)
		legend(o, k++, LEG_TOUCHUP, p->touchup_label);
	if (shade)
		legend(o, k++, LEG_SHADE, "95 % interval of the touch-up");
	if (nlater > 0)
		legend(o, k++, LEG_LATER, nlater == 1 ? "the next touch-up" :
		    "the touch-ups after it");
	smp_strbuf_printf(o, "</svg>\n");
}
