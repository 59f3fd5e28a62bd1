/*
 * cli.c: what every tool shares: program name, diagnostics on stderr as
 * "prog: message", a checked close of stdout at exit, and the signals
 * that must not leave a temporary file behind.
 */
#include "config.h"

#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "smp.h"
#include "smp-cli.h"

static const char	*cli_progname = "smp";
static int		 cli_stdout_errno;	/* first failed write */
static void		(*cli_before_message)(void);

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

/*
 * Keep freed memory for the next allocation instead of handing it back
 * to the kernel.  A grid's row of tiles frees some 6 MiB of sorting
 * chunks, lists and scratch at once, which glibc's default thresholds
 * trimmed from the heap, and the next row faulted in afresh: grid:10x10
 * of a 24 MP photo took 14 300 page faults and 28 ms of system time,
 * 3 300 and 4 ms so.  Blocks of 4 MiB and more (a direct tally's 32 MiB,
 * zero pages from the kernel) are still mapped and unmapped on their own.
 */
static void
cli_malloc_tune(void)
{
#if defined(HAVE_MALLOPT) && defined(M_MMAP_THRESHOLD) && \
    defined(M_TRIM_THRESHOLD)
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
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
	cli_malloc_tune();
	atexit(cli_close_stdout);
	/* A closed pipe is seen as EPIPE, so that batches stop cleanly. */
	signal(SIGPIPE, SIG_IGN);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (signal(sigs[i], SIG_IGN) != SIG_IGN)
			signal(sigs[i], cli_on_signal);
}

const char *
smp_cli_progname(void)
{
	return cli_progname;
}

void
smp_cli_before_message(void (*fn)(void))
{
	cli_before_message = fn;
}

/* "prog: message" then end on stderr, the message's control characters
 * escaped (\n, \r, \t, \xHH) so that a file name cannot forge a line or
 * drive the terminal; one write, so that a line from one thread is not
 * cut into by another's (stderr is unbuffered: a character at a time
 * was a system call each). */
static void	cli_vmessage(const char *end, const char *fmt, va_list ap)
	    printflike(2, 0);

static void
cli_vmessage(const char *end, const char *fmt, va_list ap)
{
	char		 buf[8192], line[4 * sizeof buf + 256];
	const char	*p;
	size_t		 n;

	vsnprintf(buf, sizeof buf, fmt, ap);
	n = (size_t)snprintf(line, 128, "%s: ", cli_progname);
	if (n >= 128)
		n = 127;
	for (p = buf; *p != '\0'; p++) {
		unsigned char	c = (unsigned char)*p;

		if (c == '\n' || c == '\r' || c == '\t') {
			line[n++] = '\\';
			line[n++] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
		} else if (c < 0x20 || c == 0x7f)
			n += (size_t)snprintf(line + n, 5, "\\x%02x", c);
		else
			line[n++] = (char)c;
	}
	snprintf(line + n, sizeof line - n, "%s", end);
	fputs(line, stderr);
}

void
smp_cli_warnx(const char *fmt, ...)
{
	va_list	ap;

	fflush(stdout);
	if (cli_before_message != NULL)
		cli_before_message();
	va_start(ap, fmt);
	cli_vmessage("\n", fmt, ap);
	va_end(ap);
}

void
smp_cli_die(const struct smp_err *e)
{
	smp_cli_warnx("%s", e->msg[0] ? e->msg : "unknown error");
	exit(SMP_EXIT_TROUBLE);
}

void
smp_cli_usage_error(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	cli_vmessage("\n", fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n",
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
smp_cli_rest(int ch, void (*usage)(int))
{
	if (ch == 'V')
		smp_cli_version();
	if (ch == 'h')
		usage(SMP_EXIT_OK);	/* does not return */
	/* getopt has said what is wrong in one line; point to --help. */
	fprintf(stderr, "Try '%s --help' for more information.\n",
	    cli_progname);
	exit(SMP_EXIT_TROUBLE);
}
