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
	{ "model", 1, OPT_MODEL, "MODEL", "auto (default), curve-matrix, "
	    "curve-poly,\nshaper-matrix, matrix, root-poly" },
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

static smp_dead void
usage(int status)
{
	char	syn[512];

	snprintf(syn, sizeof syn, "usage: %s [-0HhV] [-j N] "
	    "[--corners X1,Y1,X2,Y2,X3,Y3,X4,Y4]\n"
	    "       [--edition 2014|pre2014 | --reference FILE.cie]\n"
	    "       [--model auto|curve-matrix|curve-poly|shaper-matrix|matrix|"
	    "root-poly]\n       "
	    "[--overlay FILE.png]\n"
	    "       [--ti3 FILE.ti3] [--max-de X] [--max-pixels N] "
	    "[--max-memory SIZE]\n"
	    "       [--json] [--[no-]progress] [--files-from FILE] "
	    "-o PROFILE.icc image...", smp_cli_progname());
	smp_cli_help(status ? stderr : stdout, syn, groups);
	exit(status);
}


static void
step(void *progress)
{
	smp_progress_step(progress);
}

/* The command line beyond the calibration's own options. */
struct cmd {
	char			**files;
	size_t			  nfiles;
	double			  max_de;
	struct smp_cli_common	  c;
};

static void
options(int argc, char **argv, struct smp_calib_opts *o, struct cmd *cmd)
{
	struct smp_err	 e = SMP_ERR_INIT;
	const char	*reffile = NULL;
	int		 ch, edition = 0;

	smp_cli_common_init(&cmd->c);
	while ((ch = smp_cli_getopt(argc, argv, groups)) != -1) {
		if (smp_cli_common_opt(&cmd->c, ch, optarg))
			continue;
		switch (ch) {
		case 'o':
			o->output = optarg;
			break;
		case OPT_CORNERS:
			if (smp_parse_doubles(optarg, o->corner, 8, &e) == -1)
				smp_cli_usage_error("--corners: %s", e.msg);
			o->corners = 1;
			break;
		case OPT_EDITION:
			smp_chart_builtin(smp_cli_choice("--edition", optarg,
			    &smp_names_edition), &o->ref);
			edition = 1;
			break;
		case OPT_REFERENCE:
			reffile = optarg;
			break;
		case OPT_MODEL:
			o->model = smp_cli_choice("--model", optarg,
			    &smp_names_model);
			break;
		case OPT_OVERLAY:
			o->overlay = optarg;
			break;
		case OPT_TI3:
			o->ti3 = optarg;
			break;
		case OPT_MAX_DE:
			cmd->max_de = smp_cli_num("--max-de", optarg, 0, 1000);
			break;
		default:
			smp_cli_rest(ch, usage);
		}
	}
	o->limits = cmd->c.limits;
	cmd->files = smp_cli_batch_files(argc - optind, argv + optind,
	    &cmd->c.batch, &cmd->nfiles);
	if (cmd->nfiles == 0)
		smp_cli_usage_error("no image given");
	if (o->output == NULL)
		smp_cli_usage_error("no output profile (-o PROFILE.icc)");
	if (reffile != NULL && edition)
		smp_cli_usage_error("--edition and --reference exclude each other");
	smp_cli_outputs((const char *[]){ o->output, o->overlay, o->ti3 }, 3,
	    cmd->files, cmd->nfiles, reffile);
	if (reffile != NULL && smp_chart_load_cie(reffile, &o->ref, &e) == -1)
		smp_cli_die(&e);
}

int
main(int argc, char *argv[])
{
	struct smp_calib_opts	 o;
	struct smp_calib_result	 r;
	struct smp_err		 e = SMP_ERR_INIT;
	struct cmd		 cmd;
	char			 line[8192];
	unsigned		 f;

	smp_cli_init(argv[0]);
	memset(&o, 0, sizeof o);
	memset(&cmd, 0, sizeof cmd);
	cmd.max_de = INFINITY;
	o.model = SMP_MODEL_AUTO;
	smp_chart_builtin(SMP_EDITION_2014, &o.ref);
	options(argc, argv, &o, &cmd);
	o.on_photo = step;
	o.on_photo_arg = smp_progress_start(cmd.nfiles > 1 ?
	    cmd.c.batch.progress : 0, cmd.nfiles, "photos");
	if (smp_calibrate_many((const char *const *)cmd.files, cmd.nfiles,
	    cmd.c.batch.jobs, &o, &r, &e) == -1) {
		smp_chart_detect_clear(&r.found);
		smp_cli_die(&e);
	}
	smp_progress_end(o.on_photo_arg);
	smp_chart_detect_clear(&r.found);
	if (smp_calibrate_report_write(stdout, cmd.c.fmt, cmd.c.header,
	    cmd.nfiles, cmd.files[0], &o, &r, &e) == -1)
		smp_cli_die(&e);
	fflush(stdout);
	smp_calibrate_report_line(line, sizeof line, cmd.nfiles, cmd.files[0],
	    &o, &r);
	smp_cli_warnx("%s", line);
	smp_calibrate_report_choice(line, sizeof line, &o, &r);
	if (line[0] != '\0')
		smp_cli_warnx("%s", line);
	for (f = 1; f <= SMP_CALIB_FLAG_UNEVEN_LIGHT; f <<= 1) {
		smp_calibrate_report_flag(line, sizeof line, f, &r);
		if (line[0] != '\0')
			smp_cli_warnx("%s: %s", cmd.nfiles == 1 ?
			    cmd.files[0] : "the photos", line);
	}
	smp_filelist_free(cmd.files);
	if (r.rep.mean[1] > cmd.max_de) {
		smp_cli_warnx("leave-one-out mean dE00 %.2f is above --max-de "
		    "%.2f", r.rep.mean[1], cmd.max_de);
		return SMP_EXIT_SHORT;
	}
	return SMP_EXIT_OK;
}
