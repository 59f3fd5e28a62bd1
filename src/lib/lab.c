/*
 * lab.c: CIELAB and its reference whites through lcms2: D50 (the ICC PCS)
 * and D65, white-point adaptation (Bradford, cmsAdaptToIlluminant), LCh,
 * and XYZ to Lab for every distinct colour of an image.
 */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
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

/*
 * The cube root of t, for t above (6/29)^3 and finite: a first guess
 * from t's bits (its exponent divided by three; about 3 % off), two
 * Halley steps and a Newton step.  Within about one ulp of pow(t, 1/3),
 * what cmsXYZ2Lab takes, in a third of its time.
 */
static double
lab_cbrt(double t)
{
	uint64_t	u;
	double		y, y3;
	int		i;

	memcpy(&u, &t, sizeof u);
	u = u / 3 + 0x2A9F7893782DA1CEULL;
	memcpy(&y, &u, sizeof y);
	for (i = 0; i < 2; i++) {
		y3 = y * y * y;
		y *= (y3 + 2 * t) / (2 * y3 + t);
	}
	return y - (y * y * y - t) / (3 * y * y);
}

/* CIE 1976 f(t) (CIE 15:2004, 8.2.1): a cube root above (6/29)^3, a
 * line below it, which NaN takes and stays NaN. */
static double
lab_f(double t)
{
	const double	d = 6.0 / 29.0;

	if (!(t > d * d * d))
		return t / (3 * d * d) + 4.0 / 29.0;
	return lab_cbrt(t);
}

/*
 * Lab of xyz against white as cmsXYZ2Lab computes it, with lab_cbrt for
 * its pow: tests/unit/test-color.c holds the two within 1e-12.  For the
 * one conversion that runs once per distinct colour of an image
 * (pixconv.c), where cmsXYZ2Lab's three pow calls were a tenth of a
 * 2000x2000 region's time.
 */
void
smp__lab_of_xyz(const cmsCIEXYZ *white, const cmsCIEXYZ *xyz, cmsCIELab *lab)
{
	double	fx = lab_f(xyz->X / white->X), fy = lab_f(xyz->Y / white->Y);
	double	fz = lab_f(xyz->Z / white->Z);

	lab->L = 116 * fy - 16;
	lab->a = 500 * (fx - fy);
	lab->b = 200 * (fy - fz);
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
