/*
 * smp-cli.h: the CLI layer (src/cli, libsmpcli.a) between the tools and
 * libsmp.  Unlike the library it prints and exits: diagnostics on stderr
 * as "prog: message", the checked close of stdout, the option groups the
 * tools share, file lists and the progress line.  Only src/smp-*.c
 * include it.  Layers: tools -> cli -> libsmp; nothing here is called by
 * the library.
 */
#ifndef SMP_CLI_H
#define SMP_CLI_H

#include <stdio.h>

#include "smp.h"

/* cli.c: program name, diagnostics, stdout and signals. */
void	smp_cli_init(const char *argv0);
/* Flush stdout; 1 (remembering why, for the exit status) when a write
 * failed: a full disk, or the reader gone (EPIPE).  Batches stop then. */
int	smp_cli_stdout_broken(void);
const char *smp_cli_progname(void);
/* Called before every diagnostic, to erase a line drawn in place (the
 * progress line registers itself); NULL for none. */
void	smp_cli_before_message(void (*fn)(void));
void	smp_cli_warnx(const char *fmt, ...) printflike(1, 2);
smp_dead void smp_cli_die(const struct smp_err *e);
smp_dead void smp_cli_usage_error(const char *fmt, ...) printflike(1, 2);
smp_dead void smp_cli_version(void);
/* The getopt cases every tool shares: -V, -h and anything unknown. */
smp_dead void smp_cli_rest(int ch, void (*usage)(int));
/* --max-pixels (pixels != 0) or --max-memory; exits 2 on a bad value. */
void	smp_cli_limit(int pixels, const char *arg, struct smp_limits *lim);
/* An enumerated option's value from its name table (any case); exits 2
 * with "opt: unknown ...: expected ..." on anything else. */
int	smp_cli_choice(const char *opt, const char *arg,
	    const struct smp_names *t);
/* -r REGION: appended to o->regions; exits 2 on a bad region. */
void	smp_cli_region(const char *arg, struct smp_sample_opts *o);
/* L,a,b of an option (L 0..100, a and b -200..200), a number in
 * [min, max]; both exit 2 on anything else. */
void	smp_cli_lab(const char *opt, const char *arg, struct smp_lab *lab);
double	smp_cli_num(const char *opt, const char *arg, double min, double max);
/* -c's default: $SMP_CATALOGUE, else the installed data/pigments.tsv. */
const char *smp_cli_catalogue(void);
/* The batch options of smp-sample, smp-calibrate and smp-match: -j N,
 * --progress, --no-progress, --files-from FILE and -0.  Put
 * SMP_BATCH_LONGOPTS in the long-option table and "j:0" in the short
 * ones; smp_cli_batch_opt takes a getopt result and returns 1 when it was
 * one of them (exits 2 on a bad value). */
enum {
	SMP_OPT_FILES_FROM = 1000, SMP_OPT_PROGRESS, SMP_OPT_NO_PROGRESS
};
#define SMP_BATCH_LONGOPTS \
	{ "files-from",	required_argument,	NULL,	SMP_OPT_FILES_FROM }, \
	{ "jobs",	required_argument,	NULL,	'j' }, \
	{ "no-progress", no_argument,		NULL,	SMP_OPT_NO_PROGRESS }, \
	{ "null",	no_argument,		NULL,	'0' }, \
	{ "progress",	no_argument,		NULL,	SMP_OPT_PROGRESS }
struct smp_cli_batch {
	int		 jobs;		/* default: online processors */
	int		 progress;	/* 1, 0, or -1: when stderr is a tty */
	const char	*files_from;
	int		 nul;
};
void	smp_cli_batch_init(struct smp_cli_batch *b);
/* The end of --help: the batch options, then -h and -V. */
void	smp_cli_batch_usage(FILE *fp, const char *work, const char *inputs);
int	smp_cli_batch_opt(struct smp_cli_batch *b, int ch, const char *arg);
/* The operands and the --files-from list (smp_filelist_read); exits 2
 * when the list cannot be read.  Free with smp_filelist_free. */
char	**smp_cli_batch_files(int argc, char **argv,
	    const struct smp_cli_batch *b, size_t *n);

/* filelist.c: the operands, then the paths of --files-from ("-":
 * standard input; one per line, or NUL-separated with -0), as one
 * NULL-terminated array; NULL with e filled when the list cannot be
 * read. */
char	**smp_filelist_read(int argc, char **argv, const char *from, int nul,
	    size_t *n, struct smp_err *e);
void	smp_filelist_free(char **files);

/* progress.c: the batch progress line on stderr.  mode: 1 always (for
 * --progress), 0 never, -1 when stderr is a terminal.  NULL (off) is a
 * valid handle for step and end. */
struct smp_progress;
struct smp_progress *smp_progress_start(int mode, size_t total,
	    const char *unit);
void	smp_progress_step(struct smp_progress *p);
void	smp_progress_end(struct smp_progress *p);

#endif /* SMP_CLI_H */
