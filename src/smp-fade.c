/*
 * smp-fade: how a pigment fades in a client's skin over the years, when
 * to touch up, and a client's own rate from dated follow-up readings
 * (smp-fade(1)).
 */
#include "config.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"
#include "smp-cli.h"

enum {
	OPT_PIGMENT = SMP_OPT_TOOL, OPT_DILUTION, OPT_SKIN, OPT_YEARS,
	OPT_STEP, OPT_START, OPT_SUMMARY, OPT_PLOT, OPT_ICS, OPT_FIT,
	OPT_NO_TOUCHUPS
};

static const struct smp_opt own[] = {
	{ "pigment", 1, OPT_PIGMENT, "NAME", "the catalogue pigment" },
	{ "dilution", 1, OPT_DILUTION, "R", "parts water per part ink "
	    "(default 2)" },
	{ "skin", 1, OPT_SKIN, "L,a,b", "the client's skin, instead of "
	    "readings" },
	{ "years", 1, OPT_YEARS, "N", "horizon (default 10)" },
	{ "step", 1, OPT_STEP, "MONTHS", "row spacing (default 6)" },
	{ "start", 1, OPT_START, "DATE", "first session (default today)" },
	{ "summary", 0, OPT_SUMMARY, NULL, "one row per skin" },
	{ "no-touchups", 0, OPT_NO_TOUCHUPS, NULL, "fade on past the first "
	    "touch-up" },
	{ "plot", 1, OPT_PLOT, "FILE.svg", "dE00 against years" },
	{ "ics", 1, OPT_ICS, "FILE.ics", "calendar reminder at the touch-up "
	    "date" },
	{ "fit", 1, OPT_FIT, "FILE", "fit the rate to dated readings" },
	SMP_OPT_END
};
static const struct smp_opt *const groups[] = {
	smp_opts_catalogue, own, smp_opts_fade, smp_opts_white,
	smp_opts_stipple, smp_opts_output, smp_opts_info, NULL
};

struct run {
	struct smp_fade_report	 rp;
	struct smp_table	*t;
	enum smp_white		 white;
	const char		*plot, *ics;
	int			 pictures_done;
	int			 status;
};

static smp_dead void
usage(int status)
{
	char	syn[640];
	const char *p = smp_cli_progname();

	snprintf(syn, sizeof syn, "usage: %s [-HhV] [--json] [-c catalogue] "
	    "--pigment NAME [--dilution R]\n"
	    "       (--skin L,a,b | readings.tsv ...) [--sessions N] "
	    "[--interval WEEKS]\n"
	    "       [--uv SED] [--protection P] [--threshold X] [--years N] "
	    "[--step MONTHS]\n"
	    "       [--start YYYY-MM-DD] [--summary] [--plot FILE.svg] "
	    "[--ics FILE.ics]\n"
	    "       %s --fit series.tsv --pigment NAME [options]", p, p);
	smp_cli_help(status ? stderr : stdout, syn, groups);
	exit(status);
}

static void
trouble(struct run *u, const struct smp_err *e)
{
	smp_cli_warnx("%s", e->msg);
	u->status = SMP_EXIT_TROUBLE;
}

/* The reminder's result: 1 is "no date within the horizon", exit 1. */
static void
reminded(struct run *u, int r, const struct smp_err *e)
{
	if (r == -1)
		trouble(u, e);
	else if (r == 1) {
		smp_cli_warnx("%s: no touch-up within %g years: no reminder "
		    "written", u->ics, u->rp.years);
		if (u->status == SMP_EXIT_OK)
			u->status = SMP_EXIT_SHORT;
	}
}

/* The plot and reminder of the first prediction. */
static void
pictures(struct run *u, const struct smp_fade *f, double tu)
{
	struct smp_err	e = SMP_ERR_INIT;

	if (u->plot != NULL && smp_fade_report_plot(u->plot, &u->rp, f, tu,
	    &e) == -1)
		trouble(u, &e);
	if (u->ics != NULL)
		reminded(u, smp_fade_report_ics(u->ics, &u->rp, f, tu, &e), &e);
}

/* The skin rows of a readings file, or of --skin (path NULL). */
static void
predict(struct run *u, const char *path, const struct smp_lab *skin)
{
	struct smp_readings	 rs;
	struct smp_reading	*r;
	struct smp_fade		 f;
	struct smp_err		 e = SMP_ERR_INIT;
	double			 tu;
	int			 n = 0;

	memset(&rs, 0, sizeof rs);
	if (path == NULL && (r = smp_readings_add(&rs, "-", "skin",
	    &e)) != NULL) {
		r->klass = SMP_CLASS_SKIN;
		r->white = u->white;
		r->st.value = *skin;
	} else if (path == NULL || smp_readings_read(path, u->white, &rs,
	    &e) == -1)
		n = -1;
	if (n == 0 && (n = smp_fade_report_readings(u->t, &u->rp, &rs, &f, &tu,
	    &e)) == 0 && rs.n > 0) {
		smp_cli_warnx("%s: no skin readings (class skin or all)", path);
		u->status = SMP_EXIT_TROUBLE;
	}
	if (n == -1)
		trouble(u, &e);
	else if (n > 0 && u->pictures_done++ == 0)
		pictures(u, &f, tu);
	smp_readings_clear(&rs);
}

/* --fit: the series, the skin from --skin or the series. */
static void
fit(struct run *u, const char *path, const struct smp_lab *skin_opt,
    int have_skin)
{
	struct smp_fade_series	 ser;
	struct smp_fade_fitres	 r;
	struct smp_fade		 f;
	struct smp_err		 e = SMP_ERR_INIT;

	memset(&ser, 0, sizeof ser);
	if (have_skin) {
		ser.skin = *skin_opt;
		ser.white = u->white;
		ser.have_skin = 1;
	}
	if (smp_fade_series_read(path, u->white, &ser, &e) == -1 ||
	    smp_fade_report_fit(u->t, &u->rp, path, &ser, &f, &r, &e) == -1) {
		trouble(u, &e);
		smp_fade_series_clear(&ser);
		return;
	}
	if (u->plot != NULL && smp_fade_report_fit_plot(u->plot, &u->rp, &f,
	    &ser, &r, &e) == -1)
		trouble(u, &e);
	if (u->ics != NULL)
		reminded(u, smp_fade_report_fit_ics(u->ics, &u->rp, &f, &ser,
		    &r,
		    &e), &e);
	smp_fade_series_clear(&ser);
}

/* The command line beyond what struct run holds. */
struct cmd {
	const char	*catalogue, *pigment, *series;
	struct smp_lab	 skin;
	int		 have_skin;
	int		 argc;
	char		**argv;
	struct smp_cli_common c;
};

static void
options(int argc, char **argv, struct run *u, struct cmd *cmd)
{
	struct smp_fade_report	*rp = &u->rp;
	int			 ch;

	smp_cli_common_init(&cmd->c);
	while ((ch = smp_cli_getopt(argc, argv, groups)) != -1) {
		if (smp_cli_fade_opt(&rp->fo, ch, optarg) ||
		    smp_cli_common_opt(&cmd->c, ch, optarg) ||
		    smp_cli_stipple_opt(&rp->mo, ch, optarg))
			continue;
		switch (ch) {
		case 'c':
			cmd->catalogue = optarg;
			break;
		case OPT_PIGMENT:
			cmd->pigment = optarg;
			break;
		case OPT_SKIN:
			smp_cli_lab("--skin", optarg, &cmd->skin);
			cmd->have_skin = 1;
			break;
		case OPT_DILUTION:
			rp->fo.dilution = smp_cli_num("--dilution", optarg, 0,
			    100);
			break;
		case OPT_YEARS:
			rp->years = smp_cli_num("--years", optarg, 0.5, 100);
			break;
		case OPT_STEP:
			rp->step = smp_cli_whole("--step", optarg, 120,
			    "number of months");
			break;
		case OPT_START:
			rp->start = smp_cli_date("--start", optarg);
			rp->have_start = 1;
			break;
		case OPT_SUMMARY:
			rp->summary = 1;
			break;
		case OPT_NO_TOUCHUPS:
			rp->touchups = 0;
			break;
		case OPT_PLOT:
			u->plot = optarg;
			break;
		case OPT_ICS:
			u->ics = optarg;
			break;
		case OPT_FIT:
			cmd->series = optarg;
			break;
		default:
			smp_cli_rest(ch, usage);
		}
	}
	cmd->argc = argc - optind;
	cmd->argv = argv + optind;
	u->white = cmd->c.white;
	if (cmd->pigment == NULL)
		smp_cli_usage_error("--pigment is required");
	if (cmd->series != NULL && cmd->argc > 0)
		smp_cli_usage_error("--fit takes its readings from the series file "
		    "only");
	if (cmd->series == NULL && cmd->have_skin && cmd->argc > 0)
		smp_cli_usage_error("--skin and readings exclude each other");
	if (cmd->series != NULL && rp->summary)
		smp_cli_usage_error("--fit always prints one row; --summary is for "
		    "predictions");
	if (u->plot != NULL && (strlen(u->plot) < 5 ||
	    strcmp(u->plot + strlen(u->plot) - 4, ".svg") != 0))
		smp_cli_usage_error("--plot: the name must end in .svg");
	if (!rp->have_start)
		rp->start = smp_date_today();
}

int
main(int argc, char *argv[])
{
	struct run		 u;
	struct cmd		 cmd;
	struct smp_catalogue	*cat;
	struct smp_err		 e = SMP_ERR_INIT;
	const char		*catalogue;
	int			 i;

	smp_cli_init(argv[0]);
	memset(&u, 0, sizeof u);
	memset(&cmd, 0, sizeof cmd);
	smp_match_defaults(&u.rp.mo);
	smp_fade_defaults(&u.rp.fo);
	u.rp.years = 10;
	u.rp.step = 6;
	u.rp.touchups = 1;
	options(argc, argv, &u, &cmd);
	catalogue = cmd.catalogue != NULL ? cmd.catalogue : smp_cli_catalogue();
	if (smp_catalogue_load(catalogue, &cat, &e) == -1)
		smp_cli_die(&e);
	u.rp.cat = cat;
	if ((u.rp.pig = smp_catalogue_find(cat, cmd.pigment)) == NULL) {
		smp_errf(&e, SMP_E_USAGE, "%s: no pigment '%s' in the catalogue",
		    catalogue, cmd.pigment);
		smp_catalogue_free(cat);
		smp_cli_die(&e);
	}
	if ((u.t = smp_fade_report_table(stdout, cmd.c.fmt, cmd.c.header,
	    cmd.series != NULL ? SMP_FADE_REPORT_FIT : u.rp.summary ?
	    SMP_FADE_REPORT_SUMMARY : SMP_FADE_REPORT_STEPS, &e)) == NULL)
		smp_cli_die(&e);
	if (cmd.series != NULL)
		fit(&u, cmd.series, &cmd.skin, cmd.have_skin);
	else if (cmd.have_skin)
		predict(&u, NULL, &cmd.skin);
	else if (cmd.argc == 0)
		predict(&u, "-", NULL);
	for (i = 0; i < cmd.argc; i++)
		predict(&u, cmd.argv[i], NULL);
	smp_table_free(u.t);
	smp_catalogue_free(cat);
	return u.status;
}
