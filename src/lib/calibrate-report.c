/*
 * calibrate-report.c: what smp-calibrate prints (smp-calibrate(1)
 * OUTPUT): one row per patch, and with --json a summary object; and the
 * one-line summary on standard error.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "smp.h"

enum {
	P_PATCH,
	P_NAME,
	P_REF_L,
	P_REF_A,
	P_REF_B,
	P_FIT_L,
	P_FIT_A,
	P_FIT_B,
	P_DE00,
	P_LOO_DE00,
	P_SD,
	P_X,
	P_Y,
	P_DEV_R,
	P_DEV_G,
	P_DEV_B,
	P_WHITE,
};
static const struct smp_column columns[] = {
	[P_PATCH] = { "patch", SMP_COL_INT, 0 },
	[P_NAME] = { "name", SMP_COL_STR, 0 },
	[P_REF_L] = { "ref_L", SMP_COL_NUM, 2 },
	[P_REF_A] = { "ref_a", SMP_COL_NUM, 2 },
	[P_REF_B] = { "ref_b", SMP_COL_NUM, 2 },
	[P_FIT_L] = { "fit_L", SMP_COL_NUM, 2 },
	[P_FIT_A] = { "fit_a", SMP_COL_NUM, 2 },
	[P_FIT_B] = { "fit_b", SMP_COL_NUM, 2 },
	[P_DE00] = { "de00", SMP_COL_NUM, 3 },
	[P_LOO_DE00] = { "loo_de00", SMP_COL_NUM, 3 },
	[P_SD] = { "sd", SMP_COL_NUM, 3 },
	[P_X] = { "x", SMP_COL_NUM, 1 },
	[P_Y] = { "y", SMP_COL_NUM, 1 },
	[P_DEV_R] = { "dev_r", SMP_COL_NUM, 5 },
	[P_DEV_G] = { "dev_g", SMP_COL_NUM, 5 },
	[P_DEV_B] = { "dev_b", SMP_COL_NUM, 5 },
	[P_WHITE] = { "white", SMP_COL_STR, 0 },
};

enum {
	S_SUMMARY,
	S_IMAGE,
	S_PHOTOS,
	S_MODEL,
	S_REFERENCE,
	S_SELF_MEAN,
	S_SELF_MEDIAN,
	S_SELF_MAX,
	S_LOO_MEAN,
	S_LOO_MEDIAN,
	S_LOO_MAX,
	S_LOO_WEIGHTED,
	S_LIGHT,
	S_LIGHT_SHARE,
	S_FLAGS,
	S_CHOICE,
	S_PROFILE,
};
static const struct smp_column sumcols[] = {
	[S_SUMMARY] = { "summary", SMP_COL_STR, 0 },
	[S_IMAGE] = { "image", SMP_COL_STR, 0 },
	[S_PHOTOS] = { "photos", SMP_COL_INT, 0 },
	[S_MODEL] = { "model", SMP_COL_STR, 0 },
	[S_REFERENCE] = { "reference", SMP_COL_STR, 0 },
	[S_SELF_MEAN] = { "self_mean", SMP_COL_NUM, 3 },
	[S_SELF_MEDIAN] = { "self_median", SMP_COL_NUM, 3 },
	[S_SELF_MAX] = { "self_max", SMP_COL_NUM, 3 },
	[S_LOO_MEAN] = { "loo_mean", SMP_COL_NUM, 3 },
	[S_LOO_MEDIAN] = { "loo_median", SMP_COL_NUM, 3 },
	[S_LOO_MAX] = { "loo_max", SMP_COL_NUM, 3 },
	[S_LOO_WEIGHTED] = { "loo_weighted", SMP_COL_NUM, 3 },
	[S_LIGHT] = { "light_falloff", SMP_COL_NUM, 3 },
	[S_LIGHT_SHARE] = { "light_share", SMP_COL_NUM, 3 },
	[S_FLAGS] = { "flags", SMP_COL_STR, 0 },
	[S_CHOICE] = { "model_choice", SMP_COL_STR, 0 },
	[S_PROFILE] = { "profile", SMP_COL_STR, 0 },
};

void
smp_calibrate_report_flags(unsigned f, char *buf, size_t len)
{
	smp_names_join(&smp_names_calib_flag, f, buf, len);
	if (buf[0] == '\0')
		snprintf(buf, len, "-");
}

/* The worst patch among [from, to) by leave-one-out. */
static int
worst(const struct smp_fit_report *rep, int from, int to)
{
	int	k, w = from;

	for (k = from; k < to; k++)
		if (rep->loo[k] > rep->loo[w])
			w = k;
	return w;
}

void
smp_calibrate_report_flag(char *buf, size_t len, unsigned f,
    const struct smp_calib_result *r)
{
	const struct smp_fit_report	*rep = &r->rep;
	int				 k;

	buf[0] = '\0';
	if (!(rep->flags & f))
		return;
	switch (f) {
	case SMP_CALIB_FLAG_POOR_FIT:
		snprintf(buf, len, "flagged poor-fit: leave-one-out mean dE00 "
		    "%.2f is above %.0f; readings through this profile are "
		    "uncertain by about that much", rep->mean[1],
		    SMP_CALIB_LOO_POOR);
		break;
	case SMP_CALIB_FLAG_POOR_SKIN:
	case SMP_CALIB_FLAG_POOR_GREY:
		k = f == SMP_CALIB_FLAG_POOR_SKIN ? worst(rep, 0, 2) :
		    worst(rep, 18, 24);
		snprintf(buf, len, "flagged %s: patch %d (%s) is predicted "
		    "%.1f dE00 off when left out (limit %.0f)",
		    f == SMP_CALIB_FLAG_POOR_SKIN ? "poor-skin" : "poor-grey",
		    k + 1, smp_chart_patch_name(k), rep->loo[k],
		    SMP_CALIB_PATCH_POOR);
		break;
	case SMP_CALIB_FLAG_UNEVEN_LIGHT:
		snprintf(buf, len, "flagged uneven-light: the light falls off "
		    "by about %.0f %% across the chart's patches (limit %.0f %%); "
		    "light it evenly and take the photo again",
		    100 * rep->light, 100 * SMP_CALIB_LIGHT_POOR);
		break;
	}
}

void
smp_calibrate_report_choice(char *buf, size_t len,
    const struct smp_calib_opts *o, const struct smp_calib_result *r)
{
	size_t	n;
	int	m;

	buf[0] = '\0';
	if (o->model != SMP_MODEL_AUTO)
		return;
	n = (size_t)snprintf(buf, len, "auto chose %s, the lowest weighted "
	    "leave-one-out dE00 (greys, skin and dark patches count more):",
	    smp_names_name(&smp_names_model, r->cam.model));
	for (m = 0; m < SMP_MODEL_NFIT; m++)
		if (r->rep.tried[m] && n < len)
			n += (size_t)snprintf(buf + n, len - n, " %s %.2f",
			    smp_names_name(&smp_names_model, m), r->rep.score[m]);
		else if (r->rep.pruned[m] && n < len)
			n += (size_t)snprintf(buf + n, len - n, " %s (self-fit "
			    "%.2f: cannot win, not left out)",
			    smp_names_name(&smp_names_model, m), r->rep.self[m]);
}

int
smp_calibrate_report_write(FILE *fp, enum smp_table_format fmt, int header,
    size_t nphotos, const char *first, const struct smp_calib_opts *o,
    const struct smp_calib_result *r, struct smp_err *e)
{
	struct smp_table	*t;
	char			 fl[64];
	int			 k;

	if ((t = smp_table_new(fp, fmt, header, columns, SMP_NCOLS(columns),
	    e)) == NULL)
		return -1;
	for (k = 0; k < SMP_CHART_PATCHES; k++) {
		const struct smp_patch	*p = &r->patch[k];

		smp_table_set_int(t, P_PATCH, k + 1);
		smp_table_set_str(t, P_NAME, smp_chart_patch_name(k));
		smp_table_set_num(t, P_REF_L, o->ref.lab[k].L);
		smp_table_set_num(t, P_REF_A, o->ref.lab[k].a);
		smp_table_set_num(t, P_REF_B, o->ref.lab[k].b);
		smp_table_set_num(t, P_FIT_L, r->rep.fit[k].L);
		smp_table_set_num(t, P_FIT_A, r->rep.fit[k].a);
		smp_table_set_num(t, P_FIT_B, r->rep.fit[k].b);
		smp_table_set_num(t, P_DE00, r->rep.de[k]);
		smp_table_set_num(t, P_LOO_DE00, r->rep.loo[k]);
		smp_table_set_num(t, P_SD, 100 * fmax(p->sd[0], fmax(p->sd[1],
		    p->sd[2])));
		smp_table_set_num(t, P_X, p->x);
		smp_table_set_num(t, P_Y, p->y);
		smp_table_set_num(t, P_DEV_R, p->rgb[0]);
		smp_table_set_num(t, P_DEV_G, p->rgb[1]);
		smp_table_set_num(t, P_DEV_B, p->rgb[2]);
		smp_table_set_str(t, P_WHITE, "D50");
		if (smp_table_end_row(t, e) == -1) {
			smp_table_free(t);
			return -1;
		}
	}
	smp_table_free(t);
	if (fmt != SMP_TABLE_JSON)
		return 0;
	if ((t = smp_table_new(fp, fmt, 0, sumcols, SMP_NCOLS(sumcols),
	    e)) == NULL)
		return -1;
	smp_table_set_str(t, S_SUMMARY, "calibration");
	smp_table_set_str(t, S_IMAGE, first);
	smp_table_set_int(t, S_PHOTOS, (long)nphotos);
	smp_table_set_str(t, S_MODEL, smp_names_name(&smp_names_model,
	    r->cam.model));
	smp_table_set_str(t, S_REFERENCE, o->ref.name);
	smp_table_set_num(t, S_SELF_MEAN, r->rep.mean[0]);
	smp_table_set_num(t, S_SELF_MEDIAN, r->rep.median[0]);
	smp_table_set_num(t, S_SELF_MAX, r->rep.max[0]);
	smp_table_set_num(t, S_LOO_MEAN, r->rep.mean[1]);
	smp_table_set_num(t, S_LOO_MEDIAN, r->rep.median[1]);
	smp_table_set_num(t, S_LOO_MAX, r->rep.max[1]);
	smp_table_set_num(t, S_LOO_WEIGHTED, r->rep.score[r->cam.model]);
	smp_table_set_num(t, S_LIGHT, r->rep.light);
	smp_table_set_num(t, S_LIGHT_SHARE, r->rep.light_share);
	smp_calibrate_report_flags(r->rep.flags, fl, sizeof fl);
	smp_table_set_str(t, S_FLAGS, fl);
	smp_table_set_str(t, S_CHOICE, o->model == SMP_MODEL_AUTO ? "auto" :
	    "given");
	smp_table_set_str(t, S_PROFILE, o->output);
	k = smp_table_end_row(t, e);
	smp_table_free(t);
	return k;
}

void
smp_calibrate_report_line(char *buf, size_t len, size_t nphotos,
    const char *first, const struct smp_calib_opts *o,
    const struct smp_calib_result *r)
{
	char	pooled[64];
	const char *what = first;

	if (nphotos != 1) {
		snprintf(pooled, sizeof pooled, "%zu photos pooled", nphotos);
		what = pooled;
	}
	snprintf(buf, len, "%s: %s, %s: self-fit dE00 mean %.2f median %.2f "
	    "max %.2f; leave-one-out mean %.2f median %.2f max %.2f; wrote %s",
	    what, o->ref.name, smp_names_name(&smp_names_model, r->cam.model),
	    r->rep.mean[0], r->rep.median[0], r->rep.max[0], r->rep.mean[1],
	    r->rep.median[1], r->rep.max[1], o->output);
}
