/*
 * swatch.c: the picture a practitioner shows (smp-match(1) --swatch).
 * One row per skin reading: the natural-follicle target, then each
 * candidate as a stipple of its dot colour on the client's skin at the
 * dot size and pitch, 10 pixels per mm, labelled.  PNG (a fixed grid with
 * a legend) or SVG, chosen by the file name; colours are the Lab values
 * converted by lcms2 to sRGB (relative colorimetric), written atomically.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <lcms2.h>

#include "smp.h"
#include "smp-internal.h"

#define PANEL		160	/* pixels: 16 mm of scalp */
#define PX_PER_MM	10.0
#define LABEL_H		40
#define GAP		12
#define LEGEND_H	72
/* characters of the 1-scale font that fit a panel and its gap */
#define LABEL_CHARS	((PANEL + GAP - 4) / SMP_CANVAS_CELL)

struct swatch_ctx {
	cmsHTRANSFORM	 xf;
	const struct smp_swatch_row *rows;
	size_t		 nrows;
	int		 k;
	const struct smp_match_opts *o;
};

static void
lab_rgb(const struct swatch_ctx *s, enum smp_white w, const struct smp_lab *l,
    unsigned char *rgb)
{
	struct smp_lab	d50;
	double		in[3];

	smp_lab_adapt(l, w, SMP_WHITE_D50, &d50);
	in[0] = d50.L, in[1] = d50.a, in[2] = d50.b;
	cmsDoTransform(s->xf, in, rgb, 1);
}

/* Jittered grid of dot centres in a panel, the same for every panel. */
static void
dot_centre(int i, int j, double pitch, double *x, double *y)
{
	unsigned	h = (unsigned)(i * 73856093u) ^ (unsigned)(j * 19349663u);
	double		u = ((h >> 8) & 1023) / 1023.0 - 0.5;
	double		v = ((h >> 18) & 1023) / 1023.0 - 0.5;

	*x = (i + 0.5 + 0.35 * u) * pitch;
	*y = (j + 0.5 + 0.35 * v) * pitch;
}

static void
panel_label(const struct swatch_ctx *s, size_t row, int col, char *l1,
    char *l2, size_t n)
{
	const struct smp_swatch_row *r = &s->rows[row];

	char	mix[32];

	if (col == 0) {
		snprintf(l1, n, "Target");
		snprintf(l2, n, "%s%s", r->target_name, r->target_hair ?
		    " hair" : "");
		return;
	}
	smp_match_text_mix(r->cand[col - 1].dilution, mix, sizeof mix);
	snprintf(l1, n, "%d %s", col, r->cand[col - 1].name);
	snprintf(l2, n, "%s  dE %.1f%s", mix, r->cand[col - 1].de,
	    r->cand[col - 1].same ? "  same" : "");
	/* a label never runs into the next panel's */
	l1[n > LABEL_CHARS ? LABEL_CHARS : n - 1] = '\0';
	l2[n > LABEL_CHARS ? LABEL_CHARS : n - 1] = '\0';
}

static const struct smp_lab *
panel_dot(const struct swatch_ctx *s, size_t row, int col)
{
	const struct smp_swatch_row *r = &s->rows[row];

	return col == 0 ? &r->target : &r->cand[col - 1].dot;
}

/* What the PNG and SVG back-ends draw; swatch_walk lays the grid out. */
struct painter {
	void	(*panel)(void *arg, long x0, long y0, const unsigned char *skin);
	void	(*dot)(void *arg, double cx, double cy, double r,
		    const unsigned char *rgb);
	void	(*labels)(void *arg, long x0, long y0, const char *l1,
		    const char *l2);
};

static void
swatch_walk(const struct swatch_ctx *s, const struct painter *p, void *arg)
{
	double	pitch = s->o->pitch_mm * PX_PER_MM;
	double	rad = s->o->dot_mm * PX_PER_MM / 2;
	char	l1[80], l2[80];
	size_t	row;
	int	col, i, j;

	for (row = 0; row < s->nrows; row++) {
		long	y0 = GAP + (long)row * (PANEL + LABEL_H + GAP);

		for (col = 0; col <= s->k; col++) {
			unsigned char	skin[3], dot[3];
			long		x0 = GAP + col * (PANEL + GAP);
			double		x, y;

			lab_rgb(s, s->rows[row].white, &s->rows[row].skin, skin);
			lab_rgb(s, s->rows[row].white, panel_dot(s, row, col),
			    dot);
			p->panel(arg, x0, y0, skin);
			for (j = 0; j * pitch < PANEL; j++)
				for (i = 0; i * pitch < PANEL; i++) {
					dot_centre(i, j, pitch, &x, &y);
					if (x + rad < PANEL && y + rad < PANEL)
						p->dot(arg, x0 + x, y0 + y, rad,
						    dot);
				}
			panel_label(s, row, col, l1, l2, sizeof l1);
			p->labels(arg, x0, y0, l1, l2);
		}
	}
}

static void
png_panel(void *arg, long x0, long y0, const unsigned char *skin)
{
	smp_canvas_rect(arg, x0, y0, PANEL, PANEL, skin);
}

static void
png_dot(void *arg, double cx, double cy, double r, const unsigned char *rgb)
{
	smp_canvas_disc(arg, cx, cy, r, rgb);
}

static const unsigned char	ink[3] = { 20, 20, 20 };

static void
png_labels(void *arg, long x0, long y0, const char *l1, const char *l2)
{
	smp_canvas_text(arg, x0, y0 + PANEL + 6, l1, 1, ink);
	smp_canvas_text(arg, x0, y0 + PANEL + 6 + 2 * SMP_CANVAS_LINE, l2, 1,
	    ink);
}

static int
swatch_png(const struct swatch_ctx *s, unsigned char **out, size_t *len)
{
	static const unsigned char	white[3] = { 255, 255, 255 };
	static const struct painter	p = { png_panel, png_dot, png_labels };
	struct smp_canvas c;
	uint32_t	 W = GAP + (s->k + 1) * (PANEL + GAP);
	uint32_t	 H = GAP + s->nrows * (PANEL + LABEL_H + GAP) + LEGEND_H;
	char		 leg[160];
	int		 r;

	if (smp_canvas_new(&c, W, H, white) == -1)
		return -1;
	swatch_walk(s, &p, &c);
	snprintf(leg, sizeof leg, "Dots %.2f mm every %.2f mm, %s view.",
	    s->o->dot_mm, s->o->pitch_mm,
	    s->o->view == SMP_VIEW_BLEND ? "blend" : "dot");
	smp_canvas_text(&c, GAP, H - LEGEND_H + 8, leg, 1, ink);
	smp_canvas_text(&c, GAP, H - LEGEND_H + 8 + 2 * SMP_CANVAS_LINE,
	    "1:N = N parts water per part ink; dE = CIEDE2000.", 1, ink);
	smp_canvas_text(&c, GAP, H - LEGEND_H + 8 + 4 * SMP_CANVAS_LINE,
	    "same: within 1 dE of the best, no visible difference.", 1, ink);
	smp_canvas_text(&c, GAP, H - LEGEND_H + 8 + 6 * SMP_CANVAS_LINE,
	    "A model prediction, not a photo; sRGB.", 1, ink);
	r = smp_png_encode(c.px, c.w, c.h, out, len);
	free(c.px);
	return r;
}

static void
svg_panel(void *arg, long x0, long y0, const unsigned char *skin)
{
	smp_strbuf_printf(arg, "<g>\n<rect x=\"%ld\" y=\"%ld\" "
	    "width=\"%d\" height=\"%d\" fill=\"#%02x%02x%02x\"/>\n", x0, y0,
	    PANEL, PANEL, skin[0], skin[1], skin[2]);
}

static void
svg_dot(void *arg, double cx, double cy, double r, const unsigned char *rgb)
{
	smp_strbuf_printf(arg, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.2f\" "
	    "fill=\"#%02x%02x%02x\"/>\n", cx, cy, r, rgb[0], rgb[1], rgb[2]);
}

/* Labels are pigment names ([A-Za-z0-9._+-], smp-catalogue(5)) and fixed
 * words: nothing to escape. */
static void
svg_labels(void *arg, long x0, long y0, const char *l1, const char *l2)
{
	smp_strbuf_printf(arg, "<text x=\"%ld\" y=\"%ld\">%s</text>\n"
	    "<text x=\"%ld\" y=\"%ld\">%s</text>\n</g>\n", x0, y0 + PANEL + 16,
	    l1, x0, y0 + PANEL + 32, l2);
}

static int
swatch_svg(const struct swatch_ctx *s, unsigned char **out, size_t *len)
{
	static const struct painter	p = { svg_panel, svg_dot, svg_labels };
	struct smp_strbuf		o = { NULL, 0, 0, 0 };
	unsigned	 W = GAP + (s->k + 1) * (PANEL + GAP);
	unsigned	 H = GAP + s->nrows * (PANEL + LABEL_H + GAP) + LEGEND_H;

	smp_strbuf_printf(&o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%u\" "
	    "height=\"%u\" viewBox=\"0 0 %u %u\" font-family=\"sans-serif\" "
	    "font-size=\"12\">\n<title>smp-match swatch</title>\n"
	    "<rect width=\"%u\" height=\"%u\" fill=\"#ffffff\"/>\n",
	    W, H, W, H, W, H);
	swatch_walk(s, &p, &o);
	smp_strbuf_printf(&o, "<text x=\"%d\" y=\"%u\">Dots %.2f mm every "
	    "%.2f mm, %s view; 1:N = N parts water per part ink; "
	    "dE = CIEDE2000.</text>\n"
	    "<text x=\"%d\" y=\"%u\">same: within 1 dE of the best, no "
	    "visible difference.  A model prediction, not a photo; sRGB."
	    "</text>\n</svg>\n", GAP, H - LEGEND_H + 20, s->o->dot_mm,
	    s->o->pitch_mm, s->o->view == SMP_VIEW_BLEND ? "blend" : "dot",
	    GAP, H - LEGEND_H + 40);
	if (o.fail) {
		free(o.b);
		return -1;
	}
	*out = (unsigned char *)o.b, *len = o.n;
	return 0;
}

int
smp_swatch_add(struct smp_swatch *sw, const struct smp_catalogue *cat,
    const struct smp_match_group *g,
    const struct smp_match_result *res, int k, struct smp_err *e)
{
	struct smp_swatch_row	*r;
	int			 i;

	if ((r = smp_grow_array(sw->rows, &sw->cap, sw->n, sizeof *r,
	    e)) == NULL)
		return -1;
	sw->rows = r;
	r = &sw->rows[sw->n++];
	memset(r, 0, sizeof *r);
	r->skin = g->skin;
	r->white = g->white;
	r->target = res->tg.dot;
	r->target_hair = res->tg.source == SMP_TARGET_HAIR;
	r->target_name = res->tg.source == SMP_TARGET_HAIR ?
	    smp_names_name(&smp_names_hair, res->tg.hair) :
	    res->tg.source == SMP_TARGET_GIVEN ? "as given" : "from the photo";
	for (i = 0; i < k && i < SMP_SWATCH_MAX_K && (size_t)i < res->ncand;
	    i++) {
		r->cand[i].name = cat->pig[res->cand[i].pig].name;
		r->cand[i].dilution = res->cand[i].dilution;
		r->cand[i].de = res->cand[i].de;
		r->cand[i].same = res->cand[i].equivalent;
		r->cand[i].dot = res->cand[i].dot;
	}
	return 0;
}

void
smp_swatch_free(struct smp_swatch *sw)
{
	free(sw->rows);
	memset(sw, 0, sizeof *sw);
}

static int
ends_with(const char *s, const char *suf)
{
	size_t	a = strlen(s), b = strlen(suf);

	return a >= b && strcasecmp(s + a - b, suf) == 0;
}

int
smp_swatch_path_ok(const char *path)
{
	return ends_with(path, ".png") || ends_with(path, ".svg");
}

int
smp_swatch_write(const char *path, const struct smp_swatch *sw, int k,
    const struct smp_match_opts *o, struct smp_err *e)
{
	const struct smp_swatch_row	*rows = sw->rows;
	size_t				 nrows = sw->n;
	struct swatch_ctx	 s;
	cmsContext		 ctx;
	unsigned char		*buf = NULL;
	size_t			 len = 0;
	int			 svg = ends_with(path, ".svg"), r;

	if (!svg && !ends_with(path, ".png"))
		return smp_errf(e, SMP_E_USAGE, "%s: the swatch name must end "
		    "in .png or .svg", path);
	if ((ctx = smp__lcms_context(e)) == NULL)
		return -1;
	if ((s.xf = smp__lcms_lab_to_srgb(ctx, e)) == NULL) {
		smp__lcms_context_free(ctx);
		return -1;
	}
	s.rows = rows, s.nrows = nrows, s.k = k, s.o = o;
	r = svg ? swatch_svg(&s, &buf, &len) : swatch_png(&s, &buf, &len);
	cmsDeleteTransform(s.xf);
	smp__lcms_context_free(ctx);
	if (r == -1)
		return smp_errf(e, SMP_E_NOMEM, "%s: out of memory", path);
	r = smp_atomic_write(path, buf, len, e);
	free(buf);
	return r;
}
