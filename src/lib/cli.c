/*
 * cli.c: what every tool shares: program name, diagnostics on stderr as
 * "prog: message", and a checked close of stdout at exit.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "smp.h"

static const char	*cli_progname = "smp";
static int		 cli_stdout_errno;	/* first failed write */

int
smp_cli_stdout_broken(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	if (cli_stdout_errno == 0)
		cli_stdout_errno = errno ? errno : EIO;
	return 1;
}

/* A full disk or a failed write must not end with status 0; a reader
 * that went away (EPIPE, SIGPIPE being ignored) ends it quietly. */
static void
cli_close_stdout(void)
{
	int	bad = smp_cli_stdout_broken();

	if (fclose(stdout) != 0 && cli_stdout_errno == 0)
		cli_stdout_errno = errno ? errno : EIO;
	if (bad || cli_stdout_errno != 0) {
		if (cli_stdout_errno == EPIPE)
			_exit(SMP_EXIT_TROUBLE);
		fprintf(stderr, "%s: write error on standard output: %s\n",
		    cli_progname, strerror(cli_stdout_errno));
		_exit(SMP_EXIT_TROUBLE);
	}
}

/* Interrupted: no temporary file left behind, then die of the signal. */
static void
cli_on_signal(int sig)
{
	smp_atomic_abort();
	signal(sig, SIG_DFL);
	raise(sig);
}

void
smp_cli_init(const char *argv0)
{
	static const int	sigs[] = { SIGINT, SIGTERM, SIGHUP };
	const char		*p;
	size_t			 i;

	if (argv0 != NULL && *argv0 != '\0') {
		p = strrchr(argv0, '/');
		cli_progname = p ? p + 1 : argv0;
	}
	atexit(cli_close_stdout);
	/* A closed pipe is seen as EPIPE, so that batches stop cleanly. */
	signal(SIGPIPE, SIG_IGN);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (signal(sigs[i], SIG_IGN) != SIG_IGN)
			signal(sigs[i], cli_on_signal);
}

const char *
smp_progname(void)
{
	return cli_progname;
}

void
smp_warnx(const char *fmt, ...)
{
	va_list	ap;

	fflush(stdout);
	smp_progress_clear();
	fprintf(stderr, "%s: ", cli_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
smp_die(const struct smp_err *e)
{
	smp_warnx("%s", e->msg[0] ? e->msg : "unknown error");
	exit(SMP_EXIT_TROUBLE);
}

void
smp_usage_error(const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "%s: ", cli_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n",
	    cli_progname);
	exit(SMP_EXIT_TROUBLE);
}

void
smp_cli_version(void)
{
	printf("%s (%s) %s\n", cli_progname, PACKAGE_NAME, PACKAGE_VERSION);
	exit(SMP_EXIT_OK);
}

void
smp_cli_limit(int pixels, const char *arg, struct smp_limits *lim)
{
	struct smp_err	e = SMP_ERR_INIT;

	if (pixels && smp_parse_count(arg, &lim->max_pixels, &e) == -1)
		smp_usage_error("--max-pixels: %s", e.msg);
	if (!pixels && smp_parse_size(arg, &lim->max_bytes, &e) == -1)
		smp_usage_error("--max-memory: %s", e.msg);
}

enum smp_white
smp_cli_white(const char *arg)
{
	if (strcasecmp(arg, "d50") == 0)
		return SMP_WHITE_D50;
	if (strcasecmp(arg, "d65") == 0)
		return SMP_WHITE_D65;
	smp_usage_error("--white: expected d50 or d65, not '%s'", arg);
}

void
smp_cli_region(const char *arg, struct smp_sample_opts *o)
{
	struct smp_err		 e = SMP_ERR_INIT;
	struct smp_region	*rg;

	rg = realloc(o->regions, (o->nregions + 1) * sizeof *rg);
	if (rg == NULL)
		smp_usage_error("out of memory");
	o->regions = rg;
	if (smp_region_parse(arg, &o->regions[o->nregions], &e) == -1)
		smp_usage_error("%s", e.msg);
	o->nregions++;
}

void
smp_cli_lab(const char *opt, const char *arg, struct smp_lab *lab)
{
	struct smp_err	e = SMP_ERR_INIT;
	double		v[3];

	if (smp_parse_doubles(arg, v, 3, &e) == -1)
		smp_usage_error("%s: %s", opt, e.msg);
	if (v[0] < 0 || v[0] > 100 || fabs(v[1]) > 200 || fabs(v[2]) > 200)
		smp_usage_error("%s: '%s' is not a Lab colour (L 0..100, a and "
		    "b -200..200)", opt, arg);
	lab->L = v[0], lab->a = v[1], lab->b = v[2];
}

double
smp_cli_num(const char *opt, const char *arg, double min, double max)
{
	struct smp_err	e = SMP_ERR_INIT;
	double		v;

	if (smp_parse_double(arg, min, max, &v, &e) == -1)
		smp_usage_error("%s: %s", opt, e.msg);
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
	b->jobs = smp_cpu_count();
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
			smp_usage_error("-j: %s", e.msg);
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

void
smp_cli_rest(int ch, void (*usage)(int))
{
	if (ch == 'V')
		smp_cli_version();
	usage(ch == 'h' ? SMP_EXIT_OK : SMP_EXIT_TROUBLE);
	exit(SMP_EXIT_TROUBLE);		/* usage does not return */
}
