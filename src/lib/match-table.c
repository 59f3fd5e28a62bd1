/*
 * match-table.c: the rows smp-match prints (smp-match(1) OUTPUT), the
 * best k candidates of one group, from a declared set of columns.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "smp.h"

enum {
	M_FILE, M_REGION, M_RANK, M_PIGMENT, M_DILUTION, M_DOT_L, M_DOT_A,
	M_DOT_B, M_BLEND_L, M_BLEND_A, M_BLEND_B, M_TARGET_L, M_TARGET_A,
	M_TARGET_B, M_DE00, M_SKIN_FIT_DE00, M_ITA_CLASS, M_MAKER, M_LOAD,
	M_METRIC, M_DE, M_VIEW, M_TARGET_SOURCE, M_SKIN_L, M_SKIN_A, M_SKIN_B,
	M_ITA, M_F_MEL, M_F_BLOOD, M_WHITE
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

struct smp_table *
smp_match_table(FILE *fp, enum smp_table_format fmt, int header,
    struct smp_err *e)
{
	return smp_table_new(fp, fmt, header, columns, SMP_NCOLS(columns), e);
}

/* The target_source column: given, reading, or hair:COLOUR. */
static void
target_source(const struct smp_target *tg, const struct smp_match_opts *o,
    char *buf, size_t len)
{
	if (tg->source == SMP_TARGET_GIVEN)
		snprintf(buf, len, "given");
	else if (tg->source == SMP_TARGET_READING)
		snprintf(buf, len, "reading");
	else
		snprintf(buf, len, "hair:%s", smp_names_name(&smp_names_hair,
		    o->hair));
}

int
smp_match_table_write(struct smp_table *T, const struct smp_catalogue *cat,
    const struct smp_match_opts *o, const struct smp_match_group *g,
    const struct smp_match_result *r, int k, struct smp_err *e)
{
	const struct smp_lab	*t = o->view == SMP_VIEW_BLEND ?
				    &r->tg.blend : &r->tg.dot;
	char			 tsrc[64];
	int			 j;

	target_source(&r->tg, o, tsrc, sizeof tsrc);
	for (j = 0; j < k && (size_t)j < r->ncand; j++) {
		const struct smp_candidate *c = &r->cand[j];
		const struct smp_pigment *p = &cat->pig[c->pig];

		smp_table_set_str(T, M_FILE, g->file);
		smp_table_set_str(T, M_REGION, g->region);
		smp_table_set_int(T, M_RANK, j + 1);
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
		smp_table_set_num(T, M_SKIN_FIT_DE00, r->ms.fit_de00);
		smp_table_set_str(T, M_ITA_CLASS, smp_ita_class(r->ita));
		smp_table_set_str(T, M_MAKER, p->maker);
		smp_table_set_num(T, M_LOAD, c->load);
		smp_table_set_str(T, M_METRIC, smp_names_name(&smp_names_metric,
		    o->metric));
		smp_table_set_num(T, M_DE, c->de);
		smp_table_set_str(T, M_VIEW, smp_names_name(&smp_names_view,
		    o->view));
		smp_table_set_str(T, M_TARGET_SOURCE, tsrc);
		smp_table_set_num(T, M_SKIN_L, g->skin.L);
		smp_table_set_num(T, M_SKIN_A, g->skin.a);
		smp_table_set_num(T, M_SKIN_B, g->skin.b);
		smp_table_set_num(T, M_ITA, r->ita);
		smp_table_set_num(T, M_F_MEL, r->ms.skin.f_mel);
		smp_table_set_num(T, M_F_BLOOD, r->ms.skin.f_blood);
		smp_table_set_str(T, M_WHITE, smp_names_name(&smp_names_white,
		    g->white));
		if (smp_table_end_row(T, e) == -1)
			return -1;
	}
	return 0;
}
