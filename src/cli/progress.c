/*
 * progress.c: the progress line of the batch tools on standard error:
 * "prog: done/total unit (pct%), rate/s, m:ss left".  On a terminal it is
 * redrawn in place at most five times a second and erased at the end; in
 * a file or pipe (--progress) a line is written every five seconds.
 * Either way a last line gives the count, time and rate, and how many
 * inputs failed.  Only the
 * calling (emitting) thread may use it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "smp.h"
#include "smp-cli.h"

struct smp_progress {
	size_t		 total, done, failed;
	const char	*unit;
	int		 tty, drawn;
	double		 t0, last;
};

static struct smp_progress	*progress_active;

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Erase a line drawn in place, before another message or at the end. */
static void
progress_clear(void)
{
	struct smp_progress	*p = progress_active;

	if (p != NULL && p->tty && p->drawn) {
		fputs("\r\033[K", stderr);
		p->drawn = 0;
	}
}

struct smp_progress *
smp_progress_start(int mode, size_t total, const char *unit)
{
	struct smp_progress	*p;
	int			 tty = isatty(STDERR_FILENO);

	if (mode == 0 || (mode < 0 && !tty))
		return NULL;
	if ((p = calloc(1, sizeof *p)) == NULL)
		return NULL;
	p->total = total;
	p->unit = unit;
	p->tty = tty;
	p->t0 = p->last = now();
	progress_active = p;
	smp_cli_before_message(progress_clear);
	return p;
}

static void
progress_draw(struct smp_progress *p, double t)
{
	double	el = t - p->t0, rate = el > 0 ? p->done / el : 0, left;

	fprintf(stderr, "%s%s: %zu/%zu %s (%.0f%%), %.1f/s", p->tty ? "\r" : "",
	    smp_cli_progname(), p->done, p->total, p->unit,
	    p->total ? 100.0 * p->done / p->total : 100.0, rate);
	if (rate > 0 && p->done < p->total) {
		left = (p->total - p->done) / rate;
		fprintf(stderr, ", %ld:%02ld left", (long)left / 60,
		    (long)left % 60);
	}
	fputs(p->tty ? "\033[K" : "\n", stderr);
	p->drawn = p->tty;
	p->last = t;
}

void
smp_progress_step(struct smp_progress *p)
{
	double	t;

	if (p == NULL)
		return;
	p->done++;
	t = now();
	if (t - p->last >= (p->tty ? 0.2 : 5.0))
		progress_draw(p, t);
}

void
smp_progress_failed(struct smp_progress *p)
{
	if (p != NULL)
		p->failed++;
}

void
smp_progress_end(struct smp_progress *p)
{
	double	el;

	if (p == NULL)
		return;
	progress_clear();
	el = now() - p->t0;
	fprintf(stderr, "%s: %zu %s in %.1f s (%.1f/s)", smp_cli_progname(),
	    p->done, p->unit, el, el > 0 ? p->done / el : 0.0);
	if (p->failed > 0)
		fprintf(stderr, ", %zu failed", p->failed);
	fputc('\n', stderr);
	progress_active = NULL;
	smp_cli_before_message(NULL);
	free(p);
}
