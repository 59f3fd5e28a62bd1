/*
 * smp-sample: CIELAB readings of regions of photos, one row per region
 * and class, as TSV or JSON Lines (smp-sample(1)).
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
	OPT_WHITE = 256, OPT_STAT, OPT_MAX_PIXELS, OPT_MAX_MEMORY, OPT_DATE,
	OPT_JSON
};

static const struct option longopts[] = {
	{ "chart",	no_argument,		NULL,	'c' },
	{ "date",	required_argument,	NULL,	OPT_DATE },
	{ "json",	no_argument,		NULL,	OPT_JSON },
	{ "max-memory",	required_argument,	NULL,	OPT_MAX_MEMORY },
	{ "max-pixels",	required_argument,	NULL,	OPT_MAX_PIXELS },
	{ "no-header",	no_argument,		NULL,	'H' },
	{ "profile",	required_argument,	NULL,	'p' },
	{ "region",	required_argument,	NULL,	'r' },
	{ "separate",	no_argument,		NULL,	'S' },
	{ "stat",	required_argument,	NULL,	OPT_STAT },
	{ "white",	required_argument,	NULL,	OPT_WHITE },
	SMP_BATCH_LONGOPTS,
	{ "help",	no_argument,		NULL,	'h' },
	{ "version",	no_argument,		NULL,	'V' },
	{ NULL,		0,			NULL,	0 }
};

static smp_dead void
usage(int status)
{
	fprintf(status ? stderr : stdout,
	    "usage: %s [-0cHhSV] [-j N] [-r region]... [-p profile.icc] "
	    "[--white d50|d65]\n"
	    "       [--stat robust|mean|median] [--max-pixels N] "
	    "[--max-memory SIZE]\n"
	    "       [--date YYYY-MM-DD] [--json] [--[no-]progress] "
	    "[--files-from FILE] [image...]\n"
	    "\n"
	    "  -r, --region REGION   all (default), rect:X,Y,W,H, "
	    "circle:CX,CY,R,\n"
	    "                        mask:FILE.png or grid:COLSxROWS; "
	    "repeatable\n"
	    "  -p, --profile FILE    source ICC profile, overriding the "
	    "image's\n"
	    "  -c, --chart           calibrate on a ColorChecker in the same "
	    "photo first\n"
	    "      --white WHITE     Lab reference white: d50 (default) or "
	    "d65\n"
	    "      --stat STAT       robust (default), mean or median\n"
	    "      --date DATE       the date column (default: the EXIF "
	    "capture date)\n"
	    "  -S, --separate        split each region into skin and dot "
	    "rows\n"
	    "      --json            JSON Lines instead of TSV\n"
	    "  -H, --no-header       no TSV header line\n"
	    "      --max-pixels N    refuse larger images (default 100M)\n"
	    "      --max-memory SIZE working memory per image (default 512M)\n",
	    smp_cli_progname());
	smp_cli_batch_usage(status ? stderr : stdout, "images", "images");
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
	d->ok = smp_sample_image(b->files[i], b->o, &d->rs, &d->e) == 0;
	return d;
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
	} else if (!d->ok || smp_readings_write(b->t, &d->rs, &d->e) == -1) {
		smp_cli_warnx("%s", d->e.msg);
		b->status = SMP_EXIT_TROUBLE;
	}
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
	struct smp_err		 e = SMP_ERR_INIT;
	struct smp_table	*t;
	enum smp_table_format	 fmt = SMP_TABLE_TSV;
	struct smp_cli_batch	 cb;
	struct batch		 b;
	int			 ch, i, header = 1;
	size_t			 nfiles;
	char			 datebuf[16];

	smp_cli_init(argv[0]);
	memset(&o, 0, sizeof o);
	o.white = SMP_WHITE_D50;
	o.stat = SMP_STAT_ROBUST;
	o.limits.max_pixels = SMP_DEFAULT_MAX_PIXELS;
	o.limits.max_bytes = SMP_DEFAULT_MAX_BYTES;
	smp_cli_batch_init(&cb);
	while ((ch = getopt_long(argc, argv, "0cHhj:Sp:r:V", longopts,
	    NULL)) != -1) {
		if (smp_cli_batch_opt(&cb, ch, optarg))
			continue;
		switch (ch) {
		case 'H':
			header = 0;
			break;
		case 'c':
			o.chart = 1;
			break;
		case OPT_JSON:
			fmt = SMP_TABLE_JSON;
			break;
		case 'S':
			o.separate = 1;
			break;
		case 'p':
			o.profile = optarg;
			break;
		case 'r':
			smp_cli_region(optarg, &o);
			break;
		case OPT_WHITE:
			o.white = smp_cli_choice("--white", optarg,
			    &smp_names_white);
			break;
		case OPT_STAT:
			o.stat = smp_cli_choice("--stat", optarg,
			    &smp_names_stat);
			break;
		case OPT_MAX_PIXELS:
		case OPT_MAX_MEMORY:
			smp_cli_limit(ch == OPT_MAX_PIXELS, optarg, &o.limits);
			break;
		case OPT_DATE: {
			long	d;

			if (strlen(optarg) != 10 || smp_date_parse(optarg,
			    &d) == -1)
				smp_cli_usage_error("--date: '%s' is not a date "
				    "YYYY-MM-DD", optarg);
			smp_date_format(d, datebuf, sizeof datebuf);
			o.date = datebuf;
			break;
		}
		default:
			smp_cli_rest(ch, usage);
		}
	}
	argc -= optind;
	argv += optind;
	b.files = smp_cli_batch_files(argc, argv, &cb, &nfiles);
	if (nfiles == 0)
		smp_cli_usage_error("no image given");
	if (o.chart && o.profile != NULL)
		smp_cli_usage_error("--chart and --profile exclude each other");
	if (o.nregions == 0)
		smp_cli_region("all", &o);
	if ((t = smp_readings_table(stdout, fmt, header, &e)) == NULL)
		smp_cli_die(&e);
	b.o = &o;
	b.t = t;
	b.status = SMP_EXIT_OK;
	b.stopped = 0;
	b.progress = smp_progress_start(cb.progress, nfiles, "images");
	if (smp_pool_run(nfiles, cb.jobs, sample_one, print_one, &b,
	    &e) == -1)
		smp_cli_die(&e);
	smp_progress_end(b.progress);
	smp_table_free(t);
	smp_filelist_free(b.files);
	for (i = 0; i < o.nregions; i++)
		smp_region_clear(&o.regions[i]);
	free(o.regions);
	return b.status;
}
