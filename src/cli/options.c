/*
 * options.c: parsing helpers for the options several tools share (limits,
 * white point, regions, Lab triples, numbers, the catalogue default and
 * the batch options); each exits with status 2 and a message naming the
 * option on a bad value.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"
#include "smp-cli.h"

void
smp_cli_limit(int pixels, const char *arg, struct smp_limits *lim)
{
	struct smp_err	e = SMP_ERR_INIT;

	if (pixels && smp_parse_count(arg, &lim->max_pixels, &e) == -1)
		smp_cli_usage_error("--max-pixels: %s", e.msg);
	if (!pixels && smp_parse_size(arg, &lim->max_bytes, &e) == -1)
		smp_cli_usage_error("--max-memory: %s", e.msg);
}

int
smp_cli_choice(const char *opt, const char *arg, const struct smp_names *t)
{
	struct smp_err	e = SMP_ERR_INIT;
	int		v;

	if (smp_names_parse(t, arg, &v, &e) == -1)
		smp_cli_usage_error("%s: %s", opt, e.msg);
	return v;
}

void
smp_cli_region(const char *arg, struct smp_sample_opts *o)
{
	struct smp_err		 e = SMP_ERR_INIT;
	struct smp_region	*rg;

	rg = realloc(o->regions, (o->nregions + 1) * sizeof *rg);
	if (rg == NULL)
		smp_cli_usage_error("out of memory");
	o->regions = rg;
	if (smp_region_parse(arg, &o->regions[o->nregions], &e) == -1)
		smp_cli_usage_error("%s", e.msg);
	o->nregions++;
}

void
smp_cli_lab(const char *opt, const char *arg, struct smp_lab *lab)
{
	struct smp_err	e = SMP_ERR_INIT;
	double		v[3];

	if (smp_parse_doubles(arg, v, 3, &e) == -1)
		smp_cli_usage_error("%s: %s", opt, e.msg);
	if (v[0] < 0 || v[0] > 100 || fabs(v[1]) > 200 || fabs(v[2]) > 200)
		smp_cli_usage_error("%s: '%s' is not a Lab colour (L 0..100, a and "
		    "b -200..200)", opt, arg);
	lab->L = v[0], lab->a = v[1], lab->b = v[2];
}

double
smp_cli_num(const char *opt, const char *arg, double min, double max)
{
	struct smp_err	e = SMP_ERR_INIT;
	double		v;

	if (smp_parse_double(arg, min, max, &v, &e) == -1)
		smp_cli_usage_error("%s: %s", opt, e.msg);
	return v;
}

const char *
smp_cli_catalogue(void)
{
	const char	*env = getenv("SMP_CATALOGUE");

	return env != NULL && *env != '\0' ? env : SMP_DATADIR "/pigments.tsv";
}

void
smp_cli_batch_init(struct smp_cli_batch *b)
{
	memset(b, 0, sizeof *b);
	b->jobs = smp_pool_cpu_count();
	b->progress = -1;
}

void
smp_cli_batch_usage(FILE *fp, const char *work, const char *inputs)
{
	fprintf(fp,
	    "  -j, --jobs N          %s at once (default: processors)\n"
	    "      --files-from FILE also the %s listed in FILE (- for "
	    "stdin)\n"
	    "  -0, --null            --files-from names end in NUL, not "
	    "newline\n"
	    "      --progress        a progress line on stderr (default: "
	    "on a tty)\n"
	    "      --no-progress     none\n"
	    "  -h, --help            this help\n"
	    "  -V, --version         version\n", work, inputs);
}

int
smp_cli_batch_opt(struct smp_cli_batch *b, int ch, const char *arg)
{
	struct smp_err	e = SMP_ERR_INIT;
	long		n;

	switch (ch) {
	case 'j':
		if (smp_parse_long(arg, 1, SMP_MAX_THREADS, &n, &e) == -1)
			smp_cli_usage_error("-j: %s", e.msg);
		b->jobs = (int)n;
		return 1;
	case '0':
		b->nul = 1;
		return 1;
	case SMP_OPT_FILES_FROM:
		b->files_from = arg;
		return 1;
	case SMP_OPT_PROGRESS:
	case SMP_OPT_NO_PROGRESS:
		b->progress = ch == SMP_OPT_PROGRESS;
		return 1;
	}
	return 0;
}

char **
smp_cli_batch_files(int argc, char **argv, const struct smp_cli_batch *b,
    size_t *n)
{
	struct smp_err	  e = SMP_ERR_INIT;
	char		**v;

	if ((v = smp_filelist_read(argc, argv, b->files_from, b->nul, n,
	    &e)) == NULL)
		smp_cli_die(&e);
	return v;
}
