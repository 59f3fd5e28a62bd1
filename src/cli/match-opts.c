/*
 * match-opts.c: smp-match's own options, in groups with their help: the
 * target (skin, target, hair, view, metric), the client's test patch, and
 * the answer (how many, limits, pictures, the report); their parsing and
 * the checks between them.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "smp.h"
#include "smp-cli.h"

const struct smp_opt smp_opts_match_target[] = {
	{ "skin", 1, SMP_OPT_SKIN, "L,a,b", "the client's skin, instead of "
	    "readings" },
	{ "target", 1, SMP_OPT_TARGET, "L,a,b", "the colour to match "
	    "(default: the follicles\nin the photo, else a shaved follicle)" },
	{ "hair", 1, SMP_OPT_HAIR, "COLOUR", "black, dark-brown (default), "
	    "brown or grey;\nwins over the photo" },
	{ "view", 1, SMP_OPT_VIEW, "VIEW", "dot (close up, default) or blend "
	    "(at a distance)" },
	{ "metric", 1, SMP_OPT_METRIC, "METRIC", "CIEDE2000 (de00, the "
	    "default), de94, cmc or de76" },
	SMP_OPT_END
};

const struct smp_opt smp_opts_match_patch[] = {
	{ "test-patch", 1, SMP_OPT_PATCH, "PIGMENT[:R]", "the client's healed "
	    "test patch: pigment and dilution" },
	{ "patch-lab", 1, SMP_OPT_PATCH_LAB, "L,a,b", "the test patch's "
	    "reading" },
	{ "patch-region", 1, SMP_OPT_PATCH_REGION, "REGION", "the region that "
	    "holds the test patch" },
	SMP_OPT_END
};

const struct smp_opt smp_opts_match_answer[] = {
	{ NULL, 1, 'k', "N", "candidates per reading (default 3)" },
	{ "max-de", 1, SMP_OPT_MAX_DE, "X", "exit 1 when the best is further "
	    "than X" },
	{ "max-dilution", 1, SMP_OPT_MAX_DIL, "R", "most water per part ink "
	    "(default 30)" },
	{ "draws", 1, SMP_OPT_DRAWS, "N", "Monte Carlo draws for p_best and "
	    "the interval\n(default 200; 0: none)" },
	{ "swatch", 1, SMP_OPT_SWATCH, "FILE", "picture of the candidates, "
	    ".png or .svg" },
	{ "report", 1, SMP_OPT_REPORT, "FILE.html", "a consultation sheet: one "
	    "self-contained page" },
	{ "list-pigments", 0, SMP_OPT_LIST, NULL, "print the catalogue's "
	    "pigments and exit" },
	SMP_OPT_END
};

void
smp_cli_match_init(struct smp_cli_match *m)
{
	memset(m, 0, sizeof *m);
	m->k = 3;
	m->max_de = NAN;
}

int
smp_cli_match_opt(struct smp_cli_match *m, struct smp_match_opts *o,
    struct smp_match_request *rq, struct smp_sample_opts *so, int ch,
    const char *arg)
{
	switch (ch) {
	case 'c':
		m->catalogue = arg;
		return 1;
	case 'k':
		m->k = (int)smp_cli_int("-k", arg, 1, 1000000);	/* above: all */
		return 1;
	case SMP_OPT_SKIN:
		smp_cli_lab("--skin", arg, &m->skin);
		m->have_skin = 1;
		return 1;
	case SMP_OPT_TARGET:
		smp_cli_lab("--target", arg, &rq->target);
		rq->have_target = 1;
		return 1;
	case SMP_OPT_HAIR:
		o->hair = smp_cli_choice("--hair", arg, &smp_names_hair);
		rq->have_hair = 1;
		return 1;
	case SMP_OPT_VIEW:
		o->view = smp_cli_choice("--view", arg, &smp_names_view);
		return 1;
	case SMP_OPT_METRIC:
		o->metric = smp_cli_choice("--metric", arg, &smp_names_metric);
		return 1;
	case SMP_OPT_MAX_DE:
		m->max_de = smp_cli_num("--max-de", arg, 0, 1000);
		return 1;
	case SMP_OPT_MAX_DIL:
		o->max_dilution = smp_cli_num("--max-dilution", arg, 0, 100);
		return 1;
	case SMP_OPT_DRAWS:
		o->draws = (int)smp_cli_int("--draws", arg, 0,
		    SMP_MATCH_MAX_DRAWS);
		return 1;
	case SMP_OPT_SWATCH:
		m->swatch = arg;
		return 1;
	case SMP_OPT_REPORT:
		m->report = arg;
		so->insets = 1;
		return 1;
	case SMP_OPT_LIST:
		m->list = 1;
		return 1;
	case SMP_OPT_PATCH:
		m->patch = arg;
		return 1;
	case SMP_OPT_PATCH_LAB:
		smp_cli_lab("--patch-lab", arg, &rq->patch_lab);
		rq->have_patch_lab = 1;
		return 1;
	case SMP_OPT_PATCH_REGION:
		rq->patch_region = arg;
		return 1;
	}
	return 0;
}

static int
ends_html(const char *s)
{
	size_t	n = strlen(s);

	return n > 5 && strcasecmp(s + n - 5, ".html") == 0;
}

void
smp_cli_match_done(struct smp_cli_match *m, struct smp_match_request *rq,
    struct smp_sample_opts *so, struct smp_cli_common *c, size_t nfiles)
{
	struct smp_region	rg;
	struct smp_err		e = SMP_ERR_INIT;

	smp_cli_sampling_done(so, c);
	/* for images the patch region is sampled too; for readings it is
	 * the label of their region column */
	if (rq->patch_region != NULL &&
	    smp_region_parse(rq->patch_region, &rg, &e) == 0) {
		smp_region_clear(&rg);
		smp_cli_region(rq->patch_region, so);
	}
	rq->target_white = rq->patch_white = c->white;
	rq->chart = so->chart;
	/* people at a terminal get the table, pipes TSV */
	if (!c->fmt_given && isatty(STDOUT_FILENO))
		c->fmt = SMP_TABLE_TEXT;
	if (rq->have_target && rq->have_hair)
		smp_cli_usage_error("--target and --hair exclude each other");
	if (m->have_skin && nfiles > 0)
		smp_cli_usage_error("--skin and readings or images exclude each "
		    "other");
	if (m->swatch != NULL && !smp_swatch_path_ok(m->swatch))
		smp_cli_usage_error("--swatch: the name must end in .png or .svg");
	if (m->report != NULL && !ends_html(m->report))
		smp_cli_usage_error("--report: the name must end in .html");
	if ((m->patch != NULL) != (rq->have_patch_lab ||
	    rq->patch_region != NULL) || (rq->have_patch_lab &&
	    rq->patch_region != NULL))
		smp_cli_usage_error("--test-patch needs one of --patch-lab and "
		    "--patch-region");
}

void
smp_cli_match_patch(const struct smp_cli_match *m,
    const struct smp_catalogue *cat, struct smp_match_request *rq)
{
	char			 name[SMP_NAME_MAX];
	const char		*colon;
	size_t			 n;
	const struct smp_pigment *p;

	if (m->patch == NULL)
		return;
	colon = strrchr(m->patch, ':');
	n = colon != NULL ? (size_t)(colon - m->patch) : strlen(m->patch);
	if (n >= sizeof name)
		smp_cli_usage_error("--test-patch: pigment name too long");
	memcpy(name, m->patch, n);
	name[n] = '\0';
	if ((p = smp_catalogue_find(cat, name)) == NULL)
		smp_cli_usage_error("--test-patch: no pigment '%s' in the "
		    "catalogue", name);
	rq->have_patch = 1;
	rq->patch_pig = (int)(p - cat->pig);
	rq->patch_dilution = colon != NULL ? smp_cli_num("--test-patch",
	    colon + 1, 0, 1000) : 0;
}
