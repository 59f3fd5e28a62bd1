/*
 * optgroup.c: options declared once, with their help, in groups that
 * every tool taking them shares (output, image limits, white point,
 * sampling, catalogue, stipple, fading, batch, help and version); a tool
 * lists its own options and the groups it takes, and smp_cli_getopt and
 * smp_cli_help build the getopt_long table and the help text from the
 * same list.
 */
#include "config.h"

#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"
#include "smp-cli.h"

const struct smp_opt smp_opts_output[] = {
	{ "format", 1, SMP_OPT_FORMAT, "FMT", "tsv, json (JSON Lines) or "
	    "table (aligned, for people)" },
	{ "json", 0, SMP_OPT_JSON, NULL, "the same as --format json" },
	{ "no-header", 0, 'H', NULL, "no header line (TSV, table)" },
	SMP_OPT_END
};

const struct smp_opt smp_opts_limits[] = {
	{ "max-pixels", 1, SMP_OPT_MAX_PIXELS, "N",
	    "refuse larger images (default 100M)" },
	{ "max-memory", 1, SMP_OPT_MAX_MEMORY, "SIZE",
	    "memory of all images in flight (default 224M)" },
	SMP_OPT_END
};

const struct smp_opt smp_opts_white[] = {
	{ "white", 1, SMP_OPT_WHITE, "WHITE",
	    "Lab reference white: d50 (default) or d65" },
	SMP_OPT_END
};

const struct smp_opt smp_opts_sampling[] = {
	{ "region", 1, 'r', "REGION", "all (default), rect:X,Y,W,H, "
	    "circle:CX,CY,R,\nmask:FILE.png or grid:COLSxROWS; repeatable" },
	{ "profile", 1, 'p', "FILE", "source ICC profile, overriding the "
	    "image's" },
	{ "chart", 0, 'C', NULL, "calibrate on a ColorChecker in the same "
	    "photo first" },
	SMP_OPT_END
};

const struct smp_opt smp_opts_catalogue[] = {
	{ "catalogue", 1, 'c', "FILE", "pigment catalogue (default: "
	    "$SMP_CATALOGUE\nor the bundled one)" },
	SMP_OPT_END
};

const struct smp_opt smp_opts_stipple[] = {
	{ "dot-size", 1, SMP_OPT_DOT_SIZE, "MM", "dot diameter (default 0.3)" },
	{ "pitch", 1, SMP_OPT_PITCH, "MM", "dot spacing (default 1.0)" },
	{ "depth", 1, SMP_OPT_DEPTH, "UM",
	    "pigment-free dermis over the deposit (default 25)" },
	{ "strength", 1, SMP_OPT_STRENGTH, "F", "ink strength, x the "
	    "catalogue's (default 1)" },
	SMP_OPT_END
};

const struct smp_opt smp_opts_fade[] = {
	{ "sessions", 1, SMP_OPT_SESSIONS, "N", "treatment sessions "
	    "(default 3)" },
	{ "interval", 1, SMP_OPT_INTERVAL, "WEEKS", "between sessions "
	    "(default 3)" },
	{ "heal", 1, SMP_OPT_HEAL, "WEEKS", "healing time (default 6)" },
	{ "uv", 1, SMP_OPT_UV, "SED", "erythemal UV per year (default 150)" },
	{ "site", 1, SMP_OPT_SITE, "F", "scalp dose / personal dose "
	    "(default 1)" },
	{ "protection", 1, SMP_OPT_PROTECTION, "P", "hat or sunscreen, 0..1 "
	    "(default 0)" },
	{ "retention", 1, SMP_OPT_RETENTION, "F", "share of each deposit kept "
	    "after healing\n(default: the catalogue's, 0.67)" },
	{ "k-bio", 1, SMP_OPT_KBIO, "K", "biological loss per year "
	    "(default 0.42)" },
	{ "criterion", 1, SMP_OPT_CRITERION, "C", "when the touch-up is due: "
	    "contrast (the\ndefault) or healed (see --threshold)" },
	{ "contrast-loss", 1, SMP_OPT_CONTRAST_LOSS, "F", "touch up when the "
	    "dots have lost this share\nof their contrast with the skin "
	    "(default 0.25)" },
	{ "threshold", 1, SMP_OPT_THRESHOLD, "X", "criterion healed at X dE00 "
	    "from the healed\ncolour (default: 1.8 to 2.6 from ITA)" },
	{ "noise", 1, SMP_OPT_NOISE, "S", "repeat-capture sigma, dE00 "
	    "(default 0.5)" },
	SMP_OPT_END
};

const struct smp_opt smp_opts_batch[] = {
	{ "jobs", 1, 'j', "N", "inputs at once (default: processors)" },
	{ "files-from", 1, SMP_OPT_FILES_FROM, "FILE",
	    "also the inputs listed in FILE (- for stdin)" },
	{ "null", 0, '0', NULL, "--files-from names end in NUL, not newline" },
	{ "progress", 0, SMP_OPT_PROGRESS, NULL,
	    "a progress line on stderr (default: on a tty)" },
	{ "no-progress", 0, SMP_OPT_NO_PROGRESS, NULL, "none" },
	SMP_OPT_END
};

const struct smp_opt smp_opts_info[] = {
	{ "help", 0, 'h', NULL, "this help" },
	{ "version", 0, 'V', NULL, "version" },
	SMP_OPT_END
};

#define OPTGROUP_MAX	128

int
smp_cli_getopt(int argc, char **argv, const struct smp_opt *const *groups)
{
	static struct option	 lo[OPTGROUP_MAX + 1];
	static char		 so[2 * OPTGROUP_MAX + 2];
	static int		 built;
	const struct smp_opt	*o;
	int			 g, nl = 0, ns = 0;

	if (!built) {
		for (g = 0; groups[g] != NULL; g++)
			for (o = groups[g]; o->name != NULL || o->val != 0;
			    o++) {
				if (nl == OPTGROUP_MAX)
					smp_cli_usage_error("internal: too "
					    "many options");
				if (o->name != NULL)
					lo[nl++] = (struct option){ o->name,
					    o->has_arg ? required_argument :
					    no_argument, NULL, o->val };
				if (o->val > 0 && o->val < 128 &&
				    isalnum(o->val)) {
					so[ns++] = (char)o->val;
					if (o->has_arg)
						so[ns++] = ':';
				}
			}
		lo[nl] = (struct option){ NULL, 0, NULL, 0 };
		so[ns] = '\0';
		built = 1;
	}
	return getopt_long(argc, argv, so, lo, NULL);
}

/* A help text; a newline in it continues under the first line. */
static void
help_text(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		fputc(*s, fp);
		if (*s == '\n')
			fprintf(fp, "%24s", "");
	}
	fputc('\n', fp);
}

void
smp_cli_help(FILE *fp, const char *synopsis,
    const struct smp_opt *const *groups)
{
	const struct smp_opt	*o;
	char			 left[64];
	int			 g, n;

	fprintf(fp, "%s\n\n", synopsis);
	for (g = 0; groups[g] != NULL; g++)
		for (o = groups[g]; o->name != NULL || o->val != 0; o++) {
			if (o->help == NULL || o->help[0] == '\0')
				continue;
			if (o->val > 0 && o->val < 128 && isalnum(o->val))
				n = snprintf(left, sizeof left, "  -%c%s",
				    o->val, o->name != NULL ? ", " : "");
			else
				n = snprintf(left, sizeof left, "      ");
			if (o->name != NULL)
				n += snprintf(left + n, sizeof left - n, "--%s",
				    o->name);
			if (o->arg != NULL)
				snprintf(left + n, sizeof left - n, " %s",
				    o->arg);
			/* A long left column puts the text under it. */
			if (strlen(left) > 23)
				fprintf(fp, "%s\n%24s", left, "");
			else
				fprintf(fp, "%-23s ", left);
			help_text(fp, o->help);
		}
}

void
smp_cli_common_init(struct smp_cli_common *c)
{
	memset(c, 0, sizeof *c);
	c->fmt = SMP_TABLE_TSV;
	c->header = 1;
	c->limits.max_pixels = SMP_DEFAULT_MAX_PIXELS;
	c->limits.max_bytes = SMP_DEFAULT_MAX_BYTES;
	/* One budget for every image the workers hold at once. */
	c->limits.budget = smp_budget_process(c->limits.max_bytes);
	c->white = SMP_WHITE_D50;
	c->batch.jobs = smp_pool_cpu_count();
	c->batch.progress = -1;
}

int
smp_cli_common_opt(struct smp_cli_common *c, int ch, const char *arg)
{
	struct smp_err	e = SMP_ERR_INIT;
	long		n;

	switch (ch) {
	case SMP_OPT_JSON:
		c->fmt = SMP_TABLE_JSON;
		c->fmt_given = 1;
		return 1;
	case SMP_OPT_FORMAT:
		c->fmt = smp_cli_choice("--format", arg, &smp_names_format);
		c->fmt_given = 1;
		return 1;
	case 'H':
		c->header = 0;
		return 1;
	case SMP_OPT_MAX_PIXELS:
		if (smp_parse_count(arg, &c->limits.max_pixels, &e) == -1)
			smp_cli_usage_error("--max-pixels: %s", e.msg);
		return 1;
	case SMP_OPT_MAX_MEMORY:
		if (smp_parse_size(arg, &c->limits.max_bytes, &e) == -1)
			smp_cli_usage_error("--max-memory: %s", e.msg);
		c->limits.budget = smp_budget_process(c->limits.max_bytes);
		return 1;
	case SMP_OPT_WHITE:
		c->white = smp_cli_choice("--white", arg, &smp_names_white);
		return 1;
	case 'j':
		if (smp_parse_long(arg, 1, SMP_MAX_THREADS, &n, &e) == -1)
			smp_cli_usage_error("-j: %s", e.msg);
		c->batch.jobs = (int)n;
		return 1;
	case '0':
		c->batch.nul = 1;
		return 1;
	case SMP_OPT_FILES_FROM:
		c->batch.files_from = arg;
		return 1;
	case SMP_OPT_PROGRESS:
	case SMP_OPT_NO_PROGRESS:
		c->batch.progress = ch == SMP_OPT_PROGRESS;
		return 1;
	}
	return 0;
}

int
smp_cli_sampling_opt(struct smp_sample_opts *so, int ch, const char *arg)
{
	switch (ch) {
	case 'r':
		smp_cli_region(arg, so);
		return 1;
	case 'p':
		so->profile = arg;
		return 1;
	case 'C':
		so->chart = 1;
		return 1;
	}
	return 0;
}

void
smp_cli_sampling_done(struct smp_sample_opts *so,
    const struct smp_cli_common *c)
{
	if (so->chart && so->profile != NULL)
		smp_cli_usage_error("--chart and --profile exclude each other");
	if (so->nregions == 0)
		smp_cli_region("all", so);
	so->white = c->white;
	so->limits = c->limits;
}

int
smp_cli_stipple_opt(struct smp_match_opts *mo, int ch, const char *arg)
{
	switch (ch) {
	case SMP_OPT_DOT_SIZE:
		mo->dot_mm = smp_cli_num("--dot-size", arg, 0.05, 3);
		return 1;
	case SMP_OPT_PITCH:
		mo->pitch_mm = smp_cli_num("--pitch", arg, 0.1, 10);
		return 1;
	case SMP_OPT_DEPTH:
		mo->skin.d_above = 1e-4 * smp_cli_num("--depth", arg, 0, 1000);
		return 1;
	case SMP_OPT_STRENGTH:
		mo->strength = smp_cli_num("--strength", arg, 0.01, 100);
		return 1;
	}
	return 0;
}

int
smp_cli_fade_opt(struct smp_fade_opts *fo, int ch, const char *arg)
{
	const struct {
		int		 ch;
		const char	*name;
		double		 min, max;
		double		*dst;
	} nums[] = {
		{ SMP_OPT_INTERVAL, "--interval", 0.5, 104,
		    &fo->interval_weeks },
		{ SMP_OPT_HEAL, "--heal", 0, 26, &fo->heal_weeks },
		{ SMP_OPT_UV, "--uv", 0, 2000, &fo->uv },
		{ SMP_OPT_SITE, "--site", 0, 2, &fo->site },
		{ SMP_OPT_PROTECTION, "--protection", 0, 1, &fo->protection },
		{ SMP_OPT_KBIO, "--k-bio", 0, 10, &fo->k_bio },
		{ SMP_OPT_RETENTION, "--retention", 0.05, 1, &fo->retention },
		{ SMP_OPT_THRESHOLD, "--threshold", 0.1, 50, &fo->threshold },
		{ SMP_OPT_NOISE, "--noise", 0, 20, &fo->noise },
		{ SMP_OPT_CONTRAST_LOSS, "--contrast-loss", 0.01, 0.99,
		    &fo->contrast_loss },
	};
	size_t	i;

	if (ch == SMP_OPT_CRITERION) {
		fo->criterion = (enum smp_fade_criterion)smp_cli_choice(
		    "--criterion", arg, &smp_names_criterion);
		return 1;
	}
	if (ch == SMP_OPT_SESSIONS) {
		fo->sessions = smp_cli_whole("--sessions", arg,
		    SMP_FADE_MAX_SESSIONS, "number");
		return 1;
	}
	for (i = 0; i < sizeof nums / sizeof nums[0]; i++)
		if (nums[i].ch == ch) {
			*nums[i].dst = smp_cli_num(nums[i].name, arg,
			    nums[i].min, nums[i].max);
			if (ch == SMP_OPT_THRESHOLD)
				fo->criterion = SMP_FADE_HEALED;
			return 1;
		}
	return 0;
}
