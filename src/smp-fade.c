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

static const struct smp_opt *const groups[] = {
	smp_opts_catalogue, smp_opts_fade_predict, smp_opts_fade_fit,
	smp_opts_fade, smp_opts_fade_interval, smp_opts_white,
	smp_opts_stipple, smp_opts_output, smp_opts_info, NULL
};

struct run {
	struct smp_fade_report	 rp;
	struct smp_cli_fade	 m;
	struct smp_table	*t;
	enum smp_white		 white;
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
	    "       [--uv SED] [--protection P] [--contrast-loss F | "
	    "--threshold X]\n"
	    "       [--years N] [--step MONTHS] [--start YYYY-MM-DD] "
	    "[--summary]\n"
	    "       [--draws N] [--plot FILE.svg] [--ics FILE.ics]\n"
	    "       %s --fit series.tsv [--region R | --any-region]\n"
	    "                --pigment NAME [options]", p, p);
	smp_cli_help(status ? stderr : stdout, syn, groups);
	exit(status);
}

static void
trouble(struct run *u, const struct smp_err *e)
{
	smp_cli_warnx("%s", e->msg);
	u->status = SMP_EXIT_TROUBLE;
}

/* The reminder's result: 1 is "no date", exit 1, said with why. */
static void
reminded(struct run *u, int r, const char *why, const struct smp_err *e)
{
	if (r == -1)
		trouble(u, e);
	else if (r == 1) {
		smp_cli_warnx("%s: no reminder written: %s", u->m.ics, why);
		if (u->status == SMP_EXIT_OK)
			u->status = SMP_EXIT_SHORT;
	}
}

/* The plot and reminder of the first prediction. */
static void
pictures(struct run *u, const struct smp_fade *f,
    const struct smp_fade_when *w)
{
	struct smp_err	e = SMP_ERR_INIT;
	char		why[64];

	if (u->m.plot != NULL && smp_fade_pictures_plot(u->m.plot, &u->rp, f, w,
	    &e) == -1)
		trouble(u, &e);
	snprintf(why, sizeof why, "no touch-up within %g year%s", u->rp.years,
	    u->rp.years == 1 ? "" : "s");
	if (u->m.ics != NULL)
		reminded(u, smp_fade_pictures_ics(u->m.ics, &u->rp, f, w, &e), why,
		    &e);
}

/* The skin rows of a readings file, or of --skin (path NULL). */
static void
predict(struct run *u, const char *path)
{
	struct smp_readings	 rs;
	struct smp_reading	*r;
	struct smp_fade		 f;
	struct smp_fade_when	 w;
	struct smp_err		 e = SMP_ERR_INIT;
	int			 n = 0;

	memset(&rs, 0, sizeof rs);
	if (path == NULL && (r = smp_readings_add(&rs, "-", "skin",
	    &e)) != NULL) {
		r->klass = SMP_CLASS_SKIN;
		r->white = u->white;
		r->st.value = u->m.skin;
	} else if (path == NULL || smp_readings_read(path, u->white, &rs,
	    &e) == -1)
		n = -1;
	if (n == 0 && (n = smp_fade_report_readings(u->t, &u->rp, &rs, &f, &w,
	    &e)) == 0 && rs.n > 0) {
		smp_cli_warnx("%s: no skin readings (class skin or all)", path);
		u->status = SMP_EXIT_TROUBLE;
	}
	if (n == -1)
		trouble(u, &e);
	else if (n > 0 && u->pictures_done++ == 0)
		pictures(u, &f, &w);
	smp_readings_clear(&rs);
}

/* A fit's flags on stderr, one line each; the ones that withhold the
 * date make the exit 1. */
static void
fit_flags(struct run *u, const char *path, const struct smp_fade *f,
    const struct smp_fade_series *ser, const struct smp_fade_fitres *r)
{
	char		line[400];
	unsigned	bit;

	for (bit = 1; bit <= SMP_FADE_FLAG_OPEN; bit <<= 1)
		if (r->flags & bit) {
			smp_fade_report_explain(&u->rp, f, ser, r, bit, line,
			    sizeof line);
			smp_cli_warnx("%s: flagged %s: %s", path, smp_names_name(
			    &smp_names_fade_flag, (int)bit), line);
		}
	if ((r->flags & SMP_FADE_FLAGS_NO_DATE) && u->status == SMP_EXIT_OK)
		u->status = SMP_EXIT_SHORT;
}

/* --fit: the series, the skin from --skin or the series. */
static void
fit(struct run *u, const char *path)
{
	struct smp_fade_series	 ser;
	struct smp_fade_fitres	 r;
	struct smp_fade		 f;
	struct smp_err		 e = SMP_ERR_INIT;

	memset(&ser, 0, sizeof ser);
	ser.region = u->m.region;
	ser.any_region = u->m.any_region;
	if (u->m.have_skin) {
		ser.skin = u->m.skin;
		ser.white = u->white;
		ser.have_skin = 1;
	}
	if (smp_fade_series_read(path, u->white, &ser, &e) == -1 ||
	    smp_fade_report_fit(u->t, &u->rp, path, &ser, &f, &r, &e) == -1) {
		trouble(u, &e);
		smp_fade_series_clear(&ser);
		return;
	}
	fit_flags(u, path, &f, &ser, &r);
	if (u->m.plot != NULL && smp_fade_pictures_fit_plot(u->m.plot, &u->rp,
	    &f, &ser, &r, &e) == -1)
		trouble(u, &e);
	if (u->m.ics != NULL)
		reminded(u, smp_fade_pictures_fit_ics(u->m.ics, &u->rp, &f, &ser,
		    &r, &e), r.flags & SMP_FADE_FLAG_BEYOND ? "no touch-up "
		    "within the horizon" : "the fit is flagged", &e);
	smp_fade_series_clear(&ser);
}

static int
options(int argc, char **argv, struct run *u, struct smp_cli_common *c)
{
	int	ch;

	smp_cli_common_init(c);
	smp_cli_fade_init(&u->m, &u->rp);
	while ((ch = smp_cli_getopt(argc, argv, groups)) != -1)
		if (!smp_cli_fade_opt(&u->rp.fo, ch, optarg) &&
		    !smp_cli_common_opt(c, ch, optarg) &&
		    !smp_cli_stipple_opt(&u->rp.mo, ch, optarg) &&
		    !smp_cli_fade_tool_opt(&u->m, &u->rp, ch, optarg))
			smp_cli_rest(ch, usage);
	smp_cli_fade_done(&u->m, &u->rp, argc - optind);
	smp_cli_outputs((const char *[]){ u->m.plot, u->m.ics }, 2,
	    argv + optind, (size_t)(argc - optind), u->m.series);
	u->white = c->white;
	return optind;
}

int
main(int argc, char *argv[])
{
	struct run		 u;
	struct smp_cli_common	 c;
	struct smp_catalogue	*cat;
	struct smp_err		 e = SMP_ERR_INIT;
	const char		*catalogue;
	int			 i;

	smp_cli_init(argv[0]);
	memset(&u, 0, sizeof u);
	i = options(argc, argv, &u, &c);
	catalogue = u.m.catalogue != NULL ? u.m.catalogue : smp_cli_catalogue();
	if (smp_catalogue_load(catalogue, &cat, &e) == -1)
		smp_cli_die(&e);
	u.rp.cat = cat;
	if ((u.rp.pig = smp_catalogue_find(cat, u.m.pigment)) == NULL) {
		smp_errf(&e, SMP_E_USAGE, "%s: no pigment '%s' in the catalogue",
		    catalogue, u.m.pigment);
		smp_catalogue_free(cat);
		smp_cli_die(&e);
	}
	if ((u.t = smp_fade_report_table(stdout, c.fmt, c.header,
	    u.m.series != NULL ? SMP_FADE_REPORT_FIT : u.rp.summary ?
	    SMP_FADE_REPORT_SUMMARY : SMP_FADE_REPORT_STEPS, &e)) == NULL)
		smp_cli_die(&e);
	if (u.m.series != NULL)
		fit(&u, u.m.series);
	else if (u.m.have_skin)
		predict(&u, NULL);
	else if (i == argc)
		predict(&u, "-");
	for (; i < argc; i++)
		predict(&u, argv[i]);
	smp_table_free(u.t);
	smp_catalogue_free(cat);
	return u.status;
}
