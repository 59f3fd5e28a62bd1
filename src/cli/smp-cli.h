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
long	smp_cli_int(const char *opt, const char *arg, long min, long max);
/* A number in [1, max] that must be whole: "'x' is not a whole what". */
int	smp_cli_whole(const char *opt, const char *arg, int max,
	    const char *what);
/* LO,HI with min <= LO < HI <= max; exits 2 on anything else. */
void	smp_cli_interval(const char *opt, const char *arg, double min,
	    double max, double *lo, double *hi);
/* A date YYYY-MM-DD as days since 1970-01-01; exits 2 on anything
 * else. */
long	smp_cli_date(const char *opt, const char *arg);
/* -c's default: $SMP_CATALOGUE, else the installed data/pigments.tsv. */
const char *smp_cli_catalogue(void);
/* optgroup.c: an option, declared once with its help line.  A tool
 * lists its own options and the groups it takes (NULL-terminated);
 * smp_cli_getopt is getopt_long over them and smp_cli_help prints the
 * synopsis and one line per option. */
struct smp_opt {
	const char	*name;		/* long name, or NULL */
	int		 has_arg;	/* 0 or 1 */
	int		 val;		/* short letter or an SMP_OPT_* code */
	const char	*arg;		/* the argument in --help, or NULL */
	const char	*help;		/* its --help; \n continues it */
};
#define SMP_OPT_END	{ NULL, 0, 0, NULL, NULL }
/* Codes of the long-only options of the shared groups; a tool's own
 * codes start at SMP_OPT_TOOL. */
enum {
	SMP_OPT_FILES_FROM = 1000, SMP_OPT_PROGRESS, SMP_OPT_NO_PROGRESS,
	SMP_OPT_JSON, SMP_OPT_MAX_PIXELS, SMP_OPT_MAX_MEMORY, SMP_OPT_WHITE,
	SMP_OPT_DOT_SIZE, SMP_OPT_PITCH, SMP_OPT_DEPTH, SMP_OPT_SESSIONS,
	SMP_OPT_INTERVAL, SMP_OPT_HEAL, SMP_OPT_UV, SMP_OPT_SITE,
	SMP_OPT_PROTECTION, SMP_OPT_KBIO, SMP_OPT_THRESHOLD, SMP_OPT_NOISE,
	SMP_OPT_STRENGTH, SMP_OPT_FORMAT, SMP_OPT_SKIN, SMP_OPT_TARGET,
	SMP_OPT_HAIR, SMP_OPT_VIEW, SMP_OPT_METRIC, SMP_OPT_MAX_DE,
	SMP_OPT_SWATCH, SMP_OPT_MAX_DIL, SMP_OPT_DRAWS, SMP_OPT_PATCH,
	SMP_OPT_PATCH_LAB, SMP_OPT_PATCH_REGION, SMP_OPT_LIST, SMP_OPT_REPORT,
	SMP_OPT_CONTRAST_LOSS, SMP_OPT_CRITERION, SMP_OPT_RETENTION,
	SMP_OPT_TOOL = 1100
};
/* --json, -H; --max-pixels, --max-memory; --white; -r, -p, -C; -c
 * (--catalogue, whose value the tool reads itself); --dot-size, --pitch,
 * --depth; the fading model (--sessions ... --noise); -j, --files-from,
 * -0, --[no-]progress; -h, -V. */
extern const struct smp_opt smp_opts_output[], smp_opts_limits[],
	    smp_opts_white[], smp_opts_sampling[], smp_opts_catalogue[],
	    smp_opts_stipple[], smp_opts_fade[], smp_opts_batch[],
	    smp_opts_info[];
int	smp_cli_getopt(int argc, char **argv,
	    const struct smp_opt *const *groups);
void	smp_cli_help(FILE *fp, const char *synopsis,
	    const struct smp_opt *const *groups);

struct smp_cli_batch {
	int		 jobs;		/* default: online processors */
	int		 progress;	/* 1, 0, or -1: when stderr is a tty */
	const char	*files_from;
	int		 nul;
};
/* What the output, limits, white and batch groups set. */
struct smp_cli_common {
	enum smp_table_format	 fmt;
	int			 fmt_given;	/* --format or --json */
	int			 header;
	struct smp_limits	 limits;
	enum smp_white		 white;
	struct smp_cli_batch	 batch;
};
void	smp_cli_common_init(struct smp_cli_common *c);
/* 1 when ch is an option of those groups, now handled (exits 2 on a bad
 * value), else 0. */
int	smp_cli_common_opt(struct smp_cli_common *c, int ch, const char *arg);
/* The sampling group into so; 1 when ch was one of it.  After the last
 * option, _done checks it and fills so's white, limits and default
 * region from the common groups. */
int	smp_cli_sampling_opt(struct smp_sample_opts *so, int ch,
	    const char *arg);
void	smp_cli_sampling_done(struct smp_sample_opts *so,
	    const struct smp_cli_common *c);
/* The fading model's group into fo; 1 when ch was one of it. */
int	smp_cli_fade_opt(struct smp_fade_opts *fo, int ch, const char *arg);
/* The stipple group into mo; 1 when ch was one of it. */
int	smp_cli_stipple_opt(struct smp_match_opts *mo, int ch,
	    const char *arg);
/* The operands and the --files-from list (smp_filelist_read); exits 2
 * when the list cannot be read.  Free with smp_filelist_free. */
char	**smp_cli_batch_files(int argc, char **argv,
	    const struct smp_cli_batch *b, size_t *n);
/* Die (exit 2) unless the outputs out[0..nout) (NULL: not asked for) may
 * be written beside the inputs in[0..nin) and also (NULL for none):
 * smp_atomic_check_outputs. */
void	smp_cli_outputs(const char *const *out, size_t nout, char *const *in,
	    size_t nin, const char *also);

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
/* Count one input that failed, for the last line. */
void	smp_progress_failed(struct smp_progress *p);
void	smp_progress_end(struct smp_progress *p);

/* match-opts.c: smp-match's option groups; what of the command line
 * goes beyond the library's options and request. */
extern const struct smp_opt smp_opts_match_target[], smp_opts_match_patch[],
	    smp_opts_match_answer[];
struct smp_cli_match {
	const char	*catalogue, *swatch, *report, *patch;
	int		 k, list, have_skin;
	double		 max_de;		/* NAN: none */
	struct smp_lab	 skin;
};
void	smp_cli_match_init(struct smp_cli_match *m);
/* 1 when ch was one of the groups' (or -c), now handled. */
int	smp_cli_match_opt(struct smp_cli_match *m, struct smp_match_opts *o,
	    struct smp_match_request *rq, struct smp_sample_opts *so, int ch,
	    const char *arg);
/* After the last option: the sampler's defaults, the patch region, the
 * whites, the format, and the checks between options (exit 2). */
void	smp_cli_match_done(struct smp_cli_match *m,
	    struct smp_match_request *rq, struct smp_sample_opts *so,
	    struct smp_cli_common *c, size_t nfiles);
/* --test-patch against the loaded catalogue (exit 2 when unknown). */
void	smp_cli_match_patch(const struct smp_cli_match *m,
	    const struct smp_catalogue *cat, struct smp_match_request *rq);

/* match-out.c: smp-match's words beyond the rows (a note and the flags
 * on stderr), and its rows with, for people, a heading and a verdict. */
void	smp_cli_match_warn(const struct smp_match_group *g,
	    const struct smp_match_result *r, int photo);
int	smp_cli_match_rows(struct smp_table *t,
	    const struct smp_catalogue *cat, const struct smp_match_opts *o,
	    const struct smp_match_request *rq, const struct smp_match_group *g,
	    const struct smp_match_result *r, int k, struct smp_err *e);

/* fade-opts.c: smp-fade's own option groups (what to predict, the
 * --fit series, the interval's inputs) and what they set. */
extern const struct smp_opt smp_opts_fade_predict[], smp_opts_fade_fit[],
	    smp_opts_fade_interval[];
struct smp_cli_fade {
	const char	*catalogue, *pigment, *series, *plot, *ics, *region;
	int		 any_region, have_skin;
	struct smp_lab	 skin;
};
/* The defaults of m and of rp (horizon 10 years, rows every 6 months,
 * touch-ups planned, smp_fade_defaults, smp_match_defaults). */
void	smp_cli_fade_init(struct smp_cli_fade *m, struct smp_fade_report *rp);
/* 1 when ch was one of those groups (or -c), now handled. */
int	smp_cli_fade_tool_opt(struct smp_cli_fade *m,
	    struct smp_fade_report *rp, int ch, const char *arg);
/* After the last option: the checks between options (exit 2) and the
 * start date's default; argc operands remain. */
void	smp_cli_fade_done(const struct smp_cli_fade *m,
	    struct smp_fade_report *rp, int argc);

#endif /* SMP_CLI_H */
