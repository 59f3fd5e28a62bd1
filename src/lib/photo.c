/*
 * photo.c: the readings of one photo, in one pass down the layers: the
 * image is opened once; with --chart the calibration finds the chart in
 * it, fits a camera profile and hands the profile over; the regions are
 * then sampled from the same handle through that profile (or the one the
 * photo carries or the user gives), away from the chart when asked.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

int
smp_photo_sample(const char *path, const struct smp_sample_opts *o,
    struct smp_readings *out, struct smp_err *e)
{
	struct smp_image		*img;
	const struct smp_image_info	*in;
	struct smp_calib_opts		 co;
	struct smp_calib_result		 cal;
	struct smp_sample_source	 src;
	int				 r, k;

	memset(out, 0, sizeof *out);
	memset(&src, 0, sizeof src);
	memset(&cal, 0, sizeof cal);
	src.calib_de00 = NAN;
	if (smp_image_open(path, &o->limits, &img, e) == -1)
		return -1;
	in = smp_image_info(img);
	if (o->chart) {
		memset(&co, 0, sizeof co);
		smp_chart_builtin(SMP_EDITION_2014, &co.ref);
		co.model = SMP_MODEL_AUTO;
		co.want_icc = 1;
		co.limits = o->limits;
		if (smp_calibrate_image(img, &co, &cal, e) == -1) {
			smp_chart_detect_clear(&cal.found);
			free(cal.icc);
			smp_image_free(img);
			smp_err_prefix(e, path);
			return -1;
		}
		if (o->avoid_chart) {
			smp_chart_bbox(&cal.found, in->disp_width,
			    in->disp_height, src.chart);
			src.have_chart = 1;
		}
		smp_chart_detect_clear(&cal.found);
		src.icc = cal.icc;
		src.icc_len = cal.icc_len;
		src.calib_de00 = cal.rep.mean[1];
		src.calib_flags = cal.rep.flags;
		src.have_white = 1;
		for (k = 0; k < 3; k++)
			src.white[k] = cal.patch[18].rgb[k] +
			    SMP_OVER_WHITE_SD * cal.patch[18].sd[k] + 0.5 / 255;
	}
	r = smp_sample_regions(img, o, &src, out, e);
	free(cal.icc);
	smp_image_free(img);
	return r;
}
