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

#include "smp.h"
#include "smp-cli.h"

enum {
	OPT_SKIN = SMP_OPT_TOOL, OPT_TARGET, OPT_HAIR, OPT_VIEW, OPT_METRIC,
	OPT_MAX_DE, OPT_SWATCH, OPT_MAX_DIL
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
	{ "chart", 0, 'C', NULL, "images: calibrate on the ColorChecker in the "
	    "photo" },
	{ "region", 1, 'r', "REGION", "images: the skin region "
	    "(smp-sample(1))" },
	{ "profile", 1, 'p', "FILE", "images: source ICC profile" },
	{ "max-dilution", 1, OPT_MAX_DIL, "R", "most water per part ink "
	    "(default 30)" },
	SMP_OPT_END
};
static const struct smp_opt *const groups[] = {
	smp_opts_catalogue, own, smp_opts_white, smp_opts_stipple,
	smp_opts_output, smp_opts_limits, smp_opts_batch, smp_opts_info, NULL
};

enum {
	M_FILE,
	M_REGION,
	M_RANK,
	M_PIGMENT,
	M_DILUTION,
	M_DOT_L,
	M_DOT_A,
	M_DOT_B,
	M_BLEND_L,
	M_BLEND_A,
	M_BLEND_B,
	M_TARGET_L,
	M_TARGET_A,
	M_TARGET_B,
	M_DE00,
	M_SKIN_FIT_DE00,
	M_ITA_CLASS,
	M_MAKER,
	M_LOAD,
	M_METRIC,
	M_DE,
	M_VIEW,
	M_TARGET_SOURCE,
	M_SKIN_L,
	M_SKIN_A,
	M_SKIN_B,
	M_ITA,
	M_F_MEL,
	M_F_BLOOD,
	M_WHITE,
};
static const struct smp_column columns[] = {
	[M_FILE] = { "file", SMP_COL_STR, 0 },
	[M_REGION] = { "region", SMP_COL_STR, 0 },
	[M_RANK] = { "rank", SMP_COL_INT, 0 },
	[M_PIGMENT] = { "pigment", SMP_COL_STR, 0 },
	[M_DILUTION] = { "dilution", SMP_COL_NUM, 2 },
	[M_DOT_L] = { "dot_L", SMP_COL_NUM, 2 },
	[M_DOT_A] = { "dot_a", SMP_COL_NUM, 2 },
	[M_DOT_B] = { "dot_b", SMP_COL_NUM, 2 },
	[M_BLEND_L] = { "blend_L", SMP_COL_NUM, 2 },
	[M_BLEND_A] = { "blend_a", SMP_COL_NUM, 2 },
	[M_BLEND_B] = { "blend_b", SMP_COL_NUM, 2 },
	[M_TARGET_L] = { "target_L", SMP_COL_NUM, 2 },
	[M_TARGET_A] = { "target_a", SMP_COL_NUM, 2 },
	[M_TARGET_B] = { "target_b", SMP_COL_NUM, 2 },
	[M_DE00] = { "de00", SMP_COL_NUM, 3 },
	[M_SKIN_FIT_DE00] = { "skin_fit_de00", SMP_COL_NUM, 3 },
	[M_ITA_CLASS] = { "ita_class", SMP_COL_STR, 0 },
	[M_MAKER] = { "maker", SMP_COL_STR, 0 },
	[M_LOAD] = { "load", SMP_COL_NUM, 4 },
	[M_METRIC] = { "metric", SMP_COL_STR, 0 },
	[M_DE] = { "de", SMP_COL_NUM, 3 },
	[M_VIEW] = { "view", SMP_COL_STR, 0 },
	[M_TARGET_SOURCE] = { "target_source", SMP_COL_STR, 0 },
	[M_SKIN_L] = { "skin_L", SMP_COL_NUM, 2 },
	[M_SKIN_A] = { "skin_a", SMP_COL_NUM, 2 },
	[M_SKIN_B] = { "skin_b", SMP_COL_NUM, 2 },
	[M_ITA] = { "ita", SMP_COL_NUM, 2 },
	[M_F_MEL] = { "f_mel", SMP_COL_NUM, 4 },
	[M_F_BLOOD] = { "f_blood", SMP_COL_NUM, 5 },
	[M_WHITE] = { "white", SMP_COL_STR, 0 },
};

/* One client skin to match: a reading and, perhaps, its dot reading. */
struct group {
	const char	*file, *region;
	struct smp_lab	 skin, dot;
	int		 have_skin, have_dot;
	enum smp_white	 white;
};

struct run {
	struct smp_match_opts	 o;
	struct smp_catalogue	*cat;
	struct smp_table	*t;
	struct smp_cli_batch	 batch;
	struct smp_progress	*progress;	/* over readings, or NULL */
	const struct group	*groups;	/* of the input being matched */
	int			 k, have_target, status, any_over;
	int			 stopped;	/* stdout failed */
	struct smp_lab		 target;
	enum smp_white		 white;		/* of --skin, --target */
	double			 max_de;
	int			 swatch;	/* collect rows for --swatch */
	struct smp_swatch_row	*rows;
	size_t			 nrows;
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
	    "       [-r region] [-p profile] [--json] [--[no-]progress]\n"
	    "       [--files-from FILE] [readings.tsv | image]...",
	    smp_cli_progname());
	smp_cli_help(status ? stderr : stdout, syn, groups);
	exit(status);
}

static int
print_row(struct run *u, const struct group *g, int rank,
    const struct smp_candidate *c, const struct smp_match_skin *ms,
    const struct smp_target *tg, const char *tsrc, struct smp_err *e)
{
	const struct smp_pigment *p = &u->cat->pig[c->pig];
	const struct smp_lab	*t = u->o.view == SMP_VIEW_BLEND ?
				    &tg->blend : &tg->dot;
	struct smp_lab		 d65;
	double			 ita;
	struct smp_table	*T = u->t;

	smp_lab_adapt(&g->skin, g->white, SMP_WHITE_D65, &d65);
	ita = smp_ita(&d65);
	smp_table_set_str(T, M_FILE, g->file);
	smp_table_set_str(T, M_REGION, g->region);
	smp_table_set_int(T, M_RANK, rank);
	smp_table_set_str(T, M_PIGMENT, p->name);
	smp_table_set_num(T, M_DILUTION, c->dilution);
	smp_table_set_num(T, M_DOT_L, c->dot.L);
	smp_table_set_num(T, M_DOT_A, c->dot.a);
	smp_table_set_num(T, M_DOT_B, c->dot.b);
	smp_table_set_num(T, M_BLEND_L, c->blend.L);
	smp_table_set_num(T, M_BLEND_A, c->blend.a);
	smp_table_set_num(T, M_BLEND_B, c->blend.b);
	smp_table_set_num(T, M_TARGET_L, t->L);
	smp_table_set_num(T, M_TARGET_A, t->a);
	smp_table_set_num(T, M_TARGET_B, t->b);
	smp_table_set_num(T, M_DE00, c->de00);
	smp_table_set_num(T, M_SKIN_FIT_DE00, ms->fit_de00);
	smp_table_set_str(T, M_ITA_CLASS, smp_ita_class(ita));
	smp_table_set_str(T, M_MAKER, p->maker);
	smp_table_set_num(T, M_LOAD, c->load);
	smp_table_set_str(T, M_METRIC, smp_names_name(&smp_names_metric, u->o.metric));
	smp_table_set_num(T, M_DE, c->de);
	smp_table_set_str(T, M_VIEW, smp_names_name(&smp_names_view, u->o.view));
	smp_table_set_str(T, M_TARGET_SOURCE, tsrc);
	smp_table_set_num(T, M_SKIN_L, g->skin.L);
	smp_table_set_num(T, M_SKIN_A, g->skin.a);
	smp_table_set_num(T, M_SKIN_B, g->skin.b);
	smp_table_set_num(T, M_ITA, ita);
	smp_table_set_num(T, M_F_MEL, ms->skin.f_mel);
	smp_table_set_num(T, M_F_BLOOD, ms->skin.f_blood);
	smp_table_set_str(T, M_WHITE, smp_names_name(&smp_names_white, g->white));
	return smp_table_end_row(T, e);
}

/* What a worker computes for one group; printed by group_emit. */
struct matched {
	struct smp_match_skin	 ms;
	struct smp_target	 tg;
	char			 tsrc[32];
	struct smp_candidate	*cand;		/* every pigment, ranked */
};

static void *
group_compute(size_t i, void *arg)
{
	struct run		*u = arg;
	const struct group	*g = &u->groups[i];
	struct matched		*m;

	if (!g->have_skin || (m = calloc(1, sizeof *m)) == NULL)
		return NULL;
	if ((m->cand = calloc(u->cat->npig, sizeof *m->cand)) == NULL) {
		free(m);
		return NULL;
	}
	smp_match_skin_fit(&g->skin, g->white, &u->o, &m->ms);
	if (u->have_target) {
		struct smp_lab	t;

		smp_lab_adapt(&u->target, u->white, g->white, &t);
		smp_match_target_lab(&m->ms, &u->o, &t, SMP_TARGET_GIVEN,
		    &m->tg);
		snprintf(m->tsrc, sizeof m->tsrc, "given");
	} else if (g->have_dot) {
		smp_match_target_lab(&m->ms, &u->o, &g->dot,
		    SMP_TARGET_READING, &m->tg);
		snprintf(m->tsrc, sizeof m->tsrc, "reading");
	} else {
		smp_match_target_hair(&m->ms, &u->o, &m->tg);
		snprintf(m->tsrc, sizeof m->tsrc, "hair:%s",
		    smp_names_name(&smp_names_hair, u->o.hair));
	}
	smp_match_rank(u->cat, &m->ms, &m->tg, &u->o, m->cand);
	return m;
}

static void
swatch_add(struct run *u, const struct group *g, const struct matched *m,
    int n)
{
	struct smp_swatch_row	*r;
	int			 i;

	r = realloc(u->rows, (u->nrows + 1) * sizeof *r);
	if (r == NULL)
		smp_cli_usage_error("out of memory");
	u->rows = r;
	r = &u->rows[u->nrows++];
	memset(r, 0, sizeof *r);
	r->skin = g->skin;
	r->white = g->white;
	r->target = m->tg.dot;
	r->target_name = m->tg.source == SMP_TARGET_HAIR ?
	    smp_names_name(&smp_names_hair, u->o.hair) : m->tg.source == SMP_TARGET_GIVEN ?
	    "GIVEN" : "FROM PHOTO";
	for (i = 0; i < n; i++) {
		r->cand[i].name = u->cat->pig[m->cand[i].pig].name;
		r->cand[i].dilution = m->cand[i].dilution;
		r->cand[i].de = m->cand[i].de;
		r->cand[i].dot = m->cand[i].dot;
	}
}

static int
group_emit(size_t i, void *result, void *arg)
{
	struct run		*u = arg;
	const struct group	*g = &u->groups[i];
	struct matched		*m = result;
	struct smp_err		 e = SMP_ERR_INIT;
	int			 j, n = u->k;

	smp_progress_step(u->progress);
	if (u->stopped)
		;	/* the reader is gone: only free */
	else if (!g->have_skin) {
		smp_cli_warnx("%s: region %s: no skin reading", g->file, g->region);
		u->status = SMP_EXIT_TROUBLE;
	} else if (m == NULL)
		smp_cli_usage_error("out of memory");
	else {
		if (n > (int)u->cat->npig)
			n = (int)u->cat->npig;
		for (j = 0; j < n; j++)
			if (print_row(u, g, j + 1, &m->cand[j], &m->ms, &m->tg,
			    m->tsrc, &e) == -1)
				smp_cli_die(&e);
		if (!isnan(u->max_de) && m->cand[0].de > u->max_de)
			u->any_over = 1;
		if (u->swatch)
			swatch_add(u, g, m, n);
		if (smp_cli_stdout_broken())
			u->stopped = 1;
	}
	if (m != NULL) {
		free(m->cand);
		free(m);
	}
	return u->stopped;
}

/* Match groups on u->batch.jobs threads, printing in order. */
static void
match_groups(struct run *u, const struct group *g, size_t ng,
    int progress)
{
	struct smp_err	e = SMP_ERR_INIT;

	u->groups = g;
	if (progress)
		u->progress = smp_progress_start(u->batch.progress, ng,
		    "readings");
	if (smp_pool_run(ng, u->batch.jobs, group_compute, group_emit, u,
	    &e) == -1)
		smp_cli_die(&e);
	if (progress) {
		smp_progress_end(u->progress);
		u->progress = NULL;
	}
}

static uint64_t
key_hash(const char *file, const char *region)
{
	uint64_t	h = 1469598103934665603ULL;	/* FNV-1a */

	for (; *file != '\0'; file++)
		h = (h ^ (unsigned char)*file) * 1099511628211ULL;
	h = (h ^ 0xff) * 1099511628211ULL;
	for (; *region != '\0'; region++)
		h = (h ^ (unsigned char)*region) * 1099511628211ULL;
	return h;
}

/* Group rows by (file, region) in order of first appearance; skin and
 * all rows are skins, dot and hair rows are targets.  A row joins the
 * first group of its key that lacks its kind.  The groups of one key are
 * chained (next) from a hash table, so grouping is linear in the rows. */
static void
match_rows(struct run *u, const struct smp_readings *rs, int progress)
{
	size_t		 i, j, ng = 0, nb = 16, *head, *next;
	struct group	*g = calloc(rs->n + 1, sizeof *g);

	while (nb < 2 * rs->n)
		nb *= 2;
	head = malloc(nb * sizeof *head);
	next = malloc((rs->n + 1) * sizeof *next);
	if (g == NULL || head == NULL || next == NULL)
		smp_cli_usage_error("out of memory");
	for (i = 0; i < nb; i++)
		head[i] = SIZE_MAX;
	for (i = 0; i < rs->n; i++) {
		const struct smp_reading *r = &rs->r[i];
		int			 dot = smp_readings_role(r->klass,
					    SMP_ROLE_SKIN) == SMP_ROLE_DARK;
		size_t			 b = key_hash(r->file, r->region) &
					    (nb - 1), *link = &head[b];

		/* The chain of bucket b holds every key hashing there. */
		for (j = *link; j != SIZE_MAX; link = &next[j], j = *link)
			if (strcmp(g[j].file, r->file) == 0 &&
			    strcmp(g[j].region, r->region) == 0 &&
			    !(dot ? g[j].have_dot : g[j].have_skin))
				break;
		if (j == SIZE_MAX) {
			j = ng++;
			g[j].file = r->file;
			g[j].region = r->region;
			g[j].white = r->white;
			next[j] = SIZE_MAX;
			*link = j;
		}
		if (dot) {
			smp_lab_adapt(&r->st.value, r->white, g[j].white,
			    &g[j].dot);
			g[j].have_dot = 1;
		} else {
			smp_lab_adapt(&r->st.value, r->white, g[j].white,
			    &g[j].skin);
			g[j].have_skin = 1;
		}
	}
	match_groups(u, g, ng, progress);
	free(next);
	free(head);
	free(g);
}

static void
match_image(struct run *u, const char *path, struct smp_sample_opts *so,
    int progress)
{
	struct smp_readings	rs;
	struct smp_err		e = SMP_ERR_INIT;

	if (smp_sample_image(path, so, &rs, &e) == -1) {
		smp_cli_warnx("%s", e.msg);
		u->status = SMP_EXIT_TROUBLE;
		return;
	}
	match_rows(u, &rs, progress);
	smp_readings_clear(&rs);
}

/* progress: a progress line over this input's readings (one input). */
static void
match_file(struct run *u, const char *path, struct smp_sample_opts *so,
    int progress)
{
	struct smp_readings	rs;
	struct smp_err		e = SMP_ERR_INIT;

	if (smp_image_sniff(path)) {
		match_image(u, path, so, progress);
		return;
	}
	memset(&rs, 0, sizeof rs);
	if (smp_readings_read(path, u->white, &rs, &e) == -1) {
		smp_cli_warnx("%s", e.msg);
		u->status = SMP_EXIT_TROUBLE;
	} else
		match_rows(u, &rs, progress);
	smp_readings_clear(&rs);
}

int
main(int argc, char *argv[])
{
	struct run		 u;
	struct smp_sample_opts	 so;
	struct smp_err		 e = SMP_ERR_INIT;
	struct smp_cli_common	 c;
	const char		*catalogue = NULL, *swatch = NULL;
	struct smp_lab		 skin;
	struct smp_progress	*progress;
	char			**files;
	size_t			 nfiles, f;
	int			 ch, i, have_skin = 0, have_hair = 0;

	smp_cli_init(argv[0]);
	memset(&u, 0, sizeof u);
	memset(&so, 0, sizeof so);
	smp_match_defaults(&u.o);
	u.k = 3;
	u.max_de = NAN;
	so.stat = SMP_STAT_ROBUST;
	so.separate = 1;
	so.avoid_chart = 1;
	smp_cli_common_init(&c);
	while ((ch = smp_cli_getopt(argc, argv, groups)) != -1) {
		if (smp_cli_common_opt(&c, ch, optarg) ||
		    smp_cli_stipple_opt(&u.o, ch, optarg))
			continue;
		switch (ch) {
		case 'c':
			catalogue = optarg;
			break;
		case 'k': {
			long	k;

			if (smp_parse_long(optarg, 1, SMP_SWATCH_MAX_K, &k,
			    &e) == -1)
				smp_cli_usage_error("-k: %s", e.msg);
			u.k = (int)k;
			break;
		}
		case 'p':
			so.profile = optarg;
			break;
		case 'r':
			smp_cli_region(optarg, &so);
			break;
		case OPT_SKIN:
			smp_cli_lab("--skin", optarg, &skin);
			have_skin = 1;
			break;
		case OPT_TARGET:
			smp_cli_lab("--target", optarg, &u.target);
			u.have_target = 1;
			break;
		case OPT_HAIR:
			u.o.hair = smp_cli_choice("--hair", optarg,
			    &smp_names_hair);
			have_hair = 1;
			break;
		case OPT_VIEW:
			u.o.view = smp_cli_choice("--view", optarg,
			    &smp_names_view);
			break;
		case OPT_METRIC:
			u.o.metric = smp_cli_choice("--metric", optarg,
			    &smp_names_metric);
			break;
		case OPT_MAX_DE:
			u.max_de = smp_cli_num("--max-de", optarg, 0, 1000);
			break;
		case OPT_SWATCH:
			swatch = optarg;
			break;
		case 'C':
			so.chart = 1;
			break;
		case OPT_MAX_DIL:
			u.o.max_dilution = smp_cli_num("--max-dilution", optarg,
			    0, 100);
			break;
		default:
			smp_cli_rest(ch, usage);
		}
	}
	u.white = c.white;
	u.batch = c.batch;
	so.limits = c.limits;
	files = smp_cli_batch_files(argc - optind, argv + optind, &c.batch,
	    &nfiles);
	if (u.have_target && have_hair)
		smp_cli_usage_error("--target and --hair exclude each other");
	if (have_skin && nfiles > 0)
		smp_cli_usage_error("--skin and readings or images exclude each "
		    "other");
	if (so.chart && so.profile != NULL)
		smp_cli_usage_error("--chart and --profile exclude each other");
	if (swatch != NULL && (strlen(swatch) < 5 ||
	    (strcasecmp(swatch + strlen(swatch) - 4, ".png") != 0 &&
	    strcasecmp(swatch + strlen(swatch) - 4, ".svg") != 0)))
		smp_cli_usage_error("--swatch: the name must end in .png or .svg");
	so.white = u.white;
	if (so.nregions == 0)
		smp_cli_region("all", &so);
	if (catalogue == NULL)
		catalogue = smp_cli_catalogue();
	if (smp_catalogue_load(catalogue, &u.cat, &e) == -1)
		smp_cli_die(&e);
	u.swatch = swatch != NULL;
	if ((u.t = smp_table_new(stdout, c.fmt, c.header, columns,
	    SMP_NCOLS(columns), &e)) == NULL)
		smp_cli_die(&e);
	if (have_skin) {
		struct group	g;

		memset(&g, 0, sizeof g);
		g.file = "-";
		g.region = "skin";
		g.skin = skin;
		g.have_skin = 1;
		g.white = u.white;
		match_groups(&u, &g, 1, 0);
	} else if (nfiles == 0)
		match_file(&u, "-", &so, 1);
	progress = nfiles > 1 ? smp_progress_start(u.batch.progress, nfiles,
	    "inputs") : NULL;
	for (f = 0; f < nfiles && !u.stopped; f++) {
		match_file(&u, files[f], &so, nfiles == 1);
		smp_progress_step(progress);
	}
	smp_progress_end(progress);
	smp_filelist_free(files);
	if (swatch != NULL && u.nrows > 0 && smp_swatch_write(swatch, u.rows,
	    u.nrows, u.k < (int)u.cat->npig ? u.k : (int)u.cat->npig, &u.o,
	    &e) == -1) {
		smp_cli_warnx("%s", e.msg);
		u.status = SMP_EXIT_TROUBLE;
	}
	smp_table_free(u.t);
	free(u.rows);
	smp_catalogue_free(u.cat);
	for (i = 0; i < so.nregions; i++)
		smp_region_clear(&so.regions[i]);
	free(so.regions);
	if (u.status == SMP_EXIT_OK && u.any_over)
		u.status = SMP_EXIT_SHORT;
	return u.status;
}
