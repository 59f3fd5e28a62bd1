/*
 * options.c: parsing helpers for option values (named choices, regions,
 * Lab triples, numbers, the catalogue default, the file list); each exits
 * with status 2 and a message naming the option on a bad value.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"
#include "smp-cli.h"

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

long
smp_cli_int(const char *opt, const char *arg, long min, long max)
{
	struct smp_err	e = SMP_ERR_INIT;
	long		v;

	if (smp_parse_long(arg, min, max, &v, &e) == -1)
		smp_cli_usage_error("%s: %s", opt, e.msg);
	return v;
}

int
smp_cli_whole(const char *opt, const char *arg, int max, const char *what)
{
	int	v = (int)smp_cli_num(opt, arg, 1, max);

	if (v != atof(arg))
		smp_cli_usage_error("%s: '%s' is not a whole %s", opt, arg,
		    what);
	return v;
}

void
smp_cli_interval(const char *opt, const char *arg, double min, double max,
    double *lo, double *hi)
{
	struct smp_err	e = SMP_ERR_INIT;
	double		v[2];

	if (smp_parse_doubles(arg, v, 2, &e) == -1)
		smp_cli_usage_error("%s: %s", opt, e.msg);
	if (!(v[0] >= min && v[1] <= max && v[0] < v[1]))
		smp_cli_usage_error("%s: '%s' is not an interval LO,HI with %g <= "
		    "LO < HI <= %g", opt, arg, min, max);
	*lo = v[0], *hi = v[1];
}

long
smp_cli_date(const char *opt, const char *arg)
{
	const char	*why = smp_date_invalid(arg);
	long		 d;

	if (why != NULL || smp_date_parse(arg, &d) == -1)
		smp_cli_usage_error("%s: '%.40s': %s", opt, arg, why != NULL ?
		    why : "not a date YYYY-MM-DD");
	return d;
}

const char *
smp_cli_catalogue(void)
{
	const char	*env = getenv("SMP_CATALOGUE");

	return env != NULL && *env != '\0' ? env : SMP_DATADIR "/pigments.tsv";
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

void
smp_cli_outputs(const char *const *out, size_t nout, char *const *in,
    size_t nin, const char *also)
{
	struct smp_err	  e = SMP_ERR_INIT;
	const char	**all;
	size_t		  i;

	if ((all = calloc(nin + 2, sizeof *all)) == NULL)
		smp_cli_usage_error("out of memory");
	for (i = 0; i < nin; i++)
		all[i] = in[i];
	all[nin] = also;
	if (smp_atomic_check_outputs(out, nout, all, nin + 1, &e) == -1) {
		free(all);
		smp_cli_die(&e);
	}
	free(all);
}
