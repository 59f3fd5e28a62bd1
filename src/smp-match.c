/*
 * smp-match: for each skin reading, every catalogue pigment at its best
 * dilution, ranked against the natural-follicle target (smp-match(1)).
 */
#include "config.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "smp.h"
#include "smp-cli.h"

enum {
	OPT_SKIN = SMP_OPT_TOOL, OPT_TARGET, OPT_HAIR, OPT_VIEW, OPT_METRIC,
	OPT_MAX_DE, OPT_SWATCH, OPT_MAX_DIL, OPT_DRAWS, OPT_PATCH,
	OPT_PATCH_LAB, OPT_PATCH_REGION, OPT_LIST, OPT_REPORT
};

static const struct smp_opt own[] = {
	{ NULL, 1, 'k', "N", "candidates per reading (default 3)" },
	{ "skin", 1, OPT_SKIN, "L,a,b", "the client's skin, instead of "
	    "readings" },
	{ "target", 1, OPT_TARGET, "L,a,b", "the colour to match (default: a "
	    "natural follicle)" },
	{ "hair", 1, OPT_HAIR, "COLOUR", "black, dark-brown (default), brown "
	    "or grey" },
	{ "view", 1, OPT_VIEW, "VIEW", "dot (close up, default) or blend (at a "
	    "distance)" },
	{ "metric", 1, OPT_METRIC, "METRIC", "CIEDE2000 (de00, the default), "
	    "de94, cmc or de76" },
	{ "max-de", 1, OPT_MAX_DE, "X", "exit 1 when the best is further than "
	    "X" },
	{ "swatch", 1, OPT_SWATCH, "FILE", "picture of the candidates, .png or "
	    ".svg" },
	{ "max-dilution", 1, OPT_MAX_DIL, "R", "most water per part ink "
	    "(default 30)" },
	{ "draws", 1, OPT_DRAWS, "N", "Monte Carlo draws for p_best and the "
	    "interval\n(default 200; 0: none)" },
	{ "test-patch", 1, OPT_PATCH, "PIGMENT[:R]", "the client's healed test "
	    "patch: pigment and dilution" },
	{ "patch-lab", 1, OPT_PATCH_LAB, "L,a,b", "the test patch's reading" },
	{ "patch-region", 1, OPT_PATCH_REGION, "REGION", "the region that "
	    "holds the test patch" },
	{ "list-pigments", 0, OPT_LIST, NULL, "print the catalogue's pigments "
	    "and exit" },
	{ "report", 1, OPT_REPORT, "FILE.html", "a consultation sheet: one "
	    "self-contained page" },
	SMP_OPT_END
};
static const struct smp_opt *const groups[] = {
	smp_opts_catalogue, own, smp_opts_sampling, smp_opts_white,
	smp_opts_stipple, smp_opts_output, smp_opts_limits, smp_opts_batch,
	smp_opts_info, NULL
};

struct run {
	struct smp_match_opts	 o;
	struct smp_match_request rq;
	struct smp_catalogue	*cat;
	struct smp_table	*t;
	enum smp_table_format	 fmt;
	int			 header;
	struct smp_cli_batch	 batch;
	struct smp_progress	*progress;	/* over readings, or NULL */
	int			 k, status, any_over;
	int			 stopped;	/* stdout failed */
	double			 max_de;
	int			 want_swatch;
	struct smp_swatch	 swatch;
	struct smp_report	*report;	/* --report, or NULL */
	int			 photo;		/* readings or images */
};

static smp_dead void
usage(int status)
{
	char	syn[512];

	snprintf(syn, sizeof syn, "usage: %s [-0CHhV] [-j N] [-c catalogue] "
	    "[-k N] [--skin L,a,b]\n"
	    "       [--target L,a,b | --hair black|dark-brown|brown|grey] "
	    "[--view dot|blend]\n"
	    "       [--metric METRIC] [--max-de X] "
	    "[--swatch FILE.png|FILE.svg]\n"
	    "       [--draws N] [--test-patch PIGMENT[:R] "
	    "[--patch-lab L,a,b | --patch-region R]]\n"
	    "       [-r region] [-p profile] [--json] [--[no-]progress]\n"
	    "       [--files-from FILE] [readings.tsv | image]...",
	    smp_cli_progname());
	smp_cli_help(status ? stderr : stdout, syn, groups);
	exit(status);
}

/* One group's result, in input order: its rows, or why there are none. */
static int
emit(void *arg, const struct smp_match_group *g,
    const struct smp_match_result *r, const struct smp_err *why)
{
	struct run	*u = arg;
	struct smp_err	 e = SMP_ERR_INIT;

	smp_progress_step(u->progress);
	if (u->stopped)
		return 1;
	if (r == NULL) {
		smp_cli_warnx("%s", why->msg);
		u->status = SMP_EXIT_TROUBLE;
		return 0;
	}
	smp_cli_match_warn(g, r, u->photo);
	if (smp_cli_match_rows(u->t, u->cat, &u->o, &u->rq, g, r, u->k,
	    &e) == -1)
		smp_cli_die(&e);
	if (!isnan(u->max_de) && !(r->cand[0].de <= u->max_de))
		u->any_over = 1;
	if (u->want_swatch && smp_swatch_add(&u->swatch, u->cat, g, r,
	    u->k, &e) == -1)
		smp_cli_die(&e);
	if (u->report != NULL && smp_report_add(u->report, u->cat, &u->o, g,
	    r, &e) == -1)
		smp_cli_die(&e);
	return u->stopped = smp_cli_stdout_broken();
}

/* Match groups on u->batch.jobs threads; progress: a line over them. */
static void
match_groups(struct run *u, const struct smp_match_group *g, size_t ng,
    int progress)
{
	struct smp_err	e = SMP_ERR_INIT;

	u->progress = progress ? smp_progress_start(u->batch.progress, ng,
	    "readings") : NULL;
	if (smp_match_group_batch(u->cat, &u->o, &u->rq, g, ng, u->batch.jobs,
	    emit, u, &e) == -1) {
		if (e.code == SMP_E_NOMEM)
			smp_cli_die(&e);
		smp_cli_warnx("%s", e.msg);
		u->status = SMP_EXIT_TROUBLE;
	}
	smp_progress_end(u->progress);
	u->progress = NULL;
}

/* One input, readings or an image; or, path NULL, the --skin reading. */
static void
match_input(struct run *u, const char *path, struct smp_sample_opts *so,
    const struct smp_lab *skin, int progress)
{
	struct smp_readings	 rs;
	struct smp_reading	*r;
	struct smp_match_group	*g = NULL;
	struct smp_err		 e = SMP_ERR_INIT;
	size_t			 ng = 0;
	int			 ok;

	memset(&rs, 0, sizeof rs);
	if (path != NULL)
		ok = smp_match_group_input(path, so, &rs, &g, &ng, &e) == 0;
	else if ((ok = (r = smp_readings_add(&rs, "-", "skin", &e)) != NULL)) {
		r->klass = SMP_CLASS_SKIN;
		r->white = so->white;
		r->st.value = *skin;
		ok = smp_match_group_readings(&rs, &g, &ng, &e) == 0;
	}
	if (ok)
		match_groups(u, g, ng, progress);
	else {
		smp_cli_warnx("%s", e.msg);
		u->status = SMP_EXIT_TROUBLE;
	}
	free(g);
	smp_readings_clear(&rs);
}

/* The command line beyond the options struct run and the sampler take. */
struct cmd {
	const char	*catalogue, *swatch, *patch, *report;
	int		 list;
	struct smp_lab	 skin;
	int		 have_skin;
	char		**files;
	size_t		 nfiles;
};

/* --patch-region: for images, also sample it when it is a region; for
 * readings it is the label of their region column. */
static void
patch_region(const char *arg, struct smp_sample_opts *so)
{
	struct smp_region	rg;
	struct smp_err		e = SMP_ERR_INIT;

	if (smp_region_parse(arg, &rg, &e) == 0) {
		smp_region_clear(&rg);
		smp_cli_region(arg, so);
	}
}

static void
options(int argc, char **argv, struct run *u, struct smp_sample_opts *so,
    struct cmd *cmd)
{
	struct smp_cli_common	c;
	int			ch, have_hair = 0;

	smp_cli_common_init(&c);
	while ((ch = smp_cli_getopt(argc, argv, groups)) != -1) {
		if (smp_cli_common_opt(&c, ch, optarg) ||
		    smp_cli_sampling_opt(so, ch, optarg) ||
		    smp_cli_stipple_opt(&u->o, ch, optarg))
			continue;
		switch (ch) {
		case 'c':
			cmd->catalogue = optarg;
			break;
		case 'k':
			u->k = (int)smp_cli_int("-k", optarg, 1,
			    SMP_SWATCH_MAX_K);
			break;
		case OPT_SKIN:
			smp_cli_lab("--skin", optarg, &cmd->skin);
			cmd->have_skin = 1;
			break;
		case OPT_TARGET:
			smp_cli_lab("--target", optarg, &u->rq.target);
			u->rq.have_target = 1;
			break;
		case OPT_HAIR:
			u->o.hair = smp_cli_choice("--hair", optarg,
			    &smp_names_hair);
			have_hair = 1;
			break;
		case OPT_VIEW:
			u->o.view = smp_cli_choice("--view", optarg,
			    &smp_names_view);
			break;
		case OPT_METRIC:
			u->o.metric = smp_cli_choice("--metric", optarg,
			    &smp_names_metric);
			break;
		case OPT_MAX_DE:
			u->max_de = smp_cli_num("--max-de", optarg, 0, 1000);
			break;
		case OPT_SWATCH:
			cmd->swatch = optarg;
			break;
		case OPT_MAX_DIL:
			u->o.max_dilution = smp_cli_num("--max-dilution",
			    optarg, 0, 100);
			break;
		case OPT_DRAWS:
			u->o.draws = (int)smp_cli_int("--draws", optarg, 0,
			    SMP_MATCH_MAX_DRAWS);
			break;
		case OPT_PATCH:
			cmd->patch = optarg;
			break;
		case OPT_PATCH_LAB:
			smp_cli_lab("--patch-lab", optarg, &u->rq.patch_lab);
			u->rq.have_patch_lab = 1;
			break;
		case OPT_PATCH_REGION:
			u->rq.patch_region = optarg;
			break;
		case OPT_LIST:
			cmd->list = 1;
			break;
		case OPT_REPORT:
			cmd->report = optarg;
			so->insets = 1;
			break;
		default:
			smp_cli_rest(ch, usage);
		}
	}
	smp_cli_sampling_done(so, &c);
	if (u->rq.patch_region != NULL)
		patch_region(u->rq.patch_region, so);
	u->rq.have_hair = have_hair;
	u->rq.target_white = u->rq.patch_white = c.white;
	u->batch = c.batch;
	/* people at a terminal get the table, pipes TSV */
	u->fmt = c.fmt_given || !isatty(STDOUT_FILENO) ? c.fmt :
	    SMP_TABLE_TEXT;
	u->header = c.header;
	cmd->files = smp_cli_batch_files(argc - optind, argv + optind,
	    &c.batch, &cmd->nfiles);
	if (u->rq.have_target && have_hair)
		smp_cli_usage_error("--target and --hair exclude each other");
	if (cmd->have_skin && cmd->nfiles > 0)
		smp_cli_usage_error("--skin and readings or images exclude each "
		    "other");
	if (cmd->swatch != NULL && !smp_swatch_path_ok(cmd->swatch))
		smp_cli_usage_error("--swatch: the name must end in .png or .svg");
	if (cmd->report != NULL && (strlen(cmd->report) < 6 ||
	    strcasecmp(cmd->report + strlen(cmd->report) - 5, ".html") != 0))
		smp_cli_usage_error("--report: the name must end in .html");
	if ((cmd->patch != NULL) != (u->rq.have_patch_lab ||
	    u->rq.patch_region != NULL) || (u->rq.have_patch_lab &&
	    u->rq.patch_region != NULL))
		smp_cli_usage_error("--test-patch needs one of --patch-lab and "
		    "--patch-region");
}

/* --test-patch PIGMENT[:R], against the loaded catalogue. */
static void
test_patch(struct run *u, const char *arg)
{
	char			 name[SMP_NAME_MAX];
	const char		*colon = strrchr(arg, ':');
	size_t			 n = colon != NULL ? (size_t)(colon - arg) :
				    strlen(arg);
	const struct smp_pigment *p;

	if (n >= sizeof name)
		smp_cli_usage_error("--test-patch: pigment name too long");
	memcpy(name, arg, n);
	name[n] = '\0';
	if ((p = smp_catalogue_find(u->cat, name)) == NULL)
		smp_cli_usage_error("--test-patch: no pigment '%s' in the "
		    "catalogue", name);
	u->rq.have_patch = 1;
	u->rq.patch_pig = (int)(p - u->cat->pig);
	u->rq.patch_dilution = colon != NULL ? smp_cli_num("--test-patch",
	    colon + 1, 0, 1000) : 0;
}

int
main(int argc, char *argv[])
{
	struct run		 u;
	struct smp_sample_opts	 so;
	struct cmd		 cmd;
	struct smp_err		 e = SMP_ERR_INIT;
	struct smp_progress	*progress;
	size_t			 f;

	smp_cli_init(argv[0]);
	memset(&u, 0, sizeof u);
	memset(&so, 0, sizeof so);
	memset(&cmd, 0, sizeof cmd);
	smp_match_defaults(&u.o);
	u.k = 3;
	u.max_de = NAN;
	so.stat = SMP_STAT_ROBUST;
	so.separate = 1;
	so.avoid_chart = 1;
	options(argc, argv, &u, &so, &cmd);
	u.rq.catalogue = cmd.catalogue != NULL ? cmd.catalogue :
	    smp_cli_catalogue();
	u.rq.chart = so.chart;
	if (smp_catalogue_load(u.rq.catalogue, &u.cat, &e) == -1)
		smp_cli_die(&e);
	if (cmd.list) {
		if (smp_catalogue_list(u.cat, stdout, u.fmt, u.header, &e) == -1)
			smp_cli_die(&e);
		smp_catalogue_free(u.cat);
		return smp_cli_stdout_broken() ? SMP_EXIT_TROUBLE : SMP_EXIT_OK;
	}
	if (cmd.patch != NULL)
		test_patch(&u, cmd.patch);
	if ((u.t = smp_match_table(stdout, u.fmt, u.header, &u.o, &u.rq,
	    &e)) == NULL)
		smp_cli_die(&e);
	u.photo = !cmd.have_skin;
	if (cmd.report != NULL && (u.report = smp_report_new(&e)) == NULL)
		smp_cli_die(&e);
	u.want_swatch = cmd.swatch != NULL;
	if (cmd.have_skin)
		match_input(&u, NULL, &so, &cmd.skin, 0);
	else if (cmd.nfiles == 0)
		match_input(&u, "-", &so, NULL, 1);
	progress = cmd.nfiles > 1 ? smp_progress_start(u.batch.progress,
	    cmd.nfiles, "inputs") : NULL;
	for (f = 0; f < cmd.nfiles && !u.stopped; f++) {
		match_input(&u, cmd.files[f], &so, NULL, cmd.nfiles == 1);
		smp_progress_step(progress);
	}
	smp_progress_end(progress);
	if (cmd.swatch != NULL && u.swatch.n > 0 && smp_swatch_write(cmd.swatch,
	    &u.swatch, u.k < (int)u.cat->npig ? u.k : (int)u.cat->npig, &u.o,
	    &e) == -1) {
		smp_cli_warnx("%s", e.msg);
		u.status = SMP_EXIT_TROUBLE;
	}
	if (u.report != NULL && smp_report_write(u.report, cmd.report,
	    u.rq.catalogue, &e) == -1) {
		smp_cli_warnx("%s", e.msg);
		u.status = SMP_EXIT_TROUBLE;
	}
	smp_report_free(u.report);
	smp_filelist_free(cmd.files);
	smp_table_free(u.t);
	smp_swatch_free(&u.swatch);
	smp_catalogue_free(u.cat);
	smp_sample_opts_clear(&so);
	return u.status == SMP_EXIT_OK && u.any_over ? SMP_EXIT_SHORT :
	    u.status;
}
