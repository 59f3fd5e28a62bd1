/*
 * fade-opts.c: smp-fade's own options, in groups with their help: what to
 * predict (pigment, skin, horizon, rows, pictures), a client's series
 * (--fit and which region), and the interval's inputs; their parsing and
 * the checks between them.  The fading model itself is the shared fade
 * group of optgroup.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "smp.h"
#include "smp-cli.h"

enum {
	OPT_PIGMENT = SMP_OPT_TOOL, OPT_DILUTION, OPT_YEARS, OPT_STEP,
	OPT_START, OPT_SUMMARY, OPT_PLOT, OPT_ICS, OPT_FIT, OPT_NO_TOUCHUPS,
	OPT_REGION, OPT_ANY_REGION, OPT_DRAWS, OPT_DEPTH_IV, OPT_STRENGTH_IV
};

const struct smp_opt smp_opts_fade_predict[] = {
	{ "pigment", 1, OPT_PIGMENT, "NAME", "the catalogue pigment" },
	{ "dilution", 1, OPT_DILUTION, "R", "parts water per part ink "
	    "(default 2)" },
	{ "skin", 1, SMP_OPT_SKIN, "L,a,b", "the client's skin, instead of "
	    "readings" },
	{ "years", 1, OPT_YEARS, "N", "horizon (default 10)" },
	{ "step", 1, OPT_STEP, "MONTHS", "row spacing (default 6)" },
	{ "start", 1, OPT_START, "DATE", "first session (default today)" },
	{ "summary", 0, OPT_SUMMARY, NULL, "one row per skin" },
	{ "no-touchups", 0, OPT_NO_TOUCHUPS, NULL, "fade on past the first "
	    "touch-up" },
	{ "plot", 1, OPT_PLOT, "FILE.svg", "how faded the dots are, against "
	    "years" },
	{ "ics", 1, OPT_ICS, "FILE.ics", "calendar reminder at the early end "
	    "of the\ntouch-up's interval" },
	SMP_OPT_END
};

const struct smp_opt smp_opts_fade_fit[] = {
	{ "fit", 1, OPT_FIT, "FILE", "fit the rate to dated readings" },
	{ "region", 1, OPT_REGION, "R", "the series' treated area (default: "
	    "its only one)" },
	{ "any-region", 0, OPT_ANY_REGION, NULL, "take every region's dots as "
	    "one series" },
	SMP_OPT_END
};

const struct smp_opt smp_opts_fade_interval[] = {
	{ "draws", 1, OPT_DRAWS, "N", "Monte Carlo draws for the touch-up's "
	    "interval\n(default 200; 0: none)" },
	{ "depth-interval", 1, OPT_DEPTH_IV, "LO,HI", "the deposit's depth, "
	    "95 %, um (smp-match's\ntest patch; default: its prior)" },
	{ "strength-interval", 1, OPT_STRENGTH_IV, "LO,HI", "the ink's "
	    "strength, 95 % (smp-match's test\npatch; default: its prior)" },
	SMP_OPT_END
};

void
smp_cli_fade_init(struct smp_cli_fade *m, struct smp_fade_report *rp)
{
	memset(m, 0, sizeof *m);
	memset(rp, 0, sizeof *rp);
	smp_match_defaults(&rp->mo);
	smp_fade_defaults(&rp->fo);
	rp->years = 10;
	rp->step = 6;
	rp->touchups = 1;
}

int
smp_cli_fade_tool_opt(struct smp_cli_fade *m, struct smp_fade_report *rp,
    int ch, const char *arg)
{
	struct smp_fade_opts	*fo = &rp->fo;

	switch (ch) {
	case 'c':
		m->catalogue = arg;
		return 1;
	case OPT_PIGMENT:
		m->pigment = arg;
		return 1;
	case SMP_OPT_SKIN:
		smp_cli_lab("--skin", arg, &m->skin);
		m->have_skin = 1;
		return 1;
	case OPT_DILUTION:
		fo->dilution = smp_cli_num("--dilution", arg, 0, 100);
		return 1;
	case OPT_YEARS:
		rp->years = smp_cli_num("--years", arg, 0.5, 100);
		return 1;
	case OPT_STEP:
		rp->step = smp_cli_whole("--step", arg, 120, "number of months");
		return 1;
	case OPT_START:
		rp->start = smp_cli_date("--start", arg);
		rp->have_start = 1;
		return 1;
	case OPT_SUMMARY:
		rp->summary = 1;
		return 1;
	case OPT_NO_TOUCHUPS:
		rp->touchups = 0;
		return 1;
	case OPT_PLOT:
		m->plot = arg;
		return 1;
	case OPT_ICS:
		m->ics = arg;
		return 1;
	case OPT_FIT:
		m->series = arg;
		return 1;
	case OPT_REGION:
		m->region = arg;
		return 1;
	case OPT_ANY_REGION:
		m->any_region = 1;
		return 1;
	case OPT_DRAWS:
		fo->draws = (int)smp_cli_int("--draws", arg, 0, 100000);
		return 1;
	case OPT_DEPTH_IV:
		smp_cli_interval("--depth-interval", arg, 0, 1000, &fo->depth_lo,
		    &fo->depth_hi);
		fo->depth_lo *= 1e-4, fo->depth_hi *= 1e-4;
		return 1;
	case OPT_STRENGTH_IV:
		smp_cli_interval("--strength-interval", arg, 0.01, 100,
		    &fo->strength_lo, &fo->strength_hi);
		return 1;
	}
	return 0;
}

void
smp_cli_fade_done(const struct smp_cli_fade *m, struct smp_fade_report *rp,
    int argc)
{
	size_t	n = m->plot != NULL ? strlen(m->plot) : 0;

	if (m->pigment == NULL)
		smp_cli_usage_error("--pigment is required");
	if (m->series != NULL && argc > 0)
		smp_cli_usage_error("--fit takes its readings from the series file "
		    "only");
	if (m->series == NULL && m->have_skin && argc > 0)
		smp_cli_usage_error("--skin and readings exclude each other");
	if (m->series != NULL && rp->summary)
		smp_cli_usage_error("--fit always prints one row; --summary is for "
		    "predictions");
	if (m->series == NULL && (m->region != NULL || m->any_region))
		smp_cli_usage_error("--region and --any-region choose the dots of "
		    "a --fit series");
	if (m->region != NULL && m->any_region)
		smp_cli_usage_error("--region and --any-region exclude each other");
	if (m->plot != NULL && (n < 5 || strcmp(m->plot + n - 4, ".svg") != 0))
		smp_cli_usage_error("--plot: the name must end in .svg");
	if (!rp->have_start)
		rp->start = smp_date_today();
}
