/*
 * smp-sample: CIELAB readings of regions of photos, one row per region
 * and class, as TSV or JSON Lines (smp-sample(1)).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"
#include "smp-cli.h"

enum { OPT_STAT = SMP_OPT_TOOL, OPT_DATE };

static const struct smp_opt own[] = {
	{ "stat", 1, OPT_STAT, "STAT", "robust (default), mean or median" },
	{ "date", 1, OPT_DATE, "DATE", "the date column (default: the EXIF "
	    "capture date)" },
	{ "separate", 0, 'S', NULL, "split each region into skin and dot "
	    "rows" },
	SMP_OPT_END
};
static const struct smp_opt *const groups[] = {
	smp_opts_sampling, own, smp_opts_white, smp_opts_output,
	smp_opts_limits, smp_opts_batch, smp_opts_info, NULL
};

static smp_dead void
usage(int status)
{
	char	syn[512];

	snprintf(syn, sizeof syn, "usage: %s [-0CHhSV] [-j N] [-r region]... "
	    "[-p profile.icc]\n"
	    "       [--white d50|d65] [--stat robust|mean|median] "
	    "[--max-pixels N]\n"
	    "       [--max-memory SIZE] [--date YYYY-MM-DD] [--json] "
	    "[--[no-]progress]\n"
	    "       [--files-from FILE] [image...]", smp_cli_progname());
	smp_cli_help(status ? stderr : stdout, syn, groups);
	exit(status);
}

/* One batch: the images are sampled on worker threads and printed here,
 * in input order. */
struct batch {
	const struct smp_sample_opts	*o;
	char				**files;
	struct smp_table		*t;
	struct smp_progress		*progress;
	int				 status;
	int				 stopped;	/* stdout failed */
};

struct sampled {
	struct smp_readings	rs;
	struct smp_err		e;
	int			ok;
};

static void *
sample_one(size_t i, void *arg)
{
	struct batch	*b = arg;
	struct sampled	*d;

	if ((d = calloc(1, sizeof *d)) == NULL)
		return NULL;
	d->ok = smp_photo_sample(b->files[i], b->o, &d->rs, &d->e) == 0;
	return d;
}

/* A warning for each region with more than SMP_OVER_WHITE_FLAG of its
 * pixels above the chart's white patch (its rows share the share). */
static void
warn_over_white(const struct smp_readings *rs)
{
	size_t	i;

	for (i = 0; i < rs->n; i++) {
		const struct smp_reading	*r = &rs->r[i];

		if (i > 0 && strcmp(r->region, rs->r[i - 1].region) == 0)
			continue;
		if (r->over_white > SMP_OVER_WHITE_FLAG)
			smp_cli_warnx("%s: region %s: flagged over-white: %.1f %% "
			    "of its pixels are brighter than the chart's white "
			    "patch; their colour is extrapolated beyond the "
			    "chart", r->file, r->region, 100 * r->over_white);
	}
}

static int
print_one(size_t i, void *result, void *arg)
{
	struct batch	*b = arg;
	struct sampled	*d = result;

	if (b->stopped)
		;	/* the reader is gone: only free */
	else if (d == NULL) {
		smp_cli_warnx("%s: out of memory", b->files[i]);
		b->status = SMP_EXIT_TROUBLE;
		smp_progress_failed(b->progress);
	} else if (!d->ok || smp_readings_write(b->t, &d->rs, &d->e) == -1) {
		smp_cli_warnx("%s", d->e.msg);
		b->status = SMP_EXIT_TROUBLE;
		smp_progress_failed(b->progress);
	} else
		warn_over_white(&d->rs);
	if (d != NULL) {
		smp_readings_clear(&d->rs);
		free(d);
	}
	if (!b->stopped && smp_cli_stdout_broken())
		b->stopped = 1;
	smp_progress_step(b->progress);
	return b->stopped;
}

int
main(int argc, char *argv[])
{
	struct smp_sample_opts	 o;
	struct smp_cli_common	 c;
	struct smp_err		 e = SMP_ERR_INIT;
	struct batch		 b;
	int			 ch;
	size_t			 nfiles;
	char			 datebuf[16];

	smp_cli_init(argv[0]);
	memset(&o, 0, sizeof o);
	o.stat = SMP_STAT_ROBUST;
	smp_cli_common_init(&c);
	while ((ch = smp_cli_getopt(argc, argv, groups)) != -1) {
		if (smp_cli_common_opt(&c, ch, optarg) ||
		    smp_cli_sampling_opt(&o, ch, optarg))
			continue;
		switch (ch) {
		case 'S':
			o.separate = 1;
			break;
		case OPT_STAT:
			o.stat = smp_cli_choice("--stat", optarg,
			    &smp_names_stat);
			break;
		case OPT_DATE:
			smp_date_format(smp_cli_date("--date", optarg), datebuf,
			    sizeof datebuf);
			o.date = datebuf;
			break;
		default:
			smp_cli_rest(ch, usage);
		}
	}
	smp_cli_sampling_done(&o, &c);
	b.files = smp_cli_batch_files(argc - optind, argv + optind, &c.batch,
	    &nfiles);
	if (nfiles == 0)
		smp_cli_usage_error("no image given");
	if ((b.t = smp_readings_table(stdout, c.fmt, c.header, &e)) == NULL)
		smp_cli_die(&e);
	b.o = &o;
	b.status = SMP_EXIT_OK;
	b.stopped = 0;
	b.progress = smp_progress_start(c.batch.progress, nfiles, "images");
	if (smp_pool_run(nfiles, c.batch.jobs, sample_one, print_one, &b,
	    &e) == -1)
		smp_cli_die(&e);
	smp_progress_end(b.progress);
	smp_table_free(b.t);
	smp_filelist_free(b.files);
	smp_sample_opts_clear(&o);
	return b.status;
}
