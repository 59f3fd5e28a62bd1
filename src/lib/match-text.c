/*
 * match-text.c: smp-match for people (smp-match(1) "The table"): per
 * reading a heading, a short aligned table (rank, pigment, the mix as a
 * practitioner writes it, dE00, p_best, the candidate's flags) and a
 * verdict with every flag in words.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "smp.h"

enum { T_RANK, T_PIGMENT, T_MIX, T_DE00, T_P_BEST, T_FLAGS };
static const struct smp_column columns[] = {
	[T_RANK] = { "rank", SMP_COL_INT, 0 },
	[T_PIGMENT] = { "pigment", SMP_COL_STR, 0 },
	[T_MIX] = { "ink:water", SMP_COL_STR, 0 },
	[T_DE00] = { "dE00", SMP_COL_NUM, 2 },
	[T_P_BEST] = { "p_best", SMP_COL_NUM, 2 },
	[T_FLAGS] = { "flags", SMP_COL_STR, 0 },
};

static const struct {
	unsigned	 flag;
	const char	*words;
} flag_words[] = {
	{ SMP_FLAG_SKIN_FIT, "the skin model misses this skin by more than "
	    "2 dE00: take the prediction as rough" },
	{ SMP_FLAG_EQUIVALENT, "the first candidates look the same on this "
	    "skin (within 1 dE00); p_best orders them" },
	{ SMP_FLAG_PATCH_FIT, "the test patch does not fit the model (more "
	    "than 2 dE00): its depth and strength are doubtful" },
	{ SMP_FLAG_MAX_DILUTION, "the best mix wants as much water as "
	    "--max-dilution allows, or more" },
	{ SMP_FLAG_NO_MATCH, "no pigment comes within 3 dE00 of the target" },
	{ SMP_FLAG_FAINT, "the dots would barely show on this skin (within "
	    "3 dE00 of it)" },
	{ SMP_FLAG_UNCALIBRATED, "the photo's colours are assumed to be "
	    "sRGB: calibrate (--chart or -p) before trusting them" },
	{ SMP_FLAG_NOISY, "the reading is less certain than the gap between "
	    "the first two candidates" },
	{ SMP_FLAG_OVER_WHITE, "more than 1 % of the skin is brighter than "
	    "the chart's white patch, where the camera model extrapolates" },
	{ SMP_FLAG_POOR_CALIBRATION, "the calibration under this photo is "
	    "flagged (calib_flags, smp-calibrate(1) FLAGS): its colours are "
	    "less certain than calib_de00 says" },
};

struct smp_table *
smp_match_text_table(FILE *fp, int header, const struct smp_match_opts *o,
    struct smp_err *e)
{
	int	shown[SMP_NCOLS(columns)], i;

	for (i = 0; i < SMP_NCOLS(columns); i++)
		shown[i] = 1;
	shown[T_P_BEST] = o->draws > 0;
	return smp_table_new_shown(fp, SMP_TABLE_TEXT, header, columns,
	    SMP_NCOLS(columns), shown, e);
}

/* Syringe marks: 0.05 ml below 1 part (a 1 ml syringe), 0.1 below 10,
 * 0.5 below 20, then whole ml, for 1 ml of ink (assumption). */
void
smp_match_text_mix(double r, char *buf, size_t len)
{
	double	step = r < 1 ? 0.05 : r < 10 ? 0.1 : r < 20 ? 0.5 : 1;
	char	num[32], *p;

	snprintf(num, sizeof num, "%.2f", round(r / step) * step);
	if ((p = strchr(num, '.')) != NULL) {
		char	*end = num + strlen(num) - 1;

		while (end > p && *end == '0')
			*end-- = '\0';
		if (end == p)
			*end = '\0';
	}
	snprintf(buf, len, "1:%s", num);
}

int
smp_match_text_write(struct smp_table *T, const struct smp_catalogue *cat,
    const struct smp_match_result *r, int k, struct smp_err *e)
{
	int	j;

	for (j = 0; j < k && (size_t)j < r->ncand; j++) {
		const struct smp_candidate *c = &r->cand[j];
		char	mix[32], fl[64];

		smp_match_text_mix(c->dilution, mix, sizeof mix);
		smp_names_join(&smp_names_flag, (c->equivalent ?
		    SMP_FLAG_EQUIVALENT : 0) | (c->at_max ?
		    SMP_FLAG_MAX_DILUTION : 0), fl, sizeof fl);
		smp_table_set_int(T, T_RANK, j + 1);
		smp_table_set_str(T, T_PIGMENT, cat->pig[c->pig].name);
		smp_table_set_str(T, T_MIX, mix);
		smp_table_set_num(T, T_DE00, c->de00);
		if (c->spread)
			smp_table_set_num(T, T_P_BEST, c->p_best);
		smp_table_set_str(T, T_FLAGS, fl);
		if (smp_table_end_row(T, e) == -1)
			return -1;
	}
	return 0;
}

void
smp_match_text_heading(const struct smp_match_group *g,
    const struct smp_match_result *r, char *buf, size_t len)
{
	char	tgt[96], dep[128];

	if (r->tg.source == SMP_TARGET_READING)
		snprintf(tgt, sizeof tgt, "the follicles in the photo");
	else if (r->tg.source == SMP_TARGET_GIVEN)
		snprintf(tgt, sizeof tgt, "%.1f %.1f %.1f as given",
		    r->tg.dot.L, r->tg.dot.a, r->tg.dot.b);
	else
		snprintf(tgt, sizeof tgt, "a shaved follicle of %s hair%s",
		    smp_names_name(&smp_names_hair, r->tg.hair),
		    r->default_hair ? " (the default)" : "");
	if (r->have_patch)
		snprintf(dep, sizeof dep, "deposit %.0f um (%.0f-%.0f), "
		    "strength %.2f (%.2f-%.2f) from the test patch",
		    r->ms.depth * 1e4, r->patch.depth_lo * 1e4,
		    r->patch.depth_hi * 1e4, r->ms.strength,
		    r->patch.strength_lo, r->patch.strength_hi);
	else
		snprintf(dep, sizeof dep, "deposit %.0f um, strength %.2f",
		    r->ms.depth * 1e4, r->ms.strength);
	snprintf(buf, len, "%s, region %s: skin %.1f %.1f %.1f (%s, ITA %.0f, "
	    "%s); target %s; %s", g->file, g->region, g->skin.L, g->skin.a,
	    g->skin.b, smp_names_name(&smp_names_white, g->white), r->ita,
	    smp_ita_class(r->ita), tgt, dep);
}

static const char *const small[] = { "no", "one", "two", "three", "four",
	"five", "six", "seven", "eight", "nine" };

void
smp_match_text_verdict(const struct smp_catalogue *cat,
    const struct smp_match_result *r, char *buf, size_t len)
{
	const struct smp_candidate *c = &r->cand[0];
	char	mix[32], others[64] = "";
	size_t	n = r->nequiv > 1 ? r->nequiv - 1 : 0;

	smp_match_text_mix(c->dilution, mix, sizeof mix);
	if (n > 0)
		snprintf(others, sizeof others, " - %s other%s look%s the same "
		    "on this skin", n < 10 ? small[n] : "several", n > 1 ?
		    "s" : "", n > 1 ? "" : "s");
	snprintf(buf, len, "%s %s, dE00 %.2f%s", cat->pig[c->pig].name, mix,
	    c->de00, others);
}

const char *
smp_match_text_flag(unsigned flags, int *i)
{
	while ((size_t)*i < sizeof flag_words / sizeof flag_words[0]) {
		int	k = (*i)++;

		if (flags & flag_words[k].flag)
			return flag_words[k].words;
	}
	return NULL;
}
