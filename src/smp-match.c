/*
 * smp-match: for each skin reading, every catalogue pigment at its best
 * dilution, ranked against the follicles in the photo or a shaved
 * follicle, with how sure the ranking is (smp-match(1)).
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
	smp_opts_catalogue, smp_opts_match_target, smp_opts_match_patch,
	smp_opts_match_answer, smp_opts_sampling, smp_opts_white,
	smp_opts_stipple, smp_opts_output, smp_opts_limits, smp_opts_batch,
	smp_opts_info, NULL
};

struct run {
	struct smp_match_opts	 o;
	struct smp_match_request rq;
	struct smp_cli_match	 m;
	struct smp_catalogue	*cat;
	struct smp_table	*t;		/* opened with the first row */
	enum smp_table_format	 fmt;
	int			 header;
	struct smp_cli_batch	 batch;
	struct smp_progress	*progress;	/* over readings, or NULL */
	int			 status, any_over;
	int			 stopped;	/* stdout failed */
	size_t			 nfail;		/* groups refused so far */
	struct smp_swatch	 swatch;
	struct smp_report	*report;	/* --report, or NULL */
};

static smp_dead void
usage(int status)
{
	char	syn[640];

	snprintf(syn, sizeof syn, "usage: %s [-0CHhV] [-j N] [-c catalogue] "
	    "[-k N] [--skin L,a,b]\n"
	    "       [--target L,a,b | --hair black|dark-brown|brown|grey] "
	    "[--view dot|blend]\n"
	    "       [--metric METRIC] [--max-de X] "
	    "[--swatch FILE.png|FILE.svg]\n"
	    "       [--test-patch PIGMENT[:R] "
	    "[--patch-lab L,a,b | --patch-region R]]\n"
	    "       [--report FILE.html] [--list-pigments] "
	    "[--format tsv|json|table]\n"
	    "       [--draws N] [-r region] [-p profile] [--[no-]progress]\n"
	    "       [--files-from FILE] [readings.tsv | image]...",
	    smp_cli_progname());
	smp_cli_help(status ? stderr : stdout, syn, groups);
	exit(status);
}

/* The table, with the calibration's columns when --chart calibrates
 * every image or the first skin reading came from one (smp-sample -C);
 * it is opened when the first rows are, or at the end for none. */
static void
table_open(struct run *u, const struct smp_match_group *first)
{
	struct smp_err	e = SMP_ERR_INIT;

	if (u->t == NULL && (u->t = smp_match_table(stdout, u->fmt, u->header,
	    &u->o, &u->rq, u->rq.chart || (first != NULL &&
	    isfinite(first->calib_de00)), &e)) == NULL)
		smp_cli_die(&e);
}

/* One group's result, in input order: its rows, or why there are none. */
static int
emit(void *arg, const struct smp_match_group *g,
    const struct smp_match_result *r, const struct smp_err *why)
{
	struct run	*u = arg;
	struct smp_err	 e = SMP_ERR_INIT;

	smp_progress_step(u->progress);
	if (u->stopped)
		return 1;
	if (r == NULL) {
		smp_cli_warnx("%s", why->msg);
		u->status = SMP_EXIT_TROUBLE;
		smp_progress_failed(u->progress);
		u->nfail++;
		return 0;
	}
	smp_cli_match_warn(g, r, !u->m.have_skin);
	table_open(u, g);
	if (smp_cli_match_rows(u->t, u->cat, &u->o, &u->rq, g, r, u->m.k,
	    &e) == -1)
		smp_cli_die(&e);
	if (!isnan(u->m.max_de) && !(r->cand[0].de <= u->m.max_de))
		u->any_over = 1;
	if ((u->m.swatch != NULL && smp_swatch_add(&u->swatch, u->cat, g, r,
	    u->m.k, &e) == -1) || (u->report != NULL &&
	    smp_report_add(u->report, u->cat, &u->o, g, r, &e) == -1))
		smp_cli_die(&e);
	return u->stopped = smp_cli_stdout_broken();
}

/* One input, readings or an image; or, path NULL, the --skin reading.
 * Its groups are matched on worker threads; progress: a line over them.
 * Returns whether the input or any of its groups was refused. */
static int
match_input(struct run *u, const char *path, struct smp_sample_opts *so,
    int progress)
{
	struct smp_readings	 rs;
	struct smp_reading	*r;
	struct smp_match_group	*g = NULL;
	struct smp_err		 e = SMP_ERR_INIT;
	size_t			 ng = 0, failed = u->nfail;
	int			 ok;

	memset(&rs, 0, sizeof rs);
	if (path != NULL)
		ok = smp_match_group_input(path, so, &rs, &g, &ng, &e) == 0;
	else if ((ok = (r = smp_readings_add(&rs, "-", "skin", &e)) != NULL)) {
		r->klass = SMP_CLASS_SKIN;
		r->white = so->white;
		r->st.value = u->m.skin;
		ok = smp_match_group_readings(&rs, &g, &ng, &e) == 0;
	}
	if (ok) {
		u->progress = progress ? smp_progress_start(u->batch.progress,
		    ng, "readings") : NULL;
		ok = smp_match_group_batch(u->cat, &u->o, &u->rq, g, ng,
		    u->batch.jobs, emit, u, &e) == 0;
		smp_progress_end(u->progress);
		u->progress = NULL;
		if (!ok && e.code == SMP_E_NOMEM)
			smp_cli_die(&e);
	}
	if (!ok) {
		smp_cli_warnx("%s", e.msg);
		u->status = SMP_EXIT_TROUBLE;
	}
	free(g);
	smp_readings_clear(&rs);
	return !ok || u->nfail > failed;
}

/* The command line; the inputs are returned. */
static char **
options(int argc, char **argv, struct run *u, struct smp_sample_opts *so,
    struct smp_cli_common *c, size_t *nfiles)
{
	char	**files;
	int	  ch;

	smp_cli_common_init(c);
	while ((ch = smp_cli_getopt(argc, argv, groups)) != -1)
		if (!smp_cli_common_opt(c, ch, optarg) &&
		    !smp_cli_sampling_opt(so, ch, optarg) &&
		    !smp_cli_stipple_opt(&u->o, ch, optarg) &&
		    !smp_cli_match_opt(&u->m, &u->o, &u->rq, so, ch, optarg))
			smp_cli_rest(ch, usage);
	u->batch = c->batch;
	files = smp_cli_batch_files(argc - optind, argv + optind, &c->batch,
	    nfiles);
	smp_cli_match_done(&u->m, &u->rq, so, c, *nfiles);
	smp_cli_outputs((const char *[]){ u->m.swatch, u->m.report }, 2,
	    files, *nfiles, so->profile);
	return files;
}

/* What is written at the end: the swatch and the report. */
static void
pictures(struct run *u)
{
	struct smp_err	e = SMP_ERR_INIT;
	int		k = u->m.k < (int)u->cat->npig ? u->m.k :
			    (int)u->cat->npig;

	if ((u->m.swatch != NULL && u->swatch.n > 0 &&
	    smp_swatch_write(u->m.swatch, &u->swatch, k, &u->o, &e) == -1) ||
	    (u->report != NULL && smp_report_write(u->report, u->m.report,
	    u->rq.catalogue, &e) == -1)) {
		smp_cli_warnx("%s", e.msg);
		u->status = SMP_EXIT_TROUBLE;
	}
}

int
main(int argc, char *argv[])
{
	struct run		 u;
	struct smp_sample_opts	 so;
	struct smp_cli_common	 c;
	struct smp_err		 e = SMP_ERR_INIT;
	struct smp_progress	*progress;
	char			**files;
	size_t			 f, nfiles;

	smp_cli_init(argv[0]);
	memset(&u, 0, sizeof u);
	memset(&so, 0, sizeof so);
	smp_match_defaults(&u.o);
	smp_cli_match_init(&u.m);
	so.stat = SMP_STAT_ROBUST;
	so.separate = 1;
	so.avoid_chart = 1;
	files = options(argc, argv, &u, &so, &c, &nfiles);
	u.rq.catalogue = u.m.catalogue != NULL ? u.m.catalogue :
	    smp_cli_catalogue();
	if (smp_catalogue_load(u.rq.catalogue, &u.cat, &e) == -1)
		smp_cli_die(&e);
	if (u.m.list) {
		if (smp_catalogue_list(u.cat, stdout, c.fmt, c.header, &e) == -1)
			smp_cli_die(&e);
		smp_filelist_free(files);
		smp_catalogue_free(u.cat);
		smp_sample_opts_clear(&so);
		return smp_cli_stdout_broken() ? SMP_EXIT_TROUBLE : SMP_EXIT_OK;
	}
	smp_cli_match_patch(&u.m, u.cat, &u.rq);
	u.fmt = c.fmt, u.header = c.header;
	if (u.m.report != NULL && (u.report = smp_report_new(&e)) == NULL)
		smp_cli_die(&e);
	if (u.m.have_skin || nfiles == 0)
		match_input(&u, u.m.have_skin ? NULL : "-", &so, !u.m.have_skin);
	progress = nfiles > 1 ? smp_progress_start(u.batch.progress, nfiles,
	    "inputs") : NULL;
	for (f = 0; f < nfiles && !u.stopped; f++) {
		if (match_input(&u, files[f], &so, nfiles == 1))
			smp_progress_failed(progress);
		smp_progress_step(progress);
	}
	smp_progress_end(progress);
	table_open(&u, NULL);
	pictures(&u);
	smp_report_free(u.report);
	smp_filelist_free(files);
	smp_table_free(u.t);
	smp_swatch_free(&u.swatch);
	smp_catalogue_free(u.cat);
	smp_sample_opts_clear(&so);
	return u.status == SMP_EXIT_OK && u.any_over ? SMP_EXIT_SHORT :
	    u.status;
}
