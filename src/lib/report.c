/*
 * report.c: smp-match --report, one self-contained HTML page for the
 * client's record (smp-match(1) "The report"): per reading, what was
 * measured (an inset from the photo, the skin and its ITA class, the
 * calibration), the top candidates as dot fields on this skin beside the
 * target at true size and blended at a distance, the mix to prepare, the
 * flags in words, and the fading forecast of the top pick from smp-fade's
 * engine.  Everything is inside the page; it is written atomically.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"
#include "smp-internal.h"

#define REPORT_K	3	/* candidates shown */
#define FIELD_MM	10	/* side of a dot field */
#define FADE_YEARS	10

struct smp_report {
	struct smp_strbuf	body;
	cmsContext		ctx;
	cmsHTRANSFORM		xf;
	int			n;
};

struct smp_report *
smp_report_new(struct smp_err *e)
{
	struct smp_report	*rp;

	if ((rp = calloc(1, sizeof *rp)) == NULL) {
		smp_errf(e, SMP_E_NOMEM, "out of memory");
		return NULL;
	}
	if ((rp->ctx = smp__lcms_context(e)) == NULL ||
	    (rp->xf = smp__lcms_lab_to_srgb(rp->ctx, e)) == NULL) {
		smp_report_free(rp);
		return NULL;
	}
	return rp;
}

void
smp_report_free(struct smp_report *rp)
{
	if (rp == NULL)
		return;
	if (rp->xf != NULL)
		cmsDeleteTransform(rp->xf);
	if (rp->ctx != NULL)
		smp__lcms_context_free(rp->ctx);
	free(rp->body.b);
	free(rp);
}

/* Text for HTML: & < > " escaped. */
static void
esc(struct smp_strbuf *o, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&': smp_strbuf_printf(o, "&amp;"); break;
		case '<': smp_strbuf_printf(o, "&lt;"); break;
		case '>': smp_strbuf_printf(o, "&gt;"); break;
		case '"': smp_strbuf_printf(o, "&quot;"); break;
		default: smp_strbuf_printf(o, "%c", *s);
		}
}

static void
measured(struct smp_report *rp, const struct smp_match_group *g,
    const struct smp_match_result *r)
{
	struct smp_strbuf	*o = &rp->body;
	char			 line[512];

	smp_strbuf_printf(o, "<section class=\"measured\">\n<h3>What was "
	    "measured</h3>\n");
	if (g->inset != NULL) {
		smp__report_figure_inset(o, rp->xf, g->inset, g->white,
		    "the measured region of the photo");
		smp_strbuf_printf(o, "<p class=\"legend\">The region of the "
		    "photo that was measured; tinted magenta: where %s were "
		    "read, the rest is the skin.</p>\n", r->tg.source ==
		    SMP_TARGET_READING ? "the follicles" : "dark pixels");
	} else
		smp_strbuf_printf(o, "<p class=\"legend\">No picture: the "
		    "reading came from a file or the command line.</p>\n");
	smp_match_text_heading(g, r, line, sizeof line);
	smp_strbuf_printf(o, "<p>");
	esc(o, line);
	smp_strbuf_printf(o, ".</p>\n<p>Skin tone class %s (ITA %.0f&deg;). "
	    "Colours: %s", smp_ita_class(r->ita), r->ita,
	    smp_names_name(&smp_names_source, g->source));
	if (isfinite(g->calib_de00))
		smp_strbuf_printf(o, ", calibrated on the chart in the photo "
		    "to %.2f dE00 on average", g->calib_de00);
	smp_strbuf_printf(o, "; the skin model fits the reading to %.2f "
	    "dE00.</p>\n</section>\n", r->ms.fit.de00);
}

static void
candidates(struct smp_report *rp, const struct smp_catalogue *cat,
    const struct smp_match_opts *o, const struct smp_match_group *g,
    const struct smp_match_result *r)
{
	struct smp_strbuf	*s = &rp->body;
	char			 skin[8], tdot[8], tblend[8];
	size_t			 j;

	smp__report_figure_hex(rp->xf, &g->skin, g->white, skin);
	smp__report_figure_hex(rp->xf, &r->tg.dot, g->white, tdot);
	smp__report_figure_hex(rp->xf, &r->tg.blend, g->white, tblend);
	smp_strbuf_printf(s, "<section class=\"candidates\">\n<h3>The best "
	    "candidates on this skin</h3>\n<p>Each field is %d mm square at "
	    "true size (%.2f mm dots %.1f mm apart); the square beside it is "
	    "how the field blends at a distance.</p>\n<div class=\"row\">"
	    "<figure>", FIELD_MM, o->dot_mm, o->pitch_mm);
	smp__report_figure_field(s, skin, tdot, FIELD_MM, o->dot_mm,
	    o->pitch_mm, "the target");
	smp__report_figure_swatch(s, tblend, "the target at a distance");
	smp_strbuf_printf(s, "<figcaption>Target</figcaption></figure>\n");
	for (j = 0; j < REPORT_K && j < r->ncand; j++) {
		const struct smp_candidate *c = &r->cand[j];
		char	dot[8], blend[8], mix[32];

		smp__report_figure_hex(rp->xf, &c->dot, g->white, dot);
		smp__report_figure_hex(rp->xf, &c->blend, g->white, blend);
		smp_match_text_mix(c->dilution, mix, sizeof mix);
		smp_strbuf_printf(s, "<figure>");
		smp__report_figure_field(s, skin, dot, FIELD_MM, o->dot_mm,
		    o->pitch_mm, cat->pig[c->pig].name);
		smp__report_figure_swatch(s, blend, "at a distance");
		smp_strbuf_printf(s, "<figcaption>%zu. %s %s<br>dE00 %.2f%s"
		    "</figcaption></figure>\n", j + 1, cat->pig[c->pig].name,
		    mix, c->de00, c->equivalent ? ", looks the same" : "");
	}
	smp_strbuf_printf(s, "</div>\n</section>\n");
}

static void
mix(struct smp_report *rp, const struct smp_catalogue *cat,
    const struct smp_match_result *r)
{
	const struct smp_candidate *c = &r->cand[0];
	struct smp_strbuf	*o = &rp->body;
	char			 m[32], v[512];

	smp_match_text_mix(c->dilution, m, sizeof m);
	smp_match_text_verdict(cat, r, v, sizeof v);
	smp_strbuf_printf(o, "<section class=\"mix\">\n<h3>The mix to "
	    "prepare</h3>\n<p class=\"verdict\">");
	esc(o, v);
	smp_strbuf_printf(o, ".</p>\n<p>1 ml of %s with %s ml of distilled "
	    "water (%s).</p>\n</section>\n", cat->pig[c->pig].name, m + 2, m);
}

static void
flags(struct smp_report *rp, const struct smp_match_result *r)
{
	struct smp_strbuf	*o = &rp->body;
	const char		*w;
	int			 i = 0;

	smp_strbuf_printf(o, "<section class=\"flags\">\n<h3>What to watch"
	    "</h3>\n");
	if (r->flags == 0)
		smp_strbuf_printf(o, "<p>Nothing is flagged.</p>\n");
	else {
		smp_strbuf_printf(o, "<ul>\n");
		while ((w = smp_match_text_flag(r->flags, &i)) != NULL) {
			smp_strbuf_printf(o, "<li>");
			esc(o, w);
			smp_strbuf_printf(o, ".</li>\n");
		}
		smp_strbuf_printf(o, "</ul>\n");
	}
	smp_strbuf_printf(o, "</section>\n");
}

/* The first touch-up of the top pick at its mix and its interval, with
 * smp-fade's defaults, on this skin, deposit and strength (the test
 * patch's intervals when there is one). */
static int
fading(struct smp_report *rp, const struct smp_catalogue *cat,
    const struct smp_match_opts *o, const struct smp_match_group *g,
    const struct smp_match_result *r, struct smp_err *e)
{
	struct smp_fade_report	 fr;
	struct smp_fade_when	 w;
	struct smp_fade		*f;
	struct smp_strbuf	*s = &rp->body;
	char			 d[16], de[16], dl[16];

	memset(&fr, 0, sizeof fr);
	fr.cat = cat;
	fr.pig = &cat->pig[r->cand[0].pig];
	fr.mo = *o;
	fr.mo.skin.d_above = r->ms.depth;
	fr.mo.strength = r->ms.strength;
	smp_fade_defaults(&fr.fo);
	fr.fo.dilution = r->cand[0].dilution;
	if (r->have_patch) {
		fr.fo.depth_lo = r->patch.depth_lo;
		fr.fo.depth_hi = r->patch.depth_hi;
		fr.fo.strength_lo = r->patch.strength_lo;
		fr.fo.strength_hi = r->patch.strength_hi;
	}
	fr.start = smp_date_today();
	fr.years = FADE_YEARS;
	if ((f = malloc(sizeof *f)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	if (smp_fade_init(f, cat, fr.pig, &g->skin, g->white, &fr.mo, &fr.fo,
	    e) == -1 || smp_fade_spread(f, FADE_YEARS, &w.early, &w.late,
	    e) == -1) {
		free(f);
		return -1;
	}
	w.tu = smp_fade_touchup(f, FADE_YEARS);
	smp_fade_plan(f, FADE_YEARS);
	smp_strbuf_printf(s, "<section class=\"fade\">\n<h3>How long the dots "
	    "last</h3>\n");
	if (isnan(w.tu))
		smp_strbuf_printf(s, "<p>No touch-up is due within %d years "
		    "(smp-fade's defaults: %g SED of UV a year, no "
		    "protection).</p>\n", FADE_YEARS, fr.fo.uv);
	else {
		smp_date_format(smp_date_add_years(fr.start, w.tu), d, sizeof d);
		smp_strbuf_printf(s, "<p>The first touch-up is due about %.1f "
		    "years after the first session (%s if it is today), with "
		    "smp-fade's defaults (%g SED of UV a year, no "
		    "protection).", w.tu, d, fr.fo.uv);
		if (!isnan(w.early)) {
			smp_date_format(smp_date_add_years(fr.start, w.early),
			    de, sizeof de);
			if (isnan(w.late))
				smp_strbuf_printf(s, " What the model assumes "
				    "puts it from %s to more than %d years on "
				    "(95 %%).", de, FADE_YEARS);
			else {
				smp_date_format(smp_date_add_years(fr.start,
				    w.late), dl, sizeof dl);
				smp_strbuf_printf(s, " What the model assumes "
				    "puts it between %s and %s (95 %%).", de,
				    dl);
			}
		}
		smp_strbuf_printf(s, "</p>\n");
	}
	smp_strbuf_printf(s, "<figure class=\"plot\">");
	if (smp_fade_pictures_plot_svg(&fr, f, &w, 0, s) == -1) {
		free(f);
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	}
	smp_strbuf_printf(s, "<figcaption>How much the dots have faded over the "
	    "years: the share of their healed contrast with the skin that "
	    "they have lost.</figcaption></figure>\n</section>\n");
	free(f);
	return 0;
}

int
smp_report_add(struct smp_report *rp, const struct smp_catalogue *cat,
    const struct smp_match_opts *o, const struct smp_match_group *g,
    const struct smp_match_result *r, struct smp_err *e)
{
	struct smp_strbuf	*s = &rp->body;

	rp->n++;
	smp_strbuf_printf(s, "<section class=\"reading\" id=\"reading-%d\">\n"
	    "<h2>", rp->n);
	esc(s, g->file);
	smp_strbuf_printf(s, ", region ");
	esc(s, g->region);
	smp_strbuf_printf(s, "</h2>\n");
	measured(rp, g, r);
	candidates(rp, cat, o, g, r);
	mix(rp, cat, r);
	flags(rp, r);
	if (fading(rp, cat, o, g, r, e) == -1)
		return -1;
	smp_strbuf_printf(s, "</section>\n");
	return s->fail ? smp_errf(e, SMP_E_NOMEM, "out of memory") : 0;
}

int
smp_report_write(struct smp_report *rp, const char *path,
    const char *catalogue, struct smp_err *e)
{
	struct smp_strbuf	o = { NULL, 0, 0, 0 };
	char			today[16];

	smp_date_format(smp_date_today(), today, sizeof today);
	smp_strbuf_printf(&o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>SMP consultation sheet</title>\n"
	    "<style>\nbody { font-family: sans-serif; margin: 2em; "
	    "max-width: 60em; color: #222; }\nh2 { border-bottom: 1px solid "
	    "#999; }\n.row { display: flex; flex-wrap: wrap; gap: 1.5em; }\n"
	    "figure { margin: 0; }\nfigcaption { font-size: 0.9em; }\n"
	    ".legend { font-size: 0.9em; color: #555; }\n.verdict { "
	    "font-weight: bold; }\nimg.inset { image-rendering: pixelated; "
	    "border: 1px solid #999; }\n</style>\n</head>\n<body>\n"
	    "<h1>SMP consultation sheet</h1>\n<p class=\"legend\">%s, "
	    "smptools %s; catalogue ", today, PACKAGE_VERSION);
	esc(&o, catalogue);
	smp_strbuf_printf(&o, ".  The model and its sources: smp-model(7).  "
	    "A test patch on the client confirms a choice.</p>\n");
	if (rp->n == 0)
		smp_strbuf_printf(&o, "<p>No reading could be matched.</p>\n");
	smp_strbuf_printf(&o, "%s</body>\n</html>\n", rp->body.b != NULL ?
	    rp->body.b : "");
	return smp_strbuf_write(&o, path, e);
}
