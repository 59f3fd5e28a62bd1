/*
 * match-table.c: the rows smp-match prints (smp-match(1) OUTPUT), the
 * best k candidates of one group, from a declared set of columns.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "smp.h"

enum {
	M_FILE, M_REGION, M_RANK, M_PIGMENT, M_DILUTION, M_DOT_L, M_DOT_A,
	M_DOT_B, M_BLEND_L, M_BLEND_A, M_BLEND_B, M_TARGET_L, M_TARGET_A,
	M_TARGET_B, M_DE00, M_SKIN_FIT_DE00, M_ITA_CLASS, M_MAKER, M_LOAD,
	M_METRIC, M_DE, M_VIEW, M_TARGET_SOURCE, M_SKIN_L, M_SKIN_A, M_SKIN_B,
	M_ITA, M_F_MEL, M_F_BLOOD, M_WHITE, M_P_BEST, M_DE00_LO, M_DE00_HI,
	M_EQUIVALENT, M_FLAGS, M_DEPTH_UM, M_STRENGTH, M_PATCH_FIT_DE00,
	M_DEPTH_LO_UM, M_DEPTH_HI_UM, M_STRENGTH_LO, M_STRENGTH_HI, M_F_PHEO,
	M_STO2, M_D_EPI_UM, M_MUS500, M_F_RAY, M_PROFILE_SOURCE, M_CALIB_DE00,
	M_CALIB_FLAGS, M_DOT_SIZE, M_PITCH, M_CATALOGUE
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
	[M_P_BEST] = { "p_best", SMP_COL_NUM, 3 },
	[M_DE00_LO] = { "de00_lo", SMP_COL_NUM, 3 },
	[M_DE00_HI] = { "de00_hi", SMP_COL_NUM, 3 },
	[M_EQUIVALENT] = { "equivalent", SMP_COL_INT, 0 },
	[M_FLAGS] = { "flags", SMP_COL_STR, 0 },
	[M_DEPTH_UM] = { "depth_um", SMP_COL_NUM, 1 },
	[M_STRENGTH] = { "strength", SMP_COL_NUM, 3 },
	[M_PATCH_FIT_DE00] = { "patch_fit_de00", SMP_COL_NUM, 3 },
	[M_DEPTH_LO_UM] = { "depth_lo_um", SMP_COL_NUM, 1 },
	[M_DEPTH_HI_UM] = { "depth_hi_um", SMP_COL_NUM, 1 },
	[M_STRENGTH_LO] = { "strength_lo", SMP_COL_NUM, 3 },
	[M_STRENGTH_HI] = { "strength_hi", SMP_COL_NUM, 3 },
	[M_F_PHEO] = { "f_pheo", SMP_COL_NUM, 3 },
	[M_STO2] = { "sto2", SMP_COL_NUM, 3 },
	[M_D_EPI_UM] = { "d_epi_um", SMP_COL_NUM, 1 },
	[M_MUS500] = { "mus500", SMP_COL_NUM, 1 },
	[M_F_RAY] = { "f_ray", SMP_COL_NUM, 3 },
	[M_PROFILE_SOURCE] = { "profile_source", SMP_COL_STR, 0 },
	[M_CALIB_DE00] = { "calib_de00", SMP_COL_NUM, 3 },
	[M_CALIB_FLAGS] = { "calib_flags", SMP_COL_STR, 0 },
	[M_DOT_SIZE] = { "dot_size", SMP_COL_NUM, 2 },
	[M_PITCH] = { "pitch", SMP_COL_NUM, 2 },
	[M_CATALOGUE] = { "catalogue", SMP_COL_STR, 0 },
};

/* The uncertainty's columns with draws, the patch's with a patch, the
 * calibration's when calibrated; a table for people has its own. */
struct smp_table *
smp_match_table(FILE *fp, enum smp_table_format fmt, int header,
    const struct smp_match_opts *o, const struct smp_match_request *rq,
    int calibrated, struct smp_err *e)
{
	int	shown[SMP_NCOLS(columns)], i;

	if (fmt == SMP_TABLE_TEXT)
		return smp_match_text_table(fp, header, o, e);
	for (i = 0; i < SMP_NCOLS(columns); i++)
		shown[i] = 1;
	shown[M_P_BEST] = shown[M_DE00_LO] = shown[M_DE00_HI] = o->draws > 0;
	shown[M_PATCH_FIT_DE00] = shown[M_DEPTH_LO_UM] = shown[M_DEPTH_HI_UM] =
	    shown[M_STRENGTH_LO] = shown[M_STRENGTH_HI] = rq->have_patch;
	shown[M_CALIB_DE00] = shown[M_CALIB_FLAGS] = calibrated;
	return smp_table_new_shown(fp, fmt, header, columns,
	    SMP_NCOLS(columns), shown, e);
}

/* The target_source column: given, reading, or hair:COLOUR. */
static void
target_source(const struct smp_target *tg, char *buf, size_t len)
{
	if (tg->source == SMP_TARGET_GIVEN)
		snprintf(buf, len, "given");
	else if (tg->source == SMP_TARGET_READING)
		snprintf(buf, len, "reading");
	else
		snprintf(buf, len, "hair:%s", smp_names_name(&smp_names_hair,
		    tg->hair));
}

/* The skin and deposit columns every row of a reading shares. */
static void
shared_cells(struct smp_table *T, const struct smp_match_result *r)
{
	const struct smp_skin	*s = &r->ms.fit.s;
	char			 flags[128];

	smp_names_join(&smp_names_flag, r->flags, flags, sizeof flags);
	smp_table_set_str(T, M_FLAGS, flags);
	smp_table_set_num(T, M_SKIN_FIT_DE00, r->ms.fit.de00);
	smp_table_set_num(T, M_F_MEL, s->f_mel);
	smp_table_set_num(T, M_F_BLOOD, s->f_blood);
	smp_table_set_num(T, M_F_PHEO, s->f_pheo);
	smp_table_set_num(T, M_STO2, s->sto2);
	smp_table_set_num(T, M_D_EPI_UM, s->d_epi * 1e4);
	smp_table_set_num(T, M_MUS500, s->mus500);
	smp_table_set_num(T, M_F_RAY, s->f_ray);
	smp_table_set_num(T, M_DEPTH_UM, r->ms.depth * 1e4);
	smp_table_set_num(T, M_STRENGTH, r->ms.strength);
	if (r->have_patch) {
		smp_table_set_num(T, M_PATCH_FIT_DE00, r->patch.de00);
		smp_table_set_num(T, M_DEPTH_LO_UM, r->patch.depth_lo * 1e4);
		smp_table_set_num(T, M_DEPTH_HI_UM, r->patch.depth_hi * 1e4);
		smp_table_set_num(T, M_STRENGTH_LO, r->patch.strength_lo);
		smp_table_set_num(T, M_STRENGTH_HI, r->patch.strength_hi);
	}
}

int
smp_match_table_write(struct smp_table *T, const struct smp_catalogue *cat,
    const struct smp_match_opts *o, const struct smp_match_request *rq,
    const struct smp_match_group *g, const struct smp_match_result *r, int k,
    struct smp_err *e)
{
	const struct smp_lab	*t = o->view == SMP_VIEW_BLEND ?
				    &r->tg.blend : &r->tg.dot;
	char			 tsrc[64], cf[80];
	int			 j;

	if (smp_table_format(T) == SMP_TABLE_TEXT)
		return smp_match_text_write(T, cat, r, k, e);
	target_source(&r->tg, tsrc, sizeof tsrc);
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
		smp_table_set_int(T, M_EQUIVALENT, c->equivalent);
		if (c->spread) {
			smp_table_set_num(T, M_P_BEST, c->p_best);
			smp_table_set_num(T, M_DE00_LO, c->de00_lo);
			smp_table_set_num(T, M_DE00_HI, c->de00_hi);
		}
		shared_cells(T, r);
		smp_table_set_str(T, M_PROFILE_SOURCE, smp_names_name(
		    &smp_names_source, g->source));
		smp_table_set_num(T, M_CALIB_DE00, g->calib_de00);
		if (isfinite(g->calib_de00)) {
			smp_calibrate_report_flags(g->calib_flags, cf, sizeof cf);
			smp_table_set_str(T, M_CALIB_FLAGS, cf);
		}
		smp_table_set_num(T, M_DOT_SIZE, o->dot_mm);
		smp_table_set_num(T, M_PITCH, o->pitch_mm);
		smp_table_set_str(T, M_CATALOGUE, rq->catalogue);
		smp_table_set_str(T, M_WHITE, smp_names_name(&smp_names_white,
		    g->white));
		if (smp_table_end_row(T, e) == -1)
			return -1;
	}
	return 0;
}
