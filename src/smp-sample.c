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

enum {
	OPT_WHITE = 256, OPT_STAT, OPT_MAX_PIXELS, OPT_MAX_MEMORY, OPT_DATE
};

static const struct option longopts[] = {
	{ "chart",	no_argument,		NULL,	'c' },
	{ "date",	required_argument,	NULL,	OPT_DATE },
	{ "json",	no_argument,		NULL,	'j' },
	{ "max-memory",	required_argument,	NULL,	OPT_MAX_MEMORY },
	{ "max-pixels",	required_argument,	NULL,	OPT_MAX_PIXELS },
	{ "no-header",	no_argument,		NULL,	'H' },
	{ "profile",	required_argument,	NULL,	'p' },
	{ "region",	required_argument,	NULL,	'r' },
	{ "separate",	no_argument,		NULL,	'S' },
	{ "stat",	required_argument,	NULL,	OPT_STAT },
	{ "white",	required_argument,	NULL,	OPT_WHITE },
	{ "help",	no_argument,		NULL,	'h' },
	{ "version",	no_argument,		NULL,	'V' },
	{ NULL,		0,			NULL,	0 }
};

static const char *const columns[] = {
	"file", "region", "class", "n", "frac", "L", "a", "b", "C", "h",
	"sd_L", "sd_a", "sd_b", "ci95", "ita", "ita_class", "white",
	"profile_source", "med_L", "med_a", "med_b", "n_excluded", "stat",
	"calib_de00", "date"
};
#define NCOLUMNS (int)(sizeof columns / sizeof columns[0])

static smp_dead void
usage(int status)
{
	fprintf(status ? stderr : stdout,
	    "usage: %s [-cHhjSV] [-r region]... [-p profile.icc] "
	    "[--white d50|d65]\n"
	    "       [--stat robust|mean|median] [--max-pixels N] "
	    "[--max-memory SIZE]\n"
	    "       [--date YYYY-MM-DD] image...\n"
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
	    "  -j, --json            JSON Lines instead of TSV\n"
	    "  -H, --no-header       no TSV header line\n"
	    "      --max-pixels N    refuse larger images (default 100M)\n"
	    "      --max-memory SIZE working memory per image (default 512M)\n"
	    "  -h, --help            this help\n"
	    "  -V, --version         version\n", smp_progname());
	exit(status);
}

static const char *
stat_name(enum smp_stat st)
{
	return st == SMP_STAT_MEAN ? "mean" :
	    st == SMP_STAT_MEDIAN ? "median" : "robust";
}

static int
print_readings(struct smp_table *t, const char *file,
    const struct smp_readings *rs, enum smp_stat st, const char *date,
    struct smp_err *e)
{
	size_t	i;

	for (i = 0; i < rs->n; i++) {
		const struct smp_reading *r = &rs->r[i];
		const struct smp_stats	*s = &r->st;

		smp_table_str(t, file);
		smp_table_str(t, r->region);
		smp_table_str(t, r->klass);
		smp_table_int(t, (long long)s->n);
		smp_table_num(t, r->frac, 4);
		smp_table_num(t, s->value.L, 3);
		smp_table_num(t, s->value.a, 3);
		smp_table_num(t, s->value.b, 3);
		smp_table_num(t, r->C, 3);
		smp_table_num(t, r->h, 2);
		smp_table_num(t, s->sd.L, 3);
		smp_table_num(t, s->sd.a, 3);
		smp_table_num(t, s->sd.b, 3);
		smp_table_num(t, s->ci95, 3);
		smp_table_num(t, r->ita, 2);
		smp_table_str(t, r->ita_class);
		smp_table_str(t, smp_white_name(rs->white));
		smp_table_str(t, smp_profile_source_name(rs->source));
		smp_table_num(t, s->median.L, 3);
		smp_table_num(t, s->median.a, 3);
		smp_table_num(t, s->median.b, 3);
		smp_table_int(t, (long long)s->n_excluded);
		smp_table_str(t, stat_name(st));
		smp_table_num(t, rs->calib_de00, 3);
		smp_table_str(t, date != NULL ? date : rs->date[0] != '\0' ?
		    rs->date : NULL);
		if (smp_table_end_row(t, e) == -1)
			return -1;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	struct smp_sample_opts	 o;
	struct smp_err		 e = SMP_ERR_INIT;
	struct smp_table	*t;
	enum smp_table_format	 fmt = SMP_TABLE_TSV;
	int			 ch, i, header = 1, status = SMP_EXIT_OK;
	const char		*date = NULL;
	char			 datebuf[16];

	smp_cli_init(argv[0]);
	memset(&o, 0, sizeof o);
	o.white = SMP_WHITE_D50;
	o.stat = SMP_STAT_ROBUST;
	o.limits.max_pixels = SMP_DEFAULT_MAX_PIXELS;
	o.limits.max_bytes = SMP_DEFAULT_MAX_BYTES;
	while ((ch = getopt_long(argc, argv, "cHhjSp:r:V", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'H':
			header = 0;
			break;
		case 'c':
			o.chart = 1;
			break;
		case 'j':
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
			o.white = smp_cli_white(optarg);
			break;
		case OPT_STAT:
			if (smp_stat_parse(optarg, &o.stat, &e) == -1)
				smp_usage_error("--stat: %s", e.msg);
			break;
		case OPT_MAX_PIXELS:
		case OPT_MAX_MEMORY:
			smp_cli_limit(ch == OPT_MAX_PIXELS, optarg, &o.limits);
			break;
		case OPT_DATE: {
			long	d;

			if (strlen(optarg) != 10 || smp_date_parse(optarg,
			    &d) == -1)
				smp_usage_error("--date: '%s' is not a date "
				    "YYYY-MM-DD", optarg);
			smp_date_format(d, datebuf, sizeof datebuf);
			date = datebuf;
			break;
		}
		default:
			smp_cli_rest(ch, usage);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		smp_usage_error("no image given");
	if (o.chart && o.profile != NULL)
		smp_usage_error("--chart and --profile exclude each other");
	if (o.nregions == 0)
		smp_cli_region("all", &o);
	if ((t = smp_table_new(stdout, fmt, header, columns, NCOLUMNS,
	    &e)) == NULL)
		smp_die(&e);
	for (i = 0; i < argc; i++) {
		struct smp_readings	rs;

		smp_err_clear(&e);
		if (smp_sample_image(argv[i], &o, &rs, &e) == -1 ||
		    print_readings(t, argv[i], &rs, o.stat, date, &e) == -1) {
			smp_warnx("%s", e.msg);
			status = SMP_EXIT_TROUBLE;
		}
		smp_readings_clear(&rs);
		fflush(stdout);
	}
	smp_table_free(t);
	for (i = 0; i < o.nregions; i++)
		smp_region_clear(&o.regions[i]);
	free(o.regions);
	return status;
}
