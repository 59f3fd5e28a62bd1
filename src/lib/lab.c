/*
 * lab.c: CIELAB and its reference whites through lcms2: D50 (the ICC PCS)
 * and D65, white-point adaptation (Bradford, cmsAdaptToIlluminant), LCh.
 */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <string.h>

#include <lcms2.h>

#include "smp.h"
#include "smp-internal.h"

/* CIE D65, x = 0.3127, y = 0.3290 (CIE 15:2004), Y = 1. */
static void
lab_d65_xyz(cmsCIEXYZ *out)
{
	cmsCIExyY	xyY = { 0.3127, 0.3290, 1.0 };

	cmsxyY2XYZ(out, &xyY);
}

static cmsCIEXYZ	d65;
static pthread_once_t	d65_once = PTHREAD_ONCE_INIT;

static void
d65_init(void)
{
	lab_d65_xyz(&d65);
}

const cmsCIEXYZ *
smp__lab_white_xyz(enum smp_white w)
{
	if (w == SMP_WHITE_D50)
		return cmsD50_XYZ();
	pthread_once(&d65_once, d65_init);
	return &d65;
}

void
smp__lab_xyz_adapt(const cmsCIEXYZ *in, enum smp_white from, enum smp_white to,
    cmsCIEXYZ *out)
{
	if (from == to) {
		*out = *in;
		return;
	}
	cmsAdaptToIlluminant(out, smp__lab_white_xyz(from),
	    smp__lab_white_xyz(to), in);
}

void
smp_lab_adapt(const struct smp_lab *in, enum smp_white from,
    enum smp_white to, struct smp_lab *out)
{
	cmsCIELab	lab = { in->L, in->a, in->b }, res;
	cmsCIEXYZ	xyz, ad;

	if (from == to) {
		*out = *in;
		return;
	}
	cmsLab2XYZ(smp__lab_white_xyz(from), &xyz, &lab);
	smp__lab_xyz_adapt(&xyz, from, to, &ad);
	cmsXYZ2Lab(smp__lab_white_xyz(to), &res, &ad);
	out->L = res.L;
	out->a = res.a;
	out->b = res.b;
}

void
smp_lab_lch(const struct smp_lab *lab, double *C, double *h)
{
	cmsCIELab	in = { lab->L, lab->a, lab->b };
	cmsCIELCh	lch;

	cmsLab2LCh(&lch, &in);
	*C = lch.C;
	*h = lch.h;
}
