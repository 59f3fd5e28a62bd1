/*
 * smp-calibrate: a camera profile (ICC v2) from a photo of a ColorChecker
 * Classic 24, found automatically, checked before it is fitted
 * (smp-calibrate(1)).
 */
#include "config.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"
#include "smp-cli.h"

enum {
	OPT_CORNERS = SMP_OPT_TOOL, OPT_EDITION, OPT_REFERENCE, OPT_MODEL,
	OPT_OVERLAY, OPT_TI3, OPT_MAX_DE
};

static const struct smp_opt own[] = {
	{ "output", 1, 'o', "FILE", "the ICC v2 profile to write" },
	{ "corners", 1, OPT_CORNERS, "LIST", "patch-area corners at patches "
	    "1, 6, 24, 19" },
	{ "edition", 1, OPT_EDITION, "E", "built-in reference: 2014 (default) "
	    "or pre2014" },
	{ "reference", 1, OPT_REFERENCE, "FILE", "reference values from a "
	    "CGATS .cie file" },
	{ "model", 1, OPT_MODEL, "MODEL", "shaper-matrix (default), matrix, "
	    "root-poly" },
	{ "overlay", 1, OPT_OVERLAY, "FILE", "PNG showing where each patch "
	    "was sampled" },
	{ "ti3", 1, OPT_TI3, "FILE", "device values and reference as CGATS "
	    "CTI3" },
	{ "max-de", 1, OPT_MAX_DE, "X", "exit 1 if the leave-one-out mean "
	    "dE00 is above X" },
	SMP_OPT_END
};
static const struct smp_opt *const groups[] = {
	own, smp_opts_output, smp_opts_limits, smp_opts_batch, smp_opts_info,
	NULL
};

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
	S_MODEL,
	S_REFERENCE,
	S_SELF_MEAN,
	S_SELF_MEDIAN,
	S_SELF_MAX,
	S_LOO_MEAN,
	S_LOO_MEDIAN,
	S_LOO_MAX,
	S_PROFILE,
};
static const struct smp_column sumcols[] = {
	[S_SUMMARY] = { "summary", SMP_COL_STR, 0 },
	[S_MODEL] = { "model", SMP_COL_STR, 0 },
	[S_REFERENCE] = { "reference", SMP_COL_STR, 0 },
	[S_SELF_MEAN] = { "self_mean", SMP_COL_NUM, 3 },
	[S_SELF_MEDIAN] = { "self_median", SMP_COL_NUM, 3 },
	[S_SELF_MAX] = { "self_max", SMP_COL_NUM, 3 },
	[S_LOO_MEAN] = { "loo_mean", SMP_COL_NUM, 3 },
	[S_LOO_MEDIAN] = { "loo_median", SMP_COL_NUM, 3 },
	[S_LOO_MAX] = { "loo_max", SMP_COL_NUM, 3 },
	[S_PROFILE] = { "profile", SMP_COL_STR, 0 },
};

static smp_dead void
usage(int status)
{
	char	syn[512];

	snprintf(syn, sizeof syn, "usage: %s [-0HhV] [-j N] "
	    "[--corners X1,Y1,X2,Y2,X3,Y3,X4,Y4]\n"
	    "       [--edition 2014|pre2014 | --reference FILE.cie]\n"
	    "       [--model shaper-matrix|matrix|root-poly] "
	    "[--overlay FILE.png]\n"
	    "       [--ti3 FILE.ti3] [--max-de X] [--max-pixels N] "
	    "[--max-memory SIZE]\n"
	    "       [--json] [--[no-]progress] [--files-from FILE] "
	    "-o PROFILE.icc image...", smp_cli_progname());
	smp_cli_help(status ? stderr : stdout, syn, groups);
	exit(status);
}

static void
print_patches(const struct smp_calib_opts *o, const struct smp_calib_result *r,
    enum smp_table_format fmt, int header)
{
	struct smp_err		 e = SMP_ERR_INIT;
	struct smp_table	*t;
	int			 k;

	if ((t = smp_table_new(stdout, fmt, header, columns, SMP_NCOLS(columns),
	    &e)) == NULL)
		smp_cli_die(&e);
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
		smp_table_set_num(t, P_SD, 100 * fmax(p->sd[0], fmax(p->sd[1], p->sd[2])));
		smp_table_set_num(t, P_X, p->x);
		smp_table_set_num(t, P_Y, p->y);
		smp_table_set_num(t, P_DEV_R, p->rgb[0]);
		smp_table_set_num(t, P_DEV_G, p->rgb[1]);
		smp_table_set_num(t, P_DEV_B, p->rgb[2]);
		smp_table_set_str(t, P_WHITE, "D50");
		if (smp_table_end_row(t, &e) == -1)
			smp_cli_die(&e);
	}
	smp_table_free(t);
	if (fmt != SMP_TABLE_JSON)
		return;
	if ((t = smp_table_new(stdout, fmt, 0, sumcols, SMP_NCOLS(sumcols), &e)) == NULL)
		smp_cli_die(&e);
	smp_table_set_str(t, S_SUMMARY, "calibration");
	smp_table_set_str(t, S_MODEL, smp_names_name(&smp_names_model, o->model));
	smp_table_set_str(t, S_REFERENCE, o->ref.name);
	smp_table_set_num(t, S_SELF_MEAN, r->rep.mean[0]);
	smp_table_set_num(t, S_SELF_MEDIAN, r->rep.median[0]);
	smp_table_set_num(t, S_SELF_MAX, r->rep.max[0]);
	smp_table_set_num(t, S_LOO_MEAN, r->rep.mean[1]);
	smp_table_set_num(t, S_LOO_MEDIAN, r->rep.median[1]);
	smp_table_set_num(t, S_LOO_MAX, r->rep.max[1]);
	smp_table_set_str(t, S_PROFILE, o->output);
	if (smp_table_end_row(t, &e) == -1)
		smp_cli_die(&e);
	smp_table_free(t);
}

static void
step(void *progress)
{
	smp_progress_step(progress);
}

int
main(int argc, char *argv[])
{
	struct smp_calib_opts	 o;
	struct smp_calib_result	 r;
	struct smp_err		 e = SMP_ERR_INIT;
	struct smp_cli_common	 c;
	const char		*reffile = NULL;
	char			**files, what[64];
	size_t			 nfiles;
	double			 max_de = INFINITY;
	int			 ch, edition = 0;

	smp_cli_init(argv[0]);
	memset(&o, 0, sizeof o);
	o.model = SMP_MODEL_SHAPER;
	smp_chart_builtin(SMP_EDITION_2014, &o.ref);
	smp_cli_common_init(&c);
	while ((ch = smp_cli_getopt(argc, argv, groups)) != -1) {
		if (smp_cli_common_opt(&c, ch, optarg))
			continue;
		switch (ch) {
		case 'o':
			o.output = optarg;
			break;
		case OPT_CORNERS:
			if (smp_parse_doubles(optarg, o.corner, 8, &e) == -1)
				smp_cli_usage_error("--corners: %s", e.msg);
			o.corners = 1;
			break;
		case OPT_EDITION:
			smp_chart_builtin(smp_cli_choice("--edition", optarg,
			    &smp_names_edition), &o.ref);
			edition = 1;
			break;
		case OPT_REFERENCE:
			reffile = optarg;
			break;
		case OPT_MODEL:
			o.model = smp_cli_choice("--model", optarg,
			    &smp_names_model);
			break;
		case OPT_OVERLAY:
			o.overlay = optarg;
			break;
		case OPT_TI3:
			o.ti3 = optarg;
			break;
		case OPT_MAX_DE:
			if (smp_parse_double(optarg, 0, 1000, &max_de, &e) == -1)
				smp_cli_usage_error("--max-de: %s", e.msg);
			break;
		default:
			smp_cli_rest(ch, usage);
		}
	}
	o.limits = c.limits;
	files = smp_cli_batch_files(argc - optind, argv + optind, &c.batch,
	    &nfiles);
	if (nfiles == 0)
		smp_cli_usage_error("no image given");
	if (o.output == NULL)
		smp_cli_usage_error("no output profile (-o PROFILE.icc)");
	if (reffile != NULL && edition)
		smp_cli_usage_error("--edition and --reference exclude each other");
	if (reffile != NULL && smp_chart_load_cie(reffile, &o.ref, &e) == -1)
		smp_cli_die(&e);
	o.on_photo = step;
	o.on_photo_arg = smp_progress_start(nfiles > 1 ? c.batch.progress : 0,
	    nfiles, "photos");
	if (smp_calibrate_many((const char *const *)files, nfiles, c.batch.jobs,
	    &o, &r, &e) == -1) {
		smp_chart_detect_clear(&r.found);
		smp_cli_die(&e);
	}
	smp_progress_end(o.on_photo_arg);
	smp_chart_detect_clear(&r.found);
	print_patches(&o, &r, c.fmt, c.header);
	fflush(stdout);
	if (nfiles == 1)
		snprintf(what, sizeof what, "%s", files[0]);
	else
		snprintf(what, sizeof what, "%zu photos pooled", nfiles);
	smp_filelist_free(files);
	fprintf(stderr, "%s: %s: %s, %s: self-fit dE00 mean %.2f median %.2f "
	    "max %.2f; leave-one-out mean %.2f median %.2f max %.2f; wrote %s\n",
	    smp_cli_progname(), what, o.ref.name, smp_names_name(&smp_names_model, o.model),
	    r.rep.mean[0], r.rep.median[0], r.rep.max[0], r.rep.mean[1],
	    r.rep.median[1], r.rep.max[1], o.output);
	if (r.rep.mean[1] > max_de) {
		fprintf(stderr, "%s: leave-one-out mean dE00 %.2f is above "
		    "--max-de %.2f\n", smp_cli_progname(), r.rep.mean[1], max_de);
		return SMP_EXIT_SHORT;
	}
	return SMP_EXIT_OK;
}
