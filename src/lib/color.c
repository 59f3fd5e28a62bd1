/*
 * color.c: Lab arithmetic through lcms2: white-point adaptation (Bradford,
 * cmsAdaptToIlluminant), LCh, the colour-difference formulas and ITA.
 */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <string.h>

#include <lcms2.h>

#include "smp.h"
#include "smp-internal.h"

/* CIE D65, x = 0.3127, y = 0.3290 (CIE 15:2004), Y = 1. */
void
smp__d65_xyz(cmsCIEXYZ *out)
{
	cmsCIExyY	xyY = { 0.3127, 0.3290, 1.0 };

	cmsxyY2XYZ(out, &xyY);
}

static cmsCIEXYZ	d65;
static pthread_once_t	d65_once = PTHREAD_ONCE_INIT;

static void
d65_init(void)
{
	smp__d65_xyz(&d65);
}

const cmsCIEXYZ *
smp__white_xyz(enum smp_white w)
{
	if (w == SMP_WHITE_D50)
		return cmsD50_XYZ();
	pthread_once(&d65_once, d65_init);
	return &d65;
}

const char *
smp_white_name(enum smp_white w)
{
	return w == SMP_WHITE_D50 ? "D50" : "D65";
}

void
smp__xyz_adapt(const cmsCIEXYZ *in, enum smp_white from, enum smp_white to,
    cmsCIEXYZ *out)
{
	if (from == to) {
		*out = *in;
		return;
	}
	cmsAdaptToIlluminant(out, smp__white_xyz(from), smp__white_xyz(to), in);
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
	cmsLab2XYZ(smp__white_xyz(from), &xyz, &lab);
	smp__xyz_adapt(&xyz, from, to, &ad);
	cmsXYZ2Lab(smp__white_xyz(to), &res, &ad);
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

double
smp_delta_e(enum smp_metric m, const struct smp_lab *ref,
    const struct smp_lab *sample)
{
	cmsCIELab	r = { ref->L, ref->a, ref->b };
	cmsCIELab	s = { sample->L, sample->a, sample->b };

	switch (m) {
	case SMP_DE00:
		return cmsCIE2000DeltaE(&r, &s, 1.0, 1.0, 1.0);
	case SMP_DE94:
		return cmsCIE94DeltaE(&r, &s);
	case SMP_CMC:
		/* CMC(2:1), the acceptability form; asymmetric: ref first. */
		return cmsCMCdeltaE(&r, &s, 2.0, 1.0);
	case SMP_DE76:
		return cmsDeltaE(&r, &s);
	}
	return NAN;
}

int
smp_metric_parse(const char *s, enum smp_metric *m, struct smp_err *e)
{
	static const struct {
		const char	*name;
		enum smp_metric	 m;
	} names[] = {
		{ "de00", SMP_DE00 }, { "de94", SMP_DE94 },
		{ "cmc", SMP_CMC }, { "de76", SMP_DE76 }
	};
	size_t	i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(s, names[i].name) == 0) {
			*m = names[i].m;
			return 0;
		}
	}
	return smp_errf(e, SMP_E_USAGE,
	    "unknown metric '%s' (de00, de94, cmc, de76)", s);
}

double
smp_ita(const struct smp_lab *lab)
{
	if (!(lab->b > 0) || !isfinite(lab->L))
		return NAN;
	return atan2(lab->L - 50.0, lab->b) * 180.0 / M_PI;
}

const char *
smp_ita_class(double ita)
{
	if (isnan(ita))
		return "undefined";
	if (ita > 55)
		return "very_light";
	if (ita > 41)
		return "light";
	if (ita > 28)
		return "intermediate";
	if (ita > 10)
		return "tan";
	if (ita > -30)
		return "brown";
	return "dark";
}
