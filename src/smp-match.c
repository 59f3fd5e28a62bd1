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

enum {
	OPT_SKIN = 256, OPT_TARGET, OPT_HAIR, OPT_VIEW, OPT_METRIC, OPT_MAX_DE,
	OPT_SWATCH, OPT_CHART, OPT_WHITE, OPT_DOT, OPT_PITCH, OPT_DEPTH,
	OPT_MAX_DIL, OPT_MAX_PIXELS, OPT_MAX_MEMORY
};

static const struct option longopts[] = {
	{ "catalogue",	required_argument,	NULL,	'c' },
	{ "chart",	no_argument,		NULL,	OPT_CHART },
	{ "depth",	required_argument,	NULL,	OPT_DEPTH },
	{ "dot-size",	required_argument,	NULL,	OPT_DOT },
	{ "hair",	required_argument,	NULL,	OPT_HAIR },
	{ "json",	no_argument,		NULL,	'j' },
	{ "max-de",	required_argument,	NULL,	OPT_MAX_DE },
	{ "max-dilution", required_argument,	NULL,	OPT_MAX_DIL },
	{ "max-memory",	required_argument,	NULL,	OPT_MAX_MEMORY },
	{ "max-pixels",	required_argument,	NULL,	OPT_MAX_PIXELS },
	{ "metric",	required_argument,	NULL,	OPT_METRIC },
	{ "no-header",	no_argument,		NULL,	'H' },
	{ "pitch",	required_argument,	NULL,	OPT_PITCH },
	{ "profile",	required_argument,	NULL,	'p' },
	{ "region",	required_argument,	NULL,	'r' },
	{ "skin",	required_argument,	NULL,	OPT_SKIN },
	{ "swatch",	required_argument,	NULL,	OPT_SWATCH },
	{ "target",	required_argument,	NULL,	OPT_TARGET },
	{ "view",	required_argument,	NULL,	OPT_VIEW },
	{ "white",	required_argument,	NULL,	OPT_WHITE },
	{ "help",	no_argument,		NULL,	'h' },
	{ "version",	no_argument,		NULL,	'V' },
	{ NULL,		0,			NULL,	0 }
};

static const char *const columns[] = {
	"file", "region", "rank", "pigment", "dilution", "dot_L", "dot_a",
	"dot_b", "blend_L", "blend_a", "blend_b", "target_L", "target_a",
	"target_b", "de00", "skin_fit_de00", "ita_class", "maker", "load",
	"metric", "de", "view", "target_source", "skin_L", "skin_a", "skin_b",
	"ita", "f_mel", "f_blood", "white"
};
#define NCOLUMNS (int)(sizeof columns / sizeof columns[0])

static const char *const metric_names[] = { "de00", "de94", "cmc", "de76" };

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
	struct smp_candidate	*cand;
	int			 k, have_target, status, any_over;
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
	fprintf(status ? stderr : stdout,
	    "usage: %s [-HhjV] [-c catalogue] [-k N] [--skin L,a,b]\n"
	    "       [--target L,a,b | --hair black|dark-brown|brown|grey] "
	    "[--view dot|blend]\n"
	    "       [--metric METRIC] [--max-de X] "
	    "[--swatch FILE.png|FILE.svg]\n"
	    "       [--chart] [-r region] [-p profile] [readings.tsv | "
	    "image]...\n"
	    "\n"
	    "  -c, --catalogue FILE  pigment catalogue (default: $SMP_CATALOGUE"
	    " or the bundled one)\n"
	    "  -k N                  candidates per reading (default 3)\n"
	    "      --skin L,a,b      the client's skin, instead of readings\n"
	    "      --target L,a,b    the colour to match (default: a natural "
	    "follicle)\n"
	    "      --hair COLOUR     black, dark-brown (default), brown or grey\n"
	    "      --view VIEW       dot (close up, default) or blend (at a "
	    "distance)\n"
	    "      --metric METRIC   CIEDE2000 (de00, the default), de94, cmc "
	    "or de76\n"
	    "      --max-de X        exit 1 when the best is further than X\n"
	    "      --swatch FILE     picture of the candidates, .png or .svg\n"
	    "      --chart           images: calibrate on the ColorChecker in "
	    "the photo\n"
	    "  -r, --region REGION   images: the skin region (smp-sample(1))\n"
	    "  -p, --profile FILE    images: source ICC profile\n"
	    "      --white WHITE     white of --skin, --target and readings "
	    "without one:\n"
	    "                        d50 (default) or d65\n"
	    "      --dot-size MM     dot diameter (default 0.3)\n"
	    "      --pitch MM        dot spacing (default 1.0)\n"
	    "      --depth UM        pigment-free dermis over the deposit "
	    "(default 100)\n"
	    "      --max-dilution R  most water per part ink (default 30)\n"
	    "  -j, --json            JSON Lines instead of TSV\n"
	    "  -H, --no-header       no TSV header line\n"
	    "      --max-pixels N, --max-memory SIZE   image limits\n"
	    "  -h, --help            this help\n"
	    "  -V, --version         version\n", smp_progname());
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
	smp_table_str(T, g->file);
	smp_table_str(T, g->region);
	smp_table_int(T, rank);
	smp_table_str(T, p->name);
	smp_table_num(T, c->dilution, 2);
	smp_table_num(T, c->dot.L, 2);
	smp_table_num(T, c->dot.a, 2);
	smp_table_num(T, c->dot.b, 2);
	smp_table_num(T, c->blend.L, 2);
	smp_table_num(T, c->blend.a, 2);
	smp_table_num(T, c->blend.b, 2);
	smp_table_num(T, t->L, 2);
	smp_table_num(T, t->a, 2);
	smp_table_num(T, t->b, 2);
	smp_table_num(T, c->de00, 3);
	smp_table_num(T, ms->fit_de00, 3);
	smp_table_str(T, smp_ita_class(ita));
	smp_table_str(T, p->maker);
	smp_table_num(T, c->load, 4);
	smp_table_str(T, metric_names[u->o.metric]);
	smp_table_num(T, c->de, 3);
	smp_table_str(T, u->o.view == SMP_VIEW_BLEND ? "blend" : "dot");
	smp_table_str(T, tsrc);
	smp_table_num(T, g->skin.L, 2);
	smp_table_num(T, g->skin.a, 2);
	smp_table_num(T, g->skin.b, 2);
	smp_table_num(T, ita, 2);
	smp_table_num(T, ms->skin.f_mel, 4);
	smp_table_num(T, ms->skin.f_blood, 5);
	smp_table_str(T, smp_white_name(g->white));
	return smp_table_end_row(T, e);
}

static void
match_group(struct run *u, const struct group *g)
{
	struct smp_match_skin	 ms;
	struct smp_target	 tg;
	struct smp_err		 e = SMP_ERR_INIT;
	char			 tsrc[32];
	int			 i, n = u->k;

	if (!g->have_skin) {
		smp_warnx("%s: region %s: no skin reading", g->file, g->region);
		u->status = SMP_EXIT_TROUBLE;
		return;
	}
	smp_match_skin_fit(&g->skin, g->white, &u->o, &ms);
	if (u->have_target) {
		struct smp_lab	t;

		smp_lab_adapt(&u->target, u->white, g->white, &t);
		smp_match_target_lab(&ms, &u->o, &t, SMP_TARGET_GIVEN, &tg);
		snprintf(tsrc, sizeof tsrc, "given");
	} else if (g->have_dot) {
		smp_match_target_lab(&ms, &u->o, &g->dot, SMP_TARGET_READING,
		    &tg);
		snprintf(tsrc, sizeof tsrc, "reading");
	} else {
		smp_match_target_hair(&ms, &u->o, &tg);
		snprintf(tsrc, sizeof tsrc, "hair:%s", smp_hair_name(u->o.hair));
	}
	smp_match_rank(u->cat, &ms, &tg, &u->o, u->cand);
	if (n > (int)u->cat->npig)
		n = (int)u->cat->npig;
	for (i = 0; i < n; i++)
		if (print_row(u, g, i + 1, &u->cand[i], &ms, &tg, tsrc,
		    &e) == -1)
			smp_die(&e);
	if (!isnan(u->max_de) && u->cand[0].de > u->max_de)
		u->any_over = 1;
	if (u->swatch) {
		struct smp_swatch_row	*r;

		r = realloc(u->rows, (u->nrows + 1) * sizeof *r);
		if (r == NULL)
			smp_usage_error("out of memory");
		u->rows = r;
		r = &u->rows[u->nrows++];
		memset(r, 0, sizeof *r);
		r->skin = g->skin;
		r->white = g->white;
		r->target = tg.dot;
		r->target_name = tg.source == SMP_TARGET_HAIR ?
		    smp_hair_name(u->o.hair) : tg.source == SMP_TARGET_GIVEN ?
		    "GIVEN" : "FROM PHOTO";
		for (i = 0; i < n; i++) {
			r->cand[i].name = u->cat->pig[u->cand[i].pig].name;
			r->cand[i].dilution = u->cand[i].dilution;
			r->cand[i].de = u->cand[i].de;
			r->cand[i].dot = u->cand[i].dot;
		}
	}
	fflush(stdout);
}

/* Group rows by (file, region) in order of first appearance; skin and
 * all rows are skins, dot and hair rows are targets. */
static void
match_rows(struct run *u, const struct smp_labrows *rs)
{
	size_t		 i, j, ng = 0;
	struct group	*g = calloc(rs->n + 1, sizeof *g);

	if (g == NULL)
		smp_usage_error("out of memory");
	for (i = 0; i < rs->n; i++) {
		const struct smp_labrow	*r = &rs->r[i];
		int			 dot = strcmp(r->klass, "dot") == 0 ||
					    strcmp(r->klass, "hair") == 0;

		for (j = 0; j < ng; j++)
			if (strcmp(g[j].file, r->file) == 0 &&
			    strcmp(g[j].region, r->region) == 0 &&
			    !(dot ? g[j].have_dot : g[j].have_skin))
				break;
		if (j == ng) {
			g[ng].file = r->file;
			g[ng].region = r->region;
			g[ng].white = (enum smp_white)r->white;
			ng++;
		}
		if (dot) {
			smp_lab_adapt(&r->lab, (enum smp_white)r->white,
			    g[j].white, &g[j].dot);
			g[j].have_dot = 1;
		} else {
			smp_lab_adapt(&r->lab, (enum smp_white)r->white,
			    g[j].white, &g[j].skin);
			g[j].have_skin = 1;
		}
	}
	for (j = 0; j < ng; j++)
		match_group(u, &g[j]);
	free(g);
}

static void
match_image(struct run *u, const char *path, struct smp_sample_opts *so)
{
	struct smp_readings	rs;
	struct smp_labrows	lr;
	struct smp_err		e = SMP_ERR_INIT;
	size_t			i;

	if (smp_sample_image(path, so, &rs, &e) == -1) {
		smp_warnx("%s", e.msg);
		u->status = SMP_EXIT_TROUBLE;
		return;
	}
	memset(&lr, 0, sizeof lr);
	if ((lr.r = calloc(rs.n + 1, sizeof *lr.r)) == NULL)
		smp_usage_error("out of memory");
	for (i = 0; i < rs.n; i++) {
		lr.r[i].file = (char *)path;
		lr.r[i].region = rs.r[i].region;
		lr.r[i].klass = (char *)rs.r[i].klass;
		lr.r[i].lab = rs.r[i].st.value;
		lr.r[i].white = rs.white;
	}
	lr.n = rs.n;
	match_rows(u, &lr);
	free(lr.r);
	smp_readings_clear(&rs);
}

static void
match_file(struct run *u, const char *path, struct smp_sample_opts *so)
{
	struct smp_labrows	rs;
	struct smp_err		e = SMP_ERR_INIT;

	if (smp_image_sniff(path)) {
		match_image(u, path, so);
		return;
	}
	memset(&rs, 0, sizeof rs);
	if (smp_labrows_read(path, u->white, &rs, &e) == -1) {
		smp_warnx("%s", e.msg);
		u->status = SMP_EXIT_TROUBLE;
	} else
		match_rows(u, &rs);
	smp_labrows_clear(&rs);
}

int
main(int argc, char *argv[])
{
	struct run		 u;
	struct smp_sample_opts	 so;
	struct smp_err		 e = SMP_ERR_INIT;
	enum smp_table_format	 fmt = SMP_TABLE_TSV;
	const char		*catalogue = NULL, *swatch = NULL;
	struct smp_lab		 skin;
	int			 ch, i, header = 1, have_skin = 0, have_hair = 0;

	smp_cli_init(argv[0]);
	memset(&u, 0, sizeof u);
	memset(&so, 0, sizeof so);
	smp_match_defaults(&u.o);
	u.k = 3;
	u.max_de = NAN;
	u.white = SMP_WHITE_D50;
	so.stat = SMP_STAT_ROBUST;
	so.separate = 1;
	so.avoid_chart = 1;
	so.limits.max_pixels = SMP_DEFAULT_MAX_PIXELS;
	so.limits.max_bytes = SMP_DEFAULT_MAX_BYTES;
	while ((ch = getopt_long(argc, argv, "c:Hhjk:p:r:V", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'c':
			catalogue = optarg;
			break;
		case 'H':
			header = 0;
			break;
		case 'j':
			fmt = SMP_TABLE_JSON;
			break;
		case 'k': {
			long	k;

			if (smp_parse_long(optarg, 1, SMP_SWATCH_MAX_K, &k,
			    &e) == -1)
				smp_usage_error("-k: %s", e.msg);
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
			if (smp_hair_parse(optarg, &u.o.hair, &e) == -1)
				smp_usage_error("--hair: %s", e.msg);
			have_hair = 1;
			break;
		case OPT_VIEW:
			if (strcmp(optarg, "dot") == 0)
				u.o.view = SMP_VIEW_DOT;
			else if (strcmp(optarg, "blend") == 0)
				u.o.view = SMP_VIEW_BLEND;
			else
				smp_usage_error("--view: expected dot or blend, "
				    "not '%s'", optarg);
			break;
		case OPT_METRIC:
			if (smp_metric_parse(optarg, &u.o.metric, &e) == -1)
				smp_usage_error("--metric: %s", e.msg);
			break;
		case OPT_MAX_DE:
			u.max_de = smp_cli_num("--max-de", optarg, 0, 1000);
			break;
		case OPT_SWATCH:
			swatch = optarg;
			break;
		case OPT_CHART:
			so.chart = 1;
			break;
		case OPT_WHITE:
			u.white = smp_cli_white(optarg);
			break;
		case OPT_DOT:
			u.o.dot_mm = smp_cli_num("--dot-size", optarg, 0.05, 3);
			break;
		case OPT_PITCH:
			u.o.pitch_mm = smp_cli_num("--pitch", optarg, 0.1, 10);
			break;
		case OPT_DEPTH:
			u.o.skin.d_above = 1e-4 * smp_cli_num("--depth", optarg,
			    0, 1000);
			break;
		case OPT_MAX_DIL:
			u.o.max_dilution = smp_cli_num("--max-dilution", optarg,
			    0, 100);
			break;
		case OPT_MAX_PIXELS:
		case OPT_MAX_MEMORY:
			smp_cli_limit(ch == OPT_MAX_PIXELS, optarg, &so.limits);
			break;
		default:
			smp_cli_rest(ch, usage);
		}
	}
	argc -= optind;
	argv += optind;
	if (u.have_target && have_hair)
		smp_usage_error("--target and --hair exclude each other");
	if (have_skin && argc > 0)
		smp_usage_error("--skin and readings or images exclude each "
		    "other");
	if (so.chart && so.profile != NULL)
		smp_usage_error("--chart and --profile exclude each other");
	if (swatch != NULL && (strlen(swatch) < 5 ||
	    (strcasecmp(swatch + strlen(swatch) - 4, ".png") != 0 &&
	    strcasecmp(swatch + strlen(swatch) - 4, ".svg") != 0)))
		smp_usage_error("--swatch: the name must end in .png or .svg");
	so.white = u.white;
	if (so.nregions == 0)
		smp_cli_region("all", &so);
	if (catalogue == NULL)
		catalogue = smp_cli_catalogue();
	if (smp_catalogue_load(catalogue, &u.cat, &e) == -1)
		smp_die(&e);
	if ((u.cand = calloc(u.cat->npig, sizeof *u.cand)) == NULL)
		smp_usage_error("out of memory");
	u.swatch = swatch != NULL;
	if ((u.t = smp_table_new(stdout, fmt, header, columns, NCOLUMNS,
	    &e)) == NULL)
		smp_die(&e);
	if (have_skin) {
		struct group	g;

		memset(&g, 0, sizeof g);
		g.file = "-";
		g.region = "skin";
		g.skin = skin;
		g.have_skin = 1;
		g.white = u.white;
		match_group(&u, &g);
	} else if (argc == 0)
		match_file(&u, "-", &so);
	for (i = 0; i < argc; i++)
		match_file(&u, argv[i], &so);
	if (swatch != NULL && u.nrows > 0 && smp_swatch_write(swatch, u.rows,
	    u.nrows, u.k < (int)u.cat->npig ? u.k : (int)u.cat->npig, &u.o,
	    &e) == -1) {
		smp_warnx("%s", e.msg);
		u.status = SMP_EXIT_TROUBLE;
	}
	smp_table_free(u.t);
	free(u.rows);
	free(u.cand);
	smp_catalogue_free(u.cat);
	for (i = 0; i < so.nregions; i++)
		smp_region_clear(&so.regions[i]);
	free(so.regions);
	if (u.status == SMP_EXIT_OK && u.any_over)
		u.status = SMP_EXIT_SHORT;
	return u.status;
}
